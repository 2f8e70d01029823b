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
    use crate::ui::action::Action as A;
    if !matches!(action, A::ScrollUp | A::ScrollDown | A::PageUp | A::PageDown | A::Top | A::Bottom) {
        return None;
    }
    // Below the title and above the status line.
    let body = usize::from(s.rows.saturating_sub(2));
    s.scroll = super::scrolled(s.scroll, view::len(s), body, action)?;
    Some(vec![])
}
