//! What an import changed, entry by entry and field by field: "supplier Iddink: phone".

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::{RegistryFile, key};

/// One line per entry that was added, removed or changed, with the fields that changed.
pub fn changes(before: &RegistryFile, after: &RegistryFile) -> Vec<String> {
    let mut out = Vec::new();
    let settings = differing(&before.settings, &after.settings);
    if !settings.is_empty() {
        out.push(format!("settings: {}", settings.join(", ")));
    }
    table(&mut out, "calendar", &before.calendar, &after.calendar, |c| &c.name);
    table(&mut out, "participant", &before.participant, &after.participant, |p| &p.code);
    table(&mut out, "service", &before.service, &after.service, |s| &s.name);
    table(&mut out, "supplier", &before.supplier, &after.supplier, |s| &s.name);
    table(&mut out, "contract", &before.contract, &after.contract, |c| &c.number);
    table(&mut out, "solution", &before.solution, &after.solution, |s| &s.title);
    out
}

fn table<T: Serialize>(out: &mut Vec<String>, what: &str, before: &[T], after: &[T], name: impl Fn(&T) -> &String) {
    let kept: HashSet<String> = after.iter().map(|a| key(name(a))).collect();
    for a in after {
        match before.iter().find(|b| key(name(b)) == key(name(a))) {
            None => out.push(crate::tr!("change-added", table = table_word(what), name = name(a).as_str())),
            Some(b) => {
                let fields = differing(b, a);
                if !fields.is_empty() {
                    let (table, name) = (table_word(what), name(a).as_str());
                    out.push(crate::tr!("change-fields", table = table, name = name, fields = fields.join(", ")));
                }
            }
        }
    }
    for b in before.iter().filter(|b| !kept.contains(&key(name(b)))) {
        out.push(crate::tr!("change-removed", table = table_word(what), name = name(b).as_str()));
    }
}

/// A registry table as people read it ("leverancier"); the field names stay the file's.
fn table_word(table: &str) -> String {
    crate::i18n::t(&format!("change-table-{table}"))
}

/// The names of the fields whose values differ, as the registry file names them.
fn differing<T: Serialize>(a: &T, b: &T) -> Vec<String> {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) = (serde_json::to_value(a), serde_json::to_value(b)) else {
        return Vec::new();
    };
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| a.get(*n) != b.get(*n))
        .map(|n| if n == "contact" { "contacts".to_string() } else { n.clone() })
        .collect()
}
