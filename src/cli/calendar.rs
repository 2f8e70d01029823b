//! `spoc calendar holidays`: the built-in holiday sets.

use super::{CmdResult, bad, out};
use crate::domain::sla::Country;

pub fn holidays(country: &str, year: i32) -> CmdResult {
    let c = Country::parse(country)
        .ok_or_else(|| bad(format!("--country: no built-in holiday set {country:?} (known: nl)")))?;
    if !(1900..=2200).contains(&year) {
        return Err(bad(format!("--year: {year} is outside 1900..2200")));
    }
    let mut text = String::new();
    for (date, name) in c.holidays(year) {
        text.push_str(&format!("{date}\t{}\n", crate::present::holiday_name(name)));
    }
    out(&text)
}
