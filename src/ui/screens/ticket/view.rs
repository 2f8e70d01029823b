//! One ticket: its fields, both SLA layers, the routing explanation and the journal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::desk::views::{ClockView, LayerClocks, describe};
use crate::domain::Status;
use crate::domain::sla::ClockPhase;
use crate::ui::frame::{clean, level};
use crate::ui::keymap::Keymap;
use crate::ui::state::State;
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let Some(t) = &s.ticket else {
        f.render_widget(Paragraph::new("loading…"), r);
        return;
    };
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&s.tz).format("%a %d %b %H:%M").to_string();
    let field = |name: &str, value: String| {
        Line::from(vec![Span::styled(format!("{name:<13}"), theme.style("ui.dim")), Span::raw(clean(&value))])
    };
    let mut lines = vec![
        Line::from(Span::styled(clean(&t.title), theme.style("ui.title"))),
        field("status", format!("{} · {} · {:?}", t.status, t.priority, t.kind).to_lowercase()),
        field(
            "participant",
            format!(
                "{} {}",
                t.participant,
                t.participant_name.as_deref().map(|n| format!("({n})")).unwrap_or_default()
            ),
        ),
        field("service", t.service.clone()),
        field("caller", t.caller.clone().unwrap_or_else(|| "-".into())),
        field("assignee", t.assignee.clone().unwrap_or_else(|| "nobody".into())),
        field(
            "supplier",
            format!(
                "{} {}",
                t.supplier.as_deref().unwrap_or("unrouted"),
                t.contract.as_deref().map(|c| format!("({c})")).unwrap_or_default()
            ),
        ),
        field("supplier ref", t.supplier_ref.clone().unwrap_or_else(|| "-".into())),
    ];
    if t.major {
        let line = format!("MAJOR INCIDENT · {} linked calls (L on a call links it here)", t.linked.len());
        lines.insert(1, Line::styled(clean(&line), theme.style("sla.breached")));
    }
    if let Some(m) = t.linked_to {
        lines.push(field("linked to", format!("major incident #{m}: the supplier works on that one")));
    }
    if let Some(at) = t.call_back_at {
        lines.push(field("call back", local(at)));
    }
    if t.first_contact {
        lines.push(field("solved", "on the line (first contact)".into()));
    }
    // Whom to inform when the major incident is resolved.
    for c in &t.linked {
        let reach = [c.phone.as_deref(), c.email.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        let who = c.caller.as_deref().unwrap_or("-");
        lines.push(field("  call", format!("#{} {} {} · {who} {reach}", c.id, c.status, c.participant)));
    }
    // Dispatching: how this supplier wants to be told, and whom to call.
    if let Some(sup) = t.supplier.as_deref().and_then(|n| s.registry.as_ref()?.supplier(n).cloned()) {
        let desk = sup.contacts.iter().find(|c| c.role == crate::domain::registry::ContactRole::ServiceDesk);
        let reach = [
            desk.and_then(|c| c.phone.clone()).or(sup.phone.clone()),
            desk.and_then(|c| c.email.clone()).or(sup.email.clone()),
            sup.portal.clone(),
        ];
        let reach: Vec<String> = reach.into_iter().flatten().collect();
        if !reach.is_empty() {
            lines.push(field("report to", reach.join(" · ")));
        }
        if let Some(p) = &sup.procedure {
            lines.push(field("procedure", p.lines().next().unwrap_or("").to_string()));
        }
    }
    lines.extend([
        field("routing", format!("{}{}", t.routing, if t.routing_overridden { " (overridden)" } else { "" })),
        field("logged", format!("{} by {}", local(t.created_at), t.created_by)),
    ]);
    if let Some(solution) = &t.solution {
        lines.push(field("solution", clean(solution)));
    }
    lines.push(Line::raw(""));
    let mut layer = |name: &str, l: &LayerClocks| {
        lines.push(Line::from(Span::styled(format!("{name} SLA ({})", l.calendar), theme.style("ui.header"))));
        for (what, c) in [("response", &l.response), ("resolution", &l.resolution)] {
            lines.push(clock_line(theme, what, c, s.tz));
        }
    };
    layer("helpdesk", &t.sla.helpdesk);
    if let Some(sup) = &t.sla.supplier {
        layer("supplier", sup);
    }
    lines.push(Line::raw(""));
    if !t.description.is_empty() {
        lines.extend(crate::domain::sanitize(&t.description).lines().map(|l| Line::raw(l.to_string())));
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled("journal", theme.style("ui.header"))));
    for e in t.journal.iter().rev() {
        lines.push(Line::from(vec![
            Span::styled(format!("{} {:<8} ", local(e.at), clean(&e.by)), theme.style("ui.dim")),
            Span::raw(clean(&describe(&e.event, s.tz))),
        ]));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((s.scroll, 0)), r);
}

fn clock_line<'a>(theme: &Theme, what: &str, c: &ClockView, tz: chrono_tz::Tz) -> Line<'a> {
    let paused = c.phase == ClockPhase::Paused;
    let (style, sign) = match c.phase {
        ClockPhase::NotStarted => (theme.style("ui.dim"), "·"),
        _ => level(theme, c.level, paused),
    };
    Line::from(vec![
        Span::raw(format!("  {what:<11} {:<6} ", c.target)),
        Span::styled(format!("{sign} {}", crate::present::clock_text(c, tz)), style),
    ])
}

/// Every status with its own key, the same whatever the ticket's status; the ones not allowed
/// now are dimmed, with why.
pub fn status_menu(f: &mut Frame, s: &State, theme: &Theme, keys: &Keymap, allowed: &[Status], body: Rect) {
    let Some(t) = &s.ticket else { return };
    let bindings = keys.bindings(crate::ui::keymap::Mode::Status);
    let lines: Vec<Line> = Status::ALL
        .iter()
        .filter(|st| **st != Status::New)
        .map(|st| {
            let key = bindings.iter().find(|(_, a)| a.status() == Some(*st)).map(|(k, _)| k.as_str()).unwrap_or("-");
            let (style, why) = if allowed.contains(st) {
                (theme.style("ui.key"), String::new())
            } else if *st == t.status {
                (theme.style("ui.dim"), " (now)".to_string())
            } else {
                (theme.style("ui.dim"), format!(" (not from {})", t.status))
            };
            Line::from(vec![Span::styled(format!(" {key:>3}  "), style), Span::styled(format!("{st}{why}"), style)])
        })
        .collect();
    let width = 50.min(body.width);
    let height = (lines.len() as u16 + 2).min(body.height);
    let r = Rect { x: body.x + body.width.saturating_sub(width), y: body.y, width, height };
    f.render_widget(Clear, r);
    let block = ratatui::widgets::Block::bordered().title(format!(" #{} is {} ", t.id, t.status));
    f.render_widget(Paragraph::new(lines).block(block), r);
}
