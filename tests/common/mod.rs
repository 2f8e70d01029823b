//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod server;

use chrono::{DateTime, Utc};
use spoc::domain::Registry;
use spoc::domain::registry::file::check_toml;

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

/// A small registry: office hours (Mon-Fri 09-17, Amsterdam, nl holidays) for both the helpdesk and
/// the supplier, so expected times are easy to work out by hand.
pub const SMALL: &str = r#"
[settings]
helpdesk_calendar = "office"
reopen_days = 7
[settings.agreement]
P1 = { response = "15m", resolve = "4h" }
P2 = { response = "30m", resolve = "8h" }
P3 = { response = "2h", resolve = "16h" }
P4 = { response = "4h", resolve = "5bd" }

[[calendar]]
name = "office"
timezone = "Europe/Amsterdam"
[calendar.week]
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]
[calendar.holidays]
country = "nl"

[[participant]]
code = "ZYL"
name = "Zuyderzee Lyceum"
[[participant]]
code = "GZW"
name = "Gemeente Zuyderwoude"
[[participant]]
code = "OBL"
name = "Openbaar Basisonderwijs De Linde"

[[service]]
name = "Magister"
aliases = ["Magister 6"]
keywords = ["cijfers"]
[[service]]
name = "Printen"
[[service]]
name = "Notubiz"
[[service]]
name = "Parkeren"

[[supplier]]
name = "Iddink"
hours = "office"
phone = "+31 85 000 1010"
[[supplier.contact]]
name = "Servicedesk"
role = "service_desk"
[[supplier]]
name = "WPN"
hours = "24x7"
[[supplier]]
name = "Notubiz BV"

[[contract]]
number = "ICT-2024-017"
supplier = "Iddink"
services = ["Magister"]
participants = ["ZYL"]
valid_from = 2024-01-01
valid_until = 2027-12-31
window = "office"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "16h" }, P4 = { response = "1bd", resolve = "10bd" } }

[[contract]]
number = "WP-ALL"
supplier = "WPN"
services = ["Printen"]
participants = "all"
valid_from = 2024-01-01
window = "24x7"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "24h" }, P4 = { response = "1bd", resolve = "5bd" } }

[[contract]]
number = "WP-OBL"
supplier = "Iddink"
services = ["Printen"]
participants = ["OBL"]
valid_from = 2024-01-01
window = "office"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "16h" }, P4 = { response = "1bd", resolve = "10bd" } }

[[contract]]
number = "NB-OLD"
supplier = "Notubiz BV"
services = ["Notubiz"]
participants = "all"
valid_from = 2020-01-01
valid_until = 2026-06-30
window = "office"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "16h" }, P4 = { response = "1bd", resolve = "10bd" } }
"#;

pub fn small_registry() -> Registry {
    check_toml("small.toml", SMALL).unwrap()
}

/// The small registry with more TOML tables added.
pub fn registry_with(extra: &str) -> Registry {
    check_toml("small.toml", &format!("{SMALL}\n{extra}")).unwrap()
}
