//! `spoc man`: manual pages from the command line's own definitions, one per command, named
//! as the SEE ALSO lists of clap_mangen name them (`spoc-ticket-update(1)`).

use std::path::Path;

use super::{CmdResult, Failure, bad};

/// The page of `path` (`["ticket", "update"]`) on standard output, or with `all`, every page
/// into that folder.
pub fn run(cli: clap::Command, path: &[String], all: Option<&Path>) -> CmdResult {
    let mut cli = cli;
    cli.build();
    if let Some(folder) = all {
        if folder.exists() && !folder.is_dir() {
            return Err(bad(crate::tr!("cli-man-not-a-folder", folder = folder.display().to_string())));
        }
        std::fs::create_dir_all(folder).map_err(|e| Failure::Runtime(format!("{}: {e}", folder.display())))?;
        let mut written = 0;
        write_all(&cli, folder, &mut written)?;
        println!("{}", crate::tr!("cli-man-written", count = written, folder = folder.display().to_string()));
        return Ok(());
    }
    let mut page = cli;
    for word in path {
        let Some(sub) = page.find_subcommand(word).cloned() else {
            let known: Vec<&str> = page.get_subcommands().map(|c| c.get_name()).filter(|n| *n != "help").collect();
            return Err(bad(crate::tr!("cli-man-unknown", command = format!("{word:?}"), known = known.join(", "))));
        };
        page = sub;
    }
    let mut out = Vec::new();
    render(&page, &mut out)?;
    std::io::Write::write_all(&mut std::io::stdout(), &out).map_err(|e| Failure::Runtime(e.to_string()))
}

/// A command's page, titled by its whole name: `spoc-ticket-update`.
fn render(cmd: &clap::Command, out: &mut Vec<u8>) -> Result<(), Failure> {
    let title = page_name(cmd);
    let cmd = cmd.clone().name(title.clone()).display_name(title);
    clap_mangen::Man::new(cmd).render(out).map_err(|e| Failure::Runtime(format!("cannot write the manual page: {e}")))
}

fn page_name(cmd: &clap::Command) -> String {
    cmd.get_bin_name().unwrap_or(cmd.get_name()).replace(' ', "-")
}

fn write_all(cmd: &clap::Command, folder: &Path, written: &mut usize) -> Result<(), Failure> {
    let mut page = Vec::new();
    render(cmd, &mut page)?;
    let file = folder.join(format!("{}.1", page_name(cmd)));
    std::fs::write(&file, page).map_err(|e| Failure::Runtime(format!("{}: {e}", file.display())))?;
    *written += 1;
    for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
        write_all(sub, folder, written)?;
    }
    Ok(())
}
