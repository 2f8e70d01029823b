//! `spoc report suppliers|participants|services|contracts|pack`: regie reports as a table, CSV,
//! JSON, a workbook, or the meeting pack. With `--monthly` a row per month (the trend); with
//! `--detail` the tickets behind every figure.

mod pack;
mod table;
mod watch;
mod xlsx;

use chrono::{DateTime, Utc};

pub use pack::{PackArgs, pack};
pub use watch::contracts;

use super::{CmdResult, Failure, bad, json, out};
use crate::desk::{DeskApi, Report, ReportQuery};
use crate::domain::report::{Facts, Figures, Outcome};
use crate::i18n::Lang;
use table::Table;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    /// A workbook, one sheet per section (with -o FILE).
    Xlsx,
}

/// The flags every period report shares.
#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    /// The first day (YYYY-MM-DD, in the helpdesk's time zone) or an RFC 3339 instant.
    #[arg(long)]
    pub from: String,
    /// The last day included.
    #[arg(long)]
    pub to: String,
    /// A row per month as well: the trend.
    #[arg(long)]
    pub monthly: bool,
    /// List the tickets behind the figures (with CSV: instead of the figures).
    #[arg(long)]
    pub detail: bool,
    /// table (to read), csv (for a spreadsheet) or json (for scripts).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// With --format csv: as Dutch Excel opens it (`;`-separated, decimal comma, UTF-8 with BOM).
    #[arg(long)]
    pub excel: bool,
    /// The file to write (needed with --format xlsx).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// A date is a whole day in the helpdesk's time zone; `--to` includes its day.
fn bound(desk: &dyn DeskApi, text: &str, flag: &str, end: bool) -> Result<DateTime<Utc>, Failure> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    super::day_bound(desk.registry()?.helpdesk_calendar().timezone, text, flag, end)
}

fn query(desk: &dyn DeskApi, a: &PeriodArgs) -> Result<ReportQuery, Failure> {
    let (from, to) = (bound(desk, &a.from, "--from", false)?, bound(desk, &a.to, "--to", true)?);
    if to <= from {
        return Err(bad(crate::i18n::t("report-to-before-from")));
    }
    Ok(ReportQuery { monthly: a.monthly, detail: a.detail, ..ReportQuery::new(from, to) })
}

pub fn suppliers(desk: &dyn DeskApi, a: PeriodArgs, supplier: Option<String>) -> CmdResult {
    let q = ReportQuery { supplier, ..query(desk, &a)? };
    let report = desk.supplier_report(q)?;
    // For people, a supplier whose tickets all fall under one contract is one row, not two.
    let single = |c: &crate::domain::report::Scorecard| {
        let same: Vec<_> = report
            .rows
            .iter()
            .filter(|o| o.supplier == c.supplier && o.month == c.month && o.contract.is_some())
            .collect();
        same.len() == 1 && same[0].figures.tickets == report_total(&report.rows, c).map_or(0, |t| t.figures.tickets)
    };
    let people = a.format == Format::Table;
    // The total row's name: in words for people; as scripts know it in a CSV or a workbook.
    let all = if people { crate::i18n::t("report-all-contracts") } else { "(all)".to_string() };
    let rows = report.rows.iter().filter(|c| !(people && c.contract.is_none() && single(c))).map(|c| {
        let contract = c.contract.clone().unwrap_or_else(|| all.clone());
        (vec![c.supplier.clone(), contract], c.month.clone(), &c.figures, c.norm.as_ref())
    });
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let extras = supplier_extras(&report, tz, people);
    print(
        desk,
        &a,
        &["supplier", "contract"],
        "dispatched",
        rows.collect(),
        &report,
        &crate::i18n::t("report-nothing-dispatched"),
        &extras,
    )
}

/// A supplier report's other sections: the backlog at the period's end with its longest waits,
/// and the calls for the suppliers' services that never reached them. With `text`, for the
/// terminal: times and hours as the language writes them (a workbook keeps its dates and numbers).
fn supplier_extras(
    report: &Report<crate::domain::report::Scorecard>,
    tz: chrono_tz::Tz,
    text: bool,
) -> Vec<(String, Table)> {
    use crate::domain::report::AGES;
    let mut out = Vec::new();
    let Some(at) = report.backlog.first().map(|b| b.at) else {
        return kept_section(report, out);
    };
    // A period ends at midnight: named by its last day, as `--to` gives it.
    let local = at.with_timezone(&tz);
    let title = match local.time() == chrono::NaiveTime::MIN {
        true => crate::tr!("report-backlog-title-end", day = day_text(local.date_naive() - chrono::Days::new(1))),
        false => crate::tr!("report-backlog-title-at", at = minute_text(at, tz)),
    };
    let mut header = vec!["supplier", "waiting"];
    header.extend(AGES);
    let mut backlog = Table::new(&header);
    let mut longest = Table::new(&["supplier", "ticket", "P", "dispatched", "business h", "age", "their ref", "title"]); // i18n: stable (a column name; tables show its label)
    for b in &report.backlog {
        let mut row = vec![b.supplier.clone(), b.total().to_string()];
        row.extend(b.ages.iter().map(u64::to_string));
        backlog.push(row);
        for w in &b.longest {
            longest.push(vec![
                b.supplier.clone(),
                format!("#{}", w.id),
                w.priority.to_string(),
                match text {
                    true => minute_text(w.dispatched, tz),
                    false => w.dispatched.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
                },
                one_decimal(w.business_hours, text),
                if text { age_text(&w.age) } else { w.age.clone() },
                w.supplier_ref.clone().unwrap_or_default(),
                w.title.clone(),
            ]);
        }
    }
    out.push((title, backlog));
    out.push((crate::i18n::t("report-longest-title"), longest));
    kept_section(report, out)
}

fn kept_section(
    report: &Report<crate::domain::report::Scorecard>,
    mut out: Vec<(String, Table)>,
) -> Vec<(String, Table)> {
    if report.kept_at_desk.is_empty() {
        return out;
    }
    let ids = |v: &[u64]| v.iter().take(12).map(|id| format!("#{id}")).collect::<Vec<_>>().join(" ");
    let mut kept = Table::new(&["supplier", "solved by the helpdesk", "could not be routed", "tickets"]); // i18n: stable (a column name; tables show its label)
    for k in &report.kept_at_desk {
        let all: Vec<u64> = k.solved_by_desk.iter().chain(&k.unroutable).copied().collect();
        kept.push(vec![
            k.supplier.clone(),
            k.solved_by_desk.len().to_string(),
            k.unroutable.len().to_string(),
            ids(&all),
        ]);
    }
    out.push((crate::i18n::t("report-kept-title"), kept));
    out
}

/// The supplier's total row beside a scorecard (of the same month).
fn report_total<'a>(
    rows: &'a [crate::domain::report::Scorecard],
    c: &crate::domain::report::Scorecard,
) -> Option<&'a crate::domain::report::Scorecard> {
    rows.iter().find(|o| o.supplier == c.supplier && o.month == c.month && o.contract.is_none())
}

pub fn participants(desk: &dyn DeskApi, a: PeriodArgs, participant: Option<String>) -> CmdResult {
    let q = ReportQuery { participant, ..query(desk, &a)? };
    let report = desk.participant_report(q)?;
    let rows = report.rows.iter().map(|r| {
        let top: Vec<String> = r.top_services.iter().map(|s| format!("{} ({})", s.service, s.tickets)).collect();
        (vec![r.participant.clone(), top.join("; ")], r.month.clone(), &r.figures, r.norm.as_ref())
    });
    print(
        desk,
        &a,
        &["participant", TOP_SERVICES],
        "logged",
        rows.collect(),
        &report,
        &crate::i18n::t("report-nothing-logged"),
        &[],
    )
}

pub fn services(desk: &dyn DeskApi, a: PeriodArgs, service: Option<String>) -> CmdResult {
    let q = ReportQuery { service, ..query(desk, &a)? };
    let report = desk.service_report(q)?;
    let rows: Vec<Row> =
        report.rows.iter().map(|r| (vec![r.service.clone()], r.month.clone(), &r.figures, r.norm.as_ref())).collect();
    let fcr = first_contact_table(a.monthly, &["service"], &rows);
    let extras = [(crate::i18n::t("report-first-contact-title"), fcr)];
    let nothing = crate::i18n::t("report-nothing-logged");
    print(desk, &a, &["service"], "logged", rows, &report, &nothing, &extras)
}

/// A row's keys, month, figures, and how they stand against their norms.
type Row<'a> = (Vec<String>, Option<String>, &'a Figures, Option<&'a crate::domain::report::Verdict>);

#[allow(clippy::too_many_arguments)]
fn print<R: serde::Serialize>(
    desk: &dyn DeskApi,
    a: &PeriodArgs,
    keys: &[&str],
    counted: &str,
    rows: Vec<Row>,
    report: &Report<R>,
    nothing: &str,
    extras: &[(String, Table)],
) -> CmdResult {
    if a.excel && a.format != Format::Csv {
        return Err(bad(crate::i18n::t("report-excel-with-csv")));
    }
    if a.output.is_some() && a.format != Format::Xlsx {
        return Err(bad(crate::i18n::t("report-output-with-xlsx")));
    }
    if a.format == Format::Json {
        return json(report);
    }
    if a.format == Format::Xlsx {
        let Some(path) = &a.output else { return Err(bad(crate::i18n::t("report-xlsx-needs-output"))) };
        let tz = desk.registry()?.helpdesk_calendar().timezone;
        // Words on the sheets' tabs and above their columns; the cells as the CSV has them.
        let sheet = |name: String, table: Table| (name, table.relabelled(label));
        let mut sheets: Vec<(String, Table)> = vec![
            sheet(crate::i18n::t("report-sheet-figures"), figures_table(a.monthly, keys, counted, &rows)),
            sheet(crate::i18n::t("report-sheet-per-priority"), per_priority_numbers(a.monthly, keys, &rows)),
            sheet(crate::i18n::t("report-sheet-times"), timing_table(a.monthly, keys, &rows, false)),
            sheet(crate::i18n::t("report-sheet-experience"), experience_table(a.monthly, keys, &rows, false)),
        ];
        // A sheet's name: the section's first words (Excel allows 31 characters).
        for (title, table) in extras {
            let name: String = title.split(':').next().unwrap_or(title).chars().take(31).collect();
            sheets.push((name, table.relabelled(label)));
        }
        if a.detail {
            sheets.push(sheet(
                crate::i18n::t("report-sheet-tickets"),
                detail_table(a.monthly, &report.tickets, tz, true),
            ));
        }
        let named: Vec<(&str, &Table)> = sheets.iter().map(|(name, table)| (name.as_str(), table)).collect();
        xlsx::write(path, &named)?;
        return out(&format!("{}\n", crate::tr!("report-wrote", path = path.display().to_string())));
    }
    let figures = if a.format == Format::Csv {
        figures_table(a.monthly, keys, counted, &rows)
    } else {
        readable_table(a.monthly, keys, counted, &rows).relabelled(label)
    };
    // A supplier checks the detail against its own records: times on the helpdesk's clock.
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let detail = a.detail.then(|| detail_table(a.monthly, &report.tickets, tz, a.format == Format::Csv));
    match (a.format, detail) {
        (Format::Csv, Some(d)) => out(&if a.excel { d.csv_excel()? } else { d.csv()? }),
        (Format::Csv, None) => out(&if a.excel { figures.csv_excel()? } else { figures.csv()? }),
        (_, detail) => {
            // Within 120 columns: names cut shorter when a month column is there too.
            let fitting = |t: Table| t.relabelled(label).text_fitting(120, name_width(a.monthly), 1);
            let text = figures.text_fitting(120, name_width(a.monthly), 1);
            let legend = format!("\n{}\n{}\n", crate::i18n::t("report-legend-1"), crate::i18n::t("report-legend-2"));
            let mut s = if rows.is_empty() { format!("{nothing}\n") } else { text + &legend };
            if !rows.is_empty() {
                let per = fitting(per_priority_table(a.monthly, keys, &rows));
                s.push_str(&format!("\n{}:\n{per}", crate::i18n::t("report-section-per-priority")));
                let timing = fitting(timing_table(a.monthly, keys, &rows, true));
                s.push_str(&format!("\n{}:\n{timing}", crate::i18n::t("report-section-times")));
                let judged: Vec<String> = rows
                    .iter()
                    .filter_map(|(key, month, _, norm)| {
                        let v = (*norm)?;
                        let month = month.as_deref().map(|m| format!(" {m}")).unwrap_or_default();
                        let said = match v.met {
                            true => crate::i18n::t("report-verdict-met"),
                            false => crate::tr!("report-verdict-not-met", missed = missed_list(&v.missed)),
                        };
                        // Named by what it is about, not by its descriptive columns (top services).
                        let named = key.iter().zip(keys).filter(|(_, k)| **k != TOP_SERVICES);
                        let name: Vec<&str> = named.map(|(v, _)| v.as_str()).collect();
                        Some(format!("  {}{month}: {said}\n", name.join(" ")))
                    })
                    .collect();
                if !judged.is_empty() {
                    s.push_str(&format!("\n{}:\n{}", crate::i18n::t("report-section-norms"), judged.concat()));
                }
                let scores = fitting(experience_table(a.monthly, keys, &rows, true));
                s.push_str(&format!("\n{}:\n{scores}", crate::i18n::t("report-section-experience")));
            }
            for (title, table) in extras {
                let table = table.relabelled(label).text_fitting(120, name_width(a.monthly), 1);
                s.push_str(&format!("\n{title}:\n{table}"));
            }
            if let Some(d) = detail {
                s.push_str(&format!("\n{}:\n{}", crate::i18n::t("report-section-detail"), d.relabelled(label).text()));
            }
            out(&s)
        }
    }
}

/// The participants report's column of its most called-for services.
const TOP_SERVICES: &str = "top services"; // i18n: stable (a column name; tables show its label)

/// The first columns of every figures table: the row's keys, and its month in a trend.
fn keyed_header<'a>(monthly: bool, keys: &[&'a str]) -> Vec<&'a str> {
    let mut header = keys.to_vec();
    if monthly {
        header.push("month");
    }
    header
}

fn keyed_row(monthly: bool, key: &[String], month: &Option<String>) -> Vec<String> {
    let mut row = key.to_vec();
    if monthly {
        row.push(month.clone().unwrap_or_default());
    }
    row
}

/// Names cut so that a table for people stays within 120 columns (shorter beside a month).
fn name_width(monthly: bool) -> usize {
    if monthly { 15 } else { 22 }
}

/// The counts per priority of every row: its keys, then P1 to P4 as they occur.
fn per_priority_table(monthly: bool, keys: &[&str], rows: &[Row]) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend(["priority", "tickets", "response met", "resolution met"]); // i18n: stable (a column name; tables show its label)
    let mut t = Table::new(&header);
    for (key, month, f, _) in rows {
        for p in &f.per_priority {
            let mut row = keyed_row(monthly, key, month);
            row.extend([
                p.priority.to_string(),
                p.tickets.to_string(),
                met_text(p.response_met, p.response_measured, p.tickets),
                met_text(p.resolution_met, p.resolution_measured, p.tickets),
            ]);
            t.push(row);
        }
    }
    t
}

/// The counts per priority as numbers, for a spreadsheet: met, decided and the share met.
fn per_priority_numbers(monthly: bool, keys: &[&str], rows: &[Row]) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend([
        "priority",
        "tickets",
        "response met",       // i18n: stable (a column name; tables show its label)
        "response decided",   // i18n: stable (a column name; tables show its label)
        "response met %",     // i18n: stable (a column name; tables show its label)
        "resolution met",     // i18n: stable (a column name; tables show its label)
        "resolution decided", // i18n: stable (a column name; tables show its label)
        "resolution met %",   // i18n: stable (a column name; tables show its label)
    ]);
    let share = |met: u64, decided: u64| {
        if decided == 0 { String::new() } else { format!("{}", rounded(met as f64 * 100.0 / decided as f64, 1)) }
    };
    let mut t = Table::new(&header);
    for (key, month, f, _) in rows {
        for p in &f.per_priority {
            let mut row = keyed_row(monthly, key, month);
            row.extend([
                p.priority.to_string(),
                p.tickets.to_string(),
                p.response_met.to_string(),
                p.response_measured.to_string(),
                share(p.response_met, p.response_measured),
                p.resolution_met.to_string(),
                p.resolution_measured.to_string(),
                share(p.resolution_met, p.resolution_measured),
            ]);
            t.push(row);
        }
    }
    t
}

/// The medians of how long things took, and how often tickets came back. With `text`, for the
/// terminal: hours as the language writes them (a workbook keeps numbers).
fn timing_table(monthly: bool, keys: &[&str], rows: &[Row], text: bool) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend(["to respond", "over target (breaches)", "held before dispatch", "reopened"]); // i18n: stable (a column name; tables show its label)
    let mut t = Table::new(&header);
    let hours = |v: Option<f64>| v.map(|x| one_decimal(x, text)).unwrap_or_else(|| "-".into());
    for (key, month, f, _) in rows {
        let mut row = keyed_row(monthly, key, month);
        row.extend([
            hours(f.median_response_hours),
            hours(f.median_over_target_hours),
            hours(f.median_held_hours),
            f.reopened_pct.map(|p| format!("{}% {}/{}", rounded(p, 0), f.reopened, f.tickets)).unwrap_or_default(),
        ]);
        t.push(row);
    }
    t
}

/// How many calls the helpdesk solved on the line, per row.
fn first_contact_table(monthly: bool, keys: &[&str], rows: &[Row]) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend(["logged", "first contact", "share"]); // i18n: stable (a column name; tables show its label)
    let mut t = Table::new(&header);
    for (key, month, f, _) in rows {
        let mut row = keyed_row(monthly, key, month);
        let share = f.first_contact_pct.map(|p| format!("{}%", rounded(p, 0))).unwrap_or_default();
        row.extend([f.tickets.to_string(), f.first_contact.to_string(), share]);
        t.push(row);
    }
    t
}

/// How many callers gave each score, per row that has any. With `text`, for the terminal: the
/// average as the language writes it (a workbook keeps numbers).
fn experience_table(monthly: bool, keys: &[&str], rows: &[Row], text: bool) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend(["1", "2", "3", "4", "5", "average"]);
    let mut t = Table::new(&header);
    for (key, month, f, _) in rows.iter().filter(|(_, _, f, _)| f.satisfaction_count > 0) {
        let mut row = keyed_row(monthly, key, month);
        row.extend(f.satisfaction_scores.iter().map(u64::to_string));
        row.push(f.satisfaction_avg.map(|a| one_decimal(a, text)).unwrap_or_default());
        t.push(row);
    }
    t
}

/// Half away from zero, the way people round: 62.5 is 63, as 87.5 is 88.
fn rounded(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

/// Hours or a score to one decimal, rounded as people round: for the terminal (`text`) with the
/// language's decimal separator, else with a point (a workbook reads it as a number).
fn one_decimal(v: f64, text: bool) -> String {
    match text {
        true => crate::i18n::decimal(rounded(v, 1), 1),
        false => format!("{:.1}", rounded(v, 1)),
    }
}

/// A number as Rust writes it (95, 92.5), with the language's decimal separator.
fn number_text(v: f64) -> String {
    let text = v.to_string();
    if crate::i18n::lang() == Lang::Nl { text.replace('.', ",") } else { text }
}

/// A day as people read it: 2026-10-31, in Dutch 31-10-2026.
fn day_text(d: chrono::NaiveDate) -> String {
    match crate::i18n::lang() {
        Lang::Nl => d.format("%d-%m-%Y").to_string(),
        Lang::En => d.to_string(),
    }
}

/// An instant as people read it on the helpdesk's clock: 2026-10-31 14:05, in Dutch
/// 31-10-2026 14:05.
fn minute_text(at: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    let format = match crate::i18n::lang() {
        Lang::Nl => "%d-%m-%Y %H:%M",
        Lang::En => "%Y-%m-%d %H:%M",
    };
    at.with_timezone(&tz).format(format).to_string()
}

/// How a clock ended up, in words.
fn outcome_text(o: Outcome) -> String {
    match o {
        Outcome::Met => crate::i18n::t("report-outcome-met"),
        Outcome::Breached => crate::i18n::t("report-outcome-breached"),
        Outcome::Pending => crate::i18n::t("report-outcome-pending"),
    }
}

/// A yes or no in a table for people.
fn yes_no(b: bool) -> String {
    match b {
        true => crate::i18n::t("report-bool-true"),
        false => crate::i18n::t("report-bool-false"),
    }
}

/// A backlog's age, as [`crate::domain::report::AGES`] names it, in the language's words.
fn age_text(age: &str) -> String {
    match crate::domain::report::AGES.iter().position(|a| *a == age) {
        Some(0) => crate::i18n::t("report-age-under-1"),
        Some(1) => crate::i18n::t("report-age-1-3"),
        Some(2) => crate::i18n::t("report-age-3-10"),
        Some(3) => crate::i18n::t("report-age-over-10"),
        _ => age.to_string(),
    }
}

/// The norms a row missed, in words, as the domain writes each ("P1 resolution 50% < 95%").
fn missed_list(missed: &[String]) -> String {
    missed.iter().map(String::as_str).map(missed_text).collect::<Vec<_>>().join(", ")
}

/// One norm missed ("resolution 82% < 90%", "P1 resolution 50% < 95%", "satisfaction 3.1 <
/// 3.5") in the language's words and decimal separator; anything else as it is.
fn missed_text(missed: &str) -> String {
    let Some((left, norm)) = missed.rsplit_once(" < ") else { return missed.to_string() };
    let Some((what, value)) = left.rsplit_once(' ') else { return missed.to_string() };
    let (priority, what) = match what.split_once(' ') {
        Some((p, w)) => (Some(p), w),
        None => (None, what),
    };
    let what = match what {
        "response" => crate::i18n::t("report-norm-response"),
        "resolution" => crate::i18n::t("report-norm-resolution"),
        "satisfaction" => crate::i18n::t("report-norm-satisfaction"),
        _ => return missed.to_string(),
    };
    let separated = |s: &str| if crate::i18n::lang() == Lang::Nl { s.replace('.', ",") } else { s.to_string() };
    let (value, norm) = (separated(value), separated(norm));
    match priority {
        Some(p) => crate::tr!("report-missed-priority", priority = p, what = what, value = value, norm = norm),
        None => crate::tr!("report-missed", what = what, value = value, norm = norm),
    }
}

/// The words a person reads above a column (in the terminal, a workbook), in their language.
/// `name` is the column's stable name, as a CSV heads it; one of no words ("P", the scores 1
/// to 5) stays as it is.
fn label(name: &str) -> String {
    use crate::i18n::t;
    match name {
        "supplier" => t("report-col-supplier"),
        "contract" => t("report-col-contract"),
        "participant" => t("report-col-participant"),
        TOP_SERVICES => t("report-col-top-services"),
        "service" => t("report-col-service"),
        "month" => t("report-col-month"),
        "dispatched" => t("report-col-dispatched"),
        "logged" => t("report-col-logged"),
        "response met" => t("report-col-response-met"),
        "resolution met" => t("report-col-resolution-met"),
        "median h" => t("report-col-median-h"),
        "p90 h" => t("report-col-p90-h"),
        "breaches" => t("report-col-breaches"),
        "reopened" => t("report-col-reopened"),
        "score" => t("report-col-score"),
        "priority" => t("report-col-priority"),
        "tickets" => t("report-col-tickets"),
        "response decided" => t("report-col-response-decided"),
        "response met %" => t("report-col-response-met-pct"),
        "resolution decided" => t("report-col-resolution-decided"),
        "resolution met %" => t("report-col-resolution-met-pct"),
        "to respond" => t("report-col-to-respond"),
        "over target (breaches)" => t("report-col-over-target"),
        "held before dispatch" => t("report-col-held"),
        "first contact" => t("report-col-first-contact"),
        "share" => t("report-col-share"),
        "average" => t("report-col-average"),
        "waiting" => t("report-col-waiting"),
        "ticket" => t("report-col-ticket"),
        "business h" => t("report-col-business-h"),
        "age" => t("report-col-age"),
        "their ref" => t("report-col-their-ref"),
        "title" => t("report-col-title"),
        "solved by the helpdesk" => t("report-col-solved-by-desk"),
        "could not be routed" => t("report-col-unroutable"),
        "valid until" => t("report-col-valid-until"),
        "notice by" => t("report-col-notice-by"),
        "state" => t("report-col-state"),
        "days" => t("report-col-days"),
        // The figures as a spreadsheet has them, and the tickets behind them.
        "response_met_pct" => t("report-field-response-met-pct"),
        "resolution_met_pct" => t("report-field-resolution-met-pct"),
        "median_resolution_hours" => t("report-field-median-resolution-hours"),
        "p90_resolution_hours" => t("report-field-p90-resolution-hours"),
        "open_breaches" => t("report-field-open-breaches"),
        "satisfaction_avg" => t("report-field-satisfaction-avg"),
        "satisfaction_count" => t("report-field-satisfaction-count"),
        "median_response_hours" => t("report-field-median-response-hours"),
        "median_over_target_hours" => t("report-field-median-over-target-hours"),
        "median_held_hours" => t("report-field-median-held-hours"),
        "reopened_pct" => t("report-field-reopened-pct"),
        "norm" => t("report-field-norm"),
        "norm_missed" => t("report-field-norm-missed"),
        "supplier_ref" => t("report-field-supplier-ref"),
        "from" => t("report-field-from"),
        "response" => t("report-field-response"),
        "resolution" => t("report-field-resolution"),
        "response_hours" => t("report-field-response-hours"),
        "resolution_hours" => t("report-field-resolution-hours"),
        "over_target_hours" => t("report-field-over-target-hours"),
        "held_hours" => t("report-field-held-hours"),
        "open_breach" => t("report-field-open-breach"),
        "satisfaction" => t("report-field-satisfaction"),
        "remark" => t("report-field-remark"),
        "solution" => t("report-field-solution"),
        age if crate::domain::report::AGES.contains(&age) => age_text(age),
        other => {
            if let Some(n) = other.strip_prefix("score_") {
                return crate::tr!("report-field-score", n = n);
            }
            // Per priority: p1_tickets, p1_response_met_pct, p1_resolution_met_pct.
            let Some((p, what)) = other.split_once('_') else { return other.to_string() };
            let Some(priority) = crate::domain::Priority::ALL.iter().find(|x| x.as_str().to_lowercase() == p) else {
                return other.to_string();
            };
            let priority = priority.to_string();
            match what {
                "tickets" => crate::tr!("report-field-priority-tickets", p = p, priority = priority),
                "response_met_pct" => crate::tr!("report-field-priority-response-met-pct", p = p, priority = priority),
                "resolution_met_pct" => {
                    crate::tr!("report-field-priority-resolution-met-pct", p = p, priority = priority)
                }
                _ => other.to_string(),
            }
        }
    }
}

/// "40% 2/5 (+1)": the share met of the clocks decided, the counts, and those still running.
fn met_text(met: u64, measured: u64, tickets: u64) -> String {
    let pending = tickets.saturating_sub(measured);
    let share =
        if measured == 0 { "-".to_string() } else { format!("{}%", rounded(met as f64 * 100.0 / measured as f64, 0)) };
    let pending = if pending > 0 { format!(" (+{pending})") } else { String::new() };
    format!("{share} {met}/{measured}{pending}")
}

/// The figures for people: words for headers, counts beside percentages, within 120 columns.
fn readable_table(monthly: bool, keys: &[&str], counted: &str, rows: &[Row]) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend([counted, "response met", "resolution met", "median h", "p90 h", "breaches", "reopened", "score"]); // i18n: stable (a column name; tables show its label)
    let mut t = Table::new(&header);
    let hours = |v: Option<f64>| v.map(|x| one_decimal(x, true)).unwrap_or_default();
    for (key, month, f, _) in rows {
        let mut row = keyed_row(monthly, key, month);
        let satisfaction = match f.satisfaction_avg {
            Some(avg) => format!("{} ({})", one_decimal(avg, true), f.satisfaction_count),
            None => String::new(),
        };
        row.extend([
            f.tickets.to_string(),
            met_text(f.response_met, f.response_measured, f.tickets),
            met_text(f.resolution_met, f.resolution_measured, f.tickets),
            hours(f.median_resolution_hours),
            hours(f.p90_resolution_hours),
            f.open_breaches.to_string(),
            f.reopened.to_string(),
            satisfaction,
        ]);
        t.push(row);
    }
    t
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_default()
}

fn figures_table(monthly: bool, keys: &[&str], counted: &str, rows: &[Row]) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend([
        counted,
        "response_met_pct",
        "resolution_met_pct",
        "median_resolution_hours",
        "p90_resolution_hours",
        "open_breaches",
        "reopened",
        "satisfaction_avg",
        "satisfaction_count",
    ]);
    let per: Vec<String> = crate::domain::Priority::ALL
        .iter()
        .flat_map(|p| {
            let p = p.as_str().to_lowercase();
            [format!("{p}_tickets"), format!("{p}_response_met_pct"), format!("{p}_resolution_met_pct")]
        })
        .collect();
    header.extend(["median_response_hours", "median_over_target_hours", "median_held_hours", "reopened_pct"]);
    header.extend(["score_1", "score_2", "score_3", "score_4", "score_5"]);
    header.extend(per.iter().map(String::as_str));
    header.extend(["norm", "norm_missed"]);
    let mut t = Table::new(&header);
    for (key, month, f, norm) in rows {
        let mut row = keyed_row(monthly, key, month);
        row.extend([
            f.tickets.to_string(),
            num(f.response_met_pct()),
            num(f.resolution_met_pct()),
            num(f.median_resolution_hours),
            num(f.p90_resolution_hours),
            f.open_breaches.to_string(),
            f.reopened.to_string(),
            num(f.satisfaction_avg),
            f.satisfaction_count.to_string(),
        ]);
        row.extend([
            num(f.median_response_hours),
            num(f.median_over_target_hours),
            num(f.median_held_hours),
            num(f.reopened_pct),
        ]);
        row.extend(f.satisfaction_scores.iter().map(u64::to_string));
        for priority in crate::domain::Priority::ALL {
            let p = f.per_priority.iter().find(|p| p.priority == priority);
            let pct = |met: u64, measured: u64| (measured > 0).then(|| met as f64 * 100.0 / measured as f64);
            row.extend([
                p.map_or(0, |p| p.tickets).to_string(),
                num(p.and_then(|p| pct(p.response_met, p.response_measured))),
                num(p.and_then(|p| pct(p.resolution_met, p.resolution_measured))),
            ]);
        }
        row.push(match norm {
            Some(v) if v.met => "met".into(),
            Some(_) => "not met".into(), // i18n: stable (CSV)
            None => String::new(),
        });
        row.push(norm.map(|v| v.missed.join("; ")).unwrap_or_default());
        t.push(row);
    }
    t
}

/// One row per ticket: what it added to the figures of its supplier, contract, participant,
/// service and month. Without `csv`, for the terminal: times, hours and words in the language.
fn detail_table(monthly: bool, tickets: &[Facts], tz: chrono_tz::Tz, csv: bool) -> Table {
    use crate::domain::instant::{local_rfc3339, local_text};
    let when = |t: DateTime<Utc>| match (csv, crate::i18n::lang()) {
        (true, _) => local_rfc3339(t, tz),
        (false, Lang::Nl) => t.with_timezone(&tz).format("%d-%m-%Y %H:%M %:z").to_string(),
        (false, Lang::En) => local_text(t, tz),
    };
    let hours = |v: Option<f64>| {
        v.map(|h| if csv { format!("{h:.2}") } else { crate::i18n::decimal(h, 2) }).unwrap_or_default()
    };
    let outcome = |o: Outcome| if csv { o.as_str().to_string() } else { outcome_text(o) };
    let yes = |b: bool| if csv { b.to_string() } else { yes_no(b) };
    let mut header =
        vec!["ticket", "priority", "participant", "service", "supplier", "contract", "supplier_ref", "from"];
    if monthly {
        header.push("month");
    }
    header.extend([
        "response",
        "resolution",
        "response_hours",
        "resolution_hours",
        "over_target_hours",
        "held_hours",
        "open_breach",
        "reopened",
        "satisfaction",
        "remark",
        "title",
        "solution",
    ]);
    let mut t = Table::new(&header);
    for f in tickets {
        let mut row = vec![
            f.id.to_string(),
            f.priority.to_string(),
            f.participant.clone(),
            f.service.clone(),
            f.supplier.clone().unwrap_or_default(),
            f.contract.clone().unwrap_or_default(),
            crate::domain::sanitize_line(f.supplier_ref.as_deref().unwrap_or("")).into_owned(),
            when(f.from),
        ];
        if monthly {
            row.push(f.month.clone().unwrap_or_default());
        }
        row.extend([
            outcome(f.response),
            outcome(f.resolution),
            hours(f.response_hours),
            hours(f.resolution_hours),
            hours(f.over_target_hours),
            hours(f.held_hours),
            yes(f.open_breach),
            yes(f.reopened),
            f.satisfaction.map(|s| s.to_string()).unwrap_or_default(),
            crate::domain::sanitize_line(f.satisfaction_remark.as_deref().unwrap_or("")).into_owned(),
            crate::domain::sanitize_line(&f.title).into_owned(),
            crate::domain::sanitize_line(f.solution.as_deref().unwrap_or("")).into_owned(),
        ]);
        t.push(row);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::{met_text, rounded};

    #[test]
    fn counts_beside_percentages_rounded_as_people_round() {
        assert_eq!(met_text(2, 5, 6), "40% 2/5 (+1)");
        assert_eq!(met_text(5, 8, 8), "63% 5/8", "62.5 rounds up, as 87.5 does");
        assert_eq!(met_text(7, 8, 8), "88% 7/8");
        assert_eq!(met_text(0, 0, 3), "- 0/0 (+3)");
        assert_eq!(rounded(2.25, 1), 2.3);
    }
}
