//! The registry screen: participants, services, suppliers, contracts and calendars, a tab each.

pub mod detail;
pub mod view;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::moved;
use crate::ui::action::Action;
use crate::ui::state::State;
use crate::ui::update::Effect;

/// The registry screen's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryTab {
    Participants,
    Services,
    Suppliers,
    Contracts,
    Calendars,
}

impl RegistryTab {
    pub const ALL: [RegistryTab; 5] = [
        RegistryTab::Participants,
        RegistryTab::Services,
        RegistryTab::Suppliers,
        RegistryTab::Contracts,
        RegistryTab::Calendars,
    ];

    /// The tab's name as the agent reads it, in their language.
    pub fn name(self) -> String {
        crate::i18n::t(match self {
            RegistryTab::Participants => "registry-tab-participants",
            RegistryTab::Services => "registry-tab-services",
            RegistryTab::Suppliers => "registry-tab-suppliers",
            RegistryTab::Contracts => "registry-tab-contracts",
            RegistryTab::Calendars => "registry-tab-calendars",
        })
    }
}

impl State {
    /// The entries of the tab shown that hold every word searched for, by their place in the
    /// registry. Worked out once per tab, search and registry: the title, the list and the keys
    /// of every frame ask for them, and folding 10,000 entries' words takes milliseconds.
    pub fn registry_rows(&self) -> std::rc::Rc<[usize]> {
        let Some(reg) = &self.registry else { return std::rc::Rc::from([]) };
        let mut kept = self.registry_found.borrow_mut();
        if let Some(((tab, search, of), rows)) = kept.as_ref()
            && (*tab, search.as_str()) == (self.registry_tab, self.registry_search.as_str())
            && std::sync::Arc::ptr_eq(of, reg)
        {
            return rows.clone();
        }
        let rows: std::rc::Rc<[usize]> = self.find_registry_rows(reg).into();
        *kept = Some(((self.registry_tab, self.registry_search.clone(), reg.clone()), rows.clone()));
        rows
    }

    fn find_registry_rows(&self, reg: &crate::domain::Registry) -> Vec<usize> {
        let all = match self.registry_tab {
            RegistryTab::Participants => reg.participants().len(),
            RegistryTab::Services => reg.services().len(),
            RegistryTab::Suppliers => reg.suppliers().len(),
            RegistryTab::Contracts => reg.contracts().len(),
            RegistryTab::Calendars => reg.file().calendar.len(),
        };
        let wanted = crate::domain::registry::lookup::fold(&self.registry_search);
        let wanted: Vec<&str> = wanted.split_whitespace().collect();
        if wanted.is_empty() {
            return (0..all).collect();
        }
        (0..all)
            .filter(|&i| {
                let words = detail::words(reg, self.registry_tab, i);
                wanted.iter().all(|w| words.contains(w))
            })
            .collect()
    }

    /// How many rows the registry tab shows.
    pub fn registry_len(&self) -> usize {
        self.registry_rows().len()
    }

    /// The registry entry selected, by its place in the registry.
    pub fn registry_entry(&self) -> Option<usize> {
        self.registry_rows().get(self.registry_selected).copied()
    }
}

/// Keys while the search is typed that the line editor leaves: enter keeps the search, esc
/// clears it.
pub fn on_search_key(s: &mut State, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Enter => s.registry_searching = false,
        KeyCode::Esc => {
            s.registry_searching = false;
            s.registry_search.clear();
            s.registry_selected = 0;
        }
        _ => {}
    }
    vec![]
}

/// Back out of the detail, then out of the search; `false` when neither is open.
pub fn back(s: &mut State) -> bool {
    if s.registry_detail {
        s.registry_detail = false;
    } else if !s.registry_search.is_empty() {
        s.registry_search.clear();
        s.registry_selected = 0;
    } else {
        return false;
    }
    true
}

/// What a key of the registry screen does; `None` for an action of another screen.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    match action {
        // In the detail, the keys that move a selection scroll the entry instead.
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom
            if s.registry_detail =>
        {
            // Below the title, the tabs and the frame's rule, above the status line.
            let body = usize::from(s.rows.saturating_sub(4));
            let lines = s.registry_entry().map_or(0, |i| view::detail_len(s, i));
            s.scroll = super::scrolled(s.scroll, lines, body, action)?;
        }
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            s.registry_selected = moved(s.registry_selected, s.registry_len(), action);
        }
        Action::Open if s.registry_entry().is_some() => {
            s.registry_detail = true;
            s.scroll = 0;
        }
        Action::Search => {
            s.registry_detail = false;
            s.registry_searching = true;
        }
        Action::NextTab | Action::PreviousTab => {
            let n = RegistryTab::ALL.len();
            let at = RegistryTab::ALL.iter().position(|t| *t == s.registry_tab).unwrap_or(0);
            let next = if action == Action::NextTab { (at + 1) % n } else { (at + n - 1) % n };
            s.registry_tab = RegistryTab::ALL[next];
            s.registry_selected = 0;
            s.registry_detail = false;
        }
        _ => return None,
    }
    Some(vec![])
}
