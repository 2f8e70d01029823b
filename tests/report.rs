//! Regie reports over small histories whose answers are worked out by hand: supplier
//! scorecards, the helpdesk agreement per participant and service, monthly trends, the tickets
//! behind the figures, and the contract watch.

use crate::common;

use chrono::{DateTime, NaiveDate, Utc};
use common::{at, small_registry};
use spoc::domain::report::{
    Facts, Layer, Outcome, Period, WatchState, contract_watch, facts_in, median, participant_rows, quantile,
    service_rows, supplier_scorecards,
};
use spoc::domain::ticket::{Change, Channel, NewTicket};
use spoc::domain::{Priority, Registry, Status, Ticket, TicketKind};

fn period(layer: Layer, monthly: bool) -> Period {
    Period {
        from: at("2026-10-01T00:00:00+02:00"),
        to: at("2026-12-01T00:00:00+01:00"),
        layer,
        months: monthly.then_some(chrono_tz::Europe::Amsterdam),
    }
}

fn dispatched(reg: &Registry, id: u64, created: &str) -> Ticket {
    let new = NewTicket {
        kind: TicketKind::Incident,
        title: format!("t{id}"),
        description: String::new(),
        caller: None,
        participant: "ZYL".into(),
        service: "Magister".into(),
        impact: 2,
        urgency: 2, // P2 at Iddink: respond 1h, resolve 8h, office hours 09-17,
        caller_id: None,
        link_to: None,
        solution: None,
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
    // 6 counted hours: resolution met; reopened, sent back to the supplier (a supplier reopen) and
    // resolved again after 1 more hour (7h: met); score 2.
    let mut b = dispatched(&reg, 2, "2026-11-03T09:00:00+01:00");
    step(&mut b, &reg, Change::SupplierRef("B".into()), "2026-11-03T11:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::WaitingOnCaller), "2026-11-03T12:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-06T09:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::Resolved), "2026-11-06T12:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::InProgress), "2026-11-09T09:00:00+01:00");
    step(&mut b, &reg, Change::Status(Status::WaitingOnSupplier), "2026-11-09T09:00:00+01:00");
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
    let facts = facts_in(tickets.iter(), period(Layer::Supplier, false), &reg, now);
    let cards = supplier_scorecards(&facts);
    assert_eq!(cards.len(), 2, "Iddink in all, and per contract");
    let (total, f) = (&cards[0], &cards[0].figures);
    assert_eq!((total.supplier.as_str(), total.contract.as_deref()), ("Iddink", None));
    assert_eq!(f.tickets, 3);
    assert_eq!((f.response_met, f.response_measured), (2, 3));
    assert_eq!((f.resolution_met, f.resolution_measured), (2, 3), "the open breach counts as not met");
    assert_eq!(f.resolution_hours(), [2.0, 7.0]);
    // The median of 2 h and 7 h is their mean; p90 is the value at rank ⌈0.9 × 2⌉ = 2.
    assert_eq!((f.median_resolution_hours, f.p90_resolution_hours), (Some(4.5), Some(7.0)));
    assert_eq!(f.open_breaches, 1);
    assert_eq!(f.reopened, 1);
    assert_eq!((f.satisfaction_avg, f.satisfaction_count), (Some(3.5), 2));
    // All three are P2: the same counts, per priority.
    let p2 = spoc::domain::report::PriorityFigures {
        priority: Priority::P2,
        tickets: 3,
        response_measured: 3,
        response_met: 2,
        resolution_measured: 3,
        resolution_met: 2,
    };
    assert_eq!(f.per_priority, [p2]);
    // Responses after 30m, 2h and 10m; breaches over target by 1h (2's response) and 59h (3's
    // resolution: 67 business hours from Tuesday 10 November 09:00 to Friday 20 November 12:00,
    // against 8); dispatched when logged; one of three sent back.
    assert_eq!(f.median_response_hours, Some(0.5));
    assert_eq!(f.median_over_target_hours, Some(30.0));
    assert_eq!(f.median_held_hours, Some(0.0));
    assert_eq!(f.reopened_pct.map(|p| (p * 100.0).round() / 100.0), Some(33.33));
    // Against norms: response 67% misses 90%; P2 resolution 67% meets 50%; satisfaction 3.5
    // meets 3.5 exactly.
    let norms: spoc::domain::registry::Norms =
        toml::from_str("response_met_pct = 90\nsatisfaction = 3.5\n[P2]\nresolution_met_pct = 50\n").unwrap();
    let v = spoc::domain::report::verdict(f, &norms).unwrap();
    assert_eq!((v.met, v.missed), (false, vec!["response 67% < 90%".to_string()]));
    assert_eq!(spoc::domain::report::verdict(f, &Default::default()), None, "no norms, no verdict");
    // Scores 5 and 2: the experience behind the average.
    assert_eq!(f.satisfaction_scores, [0, 1, 0, 0, 1]);
    assert_eq!(f.ids, [1, 2, 3]);
    assert_eq!(cards[1].contract.as_deref(), Some("ICT-2024-017"));
    assert_eq!(cards[1].figures, cards[0].figures, "one contract: the same figures");

    // The tickets behind the figures, each with what it added.
    let outcomes: Vec<(u64, Outcome, Outcome, Option<f64>, bool, bool)> =
        facts.iter().map(|f| (f.id, f.response, f.resolution, f.resolution_hours, f.open_breach, f.reopened)).collect();
    assert_eq!(
        outcomes,
        [
            (1, Outcome::Met, Outcome::Met, Some(2.0), false, false),
            (2, Outcome::Breached, Outcome::Met, Some(7.0), false, true),
            (3, Outcome::Met, Outcome::Breached, None, true, false),
        ]
    );
}

fn logged(reg: &Registry, id: u64, participant: &str, service: &str, impact: u8, urgency: u8, created: &str) -> Ticket {
    let new = NewTicket {
        kind: TicketKind::Incident,
        title: format!("t{id}"),
        description: String::new(),
        caller: Some("caller".into()),
        participant: participant.into(),
        service: service.into(),
        impact,
        urgency,
        caller_id: None,
        link_to: None,
        solution: None,
    };
    Ticket::open(id, new, at(created), "anouk", reg).unwrap().0
}

fn reply(t: &mut Ticket, reg: &Registry, when: &str) {
    step(t, reg, Change::Contact(Channel::Reply, "on it".into()), when);
}

/// The helpdesk agreement (office hours; P2: respond 30m, resolve 8h; P4: 4h and 5bd), from
/// creation, over five tickets in October and November 2026.
fn helpdesk_history(reg: &Registry) -> Vec<Ticket> {
    // 1: ZYL Magister, October: reply after 20m, resolved after 4h: both met; score 4.
    let mut t1 = logged(reg, 1, "ZYL", "Magister", 2, 2, "2026-10-30T10:00:00+01:00");
    reply(&mut t1, reg, "2026-10-30T10:20:00+01:00");
    step(&mut t1, reg, Change::Status(Status::InProgress), "2026-10-30T10:20:00+01:00");
    step(&mut t1, reg, Change::Status(Status::Resolved), "2026-10-30T14:00:00+01:00");
    step(&mut t1, reg, Change::Satisfaction { score: 4, remark: None }, "2026-10-30T14:00:00+01:00");
    // 2: ZYL Printen: a call after 1h (response breached); waits on the caller from Monday 11:00
    // to Wednesday 09:00 (not counted); resolved Wednesday 14:00: 2h + 5h = 7h, met.
    let mut t2 = logged(reg, 2, "ZYL", "Printen", 2, 2, "2026-11-02T09:00:00+01:00");
    step(&mut t2, reg, Change::Contact(Channel::Call, "called back".into()), "2026-11-02T10:00:00+01:00");
    step(&mut t2, reg, Change::Status(Status::WaitingOnCaller), "2026-11-02T11:00:00+01:00");
    step(&mut t2, reg, Change::Status(Status::InProgress), "2026-11-04T09:00:00+01:00");
    step(&mut t2, reg, Change::Status(Status::Resolved), "2026-11-04T14:00:00+01:00");
    // 3: GZW Printen, logged as P4 (4h, 5bd), raised to P2 (30m, 8h) after 2h; resolved the next
    // day at 10:00: 9h counted, over the new target: breached (as P4 it would have been met).
    // The reply after 1h was decided as P4 (met within 4h) before the change, and stays met.
    let mut t3 = logged(reg, 3, "GZW", "Printen", 3, 4, "2026-11-03T09:00:00+01:00");
    reply(&mut t3, reg, "2026-11-03T10:00:00+01:00");
    step(&mut t3, reg, Change::Priority(Priority::P2), "2026-11-03T11:00:00+01:00");
    step(&mut t3, reg, Change::Status(Status::InProgress), "2026-11-03T11:00:00+01:00");
    step(&mut t3, reg, Change::Status(Status::Resolved), "2026-11-04T10:00:00+01:00");
    // 4: ZYL Magister: resolved after 1h, reopened the next morning, resolved 3h later: the
    // clock continues, 4h in all, met; score 2.
    let mut t4 = logged(reg, 4, "ZYL", "Magister", 2, 2, "2026-11-10T09:00:00+01:00");
    reply(&mut t4, reg, "2026-11-10T09:10:00+01:00");
    step(&mut t4, reg, Change::Status(Status::Resolved), "2026-11-10T10:00:00+01:00");
    step(&mut t4, reg, Change::Status(Status::InProgress), "2026-11-11T09:00:00+01:00");
    step(&mut t4, reg, Change::Status(Status::Resolved), "2026-11-11T12:00:00+01:00");
    step(&mut t4, reg, Change::Satisfaction { score: 2, remark: Some("twice".into()) }, "2026-11-11T12:00:00+01:00");
    // 5: OBL Printen, still open at noon with no contact: response breached, resolution 3h of 8h.
    let t5 = logged(reg, 5, "OBL", "Printen", 2, 2, "2026-11-20T09:00:00+01:00");
    // 6: logged in December: outside the period.
    let t6 = logged(reg, 6, "OBL", "Printen", 2, 2, "2026-12-01T09:00:00+01:00");
    vec![t1, t2, t3, t4, t5, t6]
}

fn now() -> DateTime<Utc> {
    at("2026-11-20T12:00:00+01:00")
}

#[test]
fn participant_figures_follow_the_helpdesk_clocks() {
    let reg = small_registry();
    let history = helpdesk_history(&reg);
    let facts = facts_in(history.iter(), period(Layer::Helpdesk, false), &reg, now());
    assert_eq!(facts.iter().map(|f| f.id).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    let t3 = &facts[2];
    assert_eq!((t3.priority, t3.resolution, t3.resolution_hours), (Priority::P2, Outcome::Breached, Some(9.0)));
    let rows = participant_rows(&facts);
    let names: Vec<&str> = rows.iter().map(|r| r.participant.as_str()).collect();
    assert_eq!(names, ["GZW", "OBL", "ZYL"]);
    let zyl = &rows[2].figures;
    assert_eq!(zyl.tickets, 3);
    assert_eq!((zyl.response_met, zyl.response_measured), (2, 3));
    assert_eq!((zyl.resolution_met, zyl.resolution_measured), (3, 3));
    assert_eq!(zyl.resolution_hours(), [4.0, 4.0, 7.0]);
    assert_eq!((zyl.median_resolution_hours, zyl.p90_resolution_hours), (Some(4.0), Some(7.0)));
    assert_eq!((zyl.open_breaches, zyl.reopened), (0, 1));
    assert_eq!((zyl.satisfaction_avg, zyl.satisfaction_count), (Some(3.0), 2));
    let top: Vec<(&str, u64)> = rows[2].top_services.iter().map(|s| (s.service.as_str(), s.tickets)).collect();
    assert_eq!(top, [("Magister", 2), ("Printen", 1)]);
    let obl = &rows[1].figures;
    assert_eq!((obl.tickets, obl.response_met, obl.response_measured), (1, 0, 1));
    assert_eq!(obl.resolution_measured, 0, "a running clock within its target is not counted yet");
    assert_eq!((obl.resolution_met_pct(), obl.open_breaches), (None, 1));
    let gzw = &rows[0].figures;
    assert_eq!((gzw.resolution_met, gzw.resolution_measured, gzw.median_resolution_hours), (0, 1, Some(9.0)));
}

#[test]
fn service_figures_and_the_monthly_trend() {
    let reg = small_registry();
    let history = helpdesk_history(&reg);
    let facts = facts_in(history.iter(), period(Layer::Helpdesk, false), &reg, now());
    let rows = service_rows(&facts);
    assert_eq!(rows.iter().map(|r| r.service.as_str()).collect::<Vec<_>>(), ["Magister", "Printen"]);
    let printen = &rows[1].figures;
    assert_eq!(printen.tickets, 3);
    // 3's reply came after 1h: within P4's 4h, decided before it was raised to P2, so met.
    assert_eq!((printen.response_met, printen.response_measured), (1, 3));
    assert_eq!((printen.resolution_met, printen.resolution_measured), (1, 2));
    assert_eq!((printen.median_resolution_hours, printen.p90_resolution_hours), (Some(8.0), Some(9.0)));
    assert_eq!(printen.open_breaches, 1);

    // Per month, beside the period's row: ZYL has one ticket in October and two in November.
    let monthly = facts_in(history.iter(), period(Layer::Helpdesk, true), &reg, now());
    let rows = participant_rows(&monthly);
    let keys: Vec<(&str, Option<&str>, u64)> =
        rows.iter().map(|r| (r.participant.as_str(), r.month.as_deref(), r.figures.tickets)).collect();
    assert_eq!(
        keys,
        [
            ("GZW", None, 1),
            ("GZW", Some("2026-11"), 1),
            ("OBL", None, 1),
            ("OBL", Some("2026-11"), 1),
            ("ZYL", None, 3),
            ("ZYL", Some("2026-10"), 1),
            ("ZYL", Some("2026-11"), 2)
        ]
    );
    let (oct, nov) = (&rows[5].figures, &rows[6].figures);
    assert_eq!(rows[4].figures, participant_rows(&facts)[2].figures, "the period's row as without --monthly");
    assert_eq!((oct.response_met, oct.resolution_met, oct.median_resolution_hours), (1, 1, Some(4.0)));
    assert_eq!((nov.response_met, nov.response_measured), (1, 2));
    assert_eq!((nov.median_resolution_hours, nov.p90_resolution_hours), (Some(5.5), Some(7.0)), "4 h and 7 h");
    assert_eq!((nov.satisfaction_avg, nov.satisfaction_count), (Some(2.0), 1));
    // The months add up to the whole.
    let whole = participant_rows(&facts);
    assert_eq!(oct.tickets + nov.tickets, whole[2].figures.tickets);
    // The month is the helpdesk's: the last half hour of October local time is October...
    let late = logged(&reg, 7, "ZYL", "Magister", 2, 2, "2026-10-31T23:30:00+01:00");
    let f = facts_in(std::iter::once(&late), period(Layer::Helpdesk, true), &reg, now());
    assert_eq!(f[0].month.as_deref(), Some("2026-10"));
    let early = logged(&reg, 8, "ZYL", "Magister", 2, 2, "2026-11-01T00:30:00+01:00");
    let f: Vec<Facts> = facts_in(std::iter::once(&early), period(Layer::Helpdesk, true), &reg, now());
    // ...and the first half hour of November local time is November, though in UTC still October.
    assert_eq!(f[0].month.as_deref(), Some("2026-11"));
}

#[test]
fn the_contract_watch_names_what_needs_attention() {
    let reg = common::registry_with(
        r#"
[[contract]]
number = "SOON"
supplier = "WPN"
services = ["Parkeren"]
participants = "all"
valid_from = 2024-01-01
valid_until = 2027-01-31
notice_months = 3
window = "24x7"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "24h" }, P4 = { response = "1bd", resolve = "5bd" } }
"#,
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let w = contract_watch(&reg, today, 90);
    // SOON ends 31 January (70 days); notice had to be given by 31 October: passed, and said
    // so. ICT-2024-017 ends in 2027-12: not within 90 days. NB-OLD ended in June: more than 90
    // days ago.
    assert_eq!(w.contracts.len(), 1);
    let c = &w.contracts[0];
    assert_eq!((c.contract.as_str(), c.days_left, c.state), ("SOON", 70, WatchState::NoticePassed));
    assert_eq!(
        (c.notice_by, Some(c.counts_to)),
        (NaiveDate::from_ymd_opt(2026, 10, 31), NaiveDate::from_ymd_opt(2027, 1, 31))
    );
    let w = contract_watch(&reg, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), 45);
    assert_eq!(
        (w.contracts[0].days_left, w.contracts[0].state),
        (30, WatchState::NoticeAhead),
        "the notice date is ahead"
    );
    // The day after the notice date, with the end still beyond a short window: still in sight.
    let w = contract_watch(&reg, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), 30);
    assert_eq!(w.contracts.first().map(|c| (c.contract.as_str(), c.state)), Some(("SOON", WatchState::NoticePassed)));
    // Ended lately: listed as ended, with how long ago, until 90 days have passed.
    let w = contract_watch(&reg, NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(), 90);
    let soon = w.contracts.iter().find(|c| c.contract == "SOON").expect("ended lately");
    assert_eq!((soon.state, soon.days_left), (WatchState::Ended, -30));
    let w = contract_watch(&reg, NaiveDate::from_ymd_opt(2027, 5, 2).unwrap(), 90);
    assert!(w.contracts.iter().all(|c| c.contract != "SOON"), "ended more than 90 days ago");
    // Notubiz's only contract expired; Parkeren is covered by SOON.
    let w = contract_watch(&reg, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), 45);
    assert_eq!(w.uncovered_services, ["Notubiz"]);
    assert_eq!(w.suppliers_without_escalation, ["Iddink", "WPN", "Notubiz BV"]);
}

#[test]
fn nearest_rank_quantiles_and_the_median() {
    let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
    assert_eq!(quantile(&v, 0.9), Some(9.0), "p90 by nearest rank: rank 9 of 10");
    assert_eq!(quantile(&[1.0, 2.0, 3.0], 0.9), Some(3.0));
    assert_eq!(quantile(&[], 0.9), None);
    // The median of an even count is the mean of the two middle values.
    assert_eq!(median(&[1.0, 3.0]), Some(2.0));
    assert_eq!(median(&v), Some(5.5));
    assert_eq!(median(&[1.0, 2.0, 7.0]), Some(2.0));
    assert_eq!(median(&[]), None);
}

/// At scale: a generated history of 4,000 tickets through the desk (time indexes and all),
/// against a plain recount of the same tickets' facts.
#[test]
fn reports_at_scale_agree_with_a_plain_recount() {
    use spoc::demo::{History, HistoryPlan};
    use spoc::desk::{Agent, Desk, ImportFormat, ReportQuery};
    use std::collections::BTreeMap;

    let now = at("2026-11-20T12:00:00+01:00");
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open_with_clock(dir.path(), Box::new(move || now)).unwrap();
    let agent = Agent::new("admin");
    desk.import_registry(&agent, spoc::demo::REGISTRY_NAME, spoc::demo::REGISTRY_TOML, ImportFormat::Toml, false)
        .unwrap();
    let reg = desk.registry();
    let history: Vec<_> = History::new(&reg, HistoryPlan { tickets: 4000, now, seed: 11, first_id: 1 }).collect();
    desk.store().insert_many(&history).unwrap();
    let tickets: Vec<Ticket> = history.into_iter().map(|(t, _)| t).collect();

    let (from, to) = (at("2026-01-01T00:00:00+01:00"), at("2026-11-01T00:00:00+01:00"));
    let q = ReportQuery { monthly: true, detail: true, ..ReportQuery::new(from, to) };
    let report = desk.supplier_report(&q).unwrap();
    // The same tickets as a full scan finds, by id.
    let all = facts_in(
        tickets.iter(),
        Period { from, to, layer: Layer::Supplier, months: Some(chrono_tz::Europe::Amsterdam) },
        &reg,
        now,
    );
    let mut by_index: Vec<u64> = report.tickets.iter().map(|f| f.id).collect();
    by_index.sort();
    assert_eq!(by_index, all.iter().map(|f| f.id).collect::<Vec<_>>());
    assert!(all.len() > 500, "a real sample: {}", all.len());

    // Recount per (supplier, month, contract) with nothing but the facts.
    #[derive(Default, PartialEq, Debug)]
    struct Count {
        tickets: u64,
        response: (u64, u64),
        resolution: (u64, u64),
        open_breaches: u64,
        reopened: u64,
        scores: Vec<u8>,
    }
    let mut counts: BTreeMap<(String, Option<String>, Option<String>), Count> = BTreeMap::new();
    for f in &all {
        let s = f.supplier.clone().unwrap();
        let keys = [
            (s.clone(), None, None),
            (s.clone(), None, f.contract.clone()),
            (s.clone(), f.month.clone(), None),
            (s, f.month.clone(), f.contract.clone()),
        ];
        for key in keys {
            let c = counts.entry(key).or_default();
            c.tickets += 1;
            for (o, (met, measured)) in [(f.response, &mut c.response), (f.resolution, &mut c.resolution)] {
                *measured += u64::from(o != Outcome::Pending);
                *met += u64::from(o == Outcome::Met);
            }
            c.open_breaches += u64::from(f.open_breach);
            c.reopened += u64::from(f.reopened);
            c.scores.extend(f.satisfaction);
        }
    }
    assert_eq!(report.rows.len(), counts.len());
    for row in &report.rows {
        // The priorities add up to the row.
        let per = &row.figures.per_priority;
        assert_eq!(per.iter().map(|p| p.tickets).sum::<u64>(), row.figures.tickets, "{row:?}");
        assert_eq!(per.iter().map(|p| p.response_met).sum::<u64>(), row.figures.response_met);
        assert_eq!(per.iter().map(|p| p.resolution_measured).sum::<u64>(), row.figures.resolution_measured);
        let c = &counts[&(row.supplier.clone(), row.month.clone(), row.contract.clone())];
        let f = &row.figures;
        assert_eq!(f.tickets, c.tickets, "{row:?}");
        assert_eq!((f.response_met, f.response_measured), c.response);
        assert_eq!((f.resolution_met, f.resolution_measured), c.resolution);
        assert_eq!((f.open_breaches, f.reopened), (c.open_breaches, c.reopened));
        let avg =
            (!c.scores.is_empty()).then(|| c.scores.iter().map(|&s| f64::from(s)).sum::<f64>() / c.scores.len() as f64);
        assert_eq!(f.satisfaction_count, c.scores.len() as u64);
        assert!(match (f.satisfaction_avg, avg) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        });
    }
    // The months add up to the year.
    let year = desk.supplier_report(&ReportQuery::new(from, to)).unwrap();
    for total in year.rows.iter().filter(|r| r.contract.is_none()) {
        let months: u64 = report
            .rows
            .iter()
            .filter(|r| r.supplier == total.supplier && r.contract.is_none() && r.month.is_some())
            .map(|r| r.figures.tickets)
            .sum();
        assert_eq!(months, total.figures.tickets, "{}", total.supplier);
        // And the monthly report carries the year's row itself, beside its months.
        let beside =
            report.rows.iter().find(|r| r.supplier == total.supplier && r.contract.is_none() && r.month.is_none());
        assert_eq!(beside.map(|r| &r.figures), Some(&total.figures), "{}", total.supplier);
    }
}

#[test]
fn all_suppliers_by_month_adds_the_months_counts() {
    let reg = small_registry();
    let mut a = dispatched(&reg, 1, "2026-10-05T09:00:00+02:00");
    step(&mut a, &reg, Change::SupplierRef("A".into()), "2026-10-05T09:30:00+02:00");
    let b = dispatched(&reg, 2, "2026-11-03T09:00:00+01:00");
    let mut c = dispatched(&reg, 3, "2026-11-04T09:00:00+01:00");
    step(&mut c, &reg, Change::SupplierRef("C".into()), "2026-11-04T09:10:00+01:00");
    let tickets = [a, b, c];
    let facts = facts_in(tickets.iter(), period(Layer::Supplier, true), &reg, now());
    let months = spoc::domain::report::all_suppliers_by_month(&supplier_scorecards(&facts));
    let got: Vec<(&str, u64, u64, u64)> =
        months.iter().map(|(m, f)| (m.as_str(), f.tickets, f.response_met, f.response_measured)).collect();
    // Ticket 2 never answered: its 1h response clock breached on the day.
    assert_eq!(got, [("2026-10", 1, 1, 1), ("2026-11", 2, 1, 2)]);
}

/// A ticket logged when an entry was spelt otherwise counts in the same row as the others,
/// under the name the registry gives it now.
#[test]
fn entries_whose_spelling_changed_are_one_row() {
    let reg = small_registry();
    let mut old = dispatched(&reg, 1, "2026-11-02T09:00:00+01:00");
    old.participant = "zyl".into();
    old.service = "magister".into();
    old.routing.supplier = Some("IDDINK".into());
    let new = dispatched(&reg, 2, "2026-11-03T09:00:00+01:00");
    let facts =
        facts_in([&old, &new].into_iter(), period(Layer::Supplier, false), &reg, at("2026-11-30T12:00:00+01:00"));
    let cards = supplier_scorecards(&facts);
    let totals: Vec<_> = cards.iter().filter(|c| c.contract.is_none()).collect();
    assert_eq!(totals.len(), 1, "{cards:?}");
    assert_eq!((totals[0].supplier.as_str(), totals[0].figures.tickets), ("Iddink", 2));
    let helpdesk =
        facts_in([&old, &new].into_iter(), period(Layer::Helpdesk, false), &reg, at("2026-11-30T12:00:00+01:00"));
    let rows = participant_rows(&helpdesk);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].participant, "ZYL");
    assert_eq!(service_rows(&helpdesk)[0].service, "Magister");
}

/// The notice date is the end less the notice months in calendar months; a day the earlier
/// month lacks is its last.
#[test]
fn the_notice_date_at_a_month_end() {
    let reg = common::registry_with(
        r#"
[[contract]]
number = "MAY"
supplier = "WPN"
services = ["Parkeren"]
participants = "all"
valid_from = 2024-01-01
valid_until = 2028-05-31
notice_months = 3
window = "24x7"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "24h" }, P4 = { response = "1bd", resolve = "5bd" } }
"#,
    );
    let w = contract_watch(&reg, NaiveDate::from_ymd_opt(2028, 2, 1).unwrap(), 60);
    let may = w.contracts.iter().find(|c| c.contract == "MAY").unwrap();
    assert_eq!(may.notice_by, NaiveDate::from_ymd_opt(2028, 2, 29), "31 May less 3 months in a leap year");
}

/// A ticket with its journal, as the store keeps both.
struct Kept {
    t: Ticket,
    journal: Vec<spoc::domain::ticket::JournalEntry>,
}

impl Kept {
    fn dispatched(reg: &Registry, id: u64, when: &str) -> Kept {
        let new = NewTicket {
            kind: TicketKind::Incident,
            title: format!("t{id}"),
            description: String::new(),
            caller: None,
            participant: "ZYL".into(),
            service: "Magister".into(),
            impact: 2,
            urgency: 2,
            caller_id: None,
            link_to: None,
            solution: None,
        };
        let (t, entry) = Ticket::open(id, new, at(when), "anouk", reg).unwrap();
        let mut k = Kept { t, journal: vec![entry] };
        k.step(reg, Change::Status(Status::WaitingOnSupplier), when);
        k
    }

    fn step(&mut self, reg: &Registry, change: Change, when: &str) -> &mut Self {
        self.journal.extend(self.t.apply(change, at(when), "anouk", reg).unwrap());
        self
    }
}

/// The backlog at a period's end, worked out by hand on Iddink's office hours (Mon–Fri 09–17):
/// the supplier's own time with each ticket (not while the helpdesk or the caller had it), its age
/// in business days as `Nbd` targets count them, longest waits first.
#[test]
fn the_backlog_at_the_periods_end_by_age_in_business_days() {
    use spoc::domain::report::{AGES, backlogs};
    let reg = small_registry();
    let end = at("2026-12-01T00:00:00+01:00"); // Tuesday, midnight
    // Monday 10:00: 7 business hours, under one business day.
    let t1 = Kept::dispatched(&reg, 1, "2026-11-30T10:00:00+01:00");
    // Thursday 09:00: Thu, Fri, Mon: 24 business hours, three whole business days: 3-10 bd.
    let t2 = Kept::dispatched(&reg, 2, "2026-11-26T09:00:00+01:00");
    // A month before: > 10 bd.
    let t3 = Kept::dispatched(&reg, 3, "2026-11-02T09:00:00+01:00");
    // Solved by the supplier before the end: not waiting.
    let mut t4 = Kept::dispatched(&reg, 4, "2026-11-20T09:00:00+01:00");
    t4.step(&reg, Change::SupplierSolved("patched".into()), "2026-11-25T10:00:00+01:00");
    // Friday 10:00, resolved only after the end: still waiting then; 7 + 8 = 15 hours: 1-3 bd.
    let mut t5 = Kept::dispatched(&reg, 5, "2026-11-27T10:00:00+01:00");
    t5.step(&reg, Change::Solution("restarted".into()), "2026-12-02T10:00:00+01:00");
    t5.step(&reg, Change::Status(Status::Resolved), "2026-12-02T10:00:00+01:00");
    // Dispatched after the end: not in this backlog.
    let t6 = Kept::dispatched(&reg, 6, "2026-12-01T09:30:00+01:00");
    // Thursday 09:00 too, but waiting on the caller all Friday: 16 hours of the supplier's: 1-3 bd.
    let mut t7 = Kept::dispatched(&reg, 7, "2026-11-26T09:00:00+01:00");
    t7.step(&reg, Change::Status(Status::WaitingOnCaller), "2026-11-27T09:00:00+01:00");
    t7.step(&reg, Change::Status(Status::WaitingOnSupplier), "2026-11-30T09:00:00+01:00");
    // Back with the helpdesk at the end (in progress since Monday): not the supplier's backlog.
    let mut t8 = Kept::dispatched(&reg, 8, "2026-11-26T09:00:00+01:00");
    t8.step(&reg, Change::Status(Status::InProgress), "2026-11-30T12:00:00+01:00");
    // Iddink's at the end, routed to WPN only after it: Iddink's backlog then; 4 hours.
    let mut t9 = Kept::dispatched(&reg, 9, "2026-11-30T13:00:00+01:00");
    let elsewhere = Change::OverrideRouting { supplier: "WPN".into(), reason: "their printer".into() };
    t9.step(&reg, elsewhere, "2026-12-02T10:00:00+01:00");
    let all = [t1, t2, t3, t4, t5, t6, t7, t8, t9];
    let b = backlogs(all.iter().map(|k| (&k.t, k.journal.as_slice())), &reg, end);
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].supplier, "Iddink");
    assert_eq!(b[0].ages, [2, 2, 1, 1], "{:?} per {AGES:?}", b[0].ages);
    let longest: Vec<(u64, f64, &str)> =
        b[0].longest.iter().map(|w| (w.id, w.business_hours, w.age.as_str())).collect();
    assert_eq!(longest[1..], [(2, 24.0, "3–10 bd"), (7, 16.0, "1–3 bd"), (5, 15.0, "1–3 bd"), (1, 7.0, "< 1 bd")]);
    assert_eq!(b[0].total(), 6, "t9 counts, though only five waits are named");
    assert_eq!((longest[0].0, longest[0].2), (3, "> 10 bd"));
}

/// A ticket routed by hand to another supplier before the end is that supplier's backlog, aged
/// from when it got it, not from the first supplier's dispatch.
#[test]
fn a_backlog_counts_a_supplier_from_when_it_got_the_ticket() {
    use spoc::domain::report::backlogs;
    let reg = small_registry();
    let end = at("2026-12-02T00:00:00+01:00"); // Wednesday, midnight
    // Iddink's since Thursday (three business days by Monday), WPN's from Tuesday 10:00.
    let mut t = Kept::dispatched(&reg, 1, "2026-11-26T09:00:00+01:00");
    let elsewhere = Change::OverrideRouting { supplier: "WPN".into(), reason: "their server".into() };
    t.step(&reg, elsewhere, "2026-12-01T10:00:00+01:00");
    let b = backlogs([(&t.t, t.journal.as_slice())].into_iter(), &reg, end);
    assert_eq!(b.iter().map(|b| b.supplier.as_str()).collect::<Vec<_>>(), ["WPN"]);
    let waited = &b[0].longest[0];
    // WPN has no contract for Magister: counted on the helpdesk's office hours, Tue 10:00-17:00.
    assert_eq!((waited.dispatched, waited.business_hours), (at("2026-12-01T10:00:00+01:00"), 7.0));
}

/// Calls for a supplier's services that never reached it: routed to it and solved by the
/// helpdesk, or for a service only its (expired) contract names, with no supplier found.
#[test]
fn calls_the_helpdesk_kept_are_named_per_supplier() {
    use spoc::domain::report::kept_at_desk;
    let reg = small_registry();
    let mut solved = logged(&reg, 1, "ZYL", "Magister", 3, 3, "2026-11-02T09:00:00+01:00");
    step(&mut solved, &reg, Change::Solution("password reset".into()), "2026-11-02T09:20:00+01:00");
    step(&mut solved, &reg, Change::Status(Status::Resolved), "2026-11-02T09:20:00+01:00");
    let unroutable = logged(&reg, 2, "GZW", "Notubiz", 3, 3, "2026-11-03T09:00:00+01:00");
    let nobodys = logged(&reg, 3, "GZW", "Parkeren", 3, 3, "2026-11-03T09:00:00+01:00");
    let open = logged(&reg, 4, "ZYL", "Magister", 3, 3, "2026-11-04T09:00:00+01:00");
    let sent = dispatched(&reg, 5, "2026-11-05T09:00:00+01:00");
    let kept = kept_at_desk([solved, unroutable, nobodys, open, sent].iter(), &reg);
    let named: Vec<(&str, &[u64], &[u64])> =
        kept.iter().map(|k| (k.supplier.as_str(), &k.solved_by_desk[..], &k.unroutable[..])).collect();
    assert_eq!(named, [("Iddink", &[1][..], &[][..]), ("Notubiz BV", &[][..], &[2][..])]);
}
