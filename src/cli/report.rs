//! `spoc report suppliers`: the supplier scorecard as a table, CSV or JSON.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::{CmdResult, Failure, bad, json, out};
use crate::desk::DeskApi;
use crate::domain::report::Scorecard;
use crate::domain::sanitize_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// A date is a whole day in the helpdesk's time zone; `--to` includes its day.
fn bound(desk: &dyn DeskApi, text: &str, flag: &str, end: bool) -> Result<DateTime<Utc>, Failure> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| bad(format!("{flag} {text:?} is not a date (YYYY-MM-DD) or an RFC 3339 instant")))?;
    let day = if end { day.succ_opt().unwrap_or(day) } else { day };
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight");
    Ok(tz
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc()))
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_default()
}

pub fn suppliers(desk: &dyn DeskApi, from: &str, to: &str, supplier: Option<&str>, format: Format) -> CmdResult {
    let (start, end) = (bound(desk, from, "--from", false)?, bound(desk, to, "--to", true)?);
    if end <= start {
        return Err(bad("--to is before --from"));
    }
    let cards = desk.supplier_report(start, end, supplier)?;
    match format {
        Format::Json => json(&cards),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header = [
                "supplier",
                "contract",
                "dispatched",
                "response_met_pct",
                "resolution_met_pct",
                "median_resolution_hours",
                "p90_resolution_hours",
                "open_breaches",
                "reopened",
                "satisfaction_avg",
            ];
            w.write_record(header).map_err(|e| Failure::Runtime(e.to_string()))?;
            for c in &cards {
                w.write_record(row(c)).map_err(|e| Failure::Runtime(e.to_string()))?;
            }
            let bytes = w.into_inner().map_err(|e| Failure::Runtime(e.to_string()))?;
            out(&String::from_utf8_lossy(&bytes))
        }
        Format::Table => {
            let mut s = format!(
                "{:<24} {:<16} {:>5} {:>7} {:>7} {:>7} {:>7} {:>5} {:>5} {:>5}\n",
                "supplier", "contract", "disp", "resp%", "resol%", "med h", "p90 h", "open✗", "reop", "csat"
            );
            for c in &cards {
                let r = row(c);
                s.push_str(&format!(
                    "{:<24} {:<16} {:>5} {:>7} {:>7} {:>7} {:>7} {:>5} {:>5} {:>5}\n",
                    sanitize_line(&r[0]).chars().take(24).collect::<String>(),
                    if c.contract.is_none() { "(all)".into() } else { r[1].clone() },
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9]
                ));
            }
            if cards.is_empty() {
                s.push_str("no tickets were dispatched in this period\n");
            }
            out(&s)
        }
    }
}

fn row(c: &Scorecard) -> [String; 10] {
    [
        c.supplier.clone(),
        c.contract.clone().unwrap_or_default(),
        c.dispatched.to_string(),
        num(c.response_met_pct()),
        num(c.resolution_met_pct()),
        num(c.median_resolution_hours),
        num(c.p90_resolution_hours),
        c.open_breaches.to_string(),
        c.reopened.to_string(),
        num(c.satisfaction_avg),
    ]
}
