//! The servicedesk's domain: pure data and rules, no I/O.

pub mod caller;
pub mod instant;
pub mod place;
pub mod priority;
pub mod registry;
pub mod report;
pub mod routing;
pub mod sla;
pub mod status;
pub mod ticket;
pub mod words;

pub use priority::{Impact, Priority, PriorityMatrix, Urgency};
pub use registry::{Registry, Settings};
pub use routing::RoutingDecision;
pub use status::Status;
pub use ticket::{Ticket, TicketKind};

/// A value that is wrong, with the field it is in (e.g. `sla.P2.response`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }

    /// The same error one level deeper, e.g. `response` inside `sla.P2`.
    pub fn within(mut self, parent: &str) -> Self {
        self.field = if self.field.is_empty() { parent.to_string() } else { format!("{parent}.{}", self.field) };
        self
    }
}

/// Replaces control characters so that outside text cannot drive an agent's terminal.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| c.is_control() && c != '\n') {
        text.chars().map(|c| if c.is_control() && c != '\n' { '\u{FFFD}' } else { c }).collect::<String>().into()
    } else {
        text.into()
    }
}

/// Like [`sanitize`], and newlines too, for one-line cells.
pub fn sanitize_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(char::is_control) {
        text.chars()
            .map(|c| {
                if c == '\n' {
                    ' '
                } else if c.is_control() {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}
