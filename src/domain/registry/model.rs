//! The registry's records, as written in the registry file and kept in the store.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::Priority;
use crate::domain::sla::SlaDuration;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

/// A standard solution: how the desk solves a known call itself, while the caller is on the line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    pub title: String,
    /// The services it is for (names or aliases); the lookup finds it, intake suggests it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// What to do, step by step.
    pub steps: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supplier {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portal: Option<String>,
    /// The calendar of the supplier's own desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// How to report to them (the DAP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    #[serde(default, rename = "contact", skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub role: ContactRole,
    /// Escalation level, 1 first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    ServiceDesk,
    AccountManager,
    Escalation,
    Other,
}

impl ContactRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactRole::ServiceDesk => "service_desk",
            ContactRole::AccountManager => "account_manager",
            ContactRole::Escalation => "escalation",
            ContactRole::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::ServiceDesk, Self::AccountManager, Self::Escalation, Self::Other]
            .into_iter()
            .find(|r| r.as_str() == s.trim().to_ascii_lowercase().replace([' ', '-'], "_"))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    pub number: String,
    pub supplier: String,
    pub services: Vec<String>,
    /// `"all"` or a list of participant codes.
    pub participants: Coverage,
    #[serde(serialize_with = "date_out", deserialize_with = "date_in")]
    pub valid_from: NaiveDate,
    #[serde(
        default,
        serialize_with = "opt_date_out",
        deserialize_with = "opt_date_in",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_until: Option<NaiveDate>,
    #[serde(default)]
    pub notice_months: u32,
    /// The calendar of the service window.
    pub window: String,
    pub sla: BTreeMap<Priority, Targets>,
    /// What the supplier's figures are held to in the meeting.
    #[serde(default, skip_serializing_if = "Norms::is_empty")]
    pub norms: Norms,
}

/// Floors a group's figures are held to: met % of response and resolution, the average
/// satisfaction; and per priority, as contracts set targets per priority.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Norms {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_met_pct: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_met_pct: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<f64>,
    #[serde(default, rename = "P1", skip_serializing_if = "Option::is_none")]
    pub p1: Option<PriorityNorms>,
    #[serde(default, rename = "P2", skip_serializing_if = "Option::is_none")]
    pub p2: Option<PriorityNorms>,
    #[serde(default, rename = "P3", skip_serializing_if = "Option::is_none")]
    pub p3: Option<PriorityNorms>,
    #[serde(default, rename = "P4", skip_serializing_if = "Option::is_none")]
    pub p4: Option<PriorityNorms>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityNorms {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_met_pct: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_met_pct: Option<f64>,
}

impl Norms {
    pub fn is_empty(&self) -> bool {
        *self == Norms::default()
    }

    pub fn of(&self, p: Priority) -> Option<&PriorityNorms> {
        match p {
            Priority::P1 => self.p1.as_ref(),
            Priority::P2 => self.p2.as_ref(),
            Priority::P3 => self.p3.as_ref(),
            Priority::P4 => self.p4.as_ref(),
        }
    }

    /// What is wrong with these norms, as field and message.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let pct = |field: String, v: Option<f64>, out: &mut Vec<(String, String)>| {
            if let Some(v) = v.filter(|v| !(0.0..=100.0).contains(v)) {
                out.push((field, crate::tr!("reg-not-a-percentage", value = v.to_string())));
            }
        };
        pct("norms.response_met_pct".into(), self.response_met_pct, &mut out);
        pct("norms.resolution_met_pct".into(), self.resolution_met_pct, &mut out);
        if let Some(v) = self.satisfaction.filter(|v| !(1.0..=5.0).contains(v)) {
            out.push(("norms.satisfaction".into(), crate::tr!("reg-not-a-score", value = v.to_string())));
        }
        for p in Priority::ALL {
            if let Some(n) = self.of(p) {
                pct(format!("norms.{p}.response_met_pct"), n.response_met_pct, &mut out);
                pct(format!("norms.{p}.resolution_met_pct"), n.resolution_met_pct, &mut out);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub response: SlaDuration,
    pub resolve: SlaDuration,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    All,
    Only(Vec<String>),
}

impl Coverage {
    pub fn covers(&self, code: &str) -> bool {
        match self {
            Coverage::All => true,
            Coverage::Only(codes) => codes.iter().any(|c| c.eq_ignore_ascii_case(code)),
        }
    }

    /// Higher is more specific: an explicit participant beats "all".
    pub fn specificity(&self) -> u8 {
        match self {
            Coverage::All => 0,
            Coverage::Only(_) => 1,
        }
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Coverage::All => f.write_str("all participants"),
            Coverage::Only(codes) => f.write_str(&codes.join(", ")),
        }
    }
}

impl Serialize for Coverage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Coverage::All => s.serialize_str("all"),
            Coverage::Only(codes) => codes.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Coverage {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Word(String),
            List(Vec<String>),
        }
        match Raw::deserialize(d)
            .map_err(|_| serde::de::Error::custom("expected \"all\" or a list of participant codes"))?
        {
            Raw::Word(w) if w.eq_ignore_ascii_case("all") => Ok(Coverage::All),
            Raw::Word(w) => {
                Err(serde::de::Error::custom(format!("expected \"all\" or a list of participant codes, found {w:?}")))
            }
            Raw::List(codes) => Ok(Coverage::Only(codes)),
        }
    }
}

// TOML has date literals (`2024-01-01`) that arrive as a one-entry map; JSON and CSV send strings.
fn date_in<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date, YYYY-MM-DD")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map_err(|_| E::custom(crate::tr!("cal-not-a-date", text = format!("{v:?}"))))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
            let Some((_, text)) = map.next_entry::<String, String>()? else {
                return Err(serde::de::Error::custom(crate::i18n::t("reg-expected-a-date")));
            };
            self.visit_str(&text)
        }
    }
    d.deserialize_any(V)
}

fn opt_date_in<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    date_in(d).map(Some)
}

fn date_out<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

fn opt_date_out<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => date_out(d, s),
        None => s.serialize_none(),
    }
}
