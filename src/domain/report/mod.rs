//! Regie reports: how suppliers did against their contracts, and the helpdesk against its
//! agreement with the participants, from the same clocks the agents see.
//!
//! A report is made in two steps: the facts of each ticket in the period (`facts`), then the
//! figures of each group (`figures`). The CLI, `--detail` and (later) the TUI all use these.

mod backlog;
mod dashboard;
mod facts;
mod figures;
mod watch;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub use backlog::{AGES, Backlog, KeptAtDesk, LONGEST, Waiting, backlogs, kept_at_desk, waiting_at};
pub use dashboard::{Dashboard, LevelCounts, MajorIncident, UNASSIGNED, UNROUTED, dashboard};
pub use facts::{Facts, Layer, Outcome};
pub use figures::{Figures, PriorityFigures, Verdict, median, quantile, verdict};
pub use watch::{ContractDate, ContractWatch, ENDED_SHOWN_DAYS, WatchState, contract_watch};

use crate::domain::{Registry, Ticket};

/// Which tickets, from which layer's point of view, cut how.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    /// Tickets whose layer started in `[from, to)`: dispatched (supplier layer) or logged
    /// (helpdesk layer) in the period.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub layer: Layer,
    /// A trend: each ticket counts in its month in this zone (the helpdesk's).
    pub months: Option<Tz>,
}

/// The facts of the tickets in the period.
pub fn facts_in<'a>(
    tickets: impl Iterator<Item = &'a Ticket>,
    period: Period,
    reg: &Registry,
    now: DateTime<Utc>,
) -> Vec<Facts> {
    // The period first: working out the clocks is the dear part.
    tickets
        .filter(|t| Facts::start(t, period.layer).is_some_and(|at| at >= period.from && at < period.to))
        .filter_map(|t| Facts::of(t, period.layer, reg, now))
        .map(|f| Facts { month: period.months.map(|tz| month(f.from, tz)), ..f })
        .collect()
}

/// `YYYY-MM` of an instant in the helpdesk's zone: the month a ticket counts in for a trend.
pub fn month(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m").to_string()
}

/// One supplier's figures, or one of its contracts'; per month in a trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub supplier: String,
    /// `None` for the supplier's total over all its contracts.
    pub contract: Option<String>,
    /// `YYYY-MM` in a monthly trend.
    pub month: Option<String>,
    pub figures: Figures,
    /// Against the contract's norms (the supplier's row: when all its contracts share them).
    #[serde(default)]
    pub norm: Option<Verdict>,
}

/// The months a fact counts in: the whole period always (`None`), and its own month in a
/// trend, so that `--monthly` adds rows beside the period's rather than replacing them.
fn months_of(f: &Facts) -> impl Iterator<Item = Option<String>> {
    std::iter::once(None).chain(f.month.clone().map(Some))
}

/// Per supplier (its total first, then each contract): the period, then each month of a trend.
pub fn supplier_scorecards(facts: &[Facts]) -> Vec<Scorecard> {
    let groups = tally(facts, |f| {
        let Some(supplier) = f.supplier.clone() else { return Vec::new() };
        let mut keys = Vec::new();
        for m in months_of(f) {
            keys.push((supplier.clone(), m.clone(), None));
            keys.extend(f.contract.clone().map(|c| (supplier.clone(), m, Some(c))));
        }
        keys
    });
    groups
        .into_iter()
        .map(|((supplier, month, contract), figures)| Scorecard { supplier, contract, month, figures, norm: None })
        .collect()
}

/// All suppliers together, per month, from a monthly supplier report's totals.
pub fn all_suppliers_by_month(cards: &[Scorecard]) -> Vec<(String, Figures)> {
    let mut months: BTreeMap<String, Figures> = BTreeMap::new();
    for c in cards.iter().filter(|c| c.contract.is_none()) {
        if let Some(m) = &c.month {
            months.entry(m.clone()).or_default().absorb(&c.figures);
        }
    }
    months.into_iter().collect()
}

/// How often a service was called for, within a participant's tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCount {
    pub service: String,
    pub tickets: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantRow {
    pub participant: String,
    pub month: Option<String>,
    /// The helpdesk agreement's figures for this participant's tickets.
    pub figures: Figures,
    /// The most called-for services, most first (at most three).
    pub top_services: Vec<ServiceCount>,
    /// Against the helpdesk agreement's norms.
    #[serde(default)]
    pub norm: Option<Verdict>,
}

pub fn participant_rows(facts: &[Facts]) -> Vec<ParticipantRow> {
    let mut services: BTreeMap<(String, Option<String>), BTreeMap<String, u64>> = BTreeMap::new();
    for f in facts {
        for m in months_of(f) {
            *services.entry((f.participant.clone(), m)).or_default().entry(f.service.clone()).or_default() += 1;
        }
    }
    tally(facts, |f| months_of(f).map(|m| (f.participant.clone(), m)).collect())
        .into_iter()
        .map(|((participant, month), figures)| {
            let mut top: Vec<ServiceCount> = services
                .remove(&(participant.clone(), month.clone()))
                .unwrap_or_default()
                .into_iter()
                .map(|(service, tickets)| ServiceCount { service, tickets })
                .collect();
            // Most tickets first; equal counts by name, so the order is stable.
            top.sort_by(|a, b| b.tickets.cmp(&a.tickets).then_with(|| a.service.cmp(&b.service)));
            top.truncate(3);
            ParticipantRow { participant, month, figures, top_services: top, norm: None }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRow {
    pub service: String,
    pub month: Option<String>,
    /// The helpdesk agreement's figures for tickets about this service.
    pub figures: Figures,
    /// Against the helpdesk agreement's norms.
    #[serde(default)]
    pub norm: Option<Verdict>,
}

pub fn service_rows(facts: &[Facts]) -> Vec<ServiceRow> {
    tally(facts, |f| months_of(f).map(|m| (f.service.clone(), m)).collect())
        .into_iter()
        .map(|((service, month), figures)| ServiceRow { service, month, figures, norm: None })
        .collect()
}

/// Adds each fact to the figures of every group `keys` puts it in, in key order.
fn tally<K: Ord>(facts: &[Facts], keys: impl Fn(&Facts) -> Vec<K>) -> BTreeMap<K, Figures> {
    let mut groups: BTreeMap<K, Figures> = BTreeMap::new();
    for f in facts {
        for key in keys(f) {
            groups.entry(key).or_default().add(f);
        }
    }
    for figures in groups.values_mut() {
        figures.finish();
    }
    groups
}
