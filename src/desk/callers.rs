//! Callers on file: found at intake, saved from it, imported from a spreadsheet; their card of
//! open and recent tickets.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::views::TicketRow;
use super::{Agent, Desk, DeskError};
use crate::domain::caller::{Caller, CallerBook, parse_callers};
use crate::domain::registry::file::{FileError, FileErrors};
use crate::store::StoreError;
use crate::tr;

/// How many closed tickets a caller card shows ("called before about this?").
pub const RECENT_ON_CARD: usize = 5;

/// A caller with their open tickets and their most recent other ones, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallerCard {
    pub caller: Caller,
    pub participant_name: Option<String>,
    pub open: Vec<TicketRow>,
    pub recent: Vec<TicketRow>,
    /// All tickets the caller has, open or not.
    pub tickets: usize,
}

/// What an import of callers did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallerImport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Desk {
    pub(super) fn caller_book(&self) -> Arc<CallerBook> {
        self.callers.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(super) fn set_caller_book(&self, book: CallerBook) {
        *self.callers.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(book);
    }

    /// Callers that fit `query` (name, phone or email), those of `participant` first among equals.
    pub fn find_callers(&self, query: &str, participant: Option<&str>, limit: usize) -> Vec<Caller> {
        self.caller_book().find(query, participant, limit).into_iter().cloned().collect()
    }

    pub fn caller(&self, id: u64) -> Result<Caller, DeskError> {
        self.caller_book().get(id).cloned().ok_or_else(|| DeskError::Refused(tr!("desk-no-caller", id = id)))
    }

    pub fn caller_card(&self, id: u64) -> Result<CallerCard, DeskError> {
        let caller = self.caller(id)?;
        let reg = self.registry();
        let now = self.now();
        let ids = self.store.caller_tickets(id)?;
        let (mut open, mut recent) = (Vec::new(), Vec::new());
        for tid in &ids {
            let Some(t) = self.store.shared_ticket(*tid)? else { continue };
            let row = TicketRow::new(&t, &t.sla(now, &reg), now);
            if t.status.is_open() {
                open.push(row);
            } else if recent.len() < RECENT_ON_CARD {
                recent.push(row);
            }
        }
        let participant_name = reg.participant(&caller.participant).map(|p| p.name.clone());
        Ok(CallerCard { caller, participant_name, open, recent, tickets: ids.len() })
    }

    /// Saves a new caller (id 0) or changes one on file; audited. The same person twice (the
    /// same email, or directory id at the participant) is refused, naming the one on file.
    pub fn save_caller(&self, agent: &Agent, caller: Caller) -> Result<Caller, DeskError> {
        let reg = self.registry();
        let caller = caller.checked(&reg).map_err(|errors| {
            let list: Vec<String> = errors.iter().map(|(f, m)| format!("{f}: {m}")).collect();
            DeskError::Refused(list.join("; "))
        })?;
        let _w = self.write_lock();
        let book = self.caller_book();
        if caller.id != 0 && book.get(caller.id).is_none() {
            return Err(DeskError::Refused(tr!("desk-no-caller", id = caller.id)));
        }
        if let Some(same) = book.all().iter().find(|c| c.id != caller.id && c.same_person(&caller)) {
            return Err(DeskError::Refused(tr!(
                "desk-caller-on-file",
                name = caller.name.as_str(),
                id = same.id,
                label = same.label()
            )));
        }
        // By number, not name: the audit log outlives the retention of personal data.
        let what = if caller.id == 0 {
            format!("added a caller at {}", caller.participant) // i18n: stable (the audit log)
        } else {
            format!("changed caller {}", caller.id) // i18n: stable (the audit log)
        };
        let mut saved = [caller];
        self.store.save_callers(&mut saved, self.now(), agent.login(), &what)?;
        let [caller] = saved;
        self.set_caller_book(book.with(caller.clone()));
        Ok(caller)
    }

    /// Imports callers from a CSV: all or nothing. A caller on file (the same email, or
    /// directory id at the participant) is updated, others are added.
    pub fn import_callers(&self, agent: &Agent, source: &str, text: &str) -> Result<CallerImport, DeskError> {
        let reg = self.registry();
        let file = parse_callers(source, text, &reg).map_err(DeskError::BadFile)?;
        let _w = self.write_lock();
        let book = self.caller_book();
        let mut summary = CallerImport { added: 0, updated: 0, unchanged: 0 };
        let mut changed = Vec::new();
        let mut errors = Vec::new();
        // Who is on file by email and by directory id at a participant: looked up, not searched.
        let mut by_email: HashMap<String, &Caller> = HashMap::new();
        let mut by_directory: HashMap<(String, String), &Caller> = HashMap::new();
        for c in book.all() {
            if let Some(e) = &c.email {
                by_email.insert(e.to_lowercase(), c);
            }
            if let Some(d) = &c.directory_id {
                by_directory.insert((c.participant.clone(), d.to_lowercase()), c);
            }
        }
        // Which row updates which caller on file: two rows for one caller is a mistake.
        let mut claimed: HashMap<u64, usize> = HashMap::new();
        for (line, caller) in file.callers.iter().cloned() {
            let mut on_file: Vec<&Caller> = Vec::new();
            let found = [
                caller.email.as_ref().and_then(|e| by_email.get(&e.to_lowercase())),
                caller
                    .directory_id
                    .as_ref()
                    .and_then(|d| by_directory.get(&(caller.participant.clone(), d.to_lowercase()))),
            ];
            for c in found.into_iter().flatten() {
                if !on_file.iter().any(|x| x.id == c.id) {
                    on_file.push(c);
                }
            }
            if let [one] = on_file.as_slice()
                && let Some(earlier) = claimed.insert(one.id, line)
            {
                errors.push(FileError {
                    file: source.to_string(),
                    line,
                    field: String::new(),
                    message: tr!("desk-import-claimed", id = one.id, line = earlier),
                });
                continue;
            }
            match on_file.as_slice() {
                [] => {
                    summary.added += 1;
                    changed.push(caller);
                }
                [one] => {
                    let caller = file.update(one, caller);
                    if **one == caller {
                        summary.unchanged += 1;
                    } else {
                        summary.updated += 1;
                        changed.push(caller);
                    }
                }
                [a, b, ..] => errors.push(FileError {
                    file: source.to_string(),
                    line,
                    field: String::new(),
                    message: tr!(
                        "desk-import-fits-two",
                        a = a.id,
                        a_name = a.name.as_str(),
                        b = b.id,
                        b_name = b.name.as_str()
                    ),
                }),
            }
        }
        if !errors.is_empty() {
            return Err(DeskError::BadFile(FileErrors(errors)));
        }
        let what = format!(
            "imported callers from {source}: {} added, {} updated, {} unchanged", // i18n: stable (the audit log)
            summary.added, summary.updated, summary.unchanged
        );
        self.store.save_callers(&mut changed, self.now(), agent.login(), &what)?;
        let mut all = book.all().to_vec();
        for c in changed {
            match all.iter_mut().find(|x| x.id == c.id) {
                Some(x) => *x = c,
                None => all.push(c),
            }
        }
        self.set_caller_book(CallerBook::new(all));
        Ok(summary)
    }

    /// The caller a new ticket names, checked: on file, and at the ticket's participant.
    pub(super) fn caller_for_ticket(&self, id: u64, participant: &str) -> Result<Caller, DeskError> {
        let caller = self.caller(id)?;
        if !caller.participant.eq_ignore_ascii_case(participant) {
            return Err(DeskError::Refused(tr!(
                "desk-caller-elsewhere",
                id = caller.id,
                name = caller.name.as_str(),
                at = caller.participant.as_str(),
                participant = participant
            )));
        }
        Ok(caller)
    }
}

pub(super) fn load_book(store: &crate::store::Store) -> Result<CallerBook, StoreError> {
    Ok(CallerBook::new(store.callers()?))
}
