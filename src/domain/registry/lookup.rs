//! "Who do we call?": fuzzy lookup over suppliers, services, contracts and contacts, and
//! suggestions for names that were almost right.

use std::borrow::Cow;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::Registry;
use crate::domain::routing::is_valid_at;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Supplier,
    Service,
    Contract,
    Contact,
    /// A standard solution (its title is the name).
    Solution,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Supplier => "supplier",
            HitKind::Service => "service",
            HitKind::Contract => "contract",
            HitKind::Contact => "contact",
            HitKind::Solution => "solution",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: HitKind,
    /// What matched: a name, alias, keyword or number.
    pub matched: String,
    /// The record's own name (service name, contract number, contact name, supplier name).
    pub name: String,
    /// The supplier to call for this hit, when there is one.
    pub supplier: Option<String>,
    pub score: i64,
}

/// Best hits first; one hit per record (its best matching text).
pub fn find(reg: &Registry, query: &str, at: DateTime<Utc>, limit: usize) -> Vec<Hit> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let query = fold(query);
    // A query of a letter or two matches most of a large registry, and scoring all of that takes
    // milliseconds: its ranking is kept with the registry, which never changes (an import builds
    // a new one). Longer queries match few records and are quick to rank afresh.
    let ranked: Arc<Vec<Ranked>> = if query.chars().count() <= SHORT && limit <= KEPT {
        let kept = || reg.short_queries().0.lock().unwrap_or_else(|e| e.into_inner());
        let found = kept().get(&query).cloned();
        match found {
            Some(r) => r,
            None => {
                // Ranked without the lock: the background warming must not hold up a lookup.
                let r = Arc::new(rank(reg, &query, KEPT));
                kept().insert(query.clone(), r.clone());
                r
            }
        }
    } else {
        Arc::new(rank(reg, &query, limit))
    };
    ranked
        .iter()
        .take(limit)
        .map(|f| {
            let supplier = match f.kind {
                // Whom to call for a service: the supplier of a contract valid now.
                HitKind::Service => {
                    reg.contracts_for_service(&f.name).find(|c| is_valid_at(reg, c, at)).map(|c| c.supplier.clone())
                }
                _ => f.supplier.clone(),
            };
            Hit { kind: f.kind, matched: f.matched.clone(), name: f.name.clone(), supplier, score: f.score }
        })
        .collect()
}

/// Queries of up to this many characters have their ranking kept.
const SHORT: usize = 2;

/// How many hits of a short query are kept (the screen's lookup asks this many).
const KEPT: usize = 30;

/// The rankings of short queries over one registry.
#[derive(Debug, Default)]
pub struct ShortQueries(std::sync::Mutex<std::collections::HashMap<String, Arc<Vec<Ranked>>>>);

impl ShortQueries {
    /// Ranks every query of one or two letters or digits ahead, so that the first keys of a
    /// lookup are answered at once (a server does this in the background after it loads a
    /// registry: a few seconds for 10,000 entries, about 2 MB kept).
    pub fn warm(reg: &Registry) {
        let chars: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        for a in &chars {
            find(reg, &a.to_string(), Utc::now(), KEPT);
        }
        for a in &chars {
            for b in &chars {
                find(reg, &format!("{a}{b}"), Utc::now(), KEPT);
            }
        }
    }
}

/// A hit as ranked, before whom to call for a service is worked out for the moment asked.
#[derive(Debug, Clone)]
pub struct Ranked {
    kind: HitKind,
    matched: String,
    name: String,
    supplier: Option<String>,
    score: i64,
}

/// The best `limit` records for a folded `query`, best first.
fn rank<'a>(reg: &'a Registry, query: &str, limit: usize) -> Vec<Ranked> {
    let skim = SkimMatcherV2::default().ignore_case();
    let wanted: Vec<char> = query.chars().collect();
    // Most of a large registry does not hold the query's letters in order at all; saying so is
    // far cheaper than scoring it.
    let score = |text: &str| {
        let text = comparable(text);
        if in_order(&text, &wanted) { skim.fuzzy_match(&text, query) } else { None }
    };
    let best = |texts: &mut dyn Iterator<Item = &'a String>| -> Option<(i64, &'a str)> {
        // The first text wins a tie: a record's own name before its aliases.
        texts.filter_map(|t| score(t).map(|s| (s, t.as_str()))).fold(None, |best, (s, t)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, t)),
        })
    };
    // Borrowed until the best few are known: a broad query can match thousands of records.
    let mut found: Vec<Found<'a>> = Vec::new();
    for sup in reg.suppliers() {
        if let Some((score, matched)) = best(&mut std::iter::once(&sup.name).chain(&sup.aliases)) {
            found.push(Found { kind: HitKind::Supplier, matched, name: &sup.name, supplier: Some(&sup.name), score });
        }
        for c in &sup.contacts {
            if let Some(score) = score(&c.name) {
                // A person's name is a weaker answer to "who do we call for X" than X itself.
                let f =
                    Found { kind: HitKind::Contact, matched: &c.name, name: &c.name, supplier: Some(&sup.name), score };
                found.push(Found { score: score - 10, ..f });
            }
        }
    }
    for svc in reg.services() {
        let mut texts = std::iter::once(&svc.name).chain(&svc.aliases).chain(&svc.keywords);
        if let Some((score, matched)) = best(&mut texts) {
            found.push(Found { kind: HitKind::Service, matched, name: &svc.name, supplier: None, score: score + 5 });
        }
    }
    for con in reg.contracts() {
        if let Some(score) = score(&con.number) {
            let f = Found { kind: HitKind::Contract, matched: &con.number, name: &con.number, supplier: None, score };
            found.push(Found { supplier: Some(&con.supplier), ..f });
        }
    }
    for sol in reg.file().solution.iter() {
        let mut texts = std::iter::once(&sol.title).chain(&sol.keywords).chain(&sol.services);
        if let Some((score, matched)) = best(&mut texts) {
            found.push(Found { kind: HitKind::Solution, matched, name: &sol.title, supplier: None, score });
        }
    }
    let order = |a: &Found, b: &Found| b.score.cmp(&a.score).then(a.kind.cmp(&b.kind)).then(a.name.cmp(b.name));
    // The best few in order; a broad query's thousands of others need not be sorted.
    if limit > 0 && found.len() > limit {
        found.select_nth_unstable_by(limit - 1, order);
    }
    found.truncate(limit);
    found.sort_by(order);
    found
        .into_iter()
        .map(|f| Ranked {
            kind: f.kind,
            matched: f.matched.to_string(),
            name: f.name.to_string(),
            supplier: f.supplier.map(String::from),
            score: f.score,
        })
        .collect()
}

/// A hit before it is known to be among the best.
struct Found<'a> {
    kind: HitKind,
    matched: &'a str,
    name: &'a str,
    supplier: Option<&'a str>,
    score: i64,
}

/// Whether `text` holds the (lowercase) `wanted` characters in this order, case ignored.
pub(crate) fn in_order(text: &str, wanted: &[char]) -> bool {
    if wanted.iter().all(char::is_ascii) {
        // Bytes will do: a non-ASCII character of the text can never be one of the query's.
        let mut rest = wanted.iter().map(|c| *c as u8);
        let mut next = rest.next();
        for b in text.bytes() {
            match next {
                None => return true,
                Some(w) if b.to_ascii_lowercase() == w => next = rest.next(),
                _ => {}
            }
        }
        return next.is_none();
    }
    let mut rest = wanted.iter().peekable();
    for c in text.chars().flat_map(char::to_lowercase) {
        if rest.peek() == Some(&&c) {
            rest.next();
        }
        if rest.peek().is_none() {
            return true;
        }
    }
    rest.peek().is_none()
}

/// Text as the lookup compares it: lower case, accents and other marks dropped, so that
/// "celik" finds "Noël & Çelik" and "coordinator" finds "Coördinator".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        // Letters that are not a base letter with a mark, so NFKD leaves them whole.
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' | 'Þ' => out.push_str("th"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ı' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// As [`fold`], but ASCII text as it is: case is ignored by the matching itself, and most
/// names are ASCII, so this saves folding them on every key press.
fn comparable(text: &str) -> Cow<'_, str> {
    if text.is_ascii() { Cow::Borrowed(text) } else { Cow::Owned(fold(text)) }
}

/// The closest of `names` to a misspelt `wanted`, best first (for "did you mean" messages).
pub fn closest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>, limit: usize) -> Vec<&'a str> {
    let w = fold(wanted);
    let mut scored: Vec<(f64, &str)> = names
        .map(|n| {
            let l = fold(n);
            let contains = if l.contains(&w) || w.contains(&l) { 0.2 } else { 0.0 };
            // Jaro-Winkler misses a swapped pair in a short word ("vmi" for "vim"); an edit or two does not.
            let edits = strsim::osa_distance(&w, &l);
            let near = if edits <= (w.chars().count() / 4).max(1) { 0.85 } else { 0.0 };
            (strsim::jaro_winkler(&w, &l).max(near) + contains, n)
        })
        .filter(|(s, _)| *s > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(limit).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::{fold, in_order};

    fn lower(q: &str) -> Vec<char> {
        q.chars().flat_map(char::to_lowercase).collect()
    }

    #[test]
    fn letters_in_order_case_ignored_ascii_or_not() {
        assert!(in_order("Magister 6", &lower("MAG6")));
        assert!(!in_order("Magister 6", &lower("6mag")));
        assert!(in_order("Één loket", &lower("één")));
        assert!(!in_order("Een loket", &lower("één")));
        assert!(in_order("anything", &lower("")));
    }

    #[test]
    fn closest_names_survive_a_swapped_pair_in_a_short_word() {
        assert_eq!(super::closest("vmi", ["default", "vim"].into_iter(), 1), ["vim"]);
        assert_eq!(super::closest("opne", ["open", "back", "quit"].into_iter(), 1), ["open"]);
        assert!(super::closest("xyz", ["default", "vim"].into_iter(), 1).is_empty());
    }

    #[test]
    fn folding_drops_case_and_marks_of_any_script() {
        assert_eq!(fold("Noël & Çelik"), "noel & celik");
        assert_eq!(fold("Coördinator"), "coordinator");
        assert_eq!(fold("ÇELİK"), "celik");
        assert_eq!(fold("Øresund Straße"), "oresund strasse");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("ﬁle №5"), "file no5", "compatibility forms too");
        assert_eq!(fold("Ελληνικά"), "ελληνικα", "other scripts keep their letters");
    }
}
