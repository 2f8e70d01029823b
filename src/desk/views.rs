//! What queries return: plain, serializable views for the UI, the CLI and `--json`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::sla::{ClockLevel, ClockPhase, ClockState, SlaDuration};
use crate::domain::ticket::{Channel, Event, JournalEntry, LayerView, SlaLayer, SlaView};
use crate::domain::{Priority, Status, Ticket, TicketKind};
use crate::i18n::{date, t};
use crate::tr;

/// One page of a list, and whether more follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub offset: usize,
    pub limit: usize,
    pub more: bool,
}

/// A ticket in a list: what the queue shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketRow {
    pub id: u64,
    pub version: u64,
    pub priority: Priority,
    pub status: Status,
    pub title: String,
    pub participant: String,
    pub service: String,
    pub supplier: Option<String>,
    pub assignee: Option<String>,
    #[serde(with = "crate::domain::instant")]
    pub created_at: DateTime<Utc>,
    /// The worst level of any clock.
    pub sla_level: ClockLevel,
    /// The level of the clock that comes due first (the one `sla_due` and `sla_left` are of).
    pub due_level: ClockLevel,
    /// Some clock has breached (running or decided): recorded for good.
    pub breached: bool,
    pub sla_paused: bool,
    /// The nearest deadline of a running clock: the queue's order.
    #[serde(with = "crate::domain::instant::option")]
    pub sla_due: Option<DateTime<Utc>>,
    /// Business seconds left on the clock that comes due first.
    pub sla_left: Option<i64>,
    /// A major incident.
    pub major: bool,
    /// The major incident it is one of the calls about.
    pub linked_to: Option<u64>,
    /// Waiting on the caller until then.
    #[serde(with = "crate::domain::instant::option")]
    pub call_back_at: Option<DateTime<Utc>>,
    /// That moment has come, by the desk's clock: call them back now.
    pub call_back_due: bool,
}

impl TicketRow {
    /// The row as it stands at `now`, the desk's clock (the clocks in `sla` are read at it).
    pub fn new(t: &Ticket, sla: &SlaView, now: DateTime<Utc>) -> Self {
        let urgent = sla.most_urgent();
        TicketRow {
            id: t.id,
            version: t.version,
            priority: t.priority,
            status: t.status,
            title: t.title.clone(),
            participant: t.participant.clone(),
            service: t.service.clone(),
            supplier: t.routing.supplier.clone(),
            assignee: t.assignee.clone(),
            created_at: t.created_at,
            sla_level: sla.level(),
            due_level: urgent.map_or(ClockLevel::Ok, |c| c.level),
            breached: sla.breached(),
            sla_paused: sla.paused(),
            sla_due: urgent.and_then(|c| c.due),
            sla_left: urgent.map(|c| c.left),
            major: t.major,
            linked_to: t.linked_to,
            call_back_at: t.waiting_until,
            call_back_due: t.call_back_due(now),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClockView {
    pub target: String,
    pub phase: ClockPhase,
    pub level: ClockLevel,
    /// Business seconds counted so far.
    pub elapsed: i64,
    pub left: i64,
    #[serde(with = "crate::domain::instant::option")]
    pub due: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub breached_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerClocks {
    pub calendar: String,
    pub response: ClockView,
    pub resolution: ClockView,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaClocks {
    pub helpdesk: LayerClocks,
    pub supplier: Option<LayerClocks>,
}

fn clock(state: &ClockState, target: SlaDuration, breached_at: Option<DateTime<Utc>>) -> ClockView {
    ClockView {
        target: target.to_string(),
        phase: state.phase,
        level: state.level,
        elapsed: state.elapsed,
        left: state.left,
        due: state.due,
        // A running clock past its target breached at its due instant, recorded or not yet.
        breached_at: breached_at.or(state.due.filter(|_| state.level == ClockLevel::Breached)),
    }
}

fn layer(view: &LayerView, layer: &SlaLayer) -> LayerClocks {
    LayerClocks {
        calendar: view.calendar.clone(),
        response: clock(&view.response, layer.response.target, layer.response.breached_at),
        resolution: clock(&view.resolution, layer.resolution.target, layer.resolution.breached_at),
    }
}

/// A whole ticket with its clocks and journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketDetail {
    pub id: u64,
    pub version: u64,
    pub kind: TicketKind,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub participant_name: Option<String>,
    pub service: String,
    pub impact: u8,
    pub urgency: u8,
    pub priority: Priority,
    pub status: Status,
    pub assignee: Option<String>,
    pub supplier: Option<String>,
    pub contract: Option<String>,
    pub routing: String,
    pub routing_overridden: bool,
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
    #[serde(with = "crate::domain::instant::option")]
    pub supplier_response_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub supplier_solved_at: Option<DateTime<Utc>>,
    /// Times it went back to the supplier after coming back to the helpdesk.
    pub supplier_reopened: u32,
    pub satisfaction: Option<u8>,
    pub satisfaction_remark: Option<String>,
    /// What solved it (for a resolved or closed ticket).
    pub solution: Option<String>,
    pub sla_level: ClockLevel,
    pub sla: SlaClocks,
    pub journal: Vec<JournalEntry>,
    /// The caller's record, when they are on file.
    pub caller_id: Option<u64>,
    pub major: bool,
    pub linked_to: Option<u64>,
    /// Solved while the caller was on the line, by the helpdesk alone.
    pub first_contact: bool,
    #[serde(with = "crate::domain::instant::option")]
    pub call_back_at: Option<DateTime<Utc>>,
    /// For a major incident: the calls linked to it, with whom to inform.
    pub linked: Vec<LinkedCall>,
}

/// A call linked to a major incident, and how to reach its caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedCall {
    pub id: u64,
    pub status: Status,
    pub title: String,
    pub participant: String,
    pub caller: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[serde(with = "crate::domain::instant::option")]
    pub resolved_at: Option<DateTime<Utc>>,
}

impl TicketDetail {
    pub fn new(t: &Ticket, sla: &SlaView, participant_name: Option<String>, journal: Vec<JournalEntry>) -> Self {
        TicketDetail {
            id: t.id,
            version: t.version,
            kind: t.kind,
            title: t.title.clone(),
            description: t.description.clone(),
            caller: t.caller.clone(),
            participant: t.participant.clone(),
            participant_name,
            service: t.service.clone(),
            impact: t.impact,
            urgency: t.urgency,
            priority: t.priority,
            status: t.status,
            assignee: t.assignee.clone(),
            supplier: t.routing.supplier.clone(),
            contract: t.routing.contract.clone(),
            routing: t.routing.explanation.clone(),
            routing_overridden: t.routing.overridden,
            supplier_ref: t.supplier_ref.clone(),
            created_at: t.created_at,
            created_by: t.created_by.clone(),
            updated_at: t.updated_at,
            updated_by: t.updated_by.clone(),
            first_response_at: t.first_response_at,
            dispatched_at: t.dispatched_at,
            resolved_at: t.resolved_at,
            closed_at: t.closed_at,
            reopened: t.reopened,
            supplier_response_at: t.supplier_response_at,
            supplier_solved_at: t.supplier_solved_at,
            supplier_reopened: t.supplier_reopened,
            satisfaction: t.satisfaction,
            satisfaction_remark: t.satisfaction_remark.clone(),
            solution: t.solution.clone(),
            sla_level: sla.level(),
            sla: SlaClocks {
                helpdesk: layer(&sla.helpdesk, &t.helpdesk),
                supplier: match (&sla.supplier, &t.supplier_sla) {
                    (Some(v), Some(l)) => Some(layer(v, l)),
                    _ => None,
                },
            },
            journal,
            caller_id: t.caller_id,
            major: t.major,
            linked_to: t.linked_to,
            first_contact: t.first_contact,
            call_back_at: t.waiting_until,
            linked: Vec::new(),
        }
    }
}

/// One line for a journal event, as agents read it; moments in the helpdesk's zone `tz`.
pub fn describe(e: &Event, tz: chrono_tz::Tz) -> String {
    let nobody = || t("journal-nobody");
    match e {
        Event::Created { routing } => tr!("journal-logged", routing = crate::present::routing_text(routing)),
        Event::Note { text } => tr!("journal-note", text = text.as_str()),
        Event::Contact { channel, text } => match channel {
            Channel::Call => tr!("journal-call", text = text.as_str()),
            Channel::Email => tr!("journal-email", text = text.as_str()),
            Channel::Reply => tr!("journal-reply", text = text.as_str()),
        },
        Event::SupplierReply { text } => tr!("journal-supplier-replied", text = text.as_str()),
        Event::SupplierSolved { text } => tr!("journal-supplier-solved", text = text.as_str()),
        Event::StatusChanged { from, to } => tr!("journal-status", from = from.name(), to = to.name()),
        Event::Reopened { from } => tr!("journal-reopened", from = from.name()),
        Event::Assigned { from, to } => {
            tr!("journal-assigned", from = from.clone().unwrap_or_else(nobody), to = to.clone().unwrap_or_else(nobody))
        }
        Event::PriorityChanged { from, to } => tr!("journal-priority", from = from.to_string(), to = to.to_string()),
        Event::SupplierRef { from, to } => match from {
            Some(f) => tr!("journal-supplier-ref-changed", from = f.as_str(), to = to.as_str()),
            None => tr!("journal-supplier-ref", to = to.as_str()),
        },
        Event::RoutingOverridden { from, to, reason } => {
            // A ticket that had no supplier is recorded as "unrouted": said in the reader's words.
            let from = if from == "unrouted" { t("unrouted") } else { from.clone() };
            tr!("journal-routing-overridden", from = from, to = to.as_str(), reason = reason.as_str())
        }
        Event::Satisfaction { score, remark } => {
            tr!("journal-satisfaction", score = *score, remark = remark.as_deref().unwrap_or(""))
        }
        Event::Solution { text } => tr!("journal-solution", text = text.as_str()),
        Event::MajorIncident { on: true } => t("journal-major-on"),
        Event::MajorIncident { on: false } => t("journal-major-off"),
        Event::Linked { to: Some(m), .. } => tr!("journal-linked", major = *m),
        Event::Linked { from, to: None } => match from {
            Some(m) => tr!("journal-unlinked-from", major = *m),
            None => t("journal-unlinked"),
        },
        Event::ResolvedWithMajor { major } => tr!("journal-resolved-with-major", major = *major),
        Event::WaitingUntil { until: Some(u) } => {
            tr!("journal-call-back-at", when = date(&u.with_timezone(&tz), "%a %Y-%m-%d %H:%M %:z"))
        }
        Event::WaitingUntil { until: None } => t("journal-no-call-back"),
        Event::Anonymised => t("journal-anonymised"),
    }
}
