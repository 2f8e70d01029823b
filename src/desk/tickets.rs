//! Ticket commands: log, change, show.

use super::views::TicketDetail;
use super::{Agent, Conflict, Desk, DeskError};
use crate::domain::registry::lookup::closest;
use crate::domain::ticket::{Change, NewTicket, Refused};
use crate::domain::{Registry, Ticket};
use crate::store::StoreError;

/// Changes to apply together, all or none; `expected_version` guards against lost updates.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct TicketUpdate {
    pub changes: Vec<Change>,
    pub expected_version: Option<u64>,
}

impl From<Refused> for DeskError {
    fn from(r: Refused) -> Self {
        DeskError::Refused(r.0)
    }
}

impl Desk {
    /// Logs a ticket; the participant and service may be typed as codes, names or aliases.
    pub fn create_ticket(&self, agent: &Agent, mut new: NewTicket) -> Result<TicketDetail, DeskError> {
        let reg = self.registry();
        new.participant = resolve_participant(&reg, &new.participant)?;
        new.service = resolve_service(&reg, &new.service)?;
        if let Some(id) = new.caller_id {
            let caller = self.caller_for_ticket(id, &new.participant)?;
            if new.caller.as_deref().is_none_or(|c| c.trim().is_empty()) {
                new.caller = Some(caller.label());
            }
        }
        let at = self.now();
        let ticket = {
            let _w = self.write_lock();
            if let Some(m) = new.link_to {
                self.check_major(m)?;
            }
            self.store.create_ticket(|id| Ticket::open_at_intake(id, new.clone(), at, agent.login(), &reg))??
        };
        // Outside the lock: writers that arrive meanwhile share this fsync (group commit).
        self.store.flush()?;
        self.detail_of(&reg, &ticket)
    }

    pub fn update_ticket(&self, agent: &Agent, id: u64, update: TicketUpdate) -> Result<TicketDetail, DeskError> {
        let reg = self.registry();
        let ticket = {
            let _w = self.write_lock();
            let old = self.store.ticket(id)?.ok_or(StoreError::NoTicket(id))?;
            if let Some(v) = update.expected_version
                && v != old.version
            {
                let journal = self.store.journal(id)?;
                let tz = reg.helpdesk_calendar().timezone;
                let c = Conflict::new(id, (v, old.version), &old.updated_by, old.updated_at, tz, &journal);
                return Err(DeskError::Conflict(c));
            }
            // A login as it is known, whatever the case it was typed in.
            let mut update = update;
            for change in &mut update.changes {
                if let Change::Assign(Some(to)) = change
                    && to != agent.login()
                {
                    *to = self.check_agent(to)?;
                }
                // A supplier as people type it (case, accents), else refused with the nearest.
                if let Change::OverrideRouting { supplier, .. } = change
                    && let Some(name) = resolve_supplier(&reg, supplier)?
                {
                    *supplier = name;
                }
            }
            let at = self.now();
            let mut ticket = old.clone();
            let entries = ticket.apply_all(update.changes.clone(), at, agent.login(), &reg)?;
            if crate::domain::ticket::resolves_without_solution(&old, &ticket) {
                return Err(DeskError::Refused(crate::i18n::t("desk-resolve-needs-solution")));
            }
            if !entries.is_empty() {
                let linked = self.linked_changes(&old, &ticket, &update.changes, agent.login(), &reg)?;
                let mut all: Vec<(&Ticket, &Ticket, &[crate::domain::ticket::JournalEntry])> =
                    vec![(&old, &ticket, &entries)];
                all.extend(linked.iter().map(|(o, n, e)| (o, n, e.as_slice())));
                self.store.update_tickets(&all)?;
            }
            ticket
        };
        self.store.flush()?;
        self.detail_of(&reg, &ticket)
    }

    pub fn ticket(&self, id: u64) -> Result<TicketDetail, DeskError> {
        let reg = self.registry();
        let ticket = self.store.ticket(id)?.ok_or(StoreError::NoTicket(id))?;
        self.detail_of(&reg, &ticket)
    }

    fn detail_of(&self, reg: &Registry, t: &Ticket) -> Result<TicketDetail, DeskError> {
        let journal = self.store.journal(t.id)?;
        let sla = t.sla(self.now(), reg);
        let mut detail = TicketDetail::new(t, &sla, reg.participant(&t.participant).map(|p| p.name.clone()), journal);
        if t.major {
            detail.linked = self.linked_calls(t.id)?;
        }
        Ok(detail)
    }
}

/// A participant as people name it (code or name; case and accents aside), else refused with
/// the nearest.
pub fn resolve_participant(reg: &Registry, given: &str) -> Result<String, DeskError> {
    if let Some(p) = reg.participant_named(given) {
        return Ok(p.code.clone());
    }
    let names = reg.participants().iter().flat_map(|p| [p.code.as_str(), p.name.as_str()]);
    let suggestions = closest(given, names, 3)
        .into_iter()
        .filter_map(|n| reg.participant(n).or_else(|| reg.participants().iter().find(|p| p.name == n)))
        .map(|p| format!("{} ({})", p.code, p.name))
        .fold(Vec::<String>::new(), |mut acc, s| {
            if !acc.contains(&s) {
                acc.push(s);
            }
            acc
        });
    Err(DeskError::Unknown { what: "participant", given: given.to_string(), suggestions })
}

/// A supplier by name or alias (case and accents aside), or `None` for "unrouted", the tickets
/// without one (when no supplier is called so); another name is refused with the nearest.
pub fn resolve_supplier(reg: &Registry, given: &str) -> Result<Option<String>, DeskError> {
    use crate::domain::report::UNROUTED;
    match reg.supplier(given) {
        Some(x) => Ok(Some(x.name.clone())),
        None if given.trim().eq_ignore_ascii_case(UNROUTED) => Ok(None),
        None => Err(DeskError::Unknown {
            what: "supplier",
            given: given.to_string(),
            suggestions: closest(given, reg.suppliers().iter().map(|x| x.name.as_str()), 3)
                .into_iter()
                .map(String::from)
                .collect(),
        }),
    }
}

/// A service by name or alias (case and accents aside), else refused with the nearest.
pub fn resolve_service(reg: &Registry, given: &str) -> Result<String, DeskError> {
    if let Some(s) = reg.service(given) {
        return Ok(s.name.clone());
    }
    let names = reg.services().iter().flat_map(|s| {
        std::iter::once(s.name.as_str())
            .chain(s.aliases.iter().map(String::as_str))
            .chain(s.keywords.iter().map(String::as_str))
    });
    let mut suggestions: Vec<String> = Vec::new();
    for n in closest(given, names, 6) {
        let service = reg.service(n).or_else(|| reg.services().iter().find(|s| s.keywords.iter().any(|k| k == n)));
        if let Some(s) = service
            && !suggestions.contains(&s.name)
        {
            suggestions.push(s.name.clone());
        }
    }
    suggestions.truncate(3);
    Err(DeskError::Unknown { what: "service", given: given.to_string(), suggestions })
}
