//! How instants are serialized: RFC 3339 text for people and JSON, seconds and nanoseconds in
//! the store. chrono's own serde writes text everywhere, and parsing that text was most of the
//! time spent decoding a ticket. Use with `#[serde(with = "instant")]` (or `instant::option`).

use std::fmt;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant as a person reads it: wall-clock time in `tz`, with the offset, so that a
/// supplier checking a figure sees the same day and hour as the desk (`2026-04-01 00:30 +02:00`).
pub fn local_text(t: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M %:z").to_string()
}

/// An instant for a spreadsheet or a script: RFC 3339 in `tz`, with the offset.
pub fn local_rfc3339(t: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    t.with_timezone(&tz).to_rfc3339_opts(SecondsFormat::Secs, false)
}

pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.collect_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    } else {
        (t.timestamp(), t.timestamp_subsec_nanos()).serialize(s)
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    if d.is_human_readable() {
        return d.deserialize_str(Text);
    }
    let (secs, nanos) = <(i64, u32)>::deserialize(d)?;
    DateTime::from_timestamp(secs, nanos)
        .ok_or_else(|| de::Error::custom(format!("instant {secs}.{nanos} out of range")))
}

struct Text;

impl Visitor<'_> for Text {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 instant")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        parse(s).ok_or_else(|| E::custom(format!("{s:?} is not an RFC 3339 instant")))
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the form we write, directly; anything else through chrono.
pub fn parse(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let fixed = b.len() == 20 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':' && b[16] == b':';
    if fixed && b[19] == b'Z' {
        let num = |from: usize, to: usize| -> Option<u32> {
            b[from..to].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
        return Some(date.and_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?.and_utc());
    }
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// The same for `Option<DateTime<Utc>>`.
pub mod option {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Instant(#[serde(with = "super")] DateTime<Utc>);

    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        t.map(Instant).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Ok(Option::<Instant>::deserialize(d)?.map(|i| i.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_form_and_chronos_agree() {
        for s in ["2026-11-22T11:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00Z"] {
            assert_eq!(parse(s), DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc)), "{s}");
        }
        assert_eq!(parse("2026-11-22T12:00:00+01:00"), parse("2026-11-22T11:00:00Z"));
        assert_eq!(parse("2026-11-22T11:00:00.5Z").unwrap().timestamp_subsec_millis(), 500);
        for bad in ["2026-02-30T11:00:00Z", "2026-11-22T25:00:00Z", "2026-1x-22T11:00:00Z", ""] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
