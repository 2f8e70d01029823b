//! The SLA engine's calendar: worked examples and property tests for its laws.

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use spoc::domain::sla::{Calendar, CalendarSpec, OpenState, SlaDuration};

fn calendar(toml_text: &str) -> Calendar {
    let spec: CalendarSpec = toml::from_str(toml_text).unwrap();
    spec.build().unwrap()
}

fn office_hours() -> Calendar {
    calendar(
        r#"
        name = "kantoortijden"
        timezone = "Europe/Amsterdam"
        [week]
        mon = ["08:00-17:00"]
        tue = ["08:00-12:00", "13:00-17:00"]
        wed = ["08:00-17:00"]
        thu = ["08:00-17:00"]
        fri = ["08:00-17:00"]
        sat = ["10:00-24:00"]
        [holidays]
        country = "nl"
        dates = ["2026-12-24"]
        except = ["Good Friday"]
        "#,
    )
}

fn plain_office(tz: &str) -> Calendar {
    calendar(&format!(
        r#"
        name = "office"
        timezone = "{tz}"
        [week]
        mon = ["09:00-17:00"]
        tue = ["09:00-17:00"]
        wed = ["09:00-17:00"]
        thu = ["09:00-17:00"]
        fri = ["09:00-17:00"]
        "#
    ))
}

fn round_the_clock(tz: &str) -> Calendar {
    calendar(&format!(
        r#"
        name = "local-24x7"
        timezone = "{tz}"
        [week]
        mon = ["00:00-24:00"]
        tue = ["00:00-24:00"]
        wed = ["00:00-24:00"]
        thu = ["00:00-24:00"]
        fri = ["00:00-24:00"]
        sat = ["00:00-24:00"]
        sun = ["00:00-24:00"]
        "#
    ))
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn d(text: &str) -> SlaDuration {
    text.parse().unwrap()
}

#[test]
fn friday_afternoon_into_monday_across_spring_dst() {
    // Fri 27 March 2026 16:00 CET; clocks go forward on Sunday 29 March.
    let cal = office_hours();
    let due = cal.deadline(at("2026-03-27T16:00:00+01:00"), d("4h"));
    // 1h on Friday, Saturday is open 10:00-24:00 (14h): the 3 remaining hours land Sat 13:00 CET.
    assert_eq!(due, at("2026-03-28T13:00:00+01:00"));
    let weekday_only = plain_office("Europe/Amsterdam");
    let due = weekday_only.deadline(at("2026-03-27T16:00:00+01:00"), d("4h"));
    assert_eq!(due, at("2026-03-30T12:00:00+02:00"), "1h Friday, 3h Monday after the change to CEST");
}

#[test]
fn holidays_and_exceptions_are_skipped_or_kept() {
    let cal = office_hours();
    // Thu 2 April 2026 15:00; Good Friday stays open (except), Easter Monday 6 April is closed.
    let due = cal.deadline(at("2026-04-02T15:00:00+02:00"), d("12h"));
    // Thu 2h, Fri 9h, Sat 4 April 10:00 + 1h = 11:00.
    assert_eq!(due, at("2026-04-04T11:00:00+02:00"));
    let weekday_only = plain_office("Europe/Amsterdam");
    assert_eq!(weekday_only.deadline(at("2026-04-02T15:00:00+02:00"), d("4h")), at("2026-04-03T11:00:00+02:00"));
    // Extra date: 24 December 2026 (Thursday) closed, Christmas and Boxing Day too.
    let due = cal.deadline(at("2026-12-23T16:00:00+01:00"), d("2h"));
    // Wed 1h; Thu 24 closed; Fri 25 Christmas; Sat 26 Boxing Day; Sun closed; Mon 28 08:00 + 1h.
    assert_eq!(due, at("2026-12-28T09:00:00+01:00"));
}

#[test]
fn a_deadline_on_a_closing_time_is_that_closing_time() {
    let cal = office_hours();
    assert_eq!(cal.deadline(at("2026-11-23T08:00:00+01:00"), d("9h")), at("2026-11-23T17:00:00+01:00"));
    // Lunch break on Tuesday: 4h from 08:00 ends at 12:00, not 13:00.
    assert_eq!(cal.deadline(at("2026-11-24T08:00:00+01:00"), d("4h")), at("2026-11-24T12:00:00+01:00"));
    assert_eq!(cal.deadline(at("2026-11-24T11:00:00+01:00"), d("2h")), at("2026-11-24T14:00:00+01:00"));
    // 24:00 closes at midnight: Saturday 23:00 + 1h is midnight, Sunday is closed.
    assert_eq!(cal.deadline(at("2026-11-28T23:00:00+01:00"), d("1h")), at("2026-11-29T00:00:00+01:00"));
}

#[test]
fn a_clock_that_starts_outside_hours_starts_at_the_next_opening() {
    let cal = plain_office("Europe/Amsterdam");
    assert_eq!(cal.deadline(at("2026-11-21T10:00:00+01:00"), d("1h")), at("2026-11-23T10:00:00+01:00"));
    assert_eq!(cal.deadline(at("2026-11-23T06:00:00+01:00"), d("30m")), at("2026-11-23T09:30:00+01:00"));
    assert_eq!(cal.deadline(at("2026-11-23T18:00:00+01:00"), d("0m")), at("2026-11-24T09:00:00+01:00"));
}

#[test]
fn midnight_and_new_year_on_round_the_clock_calendars() {
    let cal = Calendar::always_open();
    assert_eq!(cal.deadline(at("2026-12-31T23:30:00Z"), d("1h")), at("2027-01-01T00:30:00Z"));
    assert_eq!(cal.business_between(at("2026-12-31T23:30:00Z"), at("2027-01-01T00:30:00Z")), 3600);
    let ams = round_the_clock("Europe/Amsterdam");
    assert_eq!(ams.deadline(at("2026-11-22T23:59:00+01:00"), d("2m")), at("2026-11-23T00:01:00+01:00"));
}

#[test]
fn dst_days_are_23_and_25_hours_long() {
    let ams = round_the_clock("Europe/Amsterdam");
    let spring = ams.business_between(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"));
    assert_eq!(spring, 23 * 3600);
    let autumn = ams.business_between(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00"));
    assert_eq!(autumn, 25 * 3600);
    let ny = round_the_clock("America/New_York");
    assert_eq!(ny.business_between(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")), 23 * 3600);
}

#[test]
fn other_time_zones() {
    // New York: Friday 6 March 2026 16:00 EST, clocks go forward on Sunday 8 March.
    let ny = plain_office("America/New_York");
    assert_eq!(ny.deadline(at("2026-03-06T16:00:00-05:00"), d("2h")), at("2026-03-09T10:00:00-04:00"));
    // Sydney: DST ends on Sunday 5 April 2026 (AEDT +11 -> AEST +10).
    let syd = plain_office("Australia/Sydney");
    assert_eq!(syd.deadline(at("2026-04-03T16:00:00+11:00"), d("2h")), at("2026-04-06T10:00:00+10:00"));
    // Kolkata has no DST and a half-hour offset.
    let kol = plain_office("Asia/Kolkata");
    assert_eq!(kol.deadline(at("2026-11-23T16:30:00+05:30"), d("1h")), at("2026-11-24T09:30:00+05:30"));
}

#[test]
fn business_days_keep_the_wall_clock_time() {
    let cal = plain_office("Europe/Amsterdam");
    assert_eq!(cal.deadline(at("2026-11-23T10:00:00+01:00"), d("3bd")), at("2026-11-26T10:00:00+01:00"));
    // Without holidays: Wed 23 December -> Thu 24, Fri 25, Mon 28.
    assert_eq!(cal.deadline(at("2026-12-23T11:00:00+01:00"), d("3bd")), at("2026-12-28T11:00:00+01:00"));
    // With the nl set, Christmas (Fri 25) is closed: Thu 24, Mon 28, Tue 29.
    let mut spec = CalendarSpec::from_calendar(&cal);
    spec.holidays.country = Some("nl".into());
    let dutch = spec.build().unwrap();
    assert_eq!(dutch.deadline(at("2026-12-23T11:00:00+01:00"), d("3bd")), at("2026-12-29T11:00:00+01:00"));
    // Across the spring DST change the wall-clock time stays, the UTC offset changes.
    assert_eq!(cal.deadline(at("2026-03-27T10:00:00+01:00"), d("1bd")), at("2026-03-30T10:00:00+02:00"));
    // Starting on a Saturday: the clock starts Monday 09:00, and one opening day of time runs
    // out at Monday's closing time (not at Tuesday's opening, which is no later in business time).
    assert_eq!(cal.deadline(at("2026-11-21T12:00:00+01:00"), d("1bd")), at("2026-11-23T17:00:00+01:00"));
    // From an opening time, n days end at a closing time too: Mon 09:00 + 2bd is Tue 17:00.
    assert_eq!(cal.deadline(at("2026-11-23T09:00:00+01:00"), d("2bd")), at("2026-11-24T17:00:00+01:00"));
    // Then hours on top.
    assert_eq!(cal.deadline(at("2026-11-23T10:00:00+01:00"), d("1bd2h")), at("2026-11-24T12:00:00+01:00"));
}

#[test]
fn open_state_says_until_when_or_from_when() {
    let cal = plain_office("Europe/Amsterdam");
    assert_eq!(
        cal.open_state(at("2026-11-23T10:00:00+01:00")),
        OpenState::Open { until: at("2026-11-23T17:00:00+01:00") }
    );
    assert_eq!(
        cal.open_state(at("2026-11-21T10:00:00+01:00")),
        OpenState::Closed { opens: Some(at("2026-11-23T09:00:00+01:00")) }
    );
    // A round-the-clock calendar is open across midnights (a week ahead is as far as it looks).
    match Calendar::always_open().open_state(at("2026-11-23T10:00:00Z")) {
        OpenState::Open { until } => assert!(until >= at("2026-11-30T10:00:00Z")),
        other => panic!("{other:?}"),
    }
}

/// A round-the-clock desk is open, at any instant, midnight included: it has no closing time.
#[test]
fn a_round_the_clock_desk_is_simply_open() {
    let reg = crate::common::small_registry();
    for now in ["2026-11-23T00:00:00+01:00", "2026-11-23T10:00:00+01:00", "2026-12-31T23:59:59+01:00"] {
        assert_eq!(spoc::present::supplier_hours(&reg, "WPN", at(now)), "open now", "{now}");
    }
}

#[test]
fn long_spans_over_years() {
    let cal = plain_office("Europe/Amsterdam");
    // 2027 has 261 weekdays; 8 open hours each.
    let secs = cal.business_between(at("2027-01-01T00:00:00+01:00"), at("2028-01-01T00:00:00+01:00"));
    assert_eq!(secs, 261 * 8 * 3600);
    let start = at("2026-11-23T09:00:00+01:00");
    let due = cal.deadline(start, SlaDuration::hours(8 * 600));
    assert_eq!(cal.business_between(start, due), 8 * 600 * 3600);
}

/// A slow, obviously correct reference: is local wall-clock minute open?
fn reference_open_minutes(cal: &Calendar, from: i64, to: i64) -> i64 {
    let mut open = 0;
    let mut t = from;
    while t < to {
        let local = Utc.timestamp_opt(t, 0).unwrap().with_timezone(&cal.timezone);
        let minute = local.hour() * 60 + local.minute();
        let date = local.date_naive();
        let holiday = cal.closed_days(date.year()).iter().any(|(d, _)| *d == date);
        let day = &cal.week[date.weekday().num_days_from_monday() as usize];
        if !holiday && day.iter().any(|w| w.open <= minute && minute < w.close) {
            open += 1;
        }
        t += 60;
    }
    open * 60
}

fn calendars() -> Vec<Calendar> {
    vec![office_hours(), plain_office("America/New_York"), round_the_clock("Europe/Amsterdam"), Calendar::always_open()]
}

// Starts between 2024 and 2031; durations up to 200 business hours.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (1_704_067_200i64..1_924_992_000i64).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn between_start_and_deadline_is_the_duration(c in 0usize..4, s in instant(), secs in 1i64..200 * 3600) {
        let cal = &calendars()[c];
        let due = cal.deadline(s, SlaDuration::seconds(secs));
        prop_assert!(due >= s);
        prop_assert_eq!(cal.business_between(s, due), secs);
    }

    #[test]
    fn deadline_is_monotonic_in_the_duration(c in 0usize..4, s in instant(), a in 0i64..100 * 3600, b in 0i64..100 * 3600) {
        let cal = &calendars()[c];
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(cal.deadline(s, SlaDuration::seconds(lo)) <= cal.deadline(s, SlaDuration::seconds(hi)));
    }

    #[test]
    fn two_steps_equal_one_step(c in 0usize..4, s in instant(), a in 0i64..100 * 3600, b in 1i64..100 * 3600) {
        let cal = &calendars()[c];
        let first = cal.deadline(s, SlaDuration::seconds(a));
        prop_assert_eq!(cal.deadline(first, SlaDuration::seconds(b)), cal.deadline(s, SlaDuration::seconds(a + b)));
    }

    #[test]
    fn between_adds_up_and_never_exceeds_wall_time(c in 0usize..4, a in instant(), x in 0i64..30 * 86400, y in 0i64..30 * 86400) {
        let cal = &calendars()[c];
        let b = a + chrono::Duration::seconds(x);
        let e = b + chrono::Duration::seconds(y);
        let ab = cal.business_between(a, b);
        prop_assert_eq!(ab + cal.business_between(b, e), cal.business_between(a, e));
        prop_assert!(ab <= x);
        prop_assert_eq!(cal.business_between(b, a), 0);
    }

    #[test]
    fn business_days_land_inside_or_on_the_edge_of_a_window(c in 0usize..2, s in instant(), n in 1u32..15) {
        let cal = &calendars()[c];
        let due = cal.deadline(s, SlaDuration::days(n));
        prop_assert!(due > s);
        let open_now = cal.is_open(due);
        let just_before = cal.is_open(due - chrono::Duration::seconds(1));
        prop_assert!(open_now || just_before, "{due} is not in opening time");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn between_matches_a_minute_by_minute_reference(c in 0usize..4, start_min in 28_400_000i64..32_000_000i64, len in 0i64..4 * 24 * 60) {
        let cal = &calendars()[c];
        let (from, to) = (start_min * 60, (start_min + len) * 60);
        let a = Utc.timestamp_opt(from, 0).unwrap();
        let b = Utc.timestamp_opt(to, 0).unwrap();
        prop_assert_eq!(cal.business_between(a, b), reference_open_minutes(cal, from, to));
    }
}

#[test]
fn reference_agrees_on_both_dst_days_of_2026() {
    for cal in calendars() {
        for (from, to) in
            [("2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z"), ("2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z")]
        {
            let (a, b) = (at(from), at(to));
            assert_eq!(
                cal.business_between(a, b),
                reference_open_minutes(&cal, a.timestamp(), b.timestamp()),
                "{}",
                cal.name
            );
        }
    }
    let _ = Tz::UTC;
}

#[test]
fn a_calendar_that_barely_opens_gives_a_far_deadline_without_panicking() {
    // One minute a week: ten years of target is never reached within the hundred years looked at.
    let cal = calendar(
        r#"
        name = "rarely"
        timezone = "Europe/Amsterdam"
        [week]
        mon = ["09:00-09:01"]
        "#,
    );
    let start = at("2026-11-23T10:00:00+01:00");
    let due = cal.deadline(start, SlaDuration::hours(87_000));
    assert!(due.year() >= 2126, "{due}");
    assert!(cal.target_secs(start, SlaDuration::hours(87_000)) > 0);
    assert_eq!(cal.business_between(due, due), 0);
    let _ = cal.open_state(due);
    let _ = cal.deadline(due, SlaDuration::days(3));
    // Instants at the very end of time, too.
    let end = chrono::DateTime::<Utc>::MAX_UTC;
    let _ = cal.business_between(start, end);
    let _ = cal.deadline(end, SlaDuration::hours(1));
    let _ = cal.open_state(end);
}

/// A holiday kept open is named as people write it: in English or Dutch (as spoc prints the
/// names in Dutch), case and accents aside; a misspelt one is refused with the nearest.
#[test]
fn holidays_kept_open_are_named_in_either_language() {
    let spec = |except: &str| {
        format!(
            "name = \"office\"\ntimezone = \"Europe/Amsterdam\"\n[week]\nfri = [\"09:00-17:00\"]\n\
             [holidays]\ncountry = \"nl\"\nexcept = [{except}]\n"
        )
    };
    let cal = calendar(&spec("\"goede  vrijdag\", \"King\u{2019}s Day\", \"Boxing day\", \"Pinkstermaandag\""));
    // Good Friday 3 April 2026 is open; so is King's Day... on a Monday, closed by the week.
    assert_eq!(cal.deadline(at("2026-04-03T09:00:00+02:00"), d("1h")), at("2026-04-03T10:00:00+02:00"));
    // Extra closed dates written as TOML dates, bare or quoted.
    let bare = spec("").replace("except = []", "dates = [2026-04-09, \"2026-04-10\"]");
    let cal = calendar(&bare);
    assert_eq!(
        cal.deadline(at("2026-04-10T09:00:00+02:00"), d("1h")),
        at("2026-04-17T10:00:00+02:00"),
        "Fri 10 April closed"
    );
    let spec = spec("\"Koningsdg\"");
    let toml: CalendarSpec = toml::from_str(&spec).unwrap();
    let err = toml.build().unwrap_err();
    assert!(err.field == "holidays.except" && err.message.contains("\"Koningsdag\""), "{err:?}");
}
