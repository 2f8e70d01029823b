//! `update`: a key or an answer in, the new state and what to ask the desk out. No I/O here.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keymap::{Key, Keymap, Mode, Resolved};
use super::state::{Prompt, PromptKind, Screen, State, View};
use crate::desk::views::{Page, TicketDetail, TicketRow};
use crate::desk::{SupplierCard, TicketQuery, TicketUpdate};
use crate::domain::Status;
use crate::domain::registry::lookup::Hit;
use crate::domain::ticket::{Change, Channel};
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
    Created(Result<TicketDetail, String>),
    Registry(Result<std::sync::Arc<crate::domain::Registry>, String>),
    Dashboard(Result<crate::domain::report::Dashboard, String>),
    Regie(Result<crate::ui::state::Regie, String>),
    Notice(Notice),
    /// The server went away; the text says why.
    Lost(String),
    Reconnected,
    /// What the agent wrote in `$EDITOR`, for the prompt or the intake field it came from.
    Edited(String),
    /// The terminal changed size: only a new frame is needed.
    Resize,
    /// A minute passed: the SLA columns count down.
    Tick(chrono::DateTime<chrono::Utc>),
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
            s.message = Some(format!("ticket {} saved (version {})", t.id, t.version));
            s.ticket = Some(t);
            vec![Effect::LoadQueue(s.queue_query())]
        }
        Msg::Created(Ok(t)) => {
            s.message = Some(format!("ticket #{} logged · {}", t.id, t.routing));
            s.intake = Default::default();
            s.screens.pop();
            s.screens.push(Screen::Ticket);
            s.scroll = 0;
            s.ticket = Some(t);
            vec![Effect::LoadQueue(s.queue_query())]
        }
        Msg::Created(Err(e)) => {
            s.message = Some(e);
            vec![]
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
            s.message = Some(e);
            // Show what the colleague changed, so the agent can look and try again.
            s.ticket.as_ref().map(|t| vec![Effect::LoadTicket(t.id)]).unwrap_or_default()
        }
        // A ticket asked for by number that does not exist: back where the agent was.
        Msg::Ticket(Err(e)) if s.ticket.is_none() && s.screen() == Screen::Ticket => {
            s.screens.pop();
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
                        s.message = Some(format!("{by} just changed this ticket"));
                    }
                    effects.push(Effect::LoadTicket(id));
                }
                (Notice::Resync, Some((id, _))) => effects.push(Effect::LoadTicket(id)),
                _ => {}
            }
            effects
        }
        Msg::Edited(text) => {
            let intake = s.screen() == Screen::Intake;
            match s.prompt.as_mut() {
                Some(p) => p.text = text,
                None if intake => *s.intake.value_mut() = text,
                None => {}
            }
            vec![]
        }
        Msg::Resize => vec![],
        Msg::Lost(why) => {
            s.banner = Some(format!("the server cannot be reached ({why}); reconnecting…"));
            vec![]
        }
        Msg::Reconnected => {
            s.banner = None;
            let mut effects = vec![Effect::LoadQueue(s.queue_query())];
            effects.extend(s.ticket.as_ref().map(|t| Effect::LoadTicket(t.id)));
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

fn on_key(s: &mut State, keys: &Keymap, key: KeyEvent) -> Vec<Effect> {
    // Debug builds only: lets the end-to-end tests see what a panic leaves of the terminal.
    #[cfg(debug_assertions)]
    if key.code == KeyCode::F(12) && std::env::var_os("SPOC_TEST_PANIC").is_some() {
        panic!("a panic asked for by SPOC_TEST_PANIC");
    }
    if s.prompt.is_some() {
        return on_prompt_key(s, keys, key);
    }
    if s.screen() == Screen::Queue && s.queue.filtering {
        return on_filter_key(s, key);
    }
    if s.screen() == Screen::Intake && is_typing(&key) {
        s.intake.value_mut().push(char_of(&key));
        s.intake.pick = 0;
        return vec![];
    }
    if s.screen() == Screen::Intake && key.code == KeyCode::Backspace {
        s.intake.value_mut().pop();
        s.intake.pick = 0;
        return vec![];
    }
    if s.screen() == Screen::Lookup && is_typing(&key) {
        s.lookup.query.push(char_of(&key));
        return vec![Effect::Lookup(s.lookup.query.clone())];
    }
    if s.screen() == Screen::Lookup && key.code == KeyCode::Backspace {
        s.lookup.query.pop();
        return vec![Effect::Lookup(s.lookup.query.clone())];
    }
    let mut chord = std::mem::take(&mut s.pending);
    chord.push(Key::of(&key));
    let resolved = match keys.resolve(mode(s), &chord) {
        // A chord that went nowhere: the last key on its own.
        Resolved::Nothing if chord.len() > 1 => keys.resolve(mode(s), &[Key::of(&key)]),
        r => r,
    };
    match resolved {
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

fn is_typing(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_)) && !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn char_of(key: &KeyEvent) -> char {
    match key.code {
        KeyCode::Char(c) => c,
        _ => ' ',
    }
}

fn act(s: &mut State, action: Action) -> Vec<Effect> {
    let page = 20;
    match action {
        Action::Quit => s.quit = true,
        Action::Noop => {}
        Action::Back => {
            if s.screens.len() > 1 {
                s.screens.pop();
            }
        }
        Action::Help => s.screens.push(Screen::Help),
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
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            if s.screen() == Screen::Intake {
                s.intake.pick = match action {
                    Action::Up => s.intake.pick.saturating_sub(1),
                    Action::Down => (s.intake.pick + 1).min(4),
                    _ => s.intake.pick,
                };
                return vec![];
            }
            if s.screen() == Screen::Registry {
                s.registry_selected = moved(s.registry_selected, s.registry_len(), action, page);
                return vec![];
            }
            if s.screen() == Screen::Lookup {
                let n = s.lookup.hits.len();
                s.lookup.selected = moved(s.lookup.selected, n, action, page);
                return card_of_selected(s);
            }
            let n = s.queue.rows.len();
            s.queue.selected = moved(s.queue.selected, n, action, page);
        }
        Action::Open => {
            if s.screen() == Screen::Lookup {
                return card_of_selected(s);
            }
            if let Some(id) = s.selected_row().map(|r| r.id) {
                s.screens.push(Screen::Ticket);
                s.scroll = 0;
                if s.ticket.as_ref().is_some_and(|t| t.id != id) {
                    s.ticket = None;
                }
                return vec![Effect::LoadTicket(id)];
            }
        }
        Action::Filter => s.queue.filtering = true,
        Action::SortNext => {
            s.sort = s.sort.next();
            s.sort_rows();
            s.message = Some(format!("sorted by {}", s.sort.name()));
        }
        Action::ViewOpen
        | Action::ViewMine
        | Action::ViewUnassigned
        | Action::ViewAtRisk
        | Action::ViewWaitingOnSupplier => {
            s.view = match action {
                Action::ViewMine => View::Mine,
                Action::ViewUnassigned => View::Unassigned,
                Action::ViewAtRisk => View::AtRisk,
                Action::ViewWaitingOnSupplier => View::WaitingOnSupplier,
                _ => View::Open,
            };
            s.queue.selected = 0;
            return vec![Effect::LoadQueue(s.queue_query())];
        }
        Action::ViewSupplier => {
            let suppliers: Vec<String> =
                s.registry.as_ref().map(|r| r.suppliers().iter().map(|x| x.name.clone()).collect()).unwrap_or_default();
            let next = match (&s.view, &s.view_supplier) {
                (View::Supplier, Some(now)) => {
                    let at = suppliers.iter().position(|x| x == now).map_or(0, |i| (i + 1) % suppliers.len().max(1));
                    suppliers.get(at).cloned()
                }
                _ => s.selected_row().and_then(|r| r.supplier.clone()).or_else(|| suppliers.first().cloned()),
            };
            let Some(next) = next else { return vec![] };
            s.message = Some(format!("view: {next}"));
            s.view = View::Supplier;
            s.view_supplier = Some(next);
            s.queue.selected = 0;
            return vec![Effect::LoadQueue(s.queue_query())];
        }
        Action::NewTicket => s.screens.push(Screen::Intake),
        Action::Edit => {
            if s.screen() == Screen::Intake {
                s.edit = Some(s.intake.value(s.intake.field()).to_string());
            }
        }
        Action::Regie => {
            s.screens.push(Screen::Regie);
            return vec![Effect::LoadRegie(s.now)];
        }
        Action::Dashboard => {
            s.screens.push(Screen::Dashboard);
            return vec![Effect::LoadDashboard];
        }
        Action::Registry => {
            s.screens.push(Screen::Registry);
            if s.registry.is_none() {
                return vec![Effect::LoadRegistry];
            }
        }
        Action::NextTab | Action::PreviousTab => {
            use crate::ui::state::RegistryTab;
            let n = RegistryTab::ALL.len();
            let at = RegistryTab::ALL.iter().position(|t| *t == s.registry_tab).unwrap_or(0);
            let next = if action == Action::NextTab { (at + 1) % n } else { (at + n - 1) % n };
            s.registry_tab = RegistryTab::ALL[next];
            s.registry_selected = 0;
        }
        Action::NextField | Action::PreviousField => {
            // Leaving a participant or service field fixes the suggestion picked.
            if let Some(reg) = &s.registry
                && let Some((value, _)) = s.intake.suggestions(reg, s.now).get(s.intake.pick).cloned()
            {
                *s.intake.value_mut() = value;
            }
            let n = crate::ui::intake::FIELDS.len();
            s.intake.focus =
                if action == Action::NextField { (s.intake.focus + 1) % n } else { (s.intake.focus + n - 1) % n };
            s.intake.pick = 0;
        }
        Action::Save => {
            let Some(reg) = &s.registry else { return vec![] };
            match s.intake.ticket(reg, s.now) {
                Ok(new) => return vec![Effect::Create(new)],
                Err(missing) => s.message = Some(missing),
            }
        }
        Action::CopyPhone | Action::CopyReference => {
            let text = match action {
                Action::CopyPhone => s.lookup.card.as_ref().and_then(|c| c.supplier.phone.clone()),
                _ => s.ticket.as_ref().and_then(|t| t.supplier_ref.clone()),
            };
            match text {
                Some(t) => {
                    s.message = Some(format!("copied {t}"));
                    s.clipboard = Some(t);
                }
                None => s.message = Some("nothing to copy".into()),
            }
        }
        Action::ScrollUp => s.scroll = s.scroll.saturating_sub(1),
        Action::ScrollDown => s.scroll = s.scroll.saturating_add(1),
        Action::AssignMe => {
            if let Some(t) = &s.ticket {
                return vec![change(t, Change::Assign(Some(s.me.clone())))];
            }
        }
        Action::Dispatch => {
            if let Some(t) = &s.ticket {
                let kind = if t.supplier.is_none() {
                    s.message = Some(format!("cannot dispatch: {}; route it first (o)", t.routing));
                    return vec![];
                } else if t.status == Status::WaitingOnSupplier || !t.status.is_open() {
                    // With the supplier already, or done: only its reference is left to record.
                    PromptKind::SupplierRef
                } else {
                    PromptKind::Dispatch
                };
                s.prompt = Some(Prompt { kind, text: String::new(), version: t.version });
            }
        }
        Action::GoTo => {
            s.prompt = Some(Prompt { kind: PromptKind::GoTo, text: String::new(), version: 0 });
        }
        Action::Email | Action::Reclassify => {
            if let Some(t) = &s.ticket {
                let kind = if action == Action::Email { PromptKind::Email } else { PromptKind::Reclassify };
                s.prompt = Some(Prompt { kind, text: String::new(), version: t.version });
            }
        }
        // Only in the status menu.
        Action::StatusAssigned
        | Action::StatusInProgress
        | Action::StatusWaitingOnSupplier
        | Action::StatusWaitingOnCaller
        | Action::StatusResolved
        | Action::StatusClosed => {}
        Action::ChangeStatus => {
            if let Some(t) = &s.ticket {
                let kind = PromptKind::Status(t.status.allowed_next().to_vec());
                s.prompt = Some(Prompt { kind, text: String::new(), version: t.version });
            }
        }
        Action::Note
        | Action::Reply
        | Action::Call
        | Action::SupplierRef
        | Action::SupplierReply
        | Action::SupplierSolved
        | Action::OverrideRouting
        | Action::Satisfaction
        | Action::ChangePriority
        | Action::Assign => {
            if let Some(version) = s.ticket.as_ref().map(|t| t.version) {
                let kind = match action {
                    Action::Note => PromptKind::Note,
                    Action::Reply => PromptKind::Reply,
                    Action::Call => PromptKind::Call,
                    Action::OverrideRouting => PromptKind::Override,
                    Action::Satisfaction => PromptKind::Satisfaction,
                    Action::ChangePriority => PromptKind::Priority,
                    Action::Assign => PromptKind::Assign,
                    Action::SupplierReply => PromptKind::SupplierReply,
                    Action::SupplierSolved => PromptKind::SupplierSolved,
                    _ => PromptKind::SupplierRef,
                };
                s.prompt = Some(Prompt { kind, text: String::new(), version });
            }
        }
    }
    vec![]
}

/// A change based on the version on screen: if a colleague got there first, it is refused.
fn change(t: &TicketDetail, c: Change) -> Effect {
    change_from(t.id, t.version, c)
}

/// A change based on the version the agent saw when they began it (a prompt's).
fn change_from(id: u64, version: u64, c: Change) -> Effect {
    Effect::Change(id, TicketUpdate { changes: vec![c], expected_version: Some(version) })
}

fn moved(at: usize, len: usize, action: Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => (at + 1).min(last),
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => (at + page).min(last),
        Action::Top => 0,
        _ => last,
    }
}

fn card_of_selected(s: &mut State) -> Vec<Effect> {
    s.lookup.card = None;
    s.lookup.hits.get(s.lookup.selected).and_then(|h| h.supplier.clone()).map(Effect::LoadCard).into_iter().collect()
}

fn on_filter_key(s: &mut State, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Enter | KeyCode::Esc => s.queue.filtering = false,
        KeyCode::Backspace => {
            s.queue.filter.pop();
        }
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => s.queue.filter.push(c),
        _ => return vec![],
    }
    if key.code == KeyCode::Esc {
        s.queue.filter.clear();
    }
    s.queue.selected = 0;
    vec![Effect::LoadQueue(s.queue_query())]
}

fn on_prompt_key(s: &mut State, keys: &Keymap, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = s.prompt.as_mut() else { return vec![] };
    match (&prompt.kind, key.code) {
        (_, KeyCode::Esc) => s.prompt = None,
        (_, KeyCode::Char('e')) if key.modifiers.contains(KeyModifiers::CONTROL) => s.edit = Some(prompt.text.clone()),
        (PromptKind::Status(allowed), _) => {
            let Some(status) = keys.action(Mode::Status, &key).and_then(Action::status) else { return vec![] };
            let Some(t) = &s.ticket else { return vec![] };
            if !allowed.contains(&status) {
                s.message = Some(t.status.check_transition(status).err().unwrap_or_default());
                return vec![];
            }
            let version = prompt.version;
            match status {
                // Resolving asks what solved it, then to confirm; closing asks to confirm.
                Status::Resolved => {
                    s.prompt = Some(Prompt {
                        kind: PromptKind::Solution,
                        text: t.solution.clone().unwrap_or_default(),
                        version,
                    });
                }
                Status::Closed => {
                    let solution = t.solution.as_deref().unwrap_or("none recorded");
                    let question = format!("close #{} (solution: {solution})? y: close  n: keep it resolved", t.id);
                    let changes = vec![Change::Status(Status::Closed)];
                    s.prompt =
                        Some(Prompt { kind: PromptKind::Confirm { question, changes }, text: String::new(), version });
                }
                _ => {
                    let effect = change_from(t.id, version, Change::Status(status));
                    s.prompt = None;
                    return vec![effect];
                }
            }
        }
        (PromptKind::Confirm { changes, .. }, KeyCode::Char(c)) => {
            if matches!(c, 'y' | 'Y') {
                let update = TicketUpdate { changes: changes.clone(), expected_version: Some(prompt.version) };
                let effect = s.ticket.as_ref().map(|t| Effect::Change(t.id, update));
                s.prompt = None;
                return effect.into_iter().collect();
            }
            if matches!(c, 'n' | 'N') {
                s.prompt = None;
                s.message = Some("nothing changed".into());
            }
        }
        (PromptKind::Confirm { .. }, _) => {}
        (PromptKind::GoTo, KeyCode::Enter) => {
            let Ok(id) = prompt.text.trim().trim_start_matches('#').parse::<u64>() else {
                s.message = Some("a ticket's number, e.g. 584".into());
                return vec![];
            };
            s.prompt = None;
            s.screens.push(Screen::Ticket);
            s.scroll = 0;
            s.ticket = None;
            return vec![Effect::LoadTicket(id)];
        }
        (PromptKind::Dispatch, KeyCode::Enter) => {
            let mut changes = Vec::new();
            let reference = prompt.text.trim();
            if !reference.is_empty() {
                changes.push(Change::SupplierRef(reference.to_string()));
            }
            changes.push(Change::Status(Status::WaitingOnSupplier));
            let update = TicketUpdate { changes, expected_version: Some(prompt.version) };
            let effect = s.ticket.as_ref().map(|t| Effect::Change(t.id, update));
            s.prompt = None;
            return effect.into_iter().collect();
        }
        (PromptKind::Reclassify, KeyCode::Enter) => {
            let numbers: Vec<u8> = prompt.text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
            let &[impact, urgency] = numbers.as_slice() else {
                s.message = Some("impact 1-3 and urgency 1-4, e.g. 2 3".into());
                return vec![];
            };
            if let Err(why) = crate::domain::ticket::check_impact_urgency(impact, urgency) {
                s.message = Some(why);
                return vec![];
            }
            let version = prompt.version;
            let effect = s.ticket.as_ref().map(|t| change_from(t.id, version, Change::Reclassify { impact, urgency }));
            s.prompt = None;
            return effect.into_iter().collect();
        }
        (PromptKind::Solution, KeyCode::Enter) if !prompt.text.trim().is_empty() => {
            let text = prompt.text.trim().to_string();
            let id = s.ticket.as_ref().map(|t| t.id).unwrap_or_default();
            let question = format!("resolve #{id} with: {text}? y: resolve  n: cancel");
            let changes = vec![Change::Solution(text), Change::Status(Status::Resolved)];
            let version = prompt.version;
            s.prompt = Some(Prompt { kind: PromptKind::Confirm { question, changes }, text: String::new(), version });
        }
        (PromptKind::Priority, KeyCode::Char(c)) => {
            let picked = c.to_string().parse::<u8>().ok().and_then(|d| format!("P{d}").parse().ok());
            if let (Some(p), Some(t)) = (picked, &s.ticket) {
                let effect = change_from(t.id, prompt.version, Change::Priority(p));
                s.prompt = None;
                return vec![effect];
            }
        }
        (_, KeyCode::Backspace) => {
            prompt.text.pop();
        }
        (_, KeyCode::Char(c)) if !key.modifiers.contains(KeyModifiers::CONTROL) => prompt.text.push(c),
        (kind, KeyCode::Enter) if !prompt.text.trim().is_empty() => {
            let text = prompt.text.trim().to_string();
            let c = match kind {
                PromptKind::Note => Change::Note(text),
                PromptKind::Reply => Change::Contact(Channel::Reply, text),
                PromptKind::Call => Change::Contact(Channel::Call, text),
                PromptKind::Email => Change::Contact(Channel::Email, text),
                PromptKind::SupplierReply => Change::SupplierReply(text),
                PromptKind::SupplierSolved => Change::SupplierSolved(text),
                PromptKind::Assign => Change::Assign(Some(text).filter(|t| !matches!(t.as_str(), "none" | "-"))),
                PromptKind::Override => match text.split_once(':') {
                    Some((supplier, reason)) if !reason.trim().is_empty() => {
                        Change::OverrideRouting { supplier: supplier.trim().into(), reason: reason.trim().into() }
                    }
                    _ => {
                        s.message = Some("write it as SUPPLIER: reason".into());
                        return vec![];
                    }
                },
                PromptKind::Satisfaction => {
                    let (score, remark) = text.split_once(' ').unwrap_or((&text, ""));
                    match score.parse::<u8>() {
                        Ok(score) => Change::Satisfaction {
                            score,
                            remark: Some(remark.trim().to_string()).filter(|r| !r.is_empty()),
                        },
                        Err(_) => {
                            s.message = Some("start with the score, 1 to 5".into());
                            return vec![];
                        }
                    }
                }
                _ => Change::SupplierRef(text),
            };
            let version = prompt.version;
            let effect = s.ticket.as_ref().map(|t| change_from(t.id, version, c));
            s.prompt = None;
            return effect.into_iter().collect();
        }
        _ => {}
    }
    vec![]
}
