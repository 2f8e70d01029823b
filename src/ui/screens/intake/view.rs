//! The intake form, its suggestions, and the routing preview with the actual due times.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::FIELDS;
use crate::ui::frame::clean;
use crate::ui::state::State;
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let [form, preview] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(r);
    let intake = &s.intake;
    let mut lines = Vec::new();
    for (i, field) in FIELDS.iter().enumerate() {
        let focused = i == intake.focus;
        let value = clean(intake.value(*field));
        let style = if focused { theme.style("ui.selected") } else { theme.style("ui") };
        lines.push(Line::from(vec![
            Span::styled(format!("{:<13}", field.label()), theme.style("ui.dim")),
            Span::styled(
                if focused {
                    crate::ui::line::shown(&value, &s.cursor_of(crate::ui::line::LineOf::Intake(i)))
                } else {
                    value
                },
                style,
            ),
        ]));
        // What the numbers mean, while the agent picks one.
        let meanings: Vec<String> = match field {
            super::Field::Impact => vec![
                crate::i18n::t("intake-impact-1"),
                crate::i18n::t("intake-impact-2"),
                crate::i18n::t("intake-impact-3"),
            ],
            super::Field::Urgency => vec![
                crate::i18n::t("intake-urgency-1"),
                crate::i18n::t("intake-urgency-2"),
                crate::i18n::t("intake-urgency-3"),
                crate::i18n::t("intake-urgency-4"),
            ],
            _ => Vec::new(),
        };
        if focused {
            for m in &meanings {
                lines.push(Line::from(Span::styled(format!("               {m}"), theme.style("ui.dim"))));
            }
        }
        if focused && let Some(reg) = &s.registry {
            for (n, (_, label)) in intake.suggestions(reg, s.now).iter().enumerate() {
                let mark = if n == intake.pick { "›" } else { " " };
                lines.push(Line::raw(format!("             {mark} {}", clean(label))));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(crate::i18n::t("intake-keys"), theme.style("ui.dim"))));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), form);

    let block = Block::default().borders(Borders::LEFT).title(crate::i18n::t("intake-preview-title"));
    let inner = block.inner(preview);
    f.render_widget(block, preview);
    let Some(reg) = &s.registry else { return };
    let local = |at: chrono::DateTime<chrono::Utc>| crate::i18n::date(&at.with_timezone(&s.tz), "%a %d %b %H:%M");
    let text = match intake.preview(reg, s.now, &s.me) {
        Err(missing) => vec![Line::from(Span::styled(missing, theme.style("ui.dim")))],
        Ok(p) => {
            let mut l = vec![
                Line::raw(clean(&format!("{} · {}", p.participant, p.service))),
                Line::from(Span::styled(
                    p.priority.to_string(),
                    theme.style(&format!("priority.{}", p.priority.as_str().to_lowercase())),
                )),
                Line::raw(clean(&crate::present::routing_text(&p.routing))),
                Line::raw(""),
                Line::from(Span::styled(crate::i18n::t("intake-preview-helpdesk"), theme.style("ui.header"))),
            ];
            let [respond, resolve] = [&p.sla.helpdesk.response, &p.sla.helpdesk.resolution]
                .map(|c| c.due.map(local).unwrap_or_else(|| "-".to_string()));
            l.push(Line::raw(crate::tr!("intake-respond-by", due = respond)));
            l.push(Line::raw(crate::tr!("intake-resolve-by", due = resolve)));
            if let Some(sup) = &p.supplier {
                let head = crate::tr!("intake-preview-supplier", name = clean(sup));
                l.push(Line::from(Span::styled(head, theme.style("ui.header"))));
                l.push(Line::raw(crate::i18n::t("intake-clocks-at-dispatch")));
            } else {
                l.push(Line::from(Span::styled(crate::i18n::t("intake-unrouted"), theme.style("sla.warning"))));
            }
            l
        }
    };
    let mut text = text;
    text.extend(extras(s, reg, theme));
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
}

/// Below the preview: an open major incident of the service, the standard solutions for it,
/// and the caller's open and recent tickets ("called before about this?").
fn extras<'a>(s: &State, reg: &crate::domain::Registry, theme: &Theme) -> Vec<Line<'a>> {
    let intake = &s.intake;
    let mut l = Vec::new();
    if let Some(m) = intake.major(reg, s.now) {
        let status = crate::present::status_name(m.status);
        let head = match m.supplier_ref.as_deref() {
            Some(r) => crate::tr!("intake-major-ref", id = m.id, status = status, reference = r, calls = m.calls),
            None => crate::tr!("intake-major", id = m.id, status = status, calls = m.calls),
        };
        l.push(Line::raw(""));
        l.push(Line::styled(clean(&head), theme.style("sla.breached")));
        l.push(Line::raw(clean(&m.title)));
        let linked = if intake.link == Some(m.id) {
            crate::i18n::t("intake-major-linked")
        } else {
            crate::i18n::t("intake-major-link")
        };
        l.push(Line::styled(linked, theme.style("ui.dim")));
    }
    let solutions = intake.solutions(reg, s.now);
    if !solutions.is_empty() {
        l.push(Line::raw(""));
        l.push(Line::styled(crate::i18n::t("intake-solutions"), theme.style("ui.header")));
        for sol in &solutions {
            let chosen = intake.solution.as_deref() == Some(sol.title.as_str());
            let text = if chosen {
                crate::tr!("intake-solved-with", title = sol.title.as_str())
            } else {
                format!("  {}", sol.title)
            };
            l.push(Line::raw(clean(&text)));
            if chosen {
                l.extend(crate::domain::sanitize(&sol.steps).lines().map(|x| Line::raw(format!("    {x}"))));
            }
        }
    }
    match (&intake.caller, &intake.card) {
        (Some(c), Some(card)) => {
            l.push(Line::raw(""));
            let head = crate::tr!("intake-caller-head", name = c.label(), participant = c.participant.as_str());
            l.push(Line::styled(clean(&head), theme.style("ui.header")));
            if card.open.is_empty() && card.recent.is_empty() {
                l.push(Line::styled(crate::i18n::t("intake-no-earlier-calls"), theme.style("ui.dim")));
            }
            for r in &card.open {
                let status = crate::present::status_name(r.status);
                let line = crate::tr!("intake-call-open", id = r.id, status = status, title = r.title.as_str());
                l.push(Line::raw(clean(&line)));
            }
            for r in &card.recent {
                let status = crate::present::status_name(r.status);
                let line = crate::tr!("intake-call-earlier", id = r.id, status = status, title = r.title.as_str());
                l.push(Line::raw(clean(&line)));
            }
        }
        // Not on file: nothing found for what is typed (a list of suggestions is there to pick from).
        (None, _)
            if !intake.value(super::Field::Caller).trim().is_empty()
                && (intake.callers.is_empty() || intake.callers_for != intake.value(super::Field::Caller).trim()) =>
        {
            l.push(Line::raw(""));
            l.push(Line::styled(crate::i18n::t("intake-caller-not-on-file"), theme.style("ui.dim")));
        }
        _ => {}
    }
    l
}
