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
    /// The texts, one after another: a filter that matches nothing walks all of them, and
    /// reading one buffer front to back is many times faster than a hundred thousand strings
    /// scattered over the heap.
    arena: Vec<u8>,
    /// Bytes of `arena` no ticket uses any more (changed or closed since).
    garbage: usize,
    /// Every open ticket is known (the server read them all ahead).
    complete: bool,
}

struct Open {
    start: usize,
    len: usize,
    priority: Priority,
}

impl Texts {
    fn matches(&self, o: &Open, words: &[Finder], priority: Option<Priority>) -> bool {
        let text = &self.arena[o.start..o.start + o.len];
        priority.is_none_or(|p| p == o.priority) && words.iter().all(|w| w.find(text).is_some())
    }

    /// Lays the texts out again in queue order, without the garbage.
    fn compact(&mut self) {
        let mut arena = Vec::with_capacity(self.arena.len() - self.garbage);
        for o in self.open.values_mut() {
            let start = arena.len();
            arena.extend_from_slice(&self.arena[o.start..o.start + o.len]);
            o.start = start;
        }
        self.arena = arena;
        self.garbage = 0;
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
        Some(texts.matches(texts.open.get(&key)?, &finders(words), priority))
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
            if texts.matches(open, &words, priority) {
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
            if let Some(old) = key.and_then(|k| texts.open.remove(&k)) {
                texts.garbage += old.len;
            }
        }
        let key = t.status.is_open().then(|| key_of(t));
        if let Some(k) = key {
            let text = t.search_text();
            let start = texts.arena.len();
            texts.arena.extend_from_slice(text.as_bytes());
            texts.open.insert(k, Open { start, len: text.len(), priority: t.priority });
        }
        texts.known.insert(t.id, (t.version, key));
        if texts.garbage > 4096 && texts.garbage > texts.arena.len() / 2 {
            texts.compact();
        }
    }

    /// Every open ticket has been noted.
    pub fn completed(&self) {
        let mut texts = self.inner.write().unwrap_or_else(|e| e.into_inner());
        texts.compact();
        texts.complete = true;
    }

    pub fn clear(&self) {
        *self.inner.write().unwrap_or_else(|e| e.into_inner()) = Texts::default();
    }
}
