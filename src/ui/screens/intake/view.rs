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
        let meanings: &[&str] = match field {
            super::Field::Impact => &["1 whole organisation", "2 department or group", "3 one person"],
            super::Field::Urgency => &["1 critical", "2 high", "3 normal", "4 low"],
            _ => &[],
        };
        if focused {
            for m in meanings {
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
    lines.push(Line::from(Span::styled(
        "tab: next field · up/down: pick · ctrl-s: log it · esc: leave",
        theme.style("ui.dim"),
    )));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), form);

    let block = Block::default().borders(Borders::LEFT).title(" routing preview ");
    let inner = block.inner(preview);
    f.render_widget(block, preview);
    let Some(reg) = &s.registry else { return };
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&s.tz).format("%a %d %b %H:%M").to_string();
    let text = match intake.preview(reg, s.now, &s.me) {
        Err(missing) => vec![Line::from(Span::styled(missing, theme.style("ui.dim")))],
        Ok(p) => {
            let mut l = vec![
                Line::raw(clean(&format!("{} · {}", p.participant, p.service))),
                Line::from(Span::styled(
                    p.priority.to_string(),
                    theme.style(&format!("priority.{}", p.priority.as_str().to_lowercase())),
                )),
                Line::raw(clean(&p.routing)),
                Line::raw(""),
                Line::from(Span::styled("helpdesk", theme.style("ui.header"))),
            ];
            for (what, c) in [("respond", &p.sla.helpdesk.response), ("resolve", &p.sla.helpdesk.resolution)] {
                l.push(Line::raw(format!("  {what:<8} by {}", c.due.map(local).unwrap_or_else(|| "-".into()))));
            }
            if let Some(sup) = &p.supplier {
                l.push(Line::from(Span::styled(format!("supplier {}", clean(sup)), theme.style("ui.header"))));
                l.push(Line::raw("  clocks start when dispatched"));
            } else {
                l.push(Line::from(Span::styled("unrouted: the helpdesk handles it", theme.style("sla.warning"))));
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
        let reference = m.supplier_ref.as_deref().map(|r| format!(", ref {r}")).unwrap_or_default();
        l.push(Line::raw(""));
        l.push(Line::styled(
            clean(&format!("MAJOR INCIDENT #{} · {}{reference} · {} calls", m.id, m.status, m.calls)),
            theme.style("sla.breached"),
        ));
        l.push(Line::raw(clean(&m.title)));
        let linked = if intake.link == Some(m.id) { "linked: ctrl-l unlinks" } else { "ctrl-l links this call to it" };
        l.push(Line::styled(linked, theme.style("ui.dim")));
    }
    let solutions = intake.solutions(reg, s.now);
    if !solutions.is_empty() {
        l.push(Line::raw(""));
        l.push(Line::styled("standard solutions (ctrl-o: solve on the line)", theme.style("ui.header")));
        for sol in &solutions {
            let chosen = intake.solution.as_deref() == Some(sol.title.as_str());
            let mark = if chosen { "✓ solved with: " } else { "  " };
            l.push(Line::raw(clean(&format!("{mark}{}", sol.title))));
            if chosen {
                l.extend(crate::domain::sanitize(&sol.steps).lines().map(|x| Line::raw(format!("    {x}"))));
            }
        }
    }
    match (&intake.caller, &intake.card) {
        (Some(c), Some(card)) => {
            l.push(Line::raw(""));
            l.push(Line::styled(clean(&format!("caller {} · {}", c.label(), c.participant)), theme.style("ui.header")));
            if card.open.is_empty() && card.recent.is_empty() {
                l.push(Line::styled("no earlier calls", theme.style("ui.dim")));
            }
            for (what, rows) in [("open", &card.open), ("earlier", &card.recent)] {
                for r in rows.iter() {
                    l.push(Line::raw(clean(&format!("  {what:<7} #{} {} {}", r.id, r.status.as_str(), r.title))));
                }
            }
        }
        (None, _) if !intake.value(super::Field::Caller).trim().is_empty() => {
            l.push(Line::raw(""));
            l.push(Line::styled("caller not on file: ctrl-n puts them on file", theme.style("ui.dim")));
        }
        _ => {}
    }
    l
}
