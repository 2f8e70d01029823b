//! Routing against the registry as imported: references by alias, validity judged on instants,
//! and the zone that `24x7` contracts' dates turn over in.

use crate::common;

use common::{SMALL, at};
use spoc::domain::Priority;
use spoc::domain::registry::file::{check_toml, to_toml};
use spoc::domain::routing::{override_to, route};

const NEW_YORK: &str = r#"
[[calendar]]
name = "ny"
timezone = "America/New_York"
[calendar.week]
mon = ["09:00-17:00"]
[[service]]
name = "Netwerk"
aliases = ["LAN"]
"#;

fn contract(number: &str, window: &str, from: &str, until: Option<&str>) -> String {
    let until = until.map(|u| format!("valid_until = {u}\n")).unwrap_or_default();
    format!(
        r#"
[[contract]]
number = "{number}"
supplier = "WPN"
services = ["Netwerk"]
participants = "all"
valid_from = {from}
{until}window = "{window}"
sla = {{ P1 = {{ response = "30m", resolve = "4h" }}, P2 = {{ response = "1h", resolve = "8h" }}, P3 = {{ response = "4h", resolve = "24h" }}, P4 = {{ response = "1bd", resolve = "5bd" }} }}
"#
    )
}

#[test]
fn references_by_alias_are_stored_as_the_names_they_point_to() {
    let extra = r#"
[[service]]
name = "Netwerk"
aliases = ["LAN"]
[[supplier]]
name = "Noord Netwerken"
aliases = ["NN"]
[[contract]]
number = "NN-1"
supplier = "nn"
services = ["lan", "Netwerk"]
participants = ["zyl"]
valid_from = 2024-01-01
window = "OFFICE"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "24h" }, P4 = { response = "1bd", resolve = "5bd" } }
"#;
    let reg = check_toml("r.toml", &format!("{SMALL}{extra}")).unwrap();
    let c = reg.contract("NN-1").unwrap();
    assert_eq!(
        (c.supplier.as_str(), c.services.as_slice(), c.window.as_str()),
        ("Noord Netwerken", &["Netwerk".to_string()][..], "office")
    );
    assert_eq!(format!("{}", c.participants), "ZYL");
    // The supplier's card, an override and export all see the contract.
    assert_eq!(reg.contracts_of_supplier("Noord Netwerken").count(), 1);
    let now = at("2026-11-23T10:00:00+01:00");
    let d = override_to(&reg, "ZYL", "LAN", "NN", Priority::P2, now).unwrap();
    assert_eq!(d.contract.as_deref(), Some("NN-1"), "{}", d.explanation);
    let exported = to_toml(reg.file());
    assert!(exported.contains("supplier = \"Noord Netwerken\""), "{exported}");
    assert!(!exported.contains("\"nn\""), "{exported}");
    assert_eq!(route(&reg, "ZYL", "Netwerk", Priority::P2, now).contract.as_deref(), Some("NN-1"));
}

#[test]
fn contracts_valid_at_the_same_instant_across_zones_are_refused_naming_both() {
    // New York's 31 December ends at 05:00 UTC; Amsterdam's 1 January starts at 23:00 UTC the
    // day before: six hours with two contracts.
    let clash = format!(
        "{SMALL}{NEW_YORK}{}{}",
        contract("NET-NY", "ny", "2024-01-01", Some("2026-12-31")),
        contract("NET-AMS", "office", "2027-01-01", None)
    );
    let errors = check_toml("r.toml", &clash).unwrap_err().to_string();
    assert!(errors.contains("NET-NY") && errors.contains("NET-AMS"), "{errors}");
    assert!(errors.contains("ambiguous"), "{errors}");
    assert!(errors.contains("2027-01-01 00:00 +01:00"), "the overlap is named: {errors}");
    // The other way round they meet without overlapping (a gap, which routing reports).
    let fine = format!(
        "{SMALL}{NEW_YORK}{}{}",
        contract("NET-AMS", "office", "2024-01-01", Some("2026-12-31")),
        contract("NET-NY", "ny", "2027-01-01", None)
    );
    check_toml("r.toml", &fine).unwrap();
    // A 24x7 window turns over in the helpdesk's zone (Amsterdam), so it clashes with New York too.
    let clash = format!(
        "{SMALL}{NEW_YORK}{}{}",
        contract("NET-NY", "ny", "2024-01-01", Some("2026-12-31")),
        contract("NET-247", "24x7", "2027-01-01", None)
    );
    let errors = check_toml("r.toml", &clash).unwrap_err().to_string();
    assert!(errors.contains("NET-NY") && errors.contains("NET-247"), "{errors}");
}

#[test]
fn a_24x7_contract_starts_at_midnight_in_the_helpdesks_zone() {
    let reg = check_toml(
        "r.toml",
        &format!(
            "{SMALL}{NEW_YORK}{}{}",
            contract("NET-OLD", "24x7", "2024-01-01", Some("2026-12-31")),
            contract("NET-NEW", "24x7", "2027-01-01", None)
        ),
    )
    .unwrap();
    // 00:30 on New Year's Day in Amsterdam is still 31 December in UTC.
    let d = route(&reg, "ZYL", "Netwerk", Priority::P2, at("2027-01-01T00:30:00+01:00"));
    assert_eq!(d.contract.as_deref(), Some("NET-NEW"), "{}", d.explanation);
    let d = route(&reg, "ZYL", "Netwerk", Priority::P2, at("2026-12-31T23:59:00+01:00"));
    assert_eq!(d.contract.as_deref(), Some("NET-OLD"), "{}", d.explanation);
}

#[test]
fn an_unrouted_ticket_says_of_each_contract_whether_it_expired_or_has_not_begun_in_its_own_zone() {
    // One contract ended on 30 December in New York, one starts on 2 January in Amsterdam.
    let reg = check_toml(
        "r.toml",
        &format!(
            "{SMALL}{NEW_YORK}{}{}",
            contract("NET-NY", "ny", "2024-01-01", Some("2026-12-30")),
            contract("NET-AMS", "office", "2027-01-02", None)
        ),
    )
    .unwrap();
    let d = route(&reg, "ZYL", "Netwerk", Priority::P2, at("2027-01-01T03:00:00Z"));
    assert_eq!(d.contract, None);
    assert!(d.explanation.contains("contract NET-NY expired on 2026-12-30"), "{}", d.explanation);
    assert!(d.explanation.contains("contract NET-AMS starts on 2027-01-02"), "{}", d.explanation);
    // At 04:00 UTC on 31 December it is still 30 December in New York (not in Amsterdam), so
    // the contract holds; two hours later it has ended there too.
    let d = route(&reg, "ZYL", "Netwerk", Priority::P2, at("2026-12-31T04:00:00Z"));
    assert_eq!(d.contract.as_deref(), Some("NET-NY"), "{}", d.explanation);
    let d = route(&reg, "ZYL", "Netwerk", Priority::P2, at("2026-12-31T06:00:00Z"));
    assert!(d.explanation.contains("contract NET-NY expired on 2026-12-30"), "{}", d.explanation);
}

#[test]
fn a_24x7_business_day_is_a_local_day_across_the_clock_change() {
    let reg = check_toml("r.toml", SMALL).unwrap();
    let always = reg.calendar("24x7").unwrap();
    assert_eq!(always.timezone, chrono_tz::Europe::Amsterdam);
    // Saturday noon before summer time: one business day later is Sunday noon, 23 hours on.
    let due = always.deadline(at("2026-03-28T12:00:00+01:00"), "1bd".parse().unwrap());
    assert_eq!(due, at("2026-03-29T12:00:00+02:00"));
}

#[test]
fn contracts_listing_a_participant_twice_keep_it_once_and_reopen_days_are_bounded() {
    let extra = r#"
[[contract]]
number = "TWICE"
supplier = "WPN"
services = ["Netwerk"]
participants = ["ZYL", "gzw", "zyl"]
valid_from = 2024-01-01
window = "office"
sla = { P1 = { response = "30m", resolve = "4h" }, P2 = { response = "1h", resolve = "8h" }, P3 = { response = "4h", resolve = "24h" }, P4 = { response = "1bd", resolve = "5bd" } }
"#;
    let reg = check_toml("r.toml", &format!("{SMALL}{NEW_YORK}{extra}")).unwrap();
    assert_eq!(format!("{}", reg.contract("TWICE").unwrap().participants), "ZYL, GZW");
    let forever = SMALL.replacen("[settings]", "[settings]\nreopen_days = 4000000000", 1);
    assert!(forever.contains("reopen_days"), "SMALL has a [settings] table");
    let errors = check_toml("r.toml", &forever).unwrap_err().to_string();
    assert!(errors.contains("reopen_days"), "{errors}");
}
