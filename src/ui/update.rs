//! `update`: a key or an answer in, the new state and what to ask the desk out. No I/O here.

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::keymap::{Key, Keymap, Mode, Resolved};
use super::screens;
use super::screens::lookup::card_of_selected;
use super::state::{Screen, State};
use crate::desk::views::{Page, TicketDetail, TicketRow};
use crate::desk::{SupplierCard, TicketQuery, TicketUpdate};
use crate::domain::registry::lookup::Hit;
use crate::protocol::Notice;

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Queue(Result<Page<TicketRow>, String>),
    Ticket(Result<TicketDetail, String>),
    Hits(Result<Vec<Hit>, String>),
    Card(Result<SupplierCard, String>),
    /// The answer to a change of the open ticket.
    Changed(Result<TicketDetail, String>),
    /// A change refused because a colleague changed the ticket meanwhile.
    Conflicted(String),
    /// A ticket asked for by number that does not exist.
    NoTicket(String),
    Created(Result<TicketDetail, String>),
    Registry(Result<std::sync::Arc<crate::domain::Registry>, String>),
    Dashboard(Result<crate::domain::report::Dashboard, String>),
    Regie(Result<screens::regie::Regie, String>),
    /// The answer to a search of all tickets.
    Found(String, Result<Page<TicketRow>, String>),
    /// Callers on file that fit what was typed in the intake's caller field.
    Callers(String, Result<Vec<crate::domain::caller::Caller>, String>),
    CallerCard(Result<crate::desk::CallerCard, String>),
    CallerSaved(Result<crate::domain::caller::Caller, String>),
    Majors(Result<Vec<crate::desk::MajorIncident>, String>),
    Notice(Notice),
    /// The server went away; the text says why.
    Lost(String),
    Reconnected,
    /// What the agent wrote in `$EDITOR`, for the prompt or the intake field it came from.
    Edited(String),
    /// The terminal changed size: only a new frame is needed.
    Resize,
    /// Text pasted into the terminal (bracketed paste), for the line being typed.
    Paste(String),
    /// A minute passed: the SLA columns count down.
    Tick(chrono::DateTime<chrono::Utc>),
    /// The server's answer to an errand run beside the screen; `lost` when it could not be
    /// reached.
    Answer {
        msg: Box<Msg>,
        lost: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadQueue(TicketQuery),
    LoadTicket(u64),
    Lookup(String),
    LoadCard(String),
    Change(u64, TicketUpdate),
    Create(crate::domain::ticket::NewTicket),
    LoadRegistry,
    LoadDashboard,
    /// Twelve months up to `now`.
    LoadRegie(chrono::DateTime<chrono::Utc>),
    /// All tickets holding these words.
    Search(String),
    /// Callers on file that fit what is typed, at a participant first.
    FindCallers(String, Option<String>),
    CallerCard(u64),
    SaveCaller(crate::domain::caller::Caller),
    LoadMajors,
}

impl Effect {
    /// A question changes nothing: when the agent asks again before the answer came, only the
    /// latest needs an answer.
    pub fn is_question(&self) -> bool {
        !matches!(self, Effect::Change(..) | Effect::Create(_) | Effect::SaveCaller(_))
    }

    /// Whether `other` asks for what this one shows (the queue, the ticket, the lookup…).
    pub fn asks_the_same_as(&self, other: &Effect) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// The answer when the server could not be asked.
    pub fn failed(self, why: String) -> Msg {
        match self {
            Effect::LoadQueue(_) => Msg::Queue(Err(why)),
            Effect::LoadTicket(_) => Msg::Ticket(Err(why)),
            Effect::Lookup(_) => Msg::Hits(Err(why)),
            Effect::LoadCard(_) => Msg::Card(Err(why)),
            Effect::Change(..) => Msg::Changed(Err(why)),
            Effect::Create(_) => Msg::Created(Err(why)),
            Effect::LoadRegistry => Msg::Registry(Err(why)),
            Effect::LoadDashboard => Msg::Dashboard(Err(why)),
            Effect::LoadRegie(_) => Msg::Regie(Err(why)),
            Effect::Search(words) => Msg::Found(words, Err(why)),
            Effect::FindCallers(query, _) => Msg::Callers(query, Err(why)),
            Effect::CallerCard(_) => Msg::CallerCard(Err(why)),
            Effect::SaveCaller(_) => Msg::CallerSaved(Err(why)),
            Effect::LoadMajors => Msg::Majors(Err(why)),
        }
    }
}

fn mode(s: &State) -> Mode {
    s.screen().mode()
}

pub fn update(s: &mut State, keys: &Keymap, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(s, keys, key),
        Msg::Queue(Ok(page)) => {
            let keep = s.selected_row().map(|r| r.id);
            s.queue.rows = page.items;
            s.queue.more = page.more;
            s.queue.loaded = true;
            s.sort_rows();
            // The selection stays on the same ticket when a colleague's change reorders the queue.
            s.queue.selected = keep
                .and_then(|id| s.queue.rows.iter().position(|r| r.id == id))
                .unwrap_or(s.queue.selected)
                .min(s.queue.rows.len().saturating_sub(1));
            vec![]
        }
        Msg::Ticket(Ok(t)) => {
            s.ticket = Some(t);
            vec![]
        }
        Msg::Hits(Ok(hits)) => {
            s.lookup.hits = hits;
            s.lookup.selected = 0;
            card_of_selected(s)
        }
        Msg::Card(Ok(card)) => {
            s.lookup.card = Some(card);
            vec![]
        }
        Msg::Changed(Ok(t)) => {
            s.answered = None;
            s.message = Some(crate::tr!("update-saved", id = t.id, version = t.version));
            s.ticket = Some(t);
            vec![Effect::LoadQueue(s.queue_query())]
        }
        Msg::Created(Ok(t)) => {
            s.message = Some(crate::tr!("update-logged", id = t.id, routing = t.routing.as_str()));
            s.intake = Default::default();
            // The new ticket where the intake was; an agent who moved on meanwhile stays there.
            if s.screen() == Screen::Intake {
                s.screens.pop();
            }
            s.screens.push(Screen::Ticket);
            s.scroll = 0;
            s.ticket = Some(t);
            vec![Effect::LoadQueue(s.queue_query())]
        }
        Msg::Created(Err(e)) => {
            s.intake.saving = false;
            s.message = Some(e);
            vec![]
        }
        Msg::Callers(..) | Msg::CallerCard(_) | Msg::CallerSaved(_) | Msg::Majors(_) => {
            screens::intake::answered(s, msg)
        }
        Msg::Registry(Ok(reg)) => {
            s.registry = Some(reg);
            vec![]
        }
        Msg::Dashboard(Ok(d)) => {
            s.dashboard = Some(d);
            vec![]
        }
        Msg::Regie(Ok(r)) => {
            s.regie = Some(r);
            vec![]
        }
        // Only the answer to the words on the screen now: an older one would show under them.
        Msg::Found(words, page) if words == s.search.query => {
            screens::search::found(s, page);
            vec![]
        }
        Msg::Found(..) => vec![],
        Msg::Regie(Err(e)) => {
            s.message = Some(e);
            vec![]
        }
        Msg::Dashboard(Err(e)) => {
            s.message = Some(e);
            vec![]
        }
        Msg::Registry(Err(e)) => {
            s.message = Some(e);
            vec![]
        }
        Msg::Changed(Err(e)) => {
            // Refused as it was typed (not because a colleague changed the ticket meanwhile):
            // the prompt opens again with the agent's text, to mend.
            let answered = s.answered.take();
            let same_ticket = answered.as_ref().is_some_and(|(id, _)| s.ticket.as_ref().is_some_and(|t| t.id == *id));
            if s.prompt.is_none() && s.screen() == Screen::Ticket && same_ticket {
                s.prompt = answered.map(|(_, p)| p);
            }
            s.message = Some(e);
            // Show what the colleague changed, so the agent can look and try again.
            s.ticket.as_ref().map(|t| vec![Effect::LoadTicket(t.id)]).unwrap_or_default()
        }
        Msg::Conflicted(e) => {
            s.answered = None;
            s.message = Some(e);
            // Show what the colleague changed, so the agent can look and try again.
            s.ticket.as_ref().map(|t| vec![Effect::LoadTicket(t.id)]).unwrap_or_default()
        }
        // A ticket asked for by number that does not exist: back where the agent was.
        Msg::NoTicket(e) => {
            if s.ticket.is_none() && s.screen() == Screen::Ticket {
                s.screens.pop();
            }
            s.message = Some(e);
            vec![]
        }
        Msg::Queue(Err(e)) | Msg::Ticket(Err(e)) | Msg::Hits(Err(e)) | Msg::Card(Err(e)) => {
            s.message = Some(e);
            vec![]
        }
        Msg::Notice(n) => {
            let mut effects = vec![Effect::LoadQueue(s.queue_query())];
            if matches!(n, Notice::Registry { .. } | Notice::Resync) {
                effects.push(Effect::LoadRegistry);
            }
            if s.screen() == Screen::Dashboard {
                effects.push(Effect::LoadDashboard);
            }
            let open = s.ticket.as_ref().filter(|_| s.screens.contains(&Screen::Ticket)).map(|t| (t.id, t.version));
            match (n, open) {
                (Notice::Ticket { id, version, by, .. }, Some((open_id, v))) if id == open_id && version > v => {
                    if by != s.me {
                        s.message = Some(crate::tr!("update-changed-by", who = by.as_str()));
                    }
                    effects.push(Effect::LoadTicket(id));
                }
                (Notice::Resync, Some((id, _))) => effects.push(Effect::LoadTicket(id)),
                _ => {}
            }
            effects
        }
        // Back from $EDITOR: into the line it came from. Only the intake's description keeps
        // its line breaks; a one-line field gets spaces.
        Msg::Edited(text) => match s.active_line() {
            Some(line) => {
                let multiline = line == super::line::LineOf::Intake(screens::intake::DESCRIPTION);
                let text = if multiline { text } else { text.split_whitespace().collect::<Vec<_>>().join(" ") };
                *s.line_text_mut(line) = crate::domain::sanitize(&text).into_owned();
                s.cursor_on = None;
                typed(s, line)
            }
            None => vec![],
        },
        Msg::Resize => vec![],
        Msg::Paste(text) => match s.active_line() {
            Some(line) => {
                let mut cursor = s.cursor_of(line);
                super::line::insert(s.line_text_mut(line), &mut cursor, &text);
                (s.cursor, s.cursor_on) = (cursor, Some(line));
                typed(s, line)
            }
            None => vec![],
        },
        Msg::Lost(why) => {
            s.subscription_lost = true;
            s.banner = Some(lost_banner(&why));
            vec![]
        }
        Msg::Reconnected => {
            s.subscription_lost = false;
            s.banner = None;
            let mut effects = vec![Effect::LoadQueue(s.queue_query())];
            effects.extend(s.ticket.as_ref().map(|t| Effect::LoadTicket(t.id)));
            effects
        }
        Msg::Answer { msg, lost } => {
            let effects = update(s, keys, *msg);
            if lost {
                let why = s.message.clone().unwrap_or_else(|| crate::i18n::t("update-no-answer"));
                s.banner = Some(lost_banner(&why));
            } else if !s.subscription_lost {
                // It answers again (a server that was stuck rather than gone).
                s.banner = None;
            }
            effects
        }
        Msg::Tick(now) => {
            s.now = now;
            let mut effects = vec![Effect::LoadQueue(s.queue_query())];
            if s.registry.is_none() {
                effects.push(Effect::LoadRegistry);
            }
            effects
        }
    }
}

/// One line over the screen: what happened first, why after (its first clause: the full text
/// stays in the status line), so that it is read whole at 80 columns.
fn lost_banner(why: &str) -> String {
    let first = why.split(['(', ';']).next().unwrap_or(why).trim();
    crate::tr!("update-lost-banner", why = first)
}

fn on_key(s: &mut State, keys: &Keymap, key: KeyEvent) -> Vec<Effect> {
    // Debug builds only: lets the end-to-end tests see what a panic leaves of the terminal.
    #[cfg(debug_assertions)]
    if key.code == ratatui::crossterm::event::KeyCode::F(12) && std::env::var_os("SPOC_TEST_PANIC").is_some() {
        panic!("a panic asked for by SPOC_TEST_PANIC"); // i18n: stable (a test hook)
    }
    // A line left (by esc, enter or another screen) starts anew when it is typed in again.
    if s.active_line() != s.cursor_on {
        s.cursor_on = None;
    }
    if let Some(line) = s.active_line() {
        // The keys of [global] (ctrl-c, ctrl-f, f1) work while typing too.
        if let Some(a @ (Action::Quit | Action::Lookup | Action::Help)) = keys.action_in(Mode::Global, &key) {
            return act(s, a);
        }
        if keys.action_in(Mode::Input, &key) == Some(Action::Edit) {
            s.edit = Some(s.line_text_mut(line).clone());
            return vec![];
        }
        let mut cursor = s.cursor_of(line);
        let done = super::line::edit(s.line_text_mut(line), &mut cursor, &key, keys);
        (s.cursor, s.cursor_on) = (cursor, Some(line));
        match done {
            super::line::Edit::Changed => return typed(s, line),
            super::line::Edit::Moved => return vec![],
            super::line::Edit::NotMine => {}
        }
    }
    if s.open_prompt().is_some() {
        return super::prompt::on_key(s, keys, key);
    }
    if s.screen() == Screen::Queue && s.queue.filtering {
        return screens::queue::on_filter_key(s, key);
    }
    if s.screen() == Screen::Registry && s.registry_searching {
        return screens::registry::on_search_key(s, key);
    }
    let mut chord = std::mem::take(&mut s.pending);
    chord.push(Key::of(&key));
    let resolved = match keys.resolve(mode(s), &chord) {
        // A chord that went nowhere: the last key on its own.
        Resolved::Nothing if chord.len() > 1 => keys.resolve(mode(s), &[Key::of(&key)]),
        r => r,
    };
    match resolved {
        Resolved::Action(action) if s.screen() == Screen::Help && screens::help::scroll(s, keys, action) => vec![],
        Resolved::Action(action) => {
            s.message = None;
            act(s, action)
        }
        Resolved::Prefix => {
            s.pending = chord;
            vec![]
        }
        Resolved::Nothing => vec![],
    }
}

/// What follows a change to the line being typed.
fn typed(s: &mut State, line: super::line::LineOf) -> Vec<Effect> {
    use super::line::LineOf;
    match line {
        LineOf::Prompt => vec![],
        LineOf::Filter => screens::queue::filter_changed(s),
        LineOf::Lookup => vec![Effect::Lookup(s.lookup.query.clone())],
        LineOf::Intake(field) => {
            s.intake.pick = 0;
            screens::intake::typed(s, field)
        }
        LineOf::RegistrySearch => {
            s.registry_selected = 0;
            vec![]
        }
        LineOf::Search => screens::search::typed(s),
    }
}

/// Actions of every screen here; the rest belong to the screen on top.
fn act(s: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => s.quit = true,
        Action::Noop => {}
        // Out of the registry's detail or search first, then off the screen.
        Action::Back if s.screen() == Screen::Registry && screens::registry::back(s) => {}
        Action::Back => {
            if s.screens.len() > 1 {
                s.screens.pop();
            }
        }
        Action::Help => {
            s.screens.push(Screen::Help);
            s.help_scroll = 0;
        }
        Action::Lookup => {
            if s.screen() != Screen::Lookup {
                s.screens.push(Screen::Lookup);
            }
        }
        Action::Refresh => {
            let mut e = vec![Effect::LoadQueue(s.queue_query())];
            if s.screen() == Screen::Dashboard {
                e.push(Effect::LoadDashboard);
            }
            e.extend(s.ticket.as_ref().filter(|_| s.screen() == Screen::Ticket).map(|t| Effect::LoadTicket(t.id)));
            return e;
        }
        Action::NewTicket if s.screen() == Screen::Lookup => {
            screens::lookup::new_call(s);
            return vec![Effect::LoadMajors];
        }
        Action::NewTicket => {
            s.screens.push(Screen::Intake);
            return vec![Effect::LoadMajors];
        }
        Action::Regie => {
            s.screens.push(Screen::Regie);
            s.scroll = 0;
            return vec![Effect::LoadRegie(s.now)];
        }
        Action::Dashboard => {
            s.screens.push(Screen::Dashboard);
            s.dashboard_selected = 0;
            return vec![Effect::LoadDashboard];
        }
        Action::SearchAll => {
            if s.screen() != Screen::Search {
                s.screens.push(Screen::Search);
            }
        }
        Action::Registry => {
            s.screens.push(Screen::Registry);
            if s.registry.is_none() {
                return vec![Effect::LoadRegistry];
            }
        }
        action => return screens::act(s, action),
    }
    vec![]
}
