//! `spoc calendar holidays`: the built-in holiday sets.

use super::{CmdResult, bad, out};
use crate::domain::sla::Country;

pub fn holidays(country: &str, year: i32) -> CmdResult {
    let c = Country::parse(country)
        .ok_or_else(|| bad(crate::tr!("cli-holidays-unknown-country", country = format!("{country:?}"))))?;
    if !(1900..=2200).contains(&year) {
        return Err(bad(crate::tr!("cli-holidays-year-out-of-range", year = year)));
    }
    let mut text = String::new();
    for (date, name) in c.holidays(year) {
        text.push_str(&format!("{date}\t{}\n", crate::present::holiday_name(name)));
    }
    out(&text)
}
