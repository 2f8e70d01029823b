//! The calendar as users write it (PRODUCT.md), and its validation into a [`Calendar`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::calendar::{Calendar, HolidayRules, Window};
use super::holidays::Country;
use crate::domain::FieldError;

pub const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    pub name: String,
    pub timezone: String,
    #[serde(default)]
    pub week: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "HolidaySpec::is_empty")]
    pub holidays: HolidaySpec,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaySpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "dates_in")]
    pub dates: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
}

/// Dates as a TOML file writes them, bare (`2026-04-08`, which arrives as a one-entry map) or
/// quoted; kept as their text, checked when the calendar is built.
fn dates_in<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum One {
        Text(String),
        Bare(BTreeMap<String, String>),
    }
    let list =
        Vec::<One>::deserialize(d).map_err(|_| serde::de::Error::custom(crate::i18n::t("cal-dates-expected")))?;
    Ok(list
        .into_iter()
        .map(|one| match one {
            One::Text(text) => text,
            One::Bare(map) => map.into_values().next().unwrap_or_default(),
        })
        .collect())
}

impl HolidaySpec {
    fn is_empty(&self) -> bool {
        self.country.is_none() && self.dates.is_empty() && self.except.is_empty()
    }
}

impl CalendarSpec {
    /// Validates every field; the error names the field that is wrong.
    pub fn build(&self) -> Result<Calendar, FieldError> {
        if self.name.trim().is_empty() {
            return Err(FieldError::new("name", crate::i18n::t("cal-needs-name")));
        }
        let timezone: Tz = self.timezone.parse().map_err(|_| {
            FieldError::new("timezone", crate::tr!("cal-unknown-timezone", zone = format!("{:?}", self.timezone)))
        })?;
        let mut week: [Vec<Window>; 7] = Default::default();
        for (key, windows) in &self.week {
            let Some(day) = DAY_KEYS.iter().position(|d| d == key) else {
                return Err(FieldError::new(
                    format!("week.{key}"),
                    crate::tr!("cal-unknown-day", day = format!("{key:?}"), days = DAY_KEYS.join(", ")),
                ));
            };
            let field = format!("week.{key}");
            let mut parsed = windows
                .iter()
                .map(|w| parse_window(w).map_err(|why| FieldError::new(&field, why)))
                .collect::<Result<Vec<_>, _>>()?;
            parsed.sort();
            if let Some(pair) = parsed.windows(2).find(|p| p[1].open < p[0].close) {
                let why = crate::tr!("cal-windows-overlap", first = pair[0].to_string(), second = pair[1].to_string());
                return Err(FieldError::new(field, why));
            }
            week[day] = parsed;
        }
        if week.iter().all(Vec::is_empty) {
            return Err(FieldError::new("week", crate::i18n::t("cal-never-open")));
        }
        let country = match &self.holidays.country {
            None => None,
            Some(code) => Some(Country::parse(code).ok_or_else(|| {
                FieldError::new("holidays.country", crate::tr!("cal-no-holiday-set", code = format!("{code:?}")))
            })?),
        };
        let dates = self
            .holidays
            .dates
            .iter()
            .map(|d| {
                NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
                    FieldError::new("holidays.dates", crate::tr!("cal-not-a-date", text = format!("{d:?}")))
                })
            })
            .collect::<Result<BTreeSet<_>, _>>()?;
        let mut except = BTreeSet::new();
        for name in &self.holidays.except {
            let Some(c) = country else {
                return Err(FieldError::new("holidays.except", crate::i18n::t("cal-except-needs-country")));
            };
            let Some(day) = c.day_named(name) else {
                let all = c.day_names().iter().chain(c.own_day_names());
                let near = crate::domain::registry::lookup::closest(name, all.copied(), 1);
                let hint = near
                    .first()
                    .map(|n| format!(" {}", crate::tr!("cli-config-did-you-mean", name = format!("{n:?}"))))
                    .unwrap_or_default();
                let known = c.day_names().join(", ");
                let why =
                    crate::tr!("cal-not-a-holiday", name = format!("{name:?}"), country = c.code(), known = known);
                return Err(FieldError::new("holidays.except", format!("{why}{hint}")));
            };
            except.insert(day.to_string());
        }
        Ok(Calendar::new(self.name.trim(), timezone, week, HolidayRules { country, dates, except }))
    }

    /// The spec that builds this calendar again (for export).
    pub fn from_calendar(cal: &Calendar) -> Self {
        let week = cal
            .week
            .iter()
            .zip(DAY_KEYS)
            .filter(|(w, _)| !w.is_empty())
            .map(|(w, key)| (key.to_string(), w.iter().map(Window::to_string).collect()))
            .collect();
        CalendarSpec {
            name: cal.name.clone(),
            timezone: cal.timezone.name().to_string(),
            week,
            holidays: HolidaySpec {
                country: cal.holidays.country.map(|c| c.code().to_string()),
                dates: cal.holidays.dates.iter().map(|d| d.to_string()).collect(),
                except: cal.holidays.except.iter().cloned().collect(),
            },
        }
    }
}

/// `"08:00-17:00"`; `24:00` is allowed as a closing time.
pub fn parse_window(text: &str) -> Result<Window, String> {
    let quoted = format!("{text:?}");
    let (a, b) = text.split_once('-').ok_or_else(|| crate::tr!("cal-window-no-dash", text = quoted.as_str()))?;
    let open = parse_clock(a.trim()).ok_or_else(|| crate::tr!("cal-window-bad-open", text = quoted.as_str()))?;
    let close = parse_clock(b.trim()).ok_or_else(|| crate::tr!("cal-window-bad-close", text = quoted.as_str()))?;
    if open >= 1440 {
        return Err(crate::tr!("cal-window-opens-at-24", text = quoted.as_str()));
    }
    if close <= open {
        return Err(crate::tr!("cal-window-closes-first", text = quoted.as_str()));
    }
    Ok(Window { open, close })
}

fn parse_clock(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) => Some(1440),
        (0..=23, 0..=59) => Some(h * 60 + m),
        _ => None,
    }
}
