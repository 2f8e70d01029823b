//! The catalogues: every message in both languages, every message the code asks for written,
//! and no text a person reads written in the code of a translated screen.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::FluentResource;
use spoc::i18n::{CATALOGUES, FILES, Lang};

/// The message ids of a catalogue, which must parse whole.
fn ids(text: &str) -> Vec<String> {
    if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
        panic!("a catalogue does not parse: {errors:?}");
    }
    // A message starts at the line's start: `id = ...` (continuation lines are indented).
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

fn all_ids(lang: Lang) -> BTreeSet<String> {
    let (_, files) = CATALOGUES.iter().find(|(l, _)| *l == lang).unwrap();
    let mut seen = BTreeSet::new();
    for (file, text) in FILES.iter().zip(files) {
        for id in ids(text) {
            assert!(seen.insert(id.clone()), "{}/{file}.ftl: {id} is written twice", lang.code());
        }
    }
    seen
}

#[test]
fn every_message_is_in_both_languages() {
    let (_, en) = CATALOGUES[0];
    let (_, nl) = CATALOGUES[1];
    for ((file, en), nl) in FILES.iter().zip(en).zip(nl) {
        let (en, nl): (BTreeSet<String>, BTreeSet<String>) =
            (ids(en).into_iter().collect(), ids(nl).into_iter().collect());
        let missing: Vec<_> = en.difference(&nl).collect();
        let extra: Vec<_> = nl.difference(&en).collect();
        assert!(missing.is_empty(), "i18n/nl/{file}.ftl lacks {missing:?}");
        assert!(extra.is_empty(), "i18n/nl/{file}.ftl has {extra:?}, which i18n/en/{file}.ftl lacks");
    }
    all_ids(Lang::En);
    all_ids(Lang::Nl);
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The message ids a source file asks for by name: `t("id")` and `tr!("id"`.
fn asked(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Comments may show how to ask; code asks.
    let code: String = text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    for open in ["t(", "tr!("] {
        let mut rest = code.as_str();
        while let Some(at) = rest.find(open) {
            let before = rest[..at].chars().last();
            rest = &rest[at + open.len()..];
            // A call of its own, not the end of another name (`split(`, `include_str!(`), with
            // its id written out, maybe on the next line.
            let Some(id) = rest.trim_start().strip_prefix('"') else { continue };
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(end) = id.find('"') {
                out.push(id[..end].to_string());
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_asks_for_is_written() {
    let known = all_ids(Lang::En);
    let mut files = Vec::new();
    sources(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for id in asked(&text) {
            if !known.contains(&id) {
                missing.push(format!("{}: {id}", file.display()));
            }
        }
    }
    // Asked for by a name made in the code: each status, in full and short.
    for s in spoc::domain::Status::ALL {
        let id = s.as_str().replace('_', "-");
        for name in [format!("status-{id}"), format!("status-short-{id}")] {
            if !known.contains(&name) {
                missing.push(name);
            }
        }
    }
    // And each registry table by its name, as an import's changes name it.
    for table in ["calendar", "participant", "service", "supplier", "contract", "solution"] {
        let id = format!("change-table-{table}");
        if !known.contains(&id) {
            missing.push(id);
        }
    }
    assert!(missing.is_empty(), "asked for but not in the catalogue: {missing:#?}");
}

/// The screens that speak through the catalogue only.
const TRANSLATED: &[&str] = &[
    "src/present.rs",
    "src/ui/frame.rs",
    "src/ui/screens/queue/view.rs",
    "src/ui/screens/ticket/view.rs",
    "src/ui/screens/intake/view.rs",
    "src/ui/screens/lookup/view.rs",
    "src/ui/screens/dashboard/view.rs",
    "src/ui/screens/search/view.rs",
    "src/ui/screens/registry/view.rs",
    "src/ui/screens/registry/detail.rs",
    "src/ui/screens/regie/view.rs",
    "src/ui/screens/help/view.rs",
    "src/ui/screens/intake/mod.rs",
    "src/ui/screens/queue/mod.rs",
    "src/ui/screens/ticket/mod.rs",
    "src/ui/prompt.rs",
    "src/ui/update.rs",
    "src/ui/action.rs",
    "src/cli/ticket.rs",
    "src/cli/caller.rs",
    "src/cli/supplier.rs",
    "src/cli/report/mod.rs",
    "src/cli/report/pack.rs",
    "src/desk/views.rs",
    "src/desk/callers.rs",
    "src/desk/majors.rs",
    "src/domain/ticket.rs",
];

/// Whether a string literal reads as words for a person: two words of letters with a space.
fn reads_as_text(literal: &str) -> bool {
    let words: Vec<&str> = literal.split(' ').collect();
    words.windows(2).any(|w| {
        let word =
            |x: &str| x.chars().filter(|c| c.is_alphabetic()).count() >= 2 && x.chars().all(|c| c.is_alphabetic());
        word(w[0]) && word(w[1])
    })
}

#[test]
fn the_translated_screens_write_no_text_of_their_own() {
    let mut found = Vec::new();
    for file in TRANSLATED {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        // Tests may say what they like.
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        for (n, line) in code.lines().enumerate() {
            let line_code = line.split("//").next().unwrap_or(line);
            let mut parts = line_code.split('"');
            parts.next();
            while let Some(literal) = parts.next() {
                // `// i18n: stable (why)` marks words kept as they are on purpose: a column's
                // stable name, the audit log, a name scripts use.
                let kept = line.contains("// i18n: stable");
                if reads_as_text(literal) && !kept && !line.contains("t(\"") && !line.contains("tr!(\"") {
                    found.push(format!("{file}:{}: {literal:?}", n + 1));
                }
                parts.next();
            }
        }
    }
    assert!(found.is_empty(), "text written in the code, not through the catalogue: {found:#?}");
}

/// One server, agents of two languages: each reads the desk's refusals in their own.
#[test]
fn the_server_answers_each_agent_in_their_language() {
    let f = crate::common::server::Folder::new();
    let registry = f.tmp.path().join("small.toml");
    std::fs::write(&registry, crate::common::SMALL).unwrap();
    f.ok(&["import", registry.to_str().unwrap()]);
    let new = ["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "2", "--urgency", "2"];
    f.ok(&[&new[..], &["--title", "Magister traag"]].concat());
    let close = ["ticket", "update", "1", "--status", "closed"];
    let refused = |lang: &str| {
        let out = f.run(&[&["--lang", lang][..], &close[..]].concat());
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let (en, nl) = (refused("en"), refused("nl"));
    assert!(en.contains("a ticket cannot go from new to closed"), "{en}");
    assert!(nl.contains("nieuw") && nl.contains("gesloten") && !nl.contains("cannot"), "{nl}");
    // The words of the screens and the listings follow too; the names scripts use do not.
    let list = f.ok(&["--lang", "nl", "ticket", "list"]);
    assert!(list.contains("nieuw"), "{list}");
    let json = f.ok(&["--lang", "nl", "ticket", "show", "1", "--json"]);
    assert!(json.contains("\"status\": \"new\""), "{json}");
    let holidays = f.ok(&["--lang", "nl", "calendar", "holidays", "--country", "nl", "--year", "2027"]);
    assert!(holidays.contains("2027-04-27\tKoningsdag"), "{holidays}");
}
