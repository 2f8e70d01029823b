//! `spoc report contracts`: the contract watch.

use super::table::Table;
use super::{Format, json, out};
use crate::cli::CmdResult;
use crate::desk::DeskApi;

pub fn contracts(desk: &dyn DeskApi, within_days: u32, format: Format) -> CmdResult {
    let w = desk.contract_watch(within_days)?;
    let mut t = Table::new(&["contract", "supplier", "valid_until", "notice_by", "days_left"]);
    for c in &w.contracts {
        t.push(vec![
            c.contract.clone(),
            c.supplier.clone(),
            c.valid_until.to_string(),
            c.notice_by.map(|d| d.to_string()).unwrap_or_default(),
            c.days_left.to_string(),
        ]);
    }
    match format {
        Format::Json => json(&w),
        Format::Csv => out(&t.csv()?),
        Format::Table => {
            let mut s =
                format!("contracts that end, or whose notice date passes, within {within_days} days of {}:\n", w.today);
            s.push_str(&if w.contracts.is_empty() { "  none\n".into() } else { t.text() });
            s.push_str("\nservices no valid contract covers:\n");
            s.push_str(&list(&w.uncovered_services));
            s.push_str("\nsuppliers without an escalation contact:\n");
            s.push_str(&list(&w.suppliers_without_escalation));
            out(&s)
        }
    }
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "  none\n".into();
    }
    names.iter().map(|n| format!("  {}\n", crate::domain::sanitize_line(n))).collect()
}
