//! Built-in public holiday sets. Only `nl` for now, exactly as PRODUCT.md defines it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A country whose holiday set is built in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Country {
    Nl,
}

impl Country {
    pub fn parse(code: &str) -> Option<Country> {
        match code.to_ascii_lowercase().as_str() {
            "nl" => Some(Country::Nl),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Country::Nl => "nl",
        }
    }

    /// The names a calendar may list under `except`.
    pub fn day_names(self) -> &'static [&'static str] {
        match self {
            Country::Nl => NL_NAMES,
        }
    }

    /// The same days by their names in the country's own language, in the same order.
    pub fn own_day_names(self) -> &'static [&'static str] {
        match self {
            Country::Nl => NL_NAMES_IN_DUTCH,
        }
    }

    /// A day of the set as people write it: in English or the country's language, case and
    /// accents aside ("goede vrijdag", "Good Friday"); its name in the set.
    pub fn day_named(self, given: &str) -> Option<&'static str> {
        // As typed or pasted: any apostrophe, spaces however many.
        let plain = |text: &str| {
            let text = crate::domain::registry::lookup::fold(&text.replace(['\u{2019}', '\u{2018}', '`'], "'"));
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let given = plain(given);
        let (en, own) = (self.day_names(), self.own_day_names());
        let by_name = en.iter().zip(own).find(|(e, o)| plain(e) == given || plain(o) == given).map(|(e, _)| *e);
        by_name.or_else(|| OTHER_NAMES.iter().find(|(other, _)| plain(other) == given).map(|(_, e)| *e))
    }

    /// The holidays of one year, in date order (ties keep the order of the set).
    pub fn holidays(self, year: i32) -> Vec<(NaiveDate, &'static str)> {
        let mut days = match self {
            Country::Nl => nl(year),
        };
        days.sort_by_key(|(d, _)| *d);
        days
    }
}

const NL_NAMES: &[&str] = &[
    "New Year's Day",
    "Good Friday",
    "Easter Sunday",
    "Easter Monday",
    "King's Day",
    "Queen's Day",
    "Liberation Day",
    "Ascension Day",
    "Whit Sunday",
    "Whit Monday",
    "Christmas Day",
    "Boxing Day",
];

/// Other names people use for the same days, and the day of the set each is.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("Paasmaandag", "Easter Monday"),
    ("Pinkstermaandag", "Whit Monday"),
    ("Hemelvaart", "Ascension Day"),
    ("Kerstmis", "Christmas Day"),
    ("Nieuwjaar", "New Year's Day"),
    ("Pentecost", "Whit Sunday"),
];

/// As the Dutch calendar names them, in the order of `NL_NAMES`.
const NL_NAMES_IN_DUTCH: &[&str] = &[
    "Nieuwjaarsdag",
    "Goede Vrijdag",
    "Eerste Paasdag",
    "Tweede Paasdag",
    "Koningsdag",
    "Koninginnedag",
    "Bevrijdingsdag",
    "Hemelvaartsdag",
    "Eerste Pinksterdag",
    "Tweede Pinksterdag",
    "Eerste Kerstdag",
    "Tweede Kerstdag",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a fixed holiday is a valid date")
}

fn nl(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let mut days = vec![
        (date(year, 1, 1), "New Year's Day"),
        (easter - Duration::days(2), "Good Friday"),
        (easter, "Easter Sunday"),
        (easter + Duration::days(1), "Easter Monday"),
        monarchs_day(year),
        (easter + Duration::days(39), "Ascension Day"),
        (easter + Duration::days(49), "Whit Sunday"),
        (easter + Duration::days(50), "Whit Monday"),
        (date(year, 12, 25), "Christmas Day"),
        (date(year, 12, 26), "Boxing Day"),
    ];
    if year % 5 == 0 {
        days.push((date(year, 5, 5), "Liberation Day"));
    }
    days
}

/// King's Day from 2014, Queen's Day before; moved a day earlier when it falls on a Sunday.
fn monarchs_day(year: i32) -> (NaiveDate, &'static str) {
    let (day, name) = if year >= 2014 { (27, "King's Day") } else { (30, "Queen's Day") };
    let d = date(year, 4, day);
    if d.weekday() == Weekday::Sun { (d - Duration::days(1), name) } else { (d, name) }
}

/// Gregorian Easter Sunday (the anonymous algorithm of Meeus, Jones and Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_matches_known_years() {
        for (y, m, d) in [
            (1900, 4, 15),
            (1961, 4, 2),
            (2000, 4, 23),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2200, 4, 6),
        ] {
            assert_eq!(easter_sunday(y), date(y, m, d), "Easter {y}");
        }
    }

    #[test]
    fn dutch_2025_is_complete_and_ordered() {
        let got: Vec<String> = Country::Nl.holidays(2025).iter().map(|(d, n)| format!("{d} {n}")).collect();
        assert_eq!(
            got,
            [
                "2025-01-01 New Year's Day",
                "2025-04-18 Good Friday",
                "2025-04-20 Easter Sunday",
                "2025-04-21 Easter Monday",
                "2025-04-26 King's Day", // the 27th is a Sunday
                "2025-05-05 Liberation Day",
                "2025-05-29 Ascension Day",
                "2025-06-08 Whit Sunday",
                "2025-06-09 Whit Monday",
                "2025-12-25 Christmas Day",
                "2025-12-26 Boxing Day",
            ]
        );
    }

    #[test]
    fn queens_day_before_2014() {
        let y2006 = Country::Nl.holidays(2006); // 30 April 2006 was a Sunday
        assert!(y2006.contains(&(date(2006, 4, 29), "Queen's Day")));
        let y2013 = Country::Nl.holidays(2013);
        assert!(y2013.contains(&(date(2013, 4, 30), "Queen's Day")));
        assert!(!Country::Nl.holidays(2026).iter().any(|(_, n)| *n == "Liberation Day"));
    }
}
