//! `spoc check-config`: validates the config file and any registry or calendar files named,
//! and says where an error is.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{CmdResult, Failure, bad, out, read_file};
use crate::domain::registry::file::{FileError, check_toml, parse_csv};

/// The user's config file: only what differs from the defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The data folder, when neither `--data` nor `SPOC_DATA` names one.
    pub data: Option<PathBuf>,
    /// A Unix group whose members share the servicedesk: the data folder and the socket are
    /// made readable and connectable for that group, and for nobody else.
    pub group: Option<String>,
    /// The terminal UI's theme: a built-in one (default, dark, light, high-contrast) or a file
    /// in the config folder's `themes/`.
    pub theme: Option<String>,
    /// `vim` for the vim keys over the default ones.
    pub keymap: Option<String>,
}

impl Config {
    pub fn looks(&self) -> crate::ui::Looks {
        crate::ui::Looks { theme: self.theme.clone(), keymap: self.keymap.clone() }
    }
}

pub fn config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("spoc").join("config.toml"))
}

/// Reads the config file if there is one; an error names the file, line and field.
pub fn load(path: &Path) -> Result<Option<Config>, Failure> {
    if !path.exists() {
        return Ok(None);
    }
    let text = read_file(path)?;
    toml::from_str::<Config>(&text).map(Some).map_err(|e| {
        let at = e.span().map(|s| s.start).unwrap_or(0);
        let line = text[..at].matches('\n').count() + 1;
        let column = at - text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
        bad(format!("{}:{line}:{column}: {}", path.display(), e.message().trim()))
    })
}

pub fn run(config: Option<&Path>, files: &[PathBuf]) -> CmdResult {
    let mut report = String::new();
    let mut errors: Vec<String> = Vec::new();
    let path = config.map(Path::to_path_buf).or_else(config_path);
    match &path {
        Some(p) => match load(p) {
            Ok(Some(_)) => report.push_str(&format!("ok  {}\n", p.display())),
            Ok(None) => report.push_str(&format!("--  {} (none; defaults apply)\n", p.display())),
            Err(e) => errors.push(e.message().to_string()),
        },
        None => report.push_str("--  no config folder on this system; defaults apply\n"),
    }
    let looks = path.as_deref().and_then(|p| load(p).ok().flatten()).map(|c| c.looks()).unwrap_or_default();
    check_ui(&looks, &mut report, &mut errors);
    for file in files {
        let text = match super::read_text(file) {
            Ok(text) => text,
            Err(e) => {
                errors.push(e.message().to_string());
                continue;
            }
        };
        let name = file.display().to_string();
        let result: Result<(), Vec<FileError>> = if name.to_ascii_lowercase().ends_with(".csv") {
            parse_csv(&name, &text).map(|_| ()).map_err(|e| e.0)
        } else if text.contains("[[") || text.contains("[settings") {
            check_toml(&name, &text).map(|_| ()).map_err(|e| e.0)
        } else {
            super::sla::load_calendar(file).map(|_| ()).map_err(|e| {
                vec![FileError { file: String::new(), line: 0, field: String::new(), message: e.message().to_string() }]
            })
        };
        match result {
            Ok(()) => report.push_str(&format!("ok  {name}\n")),
            Err(list) => {
                errors.extend(list.into_iter().map(|e| if e.file.is_empty() { e.message } else { e.to_string() }))
            }
        }
    }
    out(&report)?;
    if errors.is_empty() { Ok(()) } else { Err(bad(errors.join("\n"))) }
}

/// The user's keymap, the chosen theme and every theme in the config folder's `themes/`.
fn check_ui(looks: &crate::ui::Looks, report: &mut String, errors: &mut Vec<String>) {
    let chosen = looks.theme.as_deref();
    match crate::ui::keymap_path().filter(|p| p.exists()) {
        Some(p) => match crate::ui::load_keymap(looks) {
            Ok(_) => report.push_str(&format!("ok  {}\n", p.display())),
            Err(e) => errors.push(e),
        },
        None => report.push_str("--  no keymap file; the built-in keys apply\n"),
    }
    let dir = crate::ui::themes_dir();
    let mut names: Vec<String> = chosen.into_iter().map(String::from).collect();
    if let Some(entries) = dir.as_ref().and_then(|d| std::fs::read_dir(d).ok()) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml")
                && let Some(stem) = path.file_stem()
            {
                names.push(stem.to_string_lossy().into_owned());
            }
        }
    }
    names.sort();
    names.dedup();
    for name in names {
        match crate::ui::Theme::load(&name, dir.as_deref()) {
            Ok(_) => report.push_str(&format!("ok  theme {name}\n")),
            Err(e) => errors.push(e.to_string()),
        }
    }
}
