//! The team lead's glance: open tickets by SLA level, per supplier and per participant.

use serde::{Deserialize, Serialize};

use crate::domain::Ticket;
use crate::domain::sla::ClockLevel;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LevelCounts {
    pub name: String,
    pub open: u64,
    /// At least one clock at its warning level, none breached.
    pub warning: u64,
    pub breached: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Dashboard {
    pub open: LevelCounts,
    /// Most breached first; "unrouted" for tickets without a supplier.
    pub suppliers: Vec<LevelCounts>,
    pub participants: Vec<LevelCounts>,
    /// The load per agent, by login; "unassigned" for tickets nobody has.
    pub agents: Vec<LevelCounts>,
    /// Tickets logged today, in the helpdesk's zone.
    pub arrivals_today: u64,
    /// The open major incidents, most urgent first (the desk adds them).
    #[serde(default)]
    pub majors: Vec<MajorIncident>,
}

/// An open major incident, as the lookup, the dashboard and intake show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MajorIncident {
    pub id: u64,
    pub title: String,
    pub status: crate::domain::Status,
    pub service: String,
    pub supplier: Option<String>,
    pub supplier_ref: Option<String>,
    /// Calls linked to it that are still open.
    pub open_calls: usize,
    /// Every call linked to it.
    pub calls: usize,
    #[serde(with = "crate::domain::instant")]
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl LevelCounts {
    fn add(&mut self, level: ClockLevel) {
        self.open += 1;
        match level {
            ClockLevel::Breached => self.breached += 1,
            ClockLevel::Warning => self.warning += 1,
            ClockLevel::Ok => {}
        }
    }
}

/// The row of the tickets without a supplier, per supplier; also the filter word for them.
pub const UNROUTED: &str = "unrouted";

/// The row of the tickets nobody is assigned to, in the load per agent.
pub const UNASSIGNED: &str = "unassigned";

/// Counts open tickets (with the worst level of their clocks now).
pub fn dashboard<'a>(open: impl Iterator<Item = (&'a Ticket, ClockLevel)>, arrivals_today: u64) -> Dashboard {
    use std::collections::BTreeMap;
    let mut total = LevelCounts { name: "all".into(), ..Default::default() };
    let mut suppliers: BTreeMap<String, LevelCounts> = BTreeMap::new();
    let mut participants: BTreeMap<String, LevelCounts> = BTreeMap::new();
    let mut agents: BTreeMap<String, LevelCounts> = BTreeMap::new();
    for (t, level) in open {
        let agent = t.assignee.clone().unwrap_or_else(|| UNASSIGNED.into());
        agents.entry(agent.clone()).or_insert_with(|| LevelCounts { name: agent, ..Default::default() }).add(level);
        total.add(level);
        let supplier = t.routing.supplier.clone().unwrap_or_else(|| UNROUTED.into());
        suppliers
            .entry(supplier.clone())
            .or_insert_with(|| LevelCounts { name: supplier, ..Default::default() })
            .add(level);
        participants
            .entry(t.participant.clone())
            .or_insert_with(|| LevelCounts { name: t.participant.clone(), ..Default::default() })
            .add(level);
    }
    let ranked = |m: BTreeMap<String, LevelCounts>| {
        let mut v: Vec<LevelCounts> = m.into_values().collect();
        v.sort_by(|a, b| {
            (b.breached, b.warning, b.open).cmp(&(a.breached, a.warning, a.open)).then(a.name.cmp(&b.name))
        });
        v
    };
    Dashboard {
        open: total,
        suppliers: ranked(suppliers),
        participants: ranked(participants),
        agents: ranked(agents),
        arrivals_today,
        majors: Vec::new(),
    }
}
