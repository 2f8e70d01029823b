//! Regie: per supplier, this period's response and resolution met % as bars against the norm,
//! the monthly trend of all suppliers together, and the contract watch. The figures are the
//! reports' own (`domain::report`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Regie;
use crate::domain::Priority;
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
        f.render_widget(Paragraph::new(crate::i18n::t("regie-working")), r);
        return;
    };
    let lines = document(s, regie, theme, r.width as usize);
    // Scrolled no further than the last screenful.
    let last = lines.len().saturating_sub(r.height as usize);
    let scroll = usize::from(s.scroll).min(last).try_into().unwrap_or(u16::MAX);
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), r);
}

/// How many lines the regie screen has, for scrolling.
pub fn len(s: &State) -> usize {
    s.regie.as_ref().map_or(0, |regie| document(s, regie, &Theme::builtin(true), 80).len())
}

/// The whole screen as one scrollable document: the suppliers' bars, per priority, the trend,
/// the contract watch.
fn document<'a>(s: &State, regie: &Regie, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let totals: Vec<_> = regie.year.iter().filter(|c| c.contract.is_none()).collect();
    let supplier = crate::i18n::t("regie-col-supplier");
    // Names as long as the priorities' cells leave room for, and the column's own name.
    let room = width.saturating_sub(2 + 4 * PRIO_W).clamp(8, 24);
    let longest = totals.iter().map(|c| c.supplier.chars().count()).max().unwrap_or(8);
    let name_w = longest.max(supplier.chars().count()).clamp(8, room);
    let name = |n: &str| format!("{:<name_w$}  ", clean(n).chars().take(name_w).collect::<String>());
    let bar_w = width.saturating_sub(name_w + 4) / 2;
    let (response, resolution) = (crate::i18n::t("regie-col-response-met"), crate::i18n::t("regie-col-resolution-met"));
    let mut lines = vec![
        section(&crate::i18n::t("regie-section-suppliers"), width, theme),
        Line::from(Span::styled(
            format!("{supplier:<name_w$}  {response:<bar_w$}  {resolution:<bar_w$}"),
            theme.style("ui.header"),
        )),
    ];
    for c in &totals {
        let mut spans = vec![Span::raw(name(&c.supplier))];
        let (respond_norm, resolve_norm) = norms_of(s, &c.supplier);
        let f = &c.figures;
        spans.extend(bar((f.response_met, f.response_measured), respond_norm, bar_w, theme));
        spans.push(Span::raw("  "));
        spans.extend(bar((f.resolution_met, f.resolution_measured), resolve_norm, bar_w, theme));
        lines.push(Line::from(spans));
    }

    // Contracts set targets per priority: the met % of each, response / resolution.
    lines.push(Line::raw(""));
    lines.push(section(&crate::i18n::t("regie-section-per-priority"), width, theme));
    let mut head = format!("{supplier:<name_w$}  ");
    for p in Priority::ALL {
        head.push_str(&format!("{:<PRIO_W$}", p.to_string()));
    }
    lines.push(Line::from(Span::styled(head, theme.style("ui.header"))));
    for c in &totals {
        let norms = s.registry.as_ref().and_then(|r| r.supplier_norms(&c.supplier).cloned()).unwrap_or_default();
        let mut spans = vec![Span::raw(name(&c.supplier))];
        for p in Priority::ALL {
            let fig = c.figures.per_priority.iter().find(|f| f.priority == p);
            let of_p = norms.of(p);
            let respond_norm = of_p.and_then(|n| n.response_met_pct).or(norms.response_met_pct).unwrap_or(NORM);
            let resolve_norm = of_p.and_then(|n| n.resolution_met_pct).or(norms.resolution_met_pct).unwrap_or(NORM);
            // Response right-aligned and resolution left-aligned, so the two meet at the slash.
            let pct = |met: u64, measured: u64, norm: f64, right: bool| {
                let (text, role) = match measured {
                    0 => ("-".to_string(), "ui.dim"),
                    _ => {
                        let p = (met as f64 * 100.0 / measured as f64).round();
                        (format!("{p:.0}"), if p >= norm { "sla.ok" } else { "sla.breached" })
                    }
                };
                let text = if right { format!("{text:>3}") } else { format!("{text:<3}") };
                Span::styled(text, theme.style(role))
            };
            match fig {
                Some(f) => {
                    spans.push(pct(f.response_met, f.response_measured, respond_norm, true));
                    spans.push(Span::raw("/"));
                    spans.push(pct(f.resolution_met, f.resolution_measured, resolve_norm, false));
                    spans.push(Span::raw(format!("{:<w$}", format!(" ({})", f.tickets), w = PRIO_W - 7)));
                }
                None => spans.push(Span::styled(format!("{:<PRIO_W$}", "  -"), theme.style("ui.dim"))),
            }
        }
        lines.push(Line::from(spans));
    }

    // Each month labelled, with its % and the tickets decided behind it.
    lines.push(Line::raw(""));
    lines.push(section(&crate::i18n::t("regie-section-trend"), width, theme));
    let cell = 9;
    let shown = (width / cell).max(1);
    let recent = &regie.trend[regie.trend.len().saturating_sub(shown)..];
    let mut names = String::new();
    let mut pcts = String::new();
    let mut counts = String::new();
    for (month, fig) in recent {
        let name = chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
            .map(|d| d.format_localized("%b %y", crate::i18n::lang().locale()).to_string())
            .unwrap_or_else(|_| month.clone());
        names.push_str(&format!("{name:<cell$}"));
        let pct = fig.resolution_met_pct().map(|p| format!("{:.0}%", p.round())).unwrap_or_else(|| "-".into());
        pcts.push_str(&format!("{pct:<cell$}"));
        counts.push_str(&format!("{:<cell$}", format!("{}/{}", fig.resolution_met, fig.resolution_measured)));
    }
    lines.extend([Line::from(Span::styled(names, theme.style("ui.header"))), Line::raw(pcts), Line::raw(counts)]);

    lines.push(Line::raw(""));
    lines.push(section(&crate::i18n::t("regie-section-watch"), width, theme));
    let before = lines.len();
    for c in &regie.watch.contracts {
        lines.extend(wrapped(&clean(&watch_line(c)), width, theme.style("sla.warning")));
    }
    for svc in &regie.watch.uncovered_services {
        let text = crate::tr!("regie-uncovered-service", service = svc.as_str());
        lines.extend(wrapped(&clean(&text), width, theme.style("sla.breached")));
    }
    if !regie.watch.suppliers_without_escalation.is_empty() {
        let names = regie.watch.suppliers_without_escalation.join(", ");
        let text = crate::tr!("regie-no-escalation", names = names);
        lines.extend(wrapped(&clean(&text), width, theme.style("sla.warning")));
    }
    if lines.len() == before {
        lines.push(Line::raw(crate::i18n::t("regie-watch-quiet")));
    }
    lines
}

/// Width of one priority's cell: ` 83/100 (12)  `.
const PRIO_W: usize = 14;

/// A long line in words, wrapped at `width`, each part in `style`.
fn wrapped<'a>(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Line<'a>> {
    let mut out: Vec<String> = vec![String::new()];
    for word in text.split(' ') {
        let last = out.last_mut().expect("one line at least");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width.max(20) {
            out.push(format!("  {word}"));
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out.into_iter().map(|l| Line::from(Span::styled(l, style))).collect()
}

/// A section's title on a rule across the width.
fn section<'a>(title: &str, width: usize, theme: &Theme) -> Line<'a> {
    let rule = "─".repeat(width.saturating_sub(title.chars().count() + 4));
    Line::from(Span::styled(format!("── {title} {rule}"), theme.style("ui.dim")))
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
    let norm_at = ((norm / 100.0) * cells as f64).round() as usize;
    // Below the norm never reaches its mark, also where rounding would (89% of a 90% norm):
    // without colour the bar alone must say it.
    let filled = ((p / 100.0) * cells as f64).round() as usize;
    let filled = if p.round() < norm { filled.min(norm_at.saturating_sub(1)) } else { filled };
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
    let until = c.valid_until.to_string();
    match (c.state, c.notice_by) {
        (WatchState::NoticeAhead, Some(n)) => crate::tr!(
            "regie-watch-notice-ahead",
            head = head,
            notice = n.to_string(),
            days = c.days_left,
            until = until
        ),
        (WatchState::NoticePassed, Some(n)) => crate::tr!(
            "regie-watch-notice-passed",
            head = head,
            notice = n.to_string(),
            until = until,
            days = c.days_left
        ),
        (WatchState::Ended, _) => crate::tr!("regie-watch-ended", head = head, until = until, days = -c.days_left),
        _ => crate::tr!("regie-watch-ends", head = head, until = until, days = c.days_left),
    }
}

#[cfg(test)]
mod tests {
    /// 89% against a 90% norm: the bar stops short of the mark, so it reads as missed without
    /// colour too; 90% reaches it.
    #[test]
    fn a_bar_below_its_norm_never_reaches_the_mark() {
        let theme = crate::ui::theme::Theme::builtin(true);
        let body = |met| super::bar((met, 100), 90.0, 30, &theme)[0].content.to_string();
        let below = body(89);
        let mark = below.find('│').expect("the norm's mark");
        assert_eq!(below[..mark].chars().last(), Some('░'), "{below}");
        let at = body(90);
        assert_eq!(at[..at.find('│').unwrap()].chars().last(), Some('█'), "{at}");
    }
}
