//! Who handles a ticket: the most specific valid contract for the service and participant.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::domain::Priority;
use crate::domain::registry::{Contract, Registry};

/// The outcome of routing, with its one-line explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingDecision {
    pub supplier: Option<String>,
    pub contract: Option<String>,
    pub explanation: String,
    /// Set when an agent chose the supplier by hand; the reason is in the journal.
    pub overridden: bool,
}

impl RoutingDecision {
    pub fn is_routed(&self) -> bool {
        self.supplier.is_some()
    }
}

/// The zone a contract's dates turn over in: its service window's (the built-in `24x7` is in the
/// helpdesk's zone), or the helpdesk's when the window is unknown.
pub fn validity_zone(window_zone: Option<Tz>, helpdesk_zone: Tz) -> Tz {
    window_zone.unwrap_or(helpdesk_zone)
}

/// When a contract is valid, as instants: from midnight at the start of `valid_from` to
/// midnight at the end of `valid_until` (none: open-ended), in `zone`.
pub fn validity_span(contract: &Contract, zone: Tz) -> (DateTime<Utc>, Option<DateTime<Utc>>) {
    let from = local_midnight(contract.valid_from, zone);
    let until = contract.valid_until.and_then(|d| d.succ_opt()).map(|d| local_midnight(d, zone));
    (from, until)
}

/// The instant `day` begins in `zone`.
pub fn local_midnight(day: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let mut local = day.and_hms_opt(0, 0, 0).expect("midnight");
    // A zone that skips midnight (DST at 00:00) starts the day at the first minute it has.
    for _ in 0..=24 * 60 {
        if let Some(t) = zone.from_local_datetime(&local).earliest() {
            return t.with_timezone(&Utc);
        }
        local += Duration::minutes(1);
    }
    day.and_hms_opt(0, 0, 0).expect("midnight").and_utc()
}

fn contract_zone(reg: &Registry, contract: &Contract) -> Tz {
    let window = reg.calendar(&contract.window).map(|c| c.timezone);
    validity_zone(window, reg.helpdesk_calendar().timezone)
}

pub fn is_valid_at(reg: &Registry, contract: &Contract, at: DateTime<Utc>) -> bool {
    let (from, until) = validity_span(contract, contract_zone(reg, contract));
    from <= at && until.is_none_or(|u| at < u)
}

/// Routes a ticket for `participant` and `service` at moment `at`.
pub fn route(
    reg: &Registry,
    participant: &str,
    service: &str,
    priority: Priority,
    at: DateTime<Utc>,
) -> RoutingDecision {
    let service_name = reg.service(service).map(|s| s.name.as_str()).unwrap_or(service);
    let candidates: Vec<&Contract> = reg.contracts_for_service(service).collect();
    let covering: Vec<&Contract> = candidates.iter().copied().filter(|c| c.participants.covers(participant)).collect();
    let valid = covering.iter().copied().filter(|c| is_valid_at(reg, c, at));
    // Validation refuses two equally specific contracts valid at once, so the maximum is unique.
    if let Some(best) = valid.max_by_key(|c| c.participants.specificity()) {
        return routed(reg, service_name, best, priority);
    }
    let why = if candidates.is_empty() {
        "no contract for this service".to_string()
    } else if covering.is_empty() {
        let list: Vec<String> = candidates.iter().map(|c| format!("{} covers {}", c.number, c.participants)).collect();
        format!("participant {participant} not covered ({})", list.join("; "))
    } else {
        // Each contract judged in its own zone: one may have expired where another has not begun.
        let mut reasons: Vec<String> = covering
            .iter()
            .map(|c| match (c.valid_until, validity_span(c, contract_zone(reg, c)).1) {
                (Some(u), Some(end)) if end <= at => format!("contract {} expired on {u}", c.number),
                _ => format!("contract {} starts on {}", c.number, c.valid_from),
            })
            .collect();
        reasons.sort();
        reasons.join("; ")
    };
    RoutingDecision {
        supplier: None,
        contract: None,
        explanation: format!("{service_name} → unrouted: {why}"),
        overridden: false,
    }
}

fn routed(reg: &Registry, service_name: &str, contract: &Contract, priority: Priority) -> RoutingDecision {
    let supplier =
        reg.supplier(&contract.supplier).map(|s| s.name.clone()).unwrap_or_else(|| contract.supplier.clone());
    RoutingDecision {
        explanation: explain(service_name, &supplier, contract, priority),
        supplier: Some(supplier),
        contract: Some(contract.number.clone()),
        overridden: false,
    }
}

/// `Magister → Iddink (contract ICT-2024-017) · P2: respond 1h, resolve 8h · kantoortijden`
/// The fixed phrases of the explanations written here, and the message that reads each in an
/// agent's language (explanations are kept as written, in English).
pub const PHRASES: [(&str, &str); 10] = [
    (": respond ", "routing-respond"),
    (", resolve ", "routing-resolve"),
    (": no targets", "routing-no-targets"),
    ("→ unrouted: ", "routing-unrouted"),
    ("no contract for this service", "routing-no-contract"),
    ("(no contract: no supplier SLA)", "routing-no-supplier-sla"),
    (" not covered (", "routing-not-covered"),
    (" covers ", "routing-covers"),
    (" expired on ", "routing-expired-on"),
    (" starts on ", "routing-starts-on"),
];

/// How a participant is named in an explanation ("participant ZYL not covered").
pub const PARTICIPANT: &str = "participant ";

pub fn explain(service_name: &str, supplier: &str, contract: &Contract, priority: Priority) -> String {
    let targets = contract
        .sla
        .get(&priority)
        .map(|t| format!("{priority}: respond {}, resolve {}", t.response, t.resolve))
        .unwrap_or_else(|| format!("{priority}: no targets"));
    format!("{service_name} → {supplier} (contract {}) · {targets} · {}", contract.number, contract.window)
}

/// An agent's choice of supplier: its valid contract for the service if it has one.
pub fn override_to(
    reg: &Registry,
    participant: &str,
    service: &str,
    supplier: &str,
    priority: Priority,
    at: DateTime<Utc>,
) -> Result<RoutingDecision, String> {
    let sup =
        reg.supplier(supplier).ok_or_else(|| crate::tr!("desk-unknown-supplier", given = format!("{supplier:?}")))?;
    let service_name = reg.service(service).map(|s| s.name.as_str()).unwrap_or(service);
    let contract = reg
        .contracts_of_supplier(&sup.name)
        .filter(|c| c.services.iter().any(|s| reg.service(s).is_some_and(|x| x.name == service_name)))
        .filter(|c| c.participants.covers(participant) && is_valid_at(reg, c, at))
        .max_by_key(|c| c.participants.specificity());
    let mut decision = match contract {
        Some(c) => routed(reg, service_name, c, priority),
        None => RoutingDecision {
            supplier: Some(sup.name.clone()),
            contract: None,
            explanation: format!("{service_name} → {} (no contract: no supplier SLA)", sup.name),
            overridden: false,
        },
    };
    decision.overridden = true;
    decision.explanation.push_str(" · overridden");
    Ok(decision)
}
