//! The supplier and contract registry: records, settings, validation and the indexes used to
//! route and look up.

mod changes;
pub mod file;
pub mod import;
pub mod lookup;
pub mod model;
pub mod sheet;
pub mod text;
mod validate;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use model::{
    Contact, ContactRole, Contract, Coverage, Norms, Participant, PriorityNorms, Service, Solution, Supplier, Targets,
};
pub use validate::RegistryError;

use crate::domain::sla::{Calendar, CalendarSpec, SlaDuration};
use crate::domain::{Priority, PriorityMatrix};

/// The helpdesk's own agreement and the knobs of the desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The calendar of the helpdesk agreement towards participants.
    #[serde(default = "default_calendar")]
    pub helpdesk_calendar: String,
    /// Share of a target at which a clock warns.
    #[serde(default = "default_warning")]
    pub warning_at: f64,
    /// Days after closing in which a ticket may still be reopened.
    #[serde(default = "default_reopen_days")]
    pub reopen_days: u32,
    #[serde(default)]
    pub matrix: PriorityMatrix,
    #[serde(default = "default_agreement")]
    pub agreement: BTreeMap<Priority, Targets>,
    /// What the helpdesk's own figures are held to (participants and services reports).
    #[serde(default, skip_serializing_if = "model::Norms::is_empty")]
    pub norms: model::Norms,
    /// Months after closing that a ticket keeps its caller's personal data (none: kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_retention_months: Option<u32>,
}

fn default_calendar() -> String {
    "24x7".into()
}
fn default_warning() -> f64 {
    0.75
}
fn default_reopen_days() -> u32 {
    14
}
fn default_agreement() -> BTreeMap<Priority, Targets> {
    let t = |response, resolve| Targets { response, resolve };
    BTreeMap::from([
        (Priority::P1, t(SlaDuration::minutes(15), SlaDuration::hours(4))),
        (Priority::P2, t(SlaDuration::minutes(30), SlaDuration::hours(8))),
        (Priority::P3, t(SlaDuration::hours(2), SlaDuration::days(3))),
        (Priority::P4, t(SlaDuration::hours(4), SlaDuration::days(5))),
    ])
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            helpdesk_calendar: default_calendar(),
            warning_at: default_warning(),
            reopen_days: default_reopen_days(),
            matrix: PriorityMatrix::default(),
            agreement: default_agreement(),
            norms: Default::default(),
            caller_retention_months: None,
        }
    }
}

/// The registry as written: the file format, and what the store keeps.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryFile {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub calendar: Vec<CalendarSpec>,
    #[serde(default)]
    pub participant: Vec<Participant>,
    #[serde(default)]
    pub service: Vec<Service>,
    #[serde(default)]
    pub supplier: Vec<Supplier>,
    #[serde(default)]
    pub contract: Vec<Contract>,
    /// Standard solutions the desk applies itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub solution: Vec<model::Solution>,
}

impl RegistryFile {
    /// Entries of `other` replace entries with the same key here; new ones are added.
    pub fn merge(&mut self, other: RegistryFile, settings_too: bool) {
        if settings_too {
            self.settings = other.settings;
        }
        // By the key every lookup uses, so that "printen " in a file is the stored "Printen",
        // and keeps that spelling: tickets carry it, and `ZYL` must not become `zyl` halfway.
        upsert(&mut self.calendar, other.calendar, |c| &mut c.name);
        upsert(&mut self.participant, other.participant, |p| &mut p.code);
        upsert(&mut self.service, other.service, |s| &mut s.name);
        upsert(&mut self.supplier, other.supplier, |s| &mut s.name);
        upsert(&mut self.contract, other.contract, |c| &mut c.number);
        upsert(&mut self.solution, other.solution, |s| &mut s.title);
    }

    pub fn len(&self) -> usize {
        self.calendar.len()
            + self.participant.len()
            + self.service.len()
            + self.supplier.len()
            + self.supplier.iter().map(|s| s.contacts.len()).sum::<usize>()
            + self.contract.len()
            + self.solution.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Each of `from` replaces the entry of `into` with the same key, keeping that entry's spelling
/// of the key (`name` gives an entry's key field), or is added.
fn upsert<T>(into: &mut Vec<T>, from: Vec<T>, name: impl Fn(&mut T) -> &mut String) {
    for mut item in from {
        let k = key(name(&mut item));
        match into.iter_mut().position(|x| key(name(x)) == k).map(|i| &mut into[i]) {
            Some(slot) => {
                *name(&mut item) = std::mem::take(name(slot));
                *slot = item;
            }
            None => into.push(item),
        }
    }
}

/// A validated registry with its lookup indexes. Built only through [`Registry::build`].
#[derive(Debug, Clone)]
pub struct Registry {
    file: RegistryFile,
    calendars: HashMap<String, Arc<Calendar>>,
    participants: HashMap<String, usize>,
    services: HashMap<String, usize>,
    suppliers: HashMap<String, usize>,
    contracts: HashMap<String, usize>,
    contracts_by_service: HashMap<usize, Vec<usize>>,
    /// Participants, services and suppliers by their names with accents dropped too, as people
    /// type them ("clientvolgsysteem"); `None` where that fits more than one entry.
    folded: [HashMap<String, Option<usize>>; 3],
    /// The lookup's rankings of one- and two-letter queries, kept as long as this registry.
    short_queries: Arc<lookup::ShortQueries>,
}

pub(crate) fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Names by their folded form (see [`lookup::fold`]), each pointing at its entry, or at none
/// when two entries fold alike.
fn folded(names: &HashMap<String, usize>) -> HashMap<String, Option<usize>> {
    let mut out: HashMap<String, Option<usize>> = HashMap::with_capacity(names.len());
    for (name, &i) in names {
        let slot = out.entry(lookup::fold(name)).or_insert(Some(i));
        if *slot != Some(i) {
            *slot = None;
        }
    }
    out
}

/// An entry by its name as stored (case aside), else as typed without accents when that names
/// one entry only.
fn by_name(exact: &HashMap<String, usize>, folded: &HashMap<String, Option<usize>>, name: &str) -> Option<usize> {
    exact.get(&key(name)).copied().or_else(|| folded.get(&lookup::fold(name.trim())).copied().flatten())
}

impl Registry {
    /// Validates everything at once; all errors are returned, not just the first.
    pub fn build(file: RegistryFile) -> Result<Registry, Vec<RegistryError>> {
        validate::build(file)
    }

    /// Keys claimed twice within one file.
    pub fn duplicates_in(file: &RegistryFile) -> Vec<RegistryError> {
        validate::duplicates(file)
    }

    /// Names of a registry file that differ only in accents, where `new` says an entry is one
    /// a file brings.
    pub fn accent_clashes_in(file: &RegistryFile, new: &dyn Fn(&str, &str) -> bool) -> Vec<RegistryError> {
        validate::accent_clashes(file, new)
    }

    pub fn empty() -> Registry {
        Registry::build(RegistryFile::default()).expect("the empty registry is valid")
    }

    pub(crate) fn short_queries(&self) -> &lookup::ShortQueries {
        &self.short_queries
    }

    /// A participant as people name it: by code, or by its name (case aside).
    pub fn participant_named(&self, given: &str) -> Option<&Participant> {
        if let Some(p) = self.participant(given) {
            return Some(p);
        }
        // By name: as written (case aside), else without accents; only when that is one.
        let one = |same: &dyn Fn(&Participant) -> bool| {
            let mut found = self.participants().iter().filter(|p| same(p));
            match (found.next(), found.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        };
        let (k, folded) = (key(given), lookup::fold(given.trim()));
        one(&|p| key(&p.name) == k).or_else(|| one(&|p| lookup::fold(&p.name) == folded))
    }

    /// The standard solutions for a service (by name or alias), in the file's order.
    pub fn solutions_for(&self, service: &str) -> Vec<&model::Solution> {
        let Some(wanted) = self.service(service).map(|s| key(&s.name)) else { return Vec::new() };
        self.file
            .solution
            .iter()
            .filter(|sol| sol.services.iter().any(|n| self.service(n).is_some_and(|s| key(&s.name) == wanted)))
            .collect()
    }

    pub fn solution(&self, title: &str) -> Option<&model::Solution> {
        self.file.solution.iter().find(|s| key(&s.title) == key(title))
    }

    pub fn file(&self) -> &RegistryFile {
        &self.file
    }

    pub fn settings(&self) -> &Settings {
        &self.file.settings
    }

    pub fn calendar(&self, name: &str) -> Option<&Arc<Calendar>> {
        self.calendars.get(&key(name))
    }

    pub fn helpdesk_calendar(&self) -> &Arc<Calendar> {
        self.calendar(&self.file.settings.helpdesk_calendar).expect("validated at build")
    }

    pub fn participant(&self, code: &str) -> Option<&Participant> {
        by_name(&self.participants, &self.folded[0], code).map(|i| &self.file.participant[i])
    }

    /// A service by name or alias.
    pub fn service(&self, name: &str) -> Option<&Service> {
        by_name(&self.services, &self.folded[1], name).map(|i| &self.file.service[i])
    }

    /// A supplier by name or alias.
    pub fn supplier(&self, name: &str) -> Option<&Supplier> {
        by_name(&self.suppliers, &self.folded[2], name).map(|i| &self.file.supplier[i])
    }

    /// The norms a supplier as a whole is held to: those all its contracts share; `None` when
    /// they differ (each contract is then judged on its own).
    pub fn supplier_norms<'a>(&'a self, supplier: &'a str) -> Option<&'a Norms> {
        let mut all = self.contracts_of_supplier(supplier).map(|c| &c.norms);
        let first = all.next()?;
        all.all(|o| o == first).then_some(first)
    }

    pub fn contract(&self, number: &str) -> Option<&Contract> {
        self.contracts.get(&key(number)).map(|&i| &self.file.contract[i])
    }

    /// Contracts that name this service (by its name or an alias), valid or not.
    pub fn contracts_for_service(&self, service: &str) -> impl Iterator<Item = &Contract> {
        let idx = self.services.get(&key(service)).and_then(|i| self.contracts_by_service.get(i));
        idx.into_iter().flatten().map(|&i| &self.file.contract[i])
    }

    pub fn contracts_of_supplier<'a>(&'a self, supplier: &'a str) -> impl Iterator<Item = &'a Contract> + 'a {
        self.file.contract.iter().filter(move |c| c.supplier.eq_ignore_ascii_case(supplier))
    }

    pub fn participants(&self) -> &[Participant] {
        &self.file.participant
    }
    pub fn services(&self) -> &[Service] {
        &self.file.service
    }
    pub fn suppliers(&self) -> &[Supplier] {
        &self.file.supplier
    }
    pub fn contracts(&self) -> &[Contract] {
        &self.file.contract
    }
    pub fn calendars(&self) -> impl Iterator<Item = &Arc<Calendar>> {
        self.calendars.values()
    }
}
