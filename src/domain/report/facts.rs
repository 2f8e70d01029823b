//! What one ticket contributes to a report, for one SLA layer. Every figure is a sum of these,
//! and `--detail` prints them, so each number can be traced to its tickets.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::sla::{ClockLevel, ClockPhase, ClockState};
use crate::domain::{Priority, Registry, Ticket};

/// Which agreement a report measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// Towards the participants: the helpdesk's targets, from creation.
    Helpdesk,
    /// Towards the suppliers: the contract's targets, from dispatch.
    Supplier,
}

/// How a clock ended up, as the report sees it at the moment it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    /// Over its target, whether or not it has stopped since: a breach counts for good.
    Breached,
    /// Still running within its target: not counted yet.
    Pending,
}

impl Outcome {
    fn of(clock: &ClockState) -> Outcome {
        if clock.level == ClockLevel::Breached {
            Outcome::Breached
        } else if clock.phase == ClockPhase::Stopped {
            Outcome::Met
        } else {
            Outcome::Pending
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::Breached => "breached",
            Outcome::Pending => "pending",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub id: u64,
    pub priority: Priority,
    pub participant: String,
    pub service: String,
    pub supplier: Option<String>,
    pub contract: Option<String>,
    /// When the layer's clocks started: creation, or dispatch to the supplier.
    #[serde(with = "crate::domain::instant")]
    pub from: DateTime<Utc>,
    /// `YYYY-MM` of `from` in the helpdesk's zone, when the report is a monthly trend.
    pub month: Option<String>,
    pub response: Outcome,
    pub resolution: Outcome,
    /// Business hours the resolution clock counted, on the layer's calendar, once it stopped.
    pub resolution_hours: Option<f64>,
    /// Business hours to the response, once it was given.
    pub response_hours: Option<f64>,
    /// How far over its target the worse breached clock of this layer went, in business hours.
    pub over_target_hours: Option<f64>,
    /// Supplier layer: business hours on the helpdesk's calendar from logging to dispatch.
    pub held_hours: Option<f64>,
    /// Open, with a clock of this layer breached.
    pub open_breach: bool,
    pub reopened: bool,
    /// Solved on the line by the helpdesk (first-contact resolution).
    #[serde(default)]
    pub first_contact: bool,
    pub satisfaction: Option<u8>,
    /// What solved it, as the desk recorded it: for the supplier to check against.
    pub solution: Option<String>,
    pub title: String,
    /// The supplier's own reference, by which it knows the ticket.
    pub supplier_ref: Option<String>,
    /// What the caller said with the satisfaction score.
    pub satisfaction_remark: Option<String>,
}

impl Facts {
    /// When the layer's clocks started: `None` for a ticket never dispatched to a supplier.
    pub fn start(t: &Ticket, layer: Layer) -> Option<DateTime<Utc>> {
        match layer {
            Layer::Helpdesk => Some(t.created_at),
            Layer::Supplier => t.dispatched_at,
        }
    }

    /// `None` for the supplier layer of a ticket that was never dispatched.
    pub fn of(t: &Ticket, layer: Layer, reg: &Registry, now: DateTime<Utc>) -> Option<Facts> {
        let sla = t.sla(now, reg);
        let (view, from) = match layer {
            Layer::Helpdesk => (sla.helpdesk, t.created_at),
            // A call linked to a major incident: the supplier is measured on that one, once
            // (also when the call was with the supplier before it was linked).
            Layer::Supplier if t.linked_to.is_some() => return None,
            Layer::Supplier => (sla.supplier?, t.dispatched_at?),
        };
        let (response, resolution) = (Outcome::of(&view.response), Outcome::of(&view.resolution));
        Some(Facts {
            id: t.id,
            priority: t.priority,
            // Named as the registry names them now: a ticket logged before an entry's spelling
            // changed counts in the same row as the ones after.
            participant: reg.participant(&t.participant).map_or_else(|| t.participant.clone(), |p| p.code.clone()),
            service: reg.service(&t.service).map_or_else(|| t.service.clone(), |s| s.name.clone()),
            supplier: t
                .routing
                .supplier
                .as_deref()
                .map(|s| reg.supplier(s).map_or_else(|| s.to_string(), |x| x.name.clone())),
            contract: t.routing.contract.clone(),
            from,
            month: None,
            response,
            resolution,
            resolution_hours: (view.resolution.phase == ClockPhase::Stopped)
                .then(|| view.resolution.elapsed as f64 / 3600.0),
            response_hours: (view.response.phase == ClockPhase::Stopped).then(|| view.response.elapsed as f64 / 3600.0),
            over_target_hours: [&view.response, &view.resolution]
                .into_iter()
                .filter(|c| c.level == ClockLevel::Breached)
                .map(|c| (c.elapsed - c.target_secs).max(0) as f64 / 3600.0)
                .reduce(f64::max),
            held_hours: match layer {
                Layer::Supplier => Some(reg.helpdesk_calendar().business_between(t.created_at, from) as f64 / 3600.0),
                Layer::Helpdesk => None,
            },
            open_breach: t.status.is_open() && (response == Outcome::Breached || resolution == Outcome::Breached),
            reopened: match layer {
                Layer::Helpdesk => t.reopened > 0,
                Layer::Supplier => t.supplier_reopened > 0,
            },
            // Solved on the line, and it held.
            first_contact: layer == Layer::Helpdesk && t.first_contact && t.reopened == 0,
            satisfaction: t.satisfaction,
            solution: t.solution.clone(),
            title: t.title.clone(),
            supplier_ref: t.supplier_ref.clone(),
            satisfaction_remark: t.satisfaction_remark.clone(),
        })
    }
}
