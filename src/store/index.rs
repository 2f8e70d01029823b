//! Secondary indexes in one tree. Every key ends in (SLA due, ticket id), so each index yields
//! tickets most urgent first, and several prefixes merge into one ordered stream.
//!
//! ```text
//! S status due id                       by status
//! D lane due id                         every ticket: open lane first, then done
//! A lane assignee 0 due id              by assignee ("" = unassigned)
//! U lane supplier 0 due id              by supplier ("" = unrouted)
//! P lane participant 0 due id           by participant
//! C created id                          by when logged (reports over a period)
//! X dispatched id                       by when dispatched to the supplier
//! L major id                            the tickets linked to a major incident
//! K caller created id                   a caller's tickets, by when logged
//! M lane due id                         major incidents
//! ```

use std::iter::Peekable;

use super::StoreError;
use super::encoding::ordered_i64;
use crate::domain::{Status, Ticket};

/// Open tickets and resolved/closed ones live in separate lanes, so a queue of open tickets
/// never wades through years of closed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Open = 0,
    Done = 1,
}

fn lane(t: &Ticket) -> u8 {
    if t.status.is_open() { Lane::Open as u8 } else { Lane::Done as u8 }
}

fn suffix(t: &Ticket) -> [u8; 16] {
    let due = t.sla_due.map(|d| d.timestamp()).unwrap_or(i64::MAX);
    let mut s = [0u8; 16];
    s[..8].copy_from_slice(&ordered_i64(due));
    s[8..].copy_from_slice(&t.id.to_be_bytes());
    s
}

fn value_key(kind: u8, lane: u8, value: &str) -> Vec<u8> {
    let mut k = vec![kind, lane];
    k.extend(value.to_lowercase().bytes().filter(|&b| b != 0));
    k.push(0);
    k
}

pub fn keys(t: &Ticket) -> Vec<Vec<u8>> {
    let sfx = suffix(t);
    let l = lane(t);
    let mut out = vec![
        vec![b'S', t.status.code()],
        vec![b'D', l],
        value_key(b'A', l, t.assignee.as_deref().unwrap_or("")),
        value_key(b'U', l, t.routing.supplier.as_deref().unwrap_or("")),
        value_key(b'P', l, &t.participant),
    ];
    for k in &mut out {
        k.extend_from_slice(&sfx);
    }
    out.push(time_key(b'C', t.created_at.timestamp(), t.id));
    if let Some(d) = t.dispatched_at {
        out.push(time_key(b'X', d.timestamp(), t.id));
    }
    if let Some(m) = t.linked_to {
        out.push(pair_key(b'L', m, t.id));
    }
    if let Some(c) = t.caller_id {
        let mut k = vec![b'K'];
        k.extend_from_slice(&c.to_be_bytes());
        k.extend_from_slice(&time_key(b'C', t.created_at.timestamp(), t.id)[1..]);
        out.push(k);
    }
    if t.major {
        let mut k = vec![b'M', l];
        k.extend_from_slice(&sfx);
        out.push(k);
    }
    out
}

fn pair_key(kind: u8, a: u64, b: u64) -> Vec<u8> {
    let mut k = vec![kind];
    k.extend_from_slice(&a.to_be_bytes());
    k.extend_from_slice(&b.to_be_bytes());
    k
}

/// The ids at the end of every key under `prefix`, in key order.
fn trailing_ids(tree: &sled::Tree, prefix: Vec<u8>) -> Result<Vec<u64>, StoreError> {
    tree.scan_prefix(prefix)
        .map(|entry| {
            let (key, _) = entry?;
            key[key.len().saturating_sub(8)..]
                .try_into()
                .map(u64::from_be_bytes)
                .map_err(|_| StoreError::Corrupt("short index key".into()))
        })
        .collect()
}

/// The tickets linked to major incident `major`, by id.
pub fn linked_to(tree: &sled::Tree, major: u64) -> Result<Vec<u64>, StoreError> {
    let mut p = vec![b'L'];
    p.extend_from_slice(&major.to_be_bytes());
    trailing_ids(tree, p)
}

/// A caller's tickets, newest first.
pub fn of_caller(tree: &sled::Tree, caller: u64) -> Result<Vec<u64>, StoreError> {
    let mut p = vec![b'K'];
    p.extend_from_slice(&caller.to_be_bytes());
    let mut ids = trailing_ids(tree, p)?;
    ids.reverse();
    Ok(ids)
}

/// The open major incidents, most urgent first.
pub fn open_majors(tree: &sled::Tree) -> Result<Vec<u64>, StoreError> {
    trailing_ids(tree, vec![b'M', Lane::Open as u8])
}

/// Written with the others; a store whose indexes are of an older version is reindexed on open.
pub const INDEX_VERSION: u32 = 3;

fn time_key(kind: u8, secs: i64, id: u64) -> Vec<u8> {
    let mut k = vec![kind];
    k.extend_from_slice(&ordered_i64(secs));
    k.extend_from_slice(&id.to_be_bytes());
    k
}

/// Which instant of a ticket a time range is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Created,
    Dispatched,
}

/// Ids of the tickets logged (or dispatched) at whole seconds in `[from, to)`, in that order.
pub fn ids_between(
    tree: &sled::Tree,
    when: When,
    from: i64,
    to: i64,
) -> impl Iterator<Item = Result<u64, StoreError>> + '_ {
    let kind = match when {
        When::Created => b'C',
        When::Dispatched => b'X',
    };
    tree.range(time_key(kind, from, 0)..time_key(kind, to, 0)).map(|entry| {
        let (key, _) = entry?;
        key[9..].try_into().map(u64::from_be_bytes).map_err(|_| StoreError::Corrupt("short index key".into()))
    })
}

/// Which index entries to read: groups one after another; within a group, prefixes merged by
/// (due, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexScan {
    groups: Vec<Vec<Vec<u8>>>,
}

impl IndexScan {
    fn lanes(include_done: bool) -> Vec<Lane> {
        if include_done { vec![Lane::Open, Lane::Done] } else { vec![Lane::Open] }
    }

    pub fn by_due(include_done: bool) -> Self {
        Self { groups: Self::lanes(include_done).into_iter().map(|l| vec![vec![b'D', l as u8]]).collect() }
    }

    pub fn statuses(statuses: &[Status]) -> Self {
        let (open, done): (Vec<Status>, Vec<Status>) = statuses.iter().partition(|s| s.is_open());
        let group = |list: Vec<Status>| list.into_iter().map(|s| vec![b'S', s.code()]).collect::<Vec<_>>();
        Self { groups: [group(open), group(done)].into_iter().filter(|g| !g.is_empty()).collect() }
    }

    pub fn assignee(name: Option<&str>, include_done: bool) -> Self {
        Self::valued(b'A', name.unwrap_or(""), include_done)
    }

    pub fn supplier(name: &str, include_done: bool) -> Self {
        Self::valued(b'U', name, include_done)
    }

    pub fn participant(code: &str, include_done: bool) -> Self {
        Self::valued(b'P', code, include_done)
    }

    fn valued(kind: u8, value: &str, include_done: bool) -> Self {
        Self { groups: Self::lanes(include_done).into_iter().map(|l| vec![value_key(kind, l as u8, value)]).collect() }
    }
}

/// Every assignee a ticket in `lane` has (lowercased, as indexed), each once: one seek per name,
/// however many tickets each has.
pub fn assignees(tree: &sled::Tree, lane: Lane) -> Result<Vec<String>, StoreError> {
    let mut names = Vec::new();
    let mut from = vec![b'A', lane as u8];
    while let Some(entry) = tree.range(from.clone()..).next() {
        let (key, _) = entry?;
        if key.len() < 3 || key[..2] != [b'A', lane as u8] {
            break;
        }
        let end =
            key[2..].iter().position(|&b| b == 0).map(|p| p + 2).ok_or(StoreError::Corrupt("index key".into()))?;
        if end > 2 {
            names.push(String::from_utf8_lossy(&key[2..end]).into_owned());
        }
        // Past every key of this name: its separator 0 is followed by its tickets.
        from = key[..end].to_vec();
        from.push(1);
    }
    Ok(names)
}

type KeyIter = Peekable<sled::Iter>;

pub fn ids<'a>(tree: &'a sled::Tree, scan: &IndexScan) -> impl Iterator<Item = Result<u64, StoreError>> + 'a {
    let groups: Vec<Vec<KeyIter>> =
        scan.groups.iter().map(|g| g.iter().map(|p| tree.scan_prefix(p).peekable()).collect()).collect();
    groups.into_iter().flat_map(|g| Merge { iters: g })
}

/// A k-way merge of index iterators by their (due, id) suffix.
struct Merge {
    iters: Vec<KeyIter>,
}

fn tail(key: &[u8]) -> &[u8] {
    &key[key.len().saturating_sub(16)..]
}

impl Iterator for Merge {
    type Item = Result<u64, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut best: Option<(usize, sled::IVec)> = None;
        for (i, it) in self.iters.iter_mut().enumerate() {
            match it.peek() {
                None => continue,
                Some(Err(_)) => {
                    let Some(Err(e)) = it.next() else { unreachable!("peeked an error") };
                    return Some(Err(e.into()));
                }
                Some(Ok((k, _))) => {
                    if best.as_ref().is_none_or(|(_, b)| tail(k) < tail(b)) {
                        best = Some((i, k.clone()));
                    }
                }
            }
        }
        let (i, key) = best?;
        self.iters[i].next();
        let id = tail(&key)[8..]
            .try_into()
            .map(u64::from_be_bytes)
            .map_err(|_| StoreError::Corrupt("short index key".into()));
        Some(id)
    }
}
