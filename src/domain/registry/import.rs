//! Importing a file into a registry that is not empty: merging it, validating the result, and
//! naming every error by a line of the user's own file (never a position in the stored
//! registry, which the user cannot see).

use super::changes::changes;
use super::file::{FileError, FileErrors, Positions, field_line, line_of, locate, parse_spanned};
use super::sheet::parse_csv;
use super::{Registry, RegistryError, RegistryFile, key};

/// The registry after an import, what the file held, and what changed.
#[derive(Debug, Clone)]
pub struct Imported {
    pub registry: Registry,
    /// The entries of the file, as parsed.
    pub incoming: RegistryFile,
    /// "supplier Iddink: phone", one per entry added, removed or changed.
    pub changes: Vec<String>,
}

/// A TOML registry file over `stored`: its entries replace those with the same key (with
/// `replace`, it is the whole registry). Its `[settings]` replace the stored ones if it has them.
pub fn import_toml(stored: &RegistryFile, file: &str, text: &str, replace: bool) -> Result<Imported, FileErrors> {
    let (own, pos) = parse_spanned(file, text)?;
    let base = if replace { RegistryFile::default() } else { stored.clone() };
    let mut merged = base.clone();
    merged.merge(own.clone(), pos.0.contains_key("settings") || replace);
    let source = Toml { own: &own, pos: &pos, text };
    // Entries of the file that share a key would be merged into one, hiding the first.
    let twice = locate(file, text, &pos, Registry::duplicates_in(&own)).0;
    finish(stored, &base, merged, own.clone(), twice, file, |t, e, f, _, _| source.line(t, e, f))
}

/// A CSV file over `stored`: see [`super::file::CsvFile::apply`].
pub fn import_csv(stored: &RegistryFile, file: &str, text: &str, replace: bool) -> Result<Imported, FileErrors> {
    let sheet = parse_csv(file, text)?;
    let merged = sheet.apply(stored, replace);
    let twice: Vec<FileError> = Vec::new();
    let incoming = sheet.registry.clone();
    finish(stored, stored, merged, incoming, twice, file, |t, e, f, m, i| sheet.line(t, e, f, m, i)).map_err(
        |mut errors| {
            for e in &mut errors.0 {
                e.field = sheet.column(&e.field);
            }
            errors
        },
    )
}

/// Where a field of an entry is in the user's file: (table, entry, field, merged, index in merged).
type LineOf<'a> = dyn Fn(&str, &str, &str, &RegistryFile, Option<usize>) -> Option<usize> + 'a;

fn finish(
    stored: &RegistryFile,
    base: &RegistryFile,
    merged: RegistryFile,
    incoming: RegistryFile,
    mut errors: Vec<FileError>,
    file: &str,
    line_of: impl Fn(&str, &str, &str, &RegistryFile, Option<usize>) -> Option<usize>,
) -> Result<Imported, FileErrors> {
    // Which entries the file brings, by table and key.
    let brings = |table: &str, name: &str| {
        let k = key(name);
        match table {
            "participant" => incoming.participant.iter().any(|p| key(&p.code) == k),
            "service" => incoming.service.iter().any(|s| key(&s.name) == k),
            "supplier" => incoming.supplier.iter().any(|s| key(&s.name) == k),
            _ => false,
        }
    };
    // Every error at once, in the order of the file's lines.
    let built = Registry::build(merged.clone());
    let mut found = built.as_ref().err().cloned().unwrap_or_default();
    found.extend(Registry::accent_clashes_in(&merged, &brings));
    for e in found {
        let located = place(&e, base, &merged, file, &line_of);
        if !errors.iter().any(|x| x.line == located.line && x.message == located.message) {
            errors.push(located);
        }
    }
    match built {
        Ok(registry) if errors.is_empty() => {
            let changes = changes(stored, registry.file());
            Ok(Imported { registry, incoming, changes })
        }
        _ => {
            errors.sort_by_key(|e| e.line);
            Err(FileErrors(errors))
        }
    }
}

/// One error of the merged registry as an error of the user's file.
fn place(e: &RegistryError, base: &RegistryFile, merged: &RegistryFile, file: &str, line_of: &LineOf) -> FileError {
    let field = e.error.field.as_str();
    let own = line_of(e.table, &e.entry, field, merged, e.index);
    // The clashing entry, by its first line; whether the user's file holds it.
    let other = e.other.as_ref().map(|(_, name)| (name, line_of(e.table, name, "", merged, None)));
    let mut gone = false;
    let line = own
        .or_else(|| other.as_ref().and_then(|(_, l)| *l))
        .or_else(|| {
            // A stored entry refers to a name the file's entry no longer has (an alias taken away).
            let (table, name) = e.refers.as_ref()?;
            let owner = owner_of(base, table, name)?;
            let line = line_of(table, &owner, "aliases", merged, None);
            gone = line.is_none();
            line
        })
        .unwrap_or(1);
    let stored = if own.is_some() || e.entry.is_empty() {
        String::new()
    } else {
        format!(" {}", crate::i18n::t("reg-stored-not-in-file"))
    };
    let entry = if e.entry.is_empty() { String::new() } else { format!("[[{}]] {:?}{stored}: ", e.table, e.entry) };
    let note = match other {
        Some((_, Some(l))) if own.is_some() => format!(" {}", crate::tr!("reg-at-line", line = l)),
        Some((_, None)) => format!(" {}", crate::i18n::t("reg-in-stored-registry")),
        _ if gone => format!(" {}", crate::i18n::t("reg-replace-removes")),
        _ => String::new(),
    };
    FileError {
        file: file.into(),
        line,
        field: e.error.field.clone(),
        message: format!("{entry}{}{note}", e.error.message),
    }
}

/// The entry of `table` that held `name` (as its name or an alias) before the import.
fn owner_of(base: &RegistryFile, table: &str, name: &str) -> Option<String> {
    let k = key(name);
    let held = |n: &str, aliases: &[String]| key(n) == k || aliases.iter().any(|a| key(a) == k);
    match table {
        "participant" => base.participant.iter().find(|p| key(&p.code) == k).map(|p| p.code.clone()),
        "service" => base.service.iter().find(|s| held(&s.name, &s.aliases)).map(|s| s.name.clone()),
        "supplier" => base.supplier.iter().find(|s| held(&s.name, &s.aliases)).map(|s| s.name.clone()),
        _ => None,
    }
}

/// The user's TOML file, for placing errors by entry key.
struct Toml<'a> {
    own: &'a RegistryFile,
    pos: &'a Positions,
    text: &'a str,
}

impl Toml<'_> {
    fn line(&self, table: &str, entry: &str, field: &str) -> Option<usize> {
        let k = key(entry);
        let f = self.own;
        // The last entry of a key is the one the merge kept.
        let index = match table {
            "settings" => Some(0),
            "calendar" => f.calendar.iter().rposition(|c| key(&c.name) == k),
            "participant" => f.participant.iter().rposition(|p| key(&p.code) == k),
            "service" => f.service.iter().rposition(|s| key(&s.name) == k),
            "supplier" => f.supplier.iter().rposition(|s| key(&s.name) == k),
            "contract" => f.contract.iter().rposition(|c| key(&c.number) == k),
            "solution" => f.solution.iter().rposition(|s| key(&s.title) == k),
            _ => None,
        }?;
        let (name, start) =
            self.pos.0.iter().find(|(t, _)| **t == table).and_then(|(t, v)| Some((*t, *v.get(index)?)))?;
        Some(if field.is_empty() { line_of(self.text, start) } else { field_line(self.text, start, name, field) })
    }
}
