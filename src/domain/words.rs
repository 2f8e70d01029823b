//! The words a ticket is found by in a search of all history: what it says (title, description,
//! caller, the supplier's reference, the solution, the remark) and what its journal says. Words
//! are folded as the lookup folds them (case and accents dropped), so "Coördinator" is found by
//! "coordinator".

use std::collections::BTreeMap;

use super::ticket::{Event, JournalEntry, Ticket};

/// Words shorter than this are not indexed ("de", "op"): they would match everything.
pub const SHORTEST: usize = 2;

/// Longer words are indexed by their first this many bytes (found by a prefix all the same).
pub const LONGEST: usize = 32;

/// Where a word stands: in the title weighs more in a search.
pub const IN_TITLE: u8 = 1;
pub const ELSEWHERE: u8 = 2;

/// The words of `text`, folded, each once: the parts between spaces and punctuation, and a
/// reference or compound held together by `-`, `.` or `/` also whole ("cs-557216", "e-mail"),
/// so that "CS-5" finds the references that start so.
pub fn words(text: &str) -> impl Iterator<Item = String> {
    let folded = super::registry::lookup::fold(text);
    let joined = |c: char| matches!(c, '-' | '.' | '/');
    let cut = |w: &str| {
        let mut end = w.len().min(LONGEST);
        while !w.is_char_boundary(end) {
            end -= 1;
        }
        w[..end].to_string()
    };
    let mut list: Vec<String> = Vec::new();
    for token in folded.split(|c: char| !(c.is_alphanumeric() || joined(c))) {
        let token = token.trim_matches(joined);
        if token.contains(joined) && token.len() >= SHORTEST {
            list.push(cut(token));
        }
        list.extend(token.split(joined).filter(|w| w.len() >= SHORTEST).map(cut));
    }
    list.sort_unstable();
    list.dedup();
    list.into_iter()
}

/// The first part of a query (between spaces) with no word long enough to search by: a search
/// says it rather than drop it.
pub fn too_short(query: &str) -> Option<&str> {
    query.split_whitespace().find(|part| words(part).next().is_none())
}

/// Every word of a ticket's own fields, with where it stands.
pub fn of_ticket(t: &Ticket) -> BTreeMap<String, u8> {
    let mut out = BTreeMap::new();
    for w in words(&t.title) {
        *out.entry(w).or_insert(0) |= IN_TITLE;
    }
    let rest = [
        Some(t.description.as_str()),
        t.caller.as_deref(),
        t.supplier_ref.as_deref(),
        t.solution.as_deref(),
        t.satisfaction_remark.as_deref(),
    ];
    for text in rest.into_iter().flatten() {
        for w in words(text) {
            *out.entry(w).or_insert(0) |= ELSEWHERE;
        }
    }
    out
}

/// The words of journal entries (notes, contacts, the supplier's answers, solutions, reasons).
pub fn of_journal<'a>(entries: impl Iterator<Item = &'a JournalEntry>) -> BTreeMap<String, u8> {
    let mut out = BTreeMap::new();
    for e in entries {
        let text = match &e.event {
            Event::Note { text }
            | Event::Contact { text, .. }
            | Event::SupplierReply { text }
            | Event::SupplierSolved { text }
            | Event::Solution { text } => Some(text.as_str()),
            Event::RoutingOverridden { reason, .. } => Some(reason.as_str()),
            Event::Satisfaction { remark, .. } => remark.as_deref(),
            Event::SupplierRef { to, .. } => Some(to.as_str()),
            _ => None,
        };
        for w in text.into_iter().flat_map(words) {
            *out.entry(w).or_insert(0) |= ELSEWHERE;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_folded_split_and_kept_once() {
        let w: Vec<String> = super::words("Zermelo: roosters WEG bij Coördinator, zermelo!  a").collect();
        assert_eq!(w, ["bij", "coordinator", "roosters", "weg", "zermelo"]);
        let w: Vec<String> = super::words("ref CS-557216 per e-mail.").collect();
        assert_eq!(w, ["557216", "cs", "cs-557216", "e-mail", "mail", "per", "ref"]);
    }
}
