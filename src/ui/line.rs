//! One line editor for every place an agent types (the filter, the lookup, prompts, the intake
//! fields): the same keys everywhere, bindable in the keymap's `[input]` table.
//!
//! Only one line is typed at a time, so the cursor lives once in the state; it starts at the
//! end of whatever line becomes active. A line reopened with text in it (the lookup, the
//! filter) starts selected: typing replaces it, a movement key keeps it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keymap::{Keymap, Mode};

/// Where the cursor is in the active line, in characters; `None` is the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub at: Option<usize>,
    /// The whole text is selected: the next character typed replaces it.
    pub selected: bool,
}

impl Cursor {
    pub fn at_end(selected: bool) -> Cursor {
        Cursor { at: None, selected }
    }

    fn index(&self, text: &str) -> usize {
        self.at.unwrap_or(usize::MAX).min(text.chars().count())
    }
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Not an editing key: the screen's own keys decide.
    NotMine,
}

/// Applies a key to the line: an `[input]` action, or a character typed.
pub fn edit(text: &mut String, cursor: &mut Cursor, key: &KeyEvent, keys: &Keymap) -> Edit {
    if let Some(action) = keys.action_in(Mode::Input, key) {
        return apply(text, cursor, action);
    }
    match key.code {
        KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            insert(text, cursor, &c.to_string());
            Edit::Changed
        }
        _ => Edit::NotMine,
    }
}

/// Puts text in at the cursor (a paste: line breaks become spaces).
pub fn insert(text: &mut String, cursor: &mut Cursor, pasted: &str) {
    if cursor.selected {
        text.clear();
        *cursor = Cursor::default();
    }
    let clean: String = pasted.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let at = cursor.index(text);
    let byte = byte_of(text, at);
    text.insert_str(byte, &clean);
    if cursor.at.is_some() {
        cursor.at = Some(at + clean.chars().count());
    }
}

fn apply(text: &mut String, cursor: &mut Cursor, action: Action) -> Edit {
    let len = text.chars().count();
    let at = cursor.index(text);
    let was_selected = std::mem::take(&mut cursor.selected);
    let moved_to = |cursor: &mut Cursor, to: usize| {
        cursor.at = if to >= len { None } else { Some(to) };
        Edit::Moved
    };
    match action {
        Action::InputStart => moved_to(cursor, 0),
        Action::InputEnd => moved_to(cursor, len),
        Action::InputLeft => moved_to(cursor, at.saturating_sub(1)),
        Action::InputRight => moved_to(cursor, at + 1),
        Action::InputDeleteBack if was_selected => {
            text.clear();
            *cursor = Cursor::default();
            Edit::Changed
        }
        Action::InputDeleteBack if at > 0 => {
            let byte = byte_of(text, at - 1);
            text.remove(byte);
            cursor.at = cursor.at.map(|_| at - 1);
            Edit::Changed
        }
        Action::InputDelete if at < len => {
            text.remove(byte_of(text, at));
            Edit::Changed
        }
        Action::InputClearBefore => {
            text.replace_range(..byte_of(text, at), "");
            cursor.at = cursor.at.map(|_| 0);
            Edit::Changed
        }
        Action::InputDeleteWord => {
            let chars: Vec<char> = text.chars().collect();
            let mut from = at;
            while from > 0 && chars[from - 1].is_whitespace() {
                from -= 1;
            }
            while from > 0 && !chars[from - 1].is_whitespace() {
                from -= 1;
            }
            text.replace_range(byte_of(text, from)..byte_of(text, at), "");
            cursor.at = cursor.at.map(|_| from);
            Edit::Changed
        }
        Action::InputDeleteBack | Action::InputDelete => Edit::Moved,
        _ => {
            cursor.selected = was_selected;
            Edit::NotMine
        }
    }
}

fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

/// The line as shown: the cursor drawn as `▏` where it is; a selected line says typing
/// replaces it.
pub fn shown(text: &str, cursor: &Cursor) -> String {
    let at = byte_of(text, cursor.index(text));
    let line = format!("{}▏{}", &text[..at], &text[at..]);
    if cursor.selected && !text.is_empty() { crate::tr!("line-typing-replaces", line = line) } else { line }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::{Cursor, Edit, edit, insert, shown};
    use crate::ui::keymap::Keymap;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn typed(text: &mut String, cursor: &mut Cursor, keys: &Keymap, s: &str) {
        for c in s.chars() {
            edit(text, cursor, &key(KeyCode::Char(c), KeyModifiers::NONE), keys);
        }
    }

    #[test]
    fn the_editing_keys_of_a_shell() {
        let keys = Keymap::builtin();
        let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
        let (mut text, mut cur) = (String::new(), Cursor::default());
        typed(&mut text, &mut cur, &keys, "magister obl");
        assert_eq!(edit(&mut text, &mut cur, &ctrl('w'), &keys), Edit::Changed);
        assert_eq!(text, "magister ");
        edit(&mut text, &mut cur, &ctrl('a'), &keys);
        typed(&mut text, &mut cur, &keys, "zyl ");
        assert_eq!((text.as_str(), shown(&text, &cur).as_str()), ("zyl magister ", "zyl ▏magister "));
        edit(&mut text, &mut cur, &key(KeyCode::Right, KeyModifiers::NONE), &keys);
        edit(&mut text, &mut cur, &ctrl('u'), &keys);
        assert_eq!(text, "agister ");
        edit(&mut text, &mut cur, &ctrl('e'), &keys);
        edit(&mut text, &mut cur, &key(KeyCode::Backspace, KeyModifiers::NONE), &keys);
        assert_eq!(text, "agister");
        edit(&mut text, &mut cur, &key(KeyCode::Home, KeyModifiers::NONE), &keys);
        edit(&mut text, &mut cur, &key(KeyCode::Delete, KeyModifiers::NONE), &keys);
        assert_eq!(text, "gister");
        assert_eq!(edit(&mut text, &mut cur, &key(KeyCode::Enter, KeyModifiers::NONE), &keys), Edit::NotMine);
    }

    #[test]
    fn a_selected_line_is_replaced_by_typing_and_kept_by_moving() {
        let keys = Keymap::builtin();
        let (mut text, mut cur) = ("magister".to_string(), Cursor::at_end(true));
        typed(&mut text, &mut cur, &keys, "notu");
        assert_eq!(text, "notu", "typing replaces");
        let mut cur = Cursor::at_end(true);
        edit(&mut text, &mut cur, &key(KeyCode::End, KeyModifiers::NONE), &keys);
        typed(&mut text, &mut cur, &keys, "biz");
        assert_eq!(text, "notubiz", "moving keeps it");
        let mut cur = Cursor::at_end(false);
        insert(&mut text, &mut cur, " a\nb");
        assert_eq!(text, "notubiz a b", "a pasted line break is a space");
        let (mut wide, mut cur) = ("Zoë".to_string(), Cursor::default());
        edit(&mut wide, &mut cur, &key(KeyCode::Left, KeyModifiers::NONE), &keys);
        edit(&mut wide, &mut cur, &key(KeyCode::Backspace, KeyModifiers::NONE), &keys);
        assert_eq!(wide, "Zë", "characters, not bytes");
    }
}

/// Which line is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOf {
    Prompt,
    Filter,
    Lookup,
    /// The intake field in focus.
    Intake(usize),
    RegistrySearch,
    /// The words of a search of all tickets.
    Search,
}

impl super::state::State {
    /// The line the agent types in now, if any: a text prompt, the filter, the lookup, or the
    /// intake field in focus.
    pub fn active_line(&self) -> Option<LineOf> {
        use super::prompt::PromptKind;
        use super::state::Screen;
        if let Some(p) = self.open_prompt() {
            let menu = matches!(p.kind, PromptKind::Status(_) | PromptKind::Confirm { .. } | PromptKind::Priority);
            return (!menu).then_some(LineOf::Prompt);
        }
        match self.screen() {
            Screen::Queue if self.queue.filtering => Some(LineOf::Filter),
            Screen::Lookup => Some(LineOf::Lookup),
            Screen::Search => Some(LineOf::Search),
            Screen::Intake => Some(LineOf::Intake(self.intake.focus)),
            Screen::Registry if self.registry_searching => Some(LineOf::RegistrySearch),
            _ => None,
        }
    }

    /// The cursor of `line`: where the agent left it, or, for a line just become active, at its
    /// end (with a reopened lookup or filter selected, so typing replaces it).
    pub fn cursor_of(&self, line: LineOf) -> Cursor {
        if self.cursor_on == Some(line) {
            return self.cursor;
        }
        let reopened = match line {
            LineOf::Filter => !self.queue.filter.is_empty(),
            LineOf::Lookup => !self.lookup.query.is_empty(),
            LineOf::RegistrySearch => !self.registry_search.is_empty(),
            LineOf::Search => !self.search.query.is_empty(),
            LineOf::Prompt | LineOf::Intake(_) => false,
        };
        Cursor::at_end(reopened)
    }

    pub fn line_text_mut(&mut self, line: LineOf) -> &mut String {
        match line {
            LineOf::Prompt => match self.prompt.as_mut() {
                Some(p) => &mut p.text,
                None => &mut self.queue.filter,
            },
            LineOf::Filter => &mut self.queue.filter,
            LineOf::Lookup => &mut self.lookup.query,
            LineOf::Intake(_) => self.intake.value_mut(),
            LineOf::RegistrySearch => &mut self.registry_search,
            LineOf::Search => &mut self.search.query,
        }
    }
}
