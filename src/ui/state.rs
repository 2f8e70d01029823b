//! Everything the screen shows, and nothing else: views draw from this alone.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::intake::Intake;
use crate::desk::views::{TicketDetail, TicketRow};
use crate::desk::{AssigneeFilter, LevelFilter, SupplierCard, TicketQuery};
use crate::domain::registry::lookup::Hit;
use crate::domain::{Registry, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Queue,
    Intake,
    Registry,
    Dashboard,
    Regie,
    Ticket,
    Lookup,
    Help,
}

impl Screen {
    /// The keymap's table for this screen.
    pub fn mode(self) -> super::keymap::Mode {
        use super::keymap::Mode;
        match self {
            Screen::Queue => Mode::Queue,
            Screen::Intake => Mode::Intake,
            Screen::Registry => Mode::Registry,
            Screen::Dashboard => Mode::Dashboard,
            Screen::Regie => Mode::Regie,
            Screen::Ticket => Mode::Ticket,
            Screen::Lookup => Mode::Lookup,
            Screen::Help => Mode::Help,
        }
    }
}

/// The registry screen's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryTab {
    Participants,
    Services,
    Suppliers,
    Contracts,
    Calendars,
}

impl RegistryTab {
    pub const ALL: [RegistryTab; 5] = [
        RegistryTab::Participants,
        RegistryTab::Services,
        RegistryTab::Suppliers,
        RegistryTab::Contracts,
        RegistryTab::Calendars,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RegistryTab::Participants => "participants",
            RegistryTab::Services => "services",
            RegistryTab::Suppliers => "suppliers",
            RegistryTab::Contracts => "contracts",
            RegistryTab::Calendars => "calendars",
        }
    }
}

/// The regie screen's figures: twelve months of supplier scorecards, all suppliers per month,
/// and the contract watch.
#[derive(Debug, Clone)]
pub struct Regie {
    pub year: Vec<crate::domain::report::Scorecard>,
    pub trend: Vec<(String, crate::domain::report::Figures)>,
    pub watch: crate::domain::report::ContractWatch,
}

/// The saved views of the queue, one key each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Open,
    Mine,
    Unassigned,
    AtRisk,
    WaitingOnSupplier,
    /// One supplier's open tickets: `State::view_supplier`.
    Supplier,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Open => "all open",
            View::Mine => "mine",
            View::Unassigned => "unassigned",
            View::AtRisk => "breaching soon",
            View::WaitingOnSupplier => "waiting on supplier",
            View::Supplier => "one supplier",
        }
    }
}

/// Columns the queue can be sorted by; `Urgency` is the server's order (nearest SLA deadline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Urgency,
    Priority,
    Age,
    Status,
    Supplier,
    Assignee,
    Participant,
    Service,
    Id,
    Title,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Urgency => Sort::Priority,
            Sort::Priority => Sort::Age,
            Sort::Age => Sort::Status,
            Sort::Status => Sort::Supplier,
            Sort::Supplier => Sort::Assignee,
            Sort::Assignee => Sort::Participant,
            Sort::Participant => Sort::Service,
            Sort::Service => Sort::Id,
            Sort::Id => Sort::Title,
            Sort::Title => Sort::Urgency,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Sort::Urgency => "SLA urgency",
            Sort::Priority => "priority",
            Sort::Age => "age",
            Sort::Status => "status",
            Sort::Supplier => "supplier",
            Sort::Assignee => "assignee",
            Sort::Participant => "participant",
            Sort::Service => "service",
            Sort::Id => "id",
            Sort::Title => "title",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Queue {
    pub rows: Vec<TicketRow>,
    pub more: bool,
    pub selected: usize,
    pub filter: String,
    pub filtering: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Lookup {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub card: Option<SupplierCard>,
}

/// Text the agent is typing for a change to the open ticket.
#[derive(Debug, Clone, PartialEq)]
pub enum PromptKind {
    Note,
    Reply,
    Call,
    SupplierRef,
    SupplierReply,
    SupplierSolved,
    /// "SUPPLIER: reason".
    Override,
    /// "SCORE remark", the score 1 to 5.
    Satisfaction,
    /// P1 to P4 by its digit.
    Priority,
    /// A colleague's login.
    Assign,
    /// Picks a status by its key in the keymap's `[status]` table; these are allowed now.
    Status(Vec<Status>),
    /// What solved it, before resolving.
    Solution,
    /// Dispatch to the supplier: its reference if it gave one (may be empty), and the ticket
    /// waits on the supplier, in one change.
    Dispatch,
    /// An email to the caller.
    Email,
    /// "IMPACT URGENCY", e.g. "2 3".
    Reclassify,
    /// A ticket's number, to open it whatever its status.
    GoTo,
    /// A change that cannot be taken back lightly: asked once more, `y` to go ahead.
    Confirm {
        question: String,
        changes: Vec<crate::domain::ticket::Change>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// The ticket's version when the agent opened the prompt: a colleague's change since then
    /// makes the desk refuse this one, however long the agent took.
    pub version: u64,
}

#[derive(Debug, Clone)]
pub struct State {
    pub screens: Vec<Screen>,
    pub view: View,
    pub view_supplier: Option<String>,
    pub sort: Sort,
    pub queue: Queue,
    pub ticket: Option<TicketDetail>,
    pub scroll: u16,
    pub lookup: Lookup,
    pub intake: Intake,
    /// For the intake's suggestions and routing preview.
    pub registry: Option<Arc<Registry>>,
    pub dashboard: Option<crate::domain::report::Dashboard>,
    pub regie: Option<Regie>,
    pub registry_tab: RegistryTab,
    pub registry_selected: usize,
    pub prompt: Option<Prompt>,
    /// The first keys of a chord (`g` of `g g`), while the next is awaited.
    pub pending: Vec<super::keymap::Key>,
    /// Text to open in `$EDITOR` when the screen is next let go of (long notes, descriptions).
    pub edit: Option<String>,
    /// Text to put on the agent's clipboard (OSC 52) when the screen is next written.
    pub clipboard: Option<String>,
    /// The last thing that happened, or went wrong, in a line.
    pub message: Option<String>,
    /// Shown over everything while the server cannot be reached.
    pub banner: Option<String>,
    /// The agent's login.
    pub me: String,
    pub now: DateTime<Utc>,
    pub tz: Tz,
    pub quit: bool,
}

/// Rows the queue asks for at once: sorting and filtering work on these.
pub const QUEUE_ROWS: usize = 500;

impl State {
    pub fn new(me: &str, now: DateTime<Utc>, tz: Tz) -> State {
        State {
            screens: vec![Screen::Queue],
            view: View::Open,
            view_supplier: None,
            sort: Sort::Urgency,
            queue: Queue::default(),
            ticket: None,
            scroll: 0,
            lookup: Lookup::default(),
            intake: Intake::default(),
            registry: None,
            dashboard: None,
            regie: None,
            registry_tab: RegistryTab::Participants,
            registry_selected: 0,
            prompt: None,
            pending: Vec::new(),
            clipboard: None,
            edit: None,
            message: None,
            banner: None,
            me: me.to_string(),
            now,
            tz,
            quit: false,
        }
    }

    pub fn screen(&self) -> Screen {
        *self.screens.last().unwrap_or(&Screen::Queue)
    }

    /// How many rows the registry tab shown has.
    pub fn registry_len(&self) -> usize {
        let Some(reg) = &self.registry else { return 0 };
        match self.registry_tab {
            RegistryTab::Participants => reg.participants().len(),
            RegistryTab::Services => reg.services().len(),
            RegistryTab::Suppliers => reg.suppliers().len(),
            RegistryTab::Contracts => reg.contracts().len(),
            RegistryTab::Calendars => reg.file().calendar.len(),
        }
    }

    pub fn selected_row(&self) -> Option<&TicketRow> {
        self.queue.rows.get(self.queue.selected)
    }

    /// The queue's query: its view, and the filter typed (`status:` `supplier:` `assignee:`
    /// `prio:` `participant:` `service:` terms, other words in the text).
    pub fn queue_query(&self) -> TicketQuery {
        let mut q = TicketQuery { limit: QUEUE_ROWS, ..Default::default() };
        match self.view {
            View::Open => {}
            View::Mine => q.assignee = Some(AssigneeFilter::Agent(self.me.clone())),
            View::Unassigned => q.assignee = Some(AssigneeFilter::Unassigned),
            View::AtRisk => q.level = Some(LevelFilter::AtRisk),
            View::WaitingOnSupplier => q.statuses = vec![Status::WaitingOnSupplier],
            View::Supplier => q.supplier = self.view_supplier.clone(),
        }
        let mut words = Vec::new();
        for term in self.queue.filter.split_whitespace() {
            let (name, value) = term.split_once(':').unwrap_or(("", term));
            match name {
                "status" => {
                    if let Ok(s) = value.parse() {
                        q.statuses.push(s);
                    }
                }
                "supplier" => q.supplier = Some(value.to_string()),
                "participant" => q.participant = Some(value.to_string()),
                "service" => q.service = Some(value.to_string()),
                "prio" | "priority" => q.priority = value.to_uppercase().parse().ok(),
                "assignee" => {
                    q.assignee = Some(match value {
                        "none" => AssigneeFilter::Unassigned,
                        "me" => AssigneeFilter::Agent(self.me.clone()),
                        other => AssigneeFilter::Agent(other.to_string()),
                    })
                }
                _ => words.push(term),
            }
        }
        if !words.is_empty() {
            q.text = Some(words.join(" "));
        }
        q
    }

    /// Orders the loaded rows by the chosen column; the server's order breaks ties.
    pub fn sort_rows(&mut self) {
        let key = self.sort;
        let rows = &mut self.queue.rows;
        match key {
            Sort::Urgency => rows.sort_by_key(|r| (r.sla_due.is_none(), r.sla_due, r.id)),
            Sort::Priority => rows.sort_by_key(|r| r.priority),
            Sort::Age => rows.sort_by_key(|r| r.created_at),
            Sort::Status => rows.sort_by_key(|r| r.status),
            Sort::Supplier => rows.sort_by(|a, b| a.supplier.cmp(&b.supplier)),
            Sort::Assignee => rows.sort_by(|a, b| a.assignee.cmp(&b.assignee)),
            Sort::Participant => rows.sort_by(|a, b| a.participant.cmp(&b.participant)),
            Sort::Service => rows.sort_by(|a, b| a.service.cmp(&b.service)),
            Sort::Id => rows.sort_by_key(|r| r.id),
            Sort::Title => rows.sort_by_key(|r| r.title.to_lowercase()),
        }
    }
}
