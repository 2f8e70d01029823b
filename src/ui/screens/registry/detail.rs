//! One registry entry in full, and the words it is found by: what the registry file says of it,
//! and what follows from the rest of the registry (which contracts cover it, whom to escalate to).

use chrono::NaiveDate;

use super::RegistryTab;
use crate::domain::Registry;
use crate::domain::registry::Contract;

/// Everything the entry `i` of `tab` holds, a line per field.
pub fn detail(reg: &Registry, tab: RegistryTab, i: usize, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, value: &str| {
        if !value.is_empty() {
            out.push(format!("{name:<14}{value}"));
        }
    };
    match tab {
        RegistryTab::Participants => {
            let Some(p) = reg.participants().get(i) else { return vec![] };
            field("code", &p.code);
            field("name", &p.name);
            field("kind", p.kind.as_deref().unwrap_or(""));
            field("locations", &p.locations.join(", "));
            let covering = contracts(reg, |c| c.participants.covers(&p.code));
            out.push(String::new());
            out.push(format!("contracts covering {} ({}):", p.code, covering.len()));
            out.extend(covering.iter().map(|c| contract_line(c)));
        }
        RegistryTab::Services => {
            let Some(v) = reg.services().get(i) else { return vec![] };
            field("name", &v.name);
            field("category", v.category.as_deref().unwrap_or(""));
            field("aliases", &v.aliases.join(", "));
            field("keywords", &v.keywords.join(", "));
            let covering = contracts(reg, |c| c.services.iter().any(|s| s.eq_ignore_ascii_case(&v.name)));
            out.push(String::new());
            out.push(format!("contracts for {} ({}):", v.name, covering.len()));
            out.extend(covering.iter().map(|c| contract_line(c)));
        }
        RegistryTab::Suppliers => {
            let Some(v) = reg.suppliers().get(i) else { return vec![] };
            field("name", &v.name);
            field("aliases", &v.aliases.join(", "));
            field("phone", v.phone.as_deref().unwrap_or(""));
            field("email", v.email.as_deref().unwrap_or(""));
            field("portal", v.portal.as_deref().unwrap_or(""));
            field("hours", v.hours.as_deref().unwrap_or("unknown"));
            field("procedure", v.procedure.as_deref().unwrap_or(""));
            out.push(String::new());
            out.push(format!("contacts ({}):", v.contacts.len()));
            for c in &v.contacts {
                let role = match (c.role, c.level) {
                    (crate::domain::registry::ContactRole::Escalation, Some(l)) => format!("escalation {l}"),
                    (role, _) => role.as_str().replace('_', " "),
                };
                let reach: Vec<&str> = [c.phone.as_deref(), c.email.as_deref()].into_iter().flatten().collect();
                out.push(format!("  {role:<16}{}  {}", c.name, reach.join("  ")));
            }
            let theirs = contracts(reg, |c| c.supplier.eq_ignore_ascii_case(&v.name));
            out.push(String::new());
            out.push(format!("contracts ({}):", theirs.len()));
            out.extend(theirs.iter().map(|c| contract_line(c)));
        }
        RegistryTab::Contracts => {
            let Some(c) = reg.contracts().get(i) else { return vec![] };
            field("number", &c.number);
            field("supplier", &c.supplier);
            field("services", &c.services.join(", "));
            field("participants", &coverage(c));
            let until = c.valid_until.map(|d| d.to_string()).unwrap_or_else(|| "open-ended".into());
            field("valid", &format!("{} → {until}", c.valid_from));
            field("notice", &format!("{} months", c.notice_months));
            let watch = crate::domain::report::contract_watch(reg, today, 3650);
            if let Some(w) = watch.contracts.iter().find(|w| w.contract == c.number) {
                let line = crate::ui::screens::regie::view::watch_line(w);
                field("watch", line.split_once(": ").map_or(line.as_str(), |(_, rest)| rest));
            }
            field("window", &c.window);
            out.push(String::new());
            out.push("priority      respond within  resolve within".into());
            for (p, t) in &c.sla {
                out.push(format!("  {:<12}{:<16}{}", p.to_string(), t.response.to_string(), t.resolve));
            }
            if !c.norms.is_empty() {
                out.push(String::new());
                out.push("norms (what the supplier's figures are held to)".into());
                let n = &c.norms;
                let mut floor = |what: String, v: Option<f64>, unit: &str| {
                    if let Some(v) = v {
                        out.push(format!("  {what:<24}≥ {v}{unit}"));
                    }
                };
                floor("response met".into(), n.response_met_pct, " %");
                floor("resolution met".into(), n.resolution_met_pct, " %");
                floor("satisfaction".into(), n.satisfaction, "");
                for p in crate::domain::Priority::ALL {
                    if let Some(pn) = n.of(p) {
                        floor(format!("{p} response met"), pn.response_met_pct, " %");
                        floor(format!("{p} resolution met"), pn.resolution_met_pct, " %");
                    }
                }
            }
        }
        RegistryTab::Calendars => {
            let Some(c) = reg.file().calendar.get(i) else { return vec![] };
            field("name", &c.name);
            field("timezone", &c.timezone);
            out.push(String::new());
            out.push("open".into());
            for (day, name) in WEEK {
                let hours = c.week.get(day).map(|h| h.join(", ")).unwrap_or_else(|| "closed".into());
                out.push(format!("  {name:<12}{hours}"));
            }
            let h = &c.holidays;
            if h.country.is_some() || !h.dates.is_empty() || !h.except.is_empty() {
                out.push(String::new());
                out.push("holidays".into());
                if let Some(country) = &h.country {
                    out.push(format!("  the built-in set {country:?} (spoc calendar holidays --country {country})"));
                }
                if !h.dates.is_empty() {
                    out.push(format!("  also {}", h.dates.join(", ")));
                }
                if !h.except.is_empty() {
                    out.push(format!("  except {}", h.except.join(", ")));
                }
            }
        }
    }
    out
}

/// The days of the week in the order of the week, as the registry file names them.
pub const WEEK: [(&str, &str); 7] = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

/// The words an entry is found by: its row and every name, alias, keyword, location, contact and
/// number it holds.
pub fn words(reg: &Registry, tab: RegistryTab, i: usize) -> String {
    let text = match tab {
        RegistryTab::Participants => reg.participants().get(i).map(|p| {
            let kind = p.kind.as_deref().unwrap_or("");
            format!("{} {} {kind} {}", p.code, p.name, p.locations.join(" "))
        }),
        RegistryTab::Services => reg.services().get(i).map(|v| {
            let category = v.category.as_deref().unwrap_or("");
            let by: Vec<String> = contracts(reg, |c| c.services.iter().any(|s| s.eq_ignore_ascii_case(&v.name)))
                .iter()
                .map(|c| format!("{} {}", c.supplier, c.number))
                .collect();
            format!("{} {category} {} {} {}", v.name, v.aliases.join(" "), v.keywords.join(" "), by.join(" "))
        }),
        RegistryTab::Suppliers => reg.suppliers().get(i).map(|v| {
            let mut w = vec![v.name.clone(), v.aliases.join(" ")];
            w.extend([&v.phone, &v.email, &v.portal, &v.hours, &v.procedure].into_iter().flatten().cloned());
            for c in &v.contacts {
                w.push(c.name.clone());
                w.extend([&c.phone, &c.email].into_iter().flatten().cloned());
            }
            for c in contracts(reg, |c| c.supplier.eq_ignore_ascii_case(&v.name)) {
                w.push(c.number.clone());
                w.extend(c.services.iter().cloned());
            }
            with_digits(w.join(" "))
        }),
        RegistryTab::Contracts => reg
            .contracts()
            .get(i)
            .map(|c| format!("{} {} {} {} {}", c.number, c.supplier, c.services.join(" "), coverage(c), c.window)),
        RegistryTab::Calendars => reg.file().calendar.get(i).map(|c| format!("{} {}", c.name, c.timezone)),
    };
    crate::domain::registry::lookup::fold(&text.unwrap_or_default())
}

/// The text, and its phone numbers as digits only ("+31 85 000 1070" is also "31850001070" and
/// "0850001070"), so a number is found however it is typed.
fn with_digits(text: String) -> String {
    let mut out = text.clone();
    for run in text.split(|c: char| !(c.is_ascii_digit() || c == ' ' || c == '+')) {
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 8 {
            out.push_str(&format!(" {digits} +{digits}"));
            // The Dutch way of dialling it at home: 0 for +31.
            if let Some(national) = digits.strip_prefix("31") {
                out.push_str(" 0");
                out.push_str(national);
            }
        }
    }
    out
}

fn contracts(reg: &Registry, pick: impl Fn(&Contract) -> bool) -> Vec<&Contract> {
    reg.contracts().iter().filter(|c| pick(c)).collect()
}

fn coverage(c: &Contract) -> String {
    match &c.participants {
        crate::domain::registry::Coverage::All => "all".into(),
        crate::domain::registry::Coverage::Only(codes) => codes.join(", "),
    }
}

fn contract_line(c: &Contract) -> String {
    let until = c.valid_until.map(|d| d.to_string()).unwrap_or_else(|| "open-ended".into());
    format!("  {:<16}{:<24}{} → {until}  {}", c.number, c.supplier, c.valid_from, c.services.join(", "))
}
