//! Callers on file and their personal data, through the real binary with the server's clock
//! set by hand: import all or nothing, find at intake, the caller card, retention and access.

use crate::common;

use common::SMALL;
use common::server::Replay;
use serde_json::Value;

const CALLERS: &str = "name,phone,email,participant,location,directory_id
Anouk de Vries,06 1234 5678,anouk@zyl.nl,ZYL,Hoofdgebouw,E100
Bram Jansen,+31 20 555 0101,bram@zuyderwoude.nl,Gemeente Zuyderwoude,,
";

fn log_for(r: &Replay, caller: &str, title: &str) -> Value {
    r.json(&[
        "ticket",
        "new",
        "--participant",
        "ZYL",
        "--service",
        "Magister",
        "--impact",
        "3",
        "--urgency",
        "3",
        "--title",
        title,
        "--caller-id",
        caller,
    ])
}

#[test]
fn a_callers_file_is_imported_whole_or_not_at_all() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    let bad = "name;email;participant\nAnouk;anouk@zyl.nl;ZYL\nBram;bram-at-home;ZYL\nSanne;s@x.nl;XXX\n";
    let err = r.fails(&["import", &r.file("bad.csv", bad)], 2);
    assert!(err.contains("bad.csv:3: field email:"), "{err}");
    assert!(err.contains("bad.csv:4: field participant: no participant \"XXX\""), "{err}");
    // Nothing of it was kept: not even the good first row.
    assert!(r.ok(&["caller", "find", "anouk"]).contains("no caller on file"));
    let twice = "name,email,participant\nAnouk,anouk@zyl.nl,ZYL\nA. de Vries,ANOUK@zyl.nl,ZYL\n";
    let err = r.fails(&["import", &r.file("twice.csv", twice)], 2);
    assert!(err.contains("twice.csv:3: field email: the same person as on line 2"), "{err}");

    let good = r.file("callers.csv", CALLERS);
    assert!(r.ok(&["import", &good]).contains("2 added, 0 updated, 0 unchanged"));
    // The participant by name is kept as its code; a second import updates the same people.
    let found = r.json(&["caller", "find", "bram"]);
    assert_eq!(found[0]["participant"], "GZW");
    let moved = CALLERS.replace("06 1234 5678", "06 8765 4321");
    let again = r.ok(&["import", &r.file("callers.csv", &moved)]);
    assert!(again.contains("0 added, 1 updated, 1 unchanged"), "{again}");
    assert_eq!(r.json(&["caller", "find", "4321"])[0]["name"], "Anouk de Vries");
    // A file of fewer columns updates only those: her location and directory id stay.
    let fewer = "name;email;participant\nAnouk de Vries;anouk@zyl.nl;ZYL\n";
    assert!(r.ok(&["import", &r.file("fewer.csv", fewer)]).contains("0 updated, 1 unchanged"));
    let kept = r.json(&["caller", "show", "1"]);
    assert_eq!(
        (kept["caller"]["location"].as_str(), kept["caller"]["directory_id"].as_str()),
        (Some("Hoofdgebouw"), Some("E100"))
    );
    // Excel's `sep=;` line, and a file that lacks its participant column, say what they are.
    let excel = "\u{feff}sep=;\nname;phone;participant\nSanne;0612;ZYL\n";
    assert!(r.ok(&["import", &r.file("excel.csv", excel)]).contains("1 added"));
    let err = r.fails(&["import", &r.file("nopart.csv", "name,phone\nPiet,0612\n")], 2);
    assert!(err.contains("field participant: a callers file needs this column"), "{err}");
    // The number however it is written: +31 for the leading 0.
    assert_eq!(r.json(&["caller", "find", "+31 6 8765 4321"])[0]["id"], 1);
    assert_eq!(r.json(&["caller", "find", "020 555 0101"])[0]["id"], 2);
}

#[test]
fn a_caller_is_found_by_name_phone_or_email_and_their_card_shows_their_tickets() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    r.ok(&["import", &r.file("callers.csv", CALLERS)]);
    for query in ["anouk", "de vries", "5678", "06-1234", "anouk@"] {
        assert_eq!(r.json(&["caller", "find", query])[0]["id"], 1, "{query}");
    }
    assert_eq!(r.json(&["caller", "find", "555 0101"])[0]["id"], 2);
    let saved = r.json(&["caller", "add", "--name", "Sanne Bakker", "--participant", "zyl", "--phone", "0612"]);
    assert_eq!((saved["id"].as_u64(), saved["participant"].as_str()), (Some(3), Some("ZYL")));
    let err = r.fails(&["caller", "add", "--name", "Anouk", "--participant", "ZYL", "--email", "anouk@zyl.nl"], 2);
    assert!(err.contains("on file already as caller 1"), "{err}");

    let t = log_for(&r, "1", "Magister is traag");
    assert_eq!(t["caller"], "Anouk de Vries (06 1234 5678)");
    assert_eq!(t["caller_id"], 1);
    let old = log_for(&r, "1", "cijfers weg");
    let id = old["id"].to_string();
    r.ok(&["ticket", "update", &id, "--call", "fixed", "--status", "resolved", "--solution", "cache cleared"]);
    let card = r.json(&["caller", "show", "1"]);
    assert_eq!(card["open"].as_array().unwrap().len(), 1);
    assert_eq!(card["open"][0]["id"], t["id"]);
    assert_eq!(card["recent"][0]["id"], old["id"]);
    assert_eq!(card["tickets"], 2);
    let text = r.ok(&["caller", "show", "1"]);
    assert!(text.contains("open tickets (1)") && text.contains("cijfers weg"), "{text}");
    // Bram works at Zuyderwoude, not at the school the call is logged for.
    let err = r.fails(
        &["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "3", "--urgency", "3"]
            .into_iter()
            .chain(["--title", "x", "--caller-id", "2"])
            .collect::<Vec<_>>(),
        2,
    );
    assert!(err.contains("caller 2 (Bram Jansen) is at GZW, not at ZYL"), "{err}");
}

#[test]
fn personal_data_goes_after_the_retention_time_and_the_figures_stay() {
    let registry = SMALL.replace("reopen_days = 7", "reopen_days = 7\ncaller_retention_months = 1");
    let r = Replay::with_registry("2026-11-02T09:00:00+01:00", &registry);
    r.ok(&["import", &r.file("callers.csv", CALLERS)]);
    let t = log_for(&r, "1", "Magister: Anouk de Vries kan niet inloggen");
    let id = t["id"].to_string();
    r.set("2026-11-02T09:20:00+01:00");
    r.ok(&["ticket", "update", &id, "--call", "Anouk de Vries teruggebeld op 06 1234 5678", "--status", "in_progress"]);
    r.set("2026-11-02T11:00:00+01:00");
    r.ok(&["ticket", "update", &id, "--status", "resolved", "--solution", "wachtwoord gereset"]);
    r.ok(&["ticket", "update", &id, "--status", "closed"]);
    let period = ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"];
    let report = |r: &Replay| {
        let mut args = vec!["report", "participants"];
        args.extend(period);
        serde_json::from_str::<Value>(&r.ok(&args)).unwrap()["rows"].clone()
    };
    let before = report(&r);

    // An access request: everything about her, in a file only the agent can read.
    let out = r.folder.tmp.path().join("anouk.json");
    r.ok(&["privacy", "export", "--caller", "anouk", "-o", out.to_str().unwrap()]);
    let data: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(data["caller"]["email"], "anouk@zyl.nl");
    assert_eq!(data["tickets"][0]["id"], t["id"]);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);

    // Within the retention time nothing goes.
    r.set("2026-11-20T09:00:00+01:00");
    assert_eq!(r.json(&["privacy", "purge", "--dry-run"])["tickets"], serde_json::json!([]));
    r.set("2026-12-03T09:00:00+01:00");
    let dry = r.json(&["privacy", "purge", "--dry-run"]);
    assert_eq!(dry["tickets"], serde_json::json!([t["id"]]));
    assert_eq!(r.json(&["ticket", "show", &id])["caller_id"], 1, "a dry run changes nothing");
    let done = r.json(&["privacy", "purge"]);
    assert_eq!(done["tickets"], serde_json::json!([t["id"]]));

    let shown = r.json(&["ticket", "show", &id]);
    assert_eq!(shown["caller"], Value::Null);
    assert_eq!(shown["caller_id"], Value::Null);
    let all = serde_json::to_string(&shown).unwrap();
    assert!(!all.contains("Anouk") && !all.contains("1234 5678"), "{all}");
    assert!(all.contains("[caller] kan niet inloggen") && all.contains("wachtwoord gereset"), "{all}");
    assert_eq!(report(&r), before, "every figure stays");
    let found = r.json(&["ticket", "search", "anouk"]);
    assert_eq!(found["items"], serde_json::json!([]), "her name no longer finds the ticket");
    // Done once: a second purge has nothing left to do.
    assert_eq!(r.json(&["privacy", "purge"])["tickets"], serde_json::json!([]));
}

#[test]
fn without_a_retention_time_a_purge_says_how_to_set_one() {
    let r = Replay::with_registry("2026-11-02T09:00:00+01:00", SMALL);
    let err = r.fails(&["privacy", "purge", "--dry-run"], 2);
    assert!(err.contains("caller_retention_months"), "{err}");
}

/// Reading and removing personal data is written to the audit log, with who did it.
#[test]
fn access_and_purge_are_audited() {
    use spoc::desk::{Agent, Desk, ImportFormat};
    let dir = tempfile::tempdir().unwrap();
    let now = || common::at("2026-11-23T10:00:00+01:00");
    let desk = Desk::open_with_clock(dir.path(), Box::new(now)).unwrap();
    let agent = Agent::new("anouk");
    let registry = SMALL.replace("reopen_days = 7", "reopen_days = 7\ncaller_retention_months = 3");
    desk.import_registry(&agent, "small.toml", &registry, ImportFormat::Toml, false).unwrap();
    desk.import_callers(&agent, "callers.csv", CALLERS).unwrap();
    desk.personal_data(&agent, 1).unwrap();
    desk.purge_callers(&agent, false).unwrap();
    desk.purge_callers(&agent, true).unwrap();
    let audit: Vec<String> =
        desk.store().audit().unwrap().into_iter().map(|e| format!("{} {}", e.by, e.what)).collect();
    assert!(audit.iter().any(|a| a.starts_with("anouk imported callers from callers.csv: 2 added")), "{audit:?}");
    assert!(audit.iter().any(|a| a.starts_with("anouk gave out the personal data of caller 1")), "{audit:?}");
    assert_eq!(audit.iter().filter(|a| a.contains("removed callers' personal data")).count(), 1, "{audit:?}");
}

/// Two rows for one caller on file (one by email, one by directory id) is a mistake in the
/// file, not a silent last-one-wins; an access export holds no other caller's data.
#[test]
fn two_rows_for_one_caller_on_file_are_refused_and_an_export_holds_only_their_data() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    r.ok(&["import", &r.file("callers.csv", CALLERS)]);
    let twice = "name,email,participant,directory_id\nAnouk V,anouk@zyl.nl,ZYL,\nA. de Vries,,ZYL,E100\n";
    let err = r.fails(&["import", &r.file("twice.csv", twice)], 2);
    assert!(err.contains("twice.csv:3: updates caller 1 on file, as line 2 does already"), "{err}");
    assert_eq!(r.json(&["caller", "show", "1"])["caller"]["name"], "Anouk de Vries", "nothing changed");
    // A major incident of Anouk's, with another caller's call linked to it.
    let major = log_for(&r, "1", "Magister plat");
    let m = major["id"].to_string();
    r.ok(&["ticket", "update", &m, "--major"]);
    r.ok(&["caller", "add", "--name", "Sanne Bakker", "--participant", "ZYL", "--phone", "06 9999 0000"]);
    let other = log_for(&r, "3", "ook plat");
    r.ok(&["ticket", "update", &other["id"].to_string(), "--link", &m]);
    let out = r.folder.tmp.path().join("anouk.json");
    r.ok(&["privacy", "export", "--caller", "1", "-o", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Magister plat") && !text.contains("Sanne") && !text.contains("9999"), "{text}");
}

/// The right to erasure: refused while the caller has an open ticket; then their record goes
/// and their tickets keep no personal data, every figure staying.
#[test]
fn a_caller_is_forgotten_on_request() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    r.ok(&["import", &r.file("callers.csv", CALLERS)]);
    let t = log_for(&r, "1", "Anouk de Vries belt over cijfers");
    let id = t["id"].to_string();
    let err = r.fails(&["privacy", "forget", "--caller", "anouk"], 2);
    assert!(err.contains(&format!("caller 1 has an open ticket (#{id})")), "{err}");
    r.ok(&["ticket", "update", &id, "--call", "opgelost", "--status", "resolved", "--solution", "uitgelegd"]);
    let done = r.ok(&["privacy", "forget", "--caller", "anouk"]);
    assert!(done.contains("forgot caller 1") && done.contains("1 tickets"), "{done}");
    assert!(r.fails(&["caller", "show", "1"], 2).contains("no caller 1"));
    let shown = r.json(&["ticket", "show", &id]);
    assert_eq!((shown["caller"].clone(), shown["title"].as_str()), (Value::Null, Some("[caller] belt over cijfers")));
    assert_eq!(r.json(&["caller", "find", "bram"])[0]["id"], 2, "the others stay");
}

/// A caller on file is mended field by field; an empty value clears an optional field.
#[test]
fn a_caller_is_edited_field_by_field() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    r.ok(&["import", &r.file("callers.csv", CALLERS)]);
    let c = r.json(&["caller", "edit", "1", "--phone", "06 1111 2222", "--location", ""]);
    assert_eq!((c["phone"].as_str(), c["location"].as_str()), (Some("06 1111 2222"), None));
    assert_eq!((c["email"].as_str(), c["directory_id"].as_str()), (Some("anouk@zyl.nl"), Some("E100")), "kept");
    let err = r.fails(&["caller", "edit", "1", "--email", "bram@zuyderwoude.nl"], 2);
    assert!(err.contains("on file already as caller 2"), "{err}");
    let err = r.fails(&["ticket", "list", "--participant", "XX"], 2);
    assert!(err.contains("unknown participant \"XX\""), "{err}");
}
