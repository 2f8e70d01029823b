//! The help: the keys of the screen below, from the live keymap. When they do not all fit, it
//! scrolls.

pub mod view;

use crate::ui::action::Action;
use crate::ui::keymap::Keymap;
use crate::ui::state::State;

/// Scrolls the help by `action`, as far as its last screenful; `false` for another action.
pub fn scroll(s: &mut State, keys: &Keymap, action: Action) -> bool {
    if !matches!(
        action,
        Action::ScrollUp | Action::ScrollDown | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom
    ) {
        return false;
    }
    // Below the title and the heading, above the status line.
    let rows = usize::from(s.rows.saturating_sub(3)).max(1);
    let lines = view::overflow(s, keys, s.cols, rows).unwrap_or(0);
    match super::scrolled(s.help_scroll, lines, rows, action) {
        Some(at) => s.help_scroll = at,
        None => return false,
    }
    true
}
