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
        f.render_widget(Paragraph::new(crate::i18n::t("ticket-loading")), r);
        return;
    };
    let local = |at: chrono::DateTime<chrono::Utc>| crate::i18n::date(&at.with_timezone(&s.tz), "%a %d %b %H:%M");
    let field = |name: &str, value: String| {
        Line::from(vec![Span::styled(format!("{name:<13}"), theme.style("ui.dim")), Span::raw(clean(&value))])
    };
    let kind = match t.kind {
        crate::domain::ticket::TicketKind::Incident => crate::i18n::t("ticket-kind-incident"),
        crate::domain::ticket::TicketKind::Request => crate::i18n::t("ticket-kind-request"),
    };
    let status = format!("{} · {} · {kind}", crate::present::status_name(t.status), t.priority).to_lowercase();
    let mut lines = vec![
        Line::from(Span::styled(clean(&t.title), theme.style("ui.title"))),
        field(&crate::i18n::t("ticket-field-status"), status),
        field(
            &crate::i18n::t("ticket-field-participant"),
            format!(
                "{} {}",
                t.participant,
                t.participant_name.as_deref().map(|n| format!("({n})")).unwrap_or_default()
            ),
        ),
        field(&crate::i18n::t("ticket-field-service"), t.service.clone()),
        field(&crate::i18n::t("ticket-field-caller"), t.caller.clone().unwrap_or_else(|| "-".into())),
        field(
            &crate::i18n::t("ticket-field-assignee"),
            t.assignee.clone().unwrap_or_else(|| crate::i18n::t("ticket-nobody")),
        ),
        field(
            &crate::i18n::t("ticket-field-supplier"),
            format!(
                "{} {}",
                t.supplier.clone().unwrap_or_else(|| crate::i18n::t("ticket-unrouted")),
                t.contract.as_deref().map(|c| format!("({c})")).unwrap_or_default()
            ),
        ),
        field(&crate::i18n::t("ticket-field-supplier-ref"), t.supplier_ref.clone().unwrap_or_else(|| "-".into())),
    ];
    if t.major {
        let line = crate::tr!("ticket-major-banner", n = t.linked.len());
        lines.insert(1, Line::styled(clean(&line), theme.style("sla.breached")));
    }
    if let Some(m) = t.linked_to {
        lines.push(field(&crate::i18n::t("ticket-field-linked-to"), crate::tr!("ticket-linked-to-major", id = m)));
    }
    if let Some(at) = t.call_back_at {
        lines.push(field(&crate::i18n::t("ticket-field-call-back"), local(at)));
    }
    if t.first_contact {
        lines.push(field(&crate::i18n::t("ticket-field-solved"), crate::i18n::t("ticket-first-contact")));
    }
    // Whom to inform when the major incident is resolved.
    for c in &t.linked {
        let reach = [c.phone.as_deref(), c.email.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        let who = c.caller.as_deref().unwrap_or("-");
        let status = crate::present::status_name(c.status);
        let call = format!("#{} {status} {} · {who} {reach}", c.id, c.participant);
        lines.push(field(&crate::i18n::t("ticket-field-linked-call"), call));
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
            lines.push(field(&crate::i18n::t("ticket-field-report-to"), reach.join(" · ")));
        }
        if let Some(p) = &sup.procedure {
            lines.push(field(&crate::i18n::t("ticket-field-procedure"), p.lines().next().unwrap_or("").to_string()));
        }
    }
    // An override says so in the explanation itself ("· overridden").
    let routing = crate::present::routing_text(&t.routing);
    lines.extend([
        field(&crate::i18n::t("ticket-field-routing"), routing),
        field(
            &crate::i18n::t("ticket-field-logged"),
            crate::tr!("ticket-logged-by", at = local(t.created_at), by = t.created_by.as_str()),
        ),
    ]);
    if let Some(solution) = &t.solution {
        lines.push(field(&crate::i18n::t("ticket-field-solution"), clean(solution)));
    }
    lines.push(Line::raw(""));
    let (response, resolution) = (crate::i18n::t("ticket-clock-response"), crate::i18n::t("ticket-clock-resolution"));
    let mut layer = |header: String, l: &LayerClocks| {
        lines.push(Line::from(Span::styled(header, theme.style("ui.header"))));
        for (what, c) in [(&response, &l.response), (&resolution, &l.resolution)] {
            lines.push(clock_line(theme, what, c, s.tz));
        }
    };
    layer(crate::tr!("ticket-sla-helpdesk", calendar = t.sla.helpdesk.calendar.as_str()), &t.sla.helpdesk);
    // A call linked to a major incident reaches the supplier through it, never on its own.
    let through_major = t.linked_to.filter(|_| t.dispatched_at.is_none());
    if let Some(m) = through_major {
        lines.push(Line::styled(crate::tr!("ticket-supplier-via-major", id = m), theme.style("ui.dim")));
    } else if let Some(sup) = &t.sla.supplier {
        layer(crate::tr!("ticket-sla-supplier", calendar = sup.calendar.as_str()), sup);
    }
    lines.push(Line::raw(""));
    if !t.description.is_empty() {
        lines.extend(crate::domain::sanitize(&t.description).lines().map(|l| Line::raw(l.to_string())));
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled(crate::i18n::t("ticket-journal"), theme.style("ui.header"))));
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
            let name = crate::present::status_name(*st);
            let (style, text) = if allowed.contains(st) {
                (theme.style("ui.key"), name)
            } else if *st == t.status {
                (theme.style("ui.dim"), crate::tr!("ticket-status-now", status = name))
            } else {
                let from = crate::present::status_name(t.status);
                (theme.style("ui.dim"), crate::tr!("ticket-status-not-from", status = name, from = from))
            };
            Line::from(vec![Span::styled(format!(" {key:>3}  "), style), Span::styled(text, style)])
        })
        .collect();
    let width = 50.min(body.width);
    let height = (lines.len() as u16 + 2).min(body.height);
    let r = Rect { x: body.x + body.width.saturating_sub(width), y: body.y, width, height };
    f.render_widget(Clear, r);
    let title = crate::tr!("ticket-status-menu-title", id = t.id, status = crate::present::status_name(t.status));
    let block = ratatui::widgets::Block::bordered().title(title);
    f.render_widget(Paragraph::new(lines).block(block), r);
}
