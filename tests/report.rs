//! Supplier scorecards over a small history whose answers are worked out by hand.

mod common;

use common::{at, small_registry};
use spoc::domain::report::{quantile, supplier_scorecards};
use spoc::domain::ticket::{Change, NewTicket};
use spoc::domain::{Registry, Status, Ticket, TicketKind};

fn dispatched(reg: &Registry, id: u64, created: &str) -> Ticket {
    let new = NewTicket {
        kind: TicketKind::Incident,
        title: format!("t{id}"),
        description: String::new(),
        caller: None,
        participant: "ZYL".into(),
        service: "Magister".into(),
        impact: 2,
        urgency: 2, // P2 at Iddink: respond 1h, resolve 8h, office hours 09-17
    };
    let (mut t, _) = Ticket::open(id, new, at(created), "anouk", reg).unwrap();
    t.apply(Change::Status(Status::WaitingOnSupplier), at(created), "anouk", reg).unwrap();
    t
}

fn step(t: &mut Ticket, reg: &Registry, change: Change, when: &str) {
    t.apply(change, at(when), "anouk", reg).unwrap();
}

#[test]
fn scorecard_figures_match_a_known_history() {
    let reg = small_registry();
    // 1: responds in 30m, resolved after 2h: both met; score 5.
    let mut a = dispatched(&reg, 1, "2026-11-02T09:00:00+01:00");
    step(&mut a, &reg, Change::SupplierRef("A".into()), "2026-11-02T09:30:00+01:00");
    step(&mut a, &reg, Change::Status(Status::Resolved), "2026-11-02T11:00:00+01:00");
    step(&mut a, &reg, Change::Satisfaction { score: 5, remark: None }, "2026-11-02T11:00:00+01:00");
    // 2: responds after 2h (breached), waits on the caller 3 days (not counted), resolved after
    // 6 counted hours: resolution met; reopened and resolved again after 1 more hour (7h: met); score 2.
    let mut b = dispatched(&reg, 2, "2026-11-03T09:00:00+01:00");
    step(&mut b, &reg, Change::SupplierRef("B".into()), "2026-11-03T11:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::WaitingOnCaller), "2026-11-03T12:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-06T09:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::Resolved), "2026-11-06T12:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::InProgress), "2026-11-09T09:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::Resolved), "2026-11-09T10:00:00+01:00");
    step(
        &mut b,
        &reg,
        Change::Satisfaction { score: 2, remark: Some("slow answer".into()) },
        "2026-11-09T10:00:00+01:00",
    );
    // 3: still open, resolution breached (dispatched Tuesday 09:00, 8h gone by 17:00).
    let mut c = dispatched(&reg, 3, "2026-11-10T09:00:00+01:00");
    step(&mut c, &reg, Change::SupplierRef("C".into()), "2026-11-10T09:10:00+01:00");
    // 4: dispatched outside the period: not counted.
    let d = dispatched(&reg, 4, "2026-12-01T09:00:00+01:00");

    let now = at("2026-11-20T12:00:00+01:00");
    let tickets = [a, b, c, d];
    let cards = supplier_scorecards(
        tickets.iter(),
        &reg,
        at("2026-11-01T00:00:00+01:00"),
        at("2026-12-01T00:00:00+01:00"),
        now,
    );
    assert_eq!(cards.len(), 2, "Iddink in all, and per contract");
    let total = &cards[0];
    assert_eq!((total.supplier.as_str(), total.contract.as_deref()), ("Iddink", None));
    assert_eq!(total.dispatched, 3);
    assert_eq!((total.response_met, total.response_measured), (2, 3));
    assert_eq!((total.resolution_met, total.resolution_measured), (2, 3), "the open breach counts as not met");
    assert_eq!(total.resolution_hours, [2.0, 7.0]);
    assert_eq!((total.median_resolution_hours, total.p90_resolution_hours), (Some(2.0), Some(7.0)));
    assert_eq!(total.open_breaches, 1);
    assert_eq!(total.reopened, 1);
    assert_eq!(total.satisfaction_avg, Some(3.5));
    assert_eq!(total.tickets, [1, 2, 3]);
    assert_eq!(cards[1].contract.as_deref(), Some("ICT-2024-017"));
}

#[test]
fn nearest_rank_quantiles() {
    let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
    assert_eq!(quantile(&v, 0.5), Some(5.0));
    assert_eq!(quantile(&v, 0.9), Some(9.0));
    assert_eq!(quantile(&[], 0.5), None);
}
