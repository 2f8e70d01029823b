//! Major incidents, call-back moments, first-contact resolution and standard solutions,
//! through the real binary with the server's clock set by hand.

use crate::common;

use common::SMALL;
use common::server::Replay;
use serde_json::Value;

fn log(r: &Replay, title: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "ticket",
        "new",
        "--participant",
        "ZYL",
        "--service",
        "Magister",
        "--impact",
        "3",
        "--urgency",
        "2",
        "--title",
        title,
    ];
    args.extend(extra);
    r.json(&args)
}

fn update(r: &Replay, id: &Value, args: &[&str]) -> Value {
    let id = id.to_string();
    let mut all = vec!["ticket", "update", id.as_str()];
    all.extend(args);
    r.json(&all)
}

fn refused(r: &Replay, id: &Value, args: &[&str]) -> String {
    let id = id.to_string();
    let mut all = vec!["ticket", "update", id.as_str()];
    all.extend(args);
    r.fails(&all, 2)
}

#[test]
fn a_major_incident_is_dispatched_once_and_resolves_its_calls() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    let callers = "name,phone,email,participant\nAnouk de Vries,06 1234 5678,anouk@zyl.nl,ZYL\n";
    r.ok(&["import", &r.file("callers.csv", callers)]);
    let major = log(&r, "Magister is down", &[]);
    let plain = log(&r, "a ticket of its own", &[]);
    let m = &major["id"];
    r.set("2026-11-23T09:10:00+01:00");
    let err = r.fails(
        &[
            "ticket",
            "new",
            "--participant",
            "ZYL",
            "--service",
            "Magister",
            "--impact",
            "3",
            "--urgency",
            "2",
            "--title",
            "x",
            "--link",
            &m.to_string(),
        ],
        2,
    );
    assert!(err.contains("is not a major incident; mark it first"), "{err}");
    assert_eq!(update(&r, m, &["--major"])["major"], true);
    let first = log(&r, "cijfers weg", &["--caller-id", "1", "--link", &m.to_string()]);
    let second = log(&r, "kan niet inloggen", &["--caller", "Piet (0612)"]);
    update(&r, &second["id"], &["--link", &m.to_string()]);
    assert_eq!(first["linked_to"], *m);
    assert!(refused(&r, &plain["id"], &["--link", &first["id"].to_string()]).contains("not a major incident"));
    // The supplier works on the major incident: its calls are not dispatched on their own.
    let err = refused(&r, &first["id"], &["--status", "waiting_on_supplier"]);
    assert!(err.contains("linked to major incident"), "{err}");
    assert!(refused(&r, &first["id"], &["--supplier-ref", "INC-9"]).contains("major incident"));
    r.set("2026-11-23T09:20:00+01:00");
    update(&r, m, &["--status", "waiting_on_supplier", "--supplier-ref", "INC-77"]);
    let listed = r.json(&["ticket", "majors"]);
    assert_eq!((listed[0]["id"].clone(), listed[0]["supplier_ref"].clone()), (m.clone(), "INC-77".into()));
    assert_eq!((listed[0]["open_calls"].as_u64(), listed[0]["calls"].as_u64()), (Some(2), Some(2)));
    assert!(r.ok(&["supplier", "find", "iddink"]).contains("MAJOR INCIDENT"));
    assert!(r.ok(&["ticket", "list"]).contains(&format!("↳#{m}")));
    assert!(refused(&r, m, &["--not-major"]).contains("2 calls are linked to it"));

    r.set("2026-11-23T11:00:00+01:00");
    update(&r, m, &["--supplier-solved", "servers restarted"]);
    let m_id = m.to_string();
    let done = r.ok(&["ticket", "update", &m_id, "--status", "resolved", "--solution", "Iddink restarted the servers"]);
    assert!(done.contains("callers to inform (2 linked calls)"), "{done}");
    assert!(done.contains("Anouk de Vries") && done.contains("06 1234 5678 · anouk@zyl.nl"), "{done}");
    assert!(done.contains("Piet") && done.contains("0612"), "as the free text names them: {done}");
    for call in [&first, &second] {
        let t = r.json(&["ticket", "show", &call["id"].to_string()]);
        assert_eq!(t["status"], "resolved");
        assert_eq!(t["solution"], "Iddink restarted the servers");
        assert_eq!(t["resolved_at"], "2026-11-23T10:00:00Z");
        // Its own helpdesk clock, decided now: 09:10 to 11:00.
        assert_eq!(t["sla"]["helpdesk"]["resolution"]["phase"], "stopped");
        assert_eq!(t["sla"]["helpdesk"]["resolution"]["elapsed"], 110 * 60);
        let journal = serde_json::to_string(&t["journal"]).unwrap();
        assert!(journal.contains("resolved_with_major"), "{journal}");
    }
    // The supplier is measured on the major incident once; the helpdesk on every call.
    let period = ["--from", "2026-11-23", "--to", "2026-11-24", "--format", "json"];
    let supplier: Value = serde_json::from_str(&r.ok(&[&["report", "suppliers"][..], &period[..]].concat())).unwrap();
    assert_eq!(supplier["rows"][0]["figures"]["tickets"], 1);
    let services: Value = serde_json::from_str(&r.ok(&[&["report", "services"][..], &period[..]].concat())).unwrap();
    assert_eq!(services["rows"][0]["figures"]["tickets"], 4);
    assert_eq!(r.json(&["ticket", "majors"]), serde_json::json!([]));
    // Resolved with its calls, it stays their major incident.
    r.ok(&["ticket", "update", &m_id, "--status", "in_progress"]);
    assert!(refused(&r, m, &["--not-major"]).contains("2 calls are linked to it"));
}

#[test]
fn the_list_puts_calls_under_their_major_incident_and_intake_mistakes_are_refused() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    let major = log(&r, "Magister is down", &[]);
    let m = major["id"].to_string();
    r.ok(&[
        "ticket",
        "new",
        "--participant",
        "ZYL",
        "--service",
        "Printen",
        "--impact",
        "1",
        "--urgency",
        "1",
        "--title",
        "more urgent",
    ]);
    update(&r, &major["id"], &["--major"]);
    let call = log(&r, "cijfers weg", &["--link", &m]);
    let list = r.ok(&["ticket", "list"]);
    let at = |what: &str| list.lines().position(|l| l.contains(what)).unwrap();
    assert_eq!(at(&format!("↳#{m}")), at("MAJOR · Magister is down") + 1, "{list}");
    assert!(call["linked_to"].is_number());
    let both = ["--caller", "Someone Else", "--caller-id", "1"];
    assert!(r.fails(&[NEW, &["--title", "x"], &both[..]].concat(), 2).contains("not both"));
    let err = r.fails(&[NEW, &["--title", "x", "--solution", "  "]].concat(), 2);
    assert!(err.contains("--solution says what solved it"), "{err}");
}

const NEW: &[&str] =
    &["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "3", "--urgency", "2"];

#[test]
fn a_call_back_moment_keeps_the_clocks_paused_and_marks_the_ticket_when_it_comes() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    let t = log(&r, "wil teruggebeld worden", &[]);
    let id = &t["id"];
    assert!(refused(&r, id, &["--call-back", "2026-11-24 10:00"]).contains("goes with waiting on the caller"));
    r.set("2026-11-23T09:30:00+01:00");
    let err = refused(&r, id, &["--status", "waiting_on_caller", "--call-back", "2026-11-23 09:00"]);
    assert!(err.contains("has passed already"), "{err}");
    assert!(refused(&r, id, &["--status", "waiting_on_caller", "--call-back", "morgen"]).contains("not a moment"));
    let w = update(&r, id, &["--call", "hi", "--status", "waiting_on_caller", "--call-back", "2026-11-24 10:00"]);
    assert_eq!(w["call_back_at"], "2026-11-24T09:00:00Z");
    assert_eq!(w["sla"]["helpdesk"]["resolution"]["phase"], "paused");
    let list = r.ok(&["ticket", "list"]);
    // (The list reads the day on the client's own clock, which faketime does not set.)
    assert!(list.contains("call back ") && list.contains("10:00 · wil teruggebeld"), "{list}");
    r.set("2026-11-24T10:00:00+01:00");
    let list = r.ok(&["ticket", "list"]);
    assert!(list.contains("CALL BACK · wil teruggebeld"), "{list}");
    let shown = r.json(&["ticket", "show", &id.to_string()]);
    assert_eq!(shown["sla"]["helpdesk"]["resolution"]["phase"], "paused", "the clocks stay paused");
    assert_eq!(shown["sla"]["helpdesk"]["resolution"]["elapsed"], 30 * 60);
    // Back from the caller: no call-back moment any more.
    let back = update(&r, id, &["--status", "in_progress"]);
    assert_eq!(back["call_back_at"], Value::Null);
}

const SOLUTIONS: &str = r#"
[[solution]]
title = "Wachtwoord Magister resetten"
services = ["magister 6"]
keywords = ["inloggen", "wachtwoord"]
steps = """
1. Open the Magister admin page.
2. Reset the password and read it out to the caller."""
"#;

#[test]
fn standard_solutions_are_found_and_a_call_solved_on_the_line_counts_as_first_contact() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", &format!("{SMALL}{SOLUTIONS}"));
    let found = r.ok(&["supplier", "find", "wachtwoord"]);
    assert!(
        found.contains("solution Wachtwoord Magister resetten") && found.contains("2. Reset the password"),
        "{found}"
    );
    assert!(r.ok(&["export"]).contains("[[solution]]"));
    let more = "[[solution]]\ntitle = \"Printer resetten\"\nservices = [\"printen\"]\nsteps = \"Uit en aan.\"\n";
    let done = r.ok(&["import", &r.file("more.toml", more)]);
    assert!(done.contains("1 standard solutions") && done.contains("solution Printer resetten: added"), "{done}");
    assert!(r.ok(&["export"]).contains("services = [\"Printen\"]"), "stored by the service's own name");
    let twice = format!("{more}{}", more.replace("Uit en aan.", "Anders."));
    let err = r.fails(&["import", &r.file("twice.toml", &twice)], 2);
    assert!(err.contains("twice.toml:6: field title") && err.contains("(line 1)"), "{err}");
    let bad = "[[solution]]\ntitle = \"x\"\nservices = [\"Magisterr\"]\nsteps = \"do\"\n";
    let err = r.fails(&["import", &r.file("bad.toml", bad)], 2);
    assert!(err.contains("bad.toml:3: field services:") && err.contains("Magister"), "{err}");

    let solved = log(&r, "kan niet inloggen", &["--solution", "Wachtwoord Magister resetten"]);
    assert_eq!((solved["status"].as_str(), solved["first_contact"].as_bool()), (Some("resolved"), Some(true)));
    assert_eq!(solved["sla"]["helpdesk"]["response"]["level"], "ok");
    log(&r, "cijfers weg", &[]);
    let period = ["report", "services", "--from", "2026-11-23", "--to", "2026-11-24"];
    let json: Value = serde_json::from_str(&r.ok(&[&period[..], &["--format", "json"]].concat())).unwrap();
    let f = &json["rows"][0]["figures"];
    assert_eq!((f["first_contact"].as_u64(), f["first_contact_pct"].as_f64()), (Some(1), Some(50.0)));
    let table = r.ok(&period);
    assert!(table.contains("solved at first contact"), "{table}");
}

/// A call that was with the supplier before it was linked counts for the supplier only through
/// the major incident; a first-contact resolution that did not hold is not one.
#[test]
fn a_call_dispatched_before_it_was_linked_is_not_counted_twice_and_a_reopened_first_contact_is_none() {
    let r = Replay::with_registry("2026-11-23T09:00:00+01:00", SMALL);
    let major = log(&r, "Magister is down", &[]);
    let call = log(&r, "cijfers weg", &[]);
    let (m, c) = (&major["id"], &call["id"]);
    update(&r, m, &["--major", "--status", "waiting_on_supplier", "--supplier-ref", "INC-1"]);
    update(&r, c, &["--status", "waiting_on_supplier", "--supplier-ref", "INC-2"]);
    r.set("2026-11-23T09:30:00+01:00");
    let err = refused(&r, c, &["--link", &m.to_string()]);
    assert!(err.contains("take it back (in_progress)"), "{err}");
    update(&r, c, &["--status", "in_progress"]);
    update(&r, c, &["--link", &m.to_string()]);
    let solved = log(&r, "wachtwoord", &["--solution", "gereset"]);
    r.set("2026-11-23T10:00:00+01:00");
    update(&r, &solved["id"], &["--status", "in_progress"]);
    let period = ["--from", "2026-11-23", "--to", "2026-11-24", "--format", "json"];
    let supplier: Value = serde_json::from_str(&r.ok(&[&["report", "suppliers"][..], &period[..]].concat())).unwrap();
    assert_eq!(supplier["rows"][0]["figures"]["tickets"], 1, "the major incident only");
    let services: Value = serde_json::from_str(&r.ok(&[&["report", "services"][..], &period[..]].concat())).unwrap();
    assert_eq!(services["rows"][0]["figures"]["first_contact"], 0, "reopened: it did not hold");
}
