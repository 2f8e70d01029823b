//! Reading records written by earlier versions: each old shape is read as it was written and
//! brought forward one version at a time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::routing::RoutingDecision;
use crate::domain::sla::{ClockPhase, SlaClock, SlaDuration};
use crate::domain::ticket::{SlaLayer, TicketKind};
use crate::domain::{Priority, Status, Ticket};

/// A ticket as version 1 wrote it: before satisfaction was recorded at closure.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TicketV1 {
    pub id: u64,
    pub version: u64,
    pub kind: TicketKind,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub service: String,
    pub impact: u8,
    pub urgency: u8,
    pub priority: Priority,
    pub status: Status,
    pub assignee: Option<String>,
    pub routing: RoutingDecision,
    pub supplier_ref: Option<String>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    pub first_response_at: Option<DateTime<Utc>>,
    pub dispatched_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reopened: u32,
    pub helpdesk: LayerV3,
    pub supplier_sla: Option<LayerV3>,
    pub sla_due: Option<DateTime<Utc>>,
    pub journal_len: u32,
}

/// A ticket as versions 2 and 3 wrote it: before the supplier's own events (its response,
/// "solved", reopens) and before clocks kept their due instant at the stop.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TicketV3 {
    pub id: u64,
    pub version: u64,
    pub kind: TicketKind,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub service: String,
    pub impact: u8,
    pub urgency: u8,
    pub priority: Priority,
    pub status: Status,
    pub assignee: Option<String>,
    pub routing: RoutingDecision,
    pub supplier_ref: Option<String>,
    #[serde(with = "crate::domain::instant")]
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    #[serde(with = "crate::domain::instant")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    #[serde(with = "crate::domain::instant::option")]
    pub first_response_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub dispatched_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub resolved_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub closed_at: Option<DateTime<Utc>>,
    pub reopened: u32,
    pub satisfaction: Option<u8>,
    pub satisfaction_remark: Option<String>,
    pub helpdesk: LayerV3,
    pub supplier_sla: Option<LayerV3>,
    #[serde(with = "crate::domain::instant::option")]
    pub sla_due: Option<DateTime<Utc>>,
    pub journal_len: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LayerV3 {
    pub calendar: String,
    pub response: ClockV3,
    pub resolution: ClockV3,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClockV3 {
    pub target: SlaDuration,
    pub target_secs: i64,
    #[serde(with = "crate::domain::instant::option")]
    pub started_at: Option<DateTime<Utc>>,
    pub counted: i64,
    #[serde(with = "crate::domain::instant::option")]
    pub running_since: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub stopped_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub breached_at: Option<DateTime<Utc>>,
}

fn clock_v3(c: ClockV3) -> SlaClock {
    SlaClock {
        target: c.target,
        target_secs: c.target_secs,
        started_at: c.started_at,
        counted: c.counted,
        running_since: c.running_since,
        stopped_at: c.stopped_at,
        // A met clock's due at its stop was not kept; a breached one's is its breach.
        due_at_stop: c.stopped_at.and(c.breached_at),
        breached_at: c.breached_at,
    }
}

fn layer_v3(l: LayerV3) -> SlaLayer {
    SlaLayer { calendar: l.calendar, response: clock_v3(l.response), resolution: clock_v3(l.resolution) }
}

pub fn ticket_v1(t: TicketV1) -> Ticket {
    ticket_v3(TicketV3 {
        id: t.id,
        version: t.version,
        kind: t.kind,
        title: t.title,
        description: t.description,
        caller: t.caller,
        participant: t.participant,
        service: t.service,
        impact: t.impact,
        urgency: t.urgency,
        priority: t.priority,
        status: t.status,
        assignee: t.assignee,
        routing: t.routing,
        supplier_ref: t.supplier_ref,
        created_at: t.created_at,
        created_by: t.created_by,
        updated_at: t.updated_at,
        updated_by: t.updated_by,
        first_response_at: t.first_response_at,
        dispatched_at: t.dispatched_at,
        resolved_at: t.resolved_at,
        closed_at: t.closed_at,
        reopened: t.reopened,
        satisfaction: None,
        satisfaction_remark: None,
        helpdesk: t.helpdesk,
        supplier_sla: t.supplier_sla,
        sla_due: t.sla_due,
        journal_len: t.journal_len,
    })
}

pub fn ticket_v3(t: TicketV3) -> Ticket {
    let supplier_sla = t.supplier_sla.map(layer_v3);
    // Version 3 stopped the supplier's response on its reference or reply, and on resolve: a stop
    // is an answer when a reference is known, or when it is not the (only) resolve's.
    let answered = |stopped_at: Option<DateTime<Utc>>| {
        t.supplier_ref.is_some() || (stopped_at != t.resolved_at && t.reopened == 0)
    };
    let supplier_response_at = supplier_sla
        .as_ref()
        .filter(|l| l.response.phase() == ClockPhase::Stopped && answered(l.response.stopped_at))
        .and_then(|l| l.response.stopped_at);
    Ticket {
        id: t.id,
        version: t.version,
        kind: t.kind,
        title: t.title,
        description: t.description,
        caller: t.caller,
        participant: t.participant,
        service: t.service,
        impact: t.impact,
        urgency: t.urgency,
        priority: t.priority,
        status: t.status,
        assignee: t.assignee,
        routing: t.routing,
        supplier_ref: t.supplier_ref,
        created_at: t.created_at,
        created_by: t.created_by,
        updated_at: t.updated_at,
        updated_by: t.updated_by,
        first_response_at: t.first_response_at,
        dispatched_at: t.dispatched_at,
        resolved_at: t.resolved_at,
        closed_at: t.closed_at,
        reopened: t.reopened,
        supplier_response_at,
        supplier_solved_at: None,
        supplier_reopened: 0,
        with_supplier: t.status == Status::WaitingOnSupplier,
        satisfaction: t.satisfaction,
        satisfaction_remark: t.satisfaction_remark,
        helpdesk: layer_v3(t.helpdesk),
        supplier_sla,
        sla_due: t.sla_due,
        journal_len: t.journal_len,
    }
}
