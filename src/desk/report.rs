//! Regie reports from the store: the facts of the tickets in a period, grouped.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::tickets::{resolve_participant, resolve_service, resolve_supplier};
use super::{Desk, DeskError};
use crate::domain::report::{
    Backlog, ContractWatch, Dashboard, Facts, KeptAtDesk, Layer, ParticipantRow, Period, Scorecard, ServiceRow,
    backlogs, contract_watch, dashboard, facts_in, kept_at_desk, participant_rows, service_rows, supplier_scorecards,
    waiting_at,
};
use crate::domain::{Registry, Ticket};
use crate::store::{IndexScan, When};

/// Which tickets a report is over, and how it is cut.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportQuery {
    /// Tickets dispatched (supplier reports) or logged (participants, services) in `[from, to)`.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub supplier: Option<String>,
    pub participant: Option<String>,
    pub service: Option<String>,
    /// One row per month too (in the helpdesk's time zone): the trend.
    pub monthly: bool,
    /// With the facts of every ticket behind the figures.
    pub detail: bool,
}

impl ReportQuery {
    pub fn new(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        ReportQuery { from, to, supplier: None, participant: None, service: None, monthly: false, detail: false }
    }
}

/// The rows of a report, and (with `detail`) the tickets behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report<R> {
    pub rows: Vec<R>,
    pub tickets: Vec<Facts>,
    /// Supplier reports: what each supplier still had to solve at the period's end.
    #[serde(default)]
    pub backlog: Vec<Backlog>,
    /// Supplier reports: calls logged in the period for each supplier's services that the
    /// helpdesk solved itself or could not route.
    #[serde(default)]
    pub kept_at_desk: Vec<KeptAtDesk>,
}

impl<R> Report<R> {
    fn of(rows: Vec<R>, tickets: Vec<Facts>) -> Self {
        Report { rows, tickets, backlog: Vec::new(), kept_at_desk: Vec::new() }
    }
}

/// How far before a period's end a ticket still open then is looked for, unless it is open now:
/// a supplier keeping a ticket longer than this and solving it since is not in that backlog.
pub const BACKLOG_LOOKBACK_DAYS: i64 = 366;

impl Desk {
    /// Per supplier and contract, for tickets dispatched in the period.
    pub fn supplier_report(&self, q: &ReportQuery) -> Result<Report<Scorecard>, DeskError> {
        let reg = self.registry();
        let facts = self.facts(q, Layer::Supplier, &reg)?;
        let mut rows = supplier_scorecards(&facts);
        for row in &mut rows {
            // A contract's row by its own norms; the supplier's by them when all its contracts
            // share the same.
            let norms = match &row.contract {
                Some(number) => reg.contract(number).map(|c| &c.norms),
                None => reg.supplier_norms(&row.supplier),
            };
            row.norm = norms.and_then(|n| crate::domain::report::verdict(&row.figures, n));
        }
        let mut report = Report::of(rows, if q.detail { facts } else { Vec::new() });
        // A period that has not ended yet: its backlog as it stands now.
        report.backlog = self.backlog_at(q.to.min(self.now()), q.supplier.as_deref(), &reg)?;
        let mut logged = Vec::new();
        for id in self.store.between(When::Created, q.from, q.to) {
            if let Some(t) = self.store.scanned_ticket(id?)? {
                logged.push(t);
            }
        }
        report.kept_at_desk = kept_at_desk(logged.iter().map(|t| t.as_ref()), &reg);
        if let Some(s) = q.supplier.as_deref().and_then(|s| reg.supplier(s)) {
            report.kept_at_desk.retain(|k| k.supplier == s.name);
        }
        Ok(report)
    }

    /// Per supplier (or the one named), what it still had to solve at `at`.
    pub fn backlog_at(
        &self,
        at: DateTime<Utc>,
        supplier: Option<&str>,
        reg: &Registry,
    ) -> Result<Vec<Backlog>, DeskError> {
        let mut seen = std::collections::HashSet::new();
        let mut tickets = Vec::new();
        let since = at - chrono::Duration::days(BACKLOG_LOOKBACK_DAYS);
        let ids = self.store.between(When::Dispatched, since, at).chain(self.store.scan(&IndexScan::by_due(false)));
        for id in ids {
            let id = id?;
            if !seen.insert(id) {
                continue;
            }
            if let Some(t) = self.store.scanned_ticket(id)?.filter(|t| waiting_at(t, at)) {
                let journal = self.store.journal(id)?;
                tickets.push((t, journal));
            }
        }
        let mut out = backlogs(tickets.iter().map(|(t, j)| (t.as_ref(), j.as_slice())), reg, at);
        if let Some(s) = supplier.and_then(|s| reg.supplier(s)) {
            out.retain(|b| b.supplier == s.name);
        }
        Ok(out)
    }

    /// Per participant, the helpdesk agreement, for tickets logged in the period.
    pub fn participant_report(&self, q: &ReportQuery) -> Result<Report<ParticipantRow>, DeskError> {
        let reg = self.registry();
        let facts = self.facts(q, Layer::Helpdesk, &reg)?;
        let mut rows = participant_rows(&facts);
        for row in &mut rows {
            row.norm = crate::domain::report::verdict(&row.figures, &reg.settings().norms);
        }
        Ok(Report::of(rows, if q.detail { facts } else { Vec::new() }))
    }

    /// Per service, the helpdesk agreement, for tickets logged in the period.
    pub fn service_report(&self, q: &ReportQuery) -> Result<Report<ServiceRow>, DeskError> {
        let reg = self.registry();
        let facts = self.facts(q, Layer::Helpdesk, &reg)?;
        let mut rows = service_rows(&facts);
        for row in &mut rows {
            row.norm = crate::domain::report::verdict(&row.figures, &reg.settings().norms);
        }
        Ok(Report::of(rows, if q.detail { facts } else { Vec::new() }))
    }

    /// Contracts that end or pass their notice date within `within_days` of today (in the
    /// helpdesk's zone), services no valid contract covers, suppliers without escalation.
    pub fn contract_watch(&self, within_days: u32) -> Result<ContractWatch, DeskError> {
        let reg = self.registry();
        let today = self.now().with_timezone(&reg.helpdesk_calendar().timezone).date_naive();
        Ok(contract_watch(&reg, today, within_days))
    }

    /// Open tickets by SLA level per supplier and participant, and today's arrivals.
    pub fn dashboard(&self) -> Result<Dashboard, DeskError> {
        let reg = self.registry();
        let now = self.now();
        let mut open = Vec::new();
        for id in self.store.scan(&IndexScan::by_due(false)) {
            if let Some(t) = self.store.scanned_ticket(id?)? {
                let level = t.sla(now, &reg).level();
                open.push((t, level));
            }
        }
        let tz = reg.helpdesk_calendar().timezone;
        let today = crate::domain::routing::local_midnight(now.with_timezone(&tz).date_naive(), tz);
        let arrivals = self.store.between(When::Created, today, now + chrono::Duration::seconds(1)).count() as u64;
        let mut board = dashboard(open.iter().map(|(t, l)| (t.as_ref(), *l)), arrivals);
        board.majors = self.major_incidents()?;
        Ok(board)
    }

    fn facts(&self, q: &ReportQuery, layer: Layer, reg: &Registry) -> Result<Vec<Facts>, DeskError> {
        let supplier = q.supplier.as_deref().map(|s| resolve_supplier(reg, s)).transpose()?;
        let participant = q.participant.as_deref().map(|p| resolve_participant(reg, p)).transpose()?;
        let service = q.service.as_deref().map(|s| resolve_service(reg, s)).transpose()?;
        // By key, as the registry matches names: the spelling a ticket was logged with may differ.
        let same = |a: &str, b: &str| crate::domain::registry::key(a) == crate::domain::registry::key(b);
        let wanted = |t: &Ticket| {
            supplier.as_ref().is_none_or(|wanted| match (wanted, t.routing.supplier.as_deref()) {
                (Some(s), Some(x)) => same(x, s),
                (None, None) => true,
                _ => false,
            }) && participant.as_deref().is_none_or(|p| same(&t.participant, p))
                && service.as_deref().is_none_or(|s| same(&t.service, s))
        };
        let now = self.now();
        let months = q.monthly.then(|| reg.helpdesk_calendar().timezone);
        let period = Period { from: q.from, to: q.to, layer, months };
        let mut facts = Vec::new();
        let when = match layer {
            Layer::Helpdesk => When::Created,
            Layer::Supplier => When::Dispatched,
        };
        // Only the period's tickets, one at a time, by the time index.
        for id in self.store.between(when, q.from, q.to) {
            let Some(t) = self.store.scanned_ticket(id?)? else { continue };
            if !wanted(&t) {
                continue;
            }
            let first = facts.len();
            facts.extend(facts_in(std::iter::once(t.as_ref()), period, reg, now));
            // Routed by hand from another supplier after dispatch: the helpdesk held it only
            // until the first supplier got it, which the journal says.
            if layer == Layer::Supplier && t.routing.overridden {
                let journal = self.store.journal(t.id)?;
                let dispatched = journal.iter().find_map(|e| match e.event {
                    crate::domain::ticket::Event::StatusChanged {
                        to: crate::domain::Status::WaitingOnSupplier,
                        ..
                    } => Some(e.at),
                    _ => None,
                });
                if let Some(d) = dispatched {
                    let held = reg.helpdesk_calendar().business_between(t.created_at, d) as f64 / 3600.0;
                    facts[first..].iter_mut().for_each(|f| f.held_hours = Some(held));
                }
            }
        }
        Ok(facts)
    }
}
