//! The ticket lifecycle and its allowed transitions.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Assigned,
    InProgress,
    WaitingOnSupplier,
    WaitingOnCaller,
    Resolved,
    Closed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::New,
        Status::Assigned,
        Status::InProgress,
        Status::WaitingOnSupplier,
        Status::WaitingOnCaller,
        Status::Resolved,
        Status::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Assigned => "assigned",
            Status::InProgress => "in_progress",
            Status::WaitingOnSupplier => "waiting_on_supplier",
            Status::WaitingOnCaller => "waiting_on_caller",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    /// A stable small number for index keys.
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn is_open(self) -> bool {
        !matches!(self, Status::Resolved | Status::Closed)
    }

    /// Where a ticket may go from here. Reopen (from resolved or closed) goes to in_progress;
    /// whether a closed ticket is still within the reopen window is the ticket's rule.
    pub fn allowed_next(self) -> &'static [Status] {
        use Status::*;
        match self {
            New => &[Assigned, InProgress, WaitingOnSupplier, WaitingOnCaller, Resolved],
            Assigned => &[InProgress, WaitingOnSupplier, WaitingOnCaller, Resolved],
            InProgress => &[Assigned, WaitingOnSupplier, WaitingOnCaller, Resolved],
            WaitingOnSupplier => &[InProgress, WaitingOnCaller, Resolved],
            WaitingOnCaller => &[InProgress, WaitingOnSupplier, Resolved],
            Resolved => &[Closed, InProgress],
            Closed => &[InProgress],
        }
    }

    /// The status as people read it, in the current language (`in_progress` is "in
    /// behandeling"); scripts keep [`Status::as_str`].
    pub fn name(self) -> String {
        crate::i18n::t(&format!("status-{}", self.as_str().replace('_', "-")))
    }

    pub fn check_transition(self, to: Status) -> Result<(), String> {
        if self.allowed_next().contains(&to) {
            return Ok(());
        }
        let allowed: Vec<String> = self.allowed_next().iter().map(|s| s.name()).collect();
        Err(crate::tr!("rule-transition", from = self.name(), to = to.name(), allowed = allowed.join(", ")))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Status::ALL.into_iter().find(|st| st.as_str() == wanted).ok_or_else(|| {
            let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
            format!("unknown status {s:?} (expected one of {})", all.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_names_the_allowed_ones() {
        let err = Status::New.check_transition(Status::Closed).unwrap_err();
        assert!(err.contains("assigned, in_progress"), "{err}");
        assert!(Status::Resolved.check_transition(Status::Closed).is_ok());
        assert!(Status::Closed.check_transition(Status::Resolved).is_err());
    }

    #[test]
    fn parses_its_own_names() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>().unwrap(), s);
        }
        assert_eq!("waiting-on-caller".parse::<Status>().unwrap(), Status::WaitingOnCaller);
    }
}
