//! The quick lookup: who do we call? Hits for what the agent types, and the supplier's card.

pub mod view;

use super::moved;
use crate::desk::SupplierCard;
use crate::domain::registry::lookup::Hit;
use crate::ui::action::Action;
use crate::ui::state::State;
use crate::ui::update::Effect;

#[derive(Debug, Clone, Default)]
pub struct Lookup {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub card: Option<SupplierCard>,
}

/// What a key of the lookup does; `None` for an action of another screen.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
            s.lookup.selected = moved(s.lookup.selected, s.lookup.hits.len(), action);
            Some(card_of_selected(s))
        }
        Action::Open => Some(card_of_selected(s)),
        Action::CopyPhone => {
            let phone = s.lookup.card.as_ref().and_then(|c| c.supplier.phone.clone());
            crate::ui::screens::copy(s, phone);
            Some(vec![])
        }
        _ => None,
    }
}

pub fn card_of_selected(s: &mut State) -> Vec<Effect> {
    s.lookup.card = None;
    s.lookup.hits.get(s.lookup.selected).and_then(|h| h.supplier.clone()).map(Effect::LoadCard).into_iter().collect()
}

/// A call about what the agent found: the intake opens with the hit's service filled in (for a
/// supplier or contract, the first service it covers).
pub fn new_call(s: &mut State) {
    let hit = s.lookup.hits.get(s.lookup.selected);
    let service = hit.and_then(|h| match h.kind {
        crate::domain::registry::lookup::HitKind::Service => Some(h.name.clone()),
        _ => {
            let reg = s.registry.as_ref()?;
            let supplier = h.supplier.as_deref()?;
            reg.contracts_of_supplier(supplier).flat_map(|c| c.services.iter()).next().cloned()
        }
    });
    s.screens.pop();
    s.screens.push(crate::ui::state::Screen::Intake);
    if let Some(service) = service {
        s.intake = Default::default();
        s.intake.values[2] = service;
        s.message = Some(crate::i18n::t("lookup-new-call"));
    }
}
