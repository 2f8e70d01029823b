//! The SLA rules of PRODUCT.md, applied to tickets: pauses, priority changes, reopen, first
//! response, dispatch, contract changes, and breaches that stay recorded.

use crate::common;

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
        caller_id: None,
        link_to: None,
        solution: None,
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
    // The breach instant is the instant the target ran out, not the second after it.
    assert_eq!(t.helpdesk.resolution.breached_at, Some(at("2026-11-23T13:00:00+01:00")));
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

/// Another supplier is charged only for its own time: routed to it by hand while the ticket is
/// with the first, its clocks start then, unanswered, on its own contract.
#[test]
fn another_supplier_starts_its_own_clocks() {
    let reg = small_registry();
    // Printen for OBL routes to the more specific contract (Iddink, office hours).
    let mut t = open(&reg, "Printen", "OBL", 2, 2, at(MON_9));
    assert_eq!(t.routing.contract.as_deref(), Some("WP-OBL"));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), MON_9);
    // Two hours with Iddink, unanswered: its 1h response ran out. Then it was WPN's all along.
    let to_wpn = Change::OverrideRouting { supplier: "WPN".into(), reason: "printer is theirs".into() };
    apply(&mut t, &reg, to_wpn, "2026-11-23T11:00:00+01:00");
    assert_eq!(t.routing.contract.as_deref(), Some("WP-ALL"));
    assert_eq!(t.dispatched_at, Some(at("2026-11-23T11:00:00+01:00")), "WPN has it from 11:00");
    apply(&mut t, &reg, Change::SupplierRef("W10".into()), "2026-11-23T11:30:00+01:00");
    let sla = t.sla(at("2026-11-23T20:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!(sla.calendar, "24x7");
    assert_eq!((sla.response.level, sla.response.elapsed), (ClockLevel::Ok, 30 * 60), "WPN answered in 30m");
    assert_eq!(sla.resolution.elapsed, 9 * 3600, "WPN's own nine hours, not Iddink's two besides");
    // Routed while waiting on the caller: WPN gets it at the next dispatch, and has it from then.
    let mut t = open(&reg, "Printen", "OBL", 2, 2, at(MON_9));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), MON_9);
    apply(&mut t, &reg, Change::Status(Status::WaitingOnCaller), "2026-11-23T10:00:00+01:00");
    let to_wpn = Change::OverrideRouting { supplier: "WPN".into(), reason: "theirs".into() };
    apply(&mut t, &reg, to_wpn, "2026-11-23T10:10:00+01:00");
    assert_eq!(t.dispatched_at, None);
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T11:00:00+01:00");
    assert_eq!(t.dispatched_at, Some(at("2026-11-23T11:00:00+01:00")));
    let sla = t.sla(at("2026-11-23T12:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!(sla.response.elapsed, 3600, "from 11:00");
}

/// The same supplier under another contract keeps the time counted, on the new targets.
#[test]
fn a_contract_change_of_the_same_supplier_keeps_the_time_counted() {
    let reg = common::registry_with(
        "[[contract]]\nnumber = \"IDD-24\"\nsupplier = \"Iddink\"\nservices = [\"Parkeren\"]\nparticipants = \"all\"\n\
         valid_from = 2024-01-01\nwindow = \"24x7\"\n\
         sla = { P1 = { response = \"30m\", resolve = \"4h\" }, P2 = { response = \"1h\", resolve = \"8h\" }, \
         P3 = { response = \"4h\", resolve = \"16h\" }, P4 = { response = \"1bd\", resolve = \"10bd\" } }\n",
    );
    let mut t = open(&reg, "Printen", "OBL", 3, 3, at(MON_9)); // Iddink, WP-OBL, office hours
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), MON_9);
    apply(&mut t, &reg, Change::SupplierRef("I-1".into()), "2026-11-23T09:30:00+01:00");
    // Routed by hand to Iddink again: no contract of Iddink's for Printen besides WP-OBL, so
    // the same decision: nothing changes.
    let again = Change::OverrideRouting { supplier: "Iddink".into(), reason: "to be sure".into() };
    apply(&mut t, &reg, again, "2026-11-23T11:00:00+01:00");
    assert_eq!(t.dispatched_at, Some(at(MON_9)), "the same supplier: dispatched when it was");
    assert_eq!(t.supplier_ref.as_deref(), Some("I-1"));
    let sla = t.sla(at("2026-11-23T12:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!(sla.resolution.elapsed, 3 * 3600, "counted from 09:00");
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

fn refused(t: &mut Ticket, reg: &Registry, change: Change, when: &str) -> String {
    let before = t.clone();
    let err = t.apply(change, at(when), "anouk", reg).unwrap_err();
    assert_eq!(*t, before, "a refused change leaves the ticket as it was");
    err.0
}

#[test]
fn a_resolved_or_closed_ticket_keeps_its_priority_and_verdicts() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 3, at(MON_9)); // P3: respond 2h, resolve 16h
    assert_eq!(t.priority, Priority::P3);
    apply(&mut t, &reg, Change::Contact(Channel::Call, "hi".into()), "2026-11-23T09:20:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-23T09:20:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-23T14:20:00+01:00");
    for status in [Status::Resolved, Status::Closed] {
        if status == Status::Closed {
            apply(&mut t, &reg, Change::Status(Status::Closed), "2026-11-23T15:00:00+01:00");
        }
        for change in [Change::Priority(Priority::P1), Change::Reclassify { impact: 1, urgency: 1 }] {
            let err = refused(&mut t, &reg, change, "2026-11-23T15:30:00+01:00");
            assert!(err.contains("reopen it first"), "{err}");
        }
        let why = refused(
            &mut t,
            &reg,
            Change::OverrideRouting { supplier: "WPN".into(), reason: "theirs".into() },
            "2026-11-23T15:30:00+01:00",
        );
        assert!(why.contains("reopen it first"), "{why}");
    }
    let sla = t.sla(at("2026-11-30T15:30:00+01:00"), &reg);
    assert_eq!((sla.helpdesk.response.level, sla.helpdesk.resolution.level), (ClockLevel::Ok, ClockLevel::Ok));
}

#[test]
fn a_stopped_clock_keeps_its_verdict_when_the_priority_changes() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 3, at(MON_9)); // P3: respond 2h
    apply(&mut t, &reg, Change::Contact(Channel::Call, "hi".into()), "2026-11-23T10:00:00+01:00"); // met in 1h
    let met_due = t.sla(at("2026-11-23T10:00:00+01:00"), &reg).helpdesk.response.due;
    // Raised to P1 (respond 15m, resolve 4h): the response was decided under P3 and stays met;
    // the resolution clock, still running, takes the new target on the hour it counted.
    apply(&mut t, &reg, Change::Priority(Priority::P1), "2026-11-23T10:00:00+01:00");
    let sla = t.sla(at("2026-11-23T12:00:00+01:00"), &reg);
    assert_eq!((sla.helpdesk.response.phase, sla.helpdesk.response.level), (ClockPhase::Stopped, ClockLevel::Ok));
    assert_eq!(sla.helpdesk.response.due, met_due, "a decided clock's due stays");
    assert_eq!(sla.helpdesk.resolution.due, Some(at("2026-11-23T13:00:00+01:00")));
    // And the other way: a response breached under P1 stays breached when the priority is lowered.
    let mut t = open(&reg, "Magister", "ZYL", 1, 1, at(MON_9)); // P1: respond 15m
    apply(&mut t, &reg, Change::Contact(Channel::Email, "late".into()), "2026-11-23T10:00:00+01:00");
    apply(&mut t, &reg, Change::Priority(Priority::P4), "2026-11-23T10:05:00+01:00");
    let sla = t.sla(at("2026-11-23T10:05:00+01:00"), &reg);
    assert_eq!(sla.helpdesk.response.level, ClockLevel::Breached);
    assert_eq!(sla.helpdesk.response.due, Some(at("2026-11-23T09:15:00+01:00")));
}

#[test]
fn a_breached_clocks_due_never_moves() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // P2: respond 30m (due 09:30)
    assert_eq!(t.sla_due, Some(at("2026-11-23T09:30:00+01:00")));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnCaller), "2026-11-23T10:00:00+01:00");
    assert_eq!(t.helpdesk.response.breached_at, Some(at("2026-11-23T09:30:00+01:00")));
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-23T10:10:00+01:00");
    let sla = t.sla(at("2026-11-23T10:20:00+01:00"), &reg);
    assert_eq!(sla.helpdesk.response.due, Some(at("2026-11-23T09:30:00+01:00")), "not 10:10: pauses do not move it");
    assert_eq!(t.sla_due, Some(at("2026-11-23T09:30:00+01:00")), "the queue orders by the same instant");
    // The resolution clock did not breach: its due moves with the pause (8h + 10m).
    assert_eq!(sla.helpdesk.resolution.due, Some(at("2026-11-24T09:10:00+01:00")));
    apply(&mut t, &reg, Change::Priority(Priority::P3), "2026-11-23T10:30:00+01:00");
    assert_eq!(
        t.sla(at("2026-11-23T10:30:00+01:00"), &reg).helpdesk.response.due,
        Some(at("2026-11-23T09:30:00+01:00"))
    );
    // Stopping it does not move it by a second either.
    apply(&mut t, &reg, Change::Contact(Channel::Call, "sorry".into()), "2026-11-23T11:00:00+01:00");
    let response = t.sla(at("2026-11-23T11:00:00+01:00"), &reg).helpdesk.response;
    assert_eq!((response.level, response.due), (ClockLevel::Breached, Some(at("2026-11-23T09:30:00+01:00"))));
}

#[test]
fn stopping_a_met_clock_keeps_its_due() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // resolve 8h: due 17:00
    let due = t.sla(at(MON_9), &reg).helpdesk.resolution.due;
    assert_eq!(due, Some(at("2026-11-23T17:00:00+01:00")));
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-23T12:00:00+01:00");
    let sla = t.sla(at("2026-11-24T12:00:00+01:00"), &reg);
    assert_eq!((sla.helpdesk.resolution.level, sla.helpdesk.resolution.due), (ClockLevel::Ok, due));
}

#[test]
fn a_breach_at_a_closing_time_is_that_closing_time() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // resolve 8h: runs out Mon 17:00:00
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-24T10:00:00+01:00");
    assert_eq!(t.helpdesk.resolution.breached_at, Some(at("2026-11-23T17:00:00+01:00")));
    let r = t.sla(at("2026-11-24T10:00:00+01:00"), &reg).helpdesk.resolution;
    assert_eq!((r.level, r.due, r.elapsed), (ClockLevel::Breached, Some(at("2026-11-23T17:00:00+01:00")), 9 * 3600));
}

#[test]
fn a_supplier_answer_known_before_dispatch_is_its_response_at_dispatch() {
    let reg = small_registry();
    // Its reference or a reply, before dispatch or in the same update: the same rule.
    let answers = [Change::SupplierRef("INC-1".into()), Change::SupplierReply("we are looking into it".into())];
    for answer in answers {
        for answer_first in [true, false] {
            let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
            let changes = if answer_first {
                apply(&mut t, &reg, answer.clone(), "2026-11-23T09:10:00+01:00");
                vec![Change::Status(Status::WaitingOnSupplier)]
            } else {
                vec![Change::Status(Status::WaitingOnSupplier), answer.clone()]
            };
            t.apply_all(changes, at("2026-11-23T10:00:00+01:00"), "anouk", &reg).unwrap();
            let sup = t.sla(at("2026-11-23T15:00:00+01:00"), &reg).supplier.unwrap();
            let case = format!("{answer:?}, first: {answer_first}");
            assert_eq!((sup.response.phase, sup.response.elapsed), (ClockPhase::Stopped, 0), "{case}");
            assert_eq!(sup.response.level, ClockLevel::Ok, "{case}");
            assert_eq!(t.supplier_response_at, Some(at("2026-11-23T10:00:00+01:00")), "{case}");
        }
    }
}

/// A supplier answers on a ticket that has a supplier, as it gives its reference there.
#[test]
fn a_supplier_reply_needs_a_supplier() {
    let reg = small_registry();
    let mut t = open(&reg, "Parkeren", "ZYL", 2, 2, at(MON_9)); // no contract: unrouted
    assert!(t.routing.supplier.is_none());
    let why = refused(&mut t, &reg, Change::SupplierReply("we look".into()), "2026-11-23T09:10:00+01:00");
    assert!(why.contains("no supplier"), "{why}");
    assert_eq!(t.supplier_response_at, None);
}

/// An answer given before dispatch belongs to the supplier that gave it: routed elsewhere
/// before dispatch, the other supplier's response clock starts unanswered.
#[test]
fn an_answer_before_dispatch_does_not_follow_the_ticket_to_another_supplier() {
    let reg = small_registry();
    let mut t = open(&reg, "Printen", "OBL", 2, 2, at(MON_9)); // WP-OBL: Iddink
    assert_eq!(t.routing.supplier.as_deref(), Some("Iddink"));
    apply(&mut t, &reg, Change::SupplierReply("Iddink looks".into()), "2026-11-23T09:05:00+01:00");
    let to_wpn = Change::OverrideRouting { supplier: "WPN".into(), reason: "WPN hosts the printers".into() };
    apply(&mut t, &reg, to_wpn, "2026-11-23T09:10:00+01:00");
    assert_eq!((t.supplier_response_at, t.supplier_ref.as_deref()), (None, None));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T10:00:00+01:00");
    let sup = t.sla(at("2026-11-23T10:30:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sup.response.phase, sup.response.elapsed), (ClockPhase::Running, 30 * 60));
}

/// A supplier's response decided when the ticket was resolved keeps its verdict when the
/// ticket is reopened and goes back to the supplier: a report read in between stays true.
#[test]
fn a_supplier_response_decided_at_a_resolve_keeps_its_verdict() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // Iddink P2: respond 1h
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T09:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-23T09:20:00+01:00");
    let decided = t.sla(at("2026-11-23T09:20:00+01:00"), &reg).supplier.unwrap().response;
    assert_eq!((decided.phase, decided.level), (ClockPhase::Stopped, ClockLevel::Ok));
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-23T09:25:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T09:30:00+01:00");
    let later = t.sla(at("2026-11-23T11:30:00+01:00"), &reg).supplier.unwrap();
    assert_eq!(
        (later.response.phase, later.response.level, later.response.due),
        (decided.phase, decided.level, decided.due)
    );
    assert_eq!(later.resolution.phase, ClockPhase::Running, "the resolution goes on");
}

#[test]
fn the_supplier_reporting_it_solved_stops_its_resolution_clock() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // contract P2: resolve 8h
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T10:00:00+01:00");
    apply(&mut t, &reg, Change::SupplierSolved("rebooted the server".into()), "2026-11-23T12:00:00+01:00");
    assert_eq!(t.status, Status::InProgress, "back with the helpdesk to check");
    assert_eq!(t.supplier_solved_at, Some(at("2026-11-23T12:00:00+01:00")));
    // The helpdesk takes days to close it: none of that is the supplier's.
    let sup = t.sla(at("2026-11-26T12:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sup.resolution.phase, sup.resolution.elapsed), (ClockPhase::Stopped, 2 * 3600));
    assert_eq!(sup.resolution.level, ClockLevel::Ok);
    let again = refused(&mut t, &reg, Change::SupplierSolved("again".into()), "2026-11-23T13:00:00+01:00");
    assert!(again.contains("already"), "{again}");
    // Solved and resolved in one update.
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T10:00:00+01:00");
    let changes = vec![Change::SupplierSolved("fixed".into()), Change::Status(Status::Resolved)];
    t.apply_all(changes, at("2026-11-23T11:00:00+01:00"), "anouk", &reg).unwrap();
    assert_eq!(t.status, Status::Resolved);
    // Not before dispatch.
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    let why = refused(&mut t, &reg, Change::SupplierSolved("?".into()), "2026-11-23T10:00:00+01:00");
    assert!(why.contains("never dispatched"), "{why}");
}

#[test]
fn a_ticket_back_with_the_helpdesk_pauses_the_supplier_clocks() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // contract P2: respond 1h, resolve 8h
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T10:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-23T10:30:00+01:00");
    let sup = t.sla(at("2026-11-25T16:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sup.resolution.phase, sup.resolution.elapsed), (ClockPhase::Paused, 30 * 60));
    assert_eq!(sup.response.level, ClockLevel::Ok, "the helpdesk's two days are not the supplier's");
    // The helpdesk resolves it itself: the supplier's clocks are decided on the supplier's own time.
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-25T16:00:00+01:00");
    let sup = t.sla(at("2026-11-26T16:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sup.resolution.phase, sup.resolution.elapsed), (ClockPhase::Stopped, 30 * 60));
    assert_eq!((sup.response.level, sup.resolution.level), (ClockLevel::Ok, ClockLevel::Ok));
    assert_eq!(t.supplier_reopened, 0);
}

#[test]
fn sending_it_back_to_the_supplier_resumes_its_clocks_and_counts_a_supplier_reopen() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T10:00:00+01:00");
    apply(&mut t, &reg, Change::SupplierSolved("patched".into()), "2026-11-23T11:00:00+01:00");
    // The fix did not hold: back to the supplier the next morning.
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-24T09:00:00+01:00");
    assert_eq!((t.supplier_reopened, t.supplier_solved_at), (1, None));
    apply(&mut t, &reg, Change::SupplierSolved("patched again".into()), "2026-11-24T10:30:00+01:00");
    let sup = t.sla(at("2026-11-24T12:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sup.resolution.phase, sup.resolution.elapsed), (ClockPhase::Stopped, 2 * 3600 + 30 * 60));
    // Back without "solved", then to the supplier again: another reopen, time kept.
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-24T13:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-24T14:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-25T09:00:00+01:00");
    assert_eq!(t.supplier_reopened, 3);
    let sup = t.sla(at("2026-11-25T10:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sup.resolution.phase, sup.resolution.elapsed), (ClockPhase::Running, 4 * 3600 + 30 * 60));
    // Waiting on the caller for the supplier pauses, and is no reopen.
    apply(&mut t, &reg, Change::Status(Status::WaitingOnCaller), "2026-11-25T10:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-25T11:00:00+01:00");
    assert_eq!(t.supplier_reopened, 3);
    let sup = t.sla(at("2026-11-25T11:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!(sup.resolution.elapsed, 4 * 3600 + 30 * 60, "the hour on the caller is nobody's");
}

#[test]
fn reopening_the_ticket_does_not_restart_the_supplier_clocks() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    apply(&mut t, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-23T10:00:00+01:00");
    apply(&mut t, &reg, Change::Status(Status::Resolved), "2026-11-23T12:00:00+01:00"); // decided with the supplier
    apply(&mut t, &reg, Change::Status(Status::InProgress), "2026-11-24T09:00:00+01:00"); // helpdesk reopen
    let sup = t.sla(at("2026-11-26T09:00:00+01:00"), &reg).supplier.unwrap();
    assert_eq!((sup.resolution.phase, sup.resolution.elapsed), (ClockPhase::Stopped, 2 * 3600));
    assert_eq!(sup.resolution.level, ClockLevel::Ok);
    assert_eq!(t.helpdesk.resolution.phase(), ClockPhase::Running);
}

#[test]
fn assigning_and_setting_assigned_in_one_update_is_one_change() {
    let reg = small_registry();
    let mut t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    let changes = vec![Change::Assign(Some("bram".into())), Change::Status(Status::Assigned)];
    let entries = t.apply_all(changes, at(MON_9), "anouk", &reg).unwrap();
    assert_eq!((t.status, t.assignee.as_deref(), entries.len()), (Status::Assigned, Some("bram"), 2));
    // Asking for the status it already had stays an error.
    let err = t.apply_all(vec![Change::Status(Status::Assigned)], at(MON_9), "anouk", &reg).unwrap_err();
    assert!(err.0.contains("assigned already"), "{err}");
    // Reassigning an assigned ticket while saying it stays assigned: one change.
    let changes = vec![Change::Status(Status::Assigned), Change::Assign(Some("kees".into()))];
    t.apply_all(changes, at(MON_9), "anouk", &reg).unwrap();
    assert_eq!((t.status, t.assignee.as_deref()), (Status::Assigned, Some("kees")));
    // Given back to the pool, an assigned ticket is new again.
    t.apply_all(vec![Change::Assign(None)], at(MON_9), "anouk", &reg).unwrap();
    assert_eq!((t.status, t.assignee.as_deref()), (Status::New, None));
    // An assigned ticket has someone it is assigned to, whatever the order of the changes.
    let mut fresh = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9));
    for changes in [
        vec![Change::Status(Status::Assigned)],
        vec![Change::Assign(None), Change::Status(Status::Assigned)],
        vec![Change::Status(Status::Assigned), Change::Assign(Some(" ".into()))],
    ] {
        let err = fresh.apply_all(changes.clone(), at(MON_9), "anouk", &reg).unwrap_err();
        assert!(err.0.contains("--assign"), "{changes:?}: {err}");
        assert_eq!((fresh.status, fresh.version), (Status::New, 1), "nothing changed");
    }
    let changes = vec![Change::Status(Status::Assigned), Change::Assign(Some("bram".into()))];
    fresh.apply_all(changes, at(MON_9), "anouk", &reg).unwrap();
    assert_eq!((fresh.status, fresh.assignee.as_deref()), (Status::Assigned, Some("bram")));
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// One deadline rule: a fresh ticket's due time is `Calendar::deadline` (what `spoc sla
    /// deadline` prints) for every target, business days (`5bd`) included.
    #[test]
    fn a_tickets_due_is_the_calendars_deadline(minutes in 0i64..60 * 24 * 400, impact in 1u8..=3, urgency in 1u8..=4) {
        let reg = small_registry();
        let start = at("2026-01-01T00:00:00+01:00") + Duration::minutes(minutes);
        let t = open(&reg, "Magister", "ZYL", impact, urgency, start);
        let cal = reg.calendar("office").unwrap();
        let sla = t.sla(start, &reg);
        prop_assert_eq!(sla.helpdesk.resolution.due, Some(cal.deadline(start, t.helpdesk.resolution.target)));
        prop_assert_eq!(sla.helpdesk.response.due, Some(cal.deadline(start, t.helpdesk.response.target)));
    }

    /// A stopped clock is decided: no later priority change alters its verdict or its due.
    #[test]
    fn a_decided_clock_keeps_its_verdict(contact_after in 1i64..600, changes in prop::collection::vec((0usize..4, 1i64..3000), 1..6)) {
        let reg = small_registry();
        let start = at(MON_9);
        let mut t = open(&reg, "Magister", "ZYL", 2, 2, start);
        let mut now = start + Duration::minutes(contact_after);
        apply(&mut t, &reg, Change::Contact(Channel::Call, "hi".into()), &now.to_rfc3339());
        let decided = t.sla(now, &reg).helpdesk.response;
        for (p, minutes) in changes {
            now += Duration::minutes(minutes);
            let _ = t.apply(Change::Priority(Priority::ALL[p]), now, "anouk", &reg);
            let response = t.sla(now, &reg).helpdesk.response;
            prop_assert_eq!((response.level, response.due, response.elapsed), (decided.level, decided.due, decided.elapsed));
        }
    }

    /// Once breached, a clock's due is its breach instant, whatever pauses and changes follow.
    #[test]
    fn a_breach_instant_never_moves(steps in prop::collection::vec((status_strategy(), 0usize..4, 1i64..3000), 1..10)) {
        let reg = small_registry();
        let start = at(MON_9);
        let mut t = open(&reg, "Magister", "ZYL", 1, 1, start);
        let mut now = start;
        let mut breach = None;
        for (status, p, minutes) in steps {
            now += Duration::minutes(minutes);
            let _ = t.apply(Change::Status(status), now, "anouk", &reg);
            let _ = t.apply(Change::Priority(Priority::ALL[p]), now, "anouk", &reg);
            let r = t.sla(now, &reg).helpdesk.resolution;
            if let Some(b) = breach {
                prop_assert_eq!(r.due, Some(b));
                prop_assert_eq!(r.level, ClockLevel::Breached);
            } else if let Some(b) = t.helpdesk.resolution.breached_at {
                prop_assert!(b <= now);
                breach = Some(b);
            }
        }
    }
}

/// A target that runs out exactly at closing time has run out then: breached all night, not
/// only from the first business second of the next morning; a stop at that very instant meets
/// it, and a stop at any later instant, open or not, does not.
#[test]
fn a_target_that_runs_out_at_closing_time_is_breached_all_night() {
    let reg = small_registry();
    let t = open(&reg, "Magister", "ZYL", 2, 2, at(MON_9)); // P2: resolve 8h, due Mon 17:00
    let due = at("2026-11-23T17:00:00+01:00");
    let before = t.sla(at("2026-11-23T16:59:59+01:00"), &reg).helpdesk.resolution;
    assert_eq!((before.level, before.due), (ClockLevel::Warning, Some(due)));
    let on_time = t.sla(due, &reg).helpdesk.resolution;
    assert_eq!(on_time.level, ClockLevel::Warning, "at the instant itself, not yet breached");
    for night in ["2026-11-23T17:00:01+01:00", "2026-11-23T23:00:00+01:00", "2026-11-24T08:59:59+01:00"] {
        let c = t.sla(at(night), &reg).helpdesk.resolution;
        assert_eq!((c.level, c.due, c.left), (ClockLevel::Breached, Some(due), 0), "{night}");
    }

    let mut met = t.clone();
    apply(&mut met, &reg, Change::Status(Status::Resolved), "2026-11-23T17:00:00+01:00");
    let c = met.sla(at("2026-11-24T12:00:00+01:00"), &reg).helpdesk.resolution;
    assert_eq!((c.phase, c.level, c.due), (ClockPhase::Stopped, ClockLevel::Ok, Some(due)));

    let mut late = t.clone();
    apply(&mut late, &reg, Change::Status(Status::Resolved), "2026-11-24T08:30:00+01:00");
    let c = late.sla(at("2026-11-24T12:00:00+01:00"), &reg).helpdesk.resolution;
    assert_eq!((c.phase, c.level, c.due), (ClockPhase::Stopped, ClockLevel::Breached, Some(due)));
}
