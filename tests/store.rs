//! The store: versioned records and migration, indexes in SLA order, paging, conflicts,
//! backup and restore, and one process per folder.

use crate::common;

use chrono::{DateTime, Duration, Utc};
use common::{SMALL, at};
use spoc::desk::{Agent, AssigneeFilter, Conflict, Desk, DeskError, ImportFormat, TicketQuery, TicketUpdate};
use spoc::domain::ticket::{Change, NewTicket};
use spoc::domain::{Status, Ticket, TicketKind};
use spoc::store::{Store, encode_ticket};

fn desk_at(dir: &std::path::Path, now: DateTime<Utc>) -> Desk {
    let desk = Desk::open_with_clock(dir, Box::new(move || now)).unwrap();
    if desk.registry().participants().is_empty() {
        desk.import_registry(&Agent::new("admin"), "small.toml", SMALL, ImportFormat::Toml, false).unwrap();
    }
    desk
}

fn input(service: &str, impact: u8, urgency: u8, title: &str) -> NewTicket {
    NewTicket {
        kind: TicketKind::Incident,
        title: title.into(),
        description: String::new(),
        caller: None,
        participant: "ZYL".into(),
        service: service.into(),
        impact,
        urgency,
        caller_id: None,
        link_to: None,
        solution: None,
    }
}

fn reference_ticket() -> Ticket {
    let reg = common::small_registry();
    let new = NewTicket {
        kind: TicketKind::Incident,
        title: "Magister is down".into(),
        description: "since 08:00".into(),
        caller: Some("Sanne".into()),
        participant: "ZYL".into(),
        service: "Magister".into(),
        impact: 2,
        urgency: 2,
        caller_id: None,
        link_to: None,
        solution: None,
    };
    let (mut t, _) = Ticket::open(7, new, at("2026-11-23T09:00:00+01:00"), "anouk", &reg).unwrap();
    t.apply(Change::Status(Status::WaitingOnSupplier), at("2026-11-23T09:30:00+01:00"), "anouk", &reg).unwrap();
    t
}

#[test]
fn a_store_written_by_version_1_opens_and_migrates() {
    // The fixture was written by version 1's encoding and is kept as it was.
    let fixture = std::fs::read("tests/fixtures/ticket-v1.bin").unwrap();
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path().join("store")).unwrap();
        db.open_tree("tickets").unwrap().insert(7u64.to_be_bytes(), fixture).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let t = store.ticket(7).unwrap().unwrap();
    let mut expected = reference_ticket();
    expected.satisfaction = None;
    assert_eq!(t, expected);
}

#[test]
fn the_current_encoding_is_pinned() {
    // If this fails, the ticket record changed: keep the old shape in store::records, add the
    // new one with a new TICKET_VERSION, bring the old forward in store::migrate, and write a new
    // fixture. SPOC_BLESS=1 writes the fixture anew (only together with such a version bump).
    let path = format!("tests/fixtures/ticket-v{}.bin", spoc::store::TICKET_VERSION);
    if std::env::var_os("SPOC_BLESS").is_some() {
        std::fs::write(&path, encode_ticket(&reference_v6())).unwrap();
    }
    let fixture = std::fs::read(&path).unwrap();
    assert_eq!(encode_ticket(&reference_v6()), fixture);
}

/// The reference ticket with every field version 6 added set, so that each is pinned.
fn reference_v6() -> Ticket {
    let mut t = reference_ticket();
    t.caller_id = Some(3);
    t.linked_to = Some(5);
    t.first_contact = true;
    t.waiting_until = Some(at("2026-11-26T10:00:00+01:00"));
    t.anonymised = true;
    t
}

#[test]
fn a_store_written_by_version_5_opens() {
    // Version 5 had no callers on file, major incidents or call-back moments.
    let fixture = std::fs::read("tests/fixtures/ticket-v5.bin").unwrap();
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path().join("store")).unwrap();
        db.open_tree("tickets").unwrap().insert(7u64.to_be_bytes(), fixture).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.ticket(7).unwrap().unwrap(), reference_ticket());
    // And the current record reads back what it wrote.
    let again = spoc::store::decode_ticket(&encode_ticket(&reference_v6())).unwrap();
    assert_eq!(again, reference_v6());
}

/// The events version 6 added keep their bytes too.
#[test]
fn the_journal_events_of_version_6_are_pinned() {
    use spoc::domain::ticket::{Event, JournalEntry};
    let at = |m: i64| at("2026-11-23T09:00:00+01:00") + Duration::minutes(m);
    let events = vec![
        Event::MajorIncident { on: true },
        Event::Linked { from: None, to: Some(5) },
        Event::ResolvedWithMajor { major: 5 },
        Event::WaitingUntil { until: Some(at(90)) },
        Event::Anonymised,
    ];
    let entries: Vec<JournalEntry> = events
        .into_iter()
        .enumerate()
        .map(|(i, event)| JournalEntry { at: at(i as i64), by: "anouk".into(), event })
        .collect();
    let path = "tests/fixtures/journal-v2-events-of-v6.bin";
    if std::env::var_os("SPOC_BLESS").is_some() {
        std::fs::write(path, spoc::store::encode_journal(&entries)).unwrap();
    }
    let bytes = spoc::store::encode_journal(&entries);
    assert_eq!(bytes, std::fs::read(path).unwrap());
    assert_eq!(spoc::store::decode_journal(&bytes).unwrap(), entries);
}

/// The journal's record is pinned the same way: every kind of event, as written.
#[test]
fn the_journal_encoding_is_pinned() {
    use spoc::domain::ticket::{Channel, Event, JournalEntry};
    let at = |m: i64| at("2026-11-23T09:00:00+01:00") + Duration::minutes(m);
    let events = vec![
        Event::Created { routing: "Magister → Iddink".into() },
        Event::Note { text: "n".into() },
        Event::Contact { channel: Channel::Call, text: "c".into() },
        Event::SupplierReply { text: "r".into() },
        Event::SupplierSolved { text: "s".into() },
        Event::StatusChanged { from: Status::New, to: Status::Closed },
        Event::Reopened { from: Status::Resolved },
        Event::Assigned { from: None, to: Some("bram".into()) },
        Event::PriorityChanged { from: spoc::domain::Priority::P2, to: spoc::domain::Priority::P4 },
        Event::SupplierRef { from: None, to: "INC-1".into() },
        Event::RoutingOverridden { from: "A".into(), to: "B".into(), reason: "why".into() },
        Event::Satisfaction { score: 4, remark: Some("ok".into()) },
    ];
    let entries: Vec<JournalEntry> = events
        .into_iter()
        .enumerate()
        .map(|(i, event)| JournalEntry { at: at(i as i64), by: "anouk".into(), event })
        .collect();
    let path = "tests/fixtures/journal-v2.bin";
    if std::env::var_os("SPOC_BLESS").is_some() {
        std::fs::write(path, spoc::store::encode_journal(&entries)).unwrap();
    }
    assert_eq!(spoc::store::encode_journal(&entries), std::fs::read(path).unwrap());
    // The record has the shape the domain's own serde gave journals before they had records.
    assert_eq!(spoc::store::encode_journal(&entries), spoc::store::encode(2, &entries));
}

#[test]
fn a_store_written_by_version_2_opens() {
    // Version 2 kept instants as text; the fixture was written by it and is kept as it was.
    let fixture = std::fs::read("tests/fixtures/ticket-v2.bin").unwrap();
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path().join("store")).unwrap();
        db.open_tree("tickets").unwrap().insert(7u64.to_be_bytes(), fixture).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.ticket(7).unwrap().unwrap(), reference_ticket());
}

#[test]
fn a_store_written_by_version_4_opens() {
    // Version 4 had no solution; its fixture is kept as version 4 wrote it.
    let fixture = std::fs::read("tests/fixtures/ticket-v4.bin").unwrap();
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path().join("store")).unwrap();
        db.open_tree("tickets").unwrap().insert(7u64.to_be_bytes(), fixture).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.ticket(7).unwrap().unwrap(), reference_ticket());
}

#[test]
fn a_store_written_by_version_3_opens() {
    // Version 3 had no supplier events; the ticket (dispatched, with the supplier) reads back
    // as being with the supplier, and its fixture is kept as version 3 wrote it.
    let fixture = std::fs::read("tests/fixtures/ticket-v3.bin").unwrap();
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path().join("store")).unwrap();
        db.open_tree("tickets").unwrap().insert(7u64.to_be_bytes(), fixture).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let t = store.ticket(7).unwrap().unwrap();
    assert!(t.with_supplier);
    assert_eq!(t, reference_ticket());
}

#[test]
fn pages_come_most_urgent_first_and_filters_use_the_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-23T09:00:00+01:00");
    let desk = desk_at(dir.path(), now);
    let agent = Agent::new("anouk");
    // P4 (5bd), P3 (16h), P1 (4h), P2 (8h): most urgent is P1.
    for (i, (impact, urgency)) in [(3, 4), (3, 3), (1, 1), (2, 2)].into_iter().enumerate() {
        desk.create_ticket(&agent, input("Magister", impact, urgency, &format!("t{i}"))).unwrap();
    }
    let page = desk.list_tickets(&TicketQuery::default()).unwrap();
    let titles: Vec<&str> = page.items.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["t2", "t3", "t1", "t0"]);
    let second = desk.list_tickets(&TicketQuery { limit: 2, offset: 2, ..Default::default() }).unwrap();
    assert_eq!(second.items.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(), ["t1", "t0"]);
    assert!(!second.more);
    assert!(desk.list_tickets(&TicketQuery { limit: 2, ..Default::default() }).unwrap().more);

    desk.add_agent(&agent, "bram").unwrap();
    desk.update_ticket(
        &agent,
        4,
        TicketUpdate { changes: vec![Change::Assign(Some("bram".into()))], ..Default::default() },
    )
    .unwrap();
    desk.update_ticket(
        &agent,
        3,
        TicketUpdate {
            changes: vec![Change::Solution("fixed".into()), Change::Status(Status::Resolved)],
            ..Default::default()
        },
    )
    .unwrap();
    let q = |q: TicketQuery| desk.list_tickets(&q).unwrap().items.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(q(TicketQuery { statuses: vec![Status::Assigned], ..Default::default() }), [4]);
    assert_eq!(q(TicketQuery { assignee: Some(AssigneeFilter::Agent("bram".into())), ..Default::default() }), [4]);
    assert_eq!(q(TicketQuery { assignee: Some(AssigneeFilter::Unassigned), ..Default::default() }), [2, 1]);
    assert_eq!(q(TicketQuery { supplier: Some("iddink".into()), ..Default::default() }), [4, 2, 1]);
    assert_eq!(
        q(TicketQuery { supplier: Some("iddink".into()), include_done: true, ..Default::default() }),
        [4, 2, 1, 3]
    );
    assert_eq!(q(TicketQuery { text: Some("T3".into()), ..Default::default() }), [4]);
    assert_eq!(q(TicketQuery { text: Some("t2".into()), ..Default::default() }), Vec::<u64>::new(), "t2 is resolved");
    assert_eq!(q(TicketQuery { statuses: vec![Status::Resolved, Status::New], ..Default::default() }), [2, 1, 3]);
}

#[test]
fn breaching_filter_follows_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let start = at("2026-11-23T09:00:00+01:00");
    {
        let desk = desk_at(dir.path(), start);
        desk.create_ticket(&Agent::new("a"), input("Magister", 1, 1, "urgent")).unwrap(); // P1: 4h
        desk.create_ticket(&Agent::new("a"), input("Magister", 3, 4, "later")).unwrap(); // P4
    }
    // Three hours on: the P1's 15m response has breached, the P4's 4h response has not.
    let later = desk_at(dir.path(), start + Duration::hours(3));
    let breaching = later
        .list_tickets(&TicketQuery { level: Some(spoc::desk::LevelFilter::Breaching), ..Default::default() })
        .unwrap();
    assert_eq!(breaching.items.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(), ["urgent"]);
}

#[test]
fn an_update_from_an_old_version_is_a_conflict_that_names_who() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path(), at("2026-11-23T09:00:00+01:00"));
    let t = desk.create_ticket(&Agent::new("anouk"), input("Magister", 2, 2, "x")).unwrap();
    desk.update_ticket(
        &Agent::new("bram"),
        t.id,
        TicketUpdate { changes: vec![Change::Note("mine".into())], expected_version: Some(1) },
    )
    .unwrap();
    let err = desk
        .update_ticket(
            &Agent::new("anouk"),
            t.id,
            TicketUpdate { changes: vec![Change::Note("late".into())], expected_version: Some(1) },
        )
        .unwrap_err();
    assert!(matches!(err, DeskError::Conflict(Conflict { current: 2, .. })), "{err}");
    assert!(err.to_string().contains("bram"), "{err}");
    assert!(err.to_string().contains("note: mine"), "names what changed: {err}");
    assert_eq!(desk.ticket(t.id).unwrap().journal.len(), 2, "the refused note was not written");
}

#[test]
fn a_refused_change_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path(), at("2026-11-23T09:00:00+01:00"));
    let t = desk.create_ticket(&Agent::new("anouk"), input("Magister", 2, 2, "x")).unwrap();
    let update = TicketUpdate {
        changes: vec![Change::Note("first".into()), Change::Status(Status::Closed)],
        expected_version: None,
    };
    assert!(desk.update_ticket(&Agent::new("anouk"), t.id, update).is_err());
    let again = desk.ticket(t.id).unwrap();
    assert_eq!((again.version, again.journal.len()), (1, 1));
}

#[test]
fn backup_and_restore_round_trip_and_refuse_damage() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path(), at("2026-11-23T09:00:00+01:00"));
    for i in 0..3 {
        desk.create_ticket(&Agent::new("anouk"), input("Magister", 2, 2, &format!("t{i}"))).unwrap();
    }
    let file = dir.path().join("backup.spoc");
    let summary = desk.backup(&mut std::fs::File::create(&file).unwrap()).unwrap();
    assert_eq!((summary.tickets, summary.journal_entries), (3, 3));

    let other = tempfile::tempdir().unwrap();
    let fresh = Desk::open(other.path()).unwrap();
    fresh.restore_file(&file, "backup.spoc", false).unwrap();
    assert_eq!(fresh.ticket(2).unwrap().title, "t1");
    assert_eq!(fresh.registry().participants().len(), 3);
    let next = fresh.create_ticket(&Agent::new("a"), input("Magister", 2, 2, "after")).unwrap();
    assert_eq!(next.id, 4, "ids go on after the restored ones");
    assert!(matches!(
        fresh.restore_file(&file, "backup.spoc", false),
        Err(DeskError::Backup(spoc::store::backup::BackupError::NotEmpty(_)))
    ));
    let summary = fresh.restore_file(&file, "backup.spoc", true).unwrap();
    assert!(fresh.ticket(4).is_err(), "--force replaces everything");
    assert_eq!((summary.replaced, summary.next_ticket), (4, 5), "{summary:?}");
    let next = fresh.create_ticket(&Agent::new("a"), input("Magister", 2, 2, "after the restore")).unwrap();
    assert_eq!(next.id, 5, "#4 was given before the restore: never again");

    let text = std::fs::read_to_string(&file).unwrap();
    let damaged = dir.path().join("damaged.spoc");
    std::fs::write(&damaged, text.replacen("t1", "t9", 1)).unwrap();
    let err = fresh.restore_file(&damaged, "damaged.spoc", true).unwrap_err().to_string();
    assert!(err.contains("checksum"), "{err}");
    std::fs::write(&damaged, &text[..text.len() - 40]).unwrap();
    assert!(fresh.restore_file(&damaged, "damaged.spoc", true).unwrap_err().to_string().contains("damaged"));
    std::fs::write(&damaged, "name,phone\n").unwrap();
    assert!(fresh.restore_file(&damaged, "damaged.spoc", true).unwrap_err().to_string().contains("not a spoc backup"));
    assert_eq!(fresh.ticket(2).unwrap().title, "t1", "a refused restore leaves the store as it was");
}

/// A backup whose bytes are sound (its checksum matches) but whose registry does not validate
/// is refused before anything is written: the tickets stay, and the store opens again.
#[test]
fn a_backup_with_a_registry_that_does_not_validate_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path(), at("2026-11-23T09:00:00+01:00"));
    desk.create_ticket(&Agent::new("anouk"), input("Magister", 2, 2, "kept")).unwrap();
    let mut bytes = Vec::new();
    desk.backup(&mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    // Point a contract at a supplier that does not exist, and seal it with a correct checksum.
    let (body, _end) = text.trim_end().rsplit_once('\n').unwrap();
    let mut lines: Vec<String> = body.lines().map(String::from).collect();
    assert!(lines[1].contains("\"Iddink\""), "{}", &lines[1][..200.min(lines[1].len())]);
    lines[1] = lines[1].replace("\"supplier\":\"Iddink\"", "\"supplier\":\"Nobody BV\"");
    let body = lines.join("\n") + "\n";
    let crc = crc32fast::hash(body.as_bytes());
    let sealed = format!("{body}{{\"end\":{{\"tickets\":1,\"journal_entries\":1,\"crc32\":{crc}}}}}\n");
    let file = dir.path().join("bad-registry.spoc");
    std::fs::write(&file, sealed).unwrap();

    let err = desk.restore_file(&file, "bad-registry.spoc", true).unwrap_err();
    assert!(err.is_bad_input(), "{err}");
    assert!(err.to_string().contains("bad-registry.spoc:2") && err.to_string().contains("Nobody BV"), "{err}");
    assert_eq!(desk.ticket(1).unwrap().title, "kept");
    drop(desk);
    let again = Desk::open(dir.path()).expect("the store still opens");
    assert_eq!(again.ticket(1).unwrap().title, "kept");
}

/// A ticket twice, one numbered 0, or a call linked to a major incident it does not hold, sealed with a correct checksum and counts: refused before
/// anything is written (it would restore as fewer tickets, or be overwritten by the next one).
#[test]
fn a_backup_with_a_ticket_twice_or_numbered_zero_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path(), at("2026-11-23T09:00:00+01:00"));
    for title in ["one", "two"] {
        desk.create_ticket(&Agent::new("anouk"), input("Magister", 2, 2, title)).unwrap();
    }
    let mut bytes = Vec::new();
    desk.backup(&mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let (body, _end) = text.trim_end().rsplit_once('\n').unwrap();
    let lines: Vec<String> = body.lines().map(String::from).collect();
    let seal = |lines: &[String], tickets: usize| {
        let body = lines.join("\n") + "\n";
        let crc = crc32fast::hash(body.as_bytes());
        format!(
            "{body}{{\"end\":{{\"tickets\":{tickets},\"journal_entries\":{tickets},\"callers\":0,\"crc32\":{crc}}}}}\n"
        )
    };
    let mut twice = lines.clone();
    twice.push(lines.last().unwrap().clone());
    let mut zero = lines.clone();
    let last = zero.len() - 1;
    zero[last] = zero[last].replacen("\"id\":2,", "\"id\":0,", 1);
    assert_ne!(zero[last], lines[last], "the id was found");
    let mut link = lines.clone();
    link[last] = link[last].replacen("\"linked_to\":null", "\"linked_to\":99", 1);
    assert_ne!(link[last], lines[last], "the link was found");
    let cases = [("twice.spoc", seal(&twice, 3)), ("zero.spoc", seal(&zero, 2)), ("link.spoc", seal(&link, 2))];
    for (name, sealed) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, sealed).unwrap();
        let err = desk.restore_file(&file, name, true).unwrap_err();
        let why = match name {
            "zero.spoc" => "ticket number 0 is none spoc gives",
            "link.spoc" => "major incident #99, which the backup does not hold",
            _ => "ticket 2 appears twice",
        };
        assert!(err.is_bad_input() && err.to_string().contains(why), "{name}: {err}");
        assert_eq!(desk.ticket(2).unwrap().title, "two", "{name}");
    }
}

#[test]
fn a_folder_in_use_says_so_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let _held = Store::open(dir.path()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spoc"))
        .args(["ticket", "list"])
        .env("SPOC_DATA", dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("is in use by another spoc process"), "{err}");
    assert!(err.contains(&format!("pid {}", std::process::id())), "{err}");
}

#[test]
fn a_registry_import_is_audited_with_who_and_what() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path(), at("2026-11-23T09:00:00+01:00"));
    let audit = desk.store().audit().unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!((audit[0].by.as_str(), audit[0].at), ("admin", at("2026-11-23T09:00:00+01:00")));
    assert!(audit[0].what.starts_with("imported small.toml: "), "{}", audit[0].what);
    assert!(audit[0].what.contains("\"participants\":3"), "{}", audit[0].what);
}

#[test]
fn time_ranges_come_from_an_index_that_older_stores_get_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let times = ["2026-11-02T09:00:00+01:00", "2026-11-03T09:00:00+01:00", "2026-11-04T09:00:00+01:00"];
    for t in times {
        let desk = desk_at(dir.path(), at(t));
        desk.create_ticket(&Agent::new("a"), input("Magister", 2, 2, t)).unwrap();
    }
    let ids = |store: &Store, from: &str, to: &str| -> Vec<u64> {
        store.between(spoc::store::When::Created, at(from), at(to)).map(Result::unwrap).collect()
    };
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(ids(&store, times[0], times[2]), [1, 2], "from included, to not");
        assert_eq!(ids(&store, "2026-11-02T09:00:01+01:00", "2026-12-01T00:00:00+01:00"), [2, 3]);
    }
    // A store written before the time index: no such keys, no index version.
    {
        let db = sled::open(dir.path().join("store")).unwrap();
        let index = db.open_tree("index").unwrap();
        for key in index.iter().keys() {
            let key = key.unwrap();
            if key[0] == b'C' || key[0] == b'X' {
                index.remove(key).unwrap();
            }
        }
        db.open_tree("meta").unwrap().remove("index_version").unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(ids(&store, times[0], "2026-12-01T00:00:00+01:00"), [1, 2, 3], "reindexed on open");
}

#[test]
fn filtering_the_open_queue_in_memory_agrees_with_the_index() {
    use spoc::demo::{History, HistoryPlan};
    let now = at("2026-11-20T12:00:00+01:00");
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open_with_clock(dir.path(), Box::new(move || now)).unwrap();
    let admin = Agent::new("admin");
    desk.import_registry(&admin, spoc::demo::REGISTRY_NAME, spoc::demo::REGISTRY_TOML, ImportFormat::Toml, false)
        .unwrap();
    let history: Vec<_> =
        History::new(&desk.registry(), HistoryPlan { tickets: 3000, now, seed: 5, first_id: 1 }).collect();
    desk.store().insert_many(&history).unwrap();
    let open_statuses: Vec<Status> =
        [Status::New, Status::Assigned, Status::InProgress, Status::WaitingOnSupplier, Status::WaitingOnCaller].into();
    let queries = |text: Option<&str>, priority: Option<spoc::domain::Priority>| TicketQuery {
        text: text.map(String::from),
        priority,
        limit: 40,
        ..Default::default()
    };
    let cases = [
        queries(Some("magister"), None),
        queries(Some("niet"), None),
        queries(None, Some(spoc::domain::Priority::P2)),
        queries(Some("toegang youforce"), Some(spoc::domain::Priority::P4)),
        TicketQuery { offset: 5, ..queries(Some("e"), None) },
        queries(Some("nothing matches this"), None),
    ];
    let ids = |q: &TicketQuery| -> Vec<u64> { desk.list_tickets(q).unwrap().items.iter().map(|r| r.id).collect() };
    // By the status index: the same tickets and order as the open queue, never from memory.
    let by_index = |q: &TicketQuery| ids(&TicketQuery { statuses: open_statuses.clone(), ..q.clone() });
    let before: Vec<Vec<u64>> = cases.iter().map(ids).collect();
    assert!(before.iter().filter(|v| !v.is_empty()).count() >= 4, "the cases find something: {before:?}");
    assert!(desk.store().warm_up().unwrap() > 0);
    for (q, expected) in cases.iter().zip(&before) {
        assert_eq!(&ids(q), expected, "{q:?}");
    }
    // Changes after the read-ahead keep memory and index in step.
    let first = before[0][0];
    desk.update_ticket(
        &admin,
        first,
        TicketUpdate {
            changes: vec![Change::Solution("fixed".into()), Change::Status(Status::Resolved)],
            expected_version: None,
        },
    )
    .unwrap();
    let t = desk.create_ticket(&admin, input("Magister", 1, 1, "magister weer stuk")).unwrap();
    for q in &cases {
        assert_eq!(ids(q), by_index(q), "{q:?}");
    }
    assert!(!ids(&cases[0]).contains(&first) && ids(&cases[0]).contains(&t.id));
}

#[test]
fn an_import_without_settings_keeps_the_registrys_own() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk_at(dir.path(), at("2026-11-23T09:00:00+01:00"));
    assert_eq!(desk.registry().settings().reopen_days, 7);
    // A procedure that happens to hold a line like a table header is not a [settings] table.
    let extra = "[[service]]\nname = \"Wifi\"\n\n[[supplier]]\nname = \"Netwerk BV\"\nprocedure = \"\"\"\nBel eerst.\n[settings] van de router niet aanpassen.\n\"\"\"\n";
    desk.import_registry(&Agent::new("admin"), "extra.toml", extra, ImportFormat::Toml, false).unwrap();
    let reg = desk.registry();
    assert!(reg.service("Wifi").is_some());
    assert_eq!(reg.settings().reopen_days, 7, "the registry's settings stay");
    assert_eq!(reg.settings().helpdesk_calendar, "office");
}

#[test]
fn a_damaged_ticket_counter_is_corruption_not_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    let now = at("2026-11-23T09:00:00+01:00");
    {
        let desk = desk_at(dir.path(), now);
        desk.create_ticket(&Agent::new("anouk"), input("Magister", 2, 2, "the first")).unwrap();
    }
    for damaged in [&b"\x01\x02"[..], &[0u8; 8][..]] {
        {
            let db = open_when_let_go(&dir.path().join("store"));
            db.open_tree("meta").unwrap().insert("next_id", damaged).unwrap();
            db.flush().unwrap();
        }
        let desk = desk_at(dir.path(), now);
        let err = desk.create_ticket(&Agent::new("anouk"), input("Magister", 2, 2, "the second")).unwrap_err();
        assert!(err.to_string().contains("ticket counter"), "{err}");
        assert_eq!(desk.ticket(1).unwrap().title, "the first", "ticket 1 is not overwritten");
    }
}

/// sled lets go of a dropped store's lock from a thread of its own, a moment later.
fn open_when_let_go(path: &std::path::Path) -> sled::Db {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match sled::open(path) {
            Ok(db) => return db,
            Err(e) if std::time::Instant::now() < deadline => {
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("{e}"),
        }
    }
}
