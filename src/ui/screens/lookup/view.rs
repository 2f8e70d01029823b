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
    f.render_widget(Paragraph::new(crate::tr!("lookup-find", typed = typed)), input);
    let [hits, card] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(rest);
    // The kinds' column as wide as the longest kind's name in this language, and a space.
    let kinds = [HitKind::Supplier, HitKind::Service, HitKind::Contract, HitKind::Contact, HitKind::Solution];
    let kind_w = kinds.iter().map(|k| crate::present::hit_kind(*k).chars().count()).max().unwrap_or(8).max(8) + 1;
    let items: Vec<ListItem> = s
        .lookup
        .hits
        .iter()
        .map(|h| {
            let kind = crate::present::hit_kind(h.kind);
            let to = match h.kind {
                HitKind::Solution => crate::i18n::t("lookup-solve-on-the-line"),
                _ => h.supplier.clone().unwrap_or_else(|| crate::i18n::t("lookup-no-contract")),
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{kind:<kind_w$}"), theme.style("ui.dim")),
                Span::raw(clean(&h.name)),
                Span::styled(format!(" → {}", clean(&to)), theme.style("ui.dim")),
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
        let services = crate::tr!("lookup-solution-for", services = sol.services.join(", "));
        lines.push(Line::styled(clean(&services), theme.style("ui.dim")));
        lines.extend(crate::domain::sanitize(&sol.steps).lines().map(|l| Line::raw(l.to_string())));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), card);
    } else if let Some(c) = &s.lookup.card {
        f.render_widget(Paragraph::new(card_lines(c, s.now, theme)).wrap(Wrap { trim: false }), card);
    } else if s.lookup.query.is_empty() {
        f.render_widget(Paragraph::new(crate::i18n::t("lookup-placeholder")).wrap(Wrap { trim: false }), card);
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
        let line = crate::tr!("lookup-major", line = crate::present::major_line(m, false));
        lines.push(Line::styled(clean(&line), theme.style("sla.breached")));
    }
    let reach = [
        (crate::i18n::t("lookup-phone"), &s.phone),
        (crate::i18n::t("lookup-email"), &s.email),
        (crate::i18n::t("lookup-portal"), &s.portal),
    ];
    for (label, value) in reach {
        if let Some(v) = value {
            lines.push(Line::raw(format!("{label:<9}{}", clean(v))));
        }
    }
    for contact in &s.contacts {
        let level = contact.level.map(|l| format!(" {l}")).unwrap_or_default();
        let reach: Vec<&str> = [contact.phone.as_deref(), contact.email.as_deref()].into_iter().flatten().collect();
        let role = crate::present::contact_role(contact.role);
        lines.push(Line::raw(clean(&format!("{role}{level}: {} {}", contact.name, reach.join(" · ")))));
    }
    if let Some(p) = &s.procedure {
        lines.push(Line::raw(""));
        lines.extend(crate::domain::sanitize(p).lines().map(|l| Line::raw(l.to_string())));
    }
    for k in &c.contracts {
        let (number, window) = (k.number.as_str(), k.window.as_str());
        let line = match (c.valid_now.contains(&k.number), k.valid_until.map(|d| d.to_string())) {
            (true, Some(until)) => {
                crate::tr!("lookup-contract-valid-until", number = number, until = until, window = window)
            }
            (true, None) => crate::tr!("lookup-contract-valid", number = number, window = window),
            (false, Some(until)) => {
                crate::tr!("lookup-contract-invalid-until", number = number, until = until, window = window)
            }
            (false, None) => crate::tr!("lookup-contract-invalid", number = number, window = window),
        };
        lines.push(Line::raw(clean(&line)));
        // Whom it covers, and for what: a contract may cover two schools, not everyone.
        let whom = match &k.participants {
            crate::domain::registry::Coverage::All => crate::i18n::t("lookup-all-participants"),
            crate::domain::registry::Coverage::Only(codes) => codes.join(", "),
        };
        let covers = crate::tr!("lookup-covers", whom = whom, services = k.services.join(", "));
        lines.push(Line::raw(clean(&covers)));
        for (p, t) in &k.sla {
            let times = crate::tr!(
                "lookup-sla",
                priority = p.to_string(),
                response = t.response.to_string(),
                resolve = t.resolve.to_string()
            );
            lines.push(Line::raw(times));
        }
    }
    lines
}
