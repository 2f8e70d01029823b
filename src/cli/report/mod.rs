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
use crate::domain::report::{Facts, Figures};
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
        return Err(bad("--to is before --from"));
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
    let rows = report.rows.iter().filter(|c| !(people && c.contract.is_none() && single(c))).map(|c| {
        let contract = c.contract.clone().unwrap_or_else(|| "(all)".into());
        (vec![c.supplier.clone(), contract], c.month.clone(), &c.figures, c.norm.as_ref())
    });
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let extras = supplier_extras(&report, tz);
    print(
        desk,
        &a,
        &["supplier", "contract"],
        "dispatched",
        rows.collect(),
        &report,
        "no tickets were dispatched in this period",
        &extras,
    )
}

/// A supplier report's other sections: the backlog at the period's end with its longest waits,
/// and the calls for the suppliers' services that never reached them.
fn supplier_extras(report: &Report<crate::domain::report::Scorecard>, tz: chrono_tz::Tz) -> Vec<(String, Table)> {
    use crate::domain::report::AGES;
    let mut out = Vec::new();
    let Some(at) = report.backlog.first().map(|b| b.at) else {
        return kept_section(report, out);
    };
    // A period ends at midnight: named by its last day, as `--to` gives it.
    let local = at.with_timezone(&tz);
    let at = match local.time() == chrono::NaiveTime::MIN {
        true => format!("the end of {}", local.date_naive() - chrono::Days::new(1)),
        false => local.format("%Y-%m-%d %H:%M").to_string(),
    };
    let mut header = vec!["supplier", "waiting"];
    header.extend(AGES);
    let mut backlog = Table::new(&header);
    let mut longest = Table::new(&["supplier", "ticket", "P", "dispatched", "business h", "age", "their ref", "title"]);
    for b in &report.backlog {
        let mut row = vec![b.supplier.clone(), b.total().to_string()];
        row.extend(b.ages.iter().map(u64::to_string));
        backlog.push(row);
        for w in &b.longest {
            longest.push(vec![
                b.supplier.clone(),
                format!("#{}", w.id),
                w.priority.to_string(),
                w.dispatched.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
                format!("{:.1}", rounded(w.business_hours, 1)),
                w.age.clone(),
                w.supplier_ref.clone().unwrap_or_default(),
                w.title.clone(),
            ]);
        }
    }
    out.push((
        format!("backlog: waiting on the supplier at {at}, by age in business days of its service window"),
        backlog,
    ));
    out.push(("the longest waits at the period's end".into(), longest));
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
    let mut kept = Table::new(&["supplier", "solved by the helpdesk", "could not be routed", "tickets"]);
    for k in &report.kept_at_desk {
        let all: Vec<u64> = k.solved_by_desk.iter().chain(&k.unroutable).copied().collect();
        kept.push(vec![
            k.supplier.clone(),
            k.solved_by_desk.len().to_string(),
            k.unroutable.len().to_string(),
            ids(&all),
        ]);
    }
    out.push(("calls for the supplier's services logged in the period that never reached it".into(), kept));
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
        "no tickets were logged in this period",
        &[],
    )
}

pub fn services(desk: &dyn DeskApi, a: PeriodArgs, service: Option<String>) -> CmdResult {
    let q = ReportQuery { service, ..query(desk, &a)? };
    let report = desk.service_report(q)?;
    let rows: Vec<Row> =
        report.rows.iter().map(|r| (vec![r.service.clone()], r.month.clone(), &r.figures, r.norm.as_ref())).collect();
    let fcr = first_contact_table(a.monthly, &["service"], &rows);
    let extras = [("solved at first contact (on the line, by the helpdesk)".to_string(), fcr)];
    print(desk, &a, &["service"], "logged", rows, &report, "no tickets were logged in this period", &extras)
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
        return Err(bad("--excel goes with --format csv"));
    }
    if a.output.is_some() && a.format != Format::Xlsx {
        return Err(bad("-o goes with --format xlsx; the other formats print (redirect them with >)"));
    }
    if a.format == Format::Json {
        return json(report);
    }
    if a.format == Format::Xlsx {
        let Some(path) = &a.output else { return Err(bad("--format xlsx writes a file: give it with -o FILE")) };
        let tz = desk.registry()?.helpdesk_calendar().timezone;
        let figures = figures_table(a.monthly, keys, counted, &rows);
        let per = per_priority_numbers(a.monthly, keys, &rows);
        let timing = timing_table(a.monthly, keys, &rows);
        let scores = experience_table(a.monthly, keys, &rows);
        let detail = detail_table(a.monthly, &report.tickets, tz, true);
        // A sheet's name: the section's first words (Excel allows 31 characters).
        let names: Vec<String> = extras
            .iter()
            .map(|(title, _)| title.split(':').next().unwrap_or(title).chars().take(31).collect())
            .collect();
        let mut sheets =
            vec![("figures", &figures), ("per priority", &per), ("times", &timing), ("experience", &scores)];
        for ((_, table), name) in extras.iter().zip(&names) {
            sheets.push((name.as_str(), table));
        }
        if a.detail {
            sheets.push(("tickets", &detail));
        }
        xlsx::write(path, &sheets)?;
        return out(&format!("wrote {}\n", path.display()));
    }
    let figures = if a.format == Format::Csv {
        figures_table(a.monthly, keys, counted, &rows)
    } else {
        readable_table(a.monthly, keys, counted, &rows)
    };
    // A supplier checks the detail against its own records: times on the helpdesk's clock.
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let detail = a.detail.then(|| detail_table(a.monthly, &report.tickets, tz, a.format == Format::Csv));
    match (a.format, detail) {
        (Format::Csv, Some(d)) => out(&if a.excel { d.csv_excel()? } else { d.csv()? }),
        (Format::Csv, None) => out(&if a.excel { figures.csv_excel()? } else { figures.csv()? }),
        (_, detail) => {
            // Within 120 columns: names cut shorter when a month column is there too.
            let text = figures.text_fitting(120, name_width(a.monthly), 1);
            let mut s = if rows.is_empty() { format!("{nothing}\n") } else { text + LEGEND };
            if !rows.is_empty() {
                let per = per_priority_table(a.monthly, keys, &rows).text_fitting(120, name_width(a.monthly), 1);
                s.push_str(&format!("\nper priority (contracts set targets per priority):\n{per}"));
                let timing = timing_table(a.monthly, keys, &rows).text_fitting(120, name_width(a.monthly), 1);
                s.push_str(&format!("\ntimes, medians in business hours:\n{timing}"));
                let judged: Vec<String> = rows
                    .iter()
                    .filter_map(|(key, month, _, norm)| {
                        let v = (*norm)?;
                        let month = month.as_deref().map(|m| format!(" {m}")).unwrap_or_default();
                        let said = if v.met { "met".to_string() } else { format!("NOT MET: {}", v.missed.join(", ")) };
                        // Named by what it is about, not by its descriptive columns (top services).
                        let named = key.iter().zip(keys).filter(|(_, k)| **k != TOP_SERVICES);
                        let name: Vec<&str> = named.map(|(v, _)| v.as_str()).collect();
                        Some(format!("  {}{month}: {said}\n", name.join(" ")))
                    })
                    .collect();
                if !judged.is_empty() {
                    s.push_str(&format!("\nagainst the norms:\n{}", judged.concat()));
                }
                let scores = experience_table(a.monthly, keys, &rows).text_fitting(120, name_width(a.monthly), 1);
                s.push_str(&format!("\nexperience: how many callers gave each score (remarks in --detail):\n{scores}"));
            }
            for (title, table) in extras {
                s.push_str(&format!("\n{title}:\n{}", table.text_fitting(120, name_width(a.monthly), 1)));
            }
            if let Some(d) = detail {
                s.push_str(&format!("\ntickets behind these figures:\n{}", d.text()));
            }
            out(&s)
        }
    }
}

/// The participants report's column of its most called-for services.
const TOP_SERVICES: &str = "top services";

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
    header.extend(["priority", "tickets", "response met", "resolution met"]);
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
        "response met",
        "response decided",
        "response met %",
        "resolution met",
        "resolution decided",
        "resolution met %",
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

/// The medians of how long things took, and how often tickets came back.
fn timing_table(monthly: bool, keys: &[&str], rows: &[Row]) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend(["to respond", "over target (breaches)", "held before dispatch", "reopened"]);
    let mut t = Table::new(&header);
    let hours = |v: Option<f64>| v.map(|x| format!("{:.1}", rounded(x, 1))).unwrap_or_else(|| "-".into());
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
    header.extend(["logged", "first contact", "share"]);
    let mut t = Table::new(&header);
    for (key, month, f, _) in rows {
        let mut row = keyed_row(monthly, key, month);
        let share = f.first_contact_pct.map(|p| format!("{}%", rounded(p, 0))).unwrap_or_default();
        row.extend([f.tickets.to_string(), f.first_contact.to_string(), share]);
        t.push(row);
    }
    t
}

/// How many callers gave each score, per row that has any.
fn experience_table(monthly: bool, keys: &[&str], rows: &[Row]) -> Table {
    let mut header = keyed_header(monthly, keys);
    header.extend(["1", "2", "3", "4", "5", "average"]);
    let mut t = Table::new(&header);
    for (key, month, f, _) in rows.iter().filter(|(_, _, f, _)| f.satisfaction_count > 0) {
        let mut row = keyed_row(monthly, key, month);
        row.extend(f.satisfaction_scores.iter().map(u64::to_string));
        row.push(f.satisfaction_avg.map(|a| format!("{:.1}", rounded(a, 1))).unwrap_or_default());
        t.push(row);
    }
    t
}

/// Below a table for people: what its cells mean.
const LEGEND: &str = "\nmet: % of the clocks decided, met of decided, (+N) still running within target · h: business hours\nto resolve · breaches: open tickets with a breached clock · score: average satisfaction 1-5 (how many)\n";

/// Half away from zero, the way people round: 62.5 is 63, as 87.5 is 88.
fn rounded(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
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
    header.extend([counted, "response met", "resolution met", "median h", "p90 h", "breaches", "reopened", "score"]);
    let mut t = Table::new(&header);
    let hours = |v: Option<f64>| v.map(|x| format!("{:.1}", rounded(x, 1))).unwrap_or_default();
    for (key, month, f, _) in rows {
        let mut row = keyed_row(monthly, key, month);
        let satisfaction = match f.satisfaction_avg {
            Some(avg) => format!("{:.1} ({})", rounded(avg, 1), f.satisfaction_count),
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
            Some(_) => "not met".into(),
            None => String::new(),
        });
        row.push(norm.map(|v| v.missed.join("; ")).unwrap_or_default());
        t.push(row);
    }
    t
}

/// One row per ticket: what it added to the figures of its supplier, contract, participant,
/// service and month.
fn detail_table(monthly: bool, tickets: &[Facts], tz: chrono_tz::Tz, csv: bool) -> Table {
    use crate::domain::instant::{local_rfc3339, local_text};
    let when = |t: DateTime<Utc>| if csv { local_rfc3339(t, tz) } else { local_text(t, tz) };
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
            f.response.as_str().to_string(),
            f.resolution.as_str().to_string(),
            f.response_hours.map(|h| format!("{h:.2}")).unwrap_or_default(),
            f.resolution_hours.map(|h| format!("{h:.2}")).unwrap_or_default(),
            f.over_target_hours.map(|h| format!("{h:.2}")).unwrap_or_default(),
            f.held_hours.map(|h| format!("{h:.2}")).unwrap_or_default(),
            f.open_breach.to_string(),
            f.reopened.to_string(),
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
