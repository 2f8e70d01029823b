//! The shapes records have on disk, as types of their own: the domain's types may change
//! (a field, a variant, its order), a record once written does not. Every version that was ever
//! written is kept here as it was; the current one converts to and from the domain, and
//! `migrate` brings the older ones forward. Nothing here uses a domain type's serde.
//!
//! The instants of a record are a type parameter: text (RFC 3339) before ticket version 3 and
//! journal version 2, seconds and nanoseconds since.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::routing::RoutingDecision;
use crate::domain::sla::{SlaClock, SlaDuration};
use crate::domain::ticket::{Channel, Event, JournalEntry, SlaLayer};
use crate::domain::{Priority, Status, Ticket, TicketKind};

/// An instant as a record holds it.
pub trait At: Serialize + DeserializeOwned + Copy {
    fn of(t: DateTime<Utc>) -> Self;
    fn utc(self) -> DateTime<Utc>;
}

/// Seconds and nanoseconds since the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Secs(i64, u32);

impl At for Secs {
    fn of(t: DateTime<Utc>) -> Self {
        Secs(t.timestamp(), t.timestamp_subsec_nanos())
    }
    fn utc(self) -> DateTime<Utc> {
        // Written from a valid instant; a damaged one reads as the epoch rather than panicking.
        DateTime::from_timestamp(self.0, self.1).unwrap_or_default()
    }
}

/// RFC 3339 text, as the first versions wrote instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(DateTime<Utc>);

impl At for Text {
    fn of(t: DateTime<Utc>) -> Self {
        Text(t)
    }
    fn utc(self) -> DateTime<Utc> {
        self.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        crate::domain::instant::parse(&s)
            .map(Text)
            .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not an RFC 3339 instant")))
    }
}

fn opt<A: At>(t: Option<DateTime<Utc>>) -> Option<A> {
    t.map(A::of)
}

fn utc<A: At>(t: Option<A>) -> Option<DateTime<Utc>> {
    t.map(A::utc)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KindRec {
    Incident,
    Request,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusRec {
    New,
    Assigned,
    InProgress,
    WaitingOnSupplier,
    WaitingOnCaller,
    Resolved,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriorityRec {
    P1,
    P2,
    P3,
    P4,
}

/// Whole opening days, then business seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationRec(u32, i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingRec {
    pub supplier: Option<String>,
    pub contract: Option<String>,
    pub explanation: String,
    pub overridden: bool,
}

/// A clock as ticket versions 1 to 3 wrote it: before it kept its due instant at the stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockV3<A> {
    pub target: DurationRec,
    pub target_secs: i64,
    pub started_at: Option<A>,
    pub counted: i64,
    pub running_since: Option<A>,
    pub stopped_at: Option<A>,
    pub breached_at: Option<A>,
}

/// A clock since ticket version 4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockV4 {
    pub target: DurationRec,
    pub target_secs: i64,
    pub started_at: Option<Secs>,
    pub counted: i64,
    pub running_since: Option<Secs>,
    pub stopped_at: Option<Secs>,
    pub breached_at: Option<Secs>,
    pub due_at_stop: Option<Secs>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerRec<C> {
    pub calendar: String,
    pub response: C,
    pub resolution: C,
}

/// A ticket as version 1 wrote it (instants as text): before satisfaction at closure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketV1 {
    pub id: u64,
    pub version: u64,
    pub kind: KindRec,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub service: String,
    pub impact: u8,
    pub urgency: u8,
    pub priority: PriorityRec,
    pub status: StatusRec,
    pub assignee: Option<String>,
    pub routing: RoutingRec,
    pub supplier_ref: Option<String>,
    pub created_at: Text,
    pub created_by: String,
    pub updated_at: Text,
    pub updated_by: String,
    pub first_response_at: Option<Text>,
    pub dispatched_at: Option<Text>,
    pub resolved_at: Option<Text>,
    pub closed_at: Option<Text>,
    pub reopened: u32,
    pub helpdesk: LayerRec<ClockV3<Text>>,
    pub supplier_sla: Option<LayerRec<ClockV3<Text>>>,
    pub sla_due: Option<Text>,
    pub journal_len: u32,
}

/// A ticket as versions 2 (instants as text) and 3 (as seconds) wrote it: before the
/// supplier's own events (its response, "solved", reopens).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketV3<A> {
    pub id: u64,
    pub version: u64,
    pub kind: KindRec,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub service: String,
    pub impact: u8,
    pub urgency: u8,
    pub priority: PriorityRec,
    pub status: StatusRec,
    pub assignee: Option<String>,
    pub routing: RoutingRec,
    pub supplier_ref: Option<String>,
    pub created_at: A,
    pub created_by: String,
    pub updated_at: A,
    pub updated_by: String,
    pub first_response_at: Option<A>,
    pub dispatched_at: Option<A>,
    pub resolved_at: Option<A>,
    pub closed_at: Option<A>,
    pub reopened: u32,
    pub satisfaction: Option<u8>,
    pub satisfaction_remark: Option<String>,
    pub helpdesk: LayerRec<ClockV3<A>>,
    pub supplier_sla: Option<LayerRec<ClockV3<A>>>,
    pub sla_due: Option<A>,
    pub journal_len: u32,
}

/// A ticket as version 4 writes it: the current record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketV4 {
    pub id: u64,
    pub version: u64,
    pub kind: KindRec,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub service: String,
    pub impact: u8,
    pub urgency: u8,
    pub priority: PriorityRec,
    pub status: StatusRec,
    pub assignee: Option<String>,
    pub routing: RoutingRec,
    pub supplier_ref: Option<String>,
    pub created_at: Secs,
    pub created_by: String,
    pub updated_at: Secs,
    pub updated_by: String,
    pub first_response_at: Option<Secs>,
    pub dispatched_at: Option<Secs>,
    pub resolved_at: Option<Secs>,
    pub closed_at: Option<Secs>,
    pub reopened: u32,
    pub supplier_response_at: Option<Secs>,
    pub supplier_solved_at: Option<Secs>,
    pub supplier_reopened: u32,
    pub with_supplier: bool,
    pub satisfaction: Option<u8>,
    pub satisfaction_remark: Option<String>,
    pub helpdesk: LayerRec<ClockV4>,
    pub supplier_sla: Option<LayerRec<ClockV4>>,
    pub sla_due: Option<Secs>,
    pub journal_len: u32,
}

/// A ticket as version 5 writes it: version 4's record, then what solved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketV5 {
    pub ticket: TicketV4,
    pub solution: Option<String>,
}

/// A ticket as version 6 writes it: version 5's record, then its caller on file, major
/// incident and link, first-contact resolution, call-back moment and anonymisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketV6 {
    pub ticket: TicketV5,
    pub caller_id: Option<u64>,
    pub major: bool,
    pub linked_to: Option<u64>,
    pub first_contact: bool,
    pub waiting_until: Option<Secs>,
    pub anonymised: bool,
}

/// A caller as version 1 writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallerV1 {
    pub id: u64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub participant: String,
    pub location: Option<String>,
    pub directory_id: Option<String>,
}

/// A journal entry: version 1 (instants as text) and version 2 (as seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRec<A> {
    pub at: A,
    pub by: String,
    pub event: EventRec,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventRec {
    Created {
        routing: String,
    },
    Note {
        text: String,
    },
    Contact {
        channel: ChannelRec,
        text: String,
    },
    SupplierReply {
        text: String,
    },
    SupplierSolved {
        text: String,
    },
    StatusChanged {
        from: StatusRec,
        to: StatusRec,
    },
    Reopened {
        from: StatusRec,
    },
    Assigned {
        from: Option<String>,
        to: Option<String>,
    },
    PriorityChanged {
        from: PriorityRec,
        to: PriorityRec,
    },
    SupplierRef {
        from: Option<String>,
        to: String,
    },
    RoutingOverridden {
        from: String,
        to: String,
        reason: String,
    },
    Satisfaction {
        score: u8,
        remark: Option<String>,
    },
    /// Since ticket version 5; journals of version 2 without it read as they were.
    Solution {
        text: String,
    },
    /// Since ticket version 6, as are the ones below.
    MajorIncident {
        on: bool,
    },
    Linked {
        from: Option<u64>,
        to: Option<u64>,
    },
    ResolvedWithMajor {
        major: u64,
    },
    WaitingUntil {
        until: Option<Secs>,
    },
    Anonymised,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChannelRec {
    Call,
    Email,
    Reply,
}

/// Pairs of a domain type and its record that convert both ways, variant for variant.
macro_rules! same_variants {
    ($($dom:ident <=> $rec:ident { $($v:ident),* })*) => {$(
        impl From<$dom> for $rec {
            fn from(x: $dom) -> Self {
                match x { $($dom::$v => $rec::$v,)* }
            }
        }
        impl From<$rec> for $dom {
            fn from(x: $rec) -> Self {
                match x { $($rec::$v => $dom::$v,)* }
            }
        }
    )*};
}

same_variants! {
    TicketKind <=> KindRec { Incident, Request }
    Status <=> StatusRec { New, Assigned, InProgress, WaitingOnSupplier, WaitingOnCaller, Resolved, Closed }
    Priority <=> PriorityRec { P1, P2, P3, P4 }
    Channel <=> ChannelRec { Call, Email, Reply }
}

impl From<SlaDuration> for DurationRec {
    fn from(d: SlaDuration) -> Self {
        DurationRec(d.business_days, d.seconds)
    }
}

impl From<DurationRec> for SlaDuration {
    fn from(d: DurationRec) -> Self {
        SlaDuration { business_days: d.0, seconds: d.1 }
    }
}

impl From<&RoutingDecision> for RoutingRec {
    fn from(r: &RoutingDecision) -> Self {
        RoutingRec {
            supplier: r.supplier.clone(),
            contract: r.contract.clone(),
            explanation: r.explanation.clone(),
            overridden: r.overridden,
        }
    }
}

impl From<RoutingRec> for RoutingDecision {
    fn from(r: RoutingRec) -> Self {
        RoutingDecision {
            supplier: r.supplier,
            contract: r.contract,
            explanation: r.explanation,
            overridden: r.overridden,
        }
    }
}

impl From<&SlaClock> for ClockV4 {
    fn from(c: &SlaClock) -> Self {
        ClockV4 {
            target: c.target.into(),
            target_secs: c.target_secs,
            started_at: opt(c.started_at),
            counted: c.counted,
            running_since: opt(c.running_since),
            stopped_at: opt(c.stopped_at),
            breached_at: opt(c.breached_at),
            due_at_stop: opt(c.due_at_stop),
        }
    }
}

impl From<ClockV4> for SlaClock {
    fn from(c: ClockV4) -> Self {
        SlaClock {
            target: c.target.into(),
            target_secs: c.target_secs,
            started_at: utc(c.started_at),
            counted: c.counted,
            running_since: utc(c.running_since),
            stopped_at: utc(c.stopped_at),
            breached_at: utc(c.breached_at),
            due_at_stop: utc(c.due_at_stop),
        }
    }
}

impl From<&SlaLayer> for LayerRec<ClockV4> {
    fn from(l: &SlaLayer) -> Self {
        LayerRec { calendar: l.calendar.clone(), response: (&l.response).into(), resolution: (&l.resolution).into() }
    }
}

impl From<LayerRec<ClockV4>> for SlaLayer {
    fn from(l: LayerRec<ClockV4>) -> Self {
        SlaLayer { calendar: l.calendar, response: l.response.into(), resolution: l.resolution.into() }
    }
}

impl From<&Ticket> for TicketV4 {
    fn from(t: &Ticket) -> Self {
        TicketV4 {
            id: t.id,
            version: t.version,
            kind: t.kind.into(),
            title: t.title.clone(),
            description: t.description.clone(),
            caller: t.caller.clone(),
            participant: t.participant.clone(),
            service: t.service.clone(),
            impact: t.impact,
            urgency: t.urgency,
            priority: t.priority.into(),
            status: t.status.into(),
            assignee: t.assignee.clone(),
            routing: (&t.routing).into(),
            supplier_ref: t.supplier_ref.clone(),
            created_at: Secs::of(t.created_at),
            created_by: t.created_by.clone(),
            updated_at: Secs::of(t.updated_at),
            updated_by: t.updated_by.clone(),
            first_response_at: opt(t.first_response_at),
            dispatched_at: opt(t.dispatched_at),
            resolved_at: opt(t.resolved_at),
            closed_at: opt(t.closed_at),
            reopened: t.reopened,
            supplier_response_at: opt(t.supplier_response_at),
            supplier_solved_at: opt(t.supplier_solved_at),
            supplier_reopened: t.supplier_reopened,
            with_supplier: t.with_supplier,
            satisfaction: t.satisfaction,
            satisfaction_remark: t.satisfaction_remark.clone(),
            helpdesk: (&t.helpdesk).into(),
            supplier_sla: t.supplier_sla.as_ref().map(Into::into),
            sla_due: opt(t.sla_due),
            journal_len: t.journal_len,
        }
    }
}

impl From<TicketV4> for Ticket {
    fn from(t: TicketV4) -> Self {
        Ticket {
            id: t.id,
            version: t.version,
            kind: t.kind.into(),
            title: t.title,
            description: t.description,
            caller: t.caller,
            participant: t.participant,
            service: t.service,
            impact: t.impact,
            urgency: t.urgency,
            priority: t.priority.into(),
            status: t.status.into(),
            assignee: t.assignee,
            routing: t.routing.into(),
            supplier_ref: t.supplier_ref,
            created_at: t.created_at.utc(),
            created_by: t.created_by,
            updated_at: t.updated_at.utc(),
            updated_by: t.updated_by,
            first_response_at: utc(t.first_response_at),
            dispatched_at: utc(t.dispatched_at),
            resolved_at: utc(t.resolved_at),
            closed_at: utc(t.closed_at),
            reopened: t.reopened,
            supplier_response_at: utc(t.supplier_response_at),
            supplier_solved_at: utc(t.supplier_solved_at),
            supplier_reopened: t.supplier_reopened,
            with_supplier: t.with_supplier,
            satisfaction: t.satisfaction,
            satisfaction_remark: t.satisfaction_remark,
            solution: None,
            helpdesk: t.helpdesk.into(),
            supplier_sla: t.supplier_sla.map(Into::into),
            sla_due: utc(t.sla_due),
            journal_len: t.journal_len,
            caller_id: None,
            major: false,
            linked_to: None,
            first_contact: false,
            waiting_until: None,
            anonymised: false,
        }
    }
}

impl From<&Ticket> for TicketV5 {
    fn from(t: &Ticket) -> Self {
        TicketV5 { ticket: t.into(), solution: t.solution.clone() }
    }
}

impl From<TicketV5> for Ticket {
    fn from(t: TicketV5) -> Self {
        Ticket { solution: t.solution, ..t.ticket.into() }
    }
}

impl From<&Ticket> for TicketV6 {
    fn from(t: &Ticket) -> Self {
        TicketV6 {
            ticket: t.into(),
            caller_id: t.caller_id,
            major: t.major,
            linked_to: t.linked_to,
            first_contact: t.first_contact,
            waiting_until: opt(t.waiting_until),
            anonymised: t.anonymised,
        }
    }
}

impl From<TicketV6> for Ticket {
    fn from(t: TicketV6) -> Self {
        Ticket {
            caller_id: t.caller_id,
            major: t.major,
            linked_to: t.linked_to,
            first_contact: t.first_contact,
            waiting_until: utc(t.waiting_until),
            anonymised: t.anonymised,
            ..t.ticket.into()
        }
    }
}

impl From<&crate::domain::caller::Caller> for CallerV1 {
    fn from(c: &crate::domain::caller::Caller) -> Self {
        let c = c.clone();
        CallerV1 {
            id: c.id,
            name: c.name,
            phone: c.phone,
            email: c.email,
            participant: c.participant,
            location: c.location,
            directory_id: c.directory_id,
        }
    }
}

impl From<CallerV1> for crate::domain::caller::Caller {
    fn from(c: CallerV1) -> Self {
        crate::domain::caller::Caller {
            id: c.id,
            name: c.name,
            phone: c.phone,
            email: c.email,
            participant: c.participant,
            location: c.location,
            directory_id: c.directory_id,
        }
    }
}

impl From<&Event> for EventRec {
    fn from(e: &Event) -> Self {
        let e = e.clone();
        match e {
            Event::Created { routing } => EventRec::Created { routing },
            Event::Note { text } => EventRec::Note { text },
            Event::Contact { channel, text } => EventRec::Contact { channel: channel.into(), text },
            Event::SupplierReply { text } => EventRec::SupplierReply { text },
            Event::SupplierSolved { text } => EventRec::SupplierSolved { text },
            Event::StatusChanged { from, to } => EventRec::StatusChanged { from: from.into(), to: to.into() },
            Event::Reopened { from } => EventRec::Reopened { from: from.into() },
            Event::Assigned { from, to } => EventRec::Assigned { from, to },
            Event::PriorityChanged { from, to } => EventRec::PriorityChanged { from: from.into(), to: to.into() },
            Event::SupplierRef { from, to } => EventRec::SupplierRef { from, to },
            Event::RoutingOverridden { from, to, reason } => EventRec::RoutingOverridden { from, to, reason },
            Event::Satisfaction { score, remark } => EventRec::Satisfaction { score, remark },
            Event::Solution { text } => EventRec::Solution { text },
            Event::MajorIncident { on } => EventRec::MajorIncident { on },
            Event::Linked { from, to } => EventRec::Linked { from, to },
            Event::ResolvedWithMajor { major } => EventRec::ResolvedWithMajor { major },
            Event::WaitingUntil { until } => EventRec::WaitingUntil { until: opt(until) },
            Event::Anonymised => EventRec::Anonymised,
        }
    }
}

impl From<EventRec> for Event {
    fn from(e: EventRec) -> Self {
        match e {
            EventRec::Created { routing } => Event::Created { routing },
            EventRec::Note { text } => Event::Note { text },
            EventRec::Contact { channel, text } => Event::Contact { channel: channel.into(), text },
            EventRec::SupplierReply { text } => Event::SupplierReply { text },
            EventRec::SupplierSolved { text } => Event::SupplierSolved { text },
            EventRec::StatusChanged { from, to } => Event::StatusChanged { from: from.into(), to: to.into() },
            EventRec::Reopened { from } => Event::Reopened { from: from.into() },
            EventRec::Assigned { from, to } => Event::Assigned { from, to },
            EventRec::PriorityChanged { from, to } => Event::PriorityChanged { from: from.into(), to: to.into() },
            EventRec::SupplierRef { from, to } => Event::SupplierRef { from, to },
            EventRec::RoutingOverridden { from, to, reason } => Event::RoutingOverridden { from, to, reason },
            EventRec::Satisfaction { score, remark } => Event::Satisfaction { score, remark },
            EventRec::Solution { text } => Event::Solution { text },
            EventRec::MajorIncident { on } => Event::MajorIncident { on },
            EventRec::Linked { from, to } => Event::Linked { from, to },
            EventRec::ResolvedWithMajor { major } => Event::ResolvedWithMajor { major },
            EventRec::WaitingUntil { until } => Event::WaitingUntil { until: utc(until) },
            EventRec::Anonymised => Event::Anonymised,
        }
    }
}

impl From<&JournalEntry> for EntryRec<Secs> {
    fn from(e: &JournalEntry) -> Self {
        EntryRec { at: Secs::of(e.at), by: e.by.clone(), event: (&e.event).into() }
    }
}

impl<A: At> From<EntryRec<A>> for JournalEntry {
    fn from(e: EntryRec<A>) -> Self {
        JournalEntry { at: e.at.utc(), by: e.by, event: e.event.into() }
    }
}
