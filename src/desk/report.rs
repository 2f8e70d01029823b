//! Regie reports from the store.

use chrono::{DateTime, Utc};

use super::{Desk, DeskError};
use crate::domain::report::{Scorecard, supplier_scorecards};

impl Desk {
    /// Supplier scorecards for tickets dispatched in `[from, to)`; one supplier if named.
    pub fn supplier_report(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        supplier: Option<&str>,
    ) -> Result<Vec<Scorecard>, DeskError> {
        let reg = self.registry();
        let wanted = match supplier {
            None => None,
            Some(s) => Some(reg.supplier(s).map(|x| x.name.clone()).ok_or_else(|| DeskError::Unknown {
                what: "supplier",
                given: s.to_string(),
                suggestions: Vec::new(),
            })?),
        };
        let mut tickets = Vec::new();
        for t in self.store.all_tickets() {
            let t = t?;
            if t.dispatched_at.is_some_and(|d| d >= from && d < to)
                && wanted.as_deref().is_none_or(|w| t.routing.supplier.as_deref() == Some(w))
            {
                tickets.push(t);
            }
        }
        Ok(supplier_scorecards(tickets.iter(), &reg, from, to, self.now()))
    }
}
