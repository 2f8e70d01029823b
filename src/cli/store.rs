//! `spoc backup FILE` and `spoc restore FILE`.

use std::path::Path;

use super::{CmdResult, Failure, out};
use crate::desk::DeskApi;

pub fn backup(desk: &dyn DeskApi, path: &Path) -> CmdResult {
    let s = desk.backup(&absolute(path)?)?;
    out(&format!("backed up {} tickets and {} journal entries to {}\n", s.tickets, s.journal_entries, path.display()))
}

pub fn restore(desk: &dyn DeskApi, path: &Path, force: bool) -> CmdResult {
    let s = desk.restore(&absolute(path)?, force)?;
    out(&format!("restored {} tickets and {} journal entries from {}\n", s.tickets, s.journal_entries, path.display()))
}

/// The server resolves paths from its own working folder, so send it an absolute one.
fn absolute(path: &Path) -> Result<std::path::PathBuf, Failure> {
    std::path::absolute(path).map_err(|e| Failure::Runtime(format!("{}: {e}", path.display())))
}
