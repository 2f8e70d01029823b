//! `spoc import FILE` and `spoc export`.

use std::path::Path;

use super::{CmdResult, Failure, json, out, read_text};
use crate::desk::{DeskApi, ImportFormat, SHOWN_CHANGES};

pub fn import(desk: &dyn DeskApi, path: &Path, replace: bool, as_json: bool) -> CmdResult {
    let text = read_text(path)?;
    let format = ImportFormat::of_path(path);
    if format == ImportFormat::Csv && crate::domain::caller::is_callers_sheet(&text) {
        if replace {
            return Err(super::bad("--replace is for registry files; a callers file adds and updates callers"));
        }
        return super::caller::import(desk, path, text, as_json);
    }
    let summary = desk.import_registry(path.display().to_string(), text, format, replace)?;
    if as_json {
        return json(&summary);
    }
    let mut text = format!(
        "imported {}: {} calendars, {} participants, {} services, {} suppliers ({} contacts), {} contracts, {} standard solutions\n",
        path.display(),
        summary.calendars,
        summary.participants,
        summary.services,
        summary.suppliers,
        summary.contacts,
        summary.contracts,
        summary.solutions
    );
    if summary.changes.is_empty() {
        text.push_str("nothing changed\n");
    }
    for change in summary.changes.iter().take(SHOWN_CHANGES) {
        text.push_str(&format!("  {}\n", crate::domain::sanitize_line(change)));
    }
    if summary.changes.len() > SHOWN_CHANGES {
        text.push_str(&format!("  … and {} more (--json lists them all)\n", summary.changes.len() - SHOWN_CHANGES));
    }
    out(&text)
}

pub fn export(desk: &dyn DeskApi, output: Option<&Path>) -> CmdResult {
    let text = desk.export_registry()?;
    match output {
        None => out(&text),
        Some(path) => {
            let tmp = path.with_extension("partial");
            std::fs::write(&tmp, &text)
                .and_then(|_| std::fs::rename(&tmp, path))
                .map_err(|e| Failure::Runtime(format!("{}: {e}", path.display())))
        }
    }
}
