//! One registry entry in full, and the words it is found by: what the registry file says of it,
//! and what follows from the rest of the registry (which contracts cover it, whom to escalate to).

use chrono::NaiveDate;

use super::RegistryTab;
use crate::domain::Registry;
use crate::domain::registry::Contract;

/// Everything the entry `i` of `tab` holds, a line per field.
pub fn detail(reg: &Registry, tab: RegistryTab, i: usize, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    // A field's name in its column, and its value; a name too long for the column keeps a space.
    let mut field = |name: String, value: &str| {
        if !value.is_empty() {
            out.push(format!("{name:<13} {value}"));
        }
    };
    match tab {
        RegistryTab::Participants => {
            let Some(p) = reg.participants().get(i) else { return vec![] };
            field(crate::i18n::t("registry-field-code"), &p.code);
            field(crate::i18n::t("registry-field-name"), &p.name);
            field(crate::i18n::t("registry-field-kind"), p.kind.as_deref().unwrap_or(""));
            field(crate::i18n::t("registry-field-locations"), &p.locations.join(", "));
            let covering = contracts(reg, |c| c.participants.covers(&p.code));
            out.push(String::new());
            out.push(crate::tr!("registry-contracts-covering", code = p.code.as_str(), n = covering.len()));
            out.extend(covering.iter().map(|c| contract_line(c)));
        }
        RegistryTab::Services => {
            let Some(v) = reg.services().get(i) else { return vec![] };
            field(crate::i18n::t("registry-field-name"), &v.name);
            field(crate::i18n::t("registry-field-category"), v.category.as_deref().unwrap_or(""));
            field(crate::i18n::t("registry-field-aliases"), &v.aliases.join(", "));
            field(crate::i18n::t("registry-field-keywords"), &v.keywords.join(", "));
            let covering = contracts(reg, |c| c.services.iter().any(|s| s.eq_ignore_ascii_case(&v.name)));
            out.push(String::new());
            out.push(crate::tr!("registry-contracts-for", name = v.name.as_str(), n = covering.len()));
            out.extend(covering.iter().map(|c| contract_line(c)));
        }
        RegistryTab::Suppliers => {
            let Some(v) = reg.suppliers().get(i) else { return vec![] };
            let hours = v.hours.clone().unwrap_or_else(|| crate::i18n::t("registry-unknown"));
            field(crate::i18n::t("registry-field-name"), &v.name);
            field(crate::i18n::t("registry-field-aliases"), &v.aliases.join(", "));
            field(crate::i18n::t("registry-field-phone"), v.phone.as_deref().unwrap_or(""));
            field(crate::i18n::t("registry-field-email"), v.email.as_deref().unwrap_or(""));
            field(crate::i18n::t("registry-field-portal"), v.portal.as_deref().unwrap_or(""));
            field(crate::i18n::t("registry-field-hours"), &hours);
            field(crate::i18n::t("registry-field-procedure"), v.procedure.as_deref().unwrap_or(""));
            out.push(String::new());
            out.push(crate::tr!("registry-contacts", n = v.contacts.len()));
            for c in &v.contacts {
                let role = match (c.role, c.level) {
                    (crate::domain::registry::ContactRole::Escalation, Some(l)) => {
                        crate::tr!("registry-role-escalation-level", level = l)
                    }
                    (role, _) => role_name(role),
                };
                let reach: Vec<&str> = [c.phone.as_deref(), c.email.as_deref()].into_iter().flatten().collect();
                out.push(format!("  {role:<16}{}  {}", c.name, reach.join("  ")));
            }
            let theirs = contracts(reg, |c| c.supplier.eq_ignore_ascii_case(&v.name));
            out.push(String::new());
            out.push(crate::tr!("registry-contracts", n = theirs.len()));
            out.extend(theirs.iter().map(|c| contract_line(c)));
        }
        RegistryTab::Contracts => {
            let Some(c) = reg.contracts().get(i) else { return vec![] };
            field(crate::i18n::t("registry-field-number"), &c.number);
            field(crate::i18n::t("registry-field-supplier"), &c.supplier);
            field(crate::i18n::t("registry-field-services"), &c.services.join(", "));
            field(crate::i18n::t("registry-field-participants"), &coverage(c));
            let until = c.valid_until.map(|d| d.to_string()).unwrap_or_else(|| crate::i18n::t("registry-open-ended"));
            field(crate::i18n::t("registry-field-valid"), &format!("{} → {until}", c.valid_from));
            let notice = crate::tr!("registry-notice-months", n = c.notice_months);
            field(crate::i18n::t("registry-field-notice"), &notice);
            let watch = crate::domain::report::contract_watch(reg, today, 3650);
            if let Some(w) = watch.contracts.iter().find(|w| w.contract == c.number) {
                let line = crate::ui::screens::regie::view::watch_line(w);
                field(
                    crate::i18n::t("registry-field-watch"),
                    line.split_once(": ").map_or(line.as_str(), |(_, rest)| rest),
                );
            }
            field(crate::i18n::t("registry-field-window"), &c.window);
            out.push(String::new());
            out.push(format!(
                "{:<14}{:<16}{}",
                crate::i18n::t("registry-col-priority"),
                crate::i18n::t("registry-col-respond-within"),
                crate::i18n::t("registry-col-resolve-within")
            ));
            for (p, t) in &c.sla {
                out.push(format!("  {:<12}{:<16}{}", p.to_string(), t.response.to_string(), t.resolve));
            }
            if !c.norms.is_empty() {
                out.push(String::new());
                out.push(crate::i18n::t("registry-norms"));
                let n = &c.norms;
                let mut floor = |what: String, v: Option<f64>, unit: &str| {
                    if let Some(v) = v {
                        out.push(format!("  {what:<24}≥ {}{unit}", number(v)));
                    }
                };
                floor(crate::i18n::t("registry-norm-response"), n.response_met_pct, " %");
                floor(crate::i18n::t("registry-norm-resolution"), n.resolution_met_pct, " %");
                floor(crate::i18n::t("registry-norm-satisfaction"), n.satisfaction, "");
                for p in crate::domain::Priority::ALL {
                    if let Some(pn) = n.of(p) {
                        let priority = p.to_string();
                        let response = crate::tr!("registry-norm-priority-response", priority = priority.as_str());
                        floor(response, pn.response_met_pct, " %");
                        let resolution = crate::tr!("registry-norm-priority-resolution", priority = priority.as_str());
                        floor(resolution, pn.resolution_met_pct, " %");
                    }
                }
            }
        }
        RegistryTab::Calendars => {
            let Some(c) = reg.file().calendar.get(i) else { return vec![] };
            field(crate::i18n::t("registry-field-name"), &c.name);
            field(crate::i18n::t("registry-field-timezone"), &c.timezone);
            out.push(String::new());
            out.push(crate::i18n::t("registry-calendar-open"));
            for day in WEEK {
                let hours = c.week.get(day).map(|h| h.join(", ")).unwrap_or_else(|| crate::i18n::t("registry-closed"));
                out.push(format!("  {:<12}{hours}", day_name(day)));
            }
            let h = &c.holidays;
            if h.country.is_some() || !h.dates.is_empty() || !h.except.is_empty() {
                out.push(String::new());
                out.push(crate::i18n::t("registry-holidays"));
                if let Some(country) = &h.country {
                    let quoted = format!("{country:?}");
                    out.push(crate::tr!("registry-holidays-built-in", quoted = quoted, country = country.as_str()));
                }
                if !h.dates.is_empty() {
                    out.push(crate::tr!("registry-holidays-also", dates = h.dates.join(", ")));
                }
                if !h.except.is_empty() {
                    out.push(crate::tr!("registry-holidays-except", dates = h.except.join(", ")));
                }
            }
        }
    }
    out
}

/// A number as the current language writes it (a decimal comma in Dutch), no more digits than
/// it has.
fn number(v: f64) -> String {
    let text = v.to_string();
    if crate::i18n::lang() == crate::i18n::Lang::Nl { text.replace('.', ",") } else { text }
}

/// A contact's role as the agent reads it in the entry in full.
fn role_name(role: crate::domain::registry::ContactRole) -> String {
    use crate::domain::registry::ContactRole;
    crate::i18n::t(match role {
        ContactRole::ServiceDesk => "registry-role-service-desk",
        ContactRole::AccountManager => "registry-role-account-manager",
        ContactRole::Escalation => "registry-role-escalation",
        ContactRole::Other => "registry-role-other",
    })
}

/// A day of the week, by the registry file's name for it (`mon`), in full ("Monday").
pub fn day_name(day: &str) -> String {
    match day {
        "mon" => crate::i18n::t("registry-day-mon"),
        "tue" => crate::i18n::t("registry-day-tue"),
        "wed" => crate::i18n::t("registry-day-wed"),
        "thu" => crate::i18n::t("registry-day-thu"),
        "fri" => crate::i18n::t("registry-day-fri"),
        "sat" => crate::i18n::t("registry-day-sat"),
        "sun" => crate::i18n::t("registry-day-sun"),
        other => other.to_string(),
    }
}

/// A day of the week, by the registry file's name for it, short ("mon", "ma").
pub fn day_short(day: &str) -> String {
    match day {
        "mon" => crate::i18n::t("registry-day-short-mon"),
        "tue" => crate::i18n::t("registry-day-short-tue"),
        "wed" => crate::i18n::t("registry-day-short-wed"),
        "thu" => crate::i18n::t("registry-day-short-thu"),
        "fri" => crate::i18n::t("registry-day-short-fri"),
        "sat" => crate::i18n::t("registry-day-short-sat"),
        "sun" => crate::i18n::t("registry-day-short-sun"),
        other => other.to_string(),
    }
}

/// The days of the week in the order of the week, as the registry file names them; people read
/// them as [`day_name`] and [`day_short`] say.
pub const WEEK: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

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
        crate::domain::registry::Coverage::All => crate::i18n::t("registry-coverage-all"),
        crate::domain::registry::Coverage::Only(codes) => codes.join(", "),
    }
}

fn contract_line(c: &Contract) -> String {
    let until = c.valid_until.map(|d| d.to_string()).unwrap_or_else(|| crate::i18n::t("registry-open-ended"));
    format!("  {:<16}{:<24}{} → {until}  {}", c.number, c.supplier, c.valid_from, c.services.join(", "))
}
