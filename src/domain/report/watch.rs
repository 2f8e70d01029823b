//! Contract watch: what in the registry needs the supplier manager's attention soon.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::Registry;
use crate::domain::registry::{ContactRole, Contract};

/// A contract whose end, or whose last day to give notice, falls within the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractDate {
    pub contract: String,
    pub supplier: String,
    pub valid_until: NaiveDate,
    /// The last day notice can be given: `valid_until` less the notice period.
    pub notice_by: Option<NaiveDate>,
    /// Days from today to the nearest of the two dates still ahead.
    pub days_left: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractWatch {
    pub today: NaiveDate,
    pub within_days: u32,
    /// Soonest first.
    pub contracts: Vec<ContractDate>,
    /// Services that no contract valid today covers, for any participant.
    pub uncovered_services: Vec<String>,
    pub suppliers_without_escalation: Vec<String>,
}

pub fn contract_watch(reg: &Registry, today: NaiveDate, within_days: u32) -> ContractWatch {
    let horizon = today.checked_add_days(Days::new(within_days.into())).unwrap_or(NaiveDate::MAX);
    let soon = |d: NaiveDate| d >= today && d <= horizon;
    let mut contracts: Vec<ContractDate> = reg
        .contracts()
        .iter()
        .filter_map(|c| {
            let until = c.valid_until?;
            let notice_by =
                (c.notice_months > 0).then(|| until.checked_sub_months(Months::new(c.notice_months))).flatten();
            let next = [notice_by, Some(until)].into_iter().flatten().find(|d| *d >= today)?;
            (soon(until) || notice_by.is_some_and(soon)).then(|| ContractDate {
                contract: c.number.clone(),
                supplier: c.supplier.clone(),
                valid_until: until,
                notice_by,
                days_left: (next - today).num_days(),
            })
        })
        .collect();
    contracts.sort_by(|a, b| a.days_left.cmp(&b.days_left).then_with(|| a.contract.cmp(&b.contract)));
    let valid_today = |c: &Contract| c.valid_from <= today && c.valid_until.is_none_or(|u| u >= today);
    let uncovered_services = reg
        .services()
        .iter()
        .filter(|s| !reg.contracts_for_service(&s.name).any(valid_today))
        .map(|s| s.name.clone())
        .collect();
    let suppliers_without_escalation = reg
        .suppliers()
        .iter()
        .filter(|s| !s.contacts.iter().any(|c| c.role == ContactRole::Escalation))
        .map(|s| s.name.clone())
        .collect();
    ContractWatch { today, within_days, contracts, uncovered_services, suppliers_without_escalation }
}
