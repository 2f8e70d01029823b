//! The SLA engine: business calendars, durations and ticket clocks.

pub mod calendar;
pub mod clock;
pub mod duration;
pub mod holidays;
pub mod spec;

pub use calendar::{Calendar, HolidayRules, OpenState, Window};
pub use clock::{ClockLevel, ClockPhase, ClockState, SlaClock};
pub use duration::{SlaDuration, format_business_seconds};
pub use holidays::Country;
pub use spec::CalendarSpec;
