//! The help: the keys of the screen below, from the live keymap. When they do not all fit, it
//! scrolls.

pub mod view;

use crate::ui::action::Action;
use crate::ui::keymap::Keymap;
use crate::ui::state::State;

/// Scrolls the help by `action`, as far as its last screenful; `false` for another action.
pub fn scroll(s: &mut State, keys: &Keymap, action: Action) -> bool {
    let to = match action {
        Action::ScrollUp => Action::Up,
        Action::ScrollDown => Action::Down,
        Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => action,
        _ => return false,
    };
    // Below the title and the heading, above the status line.
    let rows = usize::from(s.rows.saturating_sub(3)).max(1);
    let len = view::overflow(s, keys, s.cols, rows).map_or(0, |lines| lines.saturating_sub(rows)) + 1;
    s.help_scroll = super::moved(s.help_scroll.into(), len, to).try_into().unwrap_or(u16::MAX);
    true
}
