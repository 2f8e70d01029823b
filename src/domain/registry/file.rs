//! Registry files as people write them: TOML (the full registry) and CSV (suppliers with
//! contacts, or participants). Parsing only; reading the file is the caller's business.
//! Every error names the file, the line and the field.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use super::model::{Contact, ContactRole, Participant, Supplier};
use super::{Registry, RegistryError, RegistryFile, Settings};
use crate::domain::sla::CalendarSpec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: usize,
    pub field: String,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}:{}: field {}: {}", self.file, self.line, self.field, self.message)
        }
    }
}

/// All the errors of one file, one per line when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileErrors(pub Vec<FileError>);

impl fmt::Display for FileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileErrors {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpannedFile {
    #[serde(default)]
    settings: Option<Spanned<Settings>>,
    #[serde(default)]
    calendar: Vec<Spanned<CalendarSpec>>,
    #[serde(default)]
    participant: Vec<Spanned<Participant>>,
    #[serde(default)]
    service: Vec<Spanned<super::Service>>,
    #[serde(default)]
    supplier: Vec<Spanned<Supplier>>,
    #[serde(default)]
    contract: Vec<Spanned<super::Contract>>,
}

/// Where each entry starts in the text, per table.
#[derive(Default)]
struct Positions(HashMap<&'static str, Vec<usize>>);

/// Parses registry TOML. Only the file's own content is checked here; see [`check_toml`].
pub fn parse_toml(file: &str, text: &str) -> Result<RegistryFile, FileErrors> {
    parse_spanned(file, text).map(|(f, _)| f)
}

/// As [`parse_toml`], and whether the file has a `[settings]` table of its own (an import
/// without one keeps the registry's settings).
pub fn parse_toml_settings(file: &str, text: &str) -> Result<(RegistryFile, bool), FileErrors> {
    parse_spanned(file, text).map(|(f, pos)| (f, pos.0.contains_key("settings")))
}

fn parse_spanned(file: &str, text: &str) -> Result<(RegistryFile, Positions), FileErrors> {
    let parsed: SpannedFile = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| s.start).unwrap_or(0);
        let line = line_of(text, at);
        let field = key_on_line(text, at).unwrap_or_default();
        FileErrors(vec![FileError { file: file.into(), line, field, message: e.message().trim().to_string() }])
    })?;
    let mut pos = Positions::default();
    fn take<T>(pos: &mut Positions, table: &'static str, items: Vec<Spanned<T>>) -> Vec<T> {
        pos.0.insert(table, items.iter().map(|s| s.span().start).collect());
        items.into_iter().map(Spanned::into_inner).collect()
    }
    let settings_at = parsed.settings.as_ref().map(|s| s.span().start);
    if let Some(at) = settings_at {
        pos.0.insert("settings", vec![at]);
    }
    let out = RegistryFile {
        settings: parsed.settings.map(Spanned::into_inner).unwrap_or_default(),
        calendar: take(&mut pos, "calendar", parsed.calendar),
        participant: take(&mut pos, "participant", parsed.participant),
        service: take(&mut pos, "service", parsed.service),
        supplier: take(&mut pos, "supplier", parsed.supplier),
        contract: take(&mut pos, "contract", parsed.contract),
    };
    Ok((out, pos))
}

/// Parses and validates a complete registry TOML file on its own.
pub fn check_toml(file: &str, text: &str) -> Result<Registry, FileErrors> {
    let (parsed, pos) = parse_spanned(file, text)?;
    Registry::build(parsed).map_err(|errors| locate(file, text, &pos, errors))
}

/// Validates `merged` (the store's registry with the file merged in) and maps its errors back to
/// lines of the file where the entry came from the file.
pub fn check_merged_toml(file: &str, text: &str, merged: RegistryFile) -> Result<Registry, FileErrors> {
    let (own, pos) = parse_spanned(file, text)?;
    let twice = Registry::duplicates_in(&own);
    let result = if twice.is_empty() { Registry::build(merged) } else { Err(twice) };
    result.map_err(|errors| locate(file, text, &pos, errors))
}

fn locate(file: &str, text: &str, pos: &Positions, errors: Vec<RegistryError>) -> FileErrors {
    FileErrors(
        errors
            .into_iter()
            .map(|e| {
                let start = match e.index {
                    Some(i) => pos.0.get(e.table).and_then(|v| v.get(i)).copied(),
                    None => pos.0.get(e.table).and_then(|v| v.first()).copied(),
                };
                let line = start.map(|s| field_line(text, s, e.table, &e.error.field)).unwrap_or(0);
                let entry = if e.entry.is_empty() { String::new() } else { format!("[[{}]] {:?}: ", e.table, e.entry) };
                FileError {
                    file: file.into(),
                    line,
                    field: e.error.field,
                    message: format!("{entry}{}", e.error.message),
                }
            })
            .collect(),
    )
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

fn key_on_line(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line = text[start..].lines().next()?;
    let (k, _) = line.split_once('=')?;
    Some(k.trim().trim_matches('"').to_string())
}

/// The line of `field` (a path like `sla.P2.response` or `contact[2].email`) inside the entry
/// whose header starts at `start`; the header's line when the field is not written there.
fn field_line(text: &str, start: usize, table: &str, field: &str) -> usize {
    let header_line = line_of(text, start);
    let lines: Vec<&str> = text.lines().collect();
    // The entry runs until a header that is not one of its own sub-tables.
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate().skip(header_line) {
        let t = l.trim_start();
        if t.starts_with('[') {
            let name = t.trim_start_matches('[').split(']').next().unwrap_or("").trim();
            if !name.starts_with(&format!("{table}.")) {
                end = i;
                break;
            }
        }
    }
    let parts: Vec<(&str, usize)> = field
        .split('.')
        .map(|p| match p.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().unwrap_or(1)),
            None => (p, 1),
        })
        .collect();
    let mut from = header_line; // index of the line after the header
    for k in 1..parts.len() {
        let prefix: Vec<&str> = parts[..k].iter().map(|(n, _)| *n).collect();
        let header = format!("{table}.{}", prefix.join("."));
        let nth = parts[k - 1].1;
        let found = (from..end)
            .filter(|&i| {
                let t = lines[i].trim();
                t.trim_start_matches('[').split(']').next().map(str::trim) == Some(header.as_str())
            })
            .nth(nth - 1);
        if let Some(i) = found {
            from = i + 1;
        }
    }
    let is_key = |line: &str, key: &str| {
        let t = line.trim_start();
        t.strip_prefix(key)
            .or_else(|| t.strip_prefix(&format!("\"{key}\"")))
            .is_some_and(|r| r.trim_start().starts_with('='))
    };
    for (name, _) in parts.iter().rev() {
        if let Some(i) = (from..end).find(|&i| is_key(lines[i], name)) {
            return i + 1;
        }
    }
    header_line
}

/// Writes the registry as TOML that [`parse_toml`] reads back to the same registry.
pub fn to_toml(file: &RegistryFile) -> String {
    toml::to_string(file).expect("a registry always serializes to TOML")
}

/// What a CSV file holds, told by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Suppliers,
    Participants,
}

const SUPPLIER_COLUMNS: &[&str] = &[
    "supplier",
    "aliases",
    "phone",
    "email",
    "portal",
    "hours",
    "procedure",
    "contact_name",
    "contact_role",
    "contact_level",
    "contact_phone",
    "contact_email",
];
const PARTICIPANT_COLUMNS: &[&str] = &["code", "name", "kind", "locations"];

/// Parses a CSV of suppliers (one row per contact; supplier columns repeat or stay empty) or of
/// participants. Lists in a cell are separated by `;`.
pub fn parse_csv(file: &str, text: &str) -> Result<CsvFile, FileErrors> {
    let err =
        |line: usize, field: &str, message: String| FileError { file: file.into(), line, field: field.into(), message };
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| FileErrors(vec![err(1, "", format!("cannot read the header: {e}"))]))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let kind = if headers.iter().any(|h| h == "supplier") {
        CsvKind::Suppliers
    } else if headers.iter().any(|h| h == "code") {
        CsvKind::Participants
    } else {
        return Err(FileErrors(vec![err(
            1,
            "",
            "the header names neither a `supplier` column (suppliers with contacts) nor a `code` column (participants)"
                .into(),
        )]));
    };
    let known = if kind == CsvKind::Suppliers { SUPPLIER_COLUMNS } else { PARTICIPANT_COLUMNS };
    if let Some(h) = headers.iter().find(|h| !known.contains(&h.as_str())) {
        return Err(FileErrors(vec![err(1, h, format!("unknown column (expected some of: {})", known.join(", ")))]));
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut out = RegistryFile::default();
    let mut errors = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut lines: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                errors.push(err(line, "", format!("not valid CSV: {e}")));
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let cell = |name: &str| col(name).and_then(|i| record.get(i)).map(str::to_string).filter(|s| !s.is_empty());
        let list = |name: &str| {
            cell(name)
                .map(|s| s.split(';').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
                .unwrap_or_default()
        };
        match kind {
            CsvKind::Participants => {
                let (Some(code), Some(name)) = (cell("code"), cell("name")) else {
                    let field = if cell("code").is_none() { "code" } else { "name" };
                    errors.push(err(line, field, "must not be empty".into()));
                    continue;
                };
                lines.entry(code.to_lowercase()).or_insert(line);
                out.participant.push(Participant { code, name, kind: cell("kind"), locations: list("locations") });
            }
            CsvKind::Suppliers => {
                let Some(name) = cell("supplier") else {
                    errors.push(err(line, "supplier", "must not be empty".into()));
                    continue;
                };
                lines.entry(name.to_lowercase()).or_insert(line);
                let idx = *by_name.entry(name.to_lowercase()).or_insert_with(|| {
                    out.supplier.push(Supplier {
                        name: name.clone(),
                        aliases: vec![],
                        phone: None,
                        email: None,
                        portal: None,
                        hours: None,
                        procedure: None,
                        contacts: vec![],
                    });
                    out.supplier.len() - 1
                });
                let sup = &mut out.supplier[idx];
                let mut set = |field: &str, slot: &mut Option<String>| {
                    if let Some(v) = cell(field) {
                        match slot {
                            Some(old) if *old != v => errors.push(err(
                                line,
                                field,
                                format!("{v:?} differs from {old:?} on an earlier row of {name:?}"),
                            )),
                            _ => *slot = Some(v),
                        }
                    }
                };
                set("phone", &mut sup.phone);
                set("email", &mut sup.email);
                set("portal", &mut sup.portal);
                set("hours", &mut sup.hours);
                set("procedure", &mut sup.procedure);
                for alias in list("aliases") {
                    if !sup.aliases.contains(&alias) {
                        sup.aliases.push(alias);
                    }
                }
                if let Some(contact_name) = cell("contact_name") {
                    let role_text = cell("contact_role").unwrap_or_else(|| "other".into());
                    let Some(role) = ContactRole::parse(&role_text) else {
                        errors.push(err(
                            line,
                            "contact_role",
                            format!("unknown role {role_text:?} (expected service_desk, account_manager, escalation or other)"),
                        ));
                        continue;
                    };
                    let level = match cell("contact_level").map(|l| l.parse::<u32>()) {
                        None => None,
                        Some(Ok(l)) => Some(l),
                        Some(Err(_)) => {
                            errors.push(err(
                                line,
                                "contact_level",
                                "expected a whole number (1 is the first level)".into(),
                            ));
                            continue;
                        }
                    };
                    sup.contacts.push(Contact {
                        name: contact_name,
                        role,
                        level,
                        phone: cell("contact_phone"),
                        email: cell("contact_email"),
                    });
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(CsvFile { kind, registry: out, lines, file: file.into() })
    } else {
        Err(FileErrors(errors))
    }
}

/// A parsed CSV file, with the first line of each entry for error messages.
#[derive(Debug, Clone)]
pub struct CsvFile {
    pub kind: CsvKind,
    pub registry: RegistryFile,
    file: String,
    lines: HashMap<String, usize>,
}

impl CsvFile {
    /// Validates `merged` (the store's registry with this file merged in), naming CSV lines.
    pub fn check_merged(&self, merged: RegistryFile) -> Result<Registry, FileErrors> {
        let twice = Registry::duplicates_in(&self.registry);
        let result = if twice.is_empty() { Registry::build(merged) } else { Err(twice) };
        result.map_err(|errors| {
            FileErrors(
                errors
                    .into_iter()
                    .map(|e| FileError {
                        file: self.file.clone(),
                        line: self.lines.get(&e.entry.to_lowercase()).copied().unwrap_or(0),
                        field: e.error.field.clone(),
                        message: format!("{} {:?}: {}", e.table, e.entry, e.error.message),
                    })
                    .collect(),
            )
        })
    }
}
