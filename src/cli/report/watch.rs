//! `spoc report contracts`: the contract watch.

use super::table::Table;
use super::{Format, day_text, json, label, out};
use crate::cli::CmdResult;
use crate::desk::DeskApi;
use crate::domain::report::{ContractWatch, ENDED_SHOWN_DAYS, WatchState};

pub fn contracts(desk: &dyn DeskApi, within_days: u32, format: Format) -> CmdResult {
    let w = desk.contract_watch(within_days)?;
    match format {
        Format::Json => json(&w),
        Format::Xlsx => Err(crate::cli::Failure::BadInput(
            "the contract watch is written as table, csv or json; --format csv opens in a spreadsheet".into(),
        )),
        Format::Csv => out(&all_sections(&w).csv()?),
        Format::Table => {
            let mut t = Table::new(&["contract", "supplier", "valid until", "notice by", "state", "days"]);
            for c in &w.contracts {
                let days = match c.state {
                    WatchState::Ended => crate::tr!("report-watch-days-ago", days = -c.days_left),
                    _ => crate::tr!("report-watch-days-to", days = c.days_left, date = day_text(c.counts_to)),
                };
                t.push(vec![
                    c.contract.clone(),
                    c.supplier.clone(),
                    day_text(c.valid_until),
                    c.notice_by.map(day_text).unwrap_or_default(),
                    state_text(c.state),
                    days,
                ]);
            }
            let title = crate::tr!(
                "report-watch-title",
                within = within_days,
                today = day_text(w.today),
                ended = ENDED_SHOWN_DAYS
            );
            let mut s = format!("{title}:\n");
            s.push_str(&if w.contracts.is_empty() { none() } else { t.relabelled(label).text() });
            s.push_str(&format!("\n{}:\n", crate::i18n::t("report-watch-uncovered")));
            s.push_str(&list(&w.uncovered_services));
            s.push_str(&format!("\n{}:\n", crate::i18n::t("report-watch-no-escalation")));
            s.push_str(&list(&w.suppliers_without_escalation));
            out(&s)
        }
    }
}

/// Where a contract stands, in words.
fn state_text(state: WatchState) -> String {
    match state {
        WatchState::NoticeAhead => crate::i18n::t("report-state-notice-ahead"),
        WatchState::NoticePassed => crate::i18n::t("report-state-notice-passed"),
        WatchState::Ending => crate::i18n::t("report-state-ending"),
        WatchState::Ended => crate::i18n::t("report-state-ended"),
    }
}

/// An empty section.
fn none() -> String {
    format!("  {}\n", crate::i18n::t("report-watch-none"))
}

/// Every section in one sheet, told apart by its first column.
fn all_sections(w: &ContractWatch) -> Table {
    let mut t =
        Table::new(&["section", "name", "supplier", "valid_until", "notice_by", "state", "counts_to", "days_left"]);
    for c in &w.contracts {
        t.push(vec![
            "contract".into(),
            c.contract.clone(),
            c.supplier.clone(),
            c.valid_until.to_string(),
            c.notice_by.map(|d| d.to_string()).unwrap_or_default(),
            c.state.code().to_string(),
            c.counts_to.to_string(),
            c.days_left.to_string(),
        ]);
    }
    let named = |section: &str, name: &String| {
        let mut row = vec![section.to_string(), name.clone()];
        row.resize(8, String::new());
        row
    };
    for s in &w.uncovered_services {
        t.push(named("uncovered_service", s));
    }
    for s in &w.suppliers_without_escalation {
        t.push(named("supplier_without_escalation", s));
    }
    t
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        return none();
    }
    names.iter().map(|n| format!("  {}\n", crate::domain::sanitize_line(n))).collect()
}
