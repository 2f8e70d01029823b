//! Business calendars: a time zone, weekly opening windows and holidays.
//!
//! Opening time is laid out per local year as a sorted list of UTC spans with running totals,
//! built once on first use, so `deadline` and `business_between` are binary searches.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::SlaDuration;
use super::holidays::Country;

/// An opening window on one day, in minutes after local midnight; `close` may be 1440 (24:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Window {
    pub open: u32,
    pub close: u32,
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}-{:02}:{:02}", self.open / 60, self.open % 60, self.close / 60, self.close % 60)
    }
}

/// Holidays of a calendar: an optional built-in set, extra closed dates, and named days kept open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HolidayRules {
    pub country: Option<Country>,
    pub dates: BTreeSet<NaiveDate>,
    pub except: BTreeSet<String>,
}

impl HolidayRules {
    /// The closed days of one year with their names, in date order.
    pub fn of_year(&self, year: i32) -> Vec<(NaiveDate, String)> {
        let mut days: Vec<(NaiveDate, String)> = self
            .country
            .map(|c| c.holidays(year))
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, name)| !self.except.contains(*name))
            .map(|(d, n)| (d, n.to_string()))
            .collect();
        days.extend(self.dates.iter().filter(|d| d.year() == year).map(|d| (*d, "closed".to_string())));
        days.sort_by_key(|(d, _)| *d);
        days
    }
}

/// Whether a calendar is open at a moment, and until when (or from when).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    Open { until: DateTime<Utc> },
    Closed { opens: Option<DateTime<Utc>> },
}

const FIRST_CACHED_YEAR: i32 = 1900;
const LAST_CACHED_YEAR: i32 = 2200;
/// A deadline this many years out means the calendar (nearly) never opens.
const MAX_YEARS_AHEAD: i32 = 100;
/// As far as an agent needs to know when a desk closes: further is "open".
pub const LOOKS_AHEAD: Duration = Duration::days(7);
/// The instant of a deadline that never comes (the calendar does not open in time): the end of
/// year 9999. Instants are clamped to years 1..=9999, so year tables are always in chrono's range.
const NEVER: i64 = 253_402_300_799;
const FIRST: i64 = -62_135_596_800;

fn clamp(t: DateTime<Utc>) -> i64 {
    t.timestamp().clamp(FIRST, NEVER)
}

pub struct Calendar {
    pub name: String,
    pub timezone: Tz,
    /// Monday first.
    pub week: [Vec<Window>; 7],
    pub holidays: HolidayRules,
    years: Box<[OnceLock<Arc<YearSpans>>]>,
}

/// One local year's opening time as UTC spans in seconds.
#[derive(Debug)]
struct YearSpans {
    begin: i64,
    end: i64,
    first_day: NaiveDate,
    starts: Vec<i64>,
    ends: Vec<i64>,
    /// Open seconds of this year up to and including span i.
    cum_end: Vec<i64>,
    /// For each day of the year, the span index range [from, to).
    days: Vec<(u32, u32)>,
}

impl YearSpans {
    fn total(&self) -> i64 {
        self.cum_end.last().copied().unwrap_or(0)
    }

    /// Open seconds of this year before instant `t`.
    fn open_before(&self, t: i64) -> i64 {
        let i = self.ends.partition_point(|&e| e <= t);
        let before = if i == 0 { 0 } else { self.cum_end[i - 1] };
        match self.starts.get(i) {
            Some(&s) if s < t => before + (t - s),
            _ => before,
        }
    }

    /// The instant at which `target` (0 < target <= total) open seconds of this year have passed.
    fn instant_at(&self, target: i64) -> i64 {
        let i = self.cum_end.partition_point(|&c| c < target);
        let start_cum = self.cum_end[i] - (self.ends[i] - self.starts[i]);
        self.starts[i] + (target - start_cum)
    }

    fn day_spans(&self, date: NaiveDate) -> std::ops::Range<usize> {
        let idx = (date - self.first_day).num_days() as usize;
        let (from, to) = self.days[idx];
        from as usize..to as usize
    }
}

impl Calendar {
    pub fn new(name: impl Into<String>, timezone: Tz, week: [Vec<Window>; 7], holidays: HolidayRules) -> Self {
        let years = (FIRST_CACHED_YEAR..=LAST_CACHED_YEAR).map(|_| OnceLock::new()).collect();
        Self { name: name.into(), timezone, week, holidays, years }
    }

    /// The built-in round-the-clock calendar.
    pub fn always_open() -> Self {
        Self::always_open_in(Tz::UTC)
    }

    /// The built-in `24x7` as a registry has it: always open, its days (for business days and
    /// contract dates) turning over at midnight in the helpdesk's zone.
    pub fn always_open_in(zone: Tz) -> Self {
        let all_day = || vec![Window { open: 0, close: 1440 }];
        Self::new("24x7", zone, std::array::from_fn(|_| all_day()), HolidayRules::default())
    }

    /// The deadline of a target that starts at `start`: the first instant at which its business
    /// time is used up. Only open time counts, a clock that starts outside hours starts at the next
    /// opening, and a deadline on a closing time stays there.
    ///
    /// Business days count as the open time from the start to the same wall-clock time that many
    /// opening days later; the deadline is where that time runs out, so a target used up at the end
    /// of a day is due at its closing time (Tue 17:00), not at the next opening (Wed 08:00). A
    /// ticket's clock counts the same seconds, so its due time and `spoc sla deadline` agree.
    pub fn deadline(&self, start: DateTime<Utc>, duration: SlaDuration) -> DateTime<Utc> {
        let t = clamp(start);
        let mut secs = duration.seconds;
        if duration.business_days > 0 {
            let same_time = self.add_business_days(t, duration.business_days);
            if same_time >= NEVER {
                return to_utc(same_time);
            }
            secs += self.between_secs(t, same_time);
        }
        to_utc(self.add_seconds(t, secs))
    }

    /// The business seconds a target stands for when it starts at `start`.
    pub fn target_secs(&self, start: DateTime<Utc>, duration: SlaDuration) -> i64 {
        self.business_between(start, self.deadline(start, duration))
    }

    /// Open seconds in `[from, to)`; zero when `to` is not after `from`.
    pub fn business_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        self.between_secs(clamp(from), clamp(to))
    }

    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        matches!(self.open_state(at), OpenState::Open { .. })
    }

    /// Open now and until when, or closed and when it opens (spans running into each other,
    /// as at midnight on a 24x7 calendar, count as one opening). An opening is followed past
    /// [`LOOKS_AHEAD`] at most: an `until` that far off means open round the clock.
    pub fn open_state(&self, at: DateTime<Utc>) -> OpenState {
        let t = clamp(at);
        let (mut year, mut spans) = self.locate(t);
        let i = spans.ends.partition_point(|&e| e <= t);
        if i < spans.starts.len() && spans.starts[i] <= t {
            let mut until = spans.ends[i];
            let mut j = i + 1;
            // Follow spans that touch; a week is as far as an agent needs to know.
            while until - t <= LOOKS_AHEAD.num_seconds() {
                if j == spans.starts.len() {
                    year += 1;
                    spans = self.year(year);
                    j = 0;
                    if spans.starts.is_empty() {
                        break;
                    }
                }
                if spans.starts[j] != until {
                    break;
                }
                until = spans.ends[j];
                j += 1;
            }
            return OpenState::Open { until: to_utc(until) };
        }
        let opens = (0..=MAX_YEARS_AHEAD).find_map(|k| {
            let s = if k == 0 { spans.clone() } else { self.year(year + k) };
            let idx = if k == 0 { i } else { 0 };
            s.starts.get(idx).copied()
        });
        OpenState::Closed { opens: opens.map(to_utc) }
    }

    /// The closed days of a year with their names.
    pub fn closed_days(&self, year: i32) -> Vec<(NaiveDate, String)> {
        self.holidays.of_year(year)
    }

    fn between_secs(&self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        let (ya, a) = self.locate(from);
        let (yb, b) = self.locate(to);
        if ya == yb {
            return b.open_before(to) - a.open_before(from);
        }
        let middle: i64 = (ya + 1..yb).map(|y| self.year(y).total()).sum();
        (a.total() - a.open_before(from)) + middle + b.open_before(to)
    }

    fn add_seconds(&self, t: i64, secs: i64) -> i64 {
        let (mut year, mut spans) = self.locate(t);
        if secs <= 0 {
            // Inside a window or exactly on its closing time: the clock is at t already.
            let i = spans.ends.partition_point(|&e| e < t);
            return match spans.starts.get(i) {
                Some(&s) if s <= t => t,
                Some(&s) => s,
                None => self.first_opening_from(year + 1).unwrap_or(t),
            };
        }
        let mut target = spans.open_before(t) + secs;
        for _ in 0..=MAX_YEARS_AHEAD {
            if target <= spans.total() {
                return spans.instant_at(target);
            }
            target -= spans.total();
            year += 1;
            spans = self.year(year);
        }
        NEVER
    }

    fn first_opening_from(&self, year: i32) -> Option<i64> {
        (year..=year + MAX_YEARS_AHEAD).find_map(|y| self.year(y).starts.first().copied())
    }

    /// The same wall-clock time `n` opening days later, kept inside that day's opening hours.
    fn add_business_days(&self, t: i64, n: u32) -> i64 {
        let t = self.add_seconds(t, 0);
        let local = to_utc(t).with_timezone(&self.timezone);
        let (mut date, time) = (local.date_naive(), local.time());
        let mut found = 0;
        let mut guard = 0;
        while found < n {
            date = match date.succ_opt() {
                Some(d) => d,
                None => return NEVER,
            };
            if !self.day_spans(date).is_empty() {
                found += 1;
            }
            guard += 1;
            if guard > 366 * MAX_YEARS_AHEAD as u32 {
                return NEVER;
            }
        }
        let day = self.day_spans(date);
        let wanted = self.local_to_utc(date, time, true);
        if day.iter().any(|&(s, e)| s <= wanted && wanted <= e) {
            return wanted;
        }
        match day.iter().find(|&&(s, _)| s > wanted) {
            Some(&(s, _)) => s,
            None => day.last().map(|&(_, e)| e).unwrap_or(wanted),
        }
    }

    fn day_spans(&self, date: NaiveDate) -> Vec<(i64, i64)> {
        let spans = self.year(date.year());
        spans.day_spans(date).map(|i| (spans.starts[i], spans.ends[i])).collect()
    }

    /// The year table holding instant t.
    fn locate(&self, t: i64) -> (i32, Arc<YearSpans>) {
        let mut year = to_utc(t).year();
        loop {
            let spans = self.year(year);
            if t < spans.begin {
                year -= 1;
            } else if t >= spans.end {
                year += 1;
            } else {
                return (year, spans);
            }
        }
    }

    fn year(&self, year: i32) -> Arc<YearSpans> {
        match usize::try_from(year - FIRST_CACHED_YEAR).ok().and_then(|i| self.years.get(i)) {
            Some(cell) => cell.get_or_init(|| Arc::new(self.build_year(year))).clone(),
            None => Arc::new(self.build_year(year)),
        }
    }

    fn build_year(&self, year: i32) -> YearSpans {
        let first_day = NaiveDate::from_ymd_opt(year, 1, 1).expect("year in chrono's range");
        let next_first = NaiveDate::from_ymd_opt(year + 1, 1, 1).expect("year in chrono's range");
        let closed: BTreeSet<NaiveDate> = self.holidays.of_year(year).into_iter().map(|(d, _)| d).collect();
        let mut out = YearSpans {
            begin: self.local_to_utc(first_day, NaiveTime::MIN, true),
            end: self.local_to_utc(next_first, NaiveTime::MIN, true),
            first_day,
            starts: Vec::new(),
            ends: Vec::new(),
            cum_end: Vec::new(),
            days: Vec::new(),
        };
        let mut total = 0;
        let mut date = first_day;
        while date < next_first {
            let from = out.starts.len() as u32;
            if !closed.contains(&date) {
                for w in &self.week[date.weekday().num_days_from_monday() as usize] {
                    let mut start = self.local_minute_to_utc(date, w.open, true);
                    let end = self.local_minute_to_utc(date, w.close, false);
                    // Around a DST change two windows may map onto the same hour: never overlap.
                    if let Some(&prev) = out.ends.last() {
                        start = start.max(prev);
                    }
                    if end > start {
                        total += end - start;
                        out.starts.push(start);
                        out.ends.push(end);
                        out.cum_end.push(total);
                    }
                }
            }
            out.days.push((from, out.starts.len() as u32));
            date = date.succ_opt().expect("date in range");
        }
        out
    }

    fn local_minute_to_utc(&self, date: NaiveDate, minute: u32, opening: bool) -> i64 {
        if minute >= 1440 {
            let next = date.succ_opt().expect("date in range");
            return self.local_to_utc(next, NaiveTime::MIN, opening);
        }
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).expect("minute of day");
        self.local_to_utc(date, time, opening)
    }

    /// Wall-clock time to UTC: a time skipped by DST moves to the end of the gap; a time that
    /// occurs twice is its first occurrence for an opening and its second for a closing.
    fn local_to_utc(&self, date: NaiveDate, time: NaiveTime, opening: bool) -> i64 {
        let mut naive = date.and_time(time);
        for _ in 0..=24 * 60 {
            match self.timezone.from_local_datetime(&naive) {
                LocalResult::Single(t) => return t.timestamp(),
                LocalResult::Ambiguous(a, b) => {
                    return if opening { a.timestamp() } else { b.timestamp() };
                }
                LocalResult::None => naive += Duration::minutes(1),
            }
        }
        // No zone skips a whole day of minutes; fall back to reading the time as UTC.
        date.and_time(time).and_utc().timestamp()
    }
}

fn to_utc(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

impl Clone for Calendar {
    fn clone(&self) -> Self {
        Self::new(self.name.clone(), self.timezone, self.week.clone(), self.holidays.clone())
    }
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.timezone == other.timezone
            && self.week == other.week
            && self.holidays == other.holidays
    }
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("name", &self.name)
            .field("timezone", &self.timezone)
            .field("week", &self.week)
            .field("holidays", &self.holidays)
            .finish()
    }
}
