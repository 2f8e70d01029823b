//! `spoc check-config`: validates the config file and any registry or calendar files named,
//! and says where an error is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::{CmdResult, Failure, bad, out, read_file};
use crate::domain::registry::file::{FileError, check_toml, parse_csv};
use crate::domain::registry::lookup::closest;

const FIELDS: [&str; 5] = ["data", "group", "theme", "keymap", "language"];
const KEYMAPS: [&str; 2] = ["default", "vim"];

/// The user's config file: only what differs from the defaults.
#[derive(Debug, Default)]
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
    /// `nl` or `en`: the language of the screens and the command line (default: from `LANG`).
    pub language: Option<crate::i18n::Lang>,
    /// Where each field is written: `FILE:LINE:COLUMN`, for errors about its value.
    pub places: BTreeMap<&'static str, String>,
}

impl Config {
    pub fn looks(&self) -> crate::ui::Looks {
        crate::ui::Looks {
            theme: self.theme.clone(),
            keymap: self.keymap.clone(),
            theme_at: self.places.get("theme").cloned(),
        }
    }
}

/// `FILE:LINE:COLUMN` of a byte offset.
fn place(file: &Path, text: &str, at: usize) -> String {
    let (line, column) = crate::domain::place::position(text, at);
    format!("{}:{line}:{column}", file.display())
}

fn did_you_mean<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> String {
    closest(wanted, names, 1)
        .first()
        .map(|n| format!(" {}", crate::tr!("cli-config-did-you-mean", name = format!("{n:?}"))))
        .unwrap_or_default()
}

/// The config file's fields, and every error in it at once.
fn parse(path: &Path, text: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let fields: BTreeMap<Spanned<String>, Spanned<toml::Value>> = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let at = place(path, text, e.span().map(|s| s.start).unwrap_or(0));
            return (config, vec![format!("{at}: {}", e.message().trim())]);
        }
    };
    let mut errors = Vec::new();
    // In the order they are written, so the errors read top to bottom.
    let mut fields: Vec<_> = fields.into_iter().collect();
    fields.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in fields {
        let name = key.get_ref().as_str();
        let Some(field) = FIELDS.iter().copied().find(|f| *f == name) else {
            let at = place(path, text, key.span().start);
            let hint = did_you_mean(name, FIELDS.into_iter());
            errors.push(crate::tr!(
                "cli-config-unknown-field",
                at = at,
                name = format!("{name:?}"),
                hint = hint,
                fields = FIELDS.join(", ")
            ));
            continue;
        };
        let at = place(path, text, value.span().start);
        let Some(v) = value.get_ref().as_str().map(str::to_string) else {
            let found = value.get_ref().type_str();
            errors.push(crate::tr!("cli-config-not-a-string", at = at, field = field, found = found));
            continue;
        };
        config.places.insert(field, at.clone());
        match field {
            "data" => config.data = Some(PathBuf::from(v)),
            "group" => config.group = Some(v),
            "theme" => config.theme = Some(v),
            "language" => match v.parse::<crate::i18n::Lang>() {
                Ok(lang) => config.language = Some(lang),
                Err(why) => errors.push(format!("{at}: {why}")),
            },
            _ => {
                if !KEYMAPS.contains(&v.as_str()) {
                    let hint = did_you_mean(&v, KEYMAPS.into_iter());
                    errors.push(crate::tr!("cli-config-bad-keymap", at = at, value = format!("{v:?}"), hint = hint));
                    continue;
                }
                config.keymap = Some(v);
            }
        }
    }
    (config, errors)
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
    let (config, errors) = parse(path, &text);
    if errors.is_empty() { Ok(Some(config)) } else { Err(bad(errors.join("\n"))) }
}

pub fn run(config: Option<&Path>, files: &[PathBuf]) -> CmdResult {
    let mut report = String::new();
    let mut errors: Vec<String> = Vec::new();
    let path = config.map(Path::to_path_buf).or_else(config_path);
    let mut looks = crate::ui::Looks::default();
    match &path {
        Some(p) if p.exists() => match read_file(p) {
            Ok(text) => {
                // What is right in the file is still checked when something else is not.
                let (config, found) = parse(p, &text);
                errors.extend(found);
                looks = config.looks();
            }
            Err(e) => errors.push(e.message().to_string()),
        },
        Some(p) => report.push_str(&format!("{}\n", crate::tr!("cli-config-absent", file = p.display().to_string()))),
        None => report.push_str(&format!("{}\n", crate::i18n::t("cli-config-no-folder"))),
    }
    let mut ui = String::new();
    check_ui(&looks, &mut ui, &mut errors);
    // The config is ok only when no error points into it (a theme it names that is not there).
    if let Some(p) = path.as_ref().filter(|p| p.exists()) {
        let here = format!("{}:", p.display());
        if !errors.iter().any(|e| e.starts_with(&here)) {
            report.push_str(&format!("{}\n", crate::tr!("cli-config-ok", file = p.display().to_string())));
        }
    }
    report.push_str(&ui);
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
            Ok(()) => report.push_str(&format!("{}\n", crate::tr!("cli-config-ok", file = name.as_str()))),
            Err(list) => {
                errors.extend(list.into_iter().map(|e| if e.file.is_empty() { e.message } else { e.to_string() }))
            }
        }
    }
    out(&report)?;
    // A theme's error also shows through every theme that inherits it: once is enough.
    let mut once: Vec<String> = Vec::new();
    for e in errors.into_iter().flat_map(|e| e.lines().map(str::to_string).collect::<Vec<_>>()) {
        if !once.contains(&e) {
            once.push(e);
        }
    }
    if once.is_empty() { Ok(()) } else { Err(bad(once.join("\n"))) }
}

/// The user's keymap, the chosen theme and every theme in the config folder's `themes/`.
fn check_ui(looks: &crate::ui::Looks, report: &mut String, errors: &mut Vec<String>) {
    let chosen = looks.theme.as_deref();
    match crate::ui::keymap_path().filter(|p| p.exists()) {
        Some(p) => match crate::ui::load_keymap(looks) {
            Ok(_) => report.push_str(&format!("{}\n", crate::tr!("cli-config-ok", file = p.display().to_string()))),
            Err(e) => errors.push(e),
        },
        None => report.push_str(&format!("{}\n", crate::i18n::t("cli-config-no-keymap"))),
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
            Ok(_) => report.push_str(&format!("{}\n", crate::tr!("cli-config-ok-theme", name = name.as_str()))),
            Err(e) => errors.extend(e.0.iter().map(|e| match (&looks.theme_at, e.line) {
                // Not a place in a theme file: the theme's name, where the config names it.
                (Some(at), 0) if Some(name.as_str()) == chosen => format!("{at}: {}", e.message),
                _ => e.to_string(),
            })),
        }
    }
}
