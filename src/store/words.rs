//! The word index of all tickets, open and closed, in the index tree:
//!
//! ```text
//! W word 0 !id    → where the word stands (1 title, 2 elsewhere)
//! ```
//!
//! The id is stored inverted, so a word's tickets come newest first. Postings are only ever
//! added: a word a ticket once held stays findable (its journal keeps it anyway).

use std::collections::BTreeMap;

use super::StoreError;

const KIND: u8 = b'W';

/// How many words a prefix in a query may stand for ("zerm" for "zermelo"); past that the
/// prefix is too short to search by.
pub const EXPANSIONS: usize = 48;

pub fn key(word: &str, id: u64) -> Vec<u8> {
    let mut k = Vec::with_capacity(word.len() + 10);
    k.push(KIND);
    k.extend(word.bytes().filter(|&b| b != 0));
    k.push(0);
    k.extend_from_slice(&(!id).to_be_bytes());
    k
}

/// The keys and values for `words` of ticket `id`.
pub fn entries(words: &BTreeMap<String, u8>, id: u64) -> impl Iterator<Item = (Vec<u8>, [u8; 1])> + '_ {
    words.iter().map(move |(w, at)| (key(w, id), [*at]))
}

fn prefix_of(word: &str) -> Vec<u8> {
    let mut k = vec![KIND];
    k.extend(word.bytes().filter(|&b| b != 0));
    k
}

/// The indexed words that start with `prefix`, each once, up to [`EXPANSIONS`]; `None` when
/// there are more.
pub fn expand(tree: &sled::Tree, prefix: &str) -> Result<Option<Vec<Vec<u8>>>, StoreError> {
    let start = prefix_of(prefix);
    let mut found = Vec::new();
    let mut from = start.clone();
    while let Some(entry) = tree.range(from.clone()..).next() {
        let (k, _) = entry?;
        if !k.starts_with(&start) {
            break;
        }
        let end =
            k.iter().skip(1).position(|&b| b == 0).map(|p| p + 1).ok_or(StoreError::Corrupt("word key".into()))?;
        // The word with its separator: the prefix of all its postings.
        let mut word = k[..=end].to_vec();
        found.push(word.clone());
        if found.len() > EXPANSIONS {
            return Ok(None);
        }
        // Past all of this word's tickets.
        word.pop();
        word.push(1);
        from = word;
    }
    Ok(Some(found))
}

/// The postings of several words merged, newest ticket first: (id, where the word stands).
pub struct Newest {
    iters: Vec<std::iter::Peekable<sled::Iter>>,
}

impl Newest {
    pub fn new(tree: &sled::Tree, words: &[Vec<u8>]) -> Newest {
        Newest { iters: words.iter().map(|w| tree.scan_prefix(w).peekable()).collect() }
    }
}

fn id_of(key: &[u8]) -> Option<u64> {
    let tail: [u8; 8] = key.get(key.len().checked_sub(8)?..)?.try_into().ok()?;
    Some(!u64::from_be_bytes(tail))
}

impl Iterator for Newest {
    type Item = Result<(u64, u8), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        // The highest id among the heads; the same ticket under several words comes once.
        let mut best: Option<u64> = None;
        for it in &mut self.iters {
            match it.peek() {
                Some(Ok((k, _))) => {
                    let id = id_of(k)?;
                    if best.is_none_or(|b| id > b) {
                        best = Some(id);
                    }
                }
                Some(Err(_)) => {
                    let Some(Err(e)) = it.next() else { unreachable!("peeked an error") };
                    return Some(Err(e.into()));
                }
                None => {}
            }
        }
        let id = best?;
        let mut at = 0;
        for it in &mut self.iters {
            if let Some(Ok((k, v))) = it.peek()
                && id_of(k) == Some(id)
            {
                at |= v.first().copied().unwrap_or(0);
                it.next();
            }
        }
        Some(Ok((id, at)))
    }
}

/// Where any of `words` (expanded prefixes) stands in ticket `id`: 0 when none is there.
pub fn stands(tree: &sled::Tree, words: &[Vec<u8>], id: u64) -> Result<u8, StoreError> {
    let mut at = 0;
    for w in words {
        let mut k = w.clone();
        k.extend_from_slice(&(!id).to_be_bytes());
        if let Some(v) = tree.get(k)? {
            at |= v.first().copied().unwrap_or(0);
        }
    }
    Ok(at)
}
