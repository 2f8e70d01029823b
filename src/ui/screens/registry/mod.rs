//! The registry screen: participants, services, suppliers, contracts and calendars, a tab each.

pub mod view;

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

    pub fn name(self) -> &'static str {
        match self {
            RegistryTab::Participants => "participants",
            RegistryTab::Services => "services",
            RegistryTab::Suppliers => "suppliers",
            RegistryTab::Contracts => "contracts",
            RegistryTab::Calendars => "calendars",
        }
    }
}

impl State {
    /// How many rows the registry tab shown has.
    pub fn registry_len(&self) -> usize {
        let Some(reg) = &self.registry else { return 0 };
        match self.registry_tab {
            RegistryTab::Participants => reg.participants().len(),
            RegistryTab::Services => reg.services().len(),
            RegistryTab::Suppliers => reg.suppliers().len(),
            RegistryTab::Contracts => reg.contracts().len(),
            RegistryTab::Calendars => reg.file().calendar.len(),
        }
    }
}

/// What a key of the registry screen does; `None` for an action of another screen.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            s.registry_selected = moved(s.registry_selected, s.registry_len(), action);
        }
        Action::NextTab | Action::PreviousTab => {
            let n = RegistryTab::ALL.len();
            let at = RegistryTab::ALL.iter().position(|t| *t == s.registry_tab).unwrap_or(0);
            let next = if action == Action::NextTab { (at + 1) % n } else { (at + n - 1) % n };
            s.registry_tab = RegistryTab::ALL[next];
            s.registry_selected = 0;
        }
        _ => return None,
    }
    Some(vec![])
}
