//! The words typed, and the tickets of all history that hold them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::ui::frame::clean;
use crate::ui::state::State;
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let [input, said, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(r);
    let typed = crate::ui::line::shown(&clean(&s.search.query), &s.cursor_of(crate::ui::line::LineOf::Search));
    f.render_widget(Paragraph::new(crate::tr!("search-prompt", typed = typed)), input);
    let count = match (&s.search.error, s.search.rows.len(), s.search.more) {
        (Some(e), _, _) => clean(e),
        (None, 0, _) if s.search.query.trim().is_empty() => crate::i18n::t("search-hint"),
        (None, 0, _) => crate::i18n::t("search-empty"),
        (None, n, true) => crate::tr!("search-best", n = n),
        (None, n, false) => crate::tr!("search-found", n = n),
    };
    f.render_widget(Paragraph::new(Span::styled(count, theme.style("ui.dim"))), said);
    let wide = rest.width >= 100;
    let items: Vec<ListItem> = s
        .search
        .rows
        .iter()
        .map(|row| {
            let status = crate::present::status_short(row.status, 9);
            let mut spans = vec![
                Span::raw(format!("#{:<6} {} ", row.id, row.priority)),
                Span::styled(format!("{status:<9} "), theme.style("ui.dim")),
                Span::raw(format!("{} ", row.created_at.with_timezone(&s.tz).format("%Y-%m-%d"))),
            ];
            if wide {
                let supplier = row.supplier.clone().unwrap_or_else(|| crate::i18n::t("search-unrouted"));
                spans.push(Span::styled(
                    format!(
                        "{:<5} {:<14} {:<14} ",
                        clip(&row.participant, 5),
                        clip(&row.service, 14),
                        clip(&supplier, 14)
                    ),
                    theme.style("ui.dim"),
                ));
            }
            spans.push(Span::raw(clean(&row.title)));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut list_state = ListState::default();
    list_state.select((!s.search.rows.is_empty()).then_some(s.search.selected));
    f.render_stateful_widget(List::new(items).highlight_style(theme.style("ui.selected")), rest, &mut list_state);
}

fn clip(text: &str, n: usize) -> String {
    let text = clean(text);
    if text.chars().count() <= n { text } else { text.chars().take(n - 1).chain(std::iter::once('…')).collect() }
}
