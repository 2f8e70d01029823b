//! A lost update refused: who changed the ticket, when, and what, so the agent can look and retry.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::views::describe;
use crate::domain::ticket::JournalEntry;

/// How a request failed, as the exit code and the socket protocol tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The caller asked for something wrong (exit 2).
    BadInput,
    /// Someone else changed it first (exit 1; reload and retry).
    Conflict,
    /// Something failed (exit 1).
    Runtime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: u64,
    /// The version the refused change was based on.
    pub expected: u64,
    pub current: u64,
    pub by: String,
    pub at: DateTime<Utc>,
    /// `at` on the helpdesk's clock, with its offset, as the agent reads it.
    pub at_local: String,
    /// The last change, one line per journal entry.
    pub changes: Vec<String>,
}

impl Conflict {
    /// `journal` is the ticket's whole journal; the entries of its last change are named.
    pub fn new(
        id: u64,
        (expected, current): (u64, u64),
        by: &str,
        at: DateTime<Utc>,
        tz: chrono_tz::Tz,
        journal: &[JournalEntry],
    ) -> Self {
        let changes = journal.iter().filter(|e| e.at == at && e.by == by).map(|e| describe(&e.event, tz)).collect();
        let at_local = crate::domain::instant::local_text(at, tz);
        Conflict { id, expected, current, by: by.to_string(), at, at_local, changes }
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (id, by, at) = (self.id, self.by.as_str(), self.at_local.as_str());
        let (current, expected) = (self.current, self.expected);
        let text = if self.changes.is_empty() {
            crate::tr!("desk-conflict", id = id, by = by, at = at, current = current, expected = expected)
        } else {
            let changes = crate::domain::sanitize_line(&self.changes.join("; ")).into_owned();
            crate::tr!(
                "desk-conflict-changes",
                id = id,
                by = by,
                at = at,
                changes = changes,
                current = current,
                expected = expected
            )
        };
        f.write_str(&text)
    }
}
