//! Searching all history: every ticket, open or closed, that holds the words typed, the best
//! matches first; `enter` opens one.

pub mod view;

use super::moved;
use crate::desk::views::TicketRow;
use crate::ui::action::Action;
use crate::ui::state::{Screen, State};
use crate::ui::update::Effect;

/// How many matches the screen asks for.
pub const SHOWN: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub rows: Vec<TicketRow>,
    pub more: bool,
    pub selected: usize,
    /// What the server said of the query (too short, too broad).
    pub error: Option<String>,
}

/// What follows a change to the words typed: a search once there is a word to search by.
pub fn typed(s: &mut State) -> Vec<Effect> {
    s.search.selected = 0;
    // A part still too short to search by: said, and not asked of the server yet.
    let short = crate::domain::words::too_short(&s.search.query);
    if s.search.query.trim().is_empty() || short.is_some() {
        s.search.rows.clear();
        s.search.more = false;
        s.search.error =
            short.map(|p| crate::tr!("search-too-short", part = format!("{:?}", crate::ui::frame::clean(p))));
        return vec![];
    }
    vec![Effect::Search(s.search.query.clone())]
}

/// The answer to a search.
pub fn found(s: &mut State, page: Result<crate::desk::views::Page<TicketRow>, String>) {
    match page {
        Ok(page) => {
            s.search.rows = page.items;
            s.search.more = page.more;
            s.search.error = None;
        }
        Err(e) => {
            s.search.rows.clear();
            s.search.error = Some(e);
        }
    }
    s.search.selected = s.search.selected.min(s.search.rows.len().saturating_sub(1));
}

/// What a key of the search screen does; `None` for an action of another screen.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            s.search.selected = moved(s.search.selected, s.search.rows.len(), action);
            Some(vec![])
        }
        Action::Open => {
            let id = s.search.rows.get(s.search.selected)?.id;
            s.ticket = None;
            s.scroll = 0;
            s.screens.push(Screen::Ticket);
            Some(vec![Effect::LoadTicket(id)])
        }
        _ => None,
    }
}
