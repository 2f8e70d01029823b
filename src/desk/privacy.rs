//! Callers' personal data under the AVG/GDPR: taken out of tickets closed longer ago than the
//! retention time (the server does it daily; `spoc privacy purge` on demand), and given whole
//! to the person who asks for it. Both are written to the audit log.

use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

use super::views::TicketDetail;
use super::{Agent, Desk, DeskError};
use crate::domain::Status;
use crate::domain::caller::{Caller, anonymise};
use crate::store::When;

/// Who the audit log names for the server's own daily purge.
const SCHEDULE: &str = "spoc (daily retention)";

/// How many tickets one transaction anonymises.
const PURGE_BATCH: usize = 500;

/// What a purge did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurgeSummary {
    pub months: u32,
    /// Tickets closed before this moment lose their caller's personal data.
    #[serde(with = "crate::domain::instant")]
    pub closed_before: DateTime<Utc>,
    /// The tickets anonymised (or, in a dry run, that would be).
    pub tickets: Vec<u64>,
    pub dry_run: bool,
}

/// Everything the desk holds about one person (an access request).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonalData {
    pub caller: Caller,
    pub tickets: Vec<TicketDetail>,
}

impl Desk {
    /// Anonymises closed tickets whose retention time has passed (`dry_run`: only says which).
    pub fn purge_callers(&self, agent: &Agent, dry_run: bool) -> Result<PurgeSummary, DeskError> {
        self.purge(agent, dry_run, true)
    }

    /// A purge; one that changed nothing is audited only when someone asked for it.
    fn purge(&self, agent: &Agent, dry_run: bool, asked: bool) -> Result<PurgeSummary, DeskError> {
        let reg = self.registry();
        let Some(months) = reg.settings().caller_retention_months else {
            return Err(DeskError::Refused(crate::i18n::t("desk-no-retention")));
        };
        let now = self.now();
        let closed_before = now.checked_sub_months(Months::new(months)).unwrap_or(DateTime::<Utc>::MIN_UTC);
        // Done with: resolved or closed, the last of those before the cutoff (a resolved ticket
        // nobody closes keeps nobody's data forever otherwise).
        let due = |t: &crate::domain::Ticket| {
            matches!(t.status, Status::Resolved | Status::Closed)
                && t.closed_at.or(t.resolved_at).is_some_and(|c| c < closed_before)
                && !t.anonymised
                && (t.caller.is_some() || t.caller_id.is_some())
        };
        // Closed before the cutoff means logged before it too.
        let mut tickets = Vec::new();
        for id in self.store.between(When::Created, DateTime::<Utc>::MIN_UTC, closed_before) {
            let id = id?;
            if self.store.scanned_ticket(id)?.is_some_and(|t| due(&t)) {
                tickets.push(id);
            }
        }
        if dry_run {
            return Ok(PurgeSummary { months, closed_before, tickets, dry_run });
        }
        // Batch by batch, each durable; what was done is audited even when a later batch fails.
        let mut done = Vec::new();
        let result = self.anonymise_all(&tickets, &due, agent, now, &mut done);
        if asked || !done.is_empty() {
            let what = format!(
                "removed callers' personal data from {} tickets done with before {} ({months} months)",
                done.len(),
                closed_before.to_rfc3339()
            );
            self.store.record_audit(now, agent.login(), &what)?;
        }
        result?;
        Ok(PurgeSummary { months, closed_before, tickets: done, dry_run })
    }

    fn anonymise_all(
        &self,
        tickets: &[u64],
        due: &dyn Fn(&crate::domain::Ticket) -> bool,
        agent: &Agent,
        now: DateTime<Utc>,
        done: &mut Vec<u64>,
    ) -> Result<(), DeskError> {
        let book = self.caller_book();
        for chunk in tickets.chunks(PURGE_BATCH) {
            let _w = self.write_lock();
            let mut changed = Vec::new();
            for &id in chunk {
                let Some(old) = self.store.ticket(id)? else { continue };
                // Changed meanwhile (reopened, say): no longer due.
                if !due(&old) {
                    continue;
                }
                let mut journal = self.store.journal(id)?;
                let mut new = old.clone();
                let on_file = old.caller_id.and_then(|c| book.get(c));
                let entry = anonymise(&mut new, &mut journal, on_file, now, agent.login());
                journal.push(entry);
                changed.push((old, new, journal));
            }
            let writes: Vec<_> = changed.iter().map(|(o, n, j)| (o, n, j.as_slice())).collect();
            self.store.rewrite_tickets(&writes)?;
            self.store.flush()?;
            done.extend(changed.iter().map(|(o, _, _)| o.id));
        }
        Ok(())
    }

    /// The server's daily purge, when a retention time is set: how many tickets it anonymised.
    pub fn purge_on_schedule(&self) -> Result<usize, DeskError> {
        if self.registry().settings().caller_retention_months.is_none() {
            return Ok(0);
        }
        let done = self.purge(&Agent::new(SCHEDULE), false, false)?;
        Ok(done.tickets.len())
    }

    /// Forgets a caller on request (the right to erasure): their tickets lose the personal data,
    /// as after the retention time, and their record goes; audited. Refused while a ticket of
    /// theirs is open: it needs them still. Returns how many tickets were anonymised.
    pub fn forget_caller(&self, agent: &Agent, id: u64) -> Result<usize, DeskError> {
        self.caller(id)?;
        let ids = self.store.caller_tickets(id)?;
        for tid in &ids {
            if self.store.shared_ticket(*tid)?.is_some_and(|t| t.status.is_open()) {
                return Err(DeskError::Refused(crate::tr!("desk-forget-open", id = id, ticket = *tid)));
            }
        }
        let now = self.now();
        let due = |t: &crate::domain::Ticket| t.caller_id == Some(id) && !t.status.is_open();
        let mut done = Vec::new();
        let result = self.anonymise_all(&ids, &due, agent, now, &mut done);
        let what = format!("forgot caller {id} on request ({} tickets anonymised)", done.len());
        if result.is_ok() {
            let _w = self.write_lock();
            self.store.remove_caller(id, now, agent.login(), &what)?;
            let book = self.caller_book();
            let rest = book.all().iter().filter(|c| c.id != id).cloned().collect();
            self.set_caller_book(crate::domain::caller::CallerBook::new(rest));
        } else {
            self.store.record_audit(now, agent.login(), &what)?;
        }
        result?;
        Ok(done.len())
    }

    /// Everything held about caller `id`: the record and every ticket of theirs; audited.
    pub fn personal_data(&self, agent: &Agent, id: u64) -> Result<PersonalData, DeskError> {
        let caller = self.caller(id)?;
        let mut ids = self.store.caller_tickets(id)?;
        // Tickets that name them as free text, logged before they were on file.
        let words: Vec<String> = crate::domain::words::words(&caller.name).collect();
        if !words.is_empty() {
            let name = caller.name.to_lowercase();
            let mut names_them = |tid: u64| {
                self.store.scanned_ticket(tid).ok().flatten().is_some_and(|t| {
                    t.caller_id.is_none() && t.caller.as_deref().is_some_and(|c| c.to_lowercase().contains(&name))
                })
            };
            let (found, _) = self.store.search_words(&words, usize::MAX, &mut names_them)?;
            ids.extend(found.into_iter().map(|(tid, _)| tid));
        }
        ids.sort_unstable();
        ids.dedup();
        let mut tickets = Vec::new();
        for tid in ids {
            let mut t = self.ticket(tid)?;
            // A major incident's other callers are not this person's data.
            t.linked.clear();
            tickets.push(t);
        }
        let what = format!("gave out the personal data of caller {id} ({} tickets)", tickets.len());
        self.store.record_audit(self.now(), agent.login(), &what)?;
        Ok(PersonalData { caller, tickets })
    }
}
