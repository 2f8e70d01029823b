//! The regie screen: twelve months of supplier figures against the norm, the trend, the watch.

pub mod view;

/// The regie screen's figures: twelve months of supplier scorecards, all suppliers per month,
/// and the contract watch.
#[derive(Debug, Clone)]
pub struct Regie {
    pub year: Vec<crate::domain::report::Scorecard>,
    pub trend: Vec<(String, crate::domain::report::Figures)>,
    pub watch: crate::domain::report::ContractWatch,
}

/// What a key of the regie screen does: it scrolls; `None` for an action of another screen.
pub fn act(
    s: &mut crate::ui::state::State,
    action: crate::ui::action::Action,
) -> Option<Vec<crate::ui::update::Effect>> {
    use crate::ui::action::Action;
    let to = match action {
        Action::ScrollUp => Action::Up,
        Action::ScrollDown => Action::Down,
        Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => action,
        _ => return None,
    };
    // Below the title and above the status line; the last screenful is as far as it goes.
    let body = usize::from(s.rows.saturating_sub(2));
    let len = view::len(s).saturating_sub(body) + 1;
    s.scroll = super::moved(s.scroll.into(), len, to).try_into().unwrap_or(u16::MAX);
    Some(vec![])
}
