//! Searching all history by words: what a ticket said anywhere (title, description, journal,
//! caller, the supplier's reference, the solution) finds it, open or closed, with the best
//! matches first and the newest first among equals.

use crate::common;

use common::{SMALL, at};
use spoc::desk::{Agent, Desk, DeskError, ImportFormat, SearchQuery, TicketUpdate};
use spoc::domain::Status;
use spoc::domain::TicketKind;
use spoc::domain::ticket::{Change, NewTicket};

fn desk(dir: &std::path::Path) -> Desk {
    let now = at("2026-11-23T10:00:00+01:00");
    let desk = Desk::open_with_clock(dir, Box::new(move || now)).unwrap();
    desk.import_registry(&Agent::new("admin"), "small.toml", SMALL, ImportFormat::Toml, false).unwrap();
    desk
}

fn log(desk: &Desk, title: &str, description: &str, participant: &str) -> u64 {
    let new = NewTicket {
        kind: TicketKind::Incident,
        title: title.into(),
        description: description.into(),
        caller: Some("Sanne de Boer".into()),
        participant: participant.into(),
        service: "Magister".into(),
        impact: 3,
        urgency: 3,
        caller_id: None,
        link_to: None,
        solution: None,
    };
    desk.create_ticket(&Agent::new("anouk"), new).unwrap().id
}

fn change(desk: &Desk, id: u64, changes: Vec<Change>) {
    desk.update_ticket(&Agent::new("anouk"), id, TicketUpdate { changes, expected_version: None }).unwrap();
}

fn ids(desk: &Desk, words: &str) -> Vec<u64> {
    let q = SearchQuery { words: words.into(), limit: 20, ..Default::default() };
    desk.search_tickets(&q).unwrap().items.iter().map(|r| r.id).collect()
}

#[test]
fn every_word_a_ticket_said_finds_it_open_or_closed() {
    let dir = tempfile::tempdir().unwrap();
    let d = desk(dir.path());
    let a = log(&d, "Cijfers niet zichtbaar", "Sinds de update ziet niemand de cijfers.", "ZYL");
    let b = log(&d, "Rooster leeg", "Het rooster in Zermelo is leeg", "ZYL");
    let c = log(&d, "Inloggen lukt niet", "Coördinator krijgt een foutmelding", "OBL");
    change(&d, b, vec![Change::Note("Iddink belt terug over het rooster".into())]);
    change(&d, a, vec![Change::SupplierRef("INC-4711".into())]);
    change(&d, a, vec![Change::Solution("cache van de app gewist".into()), Change::Status(Status::Resolved)]);
    change(&d, a, vec![Change::Status(Status::Closed)]);

    assert_eq!(ids(&d, "zichtbaar"), [a], "the title");
    assert_eq!(ids(&d, "zermelo"), [b], "the description");
    assert_eq!(ids(&d, "belt terug"), [b], "a journal note");
    assert_eq!(ids(&d, "inc-4711"), [a], "the supplier's reference");
    assert_eq!(ids(&d, "cache gewist"), [a], "the solution of a closed ticket");
    assert_eq!(ids(&d, "sanne"), [c, b, a], "the caller; newest first");
    assert_eq!(ids(&d, "coordinator"), [c], "accents folded");
    assert_eq!(ids(&d, "zerm"), [b], "the start of a word");
    assert!(ids(&d, "zermelo cijfers").is_empty(), "every word must be there");
    // Where the words stand: in the title first, then newest first.
    assert_eq!(ids(&d, "rooster"), [b]);
    let d2 = log(&d, "Vraag", "Het rooster van morgen", "ZYL");
    assert_eq!(ids(&d, "rooster"), [b, d2], "the title before a newer ticket's description");
    // Filters narrow it.
    let q = SearchQuery { words: "sanne".into(), participant: Some("OBL".into()), limit: 20, ..Default::default() };
    assert_eq!(d.search_tickets(&q).unwrap().items.iter().map(|r| r.id).collect::<Vec<_>>(), [c]);
    // A reference by its start, dash and all; a word of the query too short is said, not dropped.
    assert_eq!(ids(&d, "INC-47"), [a]);
    assert!(ids(&d, "INC-48").is_empty());
    for short in ["a", "rooster x"] {
        let said = d.search_tickets(&SearchQuery { words: short.into(), limit: 5, ..Default::default() });
        assert!(
            matches!(&said, Err(DeskError::Refused(why)) if why.contains("too short") || why.contains("at least")),
            "{said:?}"
        );
    }
    // A supplier as the queue's filter names it: unrouted, or a known one.
    let q = |supplier: &str| SearchQuery {
        words: "sanne".into(),
        supplier: Some(supplier.into()),
        limit: 20,
        ..Default::default()
    };
    assert_eq!(d.search_tickets(&q("unrouted")).unwrap().items.iter().map(|r| r.id).collect::<Vec<_>>(), [c]);
    assert!(matches!(d.search_tickets(&q("Idink")), Err(DeskError::Unknown { .. })));
}
