//! Ticket lists: filtered, ordered by SLA urgency, one page at a time; and the search of all
//! history by words.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::views::{Page, TicketRow};
use super::{Desk, DeskError};
use crate::domain::sla::ClockLevel;
use crate::domain::{Priority, Status, Ticket};
use crate::store::IndexScan;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AssigneeFilter {
    Agent(String),
    Unassigned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LevelFilter {
    /// At least one clock breached.
    Breaching,
    /// At least one clock at warning or breached.
    AtRisk,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TicketQuery {
    pub statuses: Vec<Status>,
    pub assignee: Option<AssigneeFilter>,
    pub supplier: Option<String>,
    pub participant: Option<String>,
    pub service: Option<String>,
    pub priority: Option<Priority>,
    pub level: Option<LevelFilter>,
    /// Words that must all occur in the title, description, caller or supplier reference.
    pub text: Option<String>,
    /// Resolved and closed tickets too.
    pub include_done: bool,
    pub limit: usize,
    pub offset: usize,
}

impl Default for TicketQuery {
    fn default() -> Self {
        TicketQuery {
            statuses: Vec::new(),
            assignee: None,
            supplier: None,
            participant: None,
            service: None,
            priority: None,
            level: None,
            text: None,
            include_done: false,
            limit: 50,
            offset: 0,
        }
    }
}

/// The supplier filter's own name for "no supplier" (no real name can hold a NUL).
const UNROUTED: &str = "\u{0}unrouted";

impl Desk {
    /// One page of tickets, most urgent first (open tickets by their nearest SLA deadline).
    pub fn list_tickets(&self, q: &TicketQuery) -> Result<Page<TicketRow>, DeskError> {
        let reg = self.registry();
        let now = self.now();
        // "unrouted" (when no supplier is called so) asks for the tickets without a supplier.
        // An empty name filters nothing (a term still being typed), rather than every ticket
        // without one.
        let named = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
        let (q_supplier, q_participant, q_service) = (named(&q.supplier), named(&q.participant), named(&q.service));
        // As `resolve_supplier` reads it; a name it does not know filters as typed (the queue's
        // filter is typed letter by letter: an unknown name is an empty queue, not an error).
        let supplier = q_supplier.as_deref().map(|s| match super::tickets::resolve_supplier(&reg, s) {
            Ok(Some(name)) => name,
            Ok(None) => UNROUTED.to_string(),
            Err(_) => s.to_string(),
        });
        let participant = q_participant
            .as_deref()
            .map(|p| reg.participant_named(p).map(|x| x.code.clone()).unwrap_or_else(|| p.to_string()));
        let service =
            q_service.as_deref().map(|s| reg.service(s).map(|x| x.name.clone()).unwrap_or_else(|| s.to_string()));
        let words: Vec<String> = q.text.as_deref().unwrap_or("").split_whitespace().map(str::to_lowercase).collect();
        // The most selective index that the query names.
        let scan = if !q.statuses.is_empty() {
            IndexScan::statuses(&q.statuses)
        } else if let Some(a) = &q.assignee {
            IndexScan::assignee(
                match a {
                    AssigneeFilter::Agent(n) => Some(n.as_str()),
                    AssigneeFilter::Unassigned => None,
                },
                q.include_done,
            )
        } else if let Some(s) = supplier.as_ref().filter(|s| *s != UNROUTED) {
            IndexScan::supplier(s, q.include_done)
        } else if let Some(p) = &participant {
            IndexScan::participant(p, q.include_done)
        } else {
            IndexScan::by_due(q.include_done)
        };
        let mut page =
            Page { items: Vec::with_capacity(q.limit.min(1000)), offset: q.offset, limit: q.limit, more: false };
        let mut skipped = 0;
        // The open queue filtered by words or priority: from memory, when the server has read the
        // open tickets ahead; the index would walk every open ticket to find the few that match.
        let plain_queue = q.statuses.is_empty()
            && q.assignee.is_none()
            && supplier.is_none()
            && participant.is_none()
            && !q.include_done;
        let in_memory = (plain_queue && (!words.is_empty() || q.priority.is_some()))
            .then(|| self.store.open_matching(&words, q.priority))
            .flatten();
        let ids: Box<dyn Iterator<Item = Result<u64, crate::store::StoreError>>> = match in_memory {
            Some(ids) => Box::new(ids),
            None => Box::new(self.store.scan(&scan)),
        };
        for id in ids {
            let id = id?;
            // Filtering as the agent types: the search texts of open tickets are kept, so most
            // tickets are ruled out without being read.
            if (!words.is_empty() || q.priority.is_some())
                && self.store.text_matches(id, &words, q.priority) == Some(false)
            {
                continue;
            }
            let Some(t) = self.store.shared_ticket(id)? else {
                continue;
            };
            if !matches(&t, q, supplier.as_deref(), participant.as_deref(), service.as_deref(), &words) {
                continue;
            }
            let sla = t.sla(now, &reg);
            let level = sla.level();
            match q.level {
                Some(LevelFilter::Breaching) if level < ClockLevel::Breached => continue,
                Some(LevelFilter::AtRisk) if level < ClockLevel::Warning => continue,
                _ => {}
            }
            if skipped < q.offset {
                skipped += 1;
                continue;
            }
            if page.items.len() == q.limit {
                page.more = true;
                break;
            }
            page.items.push(TicketRow::new(&t, &sla, now));
        }
        Ok(page)
    }
}

fn matches(
    t: &Ticket,
    q: &TicketQuery,
    supplier: Option<&str>,
    participant: Option<&str>,
    service: Option<&str>,
    words: &[String],
) -> bool {
    if !q.include_done && q.statuses.is_empty() && !t.status.is_open() {
        return false;
    }
    if !q.statuses.is_empty() && !q.statuses.contains(&t.status) {
        return false;
    }
    match &q.assignee {
        Some(AssigneeFilter::Agent(a)) if !t.assignee.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(a)) => {
            return false;
        }
        Some(AssigneeFilter::Unassigned) if t.assignee.is_some() => return false,
        _ => {}
    }
    let routed_to = t.routing.supplier.as_deref();
    let wrong_supplier = |s: &str| match s {
        UNROUTED => routed_to.is_some(),
        s => !routed_to.is_some_and(|x| x.eq_ignore_ascii_case(s)),
    };
    if supplier.is_some_and(wrong_supplier) {
        return false;
    }
    if participant.is_some_and(|p| !t.participant.eq_ignore_ascii_case(p)) {
        return false;
    }
    if service.is_some_and(|s| !t.service.eq_ignore_ascii_case(s)) {
        return false;
    }
    if q.priority.is_some_and(|p| p != t.priority) {
        return false;
    }
    if !words.is_empty() {
        let hay = t.search_text();
        if !words.iter().all(|w| hay.contains(w.as_str())) {
            return false;
        }
    }
    true
}

/// A search of all tickets, open and closed, by the words they hold.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Words that must all occur (each also as the start of a longer word).
    pub words: String,
    pub participant: Option<String>,
    pub service: Option<String>,
    pub supplier: Option<String>,
    /// Logged in `[from, to)`.
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: usize,
}

/// How many of the newest matches a search ranks: the best of these come first.
pub const SEARCH_RANKED: usize = 1_000;

impl Desk {
    /// Every ticket, open or closed, holding all the words in its title, description, journal,
    /// caller, the supplier's reference or solution: those with more of the words in their title
    /// first, newest first among equals (of the newest [`SEARCH_RANKED`] matches).
    pub fn search_tickets(&self, q: &SearchQuery) -> Result<Page<TicketRow>, DeskError> {
        // Every part typed counts: a part too short to search by is said, not dropped.
        if let Some(part) = crate::domain::words::too_short(&q.words) {
            return Err(DeskError::Refused(crate::tr!(
                "desk-search-too-short",
                part = format!("{part:?}"),
                n = crate::domain::words::SHORTEST
            )));
        }
        let words: Vec<String> = crate::domain::words::words(&q.words).collect();
        if words.is_empty() {
            return Err(DeskError::Refused(crate::tr!("desk-search-no-words", n = crate::domain::words::SHORTEST)));
        }
        if let (Some(from), Some(to)) = (q.from, q.to)
            && to <= from
        {
            return Err(DeskError::Refused(crate::i18n::t("desk-period-backwards")));
        }
        let reg = self.registry();
        // As the queue's filter: a supplier by name or alias, or "unrouted"; another name is
        // refused with the nearest.
        let supplier = q
            .supplier
            .as_deref()
            .map(|s| super::tickets::resolve_supplier(&reg, s).map(|x| x.unwrap_or_else(|| UNROUTED.to_string())))
            .transpose()?;
        let participant = q.participant.as_deref().map(|p| super::tickets::resolve_participant(&reg, p)).transpose()?;
        let service = q.service.as_deref().map(|s| super::tickets::resolve_service(&reg, s)).transpose()?;
        let same = |a: &str, b: &str| crate::domain::registry::key(a) == crate::domain::registry::key(b);
        let filtered =
            supplier.is_some() || participant.is_some() || service.is_some() || q.from.is_some() || q.to.is_some();
        let check = |id: u64| -> Result<bool, crate::store::StoreError> {
            if !filtered {
                return Ok(true);
            }
            let Some(t) = self.store.scanned_ticket(id)? else { return Ok(false) };
            let routed = |s: &str| match t.routing.supplier.as_deref() {
                None => s == UNROUTED,
                Some(x) => same(x, s),
            };
            Ok(supplier.as_deref().is_none_or(routed)
                && participant.as_deref().is_none_or(|p| same(&t.participant, p))
                && service.as_deref().is_none_or(|s| same(&t.service, s))
                && q.from.is_none_or(|f| t.created_at >= f)
                && q.to.is_none_or(|to| t.created_at < to))
        };
        // A ticket that cannot be read is said, not skipped.
        let mut failed = None;
        let mut keep = |id: u64| match check(id) {
            Ok(kept) => kept,
            Err(e) => {
                failed.get_or_insert(e);
                false
            }
        };
        let (mut found, more) = self.store.search_words(&words, SEARCH_RANKED, &mut keep)?;
        if let Some(e) = failed {
            return Err(e.into());
        }
        found.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        let now = self.now();
        let limit = if q.limit == 0 { 50 } else { q.limit };
        let mut page = Page { items: Vec::new(), offset: 0, limit, more: more || found.len() > limit };
        for (id, _) in found.into_iter().take(limit) {
            if let Some(t) = self.store.shared_ticket(id)? {
                page.items.push(TicketRow::new(&t, &t.sla(now, &reg), now));
            }
        }
        Ok(page)
    }
}
