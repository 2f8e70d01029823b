//! One folder per screen: its state, what its keys do, and its view. A new screen is a new
//! folder here, a `Screen` variant and a keymap table.

pub mod dashboard;
pub mod help;
pub mod intake;
pub mod lookup;
pub mod queue;
pub mod regie;
pub mod registry;
pub mod search;
pub mod ticket;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::state::{Screen, State};
use super::update::Effect;

/// An action of the screen on top.
pub fn act(s: &mut State, action: Action) -> Vec<Effect> {
    let done = match s.screen() {
        Screen::Queue => queue::act(s, action),
        Screen::Ticket => ticket::act(s, action),
        Screen::Lookup => lookup::act(s, action),
        Screen::Search => search::act(s, action),
        Screen::Intake => intake::act(s, action),
        Screen::Registry => registry::act(s, action),
        Screen::Dashboard => dashboard::act(s, action),
        Screen::Regie => regie::act(s, action),
        Screen::Help => None,
    };
    done.unwrap_or_default()
}

/// Where a selection goes in a list of `len` rows.
pub fn moved(at: usize, len: usize, action: Action) -> usize {
    const PAGE: usize = 20;
    let last = len.saturating_sub(1);
    match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => (at + 1).min(last),
        Action::PageUp => at.saturating_sub(PAGE),
        Action::PageDown => (at + PAGE).min(last),
        Action::Top => 0,
        _ => last,
    }
}

/// Where a text of `lines` lines, `visible` at a time, scrolls from `at` by `action` (the scroll
/// keys, or those that move a selection): never past its last screenful, so that the first key
/// back moves it. `None` for another action.
pub fn scrolled(at: u16, lines: usize, visible: usize, action: Action) -> Option<u16> {
    let to = match action {
        Action::ScrollUp | Action::Up => Action::Up,
        Action::ScrollDown | Action::Down => Action::Down,
        Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => action,
        _ => return None,
    };
    let positions = lines.saturating_sub(visible) + 1;
    Some(moved(at.into(), positions, to).try_into().unwrap_or(u16::MAX))
}

/// Puts text on the agent's clipboard (OSC 52) when the screen is next written.
pub fn copy(s: &mut State, text: Option<String>) {
    match text {
        Some(t) => {
            s.message = Some(crate::tr!("clipboard-copied", text = t.as_str()));
            s.clipboard = Some(t);
        }
        None => s.message = Some(crate::i18n::t("clipboard-nothing")),
    }
}

pub fn is_typing(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_)) && !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

pub fn char_of(key: &KeyEvent) -> char {
    match key.code {
        KeyCode::Char(c) => c,
        _ => ' ',
    }
}
