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
