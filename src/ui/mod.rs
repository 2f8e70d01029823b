//! The terminal UI: the queue, a ticket, the quick lookup and the help, over the server.
//!
//! One loop: messages (keys, answers, colleagues' changes, a minute passing) go through
//! `update`, whose effects are asked of the desk, and the screen is drawn once everything
//! pending is handled. There is no redraw timer; the SLA column is refreshed once a minute.

pub mod action;
pub mod frame;
mod keyboard;
pub mod keymap;
pub mod line;
pub mod prompt;
pub mod screens;
pub mod state;
pub mod theme;
pub mod update;
mod worker;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{SubsecRound, Timelike, Utc};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::client::{Client, connect_or_start};
use crate::desk::{DeskApi, DeskError};
pub use keymap::{Keymap, KeymapError, KeymapErrors};
pub use state::State;
pub use theme::Theme;
pub use update::{Effect, Msg, update};

/// How long the screen waits for the server before it calls it lost and reconnects: an agent
/// with a caller on the line cannot wait two minutes.
const UI_PATIENCE: Duration = Duration::from_secs(30);

/// How long an errand may wait before the screen says the server keeps it waiting.
const SAY_WAITING: Duration = Duration::from_millis(700);

/// The user's keymap file: `$XDG_CONFIG_HOME/spoc/keymap.toml`.
pub fn keymap_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("spoc").join("keymap.toml"))
}

/// The user's own themes: `$XDG_CONFIG_HOME/spoc/themes/NAME.toml`.
pub fn themes_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("spoc").join("themes"))
}

/// What the config file says of the UI.
#[derive(Debug, Clone, Default)]
pub struct Looks {
    /// A theme's name (default: `default`).
    pub theme: Option<String>,
    /// `vim` puts the vim keys over the default ones.
    pub keymap: Option<String>,
    /// Where the config file names the theme (`FILE:LINE:COLUMN`), for an unknown name.
    pub theme_at: Option<String>,
}

/// The built-in keys (with the vim ones if chosen) with the user's file over them.
pub fn load_keymap(looks: &Looks) -> Result<Keymap, String> {
    let vim = match looks.keymap.as_deref() {
        None | Some("default") => false,
        Some("vim") => true,
        Some(other) => return Err(format!("keymap {other:?} in the config file: default or vim")),
    };
    let user = keymap_path().filter(|p| p.exists());
    let text = match &user {
        Some(p) => Some(std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => None,
    };
    let name = user.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
    Keymap::load_with(vim, text.as_deref().map(|t| (name.as_str(), t))).map_err(|e| e.to_string())
}

/// Asks the desk what an effect needs; the answer comes back as a message. `lost` is set when
/// the server could not be reached.
pub fn perform(api: &dyn DeskApi, effect: Effect, lost: &mut bool) -> Msg {
    let mut text = |e: DeskError| {
        *lost |= matches!(e, DeskError::Unavailable(_));
        e.to_string()
    };
    match effect {
        Effect::LoadQueue(q) => Msg::Queue(api.list_tickets(q).map_err(text)),
        Effect::LoadTicket(id) => match api.ticket(id) {
            // Told apart by its words in the agent's language: the wire says only "bad input".
            Err(e) if e.to_string() == crate::tr!("store-no-ticket", id = id) => Msg::NoTicket(text(e)),
            r => Msg::Ticket(r.map_err(text)),
        },
        Effect::Lookup(q) => Msg::Hits(api.lookup(q, 30).map_err(text)),
        Effect::LoadCard(s) => Msg::Card(api.supplier_card(s).map(|j| j.0).map_err(text)),
        Effect::Change(id, u) => match api.update_ticket(id, u) {
            Err(e) if e.kind() == crate::desk::ErrorKind::Conflict => Msg::Conflicted(text(e)),
            r => Msg::Changed(r.map_err(text)),
        },
        Effect::Create(new) => Msg::Created(api.create_ticket(new).map_err(text)),
        Effect::LoadRegistry => Msg::Registry(api.registry().map_err(text)),
        Effect::LoadDashboard => Msg::Dashboard(api.dashboard().map_err(text)),
        Effect::LoadRegie(now) => Msg::Regie(regie(api, now).map_err(text)),
        Effect::Search(words) => {
            let q =
                crate::desk::SearchQuery { words: words.clone(), limit: screens::search::SHOWN, ..Default::default() };
            Msg::Found(words, api.search_tickets(q).map_err(text))
        }
        Effect::FindCallers(query, participant) => {
            Msg::Callers(query.clone(), api.find_callers(query, participant, 5).map_err(text))
        }
        Effect::CallerCard(id) => Msg::CallerCard(api.caller_card(id).map_err(text)),
        Effect::SaveCaller(c) => Msg::CallerSaved(api.save_caller(c).map_err(text)),
        Effect::LoadMajors => Msg::Majors(api.major_incidents().map_err(text)),
    }
}

/// Twelve months of supplier figures per month, and the contract watch.
fn regie(api: &dyn DeskApi, now: chrono::DateTime<Utc>) -> Result<state::Regie, DeskError> {
    // Up to and including this second.
    let to = now + chrono::Duration::seconds(1);
    let q = crate::desk::ReportQuery {
        monthly: true,
        ..crate::desk::ReportQuery::new(to - chrono::Duration::days(365), to)
    };
    let monthly = api.supplier_report(q.clone())?.rows;
    let trend = crate::domain::report::all_suppliers_by_month(&monthly);
    let year = api.supplier_report(crate::desk::ReportQuery { monthly: false, ..q })?.rows;
    Ok(state::Regie { year, trend, watch: api.contract_watch(90)? })
}

/// Handles a message and everything it leads to, until nothing is left to ask. Says whether
/// the server could not be reached on the way.
pub fn handle(s: &mut State, keys: &Keymap, api: &dyn DeskApi, msg: Msg) -> bool {
    let mut lost = false;
    let mut pending = update(s, keys, msg);
    while !pending.is_empty() {
        let mut next = Vec::new();
        for effect in dedup(pending) {
            next.extend(update(s, keys, perform(api, effect, &mut lost)));
        }
        pending = next;
    }
    lost
}

/// A burst of colleagues' changes asks for the queue once, not once per change.
fn dedup(effects: Vec<Effect>) -> Vec<Effect> {
    let mut out: Vec<Effect> = Vec::new();
    for e in effects {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// Runs the UI on the server of `dir` until the agent quits. Keymap and theme errors are
/// reported before the screen is taken.
pub fn run(dir: &Path, looks: &Looks) -> Result<(), DeskError> {
    // A typo in a personal keymap or theme must not keep an agent out with a caller waiting:
    // the built-in ones apply, and the first line of what is wrong shows (check-config says all).
    let mut warnings = Vec::new();
    let keys = load_keymap(looks).unwrap_or_else(|why| {
        warnings.push(crate::tr!("ui-keymap-errors", why = first_line(&why)));
        Keymap::load_with(looks.keymap.as_deref() == Some("vim"), None)
            .or_else(|_| Keymap::load_with(false, None))
            .expect("the built-in keymaps are valid")
    });
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme_name = looks.theme.as_deref().unwrap_or("default");
    let (theme, notice) = match Theme::for_terminal(theme_name, themes_dir().as_deref(), no_color) {
        Ok(found) => found,
        Err(e) => {
            let at = |e: &theme::ThemeError| match (&looks.theme_at, e.line) {
                (Some(at), 0) => format!("{at}: {}", e.message),
                _ => e.to_string(),
            };
            let why = e.0.first().map(at).unwrap_or_default();
            warnings.push(crate::tr!("ui-theme-errors", why = why));
            Theme::for_terminal("default", None, no_color).map_err(|e| DeskError::Refused(e.to_string()))?
        }
    };
    if !warnings.is_empty() {
        warnings.push(crate::i18n::t("ui-check-config"));
    }
    crate::client::set_patience(UI_PATIENCE);
    let client = connect_or_start(dir)?;
    let tz = client.registry()?.helpdesk_calendar().timezone;
    let mut s = State::new(&client.server().agent, Utc::now().trunc_subsecs(0), tz);
    s.message = if warnings.is_empty() { notice } else { Some(warnings.join(" · ")) };
    let (tx, rx) = mpsc::channel();
    let keyboard = keyboard::Keyboard::start(tx.clone());
    let watch_dir = dir.to_path_buf();
    let notices = tx.clone();
    std::thread::spawn(move || follow(&watch_dir, &notices));
    let worker = worker::Worker::start(dir.to_path_buf(), client, tx);
    // ratatui's init also sets a panic hook that gives the terminal back before the report
    // prints; ours around it shows the cursor again too.
    let mut terminal = init_terminal();
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
        restore(info);
    }));
    dispatch(&mut s, &keys, &worker, vec![Msg::Tick(Utc::now().trunc_subsecs(0))]);
    let result = loop {
        s.waiting = worker.waiting().filter(|d| *d >= SAY_WAITING);
        (s.rows, s.cols) = terminal.size().map(|r| (r.height, r.width)).unwrap_or((0, 0));
        // One synchronized update per frame: the terminal shows it whole, never half drawn.
        let _ = ratatui::crossterm::execute!(terminal.backend_mut(), BeginSynchronizedUpdate);
        let drawn = terminal.draw(|f| frame::draw(f, &s, &theme, &keys)).map(|_| ());
        let _ = ratatui::crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate);
        if let Err(e) = drawn {
            break Err(DeskError::Unavailable(format!("cannot draw: {e}")));
        }
        if s.quit {
            break Ok(());
        }
        // While an errand is out, a look every tenth of a second says soon enough that the
        // server keeps it waiting; otherwise the next minute is the only timer.
        let to_next_minute = Duration::from_secs(60 - u64::from(Utc::now().second()));
        let timeout = if worker.waiting().is_some() { Duration::from_millis(100) } else { to_next_minute };
        let first = match rx.recv_timeout(timeout) {
            Ok(m) => Some(m),
            Err(mpsc::RecvTimeoutError::Timeout) if timeout == to_next_minute => {
                Some(Msg::Tick(Utc::now().trunc_subsecs(0)))
            }
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => break Ok(()),
        };
        // Everything that is waiting, before the next frame.
        dispatch(&mut s, &keys, &worker, first.into_iter().chain(rx.try_iter()).collect());
        if let Some(text) = s.clipboard.take() {
            copy(terminal.backend_mut(), &text);
        }
        if let Some(text) = s.edit.take() {
            // The editor has the terminal alone: no key of the agent's goes to the screen behind it.
            let paused = keyboard.pause();
            restore_terminal();
            let edited = edit_in_editor(&text);
            terminal = init_terminal();
            terminal.clear().ok();
            drop(paused);
            match edited {
                Ok(t) => dispatch(&mut s, &keys, &worker, vec![Msg::Edited(t)]),
                Err(e) => s.message = Some(e),
            }
        }
    };
    restore_terminal();
    result
}

/// The alternate screen in raw mode, with pasted text arriving whole (bracketed paste).
fn init_terminal() -> ratatui::DefaultTerminal {
    let terminal = ratatui::init();
    let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::event::EnableBracketedPaste);
    terminal
}

fn restore_terminal() {
    let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::event::DisableBracketedPaste);
    ratatui::restore();
}

/// Lets the agent write at length in `$VISUAL` or `$EDITOR` (else `vi`); the text comes back
/// without its final newline.
fn edit_in_editor(text: &str) -> Result<String, String> {
    let set = |name| std::env::var(name).ok().filter(|v: &String| !v.trim().is_empty());
    let editor = set("VISUAL").or_else(|| set("EDITOR")).unwrap_or_else(|| "vi".into());
    let file = tempfile::Builder::new().prefix("spoc-").suffix(".txt").tempfile().map_err(|e| e.to_string())?;
    std::fs::write(file.path(), text).map_err(|e| e.to_string())?;
    // The editor may come with arguments ("code --wait"): the shell splits them.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .map_err(|e| crate::tr!("ui-editor-cannot-start", editor = editor.clone(), why = e.to_string()))?;
    if !status.success() {
        return Err(crate::tr!("ui-editor-failed", editor = editor.clone(), status = status.to_string()));
    }
    let edited = std::fs::read_to_string(file.path()).map_err(|e| e.to_string())?;
    Ok(edited.strip_suffix('\n').unwrap_or(&edited).to_string())
}

/// OSC 52: the terminal puts the text on the clipboard of the agent's own machine, also over
/// SSH and inside tmux (with `set-clipboard on`, its default for this).
fn copy(out: &mut impl std::io::Write, text: &str) {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let _ = write!(out, "\x1b]52;c;{encoded}\x07").and_then(|_| out.flush());
}

/// Hands messages to `update` and what they ask of the desk to the worker: a burst of
/// colleagues' changes asks for the queue once, not once per change.
fn dispatch(s: &mut State, keys: &Keymap, worker: &worker::Worker, msgs: Vec<Msg>) {
    let effects = msgs.into_iter().flat_map(|m| update(s, keys, m)).collect();
    for effect in dedup(effects) {
        worker.ask(effect);
    }
}

/// Colleagues' changes, as they come; reconnects (starting a server) when the server goes away.
fn follow(dir: &Path, tx: &mpsc::Sender<Msg>) {
    let mut lost = false;
    loop {
        if let Ok(mut sub) = connect_or_start(dir).and_then(Client::subscribe) {
            // Also the first time: a change made before the subscription began would go unseen.
            if tx.send(Msg::Reconnected).is_err() {
                return;
            }
            lost = false;
            while let Ok(Some(n)) = sub.next_notice() {
                if tx.send(Msg::Notice(n)).is_err() {
                    return;
                }
            }
        }
        if !lost && tx.send(Msg::Lost(crate::i18n::t("ui-connection-closed"))).is_err() {
            return;
        }
        lost = true;
        std::thread::sleep(Duration::from_secs(1));
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text)
}
