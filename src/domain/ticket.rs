//! Tickets, their journal, and the rules for changing them (status, SLA clocks, routing).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::registry::{Registry, Targets};
use crate::domain::routing::{self, RoutingDecision};
use crate::domain::sla::{Calendar, ClockLevel, ClockPhase, ClockState, SlaClock};
use crate::domain::{Impact, Priority, Status, Urgency, priority};
use crate::i18n::t;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketKind {
    Incident,
    Request,
}

impl std::str::FromStr for TicketKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "incident" => Ok(TicketKind::Incident),
            "request" => Ok(TicketKind::Request),
            _ => Err(format!("unknown kind {s:?} (expected incident or request)")), // i18n: stable (parsing a name scripts use)
        }
    }
}

/// The two clocks of one SLA layer, on one calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaLayer {
    pub calendar: String,
    pub response: SlaClock,
    pub resolution: SlaClock,
}

impl SlaLayer {
    fn new(calendar: &str, targets: Targets) -> Self {
        Self {
            calendar: calendar.to_string(),
            response: SlaClock::new(targets.response),
            resolution: SlaClock::new(targets.resolve),
        }
    }

    fn clocks_mut(&mut self) -> [&mut SlaClock; 2] {
        [&mut self.response, &mut self.resolution]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: u64,
    /// Bumped by every change; an update based on an older version is a conflict.
    pub version: u64,
    pub kind: TicketKind,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub service: String,
    pub impact: Impact,
    pub urgency: Urgency,
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
    /// When the supplier first answered (its reference or a reply); an answer before dispatch is
    /// moved to the dispatch, and dropped when the ticket goes to another supplier before it.
    #[serde(with = "crate::domain::instant::option")]
    pub supplier_response_at: Option<DateTime<Utc>>,
    /// When the supplier reported it solved; cleared when the ticket goes back to the supplier.
    #[serde(with = "crate::domain::instant::option")]
    pub supplier_solved_at: Option<DateTime<Utc>>,
    /// Times the ticket went back to the supplier after it had come back to the helpdesk.
    pub supplier_reopened: u32,
    /// Whether the ticket is the supplier's to work on (also while it waits on the caller for it).
    pub with_supplier: bool,
    pub satisfaction: Option<u8>,
    pub satisfaction_remark: Option<String>,
    /// What solved it, recorded with the resolve; cleared by a reopen (it did not hold).
    pub solution: Option<String>,
    /// Towards the participant, on the helpdesk's calendar, from creation.
    pub helpdesk: SlaLayer,
    /// Towards the supplier, on the contract's service window, from dispatch.
    pub supplier_sla: Option<SlaLayer>,
    /// When the ticket next needs the desk, for ordering by urgency: the earliest deadline of a
    /// running clock, or the moment to call the caller back.
    #[serde(with = "crate::domain::instant::option")]
    pub sla_due: Option<DateTime<Utc>>,
    pub journal_len: u32,
    /// The caller's record, when the caller is on file.
    #[serde(default)]
    pub caller_id: Option<u64>,
    /// A major incident: the calls about it link to it, and the supplier works on it once.
    #[serde(default)]
    pub major: bool,
    /// The major incident this ticket is one of the calls about.
    #[serde(default)]
    pub linked_to: Option<u64>,
    /// Solved while the caller was on the line, by the helpdesk alone.
    #[serde(default)]
    pub first_contact: bool,
    /// Waiting on the caller until then ("call back Thursday 10:00"): back in the queue, marked.
    #[serde(default, with = "crate::domain::instant::option")]
    pub waiting_until: Option<DateTime<Utc>>,
    /// The caller's personal data was removed after the retention time.
    #[serde(default)]
    pub anonymised: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    #[serde(with = "crate::domain::instant")]
    pub at: DateTime<Utc>,
    pub by: String,
    pub event: Event,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Created {
        routing: String,
    },
    Note {
        text: String,
    },
    /// Contact with the caller; the first one is the response.
    Contact {
        channel: Channel,
        text: String,
    },
    SupplierReply {
        text: String,
    },
    /// The supplier reports it solved: its resolution clock stops.
    SupplierSolved {
        text: String,
    },
    StatusChanged {
        from: Status,
        to: Status,
    },
    Reopened {
        from: Status,
    },
    Assigned {
        from: Option<String>,
        to: Option<String>,
    },
    PriorityChanged {
        from: Priority,
        to: Priority,
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
    /// What solved it.
    Solution {
        text: String,
    },
    /// Marked as a major incident, or no longer.
    MajorIncident {
        on: bool,
    },
    /// Linked to a major incident (or unlinked).
    Linked {
        from: Option<u64>,
        to: Option<u64>,
    },
    /// Resolved because the major incident it is linked to was.
    ResolvedWithMajor {
        major: u64,
    },
    /// Waiting on the caller until then (or no longer until a set moment).
    WaitingUntil {
        #[serde(with = "crate::domain::instant::option")]
        until: Option<DateTime<Utc>>,
    },
    /// The caller's personal data was removed (retention).
    Anonymised,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Call,
    Email,
    Reply,
}

/// What an agent asks of a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Status(Status),
    Assign(Option<String>),
    Priority(Priority),
    Reclassify {
        impact: Impact,
        urgency: Urgency,
    },
    SupplierRef(String),
    Note(String),
    Contact(Channel, String),
    SupplierReply(String),
    SupplierSolved(String),
    OverrideRouting {
        supplier: String,
        reason: String,
    },
    Satisfaction {
        score: u8,
        remark: Option<String>,
    },
    /// What solved it: recorded with the resolve (or after, to correct it).
    Solution(String),
    /// Mark as a major incident (or unmark one without linked tickets).
    Major(bool),
    /// Link to a major incident, or unlink (the desk checks that the major incident is one).
    Link(Option<u64>),
    /// Waiting on the caller until a moment (with the status `waiting_on_caller`), or not.
    WaitUntil(Option<DateTime<Utc>>),
}

/// What is needed to log a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewTicket {
    pub kind: TicketKind,
    pub title: String,
    pub description: String,
    pub caller: Option<String>,
    pub participant: String,
    pub service: String,
    pub impact: Impact,
    pub urgency: Urgency,
    /// The caller's record, when they are on file (the desk fills `caller` from it if empty).
    #[serde(default)]
    pub caller_id: Option<u64>,
    /// The open major incident this call is about.
    #[serde(default)]
    pub link_to: Option<u64>,
    /// Solved on the line: the ticket is logged resolved with this solution (first contact).
    #[serde(default)]
    pub solution: Option<String>,
}

/// A change refused by the rules, with a message for the agent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

fn refuse<T>(why: impl Into<String>) -> Result<T, Refused> {
    Err(Refused(why.into()))
}

/// Both layers' clocks at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaView {
    pub helpdesk: LayerView,
    pub supplier: Option<LayerView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerView {
    pub calendar: String,
    pub response: ClockState,
    pub resolution: ClockState,
}

impl SlaView {
    pub fn clocks(&self) -> impl Iterator<Item = &ClockState> {
        [&self.helpdesk].into_iter().chain(self.supplier.as_ref()).flat_map(|l| [&l.response, &l.resolution])
    }

    /// The worst level of any clock.
    pub fn level(&self) -> ClockLevel {
        self.clocks().map(|c| c.level).max().unwrap_or(ClockLevel::Ok)
    }

    /// The running clock that comes due first (the least business time left among equals): the
    /// queue shows its due instant and time left, and orders by that instant.
    pub fn most_urgent(&self) -> Option<&ClockState> {
        self.clocks().filter(|c| c.phase == ClockPhase::Running).min_by_key(|c| (c.due, c.left))
    }

    /// Whether any clock has breached, running or decided.
    pub fn breached(&self) -> bool {
        self.clocks().any(|c| c.level == ClockLevel::Breached)
    }

    pub fn paused(&self) -> bool {
        self.clocks().any(|c| c.phase == ClockPhase::Paused) && !self.clocks().any(|c| c.phase == ClockPhase::Running)
    }
}

fn calendar<'a>(reg: &'a Registry, name: &str) -> &'a Calendar {
    // A calendar removed from the registry later: count on the helpdesk's own.
    reg.calendar(name).unwrap_or_else(|| reg.helpdesk_calendar())
}

impl Ticket {
    /// Logs a new ticket: priority from the matrix, routing, helpdesk clocks started.
    pub fn open(
        id: u64,
        new: NewTicket,
        at: DateTime<Utc>,
        by: &str,
        reg: &Registry,
    ) -> Result<(Ticket, JournalEntry), Refused> {
        let settings = reg.settings();
        let priority = settings.matrix.priority(new.impact, new.urgency).map_err(Refused)?;
        if new.title.trim().is_empty() {
            return refuse(t("rule-needs-title"));
        }
        let participant = reg
            .participant(&new.participant)
            .ok_or_else(|| Refused(tr!("desk-unknown-participant", given = format!("{:?}", new.participant))))?;
        let service = reg
            .service(&new.service)
            .ok_or_else(|| Refused(tr!("desk-unknown-service", given = format!("{:?}", new.service))))?;
        let routing = routing::route(reg, &participant.code, &service.name, priority, at);
        let mut helpdesk = SlaLayer::new(&settings.helpdesk_calendar, settings.agreement[&priority]);
        let cal = calendar(reg, &helpdesk.calendar);
        for clock in helpdesk.clocks_mut() {
            clock.start(at, cal);
        }
        let supplier_sla = supplier_layer(reg, &routing, priority);
        let mut ticket = Ticket {
            id,
            version: 1,
            kind: new.kind,
            title: new.title.trim().to_string(),
            description: new.description,
            caller: new.caller.filter(|c| !c.trim().is_empty()),
            participant: participant.code.clone(),
            service: service.name.clone(),
            impact: new.impact,
            urgency: new.urgency,
            priority,
            status: Status::New,
            assignee: None,
            routing,
            supplier_ref: None,
            created_at: at,
            created_by: by.to_string(),
            updated_at: at,
            updated_by: by.to_string(),
            first_response_at: None,
            dispatched_at: None,
            resolved_at: None,
            closed_at: None,
            reopened: 0,
            supplier_response_at: None,
            supplier_solved_at: None,
            supplier_reopened: 0,
            with_supplier: false,
            satisfaction: None,
            satisfaction_remark: None,
            solution: None,
            helpdesk,
            supplier_sla,
            sla_due: None,
            journal_len: 1,
            caller_id: new.caller_id,
            major: false,
            linked_to: None,
            first_contact: false,
            waiting_until: None,
            anonymised: false,
        };
        ticket.sla_due = ticket.next_due(reg);
        let entry = JournalEntry {
            at,
            by: by.to_string(),
            event: Event::Created { routing: ticket.routing.explanation.clone() },
        };
        Ok((ticket, entry))
    }

    /// Applies one change at `at` by `by`; returns the journal entries it makes.
    /// On refusal the ticket is unchanged.
    pub fn apply(
        &mut self,
        change: Change,
        at: DateTime<Utc>,
        by: &str,
        reg: &Registry,
    ) -> Result<Vec<JournalEntry>, Refused> {
        let mut next = self.clone();
        let events = next.apply_inner(change, at, reg)?;
        if events.is_empty() {
            return Ok(Vec::new());
        }
        next.version += 1;
        next.updated_at = at;
        next.updated_by = by.to_string();
        next.journal_len += events.len() as u32;
        next.sla_due = next.next_due(reg);
        *self = next;
        Ok(events.into_iter().map(|event| JournalEntry { at, by: by.to_string(), event }).collect())
    }

    /// Applies changes together, all or none. A status that an earlier change of the same
    /// update already brought about (assigning a new ticket makes it `assigned`), or that the
    /// ticket has and keeps while other fields change, is no change. An `assigned` ticket has
    /// someone it is assigned to, whatever the order of the changes.
    pub fn apply_all(
        &mut self,
        changes: Vec<Change>,
        at: DateTime<Utc>,
        by: &str,
        reg: &Registry,
    ) -> Result<Vec<JournalEntry>, Refused> {
        let mut next = self.clone();
        let before = self.status;
        let alone = changes.len() == 1;
        let mut entries = Vec::new();
        for change in changes {
            if let Change::Status(to) = change
                && to == next.status
                && (to != before || !alone)
            {
                continue;
            }
            entries.extend(next.apply(change, at, by, reg)?);
        }
        if next.status == Status::Assigned && next.assignee.is_none() {
            return refuse(t("rule-assigned-needs-agent"));
        }
        *self = next;
        Ok(entries)
    }

    fn apply_inner(&mut self, change: Change, at: DateTime<Utc>, reg: &Registry) -> Result<Vec<Event>, Refused> {
        match change {
            Change::Status(to) => self.change_status(to, at, reg),
            Change::Assign(to) => {
                let to = to.filter(|a| !a.trim().is_empty());
                if to == self.assignee {
                    return Ok(Vec::new());
                }
                self.check_open(|status| tr!("rule-closed-assignee", status = status))?;
                let mut events = vec![Event::Assigned { from: self.assignee.clone(), to: to.clone() }];
                self.assignee = to;
                if self.status == Status::New && self.assignee.is_some() {
                    events.extend(self.change_status(Status::Assigned, at, reg)?);
                }
                // Given back to the pool: no longer assigned to anyone, so new again (as an
                // assignment makes a new ticket assigned; nothing else goes back to new).
                if self.status == Status::Assigned && self.assignee.is_none() {
                    self.status = Status::New;
                    self.sync_clocks(at, reg);
                    events.push(Event::StatusChanged { from: Status::Assigned, to: Status::New });
                }
                Ok(events)
            }
            Change::Reclassify { impact, urgency } => {
                if (impact, urgency) == (self.impact, self.urgency) {
                    return Ok(Vec::new());
                }
                self.check_open(|status| tr!("rule-closed-impact-urgency", status = status))?;
                let p = reg.settings().matrix.priority(impact, urgency).map_err(Refused)?;
                self.impact = impact;
                self.urgency = urgency;
                self.set_priority(p, at, reg)
            }
            Change::Priority(p) => {
                if p != self.priority {
                    self.check_open(|status| tr!("rule-closed-priority", status = status))?;
                }
                self.set_priority(p, at, reg)
            }
            Change::SupplierRef(reference) => {
                let reference = reference.trim().to_string();
                if reference.is_empty() {
                    return refuse(t("rule-supplier-ref-empty"));
                }
                self.may_hear_the_supplier(|m| tr!("rule-supplier-ref-on-major", major = m))?;
                if self.supplier_ref.as_deref() == Some(reference.as_str()) {
                    return Ok(Vec::new());
                }
                // The supplier giving its own number is its response (at dispatch, if known before).
                let from = self.supplier_ref.replace(reference.clone());
                self.supplier_answered(at, reg);
                Ok(vec![Event::SupplierRef { from, to: reference }])
            }
            Change::Note(text) => Ok(vec![Event::Note { text: nonempty(text)? }]),
            Change::Contact(channel, text) => {
                let text = nonempty(text)?;
                if self.first_response_at.is_none() {
                    self.first_response_at = Some(at);
                    self.helpdesk.response.stop(at, calendar(reg, &self.helpdesk.calendar));
                }
                Ok(vec![Event::Contact { channel, text }])
            }
            Change::SupplierReply(text) => {
                let text = nonempty(text)?;
                self.may_hear_the_supplier(|m| tr!("rule-supplier-reply-on-major", major = m))?;
                self.supplier_answered(at, reg);
                Ok(vec![Event::SupplierReply { text }])
            }
            Change::SupplierSolved(text) => self.supplier_solved(nonempty(text)?, at, reg),
            Change::OverrideRouting { supplier, reason } => {
                if reason.trim().is_empty() {
                    return refuse(t("rule-override-needs-reason"));
                }
                self.check_open(|status| tr!("rule-closed-routing", status = status))?;
                let decision =
                    routing::override_to(reg, &self.participant, &self.service, &supplier, self.priority, at)
                        .map_err(Refused)?;
                // Routed there by hand already: nothing changes, and nothing is journaled.
                if self.routing.overridden && decision == self.routing {
                    return Ok(Vec::new());
                }
                let from = self.routing.supplier.clone().unwrap_or_else(|| "unrouted".into());
                let to = decision.supplier.clone().unwrap_or_default();
                self.reroute(decision, at, reg);
                Ok(vec![Event::RoutingOverridden { from, to, reason: reason.trim().to_string() }])
            }
            Change::Satisfaction { score, remark } => {
                if !(1..=5).contains(&score) {
                    return refuse(tr!("rule-satisfaction-range", score = score));
                }
                if !matches!(self.status, Status::Resolved | Status::Closed) {
                    return refuse(t("rule-satisfaction-when"));
                }
                self.satisfaction = Some(score);
                self.satisfaction_remark = remark.clone().filter(|r| !r.trim().is_empty());
                Ok(vec![Event::Satisfaction { score, remark }])
            }
            Change::Solution(text) => {
                let text = nonempty(text)?.trim().to_string();
                if self.status == Status::Closed {
                    return refuse(t("rule-solution-closed"));
                }
                self.solution = Some(text.clone());
                Ok(vec![Event::Solution { text }])
            }
            Change::Major(on) => {
                if on == self.major {
                    return Ok(Vec::new());
                }
                self.check_open(|status| tr!("rule-closed-major-mark", status = status))?;
                if on && let Some(m) = self.linked_to {
                    return refuse(tr!("rule-major-linked", major = m));
                }
                self.major = on;
                Ok(vec![Event::MajorIncident { on }])
            }
            Change::Link(to) => {
                if to == self.linked_to {
                    return Ok(Vec::new());
                }
                self.check_open(|status| tr!("rule-closed-link", status = status))?;
                if let Some(m) = to {
                    if m == self.id {
                        return refuse(t("rule-link-itself"));
                    }
                    if self.major {
                        return refuse(t("rule-link-is-major"));
                    }
                    if self.with_supplier {
                        return refuse(tr!("rule-link-with-supplier", major = m));
                    }
                }
                let from = std::mem::replace(&mut self.linked_to, to);
                Ok(vec![Event::Linked { from, to }])
            }
            Change::WaitUntil(until) => {
                if until == self.waiting_until {
                    return Ok(Vec::new());
                }
                if self.status != Status::WaitingOnCaller {
                    return refuse(t("rule-call-back-needs-waiting"));
                }
                if let Some(u) = until
                    && u <= at
                {
                    return refuse(t("rule-call-back-passed"));
                }
                self.waiting_until = until;
                Ok(vec![Event::WaitingUntil { until }])
            }
        }
    }

    fn change_status(&mut self, to: Status, at: DateTime<Utc>, reg: &Registry) -> Result<Vec<Event>, Refused> {
        let from = self.status;
        if from == to {
            return refuse(tr!("rule-status-already", status = to.name()));
        }
        from.check_transition(to).map_err(Refused)?;
        let reopening = !from.is_open() && to.is_open();
        if reopening && from == Status::Closed {
            let days = reg.settings().reopen_days;
            // A window past the calendar's end never closes (validation keeps it far smaller).
            let until = |c: DateTime<Utc>| Duration::try_days(days.into()).and_then(|d| c.checked_add_signed(d));
            if self.closed_at.and_then(until).is_some_and(|u| at > u) {
                return refuse(tr!("rule-closed-too-long", days = days));
            }
        }
        if to == Status::WaitingOnSupplier
            && let Some(m) = self.linked_to
        {
            return refuse(tr!("rule-dispatch-linked", major = m));
        }
        if to == Status::WaitingOnSupplier && self.routing.supplier.is_none() {
            return refuse(tr!("rule-cannot-dispatch", routing = self.routing.explanation.as_str()));
        }
        let mut events = Vec::new();
        if reopening {
            self.reopened += 1;
            // The solution did not hold: the next resolve says what did.
            self.solution = None;
            self.resolved_at = None;
            self.closed_at = None;
            // Resolution goes on from the time it had; a met response stays met.
            self.helpdesk.resolution.reopen(at);
            events.push(Event::Reopened { from });
        }
        match to {
            Status::WaitingOnSupplier => {
                let redispatch = self.dispatched_at.is_some() && !self.with_supplier;
                self.dispatched_at.get_or_insert(at);
                self.with_supplier = true;
                if redispatch {
                    self.supplier_reopen(at, reg);
                }
            }
            // Waiting on the caller leaves the ticket with whoever has it.
            Status::WaitingOnCaller => {}
            Status::Resolved => {
                self.resolved_at = Some(at);
                self.with_supplier = false;
            }
            Status::Closed => {
                self.closed_at = Some(at);
                self.with_supplier = false;
            }
            Status::New | Status::Assigned | Status::InProgress => self.with_supplier = false,
        }
        self.status = to;
        if to != Status::WaitingOnCaller {
            self.waiting_until = None;
        }
        self.sync_clocks(at, reg);
        events.push(Event::StatusChanged { from, to });
        Ok(events)
    }

    /// Sets every clock's phase from the status: the helpdesk's run while the ticket is open and
    /// not waiting on the caller; the supplier's only while it is with the supplier. Resolving
    /// decides every clock that started.
    fn sync_clocks(&mut self, at: DateTime<Utc>, reg: &Registry) {
        let status = self.status;
        let hd_cal = calendar(reg, &self.helpdesk.calendar);
        for clock in self.helpdesk.clocks_mut() {
            match status {
                Status::Resolved | Status::Closed => clock.stop(at, hd_cal),
                Status::WaitingOnCaller => clock.pause(at, hd_cal),
                _ => clock.resume(at),
            }
        }
        // The supplier answering before dispatch (its reference or a reply) is its response at
        // dispatch, with or without a supplier SLA to charge it against. (A reference with no
        // response instant comes from a ticket stored before replies counted so.)
        let first_dispatch = status == Status::WaitingOnSupplier && self.dispatched_at == Some(at);
        let answered_at_dispatch = first_dispatch
            && match self.supplier_response_at {
                Some(answered) => answered <= at,
                None => self.supplier_ref.is_some(),
            };
        if answered_at_dispatch {
            self.supplier_response_at = Some(at);
        }
        let Some(layer) = &mut self.supplier_sla else {
            return;
        };
        let cal = calendar(reg, &layer.calendar);
        for clock in layer.clocks_mut() {
            match status {
                Status::Resolved | Status::Closed => clock.stop(at, cal),
                Status::WaitingOnSupplier => {
                    clock.start(at, cal);
                    clock.resume(at);
                }
                _ => clock.pause(at, cal),
            }
        }
        if answered_at_dispatch {
            layer.response.stop(at, cal);
        }
    }

    /// A supplier answers (its reference, a reply) on a ticket that has a supplier, and on the
    /// major incident rather than on a call linked to it (`on_major` words that refusal).
    fn may_hear_the_supplier(&self, on_major: impl FnOnce(u64) -> String) -> Result<(), Refused> {
        if self.routing.supplier.is_none() {
            return refuse(t("rule-no-supplier"));
        }
        match self.linked_to {
            Some(m) => refuse(on_major(m)),
            None => Ok(()),
        }
    }

    /// The supplier answered (its reference or a reply): its response. Before dispatch it is
    /// kept, and counts at dispatch (`sync_clocks`).
    fn supplier_answered(&mut self, at: DateTime<Utc>, reg: &Registry) {
        if self.supplier_response_at.is_some() {
            return;
        }
        self.supplier_response_at = Some(at);
        if self.dispatched_at.is_none() {
            return;
        }
        if let Some(layer) = &mut self.supplier_sla {
            layer.response.stop(at, calendar(reg, &layer.calendar));
        }
    }

    fn supplier_solved(&mut self, text: String, at: DateTime<Utc>, reg: &Registry) -> Result<Vec<Event>, Refused> {
        if self.routing.supplier.is_none() {
            return refuse(t("rule-no-supplier"));
        }
        if self.dispatched_at.is_none() {
            return refuse(t("rule-never-dispatched"));
        }
        self.check_open(|status| tr!("rule-closed-supplier-solution", status = status))?;
        if self.supplier_solved_at.is_some() && !self.with_supplier {
            return refuse(t("rule-supplier-solved-already"));
        }
        self.supplier_answered(at, reg);
        self.supplier_solved_at = Some(at);
        self.with_supplier = false;
        if let Some(layer) = &mut self.supplier_sla {
            let cal = calendar(reg, &layer.calendar);
            for clock in layer.clocks_mut() {
                clock.stop(at, cal);
            }
        }
        let mut events = vec![Event::SupplierSolved { text }];
        // The supplier's part is done: the ticket is back with the helpdesk to check and resolve.
        if self.status == Status::WaitingOnSupplier {
            events.extend(self.change_status(Status::InProgress, at, reg)?);
        }
        Ok(events)
    }

    /// Back to the supplier after it came back: the supplier's clocks go on with the time they
    /// had (a resolution decided by "solved" is reopened), on the current priority's targets.
    fn supplier_reopen(&mut self, at: DateTime<Utc>, reg: &Registry) {
        self.supplier_reopened += 1;
        self.supplier_solved_at = None;
        let targets = self.contract_targets(reg, self.priority);
        if let Some(layer) = &mut self.supplier_sla {
            let cal = calendar(reg, &layer.calendar);
            // The resolution goes on (the fix did not hold); a response already decided (met
            // or breached, at a resolve) keeps its verdict, as the helpdesk's does on a reopen.
            layer.resolution.reopen(at);
            if let Some(t) = targets {
                layer.response.retarget(at, t.response, cal, cal);
                layer.resolution.retarget(at, t.resolve, cal, cal);
            }
        }
    }

    fn contract_targets(&self, reg: &Registry, p: Priority) -> Option<Targets> {
        self.routing.contract.as_deref().and_then(|n| reg.contract(n)).and_then(|c| c.sla.get(&p).copied())
    }

    /// Resolved and closed tickets keep what they were decided with; `refusal` words it, given
    /// the status as people read it.
    fn check_open(&self, refusal: impl FnOnce(String) -> String) -> Result<(), Refused> {
        if self.status.is_open() { Ok(()) } else { refuse(refusal(self.status.name())) }
    }

    fn set_priority(&mut self, p: Priority, at: DateTime<Utc>, reg: &Registry) -> Result<Vec<Event>, Refused> {
        if p == self.priority {
            return Ok(Vec::new());
        }
        let settings = reg.settings();
        let hd_cal = calendar(reg, &self.helpdesk.calendar);
        let targets = settings.agreement[&p];
        self.helpdesk.response.retarget(at, targets.response, hd_cal, hd_cal);
        self.helpdesk.resolution.retarget(at, targets.resolve, hd_cal, hd_cal);
        let contract_targets = self.contract_targets(reg, p);
        if let (Some(layer), Some(t)) = (&mut self.supplier_sla, contract_targets) {
            let cal = calendar(reg, &layer.calendar);
            layer.response.retarget(at, t.response, cal, cal);
            layer.resolution.retarget(at, t.resolve, cal, cal);
        }
        if let Some(contract) = self.routing.contract.as_deref().and_then(|n| reg.contract(n))
            && !self.routing.overridden
        {
            self.routing.explanation =
                routing::explain(&self.service, self.routing.supplier.as_deref().unwrap_or(""), contract, p);
        }
        let from = std::mem::replace(&mut self.priority, p);
        Ok(vec![Event::PriorityChanged { from, to: p }])
    }

    /// A new supplier and contract; the supplier clocks keep the time they counted.
    fn reroute(&mut self, decision: RoutingDecision, at: DateTime<Utc>, reg: &Registry) {
        let new_layer = supplier_layer(reg, &decision, self.priority);
        // Another supplier is charged only for its own time: its clocks start when it gets the
        // ticket (now, if it waits on the supplier; else at the next dispatch), and an
        // answer, a "solved" or a supplier reopen of the one before is not its own.
        if decision.supplier != self.routing.supplier {
            self.supplier_response_at = None;
            self.supplier_ref = None;
            self.supplier_solved_at = None;
            self.supplier_reopened = 0;
            // Waiting on the caller, it is not with the new supplier yet: that is the next
            // dispatch.
            self.dispatched_at = (self.status == Status::WaitingOnSupplier).then_some(at);
            self.supplier_sla = new_layer;
            self.routing = decision;
            self.sync_clocks(at, reg);
            return;
        }
        // The same supplier under another contract: the time counted is kept, on the new targets.
        self.supplier_sla = match (self.supplier_sla.take(), new_layer) {
            (Some(mut old), Some(new)) => {
                let (old_cal, new_cal) = (calendar(reg, &old.calendar), calendar(reg, &new.calendar));
                old.response.retarget(at, new.response.target, old_cal, new_cal);
                old.resolution.retarget(at, new.resolution.target, old_cal, new_cal);
                old.calendar = new.calendar;
                Some(old)
            }
            (None, Some(new)) => Some(new),
            (_, None) => None,
        };
        self.routing = decision;
        // A first contract while the ticket is with the supplier starts its clocks now.
        self.sync_clocks(at, reg);
    }

    /// Logs a ticket as [`Ticket::open`] does, with what intake adds: the link to an open major
    /// incident, and a solution given on the line, which logs it resolved at first contact.
    pub fn open_at_intake(
        id: u64,
        new: NewTicket,
        at: DateTime<Utc>,
        by: &str,
        reg: &Registry,
    ) -> Result<(Ticket, Vec<JournalEntry>), Refused> {
        let (link, solution) = (new.link_to, new.solution.clone().filter(|s| !s.trim().is_empty()));
        let (mut t, created) = Ticket::open(id, new, at, by, reg)?;
        let mut entries = vec![created];
        if let Some(m) = link {
            entries.extend(t.apply(Change::Link(Some(m)), at, by, reg)?);
        }
        if let Some(text) = solution {
            let changes = vec![
                // Written in the words of the agent who logged it, as their own notes are.
                Change::Contact(Channel::Call, crate::i18n::t("journal-solved-on-the-line")),
                Change::Solution(text),
                Change::Status(Status::Resolved),
            ];
            entries.extend(t.apply_all(changes, at, by, reg)?);
            t.first_contact = true;
        }
        Ok((t, entries))
    }

    /// Resolves a call linked to major incident `major` with the major incident's solution:
    /// its own clocks are decided now.
    pub fn resolve_with_major(
        &mut self,
        major: u64,
        solution: &str,
        at: DateTime<Utc>,
        by: &str,
        reg: &Registry,
    ) -> Result<Vec<JournalEntry>, Refused> {
        let changes = vec![Change::Solution(solution.to_string()), Change::Status(Status::Resolved)];
        let mut entries = self.apply_all(changes, at, by, reg)?;
        entries.push(JournalEntry { at, by: by.to_string(), event: Event::ResolvedWithMajor { major } });
        self.journal_len += 1;
        Ok(entries)
    }

    /// Whether the caller is to be called back now: the moment set for it has come.
    pub fn call_back_due(&self, now: DateTime<Utc>) -> bool {
        self.status == Status::WaitingOnCaller && self.waiting_until.is_some_and(|u| u <= now)
    }

    /// What a text filter searches, lowercased: title, description, caller, the supplier's
    /// reference, participant, service, supplier, assignee, solution and `#id`.
    pub fn search_text(&self) -> String {
        format!(
            "{} {} {} {} {} {} {} {} {} #{}",
            self.title,
            self.description,
            self.caller.as_deref().unwrap_or(""),
            self.supplier_ref.as_deref().unwrap_or(""),
            self.participant,
            self.service,
            self.routing.supplier.as_deref().unwrap_or(""),
            self.assignee.as_deref().unwrap_or(""),
            self.solution.as_deref().unwrap_or(""),
            self.id
        )
        .to_lowercase()
    }

    /// Both layers as they stand at `at`.
    pub fn sla(&self, at: DateTime<Utc>, reg: &Registry) -> SlaView {
        let warn = reg.settings().warning_at;
        let layer = |l: &SlaLayer| {
            let cal = calendar(reg, &l.calendar);
            LayerView {
                calendar: l.calendar.clone(),
                response: l.response.state(at, cal, warn),
                resolution: l.resolution.state(at, cal, warn),
            }
        };
        SlaView { helpdesk: layer(&self.helpdesk), supplier: self.supplier_sla.as_ref().map(layer) }
    }

    /// The earliest due instant of a running clock (a breached one's is its breach instant).
    fn next_due(&self, reg: &Registry) -> Option<DateTime<Utc>> {
        let layer = |l: &SlaLayer| {
            let cal = calendar(reg, &l.calendar);
            [&l.response, &l.resolution].map(|c| c.due(cal).filter(|_| c.phase() == ClockPhase::Running))
        };
        let mut dues = layer(&self.helpdesk).into_iter().collect::<Vec<_>>();
        if let Some(l) = &self.supplier_sla {
            dues.extend(layer(l));
        }
        // Waiting on the caller until a set moment: back in the queue then.
        dues.push(self.waiting_until.filter(|_| self.status == Status::WaitingOnCaller));
        dues.into_iter().flatten().min()
    }
}

fn supplier_layer(reg: &Registry, routing: &RoutingDecision, p: Priority) -> Option<SlaLayer> {
    let contract = reg.contract(routing.contract.as_deref()?)?;
    Some(SlaLayer::new(&contract.window, *contract.sla.get(&p)?))
}

fn nonempty(text: String) -> Result<String, Refused> {
    if text.trim().is_empty() { refuse(t("rule-text-empty")) } else { Ok(text) }
}

/// Whether an update resolves the ticket without saying what solved it: the desk refuses that
/// (the domain's own history, the demo and the tests may resolve without one).
pub fn resolves_without_solution(before: &Ticket, after: &Ticket) -> bool {
    before.status != Status::Resolved && after.status == Status::Resolved && after.solution.is_none()
}

pub fn check_impact_urgency(impact: Impact, urgency: Urgency) -> Result<(), String> {
    priority::check_impact(impact)?;
    priority::check_urgency(urgency)
}
