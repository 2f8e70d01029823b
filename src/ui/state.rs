//! Everything the screen shows, and nothing else: views draw from this alone.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub use super::prompt::{Prompt, PromptKind};
pub use super::screens::intake::Intake;
pub use super::screens::lookup::Lookup;
pub use super::screens::queue::{QUEUE_ROWS, Queue, Sort, View};
pub use super::screens::regie::Regie;
pub use super::screens::registry::RegistryTab;
use crate::desk::views::TicketDetail;
use crate::domain::Registry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Queue,
    Intake,
    Registry,
    Dashboard,
    Regie,
    Ticket,
    Lookup,
    Search,
    Help,
}

impl Screen {
    /// The keymap's table for this screen.
    pub fn mode(self) -> super::keymap::Mode {
        use super::keymap::Mode;
        match self {
            Screen::Queue => Mode::Queue,
            Screen::Intake => Mode::Intake,
            Screen::Registry => Mode::Registry,
            Screen::Dashboard => Mode::Dashboard,
            Screen::Regie => Mode::Regie,
            Screen::Ticket => Mode::Ticket,
            Screen::Lookup => Mode::Lookup,
            Screen::Search => Mode::Search,
            Screen::Help => Mode::Help,
        }
    }
}

/// The registry rows found for a tab, a search and a registry (kept, so it is the same one).
pub type RegistryRowsKey = ((RegistryTab, String, Arc<Registry>), std::rc::Rc<[usize]>);

#[derive(Debug, Clone)]
pub struct State {
    pub screens: Vec<Screen>,
    pub view: View,
    pub view_supplier: Option<String>,
    pub sort: Sort,
    pub queue: Queue,
    pub ticket: Option<TicketDetail>,
    pub scroll: u16,
    pub lookup: Lookup,
    pub search: super::screens::search::Search,
    pub intake: Intake,
    /// For the intake's suggestions and routing preview.
    pub registry: Option<Arc<Registry>>,
    pub dashboard: Option<crate::domain::report::Dashboard>,
    /// The dashboard's selected row, through its supplier, participant and agent tables.
    pub dashboard_selected: usize,
    pub regie: Option<Regie>,
    pub registry_tab: RegistryTab,
    pub registry_selected: usize,
    /// Words the registry tab is searched by, all of which an entry holds.
    pub registry_search: String,
    /// The search is being typed.
    pub registry_searching: bool,
    /// The selected entry is shown in full.
    pub registry_detail: bool,
    /// The registry rows the search last found, by (tab, search, registry): see
    /// `State::registry_rows`.
    pub registry_found: std::cell::RefCell<Option<RegistryRowsKey>>,
    pub prompt: Option<Prompt>,
    /// The text prompt last answered, with its ticket's id, until the desk took the change.
    pub answered: Option<(u64, Prompt)>,
    /// The cursor of the line being typed (a prompt, the filter, the lookup, an intake field).
    pub cursor: super::line::Cursor,
    /// The line `cursor` belongs to; another line starts with its own.
    pub cursor_on: Option<super::line::LineOf>,
    /// The first keys of a chord (`g` of `g g`), while the next is awaited.
    pub pending: Vec<super::keymap::Key>,
    /// Text to open in `$EDITOR` when the screen is next let go of (long notes, descriptions).
    pub edit: Option<String>,
    /// Text to put on the agent's clipboard (OSC 52) when the screen is next written.
    pub clipboard: Option<String>,
    /// The last thing that happened, or went wrong, in a line.
    pub message: Option<String>,
    /// Shown over everything while the server cannot be reached.
    pub banner: Option<String>,
    /// How long the server has kept the screen's errand waiting, once that is long enough to say.
    pub waiting: Option<std::time::Duration>,
    /// The live changes stopped coming: the banner stays until they come again.
    pub subscription_lost: bool,
    /// The agent's login.
    pub me: String,
    pub now: DateTime<Utc>,
    pub tz: Tz,
    /// The terminal's height when last drawn (0 before), so a scroll stops at the last screenful.
    pub rows: u16,
    /// Its width then.
    pub cols: u16,
    /// How far the help is scrolled, when its keys do not all fit.
    pub help_scroll: u16,
    pub quit: bool,
}

impl State {
    pub fn new(me: &str, now: DateTime<Utc>, tz: Tz) -> State {
        State {
            screens: vec![Screen::Queue],
            view: View::Open,
            view_supplier: None,
            sort: Sort::Urgency,
            queue: Queue::default(),
            ticket: None,
            scroll: 0,
            lookup: Lookup::default(),
            search: Default::default(),
            intake: Intake::default(),
            registry: None,
            dashboard: None,
            dashboard_selected: 0,
            regie: None,
            registry_tab: RegistryTab::Participants,
            registry_selected: 0,
            registry_search: String::new(),
            registry_searching: false,
            registry_detail: false,
            registry_found: Default::default(),
            prompt: None,
            answered: None,
            cursor: Default::default(),
            cursor_on: None,
            pending: Vec::new(),
            clipboard: None,
            edit: None,
            message: None,
            banner: None,
            waiting: None,
            subscription_lost: false,
            me: me.to_string(),
            now,
            tz,
            rows: 0,
            cols: 0,
            help_scroll: 0,
            quit: false,
        }
    }

    /// The prompt, when the screen it belongs to is on top (the lookup opened over a prompt
    /// with ctrl-f leaves it waiting underneath).
    pub fn open_prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref().filter(|_| matches!(self.screen(), Screen::Ticket | Screen::Queue))
    }

    pub fn screen(&self) -> Screen {
        *self.screens.last().unwrap_or(&Screen::Queue)
    }
}
