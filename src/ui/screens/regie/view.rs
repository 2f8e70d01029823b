//! Regie: per supplier, this period's response and resolution met % as bars against the norm,
//! the monthly trend of all suppliers together, and the contract watch. The figures are the
//! reports' own (`domain::report`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::ui::frame::clean;
use crate::ui::state::State;
use crate::ui::theme::Theme;

/// The met % a supplier is held to on this screen when its contracts set no norm.
pub const NORM: f64 = 90.0;

/// The norms a supplier's row is held to, as the reports judge it: those all its contracts
/// share; else [`NORM`].
fn norms_of(s: &State, supplier: &str) -> (f64, f64) {
    let n = s.registry.as_ref().and_then(|r| r.supplier_norms(supplier).cloned()).unwrap_or_default();
    (n.response_met_pct.unwrap_or(NORM), n.resolution_met_pct.unwrap_or(NORM))
}

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let Some(regie) = &s.regie else {
        f.render_widget(Paragraph::new("working out the figures…"), r);
        return;
    };
    let [bars, trend, watch] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(4), Constraint::Length(8)]).areas(r);
    let totals: Vec<_> = regie.year.iter().filter(|c| c.contract.is_none()).collect();
    let name_w = totals.iter().map(|c| c.supplier.chars().count()).max().unwrap_or(8).min(24);
    let bar_w = (bars.width as usize).saturating_sub(name_w + 22) / 2;
    let mut lines = vec![Line::from(Span::styled(
        format!("{:<name_w$}  {:<bar_w$}  {:<bar_w$}", "supplier (12 months)", "response met %", "resolution met %"),
        theme.style("ui.header"),
    ))];
    for c in totals {
        let mut spans =
            vec![Span::raw(format!("{:<name_w$}  ", clean(&c.supplier).chars().take(name_w).collect::<String>()))];
        let (respond_norm, resolve_norm) = norms_of(s, &c.supplier);
        let f = &c.figures;
        spans.extend(bar((f.response_met, f.response_measured), respond_norm, bar_w, theme));
        spans.push(Span::raw("  "));
        spans.extend(bar((f.resolution_met, f.resolution_measured), resolve_norm, bar_w, theme));
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), bars);

    // Each month labelled, with its % and the tickets decided behind it.
    let cell = 9;
    let shown = (trend.width as usize / cell).max(1);
    let recent = &regie.trend[regie.trend.len().saturating_sub(shown)..];
    let mut names = String::new();
    let mut pcts = String::new();
    let mut counts = String::new();
    for (month, fig) in recent {
        let name = chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
            .map(|d| d.format("%b %y").to_string())
            .unwrap_or_else(|_| month.clone());
        names.push_str(&format!("{name:<cell$}"));
        let pct = fig.resolution_met_pct().map(|p| format!("{:.0}%", p.round())).unwrap_or_else(|| "-".into());
        pcts.push_str(&format!("{pct:<cell$}"));
        counts.push_str(&format!("{:<cell$}", format!("{}/{}", fig.resolution_met, fig.resolution_measured)));
    }
    let block = Block::default().borders(Borders::TOP).title(" resolution met per month, all suppliers ");
    let lines = vec![Line::from(Span::styled(names, theme.style("ui.header"))), Line::raw(pcts), Line::raw(counts)];
    f.render_widget(Paragraph::new(lines).block(block), trend);

    let mut w = vec![];
    for c in &regie.watch.contracts {
        w.push(Line::from(Span::styled(clean(&watch_line(c)), theme.style("sla.warning"))));
    }
    for svc in &regie.watch.uncovered_services {
        w.push(Line::from(Span::styled(clean(&format!("{svc}: no valid contract")), theme.style("sla.breached"))));
    }
    if !regie.watch.suppliers_without_escalation.is_empty() {
        let names = regie.watch.suppliers_without_escalation.join(", ");
        w.push(Line::from(Span::styled(clean(&format!("no escalation contact: {names}")), theme.style("sla.warning"))));
    }
    if w.is_empty() {
        w.push(Line::raw("no contract ends or passes its notice date within 90 days"));
    }
    let block = Block::default().borders(Borders::TOP).title(" contract watch (90 days) ");
    f.render_widget(Paragraph::new(w).block(block), watch);
}

/// `███████░░░ 71% 10/14`, the norm marked; coloured by whether it is met; the counts behind it.
fn bar<'a>((met, measured): (u64, u64), norm: f64, width: usize, theme: &Theme) -> Vec<Span<'a>> {
    if measured == 0 {
        return vec![Span::styled(format!("{:<width$}", "-"), theme.style("ui.dim"))];
    }
    let p = met as f64 * 100.0 / measured as f64;
    // Padded, so that the bars of every row line up.
    let counts = format!(" {:<9}", format!("{met}/{measured}"));
    let cells = width.saturating_sub(5 + counts.chars().count());
    let filled = ((p / 100.0) * cells as f64).round() as usize;
    let norm_at = ((norm / 100.0) * cells as f64).round() as usize;
    let body: String = (0..cells)
        .map(|i| match (i < filled, i == norm_at) {
            (_, true) => '│',
            (true, false) => '█',
            (false, false) => '░',
        })
        .collect();
    let role = if p >= norm {
        "sla.ok"
    } else if p >= norm - 10.0 {
        "sla.warning"
    } else {
        "sla.breached"
    };
    vec![Span::styled(body, theme.style(role)), Span::raw(format!("{p:>4.0}%{counts}"))]
}

/// One contract of the watch in words: what is due, by when, or that it passed or ended.
pub fn watch_line(c: &crate::domain::report::ContractDate) -> String {
    use crate::domain::report::WatchState;
    let head = format!("{} ({})", c.contract, c.supplier);
    match (c.state, c.notice_by) {
        (WatchState::NoticeAhead, Some(n)) => {
            format!("{head}: notice by {n} ({} days), ends {}", c.days_left, c.valid_until)
        }
        (WatchState::NoticePassed, Some(n)) => {
            format!("{head}: notice date {n} PASSED, ends {} ({} days)", c.valid_until, c.days_left)
        }
        (WatchState::Ended, _) => format!("{head}: ENDED {} ({} days ago)", c.valid_until, -c.days_left),
        _ => format!("{head}: ends {} ({} days)", c.valid_until, c.days_left),
    }
}
