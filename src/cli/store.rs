//! `spoc backup FILE` and `spoc restore FILE`. The bytes go over the connection; the files are
//! written and read here, with the agent's own rights, never by the server.

use std::io::{Read, Write};
use std::path::Path;

use super::{CmdResult, Failure, out};
use crate::desk::DeskApi;

/// The first bytes of every backup: a file that does not start so is never overwritten.
const MAGIC: &[u8] = b"SPOC-BACKUP";

/// Writes to a new file of a unique name beside the target, renamed over it when complete; a
/// failed backup leaves nothing behind and touches no other file.
pub fn backup(desk: &dyn DeskApi, data: &Path, path: &Path) -> CmdResult {
    let target = std::path::absolute(path).map_err(|e| bad(path, e))?;
    refuse_target(data, &target)?;
    let folder = target.parent().unwrap_or(Path::new("/"));
    let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let mut file =
        tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".partial").tempfile_in(folder).map_err(|e| {
            let (folder, error) = (folder.display().to_string(), e.to_string());
            Failure::Runtime(crate::tr!("cli-backup-cannot-write-in", folder = folder, error = error))
        })?;
    let s = {
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        let s = desk.backup(&mut out)?;
        out.flush().map_err(|e| Failure::Runtime(format!("{}: {e}", path.display())))?;
        s
    };
    file.as_file().sync_all().map_err(|e| Failure::Runtime(format!("{}: {e}", path.display())))?;
    file.persist(&target).map_err(|e| Failure::Runtime(format!("{}: {}", path.display(), e.error)))?;
    let file = path.display().to_string();
    let said = crate::tr!("cli-backup-done", tickets = s.tickets, entries = s.journal_entries, file = file);
    out(&format!("{said}\n"))
}

/// Never inside the data folder, never over something that is not a file, and never over a
/// file that is not a backup already.
fn refuse_target(data: &Path, target: &Path) -> Result<(), Failure> {
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let folder = real(target.parent().unwrap_or(Path::new("/")));
    if folder.starts_with(real(data)) {
        return Err(Failure::BadInput(crate::tr!(
            "cli-backup-inside-data",
            file = target.display().to_string(),
            data = data.display().to_string()
        )));
    }
    match std::fs::symlink_metadata(target) {
        Err(_) => Ok(()),
        Ok(m) if !m.is_file() => {
            Err(Failure::BadInput(crate::tr!("cli-backup-not-a-file", file = target.display().to_string())))
        }
        Ok(_) => {
            let mut head = [0u8; MAGIC.len()];
            let is_backup =
                std::fs::File::open(target).and_then(|mut f| f.read_exact(&mut head)).is_ok() && head == MAGIC;
            if is_backup {
                Ok(())
            } else {
                Err(Failure::BadInput(crate::tr!("cli-backup-not-a-backup", file = target.display().to_string())))
            }
        }
    }
}

pub fn restore(desk: &dyn DeskApi, path: &Path, force: bool) -> CmdResult {
    let mut file = std::fs::File::open(path).map_err(|e| bad(path, e))?;
    let name = path.display().to_string();
    let s = desk.restore(&mut file, &name, force)?;
    let file = path.display().to_string();
    let mut said = crate::tr!("cli-restore-done", tickets = s.tickets, entries = s.journal_entries, file = file);
    // What went, and that no number is given twice: callers may have one on a note.
    if s.replaced > 0 {
        said.push_str(&format!(
            "\n{}",
            crate::tr!("cli-restore-replaced", replaced = s.replaced, next = s.next_ticket)
        ));
    }
    out(&format!("{said}\n"))
}

fn bad(path: &Path, e: std::io::Error) -> Failure {
    Failure::BadInput(format!("{}: {e}", path.display()))
}
