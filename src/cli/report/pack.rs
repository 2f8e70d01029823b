//! `spoc report pack`: the monthly meeting with a supplier on paper. One self-contained HTML
//! file (no network: styles and SVG charts inline) that prints on A4: twelve months of met % per
//! priority against the norm, volumes, the backlog and its longest waits, the breaches and how far
//! over they went, the callers' scores and remarks, the contract watch, and every ticket behind
//! the figures. Every number comes from the supplier report (`domain::report`), as the other
//! formats' do.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::super::{CmdResult, Failure, bad, out};
use crate::desk::{DeskApi, Report, ReportQuery};
use crate::domain::Priority;
use crate::domain::report::{AGES, ContractDate, Facts, Figures, KeptAtDesk, Outcome, Scorecard};

/// The met % a row is held to when no contract sets a norm (as on the regie screen).
const DEFAULT_NORM: f64 = 90.0;

pub struct PackArgs {
    pub supplier: Option<String>,
    pub all: bool,
    /// `YYYY-MM`, in the helpdesk's zone.
    pub month: String,
    /// The file (one supplier) or folder (`--all`) to write.
    pub output: Option<PathBuf>,
}

/// Everything one supplier's pack shows.
struct Pack<'a> {
    supplier: &'a str,
    month: &'a str,
    months: &'a [String],
    year: &'a Report<Scorecard>,
    this_month: &'a Report<Scorecard>,
    watch: Vec<&'a ContractDate>,
    no_escalation: bool,
    norms: crate::domain::registry::Norms,
    tz: Tz,
    made: DateTime<Utc>,
}

pub fn pack(desk: &dyn DeskApi, a: PackArgs) -> CmdResult {
    let reg = desk.registry()?;
    let tz = reg.helpdesk_calendar().timezone;
    let strict = a.month.len() == 7 && a.month.as_bytes()[4] == b'-';
    let first = NaiveDate::parse_from_str(&format!("{}-01", a.month), "%Y-%m-%d")
        .ok()
        .filter(|_| strict)
        .ok_or_else(|| bad(crate::tr!("pack-not-a-month", month = format!("{:?}", a.month))))?;
    let supplier = match (&a.supplier, a.all) {
        (Some(_), true) => return Err(bad(crate::i18n::t("pack-supplier-or-all"))),
        (None, false) => return Err(bad(crate::i18n::t("pack-name-the-supplier"))),
        (Some(s), false) => Some(s.clone()),
        (None, true) => None,
    };
    let out_of_range = || bad(crate::i18n::t("pack-month-out-of-range"));
    let start = first.checked_sub_months(chrono::Months::new(11)).ok_or_else(out_of_range)?;
    let next = first.checked_add_months(chrono::Months::new(1)).ok_or_else(out_of_range)?;
    let at = |d: NaiveDate| crate::domain::routing::local_midnight(d, tz);
    let months: Vec<String> = (0..12)
        .filter_map(|i| start.checked_add_months(chrono::Months::new(i)))
        .map(|d| d.format("%Y-%m").to_string())
        .collect();
    // A year per month with every ticket behind it, and the month itself with its backlog.
    let year = desk.supplier_report(ReportQuery {
        supplier: supplier.clone(),
        monthly: true,
        detail: true,
        ..ReportQuery::new(at(start), at(next))
    })?;
    let this_month =
        desk.supplier_report(ReportQuery { supplier: supplier.clone(), ..ReportQuery::new(at(first), at(next)) })?;
    let watch = desk.contract_watch(90)?;
    let names: Vec<String> = match &supplier {
        Some(s) => vec![reg.supplier(s).map_or_else(|| s.clone(), |x| x.name.clone())],
        // Every supplier with a contract, and any other with tickets in the year.
        None => {
            let mut n: Vec<String> = reg.contracts().iter().map(|c| c.supplier.clone()).collect();
            n.extend(year.rows.iter().map(|r| r.supplier.clone()));
            n.sort_by_key(|s| s.to_lowercase());
            n.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
            n
        }
    };
    let made = desk.now();
    let mut written = Vec::new();
    for name in &names {
        let pack = Pack {
            supplier: name,
            month: &a.month,
            months: &months,
            year: &year,
            this_month: &this_month,
            watch: watch.contracts.iter().filter(|c| c.supplier.eq_ignore_ascii_case(name)).collect(),
            no_escalation: watch.suppliers_without_escalation.iter().any(|s| s.eq_ignore_ascii_case(name)),
            norms: reg.supplier_norms(name).cloned().unwrap_or_default(),
            tz,
            made,
        };
        let mut path = target(&a, name)?;
        // Two names of one file name ("A&B", "A-B"): the second gets a number, not the first's file.
        let stem = path.with_extension("");
        let mut n = 1;
        while written.contains(&path) {
            n += 1;
            path = PathBuf::from(format!("{}-{n}.html", stem.display()));
        }
        crate::cli::write_new_file(&path, &render(&pack), false)?;
        written.push(path);
    }
    let list: String =
        written.iter().map(|p| format!("{}\n", crate::tr!("report-wrote", path = p.display().to_string()))).collect();
    out(&list)
}

/// Where one supplier's pack goes: `-o FILE` for one supplier, `-o FOLDER` (default: here) with
/// `pack-SUPPLIER-MONTH.html` in it for `--all`.
fn target(a: &PackArgs, supplier: &str) -> Result<PathBuf, Failure> {
    let file_name = || {
        let slug: String = supplier
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        format!("pack-{slug}-{}.html", a.month)
    };
    Ok(match (&a.output, a.all) {
        (Some(p), false) => {
            let folder = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            if !folder.is_dir() {
                let (file, folder) = (p.display().to_string(), folder.display().to_string());
                return Err(bad(crate::tr!("pack-no-such-folder", file = file, folder = folder)));
            }
            p.clone()
        }
        (Some(dir), true) if dir.is_dir() => dir.join(file_name()),
        (Some(dir), true) => {
            return Err(bad(crate::tr!("pack-all-needs-folder", dir = dir.display().to_string())));
        }
        (None, _) => PathBuf::from(file_name()),
    })
}

fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in crate::domain::sanitize(text).chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c => s.push(c),
        }
    }
    s
}

fn pct(met: u64, measured: u64) -> Option<f64> {
    (measured > 0).then(|| met as f64 * 100.0 / measured as f64)
}

/// "92% (11 of 12, 3 still running)": as the report's tables say it.
fn pct_text(met: u64, measured: u64, tickets: u64) -> String {
    let running = tickets.saturating_sub(measured);
    match (pct(met, measured), running) {
        (Some(p), 0) => {
            crate::tr!("pack-met-of", pct = super::rounded(p, 0).to_string(), met = met, measured = measured)
        }
        (Some(p), _) => crate::tr!(
            "pack-met-of-running",
            pct = super::rounded(p, 0).to_string(),
            met = met,
            measured = measured,
            running = running
        ),
        (None, 0) => crate::i18n::t("pack-none-decided"),
        (None, _) => crate::tr!("pack-none-decided-running", running = running),
    }
}

fn hours(v: Option<f64>) -> String {
    v.map(|h| super::one_decimal(h, true)).unwrap_or_else(|| "–".into())
}

impl Pack<'_> {
    /// The supplier's total row for `month` (`None`: the year) in the year's report.
    fn total(&self, month: Option<&str>) -> Option<&Figures> {
        self.year
            .rows
            .iter()
            .find(|r| {
                r.supplier.eq_ignore_ascii_case(self.supplier) && r.contract.is_none() && r.month.as_deref() == month
            })
            .map(|r| &r.figures)
    }

    fn month_total(&self) -> Figures {
        self.this_month
            .rows
            .iter()
            .find(|r| r.supplier.eq_ignore_ascii_case(self.supplier) && r.contract.is_none())
            .map(|r| r.figures.clone())
            .unwrap_or_default()
    }

    fn tickets(&self) -> Vec<&Facts> {
        let mine = |f: &&Facts| f.supplier.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(self.supplier));
        self.year.tickets.iter().filter(mine).filter(|f| f.month.as_deref() == Some(self.month)).collect()
    }

    /// The resolution norm a priority's chart is drawn against, and what it is.
    fn norm(&self, p: Priority) -> (f64, String) {
        let n = &self.norms;
        match (n.of(p).and_then(|x| x.resolution_met_pct), n.resolution_met_pct) {
            (Some(v), _) => {
                (v, crate::tr!("pack-norm-priority", priority = p.to_string(), norm = super::number_text(v)))
            }
            (None, Some(v)) => (v, crate::tr!("pack-norm-overall", norm = super::number_text(v))),
            (None, None) => (DEFAULT_NORM, crate::tr!("pack-norm-none", norm = super::number_text(DEFAULT_NORM))),
        }
    }

    fn when(&self, t: DateTime<Utc>) -> String {
        super::minute_text(t, self.tz)
    }
}

fn render(p: &Pack) -> String {
    let mut h = String::new();
    let title = format!("{} · {}", p.supplier, month_name(p.month));
    let _ = writeln!(
        h,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style></head><body>",
        crate::i18n::lang().code(),
        esc(&title)
    );
    let sub = crate::tr!(
        "pack-subtitle",
        month = esc(&month_name(p.month)),
        made = esc(&p.when(p.made)),
        zone = esc(&p.tz.to_string())
    );
    let _ = writeln!(h, "<header><h1>{}</h1><p class=\"sub\">{sub}</p></header>", esc(p.supplier));
    headline(&mut h, p);
    per_priority(&mut h, p);
    volumes(&mut h, p);
    backlog(&mut h, p);
    breaches(&mut h, p);
    experience(&mut h, p);
    watch(&mut h, p);
    appendix(&mut h, p);
    h.push_str("</body></html>\n");
    h
}

/// "October 2025", with the month named in the language.
fn month_name(month: &str) -> String {
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map_or_else(|_| month.to_string(), |d| crate::i18n::date(&d.and_time(NaiveTime::MIN).and_utc(), "%B %Y"))
}

/// "Dec '25": a month on an axis, never read as a day.
fn short_month(month: &str) -> String {
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map_or_else(|_| month.to_string(), |d| crate::i18n::date(&d.and_time(NaiveTime::MIN).and_utc(), "%b '%y"))
}

fn headline(h: &mut String, p: &Pack) {
    let f = p.month_total();
    let verdict = p
        .this_month
        .rows
        .iter()
        .find(|r| r.supplier.eq_ignore_ascii_case(p.supplier) && r.contract.is_none())
        .and_then(|r| r.norm.as_ref());
    let _ = write!(h, "<section><h2>{}</h2><table class=\"figures\"><tr>", crate::i18n::t("pack-this-month"));
    let heads = [
        crate::i18n::t("report-col-dispatched"),
        crate::i18n::t("report-col-response-met"),
        crate::i18n::t("report-col-resolution-met"),
        crate::i18n::t("pack-col-median-resolution"),
        crate::i18n::t("pack-col-p90"),
        crate::i18n::t("pack-col-open-breaches"),
        crate::i18n::t("pack-col-reopened"),
        crate::i18n::t("report-col-score"),
    ];
    head_cells(h, &heads);
    let _ = writeln!(
        h,
        "</tr>\n\
         <tr><td data-figure=\"tickets\">{}</td><td data-figure=\"response\">{}</td><td data-figure=\"resolution\">{}</td>\
         <td>{}</td><td>{}</td><td data-figure=\"open-breaches\">{}</td><td>{}</td><td>{}</td></tr></table>",
        f.tickets,
        pct_text(f.response_met, f.response_measured, f.tickets),
        pct_text(f.resolution_met, f.resolution_measured, f.tickets),
        hours(f.median_resolution_hours),
        hours(f.p90_resolution_hours),
        f.open_breaches,
        f.reopened,
        f.satisfaction_avg
            .map(|a| format!("{} ({})", super::one_decimal(a, true), f.satisfaction_count))
            .unwrap_or_else(|| "–".into()),
    );
    match verdict {
        Some(v) if v.met => {
            let _ =
                write!(h, "<p class=\"verdict met\" data-figure=\"norms\">{}</p>", crate::i18n::t("pack-verdict-met"));
        }
        Some(v) => {
            let missed = esc(&super::missed_list(&v.missed));
            let _ = write!(
                h,
                "<p class=\"verdict missed\" data-figure=\"norms\">{}</p>",
                crate::tr!("pack-verdict-missed", missed = missed)
            );
        }
        None => {
            let _ = write!(h, "<p class=\"verdict\">{}</p>", crate::i18n::t("pack-no-norms"));
        }
    }
    h.push_str("</section>\n");
}

/// A table's header cells, their words escaped.
fn head_cells(h: &mut String, heads: &[String]) {
    for head in heads {
        let _ = write!(h, "<th>{}</th>", esc(head));
    }
}

/// Twelve months of resolution (and response) met % per priority, against the norm.
fn per_priority(h: &mut String, p: &Pack) {
    let _ = writeln!(h, "<section><h2>{}</h2><div class=\"charts\">", crate::i18n::t("pack-per-priority"));
    for prio in Priority::ALL {
        let series = |resolution: bool| -> Vec<(Option<f64>, String)> {
            p.months
                .iter()
                .map(|m| {
                    let f = p.total(Some(m)).and_then(|f| f.per_priority.iter().find(|x| x.priority == prio));
                    match f {
                        Some(f) if resolution => (
                            pct(f.resolution_met, f.resolution_measured),
                            format!("{}/{}", f.resolution_met, f.resolution_measured),
                        ),
                        Some(f) => (
                            pct(f.response_met, f.response_measured),
                            format!("{}/{}", f.response_met, f.response_measured),
                        ),
                        None => (None, String::new()),
                    }
                })
                .collect()
        };
        let (norm, label) = p.norm(prio);
        let _ = writeln!(
            h,
            "<figure data-chart=\"{prio}\"><figcaption><b>{prio}</b> · <span class=\"key res\"></span> {} · <span class=\"key resp\"></span> {} · <span class=\"key norm\"></span> {}</figcaption>{}</figure>",
            esc(&crate::i18n::t("pack-key-resolution")),
            esc(&crate::i18n::t("pack-key-response")),
            esc(&label),
            line_chart(p.months, &series(true), &series(false), norm)
        );
    }
    h.push_str("</div></section>\n");
}

/// Tickets dispatched per month.
fn volumes(h: &mut String, p: &Pack) {
    let counts: Vec<u64> = p.months.iter().map(|m| p.total(Some(m)).map_or(0, |f| f.tickets)).collect();
    let _ = writeln!(
        h,
        "<section><h2>{}</h2><figure class=\"bars\" data-chart=\"volumes\">{}</figure></section>",
        crate::i18n::t("pack-volumes"),
        bar_chart(&p.months.iter().map(|m| short_month(m)).collect::<Vec<_>>(), &counts)
    );
}

fn backlog(h: &mut String, p: &Pack) {
    let b = p.this_month.backlog.iter().find(|b| b.supplier.eq_ignore_ascii_case(p.supplier));
    let _ = write!(h, "<section><h2>{}</h2>", crate::i18n::t("pack-backlog"));
    let kept_here = p.this_month.kept_at_desk.iter().find(|k| k.supplier.eq_ignore_ascii_case(p.supplier));
    let Some(b) = b else {
        let _ = write!(h, "<p>{}</p>", crate::i18n::t("pack-nothing-waiting"));
        kept(h, kept_here);
        h.push_str("</section>\n");
        return;
    };
    h.push_str("<table><tr>");
    let mut heads = vec![crate::i18n::t("report-col-waiting")];
    heads.extend(AGES.iter().copied().map(super::age_text));
    head_cells(h, &heads);
    let _ = write!(h, "</tr><tr><td data-figure=\"backlog\">{}</td>", b.total());
    for n in b.ages {
        let _ = write!(h, "<td>{n}</td>");
    }
    let _ = write!(h, "</tr></table><h3>{}</h3><table><tr>", crate::i18n::t("pack-longest"));
    let heads = [
        crate::i18n::t("report-col-ticket"),
        "P".to_string(),
        crate::i18n::t("report-col-dispatched"),
        crate::i18n::t("report-col-business-h"),
        crate::i18n::t("report-col-age"),
        crate::i18n::t("pack-col-their-reference"),
        crate::i18n::t("report-col-title"),
    ];
    head_cells(h, &heads);
    h.push_str("</tr>\n");
    for w in &b.longest {
        let _ = writeln!(
            h,
            "<tr><td>#{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            w.id,
            w.priority,
            p.when(w.dispatched),
            super::one_decimal(w.business_hours, true),
            esc(&super::age_text(&w.age)),
            esc(w.supplier_ref.as_deref().unwrap_or("")),
            esc(&w.title)
        );
    }
    h.push_str("</table>");
    kept(h, kept_here);
    h.push_str("</section>\n");
}

fn kept(h: &mut String, k: Option<&KeptAtDesk>) {
    let Some(k) = k else { return };
    let ids = |v: &[u64]| v.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(" ");
    let said = crate::tr!(
        "pack-kept",
        solved = k.solved_by_desk.len(),
        solved_ids = ids(&k.solved_by_desk),
        unroutable = k.unroutable.len(),
        unroutable_ids = ids(&k.unroutable)
    );
    let _ = write!(h, "<p>{said}</p>");
}

fn breaches(h: &mut String, p: &Pack) {
    let mut breached: Vec<&Facts> = p
        .tickets()
        .into_iter()
        .filter(|f| f.response == Outcome::Breached || f.resolution == Outcome::Breached)
        .collect();
    breached.sort_by(|a, b| b.over_target_hours.unwrap_or(0.0).total_cmp(&a.over_target_hours.unwrap_or(0.0)));
    let over: Vec<f64> = {
        let mut v: Vec<f64> = breached.iter().filter_map(|f| f.over_target_hours).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let _ = write!(h, "<section><h2>{}</h2>", crate::tr!("pack-breaches", n = breached.len()));
    if breached.is_empty() {
        h.push_str("</section>\n");
        return;
    }
    let median = hours(crate::domain::report::median(&over));
    let _ = write!(h, "<p>{}</p>", crate::tr!("pack-over-median", median = median));
    h.push_str("<table><tr>");
    let heads = [
        crate::i18n::t("report-col-ticket"),
        "P".to_string(),
        crate::i18n::t("report-col-dispatched"),
        crate::i18n::t("report-field-response"),
        crate::i18n::t("report-field-resolution"),
        crate::i18n::t("pack-col-over-target"),
        crate::i18n::t("pack-col-their-reference"),
        crate::i18n::t("report-col-title"),
    ];
    head_cells(h, &heads);
    h.push_str("</tr>\n");
    for f in breached {
        let _ = writeln!(
            h,
            "<tr><td>#{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            f.id,
            f.priority,
            p.when(f.from),
            esc(&super::outcome_text(f.response)),
            esc(&super::outcome_text(f.resolution)),
            hours(f.over_target_hours),
            esc(f.supplier_ref.as_deref().unwrap_or("")),
            esc(&f.title)
        );
    }
    h.push_str("</table></section>\n");
}

fn experience(h: &mut String, p: &Pack) {
    let f = p.month_total();
    let labels: Vec<String> = (1..=5).map(|s| s.to_string()).collect();
    let _ = write!(
        h,
        "<section><h2>{}</h2><figure class=\"bars\" data-chart=\"scores\">{}</figure>",
        crate::i18n::t("pack-experience"),
        bar_chart(&labels, &f.satisfaction_scores)
    );
    let remarks: Vec<&Facts> = p.tickets().into_iter().filter(|f| f.satisfaction_remark.is_some()).collect();
    if !remarks.is_empty() {
        let _ = write!(h, "<h3>{}</h3><ul class=\"remarks\">", crate::i18n::t("pack-remarks"));
        for f in remarks {
            let _ = write!(
                h,
                "<li><b>{}</b> (#{}) {}</li>",
                f.satisfaction.map(|s| s.to_string()).unwrap_or_default(),
                f.id,
                esc(f.satisfaction_remark.as_deref().unwrap_or(""))
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>\n");
}

fn watch(h: &mut String, p: &Pack) {
    let _ = write!(h, "<section><h2>{}</h2>", crate::i18n::t("pack-watch"));
    if p.watch.is_empty() && !p.no_escalation {
        let _ = write!(h, "<p>{}</p>", crate::i18n::t("pack-watch-quiet"));
    }
    h.push_str("<ul>");
    for c in &p.watch {
        let _ = write!(h, "<li>{}</li>", esc(&crate::ui::screens::regie::view::watch_line(c)));
    }
    if p.no_escalation {
        let _ = write!(h, "<li>{}</li>", crate::i18n::t("pack-no-escalation"));
    }
    h.push_str("</ul></section>\n");
}

fn appendix(h: &mut String, p: &Pack) {
    let tickets = p.tickets();
    let _ = write!(
        h,
        "<section class=\"appendix\"><h2>{}</h2><table class=\"detail\"><tr>",
        crate::tr!("pack-appendix", n = tickets.len())
    );
    let heads = [
        crate::i18n::t("report-col-ticket"),
        "P".to_string(),
        crate::i18n::t("report-col-participant"),
        crate::i18n::t("report-col-service"),
        crate::i18n::t("report-col-contract"),
        crate::i18n::t("report-col-dispatched"),
        crate::i18n::t("report-field-response"),
        crate::i18n::t("report-field-resolution"),
        crate::i18n::t("pack-col-resolution-h"),
        crate::i18n::t("pack-col-over-h"),
        crate::i18n::t("pack-col-their-reference"),
        crate::i18n::t("report-col-title"),
        crate::i18n::t("report-field-solution"),
        crate::i18n::t("report-col-score"),
    ];
    head_cells(h, &heads);
    h.push_str("</tr>\n");
    for f in tickets {
        let score = match (&f.satisfaction, &f.satisfaction_remark) {
            (Some(s), Some(r)) => format!("{s}: {}", esc(r)),
            (Some(s), None) => s.to_string(),
            _ => String::new(),
        };
        let _ = writeln!(
            h,
            "<tr data-ticket=\"{}\"><td>#{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            f.id,
            f.id,
            f.priority,
            esc(&f.participant),
            esc(&f.service),
            esc(f.contract.as_deref().unwrap_or("")),
            p.when(f.from),
            esc(&super::outcome_text(f.response)),
            esc(&super::outcome_text(f.resolution)),
            hours(f.resolution_hours),
            hours(f.over_target_hours),
            esc(f.supplier_ref.as_deref().unwrap_or("")),
            esc(&f.title),
            esc(f.solution.as_deref().unwrap_or("")),
            score
        );
    }
    h.push_str("</table></section>\n");
}

/// Chart sizes, in SVG user units.
const W: f64 = 320.0;
const H: f64 = 150.0;
const LEFT: f64 = 30.0;
const BOTTOM: f64 = 20.0;

/// Met % per month: resolution solid, response lighter, the norm dashed; a month without decided
/// clocks leaves a gap.
fn line_chart(
    months: &[String],
    resolution: &[(Option<f64>, String)],
    response: &[(Option<f64>, String)],
    norm: f64,
) -> String {
    let n = months.len().max(1) as f64;
    let x = |i: usize| LEFT + (i as f64 + 0.5) * (W - LEFT - 10.0) / n;
    let y = |v: f64| (H - BOTTOM) - v / 100.0 * (H - BOTTOM - 5.0);
    let mut s = format!("<svg viewBox=\"0 0 {W} {H}\" role=\"img\">");
    for v in [0.0, 50.0, 100.0] {
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" x2=\"{W}\" y1=\"{0:.1}\" y2=\"{0:.1}\" class=\"grid\"/><text x=\"{1}\" y=\"{2:.1}\" class=\"axis\">{v}%</text>",
            y(v),
            LEFT - 3.0,
            y(v) + 3.0
        );
    }
    let _ = write!(s, "<line x1=\"{LEFT}\" x2=\"{W}\" y1=\"{0:.1}\" y2=\"{0:.1}\" class=\"norm\"/>", y(norm));
    for (i, m) in months.iter().enumerate() {
        {
            let _ =
                write!(s, "<text x=\"{:.1}\" y=\"{}\" class=\"month\">{}</text>", x(i), H - 5.0, esc(&short_month(m)));
        }
    }
    for (series, class) in [(response, "resp"), (resolution, "res")] {
        let mut path = String::new();
        let mut pen_down = false;
        for (i, (v, _)) in series.iter().enumerate() {
            match v {
                Some(v) => {
                    let _ = write!(path, "{}{:.1},{:.1} ", if pen_down { "L" } else { "M" }, x(i), y(*v));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        if !path.is_empty() {
            let _ = write!(s, "<path d=\"{}\" class=\"{class}\"/>", path.trim_end());
        }
        for (i, (v, counts)) in series.iter().enumerate() {
            if let (Some(v), "res") = (v, class) {
                let _ = write!(s, "<text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{:.0}</text>", x(i), y(*v) - 4.0, v);
            }
            if let Some(v) = v {
                let _ = write!(
                    s,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" class=\"{class}\"><title>{} {:.0}% ({counts})</title></circle>",
                    x(i),
                    y(*v),
                    esc(&months[i]),
                    v
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// Bars with their counts above them.
fn bar_chart(labels: &[String], counts: &[u64]) -> String {
    let n = labels.len().max(1) as f64;
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    // Room at the right for the last label.
    let slot = (W - LEFT - 10.0) / n;
    let mut s = format!("<svg viewBox=\"0 0 {W} {H}\" role=\"img\">");
    for (i, (label, count)) in labels.iter().zip(counts).enumerate() {
        let height = *count as f64 / max * (H - BOTTOM - 15.0);
        let x = LEFT + i as f64 * slot + slot * 0.15;
        let top = H - BOTTOM - height;
        let middle = x + slot * 0.35;
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{height:.1}\" class=\"bar\"/><text x=\"{middle:.1}\" y=\"{:.1}\" class=\"count\">{count}</text>",
            slot * 0.7,
            top - 3.0,
        );
        {
            let _ = write!(s, "<text x=\"{middle:.1}\" y=\"{}\" class=\"month\">{}</text>", H - 5.0, esc(label));
        }
    }
    s.push_str("</svg>");
    s
}

/// Plain and printable: A4 portrait, charts kept whole on a page, the appendix on its own pages.
const STYLE: &str = "
body{font:10.5pt/1.35 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a202c;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:20pt;margin:0} h2{font-size:13pt;border-bottom:2px solid #4a5568;padding-bottom:2px;margin-top:22px} h3{font-size:11pt}
.sub{color:#4a5568;margin:2px 0 0}
table{border-collapse:collapse;width:100%;margin:6px 0} th,td{border:1px solid #cbd5e0;padding:3px 5px;text-align:left;vertical-align:top}
th{background:#edf2f7;font-weight:600} td.n{text-align:right}
table.figures td{font-size:12pt;font-weight:600}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:10px}
figure{margin:0;break-inside:avoid} figcaption{font-size:9.5pt;color:#2d3748}
figure.bars{max-width:520px}
svg{width:100%;height:auto;display:block}
.grid{stroke:#e2e8f0;stroke-width:1} .norm{stroke:#c53030;stroke-width:1.2;stroke-dasharray:4 3}
path.res{fill:none;stroke:#2b6cb0;stroke-width:2} circle.res{fill:#2b6cb0}
path.resp{fill:none;stroke:#90cdf4;stroke-width:1.5} circle.resp{fill:#90cdf4}
.bar{fill:#2b6cb0} .axis{font-size:8px;fill:#718096;text-anchor:end} .month{font-size:7px;fill:#4a5568;text-anchor:middle}
.count{font-size:8px;fill:#1a202c;text-anchor:middle}
.key{display:inline-block;width:14px;height:3px;vertical-align:middle} .key.res{background:#2b6cb0} .key.resp{background:#90cdf4}
.key.norm{height:0;border-top:2px dashed #c53030}
.value{font-size:7px;fill:#2b6cb0;text-anchor:middle}
.remarks li{margin:2px 0}
.verdict{font-weight:600} .verdict.missed{color:#c53030} .verdict.met{color:#276749}
table.detail{font-size:8pt}
@media print{
  @page{size:A4 portrait;margin:14mm 12mm}
  body{margin:0;max-width:none;padding:0;font-size:9.5pt}
  section{break-inside:avoid-page} .appendix{break-before:page;break-inside:auto}
  tr{break-inside:avoid} thead{display:table-header-group}
  h2{break-after:avoid}
}
";
