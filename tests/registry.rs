//! Registry files and routing: validation with file and line, export/import round trips, CSV,
//! and the routing rules of PRODUCT.md.

use crate::common;

use common::{SMALL, at, small_registry};
use spoc::domain::Priority;
use spoc::domain::registry::file::{check_toml, parse_csv, parse_toml, to_toml};
use spoc::domain::registry::lookup::{HitKind, find};
use spoc::domain::routing::route;

#[test]
fn export_then_import_gives_the_same_registry() {
    let reg = small_registry();
    let text = to_toml(reg.file());
    let again = check_toml("exported.toml", &text).unwrap();
    assert_eq!(again.file(), reg.file());
    let demo = spoc::demo::registry();
    let again = parse_toml("demo.toml", &to_toml(demo.file())).unwrap();
    assert_eq!(&again, demo.file());
}

#[test]
fn the_most_specific_valid_contract_wins() {
    let reg = small_registry();
    let now = at("2026-11-23T10:00:00+01:00");
    let obl = route(&reg, "OBL", "Printen", Priority::P2, now);
    assert_eq!(obl.contract.as_deref(), Some("WP-OBL"), "an explicit participant beats \"all\"");
    let zyl = route(&reg, "ZYL", "Printen", Priority::P2, now);
    assert_eq!(zyl.contract.as_deref(), Some("WP-ALL"));
    assert_eq!(zyl.explanation, "Printen → WPN (contract WP-ALL) · P2: respond 1h, resolve 8h · 24x7");
}

#[test]
fn unrouted_says_why() {
    let reg = small_registry();
    let now = at("2026-11-23T10:00:00+01:00");
    assert_eq!(
        route(&reg, "ZYL", "Parkeren", Priority::P3, now).explanation,
        "Parkeren → unrouted: no contract for this service"
    );
    assert_eq!(
        route(&reg, "GZW", "Magister", Priority::P3, now).explanation,
        "Magister → unrouted: participant GZW not covered (ICT-2024-017 covers ZYL)"
    );
    assert_eq!(
        route(&reg, "GZW", "Notubiz", Priority::P3, now).explanation,
        "Notubiz → unrouted: contract NB-OLD expired on 2026-06-30"
    );
    // The same contract was valid before it expired.
    assert!(route(&reg, "GZW", "Notubiz", Priority::P3, at("2026-06-30T23:00:00+02:00")).is_routed());
}

#[test]
fn equally_specific_overlapping_contracts_are_refused() {
    let text = format!(
        "{SMALL}\n[[contract]]\nnumber = \"WP-ALL-2\"\nsupplier = \"Iddink\"\nservices = [\"Printen\"]\nparticipants = \"all\"\nvalid_from = 2026-01-01\nwindow = \"office\"\nsla = {{ P1 = {{ response = \"30m\", resolve = \"4h\" }}, P2 = {{ response = \"1h\", resolve = \"8h\" }}, P3 = {{ response = \"4h\", resolve = \"16h\" }}, P4 = {{ response = \"1bd\", resolve = \"10bd\" }} }}\n"
    );
    let err = check_toml("r.toml", &text).unwrap_err().to_string();
    assert!(err.contains("WP-ALL-2"), "{err}");
    assert!(err.contains("ambiguous"), "{err}");
    let line: usize = err.split(':').nth(1).unwrap().parse().unwrap();
    assert_eq!(text.lines().nth(line - 1).unwrap().trim(), "services = [\"Printen\"]");
    assert!(err.contains("from 2026-01-01 00:00 +01:00"), "{err}");
    // The overlap is told on the helpdesk's clock, whatever the contracts' windows.
    let new_york = text.replace("helpdesk_calendar = \"office\"", "helpdesk_calendar = \"ny\"")
        + "\n[[calendar]]\nname = \"ny\"\ntimezone = \"America/New_York\"\n[calendar.week]\nmon = [\"09:00-17:00\"]\n";
    let err = check_toml("r.toml", &new_york).unwrap_err().to_string();
    assert!(err.contains("from 2025-12-31 18:00 -05:00"), "{err}");
    // Not overlapping in time: fine.
    let later = text.replace(
        "number = \"WP-ALL\"\nsupplier = \"WPN\"\nservices = [\"Printen\"]\nparticipants = \"all\"\nvalid_from = 2024-01-01\n",
        "number = \"WP-ALL\"\nsupplier = \"WPN\"\nservices = [\"Printen\"]\nparticipants = \"all\"\nvalid_from = 2024-01-01\nvalid_until = 2025-12-31\n",
    );
    check_toml("r.toml", &later).unwrap();
}

#[test]
fn errors_name_file_line_and_field() {
    let cases = [
        ("timezone = \"Europe/Amsterdam\"", "timezone = \"Europe/Amsterdm\"", "field timezone", "unknown time zone"),
        ("mon = [\"09:00-17:00\"]", "mon = [\"09:00-17:00\", \"16:00-18:00\"]", "field week.mon", "overlap"),
        (
            "P2 = { response = \"30m\", resolve = \"8h\" }",
            "P2 = { response = \"30q\", resolve = \"8h\" }",
            "",
            "bad duration \"30q\"",
        ),
        (
            "supplier = \"WPN\"",
            "supplier = \"WPM\"",
            "field supplier",
            "unknown supplier \"WPM\" (did you mean \"WPN\"?)",
        ),
        ("participants = [\"ZYL\"]", "participants = [\"ZYX\"]", "field participants", "unknown participant \"ZYX\""),
        ("name = \"Printen\"", "name = \"Magister 6\"", "field name", "already used"),
        (
            "hours = \"office\"",
            "hours = \"ofice\"",
            "field hours",
            "unknown calendar \"ofice\" (did you mean \"office\"?)",
        ),
        ("services = [\"Magister\"]", "services = [\"Magistre\"]", "field services", "(did you mean \"Magister\"?)"),
        ("participants = [\"ZYL\"]", "participants = [\"ZYLL\"]", "field participants", "(did you mean \"ZYL\"?)"),
        ("country = \"nl\"", "country = \"xx\"", "field holidays.country", "no built-in holiday set"),
    ];
    for (from, to, field, message) in cases {
        let text = SMALL.replacen(from, to, 1);
        assert_ne!(text, SMALL, "{from} not found");
        let err = check_toml("small.toml", &text).unwrap_err();
        let first = &err.0[0];
        assert_eq!(first.file, "small.toml");
        assert!(first.to_string().contains(field), "{first}");
        assert!(first.message.contains(message), "{first}");
        let line = text.lines().nth(first.line - 1).unwrap();
        assert!(
            line.contains(to.split(" = ").next().unwrap().trim_end_matches(['[', '{'])),
            "line {} is {line:?} for {first}",
            first.line
        );
    }
}

#[test]
fn csv_suppliers_with_contacts_and_participants() {
    let csv = "supplier,phone,hours,contact_name,contact_role,contact_level,contact_phone\n\
               Iddink,+31 85 000 1010,office,Servicedesk,service_desk,,+31 85 000 1010\n\
               Iddink,,,Teamleider,escalation,1,+31 85 000 1012\n\
               Kennisnet,+31 85 000 2000,,Support,service_desk,,\n";
    let parsed = parse_csv("s.csv", csv).unwrap();
    let sups = &parsed.registry.supplier;
    assert_eq!(sups.len(), 2);
    assert_eq!(sups[0].contacts.len(), 2);
    assert_eq!(sups[0].contacts[1].level, Some(1));
    let bad = "supplier,contact_name,contact_role,contact_level\nIddink,Teamleider,boss,1\nIddink,X,escalation,one\n";
    let err = parse_csv("s.csv", bad).unwrap_err();
    assert_eq!(err.0.len(), 2);
    assert_eq!((err.0[0].line, err.0[0].field.as_str()), (2, "contact_role"));
    assert_eq!((err.0[1].line, err.0[1].field.as_str()), (3, "contact_level"));
    let people = "code,name,locations\nZYL,Zuyderzee Lyceum,Hoofdgebouw;Dependance\n";
    let parsed = parse_csv("p.csv", people).unwrap();
    assert_eq!(parsed.registry.participant[0].locations, ["Hoofdgebouw", "Dependance"]);
}

#[test]
fn lookup_finds_services_by_keyword_and_suppliers_by_name() {
    let reg = spoc::demo::registry();
    let now = at("2026-11-23T10:00:00+01:00");
    let hits = find(&reg, "magi", now, 5);
    assert_eq!(
        (hits[0].kind, hits[0].name.as_str(), hits[0].supplier.as_deref()),
        (HitKind::Service, "Magister", Some("Iddink"))
    );
    let hits = find(&reg, "ziek melden", now, 3);
    assert_eq!(hits[0].name, "Youforce");
    assert_eq!(hits[0].supplier.as_deref(), Some("Visma Raet"));
    assert!(find(&reg, "", now, 5).is_empty());
}

const ACCENTED: &str = r#"
[[supplier]]
name = "Noël & Çelik"
aliases = ["Øresund Straße"]
[[supplier.contact]]
name = "Coördinator"
role = "other"
[[participant]]
code = "CBS"
name = "Één Vijver"
"#;

#[test]
fn lookup_ignores_accents_and_case_but_shows_the_names_as_written() {
    let reg = common::registry_with(ACCENTED);
    let now = at("2026-11-23T10:00:00+01:00");
    for (query, kind, name) in [
        ("celik", HitKind::Supplier, "Noël & Çelik"),
        ("NOEL", HitKind::Supplier, "Noël & Çelik"),
        ("noël çelik", HitKind::Supplier, "Noël & Çelik"),
        ("ÇELİK", HitKind::Supplier, "Noël & Çelik"),
        ("oresund strasse", HitKind::Supplier, "Noël & Çelik"),
        ("coordinator", HitKind::Contact, "Coördinator"),
        ("COORD", HitKind::Contact, "Coördinator"),
    ] {
        let hits = find(&reg, query, now, 5);
        let hit = hits.iter().find(|h| h.kind == kind);
        assert_eq!(hit.map(|h| h.name.as_str()), Some(name), "{query:?}: {hits:?}");
    }
    let hits = find(&reg, "oresund", now, 5);
    assert_eq!(hits[0].matched, "Øresund Straße", "the text is shown as written");
    assert!(find(&reg, "celiq", now, 5).iter().all(|h| h.name != "Noël & Çelik"), "still a real match");
    let close =
        spoc::domain::registry::lookup::closest("noel celik", reg.suppliers().iter().map(|s| s.name.as_str()), 3);
    assert_eq!(close, ["Noël & Çelik"]);
    let close = spoc::domain::registry::lookup::closest("een", reg.participants().iter().map(|p| p.name.as_str()), 3);
    assert_eq!(close.first(), Some(&"Één Vijver"), "what intake suggests for a participant: {close:?}");
}

/// A name as typed without its accents names the entry, unless it would name two.
#[test]
fn names_are_found_as_typed_unless_two_fold_alike() {
    let reg = common::registry_with(ACCENTED);
    assert_eq!(reg.supplier("noel & celik").map(|s| s.name.as_str()), Some("Noël & Çelik"));
    assert_eq!(reg.supplier("ORESUND STRASSE").map(|s| s.name.as_str()), Some("Noël & Çelik"), "an alias");
    assert_eq!(reg.participant_named("een vijver").map(|p| p.code.as_str()), Some("CBS"));
    // An import refuses such a pair now; a registry stored before may still hold one.
    let text = format!("{SMALL}\n[[service]]\nname = \"Café\"\n[[service]]\nname = \"Cafe\"\n");
    let two = spoc::domain::Registry::build(parse_toml("old.toml", &text).unwrap()).unwrap();
    assert_eq!(reg.service("magister").map(|s| s.name.as_str()), Some("Magister"));
    assert_eq!(two.service("café").map(|s| s.name.as_str()), Some("Café"), "as written, it is that one");
    assert_eq!(two.service("CAFE").map(|s| s.name.as_str()), Some("Cafe"));
    assert!(two.service("cafè").is_none(), "folded, it would be either");
    // Participants by name: the same rule.
    let text = format!(
        "{SMALL}\n[[participant]]\ncode = \"ZB1\"\nname = \"Zoë BV\"\n[[participant]]\ncode = \"ZB2\"\nname = \"Zoe BV\"\n"
    );
    let two = spoc::domain::Registry::build(parse_toml("old.toml", &text).unwrap()).unwrap();
    assert_eq!(two.participant_named("zoe bv").map(|p| p.code.as_str()), Some("ZB2"), "as written");
    assert_eq!(two.participant_named("Zoë BV").map(|p| p.code.as_str()), Some("ZB1"));
    assert!(two.participant_named("zoè bv").is_none(), "folded, it would be either");
}

/// A value of the wrong kind stops the whole file's parse; every entry is still checked, so
/// each broken entry is named at once, and a contact's table stays part of its supplier.
#[test]
fn every_broken_entry_is_named_at_once() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/two-broken-entries.toml"))
        .unwrap();
    let err = check_toml("r.toml", &text).unwrap_err();
    let got: Vec<(usize, &str)> = err.0.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(got, [(9, "phone"), (22, "response")], "{err}");
}

/// Norms are validated like everything else: percentages 0 to 100, scores 1 to 5, at the line.
#[test]
fn norms_are_checked_where_they_are_written() {
    let text = format!("{SMALL}\n[settings.norms]\nsatisfaction = 7\n").replace("[settings]\n", "[settings]\n");
    let err = check_toml("r.toml", &text).unwrap_err().to_string();
    assert!(err.contains("norms.satisfaction") && err.contains("1 to 5"), "{err}");
    let good =
        format!("{SMALL}\n[settings.norms]\nresolution_met_pct = 90\n[settings.norms.P1]\nresolution_met_pct = 95\n");
    let reg = check_toml("r.toml", &good).unwrap();
    assert_eq!(reg.settings().norms.p1.as_ref().and_then(|n| n.resolution_met_pct), Some(95.0));
}

/// Whatever ends the lines (an old Mac, some Excel exports: a lone CR), an error names the
/// line and the field it is in.
#[test]
fn errors_name_the_field_whatever_ends_the_lines() {
    let broken = SMALL.replace("hours = \"office\"", "hours = \"ofice\"");
    let want = broken.lines().position(|l| l.contains("\"ofice\"")).unwrap() + 1;
    for eol in ["\n", "\r\n"] {
        let text = broken.replace('\n', eol);
        let err = check_toml("r.toml", &text).unwrap_err();
        let got: Vec<(usize, &str)> = err.0.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(got, [(want, "hours")], "{eol:?}: {err}");
    }
    // TOML itself refuses a lone CR: said so, and no field is blamed for it.
    let err = check_toml("r.toml", &broken.replace('\n', "\r")).unwrap_err();
    assert!(err.0.iter().all(|e| e.field.is_empty()) && err.to_string().contains("carriage return"), "{err}");
}

/// A value that stops the parse (a bad duration) does not hide a name claimed twice elsewhere
/// in the file: both are said at once, in line order.
#[test]
fn a_broken_value_does_not_hide_a_duplicate_name() {
    let text = "[[supplier]]\nname = \"A\"\n\
                [[contract]]\nnumber = \"X1\"\nsupplier = \"A\"\nservices = [\"Printen\"]\nparticipants = \"all\"\n\
                valid_from = 2024-01-01\nwindow = \"24x7\"\n\
                sla = { P1 = { response = \"30x\", resolve = \"4h\" } }\n\
                [[supplier]]\nname = \"a\"\n[[supplier]]\nname = \"Ä\"\n";
    let err = check_toml("k.toml", text).unwrap_err();
    let got: Vec<usize> = err.0.iter().map(|e| e.line).collect();
    assert_eq!(got, [10, 12, 14], "{err}");
    assert!(err.to_string().contains("30x") && err.to_string().contains("(line 1)"), "{err}");
}
