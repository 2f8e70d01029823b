//! Keys to actions, per mode: `keymaps/default.toml` built in, a user's file over it key by key.
//! A bad key or action is reported with file, line and column before the screen is taken.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Spanned;

use super::action::Action;

pub const DEFAULT: &str = include_str!("../../keymaps/default.toml");
/// Over the default keys when the config says `keymap = "vim"`.
pub const VIM: &str = include_str!("../../keymaps/vim.toml");

/// Keys pressed one after another: `g g`.
pub type Chord = Vec<Key>;

/// What the keys pressed so far mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Action(Action),
    /// The start of a chord: wait for the next key.
    Prefix,
    Nothing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Keys that work everywhere unless a mode binds them.
    Global,
    Queue,
    Intake,
    Registry,
    Dashboard,
    Regie,
    Ticket,
    Lookup,
    Search,
    Help,
    /// The status menu of a ticket: one key per status, the same whatever the ticket's status.
    Status,
    /// The line editor, wherever an agent types.
    Input,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Queue => "queue",
            Mode::Intake => "intake",
            Mode::Registry => "registry",
            Mode::Dashboard => "dashboard",
            Mode::Regie => "regie",
            Mode::Ticket => "ticket",
            Mode::Lookup => "lookup",
            Mode::Search => "search",
            Mode::Help => "help",
            Mode::Status => "status",
            Mode::Input => "input",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

impl Key {
    pub fn of(event: &KeyEvent) -> Key {
        // Shift is in the character itself ("G"), not a modifier of its own.
        let mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        Key { code: event.code, mods }
    }

    pub fn parse(text: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') && f.len() > 1 => KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?),
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?),
            _ => return None,
        };
        Some(Key { code, mods })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            other => write!(f, "{}", format!("{other:?}").to_lowercase()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct KeymapError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Every error of a keymap file, one per line when printed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct KeymapErrors(pub Vec<KeymapError>);

const KEY_NAMES: &[&str] = &[
    "enter",
    "esc",
    "tab",
    "backtab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "backspace",
    "delete",
    "space",
];

/// ` (did you mean "x"?)` from the names serde says it expected (`expected one of `a`, `b``).
fn did_you_mean(wanted: &str, serde_error: &str) -> String {
    let expected = serde_error.split_once("expected").map(|(_, rest)| rest).unwrap_or("");
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    suggest(wanted, names.into_iter())
}

fn suggest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> String {
    match crate::domain::registry::lookup::closest(wanted, names, 1).first() {
        Some(n) => format!(" (did you mean {n:?}?)"),
        None => String::new(),
    }
}

/// A suggestion for a key that did not parse: its modifiers kept, the rest corrected.
fn key_hint(text: &str) -> String {
    let word = text.split_whitespace().find(|w| Key::parse(w).is_none()).unwrap_or(text);
    let rest = word.trim_start_matches("ctrl-").trim_start_matches("alt-");
    let mods = &word[..word.len() - rest.len()];
    match crate::domain::registry::lookup::closest(rest, KEY_NAMES.iter().copied(), 1).first() {
        Some(n) => format!(" (did you mean \"{mods}{n}\"?)"),
        None => String::new(),
    }
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    maps: BTreeMap<Mode, HashMap<Chord, Action>>,
}

type KeyFile = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<String>>>;

impl Keymap {
    /// The built-in keys, with the user's file (name, text) over them.
    pub fn load(user: Option<(&str, &str)>) -> Result<Keymap, KeymapErrors> {
        Keymap::load_with(false, user)
    }

    /// As `load`, with the vim keys between the default ones and the user's when `vim`. Every
    /// error of the user's file at once.
    pub fn load_with(vim: bool, user: Option<(&str, &str)>) -> Result<Keymap, KeymapErrors> {
        let mut map = Keymap::default();
        map.layer("keymaps/default.toml", DEFAULT)?;
        if vim {
            map.layer("keymaps/vim.toml", VIM)?;
        }
        if let Some((file, text)) = user {
            map.layer(file, text)?;
        }
        Ok(map)
    }

    pub fn builtin() -> Keymap {
        Keymap::load(None).expect("the built-in keymap is valid")
    }

    fn layer(&mut self, file: &str, text: &str) -> Result<(), KeymapErrors> {
        let at = |offset: usize, message: String| {
            let (line, column) = crate::domain::place::position(text, offset);
            KeymapError { file: file.to_string(), line, column, message }
        };
        let parsed: KeyFile = toml::from_str(text)
            .map_err(|e| KeymapErrors(vec![at(e.span().map(|s| s.start).unwrap_or(0), e.message().to_string())]))?;
        let mut errors = Vec::new();
        for (mode, keys) in parsed {
            let m = match Mode::deserialize(toml::Value::String(mode.get_ref().clone())) {
                Ok(m) => m,
                Err(e) => {
                    let hint = did_you_mean(mode.get_ref(), &e.to_string());
                    let modes = "global, queue, intake, registry, dashboard, regie, ticket, lookup, search or help";
                    errors.push(at(mode.span().start, format!("unknown mode {:?}{hint}: {modes}", mode.get_ref())));
                    continue;
                }
            };
            let table = self.maps.entry(m).or_default();
            for (key, action) in keys {
                let k: Option<Chord> = key
                    .get_ref()
                    .split_whitespace()
                    .map(Key::parse)
                    .collect::<Option<Chord>>()
                    .filter(|c| !c.is_empty());
                if k.is_none() {
                    let hint = key_hint(key.get_ref());
                    errors.push(at(key.span().start, format!("unknown key {:?}{hint}", key.get_ref())));
                }
                let a = match Action::deserialize(toml::Value::String(action.get_ref().clone())) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        let hint = did_you_mean(action.get_ref(), &e.to_string());
                        errors.push(at(action.span().start, format!("unknown action {:?}{hint}", action.get_ref())));
                        None
                    }
                };
                if let (Some(k), Some(a)) = (k, a) {
                    table.insert(k, a);
                }
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(KeymapErrors(errors)) }
    }

    /// The mode's binding for one key, else the global one; `noop` unbinds.
    /// The action of a key in this mode's own table only (no global fallback).
    pub fn action_in(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        self.maps.get(&mode)?.get(&[Key::of(key)][..]).copied().filter(|a| *a != Action::Noop)
    }

    pub fn action(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        match self.resolve(mode, &[Key::of(key)]) {
            Resolved::Action(a) => Some(a),
            _ => None,
        }
    }

    /// What the keys pressed so far mean in a mode: a binding (the mode's before the global
    /// ones), the start of a chord, or nothing.
    pub fn resolve(&self, mode: Mode, keys: &[Key]) -> Resolved {
        for m in [mode, Mode::Global] {
            let Some(map) = self.maps.get(&m) else { continue };
            match map.get(keys) {
                Some(Action::Noop) => {}
                Some(a) => return Resolved::Action(*a),
                None => {}
            }
            if map.iter().any(|(chord, a)| *a != Action::Noop && chord.len() > keys.len() && chord.starts_with(keys)) {
                return Resolved::Prefix;
            }
            if map.get(keys) == Some(&Action::Noop) {
                return Resolved::Nothing;
            }
        }
        Resolved::Nothing
    }

    /// What the help screen lists: every bound key of a mode, then the global ones.
    pub fn bindings(&self, mode: Mode) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = Vec::new();
        for m in [mode, Mode::Global] {
            let mut these: Vec<(String, Action)> = self
                .maps
                .get(&m)
                .into_iter()
                .flatten()
                .map(|(chord, a)| (chord.iter().map(Key::to_string).collect::<Vec<_>>().join(" "), *a))
                .collect();
            these.sort();
            for (k, a) in these {
                if a != Action::Noop && !out.iter().any(|(key, _)| *key == k) {
                    out.push((k, a));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_users_file_overrides_key_by_key_and_noop_unbinds() {
        let user = "[queue]\nx = \"open\"\nq = \"noop\"\n";
        let map = Keymap::load(Some(("mine.toml", user))).unwrap();
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(map.action(Mode::Queue, &key('x')), Some(Action::Open));
        assert_eq!(map.action(Mode::Queue, &key('q')), None);
        assert_eq!(map.action(Mode::Queue, &key('j')), Some(Action::Down), "the rest stays");
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map.action(Mode::Queue, &ctrl_c), Some(Action::Quit), "global keys reach every mode");
    }

    fn first(user: &str) -> KeymapError {
        Keymap::load(Some(("mine.toml", user))).unwrap_err().0.remove(0)
    }

    #[test]
    fn a_bad_key_or_action_says_where() {
        let e = first("[queue]\nj = \"down\"\nx = \"opne\"\n");
        assert_eq!((e.line, e.column), (3, 5), "{e}");
        assert!(e.message.contains("unknown action \"opne\""), "{e}");
        let e = first("[queue]\nhyper-x = \"down\"\n");
        assert_eq!((e.line, e.column, e.message.as_str()), (2, 1, "unknown key \"hyper-x\""));
        let e = first("[qeue]\n");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn every_error_at_once_with_did_you_mean() {
        let user = "[qeue]\nx = \"open\"\n[queue]\nx = \"opne\"\nctrl-entr = \"down\"\ny = \"refesh\"\n";
        let errors = Keymap::load(Some(("mine.toml", user))).unwrap_err().0;
        let got: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    "unknown mode \"qeue\" (did you mean \"queue\"?): global, queue, intake, registry, dashboard, regie, ticket, lookup, search or help"
                ),
                (5, "unknown key \"ctrl-entr\" (did you mean \"ctrl-enter\"?)"),
                (4, "unknown action \"opne\" (did you mean \"open\"?)"),
                (6, "unknown action \"refesh\" (did you mean \"refresh\"?)"),
            ]
        );
    }

    #[test]
    fn vim_keys_make_chords() {
        let k = |c| Key::parse(c).unwrap();
        let vim = Keymap::load_with(true, None).unwrap();
        assert_eq!(vim.resolve(Mode::Queue, &[k("g")]), Resolved::Prefix);
        assert_eq!(vim.resolve(Mode::Queue, &[k("g"), k("g")]), Resolved::Action(Action::Top));
        assert_eq!(vim.resolve(Mode::Queue, &[k("g"), k("x")]), Resolved::Nothing);
        assert_eq!(vim.resolve(Mode::Queue, &[k("ctrl-d")]), Resolved::Action(Action::PageDown));
        assert_eq!(vim.resolve(Mode::Queue, &[k("j")]), Resolved::Action(Action::Down), "the default keys stay");
        let default = Keymap::builtin();
        assert_eq!(default.resolve(Mode::Queue, &[k("g")]), Resolved::Action(Action::Top));
        assert!(vim.bindings(Mode::Queue).contains(&("g g".to_string(), Action::Top)));
    }

    #[test]
    fn help_lists_what_is_bound() {
        let map = Keymap::builtin();
        let b = map.bindings(Mode::Ticket);
        assert!(b.contains(&("a".to_string(), Action::AssignMe)));
        assert!(b.contains(&("ctrl-c".to_string(), Action::Quit)));
    }
}
