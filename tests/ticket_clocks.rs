//! The SLA rules of PRODUCT.md, applied to tickets: pauses, priority changes, reopen, first
//! response, dispatch, contract changes, and breaches that stay recorded.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{at, small_registry};
use proptest::prelude::*;
use spoc::domain::sla::{ClockLevel, ClockPhase};
use spoc::domain::ticket::{Change, Channel, NewTicket};
use spoc::domain::{Priority, Registry, Status, Ticket, TicketKind};

fn open(reg: &Registry, service: &str, participant: &str, impact: u8, urgency: u8, t: DateTime<Utc>) -> Ticket {
    let new = NewTicket {
        kind: TicketKind::Incident,
        title: "Magister is down".into(),
        description: String::new(),
        caller: Some("Sanne".into()),
        participant: participant.into(),
        service: service.into(),
        impact,
        urgency,
    };
    Ticket::open(1, new, t, "anouk", reg).unwrap().0
}

fn apply(t: &mut Ticket, reg: &Registry, change: Change, when: &str) {
    t.apply(change, at(when), "anouk", reg).unwrap();
}

// Monday 23 November 2026, office hours 09:00-17:00 CET (+01:00).
const MON_9: &str = "2026-11-23T09:00:00+01:00";

#[test]
fn routing_and_priority_are_filled_in_at_creation() {
    let reg = small_registry();
    let t = open(&reg, "magister 6", "zyl", 2, 2, at(MON_9));
    assert_eq!(t.priority, Priority::P2);
    assert_eq!(t.routing.supplier.as_deref(), Some("Iddink"));
    assert_eq!(
        t.routing.explanation,
        "Magister → Iddink (contract ICT-2024-017) · P2: respond 1h, resolve 8h · office"
    );
    let sla = t.sla(at(MON_9), &reg);
    assert_eq!(sla.helpdesk.resolution.due, Some(at("2026-11-23T17:00:00+01:00")));
    assert_eq!(sla.supplier.unwrap().resolution.phase, ClockPhase::NotStarted, "supplier clocks start at dispatch");
}

#[test]
fn waiting_on_caller_pauses_and_keeps_counted_time() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // P2: resolve 8h
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-23T09:05:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::WaitingOnCaller), "2026-11-23T11:00:00+01:00"); // 2h counted
    let paused = t.sla(at("2026-11-25T12:00:00+01:00"), &reg);
    assert_eq!(paused.helpdesk.resolution.phase, ClockPhase::Paused);
    assert_eq!(paused.helpdesk.resolution.elapsed, 2 * 3600, "paused time never counts");
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-25T12:00:00+01:00");
    // 6h left from Wednesday 12:00: 5h Wednesday, 1h Thursday.
    assert_eq!(
        t.sla(at("2026-11-25T12:00:00+01:00"), &reg).helpdesk.resolution.due,
        Some(at("2026-11-26T10:00:00+01:00"))
    );
}

#[test]
fn a_priority_change_applies_the_new_target_to_time_already_counted() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 3, 3, at(MON_9)); // P3: resolve 16h
    apply(&mut t, &reg, Change::Reclassify { impact: 1, urgency: 2 }, "2026-11-23T12:00:00+01:00"); // now P1: 4h
    assert_eq!(t.priority, Priority::P1);
    let sla = t.sla(at("2026-11-23T12:00:00+01:00"), &reg);
    assert_eq!(sla.helpdesk.resolution.elapsed, 3 * 3600);
    assert_eq!(sla.helpdesk.resolution.due, Some(at("2026-11-23T13:00:00+01:00")), "3h of the 4h already used");
    assert!(t.routing.explanation.contains("P1: respond 30m, resolve 4h"));
}

#[test]
fn a_breach_is_recorded_for_good() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 1, 1, at(MON_9)); // P1: resolve 4h
    // Lowered to P4 (5 business days) after 5 business hours: the P1 target had already breached.
    apply(&mut t, &reg, Change::Priority(Priority::P4), "2026-11-23T14:00:00+01:00");
    let sla = t.sla(at("2026-11-23T14:00:00+01:00"), &reg);
    assert_eq!(sla.helpdesk.resolution.level, ClockLevel::Breached);
    assert_eq!(t.helpdesk.resolution.breached_at, Some(at("2026-11-23T13:00:01+01:00")));
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-23T15:00:00+01:00");
    assert_eq!(t.sla(at("2026-11-30T15:00:00+01:00"), &reg).helpdesk.resolution.level, ClockLevel::Breached);
}

#[test]
fn reopen_continues_resolution_and_a_met_response_stays_met() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // P2: respond 30m, resolve 8h
    apply(&mut t, &reg, Change::Contact(Channel::Call, "called back".into()), "2026-11-23T09:10:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-23T12:00:00+01:00"); // 3h
    apply(&mut t, &reg, Change::Status(Status::Closed), "2026-11-24T12:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-25T09:00:00+01:00"); // reopen
    assert_eq!(t.reopened, 1);
    let sla = t.sla(at("2026-11-25T10:00:00+01:00"), &reg);
    assert_eq!(sla.helpdesk.response.phase, ClockPhase::Stopped);
    assert_eq!(sla.helpdesk.response.level, ClockLevel::Ok);
    assert_eq!(sla.helpdesk.resolution.elapsed, 4 * 3600, "3h before, 1h since reopening");
}

#[test]
fn reopen_after_the_window_is_refused() {
    let reg = small_registry(); // reopen_days = 7
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-23T12:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::Closed), "2026-11-23T13:00:00+01:00");
    let err = t.apply(Change::Status(Status::InProgress), at("2026-12-01T13:00:00+01:00"), "anouk", &reg).unwrap_err();
    assert!(err.0.contains("more than 7 days"), "{err}");
    assert_eq!(t.status, Status::Closed, "a refused change leaves the ticket as it was");
}

#[test]
fn first_response_is_contact_with_the_caller_not_a_note() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    apply(&mut t, &reg, Change::Note("internal: checking logs".into()), "2026-11-23T09:05:00+01:00");
    assert_eq!(t.first_response_at, None);
    assert_eq!(t.sla(at("2026-11-23T09:05:00+01:00"), &reg).helpdesk.response.phase, ClockPhase::Running);
    apply(&mut t, &reg, Change::Contact(Channel::Reply, "we are on it".into()), "2026-11-23T09:20:00+01:00");
    assert_eq!(t.first_response_at, Some(at("2026-11-23T09:20:00+01:00")));
    let sla = t.sla(at("2026-11-23T10:00:00+01:00"), &reg);
    assert_eq!((sla.helpdesk.response.phase, sla.helpdesk.response.elapsed), (ClockPhase::Stopped, 20 * 60));
}

#[test]
fn supplier_clocks_run_from_dispatch_on_the_contract_window() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at("2026-11-23T16:00:00+01:00"));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T16:30:00+01:00");
    let sla = t.sla(at("2026-11-23T16:30:00+01:00"), &reg).supplier.unwrap();
    // 1h response from 16:30: 30m Monday, 30m Tuesday morning.
    assert_eq!(sla.response.due, Some(at("2026-11-24T09:30:00+01:00")));
    apply(&mut t, &reg, Change::SupplierRef("INC-4711".into()), "2026-11-24T09:15:00+01:00");
    let sla = t.sla(at("2026-11-24T10:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sla.response.phase, sla.response.level), (ClockPhase::Stopped, ClockLevel::Ok));
}

#[test]
fn dispatching_an_unrouted_ticket_is_refused_until_overridden() {
    let reg = small_registry();
    let mut t = open(&reg, "Notubiz", "GZW", 2, 2, at(MON_9));
    assert_eq!(t.routing.explanation, "Notubiz → unrouted: contract NB-OLD expired on 2026-06-30");
    let err = t.apply(Change::Status(Status::WaitingOnSupplier), at(MON_9), "anouk", &reg).unwrap_err();
    assert!(err.0.contains("override the routing"), "{err}");
    let err =
        t.apply(Change::OverrideRouting { supplier: "Iddink".into(), reason: " ".into() }, at(MON_9), "anouk", &reg);
    assert!(err.is_err(), "an override needs a reason");
    apply(&mut t, &reg, Change::OverrideRouting { supplier: "Notubiz BV".into(), reason: "best effort".into() }, MON_9);
    assert_eq!(t.routing.supplier.as_deref(), Some("Notubiz BV"));
    assert!(t.routing.overridden);
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T09:30:00+01:00");
}

#[test]
fn a_contract_change_keeps_the_supplier_time_counted() {
    let reg = small_registry();
    // Printen for OBL routes to the more specific contract (Iddink, office hours).
    let mut t = open(&reg, "Printen", "OBL", 3, 3, at(MON_9));
    assert_eq!(t.routing.contract.as_deref(), Some("WP-OBL"));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), MON_9);
    apply(
        &mut t,
        &reg,
        Change::OverrideRouting { supplier: "WPN".into(), reason: "printer is theirs".into() },
        "2026-11-23T11:00:00+01:00",
    );
    assert_eq!(t.routing.contract.as_deref(), Some("WP-ALL"));
    // 2h counted on office hours; from 11:00 the 24x7 window counts.
    let sla = t.sla(at("2026-11-23T20:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!(sla.calendar, "24x7");
    assert_eq!(sla.resolution.elapsed, 2 * 3600 + 9 * 3600);
}

#[test]
fn invalid_transitions_name_the_allowed_ones() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    let err = t.apply(Change::Status(Status::Closed), at(MON_9), "anouk", &reg).unwrap_err();
    assert_eq!(
        err.0,
        "a ticket cannot go from new to closed; from new it can go to: assigned, in_progress, waiting_on_supplier, waiting_on_caller, resolved"
    );
}

#[test]
fn assigning_a_new_ticket_makes_it_assigned_and_journals_both() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    let entries = t.apply(Change::Assign(Some("bram".into())), at(MON_9), "anouk", &reg).unwrap();
    assert_eq!(t.status, Status::Assigned);
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.by == "anouk" && e.at == at(MON_9)));
    assert_eq!((t.version, t.journal_len), (2, 3));
}

#[test]
fn warning_at_75_percent() {
    let reg = small_registry();
    let t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // resolve 8h
    assert_eq!(t.sla(at("2026-11-23T14:00:00+01:00"), &reg).helpdesk.resolution.level, ClockLevel::Ok, "5h of 8h");
    assert_eq!(t.sla(at("2026-11-23T15:00:00+01:00"), &reg).helpdesk.resolution.level, ClockLevel::Warning);
    assert_eq!(
        t.sla(at("2026-11-23T17:00:00+01:00"), &reg).helpdesk.resolution.level,
        ClockLevel::Warning,
        "at the deadline"
    );
    assert_eq!(t.sla(at("2026-11-24T09:00:01+01:00"), &reg).helpdesk.resolution.level, ClockLevel::Breached);
}

fn status_strategy() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![Status::InProgress, Status::WaitingOnCaller, Status::WaitingOnSupplier, Status::Resolved])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever happens, counted time never goes down and never exceeds the open time since creation.
    #[test]
    fn counted_time_only_grows(steps in prop::collection::vec((status_strategy(), 1i64..5000), 1..12)) {
        let reg = small_registry();
        let start = at(MON_9);
        let mut t = open(&reg, "Magister", "ZYL", 2, 3, start);
        let cal = reg.calendar("office").unwrap().clone();
        let mut now = start;
        let mut last = 0;
        for (status, minutes) in steps {
            now += Duration::minutes(minutes);
            let _ = t.apply(Change::Status(status), now, "anouk", &reg);
            let elapsed = t.sla(now, &reg).helpdesk.resolution.elapsed;
            prop_assert!(elapsed >= last);
            prop_assert!(elapsed <= cal.business_between(start, now));
            last = elapsed;
        }
    }
}
