//! The word index of all tickets, open and closed, in memory: for each folded word, the tickets
//! that ever said it (in their own fields or their journal), as sorted ids with a mark for the
//! title. The server reads it in the background after it starts (after the open tickets' texts)
//! and keeps it up to date with every write; a word a ticket once said stays findable (its
//! journal keeps it anyway).
//!
//! Kept in memory rather than in sled: tens of postings per ticket are tens of millions of tiny
//! keys at a million tickets, which sled stores at a great cost in disk and memory (measured: 13
//! GB of memory and 1.3 GB on disk for 100,000 tickets). Here they take four bytes each.

use std::collections::BTreeMap;
use std::sync::RwLock;

use crate::domain::ticket::{JournalEntry, Ticket};
use crate::domain::words::IN_TITLE;

/// How many postings the words a prefix stands for may have together ("1" before every number);
/// past that the prefix is too short to search by.
pub const MOST_POSTINGS: usize = 4_000_000;

/// A posting: the ticket's id shifted left, its lowest bit set when the word is in the title.
type Posting = u32;

#[derive(Default)]
pub struct WordIndex {
    inner: RwLock<Inner>,
}

#[derive(Default)]
struct Inner {
    words: BTreeMap<Box<str>, Vec<Posting>>,
    ready: bool,
    reading: bool,
    /// Counts clears: a read that began before one does not make the index ready.
    generation: u64,
}

/// What a search found: ids with how many of the words stand in their title, newest first.
pub type Found = (Vec<(u64, u32)>, bool);

/// Why a search could not be answered from the index.
pub enum NotYet {
    /// Still being read after the server started.
    Reading,
    /// A word that starts too many others to search by.
    TooBroad(String),
}

impl WordIndex {
    /// Adds what a ticket and some of its journal entries say.
    pub fn note(&self, t: &Ticket, entries: &[JournalEntry]) {
        let Ok(id) = u32::try_from(t.id) else { return };
        let Some(id) = id.checked_mul(2) else { return };
        let mut said = crate::domain::words::of_ticket(t);
        for (w, at) in crate::domain::words::of_journal(entries.iter()) {
            *said.entry(w).or_insert(0) |= at;
        }
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        for (word, at) in said {
            let posting = id | u32::from(at & IN_TITLE != 0);
            let list = inner.words.entry(word.into_boxed_str()).or_default();
            // Ids only grow, so a new ticket goes at the end; a change to an older one finds its place.
            match list.last() {
                Some(&last) if last >> 1 < id >> 1 => list.push(posting),
                None => list.push(posting),
                _ => match list.binary_search_by_key(&(id >> 1), |p| p >> 1) {
                    Ok(i) => list[i] |= posting & 1,
                    Err(i) => list.insert(i, posting),
                },
            }
        }
    }

    /// A read of every ticket begins, unless one is under way or done: its generation.
    fn begin(&self) -> Option<u64> {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if inner.reading || inner.ready {
            return None;
        }
        inner.reading = true;
        Some(inner.generation)
    }

    /// The read of generation `generation` ended; the index is ready if it was complete and
    /// nothing cleared the index meanwhile. Says whether it is ready.
    fn end(&self, generation: u64, complete: bool) -> bool {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if inner.generation == generation {
            inner.reading = false;
            inner.ready = complete;
        }
        inner.ready
    }

    pub fn is_ready(&self) -> bool {
        self.inner.read().unwrap_or_else(|e| e.into_inner()).ready
    }

    /// Whether no read has begun since the index was made or cleared.
    pub fn never_read(&self) -> bool {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        !inner.ready && !inner.reading
    }

    /// Forgets everything (a bulk load replaced the tickets); a read under way will not count.
    pub fn clear(&self) {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        let generation = inner.generation + 1;
        *inner = Inner { generation, ..Inner::default() };
    }

    /// Reads what every ticket and its journal say, here (tools, tests) or on a thread of its
    /// own (the server, after it starts), which stops when `stop` is set (its store closes).
    pub fn read_all(
        self: &std::sync::Arc<Self>,
        tickets: &sled::Tree,
        journal: &sled::Tree,
        stop: &std::sync::Arc<std::sync::atomic::AtomicBool>,
        in_background: bool,
    ) {
        let Some(generation) = self.begin() else { return };
        let (index, tickets, journal, stop) = (self.clone(), tickets.clone(), journal.clone(), stop.clone());
        let read = move || {
            let started = std::time::Instant::now();
            let mut complete = true;
            for entry in tickets.iter() {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    complete = false;
                    break;
                }
                let Ok((k, v)) = entry else {
                    complete = false;
                    break;
                };
                // A ticket that does not decode is left out (and said), not the whole index.
                let Ok(t) = super::encoding::decode_ticket(&v) else {
                    tracing::warn!("ticket key {k:?} does not decode; it is left out of searches");
                    continue;
                };
                let said = journal.get(&k).ok().flatten().and_then(|b| super::encoding::decode_journal(&b).ok());
                index.note(&t, said.as_deref().unwrap_or_default());
            }
            if index.end(generation, complete) {
                tracing::info!(
                    "read the words of {} tickets for searching in {} ms",
                    tickets.len(),
                    started.elapsed().as_millis()
                );
            }
        };
        if in_background {
            std::thread::spawn(read);
        } else {
            read();
        }
    }

    /// Tickets holding every one of `wanted` (folded words, each also as the start of a longer
    /// word), newest first, kept by `keep`; at most `cap`, and whether there are more.
    pub fn search(&self, wanted: &[String], cap: usize, keep: &mut dyn FnMut(u64) -> bool) -> Result<Found, NotYet> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        if !inner.ready {
            return Err(NotYet::Reading);
        }
        // Each word of the query as one sorted list: its own postings, or the union of the
        // postings of every word it starts ("zerm", "cs-5"), each ticket once, title mark kept.
        let mut lists: Vec<std::borrow::Cow<[Posting]>> = Vec::new();
        for w in wanted {
            let mut starting = inner
                .words
                .range::<str, _>((std::ops::Bound::Included(w.as_str()), std::ops::Bound::Unbounded))
                .take_while(|(k, _)| k.starts_with(w.as_str()))
                .map(|(_, v)| v);
            let Some(first) = starting.next() else { return Ok((Vec::new(), false)) };
            let rest: Vec<&Vec<Posting>> = starting.collect();
            if rest.is_empty() {
                lists.push(std::borrow::Cow::Borrowed(first.as_slice()));
                continue;
            }
            if first.len() + rest.iter().map(|l| l.len()).sum::<usize>() > MOST_POSTINGS {
                return Err(NotYet::TooBroad(w.clone()));
            }
            let mut union: Vec<Posting> = first.iter().chain(rest.into_iter().flatten()).copied().collect();
            // By id, the title-marked one last of each, so dedup keeps it.
            union.sort_unstable();
            union.dedup_by(|later, kept| {
                let same = *later >> 1 == *kept >> 1;
                if same {
                    *kept |= *later & 1;
                }
                same
            });
            lists.push(std::borrow::Cow::Owned(union));
        }
        // The rarest word leads; the others are looked up for its tickets only.
        let lead = (0..lists.len()).min_by_key(|&i| lists[i].len()).unwrap_or(0);
        let stands = |list: &[Posting], id: u32| list.binary_search_by_key(&id, |p| p >> 1).ok().map(|i| list[i] & 1);
        let mut out = Vec::new();
        'tickets: for &p in lists[lead].iter().rev() {
            let id = p >> 1;
            let mut score = p & 1;
            for (i, list) in lists.iter().enumerate() {
                if i == lead {
                    continue;
                }
                match stands(list, id) {
                    Some(title) => score += title,
                    None => continue 'tickets,
                }
            }
            if !keep(u64::from(id)) {
                continue;
            }
            if out.len() == cap {
                return Ok((out, true));
            }
            out.push((u64::from(id), score));
        }
        Ok((out, false))
    }
}
