//! What a supplier still had on its plate at the end of a period, by age in business days, and
//! the calls for its services that never reached it: the helpdesk solved them, or could not
//! route them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::sla::{Calendar, SlaDuration};
use crate::domain::ticket::{Event, JournalEntry};
use crate::domain::{Priority, Registry, Status, Ticket};

/// The ages a backlog is counted in, in business days of the supplier's service window.
pub const AGES: [&str; 4] = ["< 1 bd", "1–3 bd", "3–10 bd", "> 10 bd"];

/// How many of the longest waits a backlog names.
pub const LONGEST: usize = 5;

/// A supplier's backlog at one instant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backlog {
    pub supplier: String,
    #[serde(with = "crate::domain::instant")]
    pub at: DateTime<Utc>,
    /// Tickets per age, as [`AGES`] names them.
    pub ages: [u64; 4],
    /// The longest waits on the supplier, longest first.
    pub longest: Vec<Waiting>,
}

impl Backlog {
    pub fn total(&self) -> u64 {
        self.ages.iter().sum()
    }
}

/// One ticket waiting on the supplier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    pub id: u64,
    pub priority: Priority,
    pub title: String,
    pub supplier_ref: Option<String>,
    #[serde(with = "crate::domain::instant")]
    pub dispatched: DateTime<Utc>,
    /// Business hours of the service window the supplier has had it, up to the backlog's
    /// instant (not while it was back with the helpdesk or waiting on the caller).
    pub business_hours: f64,
    /// Its age, as [`AGES`] names it.
    pub age: String,
}

/// Whether the supplier may still have had `t` to solve at `at`: dispatched before it, and its
/// resolution on the supplier's side decided (solved, or the ticket resolved) only later, or not
/// yet. A quick test on the ticket alone; [`supplier_time_at`] says for sure from the journal.
pub fn waiting_at(t: &Ticket, at: DateTime<Utc>) -> bool {
    // Routed by hand to another supplier since, its dispatch is the later supplier's: the
    // journal says whose it was at `at`.
    let dispatched_before = t.dispatched_at.is_some_and(|d| d < at) || t.routing.overridden;
    let decided = t.supplier_sla.as_ref().and_then(|l| l.resolution.stopped_at);
    dispatched_before && decided.is_none_or(|d| d >= at)
}

/// Whether the ticket was with the supplier at `at` (waiting on it, and not reported solved
/// since it got the ticket), and if so the business seconds of `cal` it has had the ticket in
/// all: the supplier's own time, as its clocks count it (not while the helpdesk or the caller had
/// it).
/// The supplier that had it then is charged only from when it got it: a hand-routing to another
/// supplier starts the count anew. Also says when that supplier got it.
pub fn supplier_time_at(journal: &[JournalEntry], at: DateTime<Utc>, cal: &Calendar) -> Option<(i64, DateTime<Utc>)> {
    let mut since: Option<DateTime<Utc>> = None;
    let mut got: Option<DateTime<Utc>> = None;
    let mut counted = 0;
    for e in journal.iter().take_while(|e| e.at < at) {
        let ends = match &e.event {
            Event::StatusChanged { to: Status::WaitingOnSupplier, .. } => {
                since.get_or_insert(e.at);
                got.get_or_insert(e.at);
                false
            }
            Event::RoutingOverridden { from, to, .. } if from != to => {
                counted = 0;
                got = since.map(|_| e.at);
                since = since.map(|_| e.at);
                false
            }
            Event::StatusChanged { .. } | Event::Reopened { .. } | Event::SupplierSolved { .. } => true,
            _ => false,
        };
        if ends && let Some(s) = since.take() {
            counted += cal.business_between(s, e.at);
        }
    }
    Some((since.map(|s| counted + cal.business_between(s, at))?, got?))
}

/// Per supplier, the tickets it still had to solve at `at` (each with its journal), by age.
pub fn backlogs<'a>(
    tickets: impl Iterator<Item = (&'a Ticket, &'a [JournalEntry])>,
    reg: &Registry,
    at: DateTime<Utc>,
) -> Vec<Backlog> {
    let mut by_supplier: std::collections::BTreeMap<String, Backlog> = Default::default();
    for (t, journal) in tickets.filter(|(t, _)| waiting_at(t, at)) {
        // Whose it was then: routed elsewhere since, it was the first override's "from".
        let later = journal.iter().filter(|e| e.at >= at).find_map(|e| match &e.event {
            Event::RoutingOverridden { from, .. } => Some(from.as_str()),
            _ => None,
        });
        let Some(supplier) = later.or(t.routing.supplier.as_deref()).filter(|s| *s != "unrouted") else { continue };
        let supplier = reg.supplier(supplier).map_or_else(|| supplier.to_string(), |s| s.name.clone());
        // The contract's service window: the days the supplier works.
        let window = t.supplier_sla.as_ref().and_then(|l| reg.calendar(&l.calendar)).cloned();
        let cal = window.unwrap_or_else(|| reg.helpdesk_calendar().clone());
        let Some((secs, dispatched)) = supplier_time_at(journal, at, &cal) else { continue };
        // N business days old once its time with the supplier is what an `Nbd` target started
        // at its dispatch stands for: the clocks' own rule.
        let bd = |n: u32| cal.target_secs(dispatched, SlaDuration { seconds: 0, business_days: n });
        let age = match secs {
            s if s < bd(1) => 0,
            s if s < bd(3) => 1,
            s if s < bd(10) => 2,
            _ => 3,
        };
        let entry = by_supplier.entry(supplier.clone()).or_insert_with(|| Backlog {
            supplier,
            at,
            ages: [0; 4],
            longest: Vec::new(),
        });
        entry.ages[age] += 1;
        entry.longest.push(Waiting {
            id: t.id,
            priority: t.priority,
            title: t.title.clone(),
            supplier_ref: t.supplier_ref.clone(),
            dispatched,
            business_hours: secs as f64 / 3600.0,
            age: AGES[age].to_string(),
        });
    }
    let mut out: Vec<Backlog> = by_supplier.into_values().collect();
    for b in &mut out {
        // Longest first; the earlier dispatch first among equals.
        b.longest.sort_by(|a, b| b.business_hours.total_cmp(&a.business_hours).then(a.dispatched.cmp(&b.dispatched)));
        b.longest.truncate(LONGEST);
    }
    out
}

/// The calls for a supplier's services that never reached it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct KeptAtDesk {
    pub supplier: String,
    /// Routed to the supplier, resolved by the helpdesk without a dispatch.
    pub solved_by_desk: Vec<u64>,
    /// For a service one of the supplier's contracts names, with no supplier found.
    pub unroutable: Vec<u64>,
}

/// Per supplier, of the tickets logged in a period: those routed to it that the helpdesk solved
/// itself, and those for its services that could not be routed.
pub fn kept_at_desk<'a>(tickets: impl Iterator<Item = &'a Ticket>, reg: &Registry) -> Vec<KeptAtDesk> {
    let name = |s: &str| reg.supplier(s).map_or_else(|| s.to_string(), |x| x.name.clone());
    let mut by_supplier: std::collections::BTreeMap<String, KeptAtDesk> = Default::default();
    let mut add = |supplier: String, solved: bool, id: u64| {
        let e = by_supplier.entry(supplier.clone()).or_insert_with(|| KeptAtDesk { supplier, ..Default::default() });
        if solved { e.solved_by_desk.push(id) } else { e.unroutable.push(id) }
    };
    // A call linked to a major incident reached the supplier through it.
    for t in tickets.filter(|t| t.dispatched_at.is_none() && t.linked_to.is_none()) {
        match t.routing.supplier.as_deref() {
            Some(s) if t.resolved_at.is_some() => add(name(s), true, t.id),
            Some(_) => {}
            None => {
                // Whose service it is: every supplier with a contract naming it.
                let mut suppliers: Vec<String> =
                    reg.contracts_for_service(&t.service).map(|c| name(&c.supplier)).collect();
                suppliers.sort_unstable();
                suppliers.dedup();
                for s in suppliers {
                    add(s, false, t.id);
                }
            }
        }
    }
    by_supplier.into_values().collect()
}
