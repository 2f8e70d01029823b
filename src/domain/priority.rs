//! Priority from impact × urgency.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// 1 whole organisation, 2 department or group, 3 one person.
pub type Impact = u8;
/// 1 critical .. 4 low.
pub type Urgency = u8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Priority {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "P1" | "1" => Ok(Priority::P1),
            "P2" | "2" => Ok(Priority::P2),
            "P3" | "3" => Ok(Priority::P3),
            "P4" | "4" => Ok(Priority::P4),
            _ => Err(crate::tr!("prio-unknown", given = format!("{s:?}"))),
        }
    }
}

/// Rows impact 1..3, columns urgency 1..4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityMatrix(pub [[Priority; 4]; 3]);

impl Default for PriorityMatrix {
    fn default() -> Self {
        use Priority::*;
        PriorityMatrix([[P1, P1, P2, P4], [P1, P2, P3, P4], [P2, P3, P3, P4]])
    }
}

impl PriorityMatrix {
    pub fn priority(&self, impact: Impact, urgency: Urgency) -> Result<Priority, String> {
        check_impact(impact)?;
        check_urgency(urgency)?;
        Ok(self.0[impact as usize - 1][urgency as usize - 1])
    }
}

pub fn check_impact(impact: Impact) -> Result<(), String> {
    if (1..=3).contains(&impact) { Ok(()) } else { Err(crate::tr!("prio-impact-out-of-range", impact = impact)) }
}

pub fn check_urgency(urgency: Urgency) -> Result<(), String> {
    if (1..=4).contains(&urgency) { Ok(()) } else { Err(crate::tr!("prio-urgency-out-of-range", urgency = urgency)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_matrix_matches_the_brief() {
        let m = PriorityMatrix::default();
        let rows: Vec<String> = (1..=3)
            .map(|i| (1..=4).map(|u| m.priority(i, u).unwrap().to_string()).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(rows, ["P1 P1 P2 P4", "P1 P2 P3 P4", "P2 P3 P3 P4"]);
        assert!(m.priority(0, 1).is_err());
        assert!(m.priority(1, 5).is_err());
    }
}
