//! Registry files as people write them: TOML (the full registry) and CSV (suppliers with
//! contacts, or participants). Parsing only; reading the file is the caller's business.
//! Every error names the file, the line and the field.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use super::model::{Participant, Supplier};
pub use super::sheet::{CsvFile, CsvKind, parse_csv};
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
            let field = crate::tr!("file-field", field = self.field.as_str());
            write!(f, "{}:{}: {field}: {}", self.file, self.line, self.message)
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
    #[serde(default)]
    solution: Vec<Spanned<super::model::Solution>>,
}

/// Where each entry starts in the text, per table.
#[derive(Default)]
pub(super) struct Positions(pub(super) HashMap<&'static str, Vec<usize>>);

/// Parses registry TOML. Only the file's own content is checked here; see [`check_toml`].
pub fn parse_toml(file: &str, text: &str) -> Result<RegistryFile, FileErrors> {
    parse_spanned(file, text).map(|(f, _)| f)
}

pub(super) fn parse_spanned(file: &str, text: &str) -> Result<(RegistryFile, Positions), FileErrors> {
    let parsed: SpannedFile = toml::from_str(text).map_err(|e| every_entry_error(file, text, e))?;
    let (mut out, mut pos) = (RegistryFile::default(), Positions::default());
    absorb(&mut out, &mut pos, parsed, 0);
    Ok((out, pos))
}

/// Adds the entries of `parsed` (a text that starts at byte `offset` of the file) to `into`,
/// and where each starts to `pos`.
fn absorb(into: &mut RegistryFile, pos: &mut Positions, parsed: SpannedFile, offset: usize) {
    fn take<T>(pos: &mut Positions, table: &'static str, items: Vec<Spanned<T>>, offset: usize, to: &mut Vec<T>) {
        pos.0.entry(table).or_default().extend(items.iter().map(|s| offset + s.span().start));
        to.extend(items.into_iter().map(Spanned::into_inner));
    }
    if let Some(settings) = parsed.settings {
        pos.0.insert("settings", vec![offset + settings.span().start]);
        into.settings = settings.into_inner();
    }
    take(pos, "calendar", parsed.calendar, offset, &mut into.calendar);
    take(pos, "participant", parsed.participant, offset, &mut into.participant);
    take(pos, "service", parsed.service, offset, &mut into.service);
    take(pos, "supplier", parsed.supplier, offset, &mut into.supplier);
    take(pos, "contract", parsed.contract, offset, &mut into.contract);
    take(pos, "solution", parsed.solution, offset, &mut into.solution);
}

/// Parses and validates a complete registry TOML file on its own.
pub fn check_toml(file: &str, text: &str) -> Result<Registry, FileErrors> {
    let (parsed, pos) = parse_spanned(file, text)?;
    let clashes = Registry::accent_clashes_in(&parsed, &|_, _| true);
    match Registry::build(parsed) {
        Ok(registry) if clashes.is_empty() => Ok(registry),
        // Every error at once, in the order of the file's lines.
        built => {
            let mut errors = built.err().unwrap_or_default();
            errors.extend(clashes);
            let mut located = locate(file, text, &pos, errors);
            located.0.sort_by_key(|e| e.line);
            Err(located)
        }
    }
}

/// Errors of a registry built from this file alone, at the lines of the entries they are in.
pub(super) fn locate(file: &str, text: &str, pos: &Positions, errors: Vec<RegistryError>) -> FileErrors {
    let out: Vec<FileError> = errors
        .into_iter()
        .map(|e| {
            let start = match e.index {
                Some(i) => pos.0.get(e.table).and_then(|v| v.get(i)).copied(),
                None => pos.0.get(e.table).and_then(|v| v.first()).copied(),
            };
            let line = start.map(|s| field_line(text, s, e.table, &e.error.field)).unwrap_or(1);
            let other = e
                .other
                .as_ref()
                .and_then(|(i, _)| pos.0.get(e.table).and_then(|v| v.get(*i)))
                .map(|&s| format!(" {}", crate::tr!("reg-at-line", line = line_of(text, s))))
                .unwrap_or_default();
            let entry = if e.entry.is_empty() { String::new() } else { format!("[[{}]] {:?}: ", e.table, e.entry) };
            FileError {
                file: file.into(),
                line,
                field: e.error.field,
                message: format!("{entry}{}{other}", e.error.message),
            }
        })
        .collect();
    FileErrors(out)
}

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    crate::domain::place::line_at(text, offset)
}

fn toml_error(file: &str, text: &str, offset: usize, e: &toml::de::Error) -> FileError {
    let at = offset + e.span().map(|s| s.start).unwrap_or(0);
    let line = line_of(text, at);
    let field = key_on_line(text, at).unwrap_or_default();
    FileError { file: file.into(), line, field, message: e.message().trim().to_string() }
}

/// A file that does not parse: the first error of every entry, not only the file's first. Each
/// entry (from its header to the next entry's) is parsed on its own to find its error; a
/// syntax error that breaks the file itself is reported alone.
fn every_entry_error(file: &str, text: &str, first: toml::de::Error) -> FileErrors {
    let alone = FileErrors(vec![toml_error(file, text, 0, &first)]);
    if text.parse::<toml::Table>().is_err() {
        return alone;
    }
    // Where each entry's header is: `[[supplier]]`, `[settings]`... (not `[[supplier.contact]]`,
    // which belongs to the entry above it).
    const ENTRIES: [&str; 7] = [
        "[settings]",
        "[[calendar]]",
        "[[participant]]",
        "[[service]]",
        "[[supplier]]",
        "[[contract]]",
        "[[solution]]",
    ];
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let header: String = line.split('#').next().unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect();
        if ENTRIES.contains(&header.as_str()) {
            starts.push(offset);
        }
        offset += line.len();
    }
    // What comes before the first entry (top-level keys) is checked with it.
    if let Some(first) = starts.first_mut() {
        *first = 0;
    }
    starts.push(text.len());
    // The entries that do parse are still checked for names claimed twice (in any spelling).
    let (mut sound, mut pos) = (RegistryFile::default(), Positions::default());
    let mut errors = Vec::new();
    for w in starts.windows(2) {
        match toml::from_str::<SpannedFile>(&text[w[0]..w[1]]) {
            Ok(parsed) => absorb(&mut sound, &mut pos, parsed, w[0]),
            Err(e) => errors.push(toml_error(file, text, w[0], &e)),
        }
    }
    if errors.is_empty() {
        return alone;
    }
    let mut clashes = Registry::duplicates_in(&sound);
    clashes.extend(Registry::accent_clashes_in(&sound, &|_, _| true));
    errors.extend(locate(file, text, &pos, clashes).0);
    errors.sort_by_key(|e| e.line);
    FileErrors(errors)
}

fn key_on_line(text: &str, offset: usize) -> Option<String> {
    let line = *crate::domain::place::lines(text).get(line_of(text, offset) - 1)?;
    let (k, _) = line.split_once('=')?;
    Some(k.trim().trim_matches('"').to_string())
}

/// The line of `field` (a path like `sla.P2.response` or `contact[2].email`) inside the entry
/// whose header starts at `start`; the header's line when the field is not written there.
pub(super) fn field_line(text: &str, start: usize, table: &str, field: &str) -> usize {
    let header_line = line_of(text, start);
    let lines = crate::domain::place::lines(text);
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
