//! Recently read tickets, decoded. Queues are read over and over (every agent's screen, every
//! colleague's change), and decoding a ticket cost more than everything else in a page.
//!
//! Two generations approximate least-recently-used: hits in the old one move to the young one,
//! and when the young one is full it becomes the old one. Entries only ever move to a higher
//! version, so a reader that decoded a ticket just before a write cannot put the old one back.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::domain::Ticket;

/// Tickets per generation: at most twice this many are kept (about 1 KiB each).
const GENERATION: usize = 10_000;

#[derive(Default)]
pub struct TicketCache {
    inner: Mutex<Generations>,
}

#[derive(Default)]
struct Generations {
    young: HashMap<u64, Arc<Ticket>>,
    old: HashMap<u64, Arc<Ticket>>,
    /// Bumped by `clear`, so that a read from before a restore is not kept after it.
    epoch: u64,
}

impl TicketCache {
    pub fn get(&self, id: u64) -> Option<Arc<Ticket>> {
        let mut g = self.lock();
        if let Some(t) = g.young.get(&id) {
            return Some(t.clone());
        }
        let t = g.old.remove(&id)?;
        g.keep(t.clone());
        Some(t)
    }

    /// The epoch to pass to [`TicketCache::offer`] for a ticket read from the store after this.
    pub fn epoch(&self) -> u64 {
        self.lock().epoch
    }

    /// A ticket read from the store; kept unless the cache already knows a newer one.
    pub fn offer(&self, ticket: Arc<Ticket>, epoch: u64) {
        let mut g = self.lock();
        if g.epoch != epoch {
            return;
        }
        let known = g.young.get(&ticket.id).or_else(|| g.old.get(&ticket.id)).map(|t| t.version);
        if known.is_none_or(|v| v < ticket.version) {
            g.keep(ticket);
        }
    }

    /// A ticket just written.
    pub fn written(&self, ticket: Ticket) {
        let mut g = self.lock();
        g.old.remove(&ticket.id);
        g.keep(Arc::new(ticket));
    }

    pub fn clear(&self) {
        let mut g = self.lock();
        g.young.clear();
        g.old.clear();
        g.epoch += 1;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Generations> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Generations {
    fn keep(&mut self, t: Arc<Ticket>) {
        if self.young.len() >= GENERATION && !self.young.contains_key(&t.id) {
            self.old = std::mem::take(&mut self.young);
        }
        self.old.remove(&t.id);
        self.young.insert(t.id, t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TicketKind;
    use crate::domain::registry::file::check_toml;
    use crate::domain::ticket::NewTicket;

    fn ticket(id: u64, version: u64) -> Ticket {
        let new = NewTicket {
            kind: TicketKind::Request,
            title: format!("v{version}"),
            description: String::new(),
            caller: None,
            participant: "ZYL".into(),
            service: "Magister".into(),
            impact: 3,
            urgency: 4,
            caller_id: None,
            link_to: None,
            solution: None,
        };
        let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let reg = check_toml("demo", crate::demo::REGISTRY_TOML).unwrap();
        let (mut t, _) = Ticket::open(id, new, at, "a", &reg).unwrap();
        t.version = version;
        t
    }

    #[test]
    fn a_read_from_before_a_write_is_not_kept_after_it() {
        let cache = TicketCache::default();
        let epoch = cache.epoch();
        let stale = Arc::new(ticket(1, 1));
        cache.written(ticket(1, 2));
        cache.offer(stale, epoch);
        assert_eq!(cache.get(1).unwrap().version, 2);
    }

    #[test]
    fn a_read_from_before_a_clear_is_not_kept_after_it() {
        let cache = TicketCache::default();
        let epoch = cache.epoch();
        cache.clear();
        cache.offer(Arc::new(ticket(1, 1)), epoch);
        assert!(cache.get(1).is_none());
    }

    #[test]
    fn the_young_generation_is_kept_when_the_old_one_goes() {
        let cache = TicketCache::default();
        let e = cache.epoch();
        let t = ticket(0, 1);
        for id in 0..(GENERATION as u64 * 2 + 1) {
            cache.offer(Arc::new(Ticket { id, ..t.clone() }), e);
        }
        assert!(cache.get(0).is_none(), "the oldest went");
        assert!(cache.get(GENERATION as u64 * 2).is_some());
        let g = cache.lock();
        assert!(g.young.len() + g.old.len() <= 2 * GENERATION);
    }
}
