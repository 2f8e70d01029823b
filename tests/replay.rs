//! Ticket histories replayed through the real binary, with the server's clock set by hand
//! (libfaketime): what an agent and a supplier read, at exactly the instants they read it.

use crate::common;

use common::SMALL;
use common::server::Replay;
use serde_json::Value;

const OFFICE: &str = r#"
name = "office"
timezone = "Europe/Amsterdam"
[week]
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]
[holidays]
country = "nl"
"#;

fn desk(at: &str) -> Replay {
    let r = Replay::start(at);
    let file = r.folder.tmp.path().join("small.toml");
    std::fs::write(&file, SMALL).unwrap();
    r.ok(&["import", file.to_str().unwrap()]);
    r.ok(&["agent", "add", "bram"]);
    r
}

fn log(r: &Replay, service: &str, impact: &str, urgency: &str) -> Value {
    let args =
        ["ticket", "new", "--participant", "ZYL", "--service", service, "--impact", impact, "--urgency", urgency];
    let mut args = args.to_vec();
    args.extend(["--title", "Magister is down"]);
    r.json(&args)
}

fn update(r: &Replay, id: &Value, args: &[&str]) -> Value {
    let id = id.to_string();
    let mut all = vec!["ticket", "update", id.as_str()];
    all.extend(args);
    r.json(&all)
}

fn clock<'a>(t: &'a Value, layer: &str, which: &str) -> &'a Value {
    &t["sla"][layer][which]
}

#[test]
fn a_priority_change_on_a_closed_ticket_is_refused_and_its_clocks_stay_met() {
    let r = desk("2026-11-23T09:00:00+01:00");
    let t = log(&r, "Magister", "2", "3"); // P3
    let id = &t["id"];
    r.set("2026-11-23T09:20:00+01:00");
    update(&r, id, &["--call", "hi", "--status", "in_progress"]);
    r.set("2026-11-23T14:20:00+01:00");
    update(&r, id, &["--status", "resolved", "--solution", "restarted"]);
    update(&r, id, &["--status", "closed"]);
    r.set("2026-11-23T15:20:00+01:00");
    let why = r.fails(&["ticket", "update", &id.to_string(), "--priority", "P1"], 2);
    assert!(why.contains("reopen it first"), "{why}");
    let why = r.fails(&["ticket", "update", &id.to_string(), "--impact", "1", "--urgency", "1"], 2);
    assert!(why.contains("reopen it first"), "{why}");
    let t = r.json(&["ticket", "show", &id.to_string()]);
    for which in ["response", "resolution"] {
        assert_eq!(clock(&t, "helpdesk", which)["level"], "ok", "{which}: {t:#}");
        assert_eq!(clock(&t, "helpdesk", which)["phase"], "stopped");
    }
}

#[test]
fn a_breached_response_stays_due_when_it_ran_out() {
    let r = desk("2026-11-23T09:00:00+01:00");
    let t = log(&r, "Magister", "2", "2"); // P2: respond 30m, due 09:30
    let id = &t["id"];
    r.set("2026-11-23T10:00:00+01:00");
    update(&r, id, &["--status", "waiting_on_caller"]);
    r.set("2026-11-23T10:10:00+01:00");
    update(&r, id, &["--status", "in_progress"]);
    r.set("2026-11-23T10:30:00+01:00");
    let t = r.json(&["ticket", "show", &id.to_string()]);
    assert_eq!(clock(&t, "helpdesk", "response")["due"], "2026-11-23T08:30:00Z");
    assert_eq!(clock(&t, "helpdesk", "response")["level"], "breached");
    let list = r.json(&["ticket", "list"]);
    assert_eq!(list["items"][0]["sla_due"], "2026-11-23T08:30:00Z", "{list:#}");
    let text = r.ok(&["ticket", "show", &id.to_string()]);
    assert!(text.contains("due Mon 2026-11-23 09:30 +01:00"), "{text}");
    assert!(!text.contains("10:10 +01:00 ·"), "{text}");
}

#[test]
fn business_days_give_one_deadline_in_the_ticket_and_in_sla_deadline() {
    let r = desk("2026-03-30T09:00:00+02:00");
    let cal = r.folder.tmp.path().join("office.toml");
    std::fs::write(&cal, OFFICE).unwrap();
    // Mon 09:00 before Easter; Fri 16:00 before the weekend; Saturday; Good Friday; a DST Sunday.
    for start in [
        "2026-03-30T07:00:00Z",
        "2026-03-27T15:00:00Z",
        "2026-03-28T10:00:00Z",
        "2026-04-03T08:00:00Z",
        "2026-10-25T10:00:00Z",
    ] {
        r.set(start);
        let t = log(&r, "Magister", "3", "4"); // P4: resolve 5bd
        assert_eq!(t["priority"], "P4");
        let cli =
            r.ok(&["sla", "deadline", "--calendar", cal.to_str().unwrap(), "--start", start, "--duration", "5bd"]);
        assert_eq!(clock(&t, "helpdesk", "resolution")["due"], cli.trim(), "from {start}");
    }
    // The worked example: five opening days from Monday 30 March (Good Friday and Easter Monday
    // closed) run out at Tuesday 7 April's closing time.
    r.set("2026-03-30T07:00:00Z");
    let t = log(&r, "Magister", "3", "4");
    assert_eq!(clock(&t, "helpdesk", "resolution")["due"], "2026-04-07T15:00:00Z");
}

#[test]
fn the_journal_reads_in_the_helpdesks_zone_with_its_offset() {
    let r = desk("2026-11-23T09:00:00+01:00");
    let t = log(&r, "Magister", "2", "2");
    r.set("2026-11-23T09:20:00+01:00");
    update(&r, &t["id"], &["--call", "called back"]);
    let text = r.ok(&["ticket", "show", &t["id"].to_string()]);
    assert!(text.contains("2026-11-23 09:00 +01:00 "), "created, on the helpdesk's clock: {text}");
    let call = text.lines().find(|l| l.contains("call: called back")).unwrap();
    assert!(call.trim_start().starts_with("2026-11-23 09:20 +01:00"), "{call}");
    // Summer time: the offset says so.
    r.set("2026-06-01T09:00:00+02:00");
    let t = log(&r, "Magister", "2", "2");
    let text = r.ok(&["ticket", "show", &t["id"].to_string()]);
    assert!(text.contains("2026-06-01 09:00 +02:00"), "{text}");
    // A conflict names the colleague's change on the same clock.
    r.set("2026-06-01T09:05:00+02:00");
    update(&r, &t["id"], &["--note", "looking"]);
    let why = r.fails(&["ticket", "update", &t["id"].to_string(), "--note", "me too", "--expect-version", "1"], 1);
    assert!(why.contains("at 2026-06-01 09:05 +02:00"), "{why}");
}

#[test]
fn assigning_a_new_ticket_with_status_assigned_is_one_change() {
    let r = desk("2026-11-23T09:00:00+01:00");
    let t = log(&r, "Magister", "2", "2");
    let t = update(&r, &t["id"], &["--assign", "bram", "--status", "assigned"]);
    assert_eq!((t["status"].as_str(), t["assignee"].as_str()), (Some("assigned"), Some("bram")));
}

#[test]
fn the_supplier_is_charged_only_for_its_own_time() {
    let r = desk("2026-11-23T09:00:00+01:00");
    let t = log(&r, "Magister", "2", "2"); // Iddink P2: respond 1h, resolve 8h, office hours
    let id = &t["id"];
    r.set("2026-11-23T09:10:00+01:00");
    update(&r, id, &["--supplier-ref", "INC-4711"]);
    r.set("2026-11-23T10:00:00+01:00");
    update(&r, id, &["--status", "waiting_on_supplier"]);
    r.set("2026-11-23T12:00:00+01:00");
    let t = update(&r, id, &["--supplier-solved", "restarted the sync"]);
    assert_eq!(t["status"], "in_progress");
    // The helpdesk checks with the caller for two days: not the supplier's time.
    r.set("2026-11-25T16:00:00+01:00");
    let t = update(&r, id, &["--call", "works again", "--status", "resolved", "--solution", "works again"]);
    let (response, resolution) = (clock(&t, "supplier", "response"), clock(&t, "supplier", "resolution"));
    assert_eq!((response["elapsed"].as_i64(), response["level"].as_str()), (Some(0), Some("ok")), "{t:#}");
    assert_eq!((resolution["elapsed"].as_i64(), resolution["level"].as_str()), (Some(7200), Some("ok")));
    assert_eq!(t["supplier_reopened"], 0);
    let text = r.ok(&["ticket", "show", &id.to_string()]);
    assert!(text.contains("supplier reports it solved: restarted the sync"), "{text}");
}

#[test]
fn a_breached_clock_reads_as_breached_whatever_came_after() {
    let r = desk("2026-11-23T09:00:00+01:00");
    let t = log(&r, "Magister", "2", "2"); // P2: respond 30m, due 09:30
    let id = t["id"].to_string();
    let show = |at: &str| {
        r.set(at);
        let text = r.ok(&["ticket", "show", &id]);
        let line = text.lines().find(|l| l.contains("response")).unwrap_or_default().to_string();
        (r.json(&["ticket", "show", &id]), line)
    };
    // Lowered to P4 (respond 4h) after the breach: the breach stays, and no time is "left".
    r.set("2026-11-23T10:00:00+01:00");
    update(&r, &t["id"], &["--priority", "P4"]);
    let (t2, line) = show("2026-11-23T10:20:00+01:00");
    let response = clock(&t2, "helpdesk", "response");
    assert_eq!((response["level"].as_str(), response["left"].as_i64()), (Some("breached"), Some(0)), "{t2:#}");
    assert!(line.contains("BREACHED ·") && !line.contains("left") && !line.contains(" -"), "{line}");
    // Waiting on the caller: paused, and still breached.
    update(&r, &t["id"], &["--status", "waiting_on_caller"]);
    let (t2, line) = show("2026-11-23T10:40:00+01:00");
    assert_eq!(clock(&t2, "helpdesk", "response")["left"].as_i64(), Some(0));
    assert!(line.contains("paused, BREACHED") && !line.contains("left"), "{line}");
    // Answered the next morning before opening, after a target that ran out at 17:00: late.
    r.set("2026-11-23T15:00:00+01:00");
    let t = log(&r, "Magister", "2", "3"); // P3: respond 2h, due at closing time, 17:00
    let id = t["id"].to_string();
    r.set("2026-11-24T08:30:00+01:00");
    update(&r, &t["id"], &["--call", "sorry"]);
    let text = r.ok(&["ticket", "show", &id]);
    let line = text.lines().find(|l| l.contains("response")).unwrap();
    assert!(line.contains("done after it was due"), "{line}");
}

/// Routed by hand to another supplier after dispatch: that supplier has it from then (its own
/// clocks and "dispatched"), and the helpdesk held it only until the first supplier got it.
#[test]
fn a_ticket_routed_to_another_supplier_counts_each_ones_own_time() {
    let r = desk("2026-11-23T09:00:00+01:00");
    let args = ["ticket", "new", "--participant", "OBL", "--service", "Printen", "--impact", "2", "--urgency", "2"];
    let t = r.json(&[&args[..], &["--title", "printer"]].concat()); // Iddink, WP-OBL
    r.set("2026-11-23T09:30:00+01:00");
    update(&r, &t["id"], &["--status", "waiting_on_supplier"]);
    r.set("2026-11-23T12:00:00+01:00");
    update(&r, &t["id"], &["--override-supplier", "WPN", "--reason", "theirs"]);
    r.set("2026-11-23T12:30:00+01:00");
    update(&r, &t["id"], &["--supplier-ref", "W-1"]);
    let report = r.json_report(&["report", "suppliers", "--from", "2026-11-23", "--to", "2026-11-23", "--detail"]);
    let row = &report["tickets"][0];
    assert_eq!(row["supplier"], "WPN", "{report:#}");
    assert_eq!(row["from"], "2026-11-23T11:00:00Z", "WPN has it from 12:00 (+01:00)");
    assert_eq!((row["response"].as_str(), row["response_hours"].as_f64()), (Some("met"), Some(0.5)));
    assert_eq!(row["held_hours"].as_f64(), Some(0.5), "held until Iddink got it");
}
