//! The open tickets, in memory: their search texts and priorities, in queue order (SLA due, id).
//! Filtering a large queue as the agent types then runs here, and only the tickets that match
//! are read. Closed tickets are not kept (of those only the version, so that an older read
//! cannot bring one back).

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::RwLock;

use memchr::memmem::Finder;

use crate::domain::{Priority, Ticket};

/// A place in the queue's order: SLA due (none last), then id.
pub type QueueKey = (i64, u64);

#[derive(Default)]
pub struct SearchTexts {
    inner: RwLock<Texts>,
}

#[derive(Default)]
struct Texts {
    /// Each ticket's version, and its place in `open` while it is open.
    known: HashMap<u64, (u64, Option<QueueKey>)>,
    open: BTreeMap<QueueKey, Open>,
    /// Every open ticket is known (the server read them all ahead).
    complete: bool,
}

struct Open {
    text: Box<str>,
    priority: Priority,
}

impl Open {
    fn matches(&self, words: &[Finder], priority: Option<Priority>) -> bool {
        priority.is_none_or(|p| p == self.priority) && words.iter().all(|w| w.find(self.text.as_bytes()).is_some())
    }
}

/// Searchers built once per query, not once per ticket: with a hundred thousand tickets the
/// setup of each search was the larger part of the work.
fn finders(words: &[String]) -> Vec<Finder<'_>> {
    words.iter().map(|w| Finder::new(w.as_bytes())).collect()
}

fn key_of(t: &Ticket) -> QueueKey {
    (t.sla_due.map(|d| d.timestamp()).unwrap_or(i64::MAX), t.id)
}

impl SearchTexts {
    /// Whether an open ticket's text holds every (lowercase) word and it has the priority
    /// asked for; `None` when the ticket is not known here as open.
    pub fn matches(&self, id: u64, words: &[String], priority: Option<Priority>) -> Option<bool> {
        let texts = self.inner.read().unwrap_or_else(|e| e.into_inner());
        let key = texts.known.get(&id)?.1?;
        Some(texts.open.get(&key)?.matches(&finders(words), priority))
    }

    /// Up to `want` open tickets after `after` that match, in queue order, and where the next
    /// call should go on (`None` at the end); `None` until every open ticket is known.
    pub fn open_matching(
        &self,
        words: &[String],
        priority: Option<Priority>,
        after: Option<QueueKey>,
        want: usize,
    ) -> Option<(Vec<u64>, Option<QueueKey>)> {
        let texts = self.inner.read().unwrap_or_else(|e| e.into_inner());
        if !texts.complete {
            return None;
        }
        let from = after.map_or(Bound::Unbounded, Bound::Excluded);
        let words = finders(words);
        let mut found = Vec::new();
        for (key, open) in texts.open.range((from, Bound::Unbounded)) {
            if open.matches(&words, priority) {
                found.push(key.1);
                if found.len() == want {
                    return Some((found, Some(*key)));
                }
            }
        }
        Some((found, None))
    }

    /// A ticket read or written; never replaces a newer version.
    pub fn note(&self, t: &Ticket) {
        let mut texts = self.inner.write().unwrap_or_else(|e| e.into_inner());
        let texts = &mut *texts;
        if let Some((version, key)) = texts.known.get(&t.id) {
            if *version > t.version {
                return;
            }
            if let Some(k) = key {
                texts.open.remove(k);
            }
        }
        let key = t.status.is_open().then(|| key_of(t));
        if let Some(k) = key {
            texts.open.insert(k, Open { text: t.search_text().into(), priority: t.priority });
        }
        texts.known.insert(t.id, (t.version, key));
    }

    /// Every open ticket has been noted.
    pub fn completed(&self) {
        self.inner.write().unwrap_or_else(|e| e.into_inner()).complete = true;
    }

    pub fn clear(&self) {
        *self.inner.write().unwrap_or_else(|e| e.into_inner()) = Texts::default();
    }
}
