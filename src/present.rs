//! What the CLI and the TUI both show, worded once: the SLA cell of a ticket list, a clock's
//! state and due time, a supplier's desk hours. Plain text in the helpdesk's zone; each front
//! end adds its own layout and colours.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::desk::SupplierCard;
use crate::desk::views::ClockView;
use crate::domain::Registry;
use crate::domain::instant::local_text;
use crate::domain::sla::{ClockLevel, ClockPhase, OpenState, format_business_seconds};

/// The sign of a clock in a list: paused, fine, warning or breached.
pub fn sla_mark(level: ClockLevel, paused: bool) -> &'static str {
    match (paused, level) {
        (true, _) => "‖",
        (_, ClockLevel::Ok) => "✓",
        (_, ClockLevel::Warning) => "!",
        (_, ClockLevel::Breached) => "✗",
    }
}

/// The business time left of the clock that comes due first, as a list shows it.
pub fn sla_left(paused: bool, left: Option<i64>) -> String {
    match (paused, left) {
        (true, _) => "paused".into(),
        (_, Some(left)) => format_business_seconds(left),
        (_, None) => "-".into(),
    }
}

/// A clock's state in words: "met, took 3h", "paused, 2h left", "BREACHED, 1h over"...
pub fn clock_state(c: &ClockView) -> String {
    let took = || format_business_seconds(c.elapsed);
    match (c.phase, c.level) {
        (ClockPhase::NotStarted, _) => "not started (starts at dispatch to the supplier)".into(),
        (ClockPhase::Stopped, ClockLevel::Breached) => format!("breached, took {}", took()),
        (ClockPhase::Stopped, _) => format!("met, took {}", took()),
        (ClockPhase::Paused, _) => format!("paused, {} left", format_business_seconds(c.left)),
        (ClockPhase::Running, ClockLevel::Breached) => format!("BREACHED, {} over", format_business_seconds(-c.left)),
        (ClockPhase::Running, ClockLevel::Warning) => format!("warning, {} left", format_business_seconds(c.left)),
        (ClockPhase::Running, ClockLevel::Ok) => format!("{} left", format_business_seconds(c.left)),
    }
}

/// When a clock is (or was) due, on the helpdesk's clock: "due Tue 2026-11-24 09:30 +01:00".
pub fn clock_due(c: &ClockView, tz: Tz) -> Option<String> {
    c.due.map(|d| format!("due {} {}", d.with_timezone(&tz).format("%a"), local_text(d, tz)))
}

/// A clock on one line: its state, and when it is due.
pub fn clock_text(c: &ClockView, tz: Tz) -> String {
    match clock_due(c, tz) {
        Some(due) => format!("{} · {due}", clock_state(c)),
        None => clock_state(c),
    }
}

/// Whether the supplier's desk is open now, and until or from when, on the helpdesk's clock
/// with its offset, and on the supplier's own clock when that is another zone:
/// "closed now, opens Mon 15:00 +01:00 (09:00 America/New_York)".
pub fn desk_hours(card: &SupplierCard, now: DateTime<Utc>) -> String {
    let desk: Tz = card.helpdesk_timezone.parse().unwrap_or(chrono_tz::UTC);
    let theirs: Option<Tz> = card.timezone.as_deref().and_then(|z| z.parse().ok());
    hours_text(card.open_now, card.open_change, theirs, desk, now)
}

/// The same, from the registry a client holds: the supplier's desk by its `hours` calendar.
pub fn supplier_hours(reg: &Registry, supplier: &str, now: DateTime<Utc>) -> String {
    let desk = reg.helpdesk_calendar().timezone;
    let cal = reg.supplier(supplier).and_then(|s| s.hours.as_deref()).and_then(|h| reg.calendar(h));
    let (open, change) = match cal.map(|c| c.open_state(now)) {
        Some(OpenState::Open { until }) => (Some(true), Some(until)),
        Some(OpenState::Closed { opens }) => (Some(false), opens),
        None => (None, None),
    };
    hours_text(open, change, cal.map(|c| c.timezone), desk, now)
}

fn hours_text(
    open_now: Option<bool>,
    open_change: Option<DateTime<Utc>>,
    theirs: Option<Tz>,
    desk: Tz,
    now: DateTime<Utc>,
) -> String {
    let when = |t: DateTime<Utc>| {
        let mut text = format!("{} {}", near(t, now, desk), t.with_timezone(&desk).format("%:z"));
        if let Some(z) = theirs.filter(|z| z.name() != desk.name()) {
            text.push_str(&format!(" ({} {})", t.with_timezone(&z).format("%H:%M"), z.name()));
        }
        text
    };
    match (open_now, open_change) {
        (Some(true), Some(t)) => format!("open now, until {}", when(t)),
        (Some(true), None) => "open now".into(),
        (Some(false), Some(t)) => format!("closed now, opens {}", when(t)),
        (Some(false), None) => "closed".into(),
        (None, _) => "hours not known".into(),
    }
}

/// "17:00" today, "Mon 08:00" within the week, a date beyond.
fn near(t: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let (t, now) = (t.with_timezone(&tz), now.with_timezone(&tz));
    match (t.date_naive() - now.date_naive()).num_days() {
        0 => t.format("%H:%M").to_string(),
        1..=6 => t.format("%a %H:%M").to_string(),
        _ => t.format("%Y-%m-%d %H:%M").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::desk_hours;
    use crate::desk::SupplierCard;
    use crate::domain::registry::model::Supplier;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn card(open_now: bool, change: &str, zone: &str) -> SupplierCard {
        let supplier: Supplier = toml::from_str("name = \"Topicus\"").unwrap();
        SupplierCard {
            supplier,
            open_now: Some(open_now),
            open_change: Some(at(change)),
            timezone: Some(zone.into()),
            helpdesk_timezone: "Europe/Amsterdam".into(),
            contracts: Vec::new(),
            valid_now: Vec::new(),
        }
    }

    #[test]
    fn desk_hours_read_on_the_helpdesks_clock_with_the_offset_and_the_suppliers_own() {
        let now = at("2026-11-23T15:00:00Z");
        let ny = card(true, "2026-11-23T22:00:00Z", "America/New_York");
        assert_eq!(desk_hours(&ny, now), "open now, until 23:00 +01:00 (17:00 America/New_York)");
        let ams = card(false, "2026-11-24T07:00:00Z", "Europe/Amsterdam");
        assert_eq!(desk_hours(&ams, now), "closed now, opens Tue 08:00 +01:00");
        let summer = card(false, "2026-07-01T06:00:00Z", "Europe/Amsterdam");
        assert_eq!(desk_hours(&summer, at("2026-06-20T12:00:00Z")), "closed now, opens 2026-07-01 08:00 +02:00");
    }
}
