//! The command line, run as scripts run it: the real binary, a temporary data folder.

use crate::common;

use std::path::Path;
use std::process::Output;

use common::SMALL;

struct Spoc {
    folder: common::server::Folder,
}

impl Spoc {
    fn new() -> Self {
        Spoc { folder: common::server::Folder::new() }
    }

    fn with_registry() -> Self {
        let s = Spoc::new();
        let file = s.file("registry.toml", SMALL);
        s.ok(&["import", &file]);
        s
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.folder.tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.folder.run(args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8(out.stderr).unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

const NEW: &[&str] =
    &["ticket", "new", "--participant", "ZYL", "--service", "magister 6", "--impact", "2", "--urgency", "2"];

fn new_ticket(s: &Spoc, title: &str) -> serde_json::Value {
    let mut args = NEW.to_vec();
    args.extend(["--title", title, "--json"]);
    s.json(&args)
}

#[test]
fn ticket_new_json_has_routing_and_sla_due_instants() {
    let s = Spoc::with_registry();
    let t = new_ticket(&s, "Magister is down");
    assert_eq!(t["id"], 1);
    assert_eq!(t["priority"], "P2");
    assert_eq!(t["status"], "new");
    assert_eq!(t["supplier"], "Iddink");
    assert_eq!(t["contract"], "ICT-2024-017");
    assert_eq!(t["routing"], "Magister → Iddink (contract ICT-2024-017) · P2: respond 1h, resolve 8h · office");
    for clock in ["response", "resolution"] {
        let due = t["sla"]["helpdesk"][clock]["due"].as_str().unwrap();
        chrono::DateTime::parse_from_rfc3339(due).unwrap();
    }
    assert_eq!(t["sla"]["supplier"]["resolution"]["phase"], "not_started");
}

#[test]
fn unknown_names_are_bad_input_with_suggestions() {
    let s = Spoc::with_registry();
    let mut args = NEW.to_vec();
    args[5] = "Magistre";
    args.extend(["--title", "x"]);
    let err = s.fails(&args, 2);
    assert!(err.contains("unknown service \"Magistre\"; did you mean Magister?"), "{err}");
    let mut args = NEW.to_vec();
    args[3] = "ZYLL";
    args.extend(["--title", "x"]);
    let err = s.fails(&args, 2);
    assert!(err.contains("did you mean ZYL (Zuyderzee Lyceum)"), "{err}");
    let mut args = NEW.to_vec();
    args[7] = "4";
    args.extend(["--title", "x"]);
    assert!(s.fails(&args, 2).contains("impact 4 is out of range"));
}

/// Names on the command line are found as the lookup finds them, case and accents aside;
/// a name nobody has is refused with the nearest, in every command that takes one.
#[test]
fn names_as_typed_are_found_without_their_accents() {
    let s = Spoc::with_registry();
    let extra = "[[service]]\nname = \"Cliëntvolgsysteem\"\n[[supplier]]\nname = \"Noël & Çelik\"\n\
                 [[participant]]\ncode = \"CBS\"\nname = \"Één Vijver\"\n";
    s.ok(&["import", &s.file("more.toml", extra)]);
    let args = ["ticket", "new", "--participant", "een vijver", "--service", "clientvolgsysteem"];
    let t = s.json(&[&args[..], &["--impact", "3", "--urgency", "3", "--title", "x", "--json"]].concat());
    assert_eq!((t["participant"].as_str(), t["service"].as_str()), (Some("CBS"), Some("Cliëntvolgsysteem")), "{t}");
    let id = t["id"].to_string();
    let args = ["ticket", "update", &id, "--override-supplier", "noel & celik", "--reason", "they host it", "--json"];
    let t = s.json(&args);
    assert_eq!(t["supplier"].as_str(), Some("Noël & Çelik"), "{t}");
    let listed = s.ok(&["ticket", "list", "--supplier", "NOEL & CELIK", "--participant", "een vijver"]);
    assert!(listed.contains(&format!("{id} ")) || listed.contains(&format!("#{id}")), "{listed}");
    for (flag, typo, near) in
        [("--supplier", "Idink", "Iddink"), ("--participant", "ZYLL", "ZYL"), ("--service", "Magistre", "Magister")]
    {
        let err = s.fails(&["ticket", "list", flag, typo], 2);
        assert!(err.contains(&format!("{typo:?}")) && err.contains(near), "{flag}: {err}");
    }
    let err = s.fails(&["ticket", "search", "printer", "--supplier", "Idink"], 2);
    assert!(err.contains("Iddink"), "{err}");
    let err = s.fails(&["ticket", "update", &id, "--override-supplier", "Idink", "--reason", "x"], 2);
    assert!(err.contains("did you mean Iddink"), "{err}");
    // Routed there by hand already: no second journal line.
    let again = ["ticket", "update", &id, "--override-supplier", "NOËL & ÇELIK", "--reason", "again", "--json"];
    let t2 = s.json(&again);
    assert_eq!(t2["version"], t["version"], "{t2}");
}

/// A ticket assigned to a typo is a ticket nobody works on: a login is one that has used spoc
/// here, had a ticket, is in the folder's group, or was made known by `spoc agent add`.
#[test]
fn logins_are_checked_against_the_known_agents() {
    let s = Spoc::with_registry();
    new_ticket(&s, "first");
    let me = s.ok(&["agent", "list"]);
    let me = me.lines().next().unwrap().to_string();
    let err = s.fails(&["ticket", "update", "1", "--assign", "anouk"], 2);
    assert!(err.contains("no agent \"anouk\"; known: ") && err.contains("spoc agent add"), "{err}");
    s.ok(&["agent", "add", "anouk"]);
    let err = s.fails(&["ticket", "update", "1", "--assign", "anuok"], 2);
    assert!(err.contains("did you mean anouk?"), "{err}");
    s.ok(&["ticket", "update", "1", "--assign", "ANOUK"]);
    let shown: serde_json::Value = serde_json::from_str(&s.ok(&["ticket", "show", "1", "--json"])).unwrap();
    assert_eq!(shown["assignee"], "anouk", "stored as the login is known");
    assert!(s.fails(&["agent", "add", "Anouk"], 2).contains("anouk is already a known agent"));
    assert!(s.fails(&["agent", "add", "nobody"], 2).contains("means something else"));
    // A login with capitals keeps them, however it is typed, also once it is an assignee.
    s.ok(&["agent", "add", "JSmit"]);
    s.ok(&["ticket", "update", "1", "--assign", "JSmit"]);
    s.ok(&["ticket", "update", "1", "--assign", "jsmit"]);
    let shown: serde_json::Value = serde_json::from_str(&s.ok(&["ticket", "show", "1", "--json"])).unwrap();
    assert_eq!(shown["assignee"], "JSmit");
    // The words --assign reads, in any case.
    s.ok(&["ticket", "update", "1", "--assign", "NOBODY"]);
    s.ok(&["ticket", "update", "1", "--assign", "Me"]);
    // Oneself is always known, and an assignee stays known.
    s.ok(&["ticket", "update", "1", "--assign", &me]);
    assert_eq!(s.ok(&["agent", "list"]), sorted(&["JSmit", "anouk", &me]));
    assert!(s.fails(&["agent", "add", "--", "-rf"], 2).contains("is not a login"));
    assert!(s.fails(&["agent", "add", "two words"], 2).contains("is not a login"));
}

fn sorted(names: &[&str]) -> String {
    let mut v = names.to_vec();
    v.sort();
    v.iter().map(|n| format!("{n}\n")).collect()
}

#[test]
fn update_list_show_through_a_whole_call() {
    let s = Spoc::with_registry();
    new_ticket(&s, "first");
    new_ticket(&s, "second");
    s.ok(&["agent", "add", "bram"]);
    s.ok(&["ticket", "update", "1", "--assign", "bram", "--call", "called back"]);
    s.ok(&["ticket", "update", "1", "--status", "waiting_on_supplier", "--supplier-ref", "INC-4711"]);
    let err = s.fails(&["ticket", "update", "1", "--status", "closed"], 2);
    assert!(err.contains("from waiting_on_supplier it can go to: in_progress, waiting_on_caller, resolved"), "{err}");
    let t = s.json(&["ticket", "show", "1", "--json"]);
    assert_eq!(t["supplier_ref"], "INC-4711");
    assert_eq!(t["assignee"], "bram");
    assert_eq!(t["sla"]["supplier"]["response"]["phase"], "stopped");
    let kinds: Vec<String> = t["journal"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_object().unwrap().keys().next().unwrap().clone())
        .collect();
    assert_eq!(kinds, ["created", "assigned", "status_changed", "contact", "status_changed", "supplier_ref"]);

    let list = s.json(&["ticket", "list", "--status", "waiting_on_supplier", "--json"]);
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let list = s.json(&["ticket", "list", "--supplier", "Iddink", "--limit", "1", "--json"]);
    assert_eq!((list["items"].as_array().unwrap().len(), list["more"].as_bool()), (1, Some(true)));
    // Resolving says what solved it.
    let err = s.fails(&["ticket", "update", "1", "--status", "resolved"], 2);
    assert!(err.contains("--solution"), "{err}");
    s.ok(&["ticket", "update", "1", "--status", "resolved", "--solution", "Iddink restarted the sync"]);
    assert!(s.ok(&["ticket", "show", "1"]).contains("solution      Iddink restarted the sync"));
    s.ok(&["ticket", "update", "1", "--status", "closed", "--satisfaction", "4", "--remark", "quick"]);
    let open = s.json(&["ticket", "list", "--json"]);
    assert_eq!(open["items"].as_array().unwrap().iter().map(|r| r["id"].as_u64().unwrap()).collect::<Vec<_>>(), [2]);
    let all = s.json(&["ticket", "list", "--all", "--json"]);
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    let text = s.ok(&["ticket", "show", "1"]);
    assert!(text.contains("satisfaction  4/5 quick"), "{text}");
    assert!(s.fails(&["ticket", "show", "99"], 2).contains("no ticket 99"));
    assert!(s.fails(&["ticket", "update", "2", "--override-supplier", "WPN"], 2).contains("--reason"));
    // A change based on an old version is refused and says who changed the ticket since.
    s.ok(&["ticket", "update", "2", "--note", "looked at it", "--expect-version", "1"]);
    let err = s.fails(&["ticket", "update", "2", "--note", "stale", "--expect-version", "1"], 1);
    assert!(err.contains("ticket 2 was changed by") && err.contains("now version 2"), "{err}");
}

#[test]
fn outside_text_cannot_reach_the_terminal_as_escape_sequences() {
    let s = Spoc::with_registry();
    new_ticket(&s, "evil \u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[2J title");
    let text = s.ok(&["ticket", "list"]);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    assert!(text.contains("evil"));
    let text = s.ok(&["ticket", "show", "1"]);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    let json = s.ok(&["ticket", "show", "1", "--json"]);
    assert!(json.contains("\\u001b"), "JSON escapes control characters");
}

#[test]
fn import_is_all_or_nothing_and_export_reads_back() {
    let s = Spoc::with_registry();
    let before = s.ok(&["export"]);
    let bad = SMALL
        .replace("supplier = \"WPN\"", "supplier = \"WPM\"")
        .replace("name = \"Parkeren\"", "name = \"Parkeren nieuw\"");
    let file = s.file("bad.toml", &bad);
    let err = s.fails(&["import", &file], 2);
    assert!(err.contains("bad.toml:") && err.contains("field supplier") && err.contains("\"WPM\""), "{err}");
    assert_eq!(s.ok(&["export"]), before, "nothing of the bad file was imported");

    let exported = s.file("exported.toml", &before);
    let other = Spoc::new();
    other.ok(&["import", &exported]);
    assert_eq!(other.ok(&["export"]), before);

    let csv = s.file(
        "suppliers.csv",
        "supplier,phone,contact_name,contact_role\nKennisnet,+31 85 000 2000,Support,service_desk\n",
    );
    s.ok(&["import", &csv]);
    assert!(s.ok(&["export"]).contains("name = \"Kennisnet\""));
    let bad_csv = s.file("bad.csv", "supplier,hours\nKennisnet2,nope\n");
    let err = s.fails(&["import", &bad_csv], 2);
    assert!(err.contains("bad.csv:2") && err.contains("unknown calendar"), "{err}");
}

#[test]
fn a_spreadsheet_csv_updates_only_its_own_columns_and_table() {
    let s = Spoc::with_registry();
    let before = s.ok(&["export"]);
    // Windows-1252 and `;`, as Excel saves "CSV" in a Dutch locale; CRLF endings.
    let path = s.folder.tmp.path().join("leveranciers.csv");
    std::fs::write(
        &path,
        b"supplier;phone\r\nIddink;+31 85 999 0000\r\nWPN;\r\nNotubiz BV;\r\nNo\xebl & \xc7elik;+31 3\r\n",
    )
    .unwrap();
    let out = s.ok(&["import", &path.display().to_string(), "--replace"]);
    assert!(out.contains("supplier Iddink: phone") && out.contains("supplier Noël & Çelik: added"), "{out}");
    let after = s.ok(&["export"]);
    for kept in [
        "[[contract]]",
        "[[service]]",
        "[[participant]]",
        "[[calendar]]",
        "helpdesk_calendar = \"office\"",
        "name = \"Servicedesk\"",
        "hours = \"office\"",
    ] {
        assert_eq!(before.contains(kept), after.contains(kept), "{kept} lost: {after}");
    }
    assert!(after.contains("+31 85 999 0000"));
    let out = s.ok(&["supplier", "find", "celik"]);
    assert!(out.contains("Noël & Çelik"), "{out}");
    let bad = s.file("bad.csv", "supplier,contact_name,contact_email\r\nIddink,Servicedesk,\r\n,Jan,nope\r\n");
    let err = s.fails(&["import", &bad], 2);
    assert!(err.contains("bad.csv:3: field contact_email"), "{err}");
}

#[test]
fn sla_commands_and_holidays() {
    let s = Spoc::new();
    let cal = s.file(
        "cal.toml",
        "name = \"kantoortijden\"\ntimezone = \"Europe/Amsterdam\"\n[week]\nmon = [\"08:00-17:00\"]\ntue = [\"08:00-12:00\", \"13:00-17:00\"]\nwed = [\"08:00-17:00\"]\nthu = [\"08:00-17:00\"]\nfri = [\"08:00-17:00\"]\n[holidays]\ncountry = \"nl\"\n",
    );
    let out =
        s.ok(&["sla", "deadline", "--calendar", &cal, "--start", "2026-03-27T16:00:00+01:00", "--duration", "4h"]);
    assert_eq!(out, "2026-03-30T11:00:00+02:00\n");
    let out = s.ok(&["sla", "deadline", "--calendar", &cal, "--start", "2026-03-27T15:00:00Z", "--duration", "4h"]);
    assert_eq!(out, "2026-03-30T09:00:00Z\n");
    // The built-in calendar by its name.
    let out = s.ok(&["sla", "deadline", "--calendar", "24x7", "--start", "2026-03-28T10:00:00Z", "--duration", "2bd"]);
    assert_eq!(out, "2026-03-30T10:00:00Z\n");
    let out = s.ok(&[
        "sla",
        "between",
        "--calendar",
        &cal,
        "--from",
        "2026-11-23T00:00:00+01:00",
        "--to",
        "2026-11-25T00:00:00+01:00",
    ]);
    assert_eq!(out, format!("{}\n", 17 * 3600));
    let err = s.fails(&["sla", "deadline", "--calendar", &cal, "--start", "yesterday", "--duration", "4h"], 2);
    assert!(err.contains("--start"), "{err}");
    let err = s
        .fails(&["sla", "deadline", "--calendar", &cal, "--start", "2026-03-27T16:00:00Z", "--duration", "4 hours"], 2);
    assert!(err.contains("bad duration"), "{err}");
    let broken = s.file("broken.toml", "name = \"x\"\ntimezone = \"Mars/Olympus\"\n[week]\nmon = [\"08:00-17:00\"]\n");
    let err = s.fails(
        &["sla", "between", "--calendar", &broken, "--from", "2026-11-23T00:00:00Z", "--to", "2026-11-24T00:00:00Z"],
        2,
    );
    assert!(err.contains("broken.toml:2: field timezone"), "{err}");

    let out = s.ok(&["calendar", "holidays", "--country", "nl", "--year", "2026"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "2026-01-01\tNew Year's Day");
    assert_eq!(lines[4], "2026-04-27\tKing's Day");
    assert_eq!(lines.len(), 10);
    assert!(
        s.fails(&["calendar", "holidays", "--country", "be", "--year", "2026"], 2).contains("no built-in holiday set")
    );
}

#[test]
fn check_config_says_where_an_error_is() {
    let s = Spoc::new();
    let good = s.file("config.toml", "data = \"/srv/spoc\"\n");
    assert!(s.ok(&["check-config", "--config", &good]).contains("ok"));
    let bad = s.file("bad-config.toml", "data = \"/srv/spoc\"\ncolour = 3\n");
    let err = s.fails(&["check-config", "--config", &bad], 2);
    assert!(err.contains("bad-config.toml:2:1"), "{err}");
    // A theme that is not there is an error in the config, which is then not also "ok".
    let nothing = s.file("no-theme.toml", "theme = \"nonexist\"\n");
    let out = s.run(&["check-config", "--config", &nothing]);
    let (said, err) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(err.contains("no-theme.toml:1:9") && !said.contains("no-theme.toml"), "{said}\n{err}");
    // The keymap and the themes in the config folder, checked before any screen is taken.
    let spoc_config = s.folder.tmp.path().join("config").join("spoc");
    std::fs::create_dir_all(spoc_config.join("themes")).unwrap();
    std::fs::write(spoc_config.join("keymap.toml"), "[queue]\nj = \"down\"\nx = \"opne\"\n").unwrap();
    std::fs::write(spoc_config.join("themes").join("mine.toml"), "inherits = \"dark\"\n[roles]\nsla = \"orange\"\n")
        .unwrap();
    let with_theme = s.file("themed.toml", "theme = \"mine\"\n");
    let err = s.fails(&["check-config", "--config", &with_theme], 2);
    assert!(err.contains("keymap.toml:3:5: unknown action \"opne\""), "{err}");
    assert!(err.contains("mine.toml:3:7") && err.contains("orange"), "{err}");
    std::fs::write(spoc_config.join("keymap.toml"), "[queue]\nx = \"open\"\n").unwrap();
    std::fs::write(spoc_config.join("themes").join("mine.toml"), "inherits = \"dark\"\n").unwrap();
    let ok = s.ok(&["check-config", "--config", &with_theme]);
    assert!(ok.contains("keymap.toml") && ok.contains("ok  theme mine"), "{ok}");
    let registry = s.file("r.toml", &SMALL.replace("hours = \"office\"", "hours = \"ofice\""));
    let err = s.fails(&["check-config", "--config", &good, &registry], 2);
    assert!(err.contains("r.toml:") && err.contains("field hours"), "{err}");
}

#[test]
fn check_config_reports_every_error_at_once_with_did_you_mean() {
    let s = Spoc::new();
    let spoc_config = s.folder.tmp.path().join("config").join("spoc");
    std::fs::create_dir_all(spoc_config.join("themes")).unwrap();
    std::fs::write(spoc_config.join("keymap.toml"), "[queue]\nx = \"opne\"\ny = \"refesh\"\n").unwrap();
    std::fs::write(spoc_config.join("themes").join("mine.toml"), "[roles]\n\"sla.warnign\" = \"yellow\"\n").unwrap();
    let config = s.file(
        "config.toml",
        "data = \"/srv/spoc\"\ntheme = \"nonexist\"\nkeymap = \"vmi\"\ncolour = 3\ngrup = \"desk\"\n",
    );
    let registry = s.file("r.toml", &SMALL.replace("hours = \"office\"", "hours = \"ofice\""));
    let err = s.fails(&["check-config", "--config", &config, &registry], 2);
    for wanted in [
        "config.toml:2:9: no theme \"nonexist\"",
        "config.toml:3:10: keymap \"vmi\" (did you mean \"vim\"?)",
        "config.toml:4:1: unknown field \"colour\"",
        "config.toml:5:1: unknown field \"grup\" (did you mean \"group\"?)",
        "keymap.toml:2:5: unknown action \"opne\" (did you mean \"open\"?)",
        "keymap.toml:3:5: unknown action \"refesh\" (did you mean \"refresh\"?)",
        "mine.toml:2:1: unknown role \"sla.warnign\" (did you mean \"sla.warning\"?)",
        "r.toml:",
    ] {
        assert!(err.contains(wanted), "{wanted} missing from:\n{err}");
    }
    assert!(!err.contains(":0:0"), "{err}");
    assert_eq!(err.lines().filter(|l| l.contains("sla.warnign")).count(), 1, "each error once: {err}");
}

#[test]
fn demo_fills_a_folder_and_refuses_a_used_one() {
    let s = Spoc::new();
    s.ok(&["demo", "--no-ui", "--tickets", "300"]);
    let list = s.json(&["ticket", "list", "--all", "--limit", "1000", "--json"]);
    assert_eq!(list["items"].as_array().unwrap().len(), 300);
    let open = s.json(&["ticket", "list", "--limit", "1000", "--json"]);
    assert!(!open["items"].as_array().unwrap().is_empty(), "some recent tickets are still open");
    assert!(s.ok(&["supplier", "find", "magi"]).contains("Iddink"));
    let report = s.ok(&["report", "suppliers", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv"]);
    assert!(report.starts_with("supplier,contract,dispatched,"));
    assert!(report.lines().count() > 10, "{report}");
    assert!(s.fails(&["demo", "--no-ui"], 2).contains("empty data folder"));
    // A folder of someone's own files is not made private and filled.
    let theirs = Spoc::new();
    std::fs::create_dir_all(theirs.folder.data()).unwrap();
    std::fs::write(theirs.folder.data().join("notes.txt"), "mine").unwrap();
    assert!(theirs.fails(&["demo", "--no-ui"], 2).contains("not spoc's"));
    let names: Vec<_> = std::fs::read_dir(theirs.folder.data()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names, ["notes.txt"]);
    let backup = s.folder.tmp.path().join("b.spoc");
    s.ok(&["backup", &backup.display().to_string()]);
    assert!(Path::new(&backup).exists());
}

#[test]
fn regie_reports_as_csv_json_and_tables_with_the_tickets_behind_them() {
    let s = Spoc::new();
    s.ok(&["demo", "--no-ui", "--tickets", "800"]);
    let year = ["--from", "2026-01-01", "--to", "2026-12-31"];
    let csv = s.ok(&[&["report", "suppliers", "--monthly", "--format", "csv"][..], &year[..]].concat());
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("supplier,contract,month,dispatched,response_met_pct,"), "{header}");
    // Every figure traces to its tickets: the detail rows of one supplier add up to its count.
    let summary =
        s.json(&[&["report", "suppliers", "--supplier", "cloudwerk", "--format", "json"][..], &year[..]].concat());
    let total = &summary["rows"][0];
    assert_eq!(total["supplier"], "CloudWerk");
    assert!(total["contract"].is_null());
    let detail =
        s.ok(&[&["report", "suppliers", "--supplier", "CloudWerk", "--detail", "--format", "csv"][..], &year[..]]
            .concat());
    assert!(detail.starts_with("ticket,priority,participant,service,supplier,contract,supplier_ref,from,response,"));
    assert_eq!(detail.lines().count() as u64 - 1, total["figures"]["tickets"].as_u64().unwrap());
    let mut rows = csv::Reader::from_reader(detail.as_bytes());
    let met = rows.records().filter(|r| r.as_ref().unwrap().get(8) == Some("met")).count() as u64;
    assert_eq!(met, total["figures"]["response_met"].as_u64().unwrap());
    // What solved each ticket is beside its figures, for the supplier to check.
    assert!(
        detail.lines().next().unwrap().ends_with(",satisfaction,remark,title,solution"),
        "{}",
        detail.lines().next().unwrap()
    );
    assert!(detail.contains("opnieuw"), "the demo's solutions are in the detail");

    // CSV for Dutch Excel: byte order mark, `;` between cells, a decimal comma.
    let excel = s.ok(&[&["report", "suppliers", "--format", "csv", "--excel"][..], &year[..]].concat());
    assert!(excel.starts_with("\u{feff}supplier;contract;"), "{}", &excel[..60]);
    let first = excel.lines().nth(1).unwrap();
    assert!(first.split(';').any(|c| c.contains(',') && c.replace(',', ".").parse::<f64>().is_ok()), "{first}");
    let err = s.fails(&[&["report", "suppliers", "--excel"][..], &year[..]].concat(), 2);
    assert!(err.contains("--format csv"), "{err}");
    // A workbook for the meeting: a file, never the terminal.
    let book = s.folder.tmp.path().join("afas.xlsx");
    let book_arg = book.display().to_string();
    s.ok(&[&["report", "suppliers", "--detail", "--format", "xlsx", "-o", &book_arg][..], &year[..]].concat());
    assert!(std::fs::read(&book).unwrap().starts_with(b"PK"), "a zip, as every xlsx");
    let err = s.fails(&[&["report", "suppliers", "--format", "xlsx"][..], &year[..]].concat(), 2);
    assert!(err.contains("-o FILE"), "{err}");
    let table = s.ok(&[&["report", "participants"][..], &year[..]].concat());
    assert!(table.starts_with("participant") && table.contains("top services"), "{table}");
    // The demo's helpdesk norms judge each participant, named by its code alone.
    let judged = table.split("against the norms:\n").nth(1).expect("judged against the norms");
    let first = judged.lines().next().unwrap();
    let (name, verdict) = first.trim().split_once(": ").unwrap();
    assert!(!name.contains(' ') && (verdict == "met" || verdict.starts_with("NOT MET")), "{first}");
    // For people: words for headers, counts beside percentages, within 120 columns.
    for monthly in [&[][..], &["--monthly"][..]] {
        let table = s.ok(&[&["report", "suppliers"][..], &year[..], monthly].concat());
        assert!(table.lines().all(|l| l.chars().count() <= 120), "{table}");
        assert!(table.starts_with("supplier") && table.contains("response met") && table.contains('/'), "{table}");
    }
    let table = s.ok(&[&["report", "suppliers"][..], &year[..]].concat());
    let main = table.split("\n\n").next().unwrap();
    let afas: Vec<&str> = main.lines().filter(|l| l.starts_with("AFAS")).collect();
    assert_eq!(afas.len(), 1, "a supplier with one contract is one row: {afas:?}");
    assert!(table.contains("per priority") && table.contains(" P3 "), "{table}");
    let services =
        s.json(&[&["report", "services", "--service", "magister", "--format", "json"][..], &year[..]].concat());
    assert_eq!(services["rows"].as_array().unwrap().len(), 1);
    let watch = s.json(&["report", "contracts", "--within", "400", "--format", "json"]);
    assert!(!watch["contracts"].as_array().unwrap().is_empty());
    assert!(watch["uncovered_services"].as_array().unwrap().iter().any(|v| v == "Parkeervergunningen"));
    // The CSV carries every section, told apart by its first column.
    let csv = s.ok(&["report", "contracts", "--within", "400", "--format", "csv"]);
    assert!(csv.starts_with("section,name,supplier,valid_until,notice_by,state,counts_to,days_left"), "{csv}");
    assert!(csv.contains("\nuncovered_service,Parkeervergunningen,"), "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("contract,")), "{csv}");
    let err = s.fails(&[&["report", "suppliers", "--supplier", "Idink"][..], &year[..]].concat(), 2);
    assert!(err.contains("did you mean Iddink"), "{err}");
}

#[test]
fn the_demo_folder_is_private_from_the_start() {
    use std::os::unix::fs::PermissionsExt;
    let s = Spoc::new();
    s.ok(&["demo", "--no-ui", "--tickets", "20"]);
    let data = s.folder.data();
    assert_eq!(std::fs::metadata(&data).unwrap().permissions().mode() & 0o777, 0o700);
    let mut stack = vec![data];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let m = entry.metadata().unwrap();
            assert_eq!(m.permissions().mode() & 0o077, 0, "{} is readable by others", entry.path().display());
            if m.is_dir() {
                stack.push(entry.path());
            }
        }
    }
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line_itself() {
    let s = Spoc::new();
    for (shell, sign) in [("bash", "_spoc()"), ("zsh", "#compdef spoc"), ("fish", "complete -c spoc")] {
        let out = s.ok(&["completions", shell]);
        assert!(out.contains(sign), "{shell}: {}", &out[..out.len().min(300)]);
        assert!(out.contains("supplier-solved"), "{shell} completes the flags of every subcommand");
    }
    // A flag of a few words completes to those words, not to file names.
    let bash = s.ok(&["completions", "bash"]);
    assert!(bash.contains("compgen -W \"new assigned in_progress waiting_on_supplier"), "--status values");
    assert!(bash.contains("compgen -W \"P1 P2 P3 P4\""), "--priority values");
    assert!(bash.contains("compgen -W \"en nl\""), "--lang values");
    let man = s.ok(&["man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH spoc"), "{}", &man[..man.len().min(300)]);
    assert!(man.contains("completions") && man.contains("backup"), "the manual lists the commands");
    // Each command has its page, with its own flags, named as the main page refers to it.
    let update = s.ok(&["man", "ticket", "update"]);
    assert!(update.contains(".TH spoc-ticket-update") && update.contains("supplier\\-solved"), "{update}");
    let err = s.fails(&["man", "tiket"], 2);
    assert!(err.contains("ticket"), "{err}");
    let pages = s.folder.tmp.path().join("man1");
    s.ok(&["man", "--all", pages.to_str().unwrap()]);
    for page in ["spoc.1", "spoc-ticket.1", "spoc-ticket-update.1", "spoc-report-suppliers.1"] {
        assert!(pages.join(page).exists(), "{page}");
    }
    assert!(man.contains("spoc\\-ticket(1)"), "the main page names the command pages");
    assert!(!s.folder.data().exists(), "neither starts a server nor makes a data folder");
}

/// `ticket list` is in the UI's order: by the due instant of the clock that comes due first,
/// and the due and time left it shows are that clock's.
#[test]
fn the_list_is_in_due_order_and_shows_the_clock_that_comes_due_first() {
    let s = Spoc::new();
    s.ok(&["demo", "--no-ui", "--tickets", "800"]);
    let page = s.json(&["ticket", "list", "--json", "--limit", "200"]);
    let items = page["items"].as_array().unwrap();
    assert!(items.len() > 5, "{}", items.len());
    let due = |r: &serde_json::Value| r["sla_due"].as_str().map(|d| chrono::DateTime::parse_from_rfc3339(d).unwrap());
    let keys: Vec<_> = items.iter().map(|r| (due(r).is_none(), due(r), r["id"].as_u64().unwrap())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "the UI's order: due first, none last, then id");
    for r in items.iter().take(15) {
        let id = r["id"].as_u64().unwrap().to_string();
        let t = s.json(&["ticket", "show", &id, "--json"]);
        let mut running = Vec::new();
        for layer in ["helpdesk", "supplier"] {
            for clock in ["response", "resolution"] {
                let c = &t["sla"][layer][clock];
                if c["phase"] == "running" {
                    let at = c["due"].as_str().map(|d| chrono::DateTime::parse_from_rfc3339(d).unwrap());
                    running.push((at, c["left"].as_i64().unwrap()));
                }
            }
        }
        let first = running.iter().min().copied();
        assert_eq!(first.map(|(d, _)| d), first.map(|_| due(r)), "#{id}: {running:?}");
        // Time left runs on between the two commands (a 24x7 clock counts every second).
        let left = first.map(|(_, left)| left).unwrap_or_default();
        assert!((left - r["sla_left"].as_i64().unwrap_or_default()).abs() <= 5, "#{id}: {left} vs {}", r["sla_left"]);
    }
    let text = s.ok(&["ticket", "list", "--limit", "5"]);
    assert!(text.lines().next().is_some_and(|l| l.contains('✓') || l.contains('!') || l.contains('✗')), "{text}");
}
