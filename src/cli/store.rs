//! `spoc backup FILE` and `spoc restore FILE`.

use std::path::Path;

use super::{CmdResult, out};
use crate::desk::Desk;

pub fn backup(desk: &Desk, path: &Path) -> CmdResult {
    let s = desk.backup(path)?;
    out(&format!("backed up {} tickets and {} journal entries to {}\n", s.tickets, s.journal_entries, path.display()))
}

pub fn restore(desk: &Desk, path: &Path, force: bool) -> CmdResult {
    let s = desk.restore(path, force)?;
    out(&format!("restored {} tickets and {} journal entries from {}\n", s.tickets, s.journal_entries, path.display()))
}
