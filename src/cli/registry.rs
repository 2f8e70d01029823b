//! `spoc import FILE` and `spoc export`.

use std::path::Path;

use super::{CmdResult, Failure, json, out, read_text};
use crate::desk::{DeskApi, ImportFormat, SHOWN_CHANGES};

pub fn import(desk: &dyn DeskApi, path: &Path, replace: bool, as_json: bool) -> CmdResult {
    let text = read_text(path)?;
    let format = ImportFormat::of_path(path);
    if format == ImportFormat::Csv && crate::domain::caller::is_callers_sheet(&text) {
        if replace {
            return Err(super::bad(crate::i18n::t("cli-import-replace-callers")));
        }
        return super::caller::import(desk, path, text, as_json);
    }
    let summary = desk.import_registry(path.display().to_string(), text, format, replace)?;
    if as_json {
        return json(&summary);
    }
    let mut text = crate::tr!(
        "cli-import-done",
        file = path.display().to_string(),
        calendars = summary.calendars,
        participants = summary.participants,
        services = summary.services,
        suppliers = summary.suppliers,
        contacts = summary.contacts,
        contracts = summary.contracts,
        solutions = summary.solutions
    ) + "\n";
    if summary.changes.is_empty() {
        text.push_str(&format!("{}\n", crate::i18n::t("prompt-nothing-changed")));
    }
    for change in summary.changes.iter().take(SHOWN_CHANGES) {
        text.push_str(&format!("  {}\n", crate::domain::sanitize_line(change)));
    }
    if summary.changes.len() > SHOWN_CHANGES {
        let n = summary.changes.len() - SHOWN_CHANGES;
        text.push_str(&format!("  {}\n", crate::tr!("cli-import-more", n = n)));
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
