//! "Who do we call?": what the agent types, the hits, and the card of the selected supplier.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::desk::SupplierCard;
use crate::domain::registry::lookup::HitKind;
use crate::ui::frame::clean;
use crate::ui::state::State;
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let [input, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(r);
    let typed = crate::ui::line::shown(&clean(&s.lookup.query), &s.cursor_of(crate::ui::line::LineOf::Lookup));
    f.render_widget(Paragraph::new(format!("find: {typed}")), input);
    let [hits, card] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(rest);
    let items: Vec<ListItem> = s
        .lookup
        .hits
        .iter()
        .map(|h| {
            let kind = h.kind.as_str();
            let to = match h.kind {
                HitKind::Solution => "solve on the line",
                _ => h.supplier.as_deref().unwrap_or("no contract"),
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{kind:<9}"), theme.style("ui.dim")),
                Span::raw(clean(&h.name)),
                Span::styled(format!(" → {}", clean(to)), theme.style("ui.dim")),
            ]))
        })
        .collect();
    let mut list_state = ListState::default().with_selected((!items.is_empty()).then_some(s.lookup.selected));
    let list =
        List::new(items).highlight_style(theme.style("ui.selected")).block(Block::default().borders(Borders::RIGHT));
    f.render_stateful_widget(list, hits, &mut list_state);
    let solution = s.lookup.hits.get(s.lookup.selected).filter(|h| h.kind == HitKind::Solution);
    if let Some(sol) = solution.and_then(|h| s.registry.as_ref()?.solution(&h.name).cloned()) {
        let mut lines = vec![Line::from(Span::styled(clean(&sol.title), theme.style("ui.title")))];
        lines.push(Line::styled(clean(&format!("for {}", sol.services.join(", "))), theme.style("ui.dim")));
        lines.extend(crate::domain::sanitize(&sol.steps).lines().map(|l| Line::raw(l.to_string())));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), card);
    } else if let Some(c) = &s.lookup.card {
        f.render_widget(Paragraph::new(card_lines(c, s.now, theme)).wrap(Wrap { trim: false }), card);
    } else if s.lookup.query.is_empty() {
        f.render_widget(Paragraph::new("type a supplier, service, alias, keyword, contract or contact"), card);
    }
}

fn card_lines<'a>(c: &SupplierCard, now: DateTime<Utc>, theme: &Theme) -> Vec<Line<'a>> {
    let s = &c.supplier;
    let role = match c.open_now {
        Some(true) => "open.now",
        Some(false) => "open.closed",
        None => "ui.dim",
    };
    let open = Span::styled(crate::present::desk_hours(c, now), theme.style(role));
    let mut lines = vec![Line::from(Span::styled(clean(&s.name), theme.style("ui.title"))), Line::from(open)];
    for m in &c.majors {
        let line = format!("MAJOR INCIDENT {}", crate::present::major_line(m, false));
        lines.push(Line::styled(clean(&line), theme.style("sla.breached")));
    }
    for (label, value) in [("phone", &s.phone), ("email", &s.email), ("portal", &s.portal)] {
        if let Some(v) = value {
            lines.push(Line::raw(format!("{label:<9}{}", clean(v))));
        }
    }
    for contact in &s.contacts {
        let level = contact.level.map(|l| format!(" {l}")).unwrap_or_default();
        let reach: Vec<&str> = [contact.phone.as_deref(), contact.email.as_deref()].into_iter().flatten().collect();
        lines.push(Line::raw(clean(&format!(
            "{}{level}: {} {}",
            contact.role.as_str(),
            contact.name,
            reach.join(" · ")
        ))));
    }
    if let Some(p) = &s.procedure {
        lines.push(Line::raw(""));
        lines.extend(crate::domain::sanitize(p).lines().map(|l| Line::raw(l.to_string())));
    }
    for k in &c.contracts {
        let valid = if c.valid_now.contains(&k.number) { "valid" } else { "not valid now" };
        let until = k.valid_until.map(|d| format!(" until {d}")).unwrap_or_default();
        lines.push(Line::raw(clean(&format!("contract {} ({valid}{until}), window {}", k.number, k.window))));
        // Whom it covers, and for what: a contract may cover two schools, not everyone.
        let whom = match &k.participants {
            crate::domain::registry::Coverage::All => "all participants".to_string(),
            crate::domain::registry::Coverage::Only(codes) => codes.join(", "),
        };
        lines.push(Line::raw(clean(&format!("  covers {whom}: {}", k.services.join(", ")))));
        for (p, t) in &k.sla {
            lines.push(Line::raw(format!("  {p}: respond {}, resolve {}", t.response, t.resolve)));
        }
    }
    lines
}
