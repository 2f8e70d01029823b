//! Major incidents: many calls about one outage, dispatched to the supplier once. The calls
//! link to it, keep their own helpdesk clocks, and are resolved with it.

use super::views::LinkedCall;
use super::{Desk, DeskError};
pub use crate::domain::report::MajorIncident;
use crate::domain::ticket::{Change, JournalEntry};
use crate::domain::{Registry, Status, Ticket};
use crate::store::StoreError;
use crate::tr;

impl Desk {
    /// The open major incidents, most urgent first.
    pub fn major_incidents(&self) -> Result<Vec<MajorIncident>, DeskError> {
        let mut out = Vec::new();
        for id in self.store.open_majors()? {
            let Some(t) = self.store.shared_ticket(id)? else { continue };
            let linked = self.store.linked_tickets(id)?;
            let mut open_calls = 0;
            for l in &linked {
                if self.store.shared_ticket(*l)?.is_some_and(|c| c.status.is_open()) {
                    open_calls += 1;
                }
            }
            out.push(MajorIncident {
                id,
                title: t.title.clone(),
                status: t.status,
                service: t.service.clone(),
                supplier: t.routing.supplier.clone(),
                supplier_ref: t.supplier_ref.clone(),
                open_calls,
                calls: linked.len(),
                created_at: t.created_at,
            });
        }
        Ok(out)
    }

    /// A ticket may be linked to `major` only if that is an open major incident.
    pub(super) fn check_major(&self, major: u64) -> Result<Ticket, DeskError> {
        let m = self.store.ticket(major)?.ok_or(StoreError::NoTicket(major))?;
        if !m.major {
            return Err(DeskError::Refused(tr!("desk-not-major", id = major)));
        }
        if !m.status.is_open() {
            return Err(DeskError::Refused(tr!("desk-major-done", id = major, status = m.status.name())));
        }
        Ok(m)
    }

    /// What a change to `old` (now `new`) means for the tickets linked to it: checked links,
    /// and, when a major incident is resolved, its open calls resolved with its solution.
    pub(super) fn linked_changes(
        &self,
        old: &Ticket,
        new: &Ticket,
        changes: &[Change],
        by: &str,
        reg: &Registry,
    ) -> Result<Vec<(Ticket, Ticket, Vec<JournalEntry>)>, DeskError> {
        for change in changes {
            if let Change::Link(Some(m)) = change {
                self.check_major(*m)?;
            }
        }
        let linked = if old.major { self.store.linked_tickets(old.id)? } else { Vec::new() };
        // Its calls stay linked to it (history, and a reopened call's dispatch goes through it):
        // a major incident with calls stays one.
        if old.major && !new.major && !linked.is_empty() {
            return Err(DeskError::Refused(tr!("desk-major-keeps-calls", n = linked.len())));
        }
        let mut open = Vec::new();
        for id in linked {
            if let Some(t) = self.store.ticket(id)?
                && t.status.is_open()
            {
                open.push(t);
            }
        }
        let resolving = old.major && old.status.is_open() && new.status == Status::Resolved;
        if !resolving {
            return Ok(Vec::new());
        }
        let solution = new.solution.clone().unwrap_or_default();
        let at = new.updated_at;
        let mut out = Vec::new();
        for call in open {
            let mut resolved = call.clone();
            let entries = resolved.resolve_with_major(old.id, &solution, at, by, reg)?;
            out.push((call, resolved, entries));
        }
        Ok(out)
    }

    /// The calls linked to a major incident, with how to reach their callers (on file, or as
    /// the free text names them).
    pub(super) fn linked_calls(&self, major: u64) -> Result<Vec<LinkedCall>, DeskError> {
        let book = self.caller_book();
        let mut out = Vec::new();
        for id in self.store.linked_tickets(major)? {
            let Some(t) = self.store.shared_ticket(id)? else { continue };
            let on_file = t.caller_id.and_then(|c| book.get(c)).cloned();
            let typed = t.caller.as_deref().map(crate::domain::caller::from_typed);
            let caller = on_file.or(typed);
            out.push(LinkedCall {
                id,
                status: t.status,
                title: t.title.clone(),
                participant: t.participant.clone(),
                caller: caller.as_ref().map(|c| c.name.clone()).filter(|n| !n.is_empty()).or_else(|| t.caller.clone()),
                phone: caller.as_ref().and_then(|c| c.phone.clone()),
                email: caller.as_ref().and_then(|c| c.email.clone()),
                resolved_at: t.resolved_at,
            });
        }
        Ok(out)
    }
}
