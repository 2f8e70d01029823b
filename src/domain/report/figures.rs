//! The figures of a group of tickets: the sums of their facts.

use serde::{Deserialize, Serialize};

use super::facts::{Facts, Outcome};
use crate::domain::Priority;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Figures {
    /// Tickets in the group (dispatched in the period, or logged in it).
    pub tickets: u64,
    /// Response clocks decided (met or breached); pending ones are not counted yet.
    pub response_measured: u64,
    pub response_met: u64,
    pub resolution_measured: u64,
    pub resolution_met: u64,
    /// Business hours of the resolution clocks that stopped.
    pub median_resolution_hours: Option<f64>,
    pub p90_resolution_hours: Option<f64>,
    pub open_breaches: u64,
    pub reopened: u64,
    /// Reopened tickets as a share of all: 100 less the first-time-right rate.
    pub reopened_pct: Option<f64>,
    /// Solved while the caller was on the line, by the helpdesk alone (first-contact resolution).
    #[serde(default)]
    pub first_contact: u64,
    #[serde(default)]
    pub first_contact_pct: Option<f64>,
    /// Business hours to the response, of the responses given.
    pub median_response_hours: Option<f64>,
    /// How far over target the breaches went: the median, in business hours.
    pub median_over_target_hours: Option<f64>,
    /// Supplier reports: how long the helpdesk held tickets before dispatching them.
    pub median_held_hours: Option<f64>,
    pub satisfaction_count: u64,
    pub satisfaction_avg: Option<f64>,
    /// How many callers gave each score, 1 to 5: the experience behind the average.
    pub satisfaction_scores: [u64; 5],
    /// The same counts per priority, P1 to P4, for the priorities that have tickets: contracts
    /// set their targets per priority.
    pub per_priority: Vec<PriorityFigures>,
    /// The tickets behind these figures, in the order they were added.
    #[serde(skip)]
    pub ids: Vec<u64>,
    #[serde(skip)]
    hours: Vec<f64>,
    #[serde(skip)]
    response_hours: Vec<f64>,
    #[serde(skip)]
    over_hours: Vec<f64>,
    #[serde(skip)]
    held_hours: Vec<f64>,
    #[serde(skip)]
    satisfaction_sum: u64,
}

/// One priority's counts within a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityFigures {
    pub priority: Priority,
    pub tickets: u64,
    pub response_measured: u64,
    pub response_met: u64,
    pub resolution_measured: u64,
    pub resolution_met: u64,
}

impl PriorityFigures {
    fn add(&mut self, f: &Facts) {
        self.tickets += 1;
        for (outcome, measured, met) in [
            (f.response, &mut self.response_measured, &mut self.response_met),
            (f.resolution, &mut self.resolution_measured, &mut self.resolution_met),
        ] {
            *measured += u64::from(outcome != Outcome::Pending);
            *met += u64::from(outcome == Outcome::Met);
        }
    }

    fn absorb(&mut self, o: &PriorityFigures) {
        self.tickets += o.tickets;
        self.response_measured += o.response_measured;
        self.response_met += o.response_met;
        self.resolution_measured += o.resolution_measured;
        self.resolution_met += o.resolution_met;
    }
}

impl Figures {
    /// The counts of one priority, made when first needed, kept in priority order.
    fn priority_mut(&mut self, priority: Priority) -> &mut PriorityFigures {
        let at = match self.per_priority.binary_search_by_key(&priority, |p| p.priority) {
            Ok(at) => at,
            Err(at) => {
                let empty = PriorityFigures {
                    priority,
                    tickets: 0,
                    response_measured: 0,
                    response_met: 0,
                    resolution_measured: 0,
                    resolution_met: 0,
                };
                self.per_priority.insert(at, empty);
                at
            }
        };
        &mut self.per_priority[at]
    }

    pub fn add(&mut self, f: &Facts) {
        self.priority_mut(f.priority).add(f);
        self.tickets += 1;
        self.ids.push(f.id);
        for (outcome, measured, met) in [
            (f.response, &mut self.response_measured, &mut self.response_met),
            (f.resolution, &mut self.resolution_measured, &mut self.resolution_met),
        ] {
            if outcome != Outcome::Pending {
                *measured += 1;
            }
            if outcome == Outcome::Met {
                *met += 1;
            }
        }
        self.hours.extend(f.resolution_hours);
        self.response_hours.extend(f.response_hours);
        self.over_hours.extend(f.over_target_hours);
        self.held_hours.extend(f.held_hours);
        self.open_breaches += u64::from(f.open_breach);
        self.reopened += u64::from(f.reopened);
        self.first_contact += u64::from(f.first_contact);
        if let Some(score) = f.satisfaction {
            self.satisfaction_count += 1;
            self.satisfaction_sum += u64::from(score);
            if let Some(n) = self.satisfaction_scores.get_mut(usize::from(score).wrapping_sub(1)) {
                *n += 1;
            }
        }
    }

    /// Adds another group's counts (a month of another supplier, say). Medians and averages
    /// follow only where the other still holds its hours and scores (not after the socket).
    pub fn absorb(&mut self, other: &Figures) {
        self.tickets += other.tickets;
        self.response_measured += other.response_measured;
        self.response_met += other.response_met;
        self.resolution_measured += other.resolution_measured;
        self.resolution_met += other.resolution_met;
        self.open_breaches += other.open_breaches;
        self.reopened += other.reopened;
        self.first_contact += other.first_contact;
        self.ids.extend(&other.ids);
        self.hours.extend(&other.hours);
        self.response_hours.extend(&other.response_hours);
        self.over_hours.extend(&other.over_hours);
        self.held_hours.extend(&other.held_hours);
        self.satisfaction_count += other.satisfaction_count;
        self.satisfaction_sum += other.satisfaction_sum;
        for (n, o) in self.satisfaction_scores.iter_mut().zip(other.satisfaction_scores) {
            *n += o;
        }
        for p in &other.per_priority {
            self.priority_mut(p.priority).absorb(p);
        }
    }

    /// Works out the medians and averages once everything is added.
    pub fn finish(&mut self) {
        self.hours.sort_by(f64::total_cmp);
        for v in [&mut self.response_hours, &mut self.over_hours, &mut self.held_hours] {
            v.sort_by(f64::total_cmp);
        }
        self.median_response_hours = median(&self.response_hours);
        self.median_over_target_hours = median(&self.over_hours);
        self.median_held_hours = median(&self.held_hours);
        self.reopened_pct = pct(self.reopened, self.tickets);
        self.first_contact_pct = pct(self.first_contact, self.tickets);
        self.median_resolution_hours = median(&self.hours);
        self.p90_resolution_hours = quantile(&self.hours, 0.9);
        self.satisfaction_avg =
            (self.satisfaction_count > 0).then(|| self.satisfaction_sum as f64 / self.satisfaction_count as f64);
    }

    pub fn resolution_hours(&self) -> &[f64] {
        &self.hours
    }

    pub fn response_met_pct(&self) -> Option<f64> {
        pct(self.response_met, self.response_measured)
    }

    pub fn resolution_met_pct(&self) -> Option<f64> {
        pct(self.resolution_met, self.resolution_measured)
    }
}

fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The median of sorted values: the middle one, or the mean of the two middle ones of an even
/// count (1 h and 3 h: 2 h).
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Nearest-rank quantile of sorted values (p90: the value at rank ⌈0.9 n⌉): always one of the
/// values themselves, so a supplier can point at the ticket behind it.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// A row's figures against its norms: met, or which norms it missed and by how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub met: bool,
    /// "resolution 82% < 90%", "P1 resolution 50% < 95%", "satisfaction 3.1 < 3.5".
    pub missed: Vec<String>,
}

/// How figures stand against norms; `None` without norms (or nothing decided to judge).
pub fn verdict(f: &Figures, norms: &crate::domain::registry::Norms) -> Option<Verdict> {
    let mut judged = false;
    let mut missed = Vec::new();
    let mut floor = |what: String, value: Option<f64>, norm: Option<f64>, pct: bool| {
        if let (Some(v), Some(n)) = (value, norm) {
            judged = true;
            // Judged as shown: a percentage in whole numbers, a score to one decimal.
            let shown = if pct { v.round() } else { (v * 10.0).round() / 10.0 };
            if shown + 1e-9 < n {
                missed.push(if pct { format!("{what} {:.0}% < {n}%", v) } else { format!("{what} {v:.1} < {n}") });
            }
        }
    };
    floor("response".into(), f.response_met_pct(), norms.response_met_pct, true);
    floor("resolution".into(), f.resolution_met_pct(), norms.resolution_met_pct, true);
    floor("satisfaction".into(), f.satisfaction_avg, norms.satisfaction, false);
    for p in &f.per_priority {
        if let Some(n) = norms.of(p.priority) {
            floor(
                format!("{} response", p.priority),
                pct(p.response_met, p.response_measured),
                n.response_met_pct,
                true,
            );
            floor(
                format!("{} resolution", p.priority),
                pct(p.resolution_met, p.resolution_measured),
                n.resolution_met_pct,
                true,
            );
        }
    }
    judged.then_some(Verdict { met: missed.is_empty(), missed })
}
