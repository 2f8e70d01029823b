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
use crate::i18n::{date, t};
use crate::tr;

/// The sign of a clock in a list: paused, fine, warning or breached.
pub fn sla_mark(level: ClockLevel, paused: bool) -> &'static str {
    match (paused, level) {
        (true, _) => "‖",
        (_, ClockLevel::Ok) => "✓",
        (_, ClockLevel::Warning) => "!",
        (_, ClockLevel::Breached) => "✗",
    }
}

/// The business time left of the clock that comes due first, as a list shows it: negative
/// past its target; "late" for a breach kept when a later priority gave more time (nothing is
/// over that target, nor left).
pub fn sla_left(paused: bool, level: ClockLevel, left: Option<i64>) -> String {
    match (paused, left) {
        (true, _) => t("sla-paused"),
        (_, Some(0)) if level == ClockLevel::Breached => t("sla-late"),
        (_, Some(left)) => format_business_seconds(left),
        (_, None) => "-".into(),
    }
}

/// A ticket's SLA cell in a list: the sign and time left of the clock that comes due first,
/// and `✗` after it when another clock breached earlier ("! 26m ✗": resolution 26 minutes
/// left, the response was late).
pub fn sla_cell(row: &crate::desk::TicketRow) -> String {
    let sign = sla_mark(row.due_level, row.sla_paused);
    let left = sla_left(row.sla_paused, row.due_level, row.sla_left);
    let earlier = row.breached && (row.due_level != ClockLevel::Breached || row.sla_paused);
    format!("{sign} {left}{}", if earlier { " ✗" } else { "" })
}

/// When the clock that comes due first is due, on the helpdesk's clock, short: "16:05" today,
/// "tmrw 09:30", "Tue 14:30" this week, "12 Dec 09:00" beyond; "-" when no clock runs.
pub fn due_short(due: Option<DateTime<Utc>>, now: DateTime<Utc>, tz: Tz) -> String {
    let Some(due) = due else { return "-".into() };
    let (d, n) = (due.with_timezone(&tz), now.with_timezone(&tz));
    let time = d.format("%H:%M").to_string();
    match (d.date_naive() - n.date_naive()).num_days() {
        0 => time,
        1 => tr!("due-tomorrow", time = time),
        -1 => tr!("due-yesterday", time = time),
        2..=6 => date(&d, "%a %H:%M"),
        _ => date(&d, "%-d %b %H:%M"),
    }
}

/// What a queue row's title is led by: a major incident, a call linked to one, a call-back
/// moment ("CALL BACK" once it has come).
pub fn title_marks(row: &crate::desk::TicketRow, now: DateTime<Utc>, tz: Tz) -> String {
    let mut marks = String::new();
    if row.major {
        marks.push_str(&t("mark-major"));
    }
    if let Some(m) = row.linked_to {
        marks.push_str(&format!("↳#{m} · "));
    }
    match row.call_back_at {
        Some(_) if row.call_back_due => marks.push_str(&t("mark-call-back-now")),
        Some(at) if row.status == crate::domain::Status::WaitingOnCaller => {
            marks.push_str(&tr!("mark-call-back-at", when = due_short(Some(at), now, tz)))
        }
        _ => {}
    }
    marks
}

/// An open major incident in one line: "#51 Magister · waiting_on_supplier, ref INC-77 · 2 open
/// calls: Magister is down" (with its supplier, where the line does not stand on its card).
pub fn major_line(m: &crate::desk::MajorIncident, with_supplier: bool) -> String {
    let reference = m.supplier_ref.as_deref().map(|r| tr!("major-ref", reference = r)).unwrap_or_default();
    let supplier = if with_supplier {
        format!(" · {}", m.supplier.clone().unwrap_or_else(|| t("unrouted")))
    } else {
        String::new()
    };
    let calls = tr!("major-open-calls", n = m.open_calls);
    format!("#{} {}{supplier} · {}{reference} · {calls}: {}", m.id, m.service, status_name(m.status), m.title)
}

/// A routing explanation as people read it. It is kept in the words routing wrote it in
/// (English, the same for every agent and report); the phrases of its fixed shape are read in
/// the agent's language: "Magister → Iddink (contract X) · P2: reactie 1h, oplossen 8h · office".
pub fn routing_text(explanation: &str) -> String {
    if crate::i18n::lang() == crate::i18n::Lang::En {
        return explanation.to_string();
    }
    let mut text = explanation.to_string();
    for (phrase, id) in crate::domain::routing::PHRASES {
        text = text.replace(phrase, &t(id));
    }
    text.replace(crate::domain::routing::PARTICIPANT, &t("routing-participant"))
}

/// A holiday of a built-in set as people read it ("Goede Vrijdag"); calendar files keep the
/// stable English name (`except = ["Good Friday"]`).
pub fn holiday_name(name: &str) -> String {
    let id: String = name.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
    let id = format!("holiday-{}", id.replace(' ', "-"));
    let text = t(&id);
    if text == id { name.to_string() } else { text }
}

/// The queue as agents read it, after its sort: the calls of a major incident under it, and
/// the call-backs whose moment has come first (the caller waits for the call).
pub fn queue_order(rows: &mut Vec<crate::desk::TicketRow>) {
    fold_under_majors(rows);
    rows.sort_by_key(|r| !r.call_back_due);
}

/// Puts the calls linked to a major incident right under it, in their order, when it is in the
/// view (a stable move: everything else keeps its place).
fn fold_under_majors(rows: &mut Vec<crate::desk::TicketRow>) {
    let majors: std::collections::HashSet<u64> = rows.iter().filter(|r| r.major).map(|r| r.id).collect();
    if majors.is_empty() {
        return;
    }
    let (linked, mut rest): (Vec<crate::desk::TicketRow>, Vec<crate::desk::TicketRow>) =
        std::mem::take(rows).into_iter().partition(|r| r.linked_to.is_some_and(|m| majors.contains(&m)));
    for call in linked.into_iter().rev() {
        let at = rest.iter().position(|r| Some(r.id) == call.linked_to).map_or(rest.len(), |i| i + 1);
        rest.insert(at, call);
    }
    *rows = rest;
}

/// A status in a narrow column: its own words where they fit, else a short form that still
/// tells supplier from caller.
pub fn status_short(status: crate::domain::Status, width: usize) -> String {
    let name = status_name(status);
    if name.chars().count() <= width {
        return name;
    }
    t(&format!("status-short-{}", status.as_str().replace('_', "-")))
}

/// A status as people read it (`in_progress` is "in progress", "in behandeling"); scripts keep
/// `Status::as_str`.
pub fn status_name(status: crate::domain::Status) -> String {
    status.name()
}

/// A kind of lookup hit as people read it (the quick lookup and `supplier find`).
pub fn hit_kind(kind: crate::domain::registry::lookup::HitKind) -> String {
    use crate::domain::registry::lookup::HitKind;
    t(match kind {
        HitKind::Supplier => "lookup-kind-supplier",
        HitKind::Service => "lookup-kind-service",
        HitKind::Contract => "lookup-kind-contract",
        HitKind::Contact => "lookup-kind-contact",
        HitKind::Solution => "lookup-kind-solution",
    })
}

/// A contact's role as a supplier card shows it (the quick lookup and `supplier find`).
pub fn contact_role(role: crate::domain::registry::ContactRole) -> String {
    use crate::domain::registry::ContactRole;
    t(match role {
        ContactRole::ServiceDesk => "lookup-role-service-desk",
        ContactRole::AccountManager => "lookup-role-account-manager",
        ContactRole::Escalation => "lookup-role-escalation",
        ContactRole::Other => "lookup-role-other",
    })
}

/// A clock's state in words: "met, took 3h", "paused, 2h left", "BREACHED, 1h over"...
pub fn clock_state(c: &ClockView) -> String {
    let took = || format_business_seconds(c.elapsed);
    match (c.phase, c.level) {
        (ClockPhase::NotStarted, _) => t("clock-not-started"),
        // Within its time but stopped after the due instant (after closing time, say): late all
        // the same, and said so, not "breached, took 15m" beside a 15m target.
        (ClockPhase::Stopped, ClockLevel::Breached) if c.left == 0 => tr!("clock-breached-late", took = took()),
        (ClockPhase::Stopped, ClockLevel::Breached) => tr!("clock-breached-took", took = took()),
        (ClockPhase::Stopped, _) => tr!("clock-met-took", took = took()),
        (ClockPhase::Paused, ClockLevel::Breached) => t("clock-paused-breached"),
        (ClockPhase::Paused, _) => tr!("clock-paused-left", left = format_business_seconds(c.left)),
        // A breach kept when a later priority gave more time: nothing is over that target.
        (ClockPhase::Running, ClockLevel::Breached) if c.left == 0 => t("clock-breached"),
        (ClockPhase::Running, ClockLevel::Breached) => {
            tr!("clock-breached-over", over = format_business_seconds(-c.left))
        }
        (ClockPhase::Running, ClockLevel::Warning) => tr!("clock-warning-left", left = format_business_seconds(c.left)),
        (ClockPhase::Running, ClockLevel::Ok) => tr!("clock-left", left = format_business_seconds(c.left)),
    }
}

/// When a clock is (or was) due, on the helpdesk's clock: "due Tue 2026-11-24 09:30 +01:00".
pub fn clock_due(c: &ClockView, tz: Tz) -> Option<String> {
    c.due.map(|d| tr!("clock-due", day = date(&d.with_timezone(&tz), "%a"), at = local_text(d, tz)))
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
        // A desk that does not close this week (24x7) is simply open.
        (Some(true), Some(at)) if at - now >= crate::domain::sla::calendar::LOOKS_AHEAD => t("hours-open"),
        (Some(true), Some(at)) => tr!("hours-open-until", until = when(at)),
        (Some(true), None) => t("hours-open"),
        (Some(false), Some(at)) => tr!("hours-closed-opens", opens = when(at)),
        (Some(false), None) => t("hours-closed"),
        (None, _) => t("hours-unknown"),
    }
}

/// "17:00" today, "Mon 08:00" within the week, a date beyond.
fn near(t: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let (t, now) = (t.with_timezone(&tz), now.with_timezone(&tz));
    match (t.date_naive() - now.date_naive()).num_days() {
        0 => t.format("%H:%M").to_string(),
        1..=6 => date(&t, "%a %H:%M"),
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
            majors: Vec::new(),
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

#[cfg(test)]
mod due_tests {
    use chrono::{DateTime, Utc};

    use super::due_short;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn due_times_read_on_the_helpdesks_clock_short() {
        let tz = chrono_tz::Europe::Amsterdam;
        let now = at("2026-11-23T10:00:00+01:00"); // Monday
        assert_eq!(due_short(Some(at("2026-11-23T16:05:00+01:00")), now, tz), "16:05");
        assert_eq!(
            due_short(Some(at("2026-11-23T23:30:00Z")), now, tz),
            "tmrw 00:30",
            "midnight in Amsterdam, not UTC"
        );
        assert_eq!(due_short(Some(at("2026-11-26T14:30:00+01:00")), now, tz), "Thu 14:30");
        assert_eq!(due_short(Some(at("2026-12-12T09:00:00+01:00")), now, tz), "12 Dec 09:00");
        assert_eq!(due_short(None, now, tz), "-");
    }
}

#[cfg(test)]
mod cell_tests {
    use chrono::{DateTime, Utc};

    use super::sla_cell;
    use crate::desk::TicketRow;
    use crate::domain::sla::ClockLevel;
    use crate::domain::{Priority, Status};

    fn row(due_level: ClockLevel, breached: bool, paused: bool, left: Option<i64>) -> TicketRow {
        TicketRow {
            id: 1,
            version: 1,
            priority: Priority::P2,
            status: Status::InProgress,
            title: String::new(),
            participant: String::new(),
            service: String::new(),
            supplier: None,
            assignee: None,
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            sla_level: if breached { ClockLevel::Breached } else { due_level },
            due_level,
            breached,
            sla_paused: paused,
            sla_due: None,
            sla_left: left,
            major: false,
            linked_to: None,
            call_back_at: None,
            call_back_due: false,
        }
    }

    #[test]
    fn a_clock_that_breached_earlier_has_a_mark_of_its_own() {
        assert_eq!(sla_cell(&row(ClockLevel::Warning, true, false, Some(26 * 60))), "! 26m ✗");
        assert_eq!(sla_cell(&row(ClockLevel::Ok, false, false, Some(26 * 60))), "✓ 26m");
        assert_eq!(sla_cell(&row(ClockLevel::Breached, true, false, Some(-60 * 60))), "✗ -1h00m", "no mark twice");
        assert_eq!(sla_cell(&row(ClockLevel::Ok, true, true, None)), "‖ paused ✗");
        assert_eq!(sla_cell(&row(ClockLevel::Breached, true, false, Some(0))), "✗ late", "a breach kept, nothing left");
    }
}
