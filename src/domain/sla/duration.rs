//! SLA durations as users write them: `90m`, `4h`, `1h30m`, `3bd`, `1bd4h`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A target in business time: whole opening days first, then business seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SlaDuration {
    pub business_days: u32,
    pub seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError {
    pub text: String,
    /// Why, as the id of its message (`cal-duration-empty`, ...), which reads the whole error
    /// in the reader's language: `bad duration "4x": unknown unit (expected e.g. ...)`.
    pub why: &'static str,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!(self.why, text = format!("{:?}", self.text)))
    }
}

impl std::error::Error for DurationError {}

impl SlaDuration {
    pub const fn seconds(seconds: i64) -> Self {
        Self { business_days: 0, seconds }
    }
    pub const fn hours(h: i64) -> Self {
        Self::seconds(h * 3600)
    }
    pub const fn minutes(m: i64) -> Self {
        Self::seconds(m * 60)
    }
    pub const fn days(business_days: u32) -> Self {
        Self { business_days, seconds: 0 }
    }
    pub fn is_zero(&self) -> bool {
        self.business_days == 0 && self.seconds == 0
    }
}

impl FromStr for SlaDuration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = |why| DurationError { text: text.to_string(), why };
        let s = text.trim();
        if s.is_empty() {
            return Err(err("cal-duration-empty"));
        }
        let mut out = SlaDuration::default();
        let mut rest = s;
        // Units must come in this order, each at most once.
        let mut last_rank = 0;
        while !rest.is_empty() {
            let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            if digits == 0 {
                return Err(err("cal-duration-number-first"));
            }
            let n: i64 = rest[..digits].parse().map_err(|_| err("cal-duration-too-large"))?;
            rest = &rest[digits..];
            let (unit, rank, len) = if rest.starts_with("bd") {
                ("bd", 1, 2)
            } else if rest.starts_with('d') {
                return Err(err("cal-duration-write-bd"));
            } else if rest.starts_with('h') {
                ("h", 2, 1)
            } else if rest.starts_with('m') {
                ("m", 3, 1)
            } else if rest.starts_with('s') {
                ("s", 4, 1)
            } else if rest.is_empty() {
                return Err(err("cal-duration-no-unit"));
            } else {
                return Err(err("cal-duration-unknown-unit"));
            };
            if rank <= last_rank {
                return Err(err("cal-duration-unit-order"));
            }
            last_rank = rank;
            rest = &rest[len..];
            let too_large = || err("cal-duration-too-large");
            match unit {
                "bd" => out.business_days = u32::try_from(n).map_err(|_| too_large())?,
                "h" => out.seconds += n.checked_mul(3600).ok_or_else(too_large)?,
                "m" => out.seconds += n.checked_mul(60).ok_or_else(too_large)?,
                _ => out.seconds += n,
            }
        }
        if out.business_days > 3660 || out.seconds > 3660 * 86400 {
            return Err(err("cal-duration-too-long"));
        }
        Ok(out)
    }
}

impl fmt::Display for SlaDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_zero() {
            return f.write_str("0m");
        }
        if self.business_days > 0 {
            write!(f, "{}bd", self.business_days)?;
        }
        let (h, m, s) = (self.seconds / 3600, self.seconds % 3600 / 60, self.seconds % 60);
        if h > 0 {
            write!(f, "{h}h")?;
        }
        if m > 0 {
            write!(f, "{m}m")?;
        }
        if s > 0 {
            write!(f, "{s}s")?;
        }
        Ok(())
    }
}

impl Serialize for SlaDuration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() { s.collect_str(self) } else { (self.business_days, self.seconds).serialize(s) }
    }
}

impl<'de> Deserialize<'de> for SlaDuration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let text = String::deserialize(d)?;
            text.parse().map_err(serde::de::Error::custom)
        } else {
            let (business_days, seconds) = <(u32, i64)>::deserialize(d)?;
            Ok(Self { business_days, seconds })
        }
    }
}

/// "2h05m" style for showing business time left or spent.
pub fn format_business_seconds(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    let (h, m) = (s / 3600, s % 3600 / 60);
    if h > 0 { format!("{sign}{h}h{m:02}m") } else { format!("{sign}{m}m") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_written_forms() {
        assert_eq!("90m".parse::<SlaDuration>().unwrap(), SlaDuration::minutes(90));
        assert_eq!("4h".parse::<SlaDuration>().unwrap(), SlaDuration::hours(4));
        assert_eq!("1h30m".parse::<SlaDuration>().unwrap(), SlaDuration::minutes(90));
        assert_eq!("3bd".parse::<SlaDuration>().unwrap(), SlaDuration::days(3));
        let mixed: SlaDuration = "1bd4h".parse().unwrap();
        assert_eq!(mixed, SlaDuration { business_days: 1, seconds: 4 * 3600 });
    }

    #[test]
    fn refuses_what_is_not_a_duration() {
        for bad in ["", "4", "h", "4x", "30m1h", "1h1h", "3d", "-4h", "99999999999999999999h"] {
            assert!(bad.parse::<SlaDuration>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn displays_what_it_parses() {
        for text in ["90m", "4h", "1h30m", "3bd", "1bd4h", "45s"] {
            let d: SlaDuration = text.parse().unwrap();
            let again: SlaDuration = d.to_string().parse().unwrap();
            assert_eq!(d, again);
        }
        assert_eq!(SlaDuration::minutes(90).to_string(), "1h30m");
    }

    #[test]
    fn formats_time_left() {
        assert_eq!(format_business_seconds(3600 + 5 * 60), "1h05m");
        assert_eq!(format_business_seconds(-600), "-10m");
    }
}
