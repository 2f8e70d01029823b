//! The command line: one file per subcommand. Each parses its flags into a `desk` call and
//! prints the answer as text for people or as JSON for scripts.

pub mod agent;
pub mod calendar;
pub mod caller;
pub mod check_config;
pub mod demo;
pub mod manual;
pub mod registry;
pub mod report;
pub mod serve;
pub mod sla;
pub mod store;
pub mod supplier;
pub mod ticket;
pub mod values;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::desk::DeskError;

/// How a command failed: bad input (exit 2) or a runtime failure (exit 1).
#[derive(Debug)]
pub enum Failure {
    BadInput(String),
    Runtime(String),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::BadInput(_) => 2,
            Failure::Runtime(_) => 1,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Failure::BadInput(m) | Failure::Runtime(m) => m,
        }
    }
}

impl From<DeskError> for Failure {
    fn from(e: DeskError) -> Self {
        if e.is_bad_input() { Failure::BadInput(e.to_string()) } else { Failure::Runtime(e.to_string()) }
    }
}

pub type CmdResult = Result<(), Failure>;

pub fn bad(msg: impl Into<String>) -> Failure {
    Failure::BadInput(msg.into())
}

/// The data folder: `--data`, `SPOC_DATA`, or the XDG data folder.
pub fn data_dir(given: Option<&Path>) -> PathBuf {
    match given {
        Some(p) => p.to_path_buf(),
        None => dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("spoc"),
    }
}

pub fn read_file(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| bad(format!("{}: {e}", path.display())))
}

/// A registry or CSV file as a spreadsheet may have saved it (UTF-8, UTF-16, Windows-1252);
/// what cannot be read as text says why, with the line.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| bad(format!("{}: {e}", path.display())))?;
    crate::domain::registry::text::decode(&path.display().to_string(), &bytes).map_err(|e| bad(e.to_string()))
}

/// Prints to stdout, treating a closed pipe (`| head`) as the end, not an error.
pub fn out(text: &str) -> CmdResult {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Runtime(crate::tr!("cli-write-failed", error = e.to_string())))
        }
        _ => Ok(()),
    }
}

/// Written whole under a temporary name, then renamed: a reader never sees half a file. Readable
/// as any file the agent writes, unless `private` (personal data: the agent's alone).
pub fn write_new_file(path: &Path, text: &str, private: bool) -> CmdResult {
    let fail = |e: std::io::Error| Failure::Runtime(format!("{}: {e}", path.display()));
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".spoc-").suffix(".partial").tempfile_in(dir).map_err(fail)?;
    std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(fail)?;
    if !private {
        // The temporary file starts private.
        let umask = nix::sys::stat::umask(nix::sys::stat::Mode::empty());
        nix::sys::stat::umask(umask);
        let mode = 0o666 & !umask.bits();
        tmp.as_file().set_permissions(std::os::unix::fs::PermissionsExt::from_mode(mode)).map_err(fail)?;
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

pub fn json<T: serde::Serialize>(value: &T) -> CmdResult {
    // serde_json escapes control characters, so outside text is safe in JSON output.
    out(&format!("{}\n", serde_json::to_string_pretty(value).expect("views serialize")))
}

/// Parses an RFC 3339 instant, naming the flag it came from when it is not one.
pub fn parse_instant(text: &str, flag: &str) -> Result<chrono::DateTime<chrono::Utc>, Failure> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    Err(bad(crate::tr!("cli-not-an-instant", flag = flag, text = format!("{text:?}"))))
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        DeskError::from(e).into()
    }
}

/// A `--from`/`--to` value: an RFC 3339 instant, or a whole day (YYYY-MM-DD) in the helpdesk's
/// zone, whose end (`end`: a `--to` includes its day) is the next day's start.
/// A moment as an agent types it: RFC 3339, or `YYYY-MM-DD HH:MM` on the helpdesk's clock.
pub fn local_moment(tz: chrono_tz::Tz, text: &str, flag: &str) -> Result<chrono::DateTime<chrono::Utc>, Failure> {
    use chrono::TimeZone;
    let text = text.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    let wall = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(text, f).ok())
        .ok_or_else(|| bad(crate::tr!("cli-not-a-moment", flag = flag, text = format!("{text:?}"))))?;
    match tz.from_local_datetime(&wall) {
        chrono::LocalResult::Single(t) => Ok(t.with_timezone(&chrono::Utc)),
        // The clock goes back: the first of the two.
        chrono::LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&chrono::Utc)),
        chrono::LocalResult::None => {
            Err(bad(crate::tr!("cli-moment-skipped", flag = flag, text = format!("{text:?}"), zone = tz.to_string())))
        }
    }
}

pub fn day_bound(
    tz: chrono_tz::Tz,
    text: &str,
    flag: &str,
    end: bool,
) -> Result<chrono::DateTime<chrono::Utc>, Failure> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| bad(crate::tr!("cli-not-a-day", flag = flag, text = format!("{text:?}"))))?;
    let day = if end { day.succ_opt().unwrap_or(day) } else { day };
    Ok(crate::domain::routing::local_midnight(day, tz))
}
