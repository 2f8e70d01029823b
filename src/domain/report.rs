//! Supplier scorecards: how each supplier and contract did against its SLA, from the same
//! clocks the agents see.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::Registry;
use crate::domain::Ticket;
use crate::domain::sla::{ClockLevel, ClockPhase};

/// The figures of one supplier, or of one of its contracts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub supplier: String,
    /// `None` for the supplier's total over all its contracts.
    pub contract: Option<String>,
    /// Tickets dispatched in the period.
    pub dispatched: u64,
    pub response_measured: u64,
    pub response_met: u64,
    pub resolution_measured: u64,
    pub resolution_met: u64,
    /// Business hours of the resolution clock, for tickets the supplier resolved.
    #[serde(skip)]
    pub resolution_hours: Vec<f64>,
    pub median_resolution_hours: Option<f64>,
    pub p90_resolution_hours: Option<f64>,
    pub open_breaches: u64,
    pub reopened: u64,
    pub satisfaction_count: u64,
    pub satisfaction_avg: Option<f64>,
    /// Ids of the tickets behind these figures.
    #[serde(skip)]
    pub tickets: Vec<u64>,
}

impl Scorecard {
    fn new(supplier: &str, contract: Option<&str>) -> Self {
        Scorecard {
            supplier: supplier.to_string(),
            contract: contract.map(String::from),
            dispatched: 0,
            response_measured: 0,
            response_met: 0,
            resolution_measured: 0,
            resolution_met: 0,
            resolution_hours: Vec::new(),
            median_resolution_hours: None,
            p90_resolution_hours: None,
            open_breaches: 0,
            reopened: 0,
            satisfaction_count: 0,
            satisfaction_avg: None,
            tickets: Vec::new(),
        }
    }

    pub fn response_met_pct(&self) -> Option<f64> {
        pct(self.response_met, self.response_measured)
    }

    pub fn resolution_met_pct(&self) -> Option<f64> {
        pct(self.resolution_met, self.resolution_measured)
    }

    fn add(&mut self, t: &Ticket, reg: &Registry, now: DateTime<Utc>) {
        let Some(view) = t.sla(now, reg).supplier else {
            self.dispatched += 1;
            self.tickets.push(t.id);
            return;
        };
        self.dispatched += 1;
        self.tickets.push(t.id);
        // A clock counts once it is decided: stopped, or breached while still running.
        for (clock, measured, met) in [
            (&view.response, &mut self.response_measured, &mut self.response_met),
            (&view.resolution, &mut self.resolution_measured, &mut self.resolution_met),
        ] {
            let decided = clock.phase == ClockPhase::Stopped || clock.level == ClockLevel::Breached;
            if decided {
                *measured += 1;
                if clock.level != ClockLevel::Breached {
                    *met += 1;
                }
            }
        }
        if view.resolution.phase == ClockPhase::Stopped {
            self.resolution_hours.push(view.resolution.elapsed as f64 / 3600.0);
        }
        if t.status.is_open()
            && (view.response.level == ClockLevel::Breached || view.resolution.level == ClockLevel::Breached)
        {
            self.open_breaches += 1;
        }
        if t.reopened > 0 {
            self.reopened += 1;
        }
        if let Some(score) = t.satisfaction {
            let n = self.satisfaction_count as f64;
            self.satisfaction_avg = Some((self.satisfaction_avg.unwrap_or(0.0) * n + score as f64) / (n + 1.0));
            self.satisfaction_count += 1;
        }
    }

    fn finish(&mut self) {
        self.resolution_hours.sort_by(f64::total_cmp);
        self.median_resolution_hours = quantile(&self.resolution_hours, 0.5);
        self.p90_resolution_hours = quantile(&self.resolution_hours, 0.9);
    }
}

fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Nearest-rank quantile of sorted values.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Scorecards per supplier (total first) and per contract, for tickets dispatched in
/// `[from, to)`, sorted by supplier name.
pub fn supplier_scorecards<'a>(
    tickets: impl Iterator<Item = &'a Ticket>,
    reg: &Registry,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<Scorecard> {
    use std::collections::BTreeMap;
    let mut cards: BTreeMap<(String, Option<String>), Scorecard> = BTreeMap::new();
    for t in tickets {
        let (Some(dispatched), Some(supplier)) = (t.dispatched_at, t.routing.supplier.as_deref()) else {
            continue;
        };
        if dispatched < from || dispatched >= to {
            continue;
        }
        cards.entry((supplier.to_string(), None)).or_insert_with(|| Scorecard::new(supplier, None)).add(t, reg, now);
        if let Some(contract) = t.routing.contract.as_deref() {
            cards
                .entry((supplier.to_string(), Some(contract.to_string())))
                .or_insert_with(|| Scorecard::new(supplier, Some(contract)))
                .add(t, reg, now);
        }
    }
    let mut out: Vec<Scorecard> = cards.into_values().collect();
    for c in &mut out {
        c.finish();
    }
    out
}
