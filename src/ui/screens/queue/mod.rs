//! The queue: the open tickets of a view, most urgent first, filtered as the agent types.

pub mod view;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::moved;
use crate::desk::views::TicketRow;
use crate::desk::{AssigneeFilter, LevelFilter, TicketQuery};
use crate::domain::Status;
use crate::ui::action::Action;
use crate::ui::prompt::{Prompt, PromptKind};
use crate::ui::state::{Screen, State};
use crate::ui::update::Effect;

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
    /// As the title line shows it.
    pub fn name(self) -> String {
        match self {
            View::Open => crate::i18n::t("queue-view-open"),
            View::Mine => crate::i18n::t("queue-view-mine"),
            View::Unassigned => crate::i18n::t("queue-view-unassigned"),
            View::AtRisk => crate::i18n::t("queue-view-at-risk"),
            View::WaitingOnSupplier => crate::i18n::t("queue-view-waiting-on-supplier"),
            View::Supplier => crate::i18n::t("queue-view-supplier"),
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

    /// The column's stable name (in English, whatever the language: tests and scripts read it);
    /// `label` is what the screen shows.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Urgency => "SLA urgency", // i18n: stable (the sort name tests read)
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

    /// The column as the screen names it, in the agent's language.
    pub fn label(self) -> String {
        match self {
            Sort::Urgency => crate::i18n::t("queue-sort-urgency"),
            Sort::Priority => crate::i18n::t("queue-sort-priority"),
            Sort::Age => crate::i18n::t("queue-sort-age"),
            Sort::Status => crate::i18n::t("queue-sort-status"),
            Sort::Supplier => crate::i18n::t("queue-sort-supplier"),
            Sort::Assignee => crate::i18n::t("queue-sort-assignee"),
            Sort::Participant => crate::i18n::t("queue-sort-participant"),
            Sort::Service => crate::i18n::t("queue-sort-service"),
            Sort::Id => crate::i18n::t("queue-sort-id"),
            Sort::Title => crate::i18n::t("queue-sort-title"),
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
    /// The server has answered once: until then no rows does not mean no tickets.
    pub loaded: bool,
}

/// Rows the queue asks for at once: sorting and filtering work on these.
pub const QUEUE_ROWS: usize = 500;

impl State {
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
            // A term whose value is still being typed (`supplier:`) filters nothing yet.
            if value.is_empty() {
                continue;
            }
            let value = filter_value(value);
            match filter_term(name) {
                "status" => {
                    if let Ok(s) = status_of(value) {
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
                // A term this filter does not know is an error (see `filter_error`), not text.
                name if !name.is_empty() && name.chars().all(char::is_alphabetic) => {}
                _ => words.push(term),
            }
        }
        if !words.is_empty() {
            q.text = Some(words.join(" "));
        }
        q
    }

    /// What is wrong with the filter typed, if anything: an unknown `name:` term, or a value a
    /// known term cannot take.
    pub fn filter_error(&self) -> Option<String> {
        for term in self.queue.filter.split_whitespace() {
            let Some((name, value)) = term.split_once(':') else { continue };
            let value = filter_value(value);
            let bad = match filter_term(name) {
                "status" => status_of(value).err(),
                "prio" | "priority" => value
                    .to_uppercase()
                    .parse::<crate::domain::Priority>()
                    .err()
                    .map(|_| crate::tr!("queue-filter-bad-priority", value = format!("{value:?}"))),
                "supplier" | "participant" | "service" | "assignee" => None,
                name if !name.is_empty() && name.chars().all(char::is_alphabetic) => Some(crate::tr!(
                    "queue-filter-unknown-term",
                    term = name,
                    terms = crate::i18n::t("queue-filter-terms")
                )),
                _ => None,
            };
            if bad.is_some() {
                return bad;
            }
        }
        None
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
        crate::present::queue_order(rows);
    }
}

/// A filter term in the words of the agent's language too (`leverancier:` is `supplier:`).
fn filter_term(name: &str) -> &str {
    match name {
        "leverancier" => "supplier",
        "deelnemer" => "participant",
        "dienst" => "service",
        "behandelaar" => "assignee",
        "prioriteit" => "prio",
        other => other,
    }
}

/// A filter value in the agent's language too (`niemand` is `none`, `ik` is `me`).
fn filter_value(value: &str) -> &str {
    match value {
        "niemand" => "none",
        "ik" => "me",
        other => other,
    }
}

/// A status by its stable name, or as the agent's language shows it (spaces as `_` or `-`).
fn status_of(value: &str) -> Result<Status, String> {
    value.parse().or_else(|why| {
        let typed = value.to_lowercase().replace(['_', '-'], " ");
        Status::ALL.into_iter().find(|s| crate::present::status_name(*s).to_lowercase() == typed).ok_or(why)
    })
}

/// What a key of the queue does; `None` for an action of another screen.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            s.queue.selected = moved(s.queue.selected, s.queue.rows.len(), action);
        }
        Action::Open => {
            let id = s.selected_row()?.id;
            s.screens.push(Screen::Ticket);
            s.scroll = 0;
            if s.ticket.as_ref().is_some_and(|t| t.id != id) {
                s.ticket = None;
            }
            return Some(vec![Effect::LoadTicket(id)]);
        }
        Action::Filter => s.queue.filtering = true,
        Action::SortNext => {
            s.sort = s.sort.next();
            s.sort_rows();
            s.message = Some(crate::tr!("queue-sorted-by", sort = s.sort.label()));
        }
        Action::ViewOpen
        | Action::ViewMine
        | Action::ViewUnassigned
        | Action::ViewAtRisk
        | Action::ViewWaitingOnSupplier => {
            s.view = match action {
                Action::ViewMine => View::Mine,
                Action::ViewUnassigned => View::Unassigned,
                Action::ViewAtRisk => View::AtRisk,
                Action::ViewWaitingOnSupplier => View::WaitingOnSupplier,
                _ => View::Open,
            };
            s.queue.selected = 0;
            return Some(vec![Effect::LoadQueue(s.queue_query())]);
        }
        Action::ViewSupplier => return Some(next_supplier_view(s)),
        Action::GoTo => {
            s.prompt = Some(Prompt { kind: PromptKind::GoTo, text: String::new(), version: 0 });
        }
        _ => return None,
    }
    Some(vec![])
}

/// The selected ticket's supplier's view; again: the next supplier's.
fn next_supplier_view(s: &mut State) -> Vec<Effect> {
    let suppliers: Vec<String> =
        s.registry.as_ref().map(|r| r.suppliers().iter().map(|x| x.name.clone()).collect()).unwrap_or_default();
    let next = match (&s.view, &s.view_supplier) {
        (View::Supplier, Some(now)) => {
            let at = suppliers.iter().position(|x| x == now).map_or(0, |i| (i + 1) % suppliers.len().max(1));
            suppliers.get(at).cloned()
        }
        _ => s.selected_row().and_then(|r| r.supplier.clone()).or_else(|| suppliers.first().cloned()),
    };
    let Some(next) = next else { return vec![] };
    s.message = Some(crate::tr!("queue-view-of-supplier", supplier = next.as_str()));
    s.view = View::Supplier;
    s.view_supplier = Some(next);
    s.queue.selected = 0;
    vec![Effect::LoadQueue(s.queue_query())]
}

/// Enter keeps the filter, esc clears it; the line editor has the other keys.
pub fn on_filter_key(s: &mut State, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Enter => {
            s.queue.filtering = false;
            vec![]
        }
        KeyCode::Esc => {
            s.queue.filtering = false;
            s.queue.filter.clear();
            filter_changed(s)
        }
        _ => vec![],
    }
}

/// The queue follows the filter as it is typed.
pub fn filter_changed(s: &mut State) -> Vec<Effect> {
    s.message = s.filter_error();
    s.queue.selected = 0;
    vec![Effect::LoadQueue(s.queue_query())]
}
