//! The keys of the screen below, from the live keymap: it cannot disagree with what keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::keymap::Keymap;
use crate::ui::state::{Screen, State};
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, keys: &Keymap, r: Rect) {
    let below = s.screens.iter().rev().nth(1).copied().unwrap_or(Screen::Queue);
    let mode = below.mode();
    let head = Line::from(Span::styled(format!("keys on the {} screen", mode.name()), theme.style("ui.header")));
    f.render_widget(Paragraph::new(head), Rect { height: 1, ..r });
    // As many columns as it takes for every key to show.
    let rows = r.height.saturating_sub(1).max(1) as usize;
    let bindings = keys.bindings(mode);
    let columns = bindings.len().div_ceil(rows).max(1);
    let width = r.width / columns as u16;
    for (c, chunk) in bindings.chunks(rows).enumerate() {
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(key, action)| {
                Line::from(vec![
                    Span::styled(format!("{key:>9} "), theme.style("ui.key")),
                    Span::raw(action.describe()),
                ])
            })
            .collect();
        let area = Rect { x: r.x + width * c as u16, y: r.y + 1, width, height: r.height.saturating_sub(1) };
        f.render_widget(Paragraph::new(lines), area);
    }
}
