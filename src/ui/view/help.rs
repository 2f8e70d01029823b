//! The keys of the screen below, from the live keymap: it cannot disagree with what keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::keymap::{Keymap, Mode};
use crate::ui::state::{Screen, State};
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, keys: &Keymap, r: Rect) {
    let below = s.screens.iter().rev().nth(1).copied().unwrap_or(Screen::Queue);
    let mode = match below {
        Screen::Queue => Mode::Queue,
        Screen::Ticket => Mode::Ticket,
        Screen::Lookup => Mode::Lookup,
        Screen::Help => Mode::Help,
    };
    let mut lines =
        vec![Line::from(Span::styled(format!("keys on the {} screen", mode.name()), theme.style("ui.header")))];
    for (key, action) in keys.bindings(mode) {
        lines.push(Line::from(vec![
            Span::styled(format!("{key:>10}  "), theme.style("ui.key")),
            Span::raw(action.describe()),
        ]));
    }
    f.render_widget(Paragraph::new(lines), r);
}
