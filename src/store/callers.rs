//! Callers on file, the audit of who read or changed personal data, and the index lookups that
//! go with callers and major incidents.

use chrono::{DateTime, Utc};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

use super::{AuditEntry, Store, StoreError, encoding, index, unwrap_tx};
use crate::domain::caller::Caller;

impl Store {
    /// Every caller on file, by id.
    pub fn callers(&self) -> Result<Vec<Caller>, StoreError> {
        self.callers.iter().values().map(|v| encoding::decode_caller(&v?)).collect()
    }

    /// Saves callers, giving the new ones (id 0) the next ids, and records `what` in the audit
    /// log, in one transaction; durable when it returns.
    pub fn save_callers(
        &self,
        callers: &mut [Caller],
        at: DateTime<Utc>,
        by: &str,
        what: &str,
    ) -> Result<(), StoreError> {
        let audit = audit_line(at, by, what);
        let saved = (&self.meta, &self.callers, &self.audit)
            .transaction(|(meta, tree, log)| {
                let mut next = match meta.get("next_caller")? {
                    Some(v) => v.as_ref().try_into().map(u64::from_be_bytes).map_err(|_| {
                        ConflictableTransactionError::Abort(StoreError::Corrupt("the next caller id is damaged".into()))
                    })?,
                    None => 1,
                };
                let mut out = callers.to_vec();
                for c in &mut out {
                    if c.id == 0 {
                        c.id = next;
                        next += 1;
                    }
                    tree.insert(&c.id.to_be_bytes(), encoding::encode_caller(c))?;
                }
                meta.insert("next_caller", &next.to_be_bytes())?;
                let seq = log.generate_id()?;
                log.insert(&seq.to_be_bytes(), audit.clone())?;
                Ok(out)
            })
            .map_err(unwrap_tx)?;
        callers.clone_from_slice(&saved);
        self.flush()
    }

    /// Removes a caller's record and records why, in one transaction; durable when it returns.
    pub fn remove_caller(&self, id: u64, at: DateTime<Utc>, by: &str, what: &str) -> Result<(), StoreError> {
        let audit = audit_line(at, by, what);
        (&self.callers, &self.audit)
            .transaction(|(tree, log)| {
                tree.remove(&id.to_be_bytes())?;
                let seq = log.generate_id()?;
                log.insert(&seq.to_be_bytes(), audit.clone())?;
                Ok::<_, ConflictableTransactionError<StoreError>>(())
            })
            .map_err(unwrap_tx)?;
        self.flush()
    }

    /// Records in the audit log who did what (an access request answered, a purge); durable.
    pub fn record_audit(&self, at: DateTime<Utc>, by: &str, what: &str) -> Result<(), StoreError> {
        let seq = self.db.generate_id()?;
        self.audit.insert(seq.to_be_bytes(), audit_line(at, by, what))?;
        self.flush()
    }

    /// Puts back a caller from a backup, with its id (the next id moves past it).
    pub fn restore_caller(&self, c: &Caller) -> Result<(), StoreError> {
        self.callers.insert(c.id.to_be_bytes(), encoding::encode_caller(c))?;
        let next = self.meta.get("next_caller")?.and_then(|v| v.as_ref().try_into().ok()).map(u64::from_be_bytes);
        if next.is_none_or(|n| n <= c.id) {
            self.meta.insert("next_caller", &(c.id + 1).to_be_bytes())?;
        }
        Ok(())
    }

    /// A caller's tickets, newest first.
    pub fn caller_tickets(&self, caller: u64) -> Result<Vec<u64>, StoreError> {
        index::of_caller(&self.index, caller)
    }

    /// The tickets linked to a major incident, by id.
    pub fn linked_tickets(&self, major: u64) -> Result<Vec<u64>, StoreError> {
        index::linked_to(&self.index, major)
    }

    /// The open major incidents, most urgent first.
    pub fn open_majors(&self) -> Result<Vec<u64>, StoreError> {
        index::open_majors(&self.index)
    }
}

fn audit_line(at: DateTime<Utc>, by: &str, what: &str) -> Vec<u8> {
    serde_json::to_vec(&AuditEntry { at, by: by.to_string(), what: what.to_string() }).expect("serializes")
}
