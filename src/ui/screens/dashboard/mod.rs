//! The dashboard: open, warning and breached tickets per supplier and participant.

pub mod view;

use super::moved;
use crate::domain::report::{UNASSIGNED, UNROUTED};
use crate::ui::action::Action;
use crate::ui::state::{Screen, State, View};
use crate::ui::update::Effect;

/// What a key of the dashboard does: move through its rows, and `enter` opens the queue of the
/// row's supplier, participant or agent.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    let d = s.dashboard.as_ref()?;
    let (n_sup, n_part, n_agents) = (d.suppliers.len(), d.participants.len(), d.agents.len());
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            s.dashboard_selected = moved(s.dashboard_selected, n_sup + n_part + n_agents, action);
            Some(vec![])
        }
        Action::Open => {
            let at = s.dashboard_selected;
            let (view, supplier, filter) = if at < n_sup && d.suppliers[at].name == UNROUTED {
                (View::Open, None, format!("supplier:{UNROUTED}"))
            } else if at < n_sup {
                (View::Supplier, Some(d.suppliers[at].name.clone()), String::new())
            } else if at < n_sup + n_part {
                (View::Open, None, format!("participant:{}", d.participants[at - n_sup].name))
            } else {
                let agent = &d.agents.get(at - n_sup - n_part)?.name;
                let who = if agent == UNASSIGNED { "none" } else { agent.as_str() };
                (View::Open, None, format!("assignee:{who}"))
            };
            s.view = view;
            s.view_supplier = supplier;
            s.queue.filter = filter;
            s.queue.selected = 0;
            s.screens.retain(|x| *x == Screen::Queue);
            if s.screens.is_empty() {
                s.screens.push(Screen::Queue);
            }
            Some(vec![Effect::LoadQueue(s.queue_query())])
        }
        _ => None,
    }
}
