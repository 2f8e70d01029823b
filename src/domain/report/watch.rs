//! Contract watch: what in the registry needs the supplier manager's attention soon.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::Registry;
use crate::domain::registry::{ContactRole, Contract};

/// A contract whose end, or whose last day to give notice, falls within the window, or that
/// ended lately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractDate {
    pub contract: String,
    pub supplier: String,
    pub valid_until: NaiveDate,
    /// The last day notice can be given: `valid_until` less the notice period, in calendar
    /// months; a day the earlier month lacks is its last (31 May less 3 months: 28 or 29 Feb).
    pub notice_by: Option<NaiveDate>,
    /// Where the contract stands today.
    pub state: WatchState,
    /// The date `days_left` counts to: the notice date while it is ahead, else the end.
    pub counts_to: NaiveDate,
    /// Days from today to `counts_to`; negative for a contract that ended that many days ago.
    pub days_left: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WatchState {
    /// Notice can still be given, until `notice_by`.
    NoticeAhead,
    /// The last day to give notice has passed; the contract still runs.
    NoticePassed,
    /// It ends within the window (no notice period).
    Ending,
    /// It ended within the last 90 days.
    Ended,
}

impl WatchState {
    /// As scripts and spreadsheets name it (the JSON's name too).
    pub fn code(self) -> &'static str {
        match self {
            WatchState::NoticeAhead => "notice_ahead",
            WatchState::NoticePassed => "notice_passed",
            WatchState::Ending => "ending",
            WatchState::Ended => "ended",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WatchState::NoticeAhead => "notice ahead",
            WatchState::NoticePassed => "notice passed",
            WatchState::Ending => "ending",
            WatchState::Ended => "ended",
        }
    }
}

/// How long an ended contract stays in the watch.
pub const ENDED_SHOWN_DAYS: u64 = 90;

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
    let since = today.checked_sub_days(Days::new(ENDED_SHOWN_DAYS)).unwrap_or(NaiveDate::MIN);
    let soon = |d: NaiveDate| d >= today && d <= horizon;
    let mut contracts: Vec<ContractDate> = reg
        .contracts()
        .iter()
        .filter_map(|c| {
            let until = c.valid_until?;
            let notice_by =
                (c.notice_months > 0).then(|| until.checked_sub_months(Months::new(c.notice_months))).flatten();
            let (state, counts_to) = match notice_by {
                _ if until < today => (WatchState::Ended, until),
                Some(n) if n >= today => (WatchState::NoticeAhead, n),
                Some(_) => (WatchState::NoticePassed, until),
                None => (WatchState::Ending, until),
            };
            let shown = match state {
                WatchState::Ended => until >= since,
                // A notice date passed lately stays in sight until the end comes near.
                WatchState::NoticePassed => soon(until) || notice_by.is_some_and(|n| n >= since),
                _ => soon(until) || notice_by.is_some_and(soon),
            };
            shown.then(|| ContractDate {
                contract: c.number.clone(),
                supplier: c.supplier.clone(),
                valid_until: until,
                notice_by,
                state,
                counts_to,
                days_left: (counts_to - today).num_days(),
            })
        })
        .collect();
    // Those ahead soonest first, then the ended ones, latest first.
    contracts.sort_by_key(|c| (c.state == WatchState::Ended, c.days_left.abs(), c.contract.clone()));
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
