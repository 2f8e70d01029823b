//! Registry commands: import (all-or-nothing), export, and the "who do we call?" lookup.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Agent, Desk, DeskError};
use crate::domain::Registry;
use crate::domain::registry::file;
use crate::domain::registry::import::{import_csv, import_toml};
use crate::domain::registry::lookup::{self, Hit};
use crate::domain::registry::{Contract, RegistryFile, Supplier};
use crate::domain::routing::is_valid_at;
use crate::domain::sla::OpenState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportFormat {
    Toml,
    Csv,
}

impl ImportFormat {
    /// By the file's extension; TOML unless it says `.csv`.
    pub fn of_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => ImportFormat::Csv,
            _ => ImportFormat::Toml,
        }
    }
}

/// How many changes of an import the audit keeps and the command line shows.
pub const SHOWN_CHANGES: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub calendars: usize,
    pub participants: usize,
    pub services: usize,
    pub suppliers: usize,
    pub contacts: usize,
    pub contracts: usize,
    #[serde(default)]
    pub solutions: usize,
    /// "supplier Iddink: phone", one per entry added, removed or changed.
    #[serde(default)]
    pub changes: Vec<String>,
}

impl ImportSummary {
    fn of(f: &RegistryFile, changes: Vec<String>) -> Self {
        ImportSummary {
            calendars: f.calendar.len(),
            participants: f.participant.len(),
            services: f.service.len(),
            suppliers: f.supplier.len(),
            contacts: f.supplier.iter().map(|s| s.contacts.len()).sum(),
            contracts: f.contract.len(),
            solutions: f.solution.len(),
            changes,
        }
    }
}

/// Everything an agent needs to call a supplier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierCard {
    pub supplier: Supplier,
    /// Whether its desk is open now; `None` when its hours are not known.
    pub open_now: Option<bool>,
    /// Until when it is open, or when it opens.
    pub open_change: Option<DateTime<Utc>>,
    /// The time zone of its hours (IANA name).
    pub timezone: Option<String>,
    /// The helpdesk's time zone, in which people read `open_change`.
    pub helpdesk_timezone: String,
    pub contracts: Vec<Contract>,
    /// Contract numbers valid now.
    pub valid_now: Vec<String>,
    /// Its open major incidents: the calls about them link to them.
    #[serde(default)]
    pub majors: Vec<super::MajorIncident>,
}

impl Desk {
    /// Imports a registry file: a TOML file's entries replace those with the same key (or, with
    /// `replace`, the whole registry); a CSV updates the columns it has (with `replace`, its own
    /// table). Nothing is written unless the result validates.
    pub fn import_registry(
        &self,
        agent: &Agent,
        name: &str,
        text: &str,
        format: ImportFormat,
        replace: bool,
    ) -> Result<ImportSummary, DeskError> {
        let _w = self.write_lock();
        let stored = self.registry().file().clone();
        let imported = match format {
            ImportFormat::Toml => import_toml(&stored, name, text, replace),
            ImportFormat::Csv => import_csv(&stored, name, text, replace),
        }
        .map_err(DeskError::BadFile)?;
        let registry = imported.registry;
        let summary = ImportSummary::of(&imported.incoming, imported.changes);
        let what = format!(
            "imported {name}{}: {}",
            match (replace, format) {
                (false, _) => "",
                (true, ImportFormat::Toml) => " (replacing the registry)",
                (true, ImportFormat::Csv) => " (replacing its table)",
            },
            // The audit keeps the first changes; a first import of thousands adds them all.
            serde_json::to_string(&ImportSummary {
                changes: summary.changes.iter().take(SHOWN_CHANGES).cloned().collect(),
                ..summary.clone()
            })
            .unwrap_or_default()
        );
        self.store.save_registry(registry.file(), self.now(), agent.login(), &what)?;
        self.install(registry);
        Ok(summary)
    }

    /// The registry as TOML that `import` reads back to the same registry.
    pub fn export_registry(&self) -> String {
        file::to_toml(self.registry().file())
    }

    pub fn lookup(&self, query: &str, limit: usize) -> Vec<Hit> {
        lookup::find(&self.registry(), query, self.now(), limit)
    }

    pub fn supplier_card(&self, name: &str) -> Result<SupplierCard, DeskError> {
        let reg = self.registry();
        let now = self.now();
        let supplier = reg.supplier(name).cloned().ok_or_else(|| DeskError::Unknown {
            what: "supplier",
            given: name.to_string(),
            suggestions: lookup::closest(name, reg.suppliers().iter().map(|s| s.name.as_str()), 3)
                .into_iter()
                .map(String::from)
                .collect(),
        })?;
        let mut card = card(&reg, supplier, now);
        card.majors =
            self.major_incidents()?.into_iter().filter(|m| m.supplier.as_ref() == Some(&card.supplier.name)).collect();
        Ok(card)
    }
}

fn card(reg: &Registry, supplier: Supplier, now: DateTime<Utc>) -> SupplierCard {
    let hours = supplier.hours.as_deref().and_then(|h| reg.calendar(h));
    let state = hours.map(|c| c.open_state(now));
    let timezone = hours.map(|c| c.timezone.name().to_string());
    let (open_now, open_change) = match state {
        Some(OpenState::Open { until }) => (Some(true), Some(until)),
        Some(OpenState::Closed { opens }) => (Some(false), opens),
        None => (None, None),
    };
    let contracts: Vec<Contract> = reg.contracts_of_supplier(&supplier.name).cloned().collect();
    let valid_now = contracts.iter().filter(|c| is_valid_at(reg, c, now)).map(|c| c.number.clone()).collect();
    let helpdesk_timezone = reg.helpdesk_calendar().timezone.name().to_string();
    SupplierCard {
        supplier,
        open_now,
        open_change,
        timezone,
        helpdesk_timezone,
        contracts,
        valid_now,
        majors: Vec::new(),
    }
}
