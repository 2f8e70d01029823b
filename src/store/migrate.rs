//! Reading records written by earlier versions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::routing::RoutingDecision;
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
    pub helpdesk: SlaLayer,
    pub supplier_sla: Option<SlaLayer>,
    pub sla_due: Option<DateTime<Utc>>,
    pub journal_len: u32,
}

pub fn ticket_v1(t: TicketV1) -> Ticket {
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
        satisfaction: None,
        satisfaction_remark: None,
        helpdesk: t.helpdesk,
        supplier_sla: t.supplier_sla,
        sla_due: t.sla_due,
        journal_len: t.journal_len,
    }
}
