//! Checking a registry file as a whole: references, duplicates, and contracts that would make
//! routing ambiguous.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use super::{Registry, RegistryFile, key};
use crate::domain::instant::local_text;
use crate::domain::routing::validity_span;
use crate::domain::sla::Calendar;
use crate::domain::{FieldError, Priority};

/// One problem in a registry, with the entry and field it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    /// The table, as in the file: `contract`, `supplier`, ...
    pub table: &'static str,
    /// Position of the entry in its table (0-based), if the error is in an entry.
    pub index: Option<usize>,
    /// The entry's name, code or number.
    pub entry: String,
    pub error: FieldError,
    /// The other entry of the same table it clashes with (the first holder of a name, the
    /// contract it is ambiguous with): position and name.
    pub other: Option<(usize, String)>,
    /// A name it refers to that no entry holds: the table it was looked for in, and the name.
    pub refers: Option<(&'static str, String)>,
}

impl RegistryError {
    fn new(table: &'static str, index: Option<usize>, entry: &str, error: FieldError) -> Self {
        RegistryError { table, index, entry: entry.to_string(), error, other: None, refers: None }
    }
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.entry.is_empty() {
            write!(f, "[{}] field {}: {}", self.table, self.error.field, self.error.message)
        } else {
            write!(f, "[[{}]] {:?}, field {}: {}", self.table, self.entry, self.error.field, self.error.message)
        }
    }
}

impl std::error::Error for RegistryError {}

struct Check {
    errors: Vec<RegistryError>,
    /// The names an unknown one may have been meant as, per table, for "did you mean".
    known: HashMap<&'static str, Vec<String>>,
}

/// ` (did you mean "x"?)` when one of `names` is close to `wanted`.
fn did_you_mean(wanted: &str, names: &[String]) -> String {
    match super::lookup::closest(wanted, names.iter().map(String::as_str), 1).first() {
        Some(n) => format!(" {}", crate::tr!("cli-config-did-you-mean", name = format!("{n:?}"))),
        None => String::new(),
    }
}

impl Check {
    fn push(
        &mut self,
        table: &'static str,
        index: usize,
        entry: &str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.errors.push(RegistryError::new(table, Some(index), entry, FieldError::new(field, message)));
    }

    /// An unknown `name` in `table`, referred to from an entry.
    fn unknown(&mut self, table: &'static str, index: usize, entry: &str, field: &str, of: &'static str, name: &str) {
        let hint = did_you_mean(name, self.known.get(of).map(Vec::as_slice).unwrap_or_default());
        let given = format!("{name:?}");
        let message = match of {
            "calendar" => crate::tr!("reg-unknown-calendar", given = given),
            "participant" => crate::tr!("desk-unknown-participant", given = given),
            "service" => crate::tr!("desk-unknown-service", given = given),
            "supplier" => crate::tr!("desk-unknown-supplier", given = given),
            _ => crate::tr!("desk-unknown", what = of, given = given),
        };
        self.push(table, index, entry, field, format!("{message}{hint}"));
        if let Some(e) = self.errors.last_mut() {
            e.refers = Some((of, name.to_string()));
        }
    }

    fn with_other(&mut self, other: usize, name: &str) {
        if let Some(e) = self.errors.last_mut() {
            e.other = Some((other, name.to_string()));
        }
    }

    /// Records `name` under its key unless another entry holds it already; `owner` names the
    /// entry at a position.
    #[allow(clippy::too_many_arguments)]
    fn unique(
        &mut self,
        map: &mut HashMap<String, usize>,
        table: &'static str,
        index: usize,
        entry: &str,
        field: &str,
        name: &str,
        owner: &dyn Fn(usize) -> String,
    ) {
        if name.trim().is_empty() {
            self.push(table, index, entry, field, crate::i18n::t("reg-must-not-be-empty"));
            return;
        }
        if let Some(&other) = map.get(&key(name)) {
            if other != index {
                let holder = owner(other);
                self.push(table, index, entry, field, used_by(table, name, &holder));
                self.with_other(other, &holder);
            }
            return;
        }
        map.insert(key(name), index);
    }
}

/// `"x" is already used by supplier "y"`: `name` is claimed by the entry `holder` of `table`.
fn used_by(table: &str, name: &str, holder: &str) -> String {
    let (name, holder) = (format!("{name:?}"), format!("{holder:?}"));
    match table {
        "participant" => crate::tr!("reg-used-by-participant", name = name, holder = holder),
        "service" => crate::tr!("reg-used-by-service", name = name, holder = holder),
        "supplier" => crate::tr!("reg-used-by-supplier", name = name, holder = holder),
        "contract" => crate::tr!("reg-used-by-contract", name = name, holder = holder),
        "calendar" => crate::tr!("reg-used-by-calendar", name = name, holder = holder),
        "solution" => crate::tr!("reg-used-by-solution", name = name, holder = holder),
        _ => crate::tr!("reg-used-by", name = name, table = table, holder = holder),
    }
}

/// How long a closed ticket may be reopened, at most.
const MAX_REOPEN_DAYS: u32 = 3650;

pub(super) fn build(mut file: RegistryFile) -> Result<Registry, Vec<RegistryError>> {
    trim_names(&mut file);
    let mut c = Check { errors: Vec::new(), known: known_names(&file) };

    let mut calendars: HashMap<String, Arc<Calendar>> = HashMap::new();
    calendars.insert("24x7".into(), Arc::new(Calendar::always_open()));
    // Calendars with an error of their own: said once, at the calendar, not again at every
    // entry that names one as unknown.
    let mut broken: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (i, spec) in file.calendar.iter().enumerate() {
        match spec.build() {
            Ok(cal) if calendars.contains_key(&key(&cal.name)) => {
                let name = format!("{:?}", cal.name);
                let why = if key(&cal.name) == "24x7" {
                    crate::tr!("reg-calendar-built-in", name = name)
                } else {
                    crate::tr!("reg-calendar-name-taken", name = name)
                };
                c.push("calendar", i, &spec.name, "name", why);
            }
            Ok(cal) => {
                calendars.insert(key(&cal.name), Arc::new(cal));
            }
            Err(e) => {
                broken.insert(key(&spec.name));
                c.errors.push(RegistryError::new("calendar", Some(i), &spec.name, e));
            }
        }
    }

    let s = &file.settings;
    let mut settings_error = |field: &str, message: String| {
        c.errors.push(RegistryError::new("settings", None, "", FieldError::new(field, message)))
    };
    for (field, why) in s.norms.problems() {
        settings_error(&field, why);
    }
    match calendars.get(&key(&s.helpdesk_calendar)).map(|cal| cal.timezone) {
        // 24x7 has no zone of its own: its days turn over where the helpdesk's do.
        Some(zone) => {
            calendars.insert("24x7".into(), Arc::new(Calendar::always_open_in(zone)));
        }
        None if broken.contains(&key(&s.helpdesk_calendar)) => {}
        None => {
            let hint = did_you_mean(&s.helpdesk_calendar, &c.known["calendar"]);
            let unknown = crate::tr!("reg-unknown-calendar", given = format!("{:?}", s.helpdesk_calendar));
            settings_error("helpdesk_calendar", format!("{unknown}{hint}"));
        }
    }
    if s.reopen_days > MAX_REOPEN_DAYS {
        settings_error(
            "reopen_days",
            crate::tr!("reg-reopen-days-too-many", days = s.reopen_days, max = MAX_REOPEN_DAYS),
        );
    }
    if let Some(m) = s.caller_retention_months
        && !(1..=240).contains(&m)
    {
        settings_error("caller_retention_months", crate::tr!("reg-retention-out-of-range", months = m));
    }
    if !(s.warning_at > 0.0 && s.warning_at <= 1.0) {
        settings_error("warning_at", crate::tr!("reg-warning-not-a-share", value = s.warning_at.to_string()));
    }
    for p in Priority::ALL {
        match s.agreement.get(&p) {
            None => settings_error(&format!("agreement.{p}"), crate::i18n::t("reg-agreement-needs-every-priority")),
            Some(t) if t.response.is_zero() || t.resolve.is_zero() => {
                settings_error(&format!("agreement.{p}"), crate::i18n::t("reg-target-zero"))
            }
            Some(_) => {}
        }
    }

    let named_calendar = |name: &str| calendars.contains_key(&key(name)) || broken.contains(&key(name));
    let Names { participants, services, suppliers, contracts } = names(&file, &mut c);
    for (i, p) in file.participant.iter().enumerate() {
        if p.code.chars().any(char::is_whitespace) {
            c.push("participant", i, &p.code, "code", crate::i18n::t("reg-code-has-spaces"));
        }
        if p.name.trim().is_empty() {
            c.push("participant", i, &p.code, "name", crate::i18n::t("reg-must-not-be-empty"));
        }
    }

    for (i, sup) in file.supplier.iter().enumerate() {
        if let Some(hours) = &sup.hours
            && !named_calendar(hours)
        {
            c.unknown("supplier", i, &sup.name, "hours", "calendar", hours);
        }
        for (k, contact) in sup.contacts.iter().enumerate() {
            let field = |f: &str| format!("contact[{}].{f}", k + 1);
            if contact.name.trim().is_empty() {
                c.push("supplier", i, &sup.name, field("name"), crate::i18n::t("reg-must-not-be-empty"));
            }
            if contact.role == super::ContactRole::Escalation && contact.level.is_none_or(|l| l == 0) {
                c.push("supplier", i, &sup.name, field("level"), crate::i18n::t("reg-escalation-needs-level"));
            }
            if let Some(email) = &contact.email
                && !email.contains('@')
            {
                let why = crate::tr!("rule-caller-bad-email", email = format!("{email:?}"));
                c.push("supplier", i, &sup.name, field("email"), why);
            }
        }
    }

    let mut titles: HashMap<String, usize> = HashMap::new();
    for (i, sol) in file.solution.iter().enumerate() {
        let t = sol.title.as_str();
        if t.trim().is_empty() {
            c.push("solution", i, t, "title", crate::i18n::t("reg-must-not-be-empty"));
        } else if let Some(&first) = titles.get(&key(t)) {
            c.push("solution", i, t, "title", crate::tr!("reg-solution-same-title", number = first + 1));
        } else {
            titles.insert(key(t), i);
        }
        if sol.steps.trim().is_empty() {
            c.push("solution", i, t, "steps", crate::i18n::t("reg-solution-needs-steps"));
        }
        for name in &sol.services {
            if !services.contains_key(&key(name)) {
                c.unknown("solution", i, t, "services", "service", name);
            }
        }
    }

    let mut by_service: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, con) in file.contract.iter().enumerate() {
        let n = con.number.as_str();
        if !suppliers.contains_key(&key(&con.supplier)) {
            c.unknown("contract", i, n, "supplier", "supplier", &con.supplier);
        }
        if con.services.is_empty() {
            c.push("contract", i, n, "services", crate::i18n::t("reg-contract-needs-service"));
        }
        for name in &con.services {
            match services.get(&key(name)) {
                Some(&svc) => by_service.entry(svc).or_default().push(i),
                None => c.unknown("contract", i, n, "services", "service", name),
            }
        }
        if let super::Coverage::Only(codes) = &con.participants {
            if codes.is_empty() {
                c.push("contract", i, n, "participants", crate::i18n::t("reg-contract-covers-nobody"));
            }
            for code in codes {
                if !participants.contains_key(&key(code)) {
                    c.unknown("contract", i, n, "participants", "participant", code);
                }
            }
        }
        if let Some(until) = con.valid_until
            && until < con.valid_from
        {
            let why =
                crate::tr!("reg-valid-until-before-from", until = until.to_string(), from = con.valid_from.to_string());
            c.push("contract", i, n, "valid_until", why);
        }
        if !named_calendar(&con.window) {
            c.unknown("contract", i, n, "window", "calendar", &con.window);
        }
        for (field, why) in con.norms.problems() {
            c.push("contract", i, n, field, why);
        }
        for p in Priority::ALL {
            match con.sla.get(&p) {
                None => c.push("contract", i, n, format!("sla.{p}"), crate::i18n::t("reg-contract-needs-targets")),
                Some(t) if t.response.is_zero() => {
                    c.push("contract", i, n, format!("sla.{p}.response"), crate::i18n::t("reg-target-zero"))
                }
                Some(t) if t.resolve.is_zero() => {
                    c.push("contract", i, n, format!("sla.{p}.resolve"), crate::i18n::t("reg-target-zero"))
                }
                Some(_) => {}
            }
        }
    }
    for list in by_service.values_mut() {
        list.dedup();
    }
    let helpdesk_zone = calendars.get(&key(&s.helpdesk_calendar)).map(|cal| cal.timezone).unwrap_or(chrono_tz::UTC);
    let zone_of = |con: &super::Contract| {
        let window = calendars.get(&key(&con.window)).map(|cal| cal.timezone);
        crate::domain::routing::validity_zone(window, helpdesk_zone)
    };
    check_ambiguity(&file, &by_service, &zone_of, helpdesk_zone, &mut c);

    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    canonical_names(&mut file, [&participants, &services, &suppliers], &calendars);
    let folded = [super::folded(&participants), super::folded(&services), super::folded(&suppliers)];
    Ok(Registry {
        file,
        calendars,
        participants,
        services,
        suppliers,
        contracts,
        contracts_by_service: by_service,
        folded,
        short_queries: Default::default(),
    })
}

/// Names, codes and numbers without the spaces a spreadsheet leaves around them: " Printen" is
/// "Printen", in the entry and wherever it is named.
fn trim_names(file: &mut RegistryFile) {
    fn trim(text: &mut String) {
        if text.trim().len() != text.len() {
            *text = text.trim().to_string();
        }
    }
    let trim_all = |list: &mut Vec<String>| list.iter_mut().for_each(trim);
    trim(&mut file.settings.helpdesk_calendar);
    file.calendar.iter_mut().for_each(|c| trim(&mut c.name));
    file.participant.iter_mut().for_each(|p| trim(&mut p.code));
    for s in &mut file.service {
        trim(&mut s.name);
        trim_all(&mut s.aliases);
    }
    for s in &mut file.supplier {
        trim(&mut s.name);
        trim_all(&mut s.aliases);
        if let Some(h) = &mut s.hours {
            trim(h);
        }
    }
    for c in &mut file.contract {
        trim(&mut c.number);
        trim(&mut c.supplier);
        trim(&mut c.window);
        trim_all(&mut c.services);
        if let super::Coverage::Only(codes) = &mut c.participants {
            trim_all(codes);
        }
    }
    for s in &mut file.solution {
        trim(&mut s.title);
        trim_all(&mut s.services);
    }
}

/// Every name, alias and code an entry may refer to, per table.
fn known_names(file: &RegistryFile) -> HashMap<&'static str, Vec<String>> {
    let with_aliases = |name: &String, aliases: &[String]| std::iter::once(name.clone()).chain(aliases.to_vec());
    let mut calendars: Vec<String> = file.calendar.iter().map(|c| c.name.clone()).collect();
    calendars.push("24x7".into());
    HashMap::from([
        ("calendar", calendars),
        ("participant", file.participant.iter().map(|p| p.code.clone()).collect()),
        ("service", file.service.iter().flat_map(|s| with_aliases(&s.name, &s.aliases)).collect()),
        ("supplier", file.supplier.iter().flat_map(|s| with_aliases(&s.name, &s.aliases)).collect()),
    ])
}

struct Names {
    participants: HashMap<String, usize>,
    services: HashMap<String, usize>,
    suppliers: HashMap<String, usize>,
    contracts: HashMap<String, usize>,
}

/// Every code, name, alias and number must be unique within its table.
fn names(file: &RegistryFile, c: &mut Check) -> Names {
    let mut n = Names {
        participants: HashMap::new(),
        services: HashMap::new(),
        suppliers: HashMap::new(),
        contracts: HashMap::new(),
    };
    let owner = |i: usize| file.participant[i].code.clone();
    for (i, p) in file.participant.iter().enumerate() {
        c.unique(&mut n.participants, "participant", i, &p.code, "code", &p.code, &owner);
    }
    let owner = |i: usize| file.service[i].name.clone();
    for (i, svc) in file.service.iter().enumerate() {
        c.unique(&mut n.services, "service", i, &svc.name, "name", &svc.name, &owner);
        for alias in &svc.aliases {
            c.unique(&mut n.services, "service", i, &svc.name, "aliases", alias, &owner);
        }
    }
    let owner = |i: usize| file.supplier[i].name.clone();
    for (i, sup) in file.supplier.iter().enumerate() {
        c.unique(&mut n.suppliers, "supplier", i, &sup.name, "name", &sup.name, &owner);
        for alias in &sup.aliases {
            c.unique(&mut n.suppliers, "supplier", i, &sup.name, "aliases", alias, &owner);
        }
    }
    let owner = |i: usize| file.contract[i].number.clone();
    for (i, con) in file.contract.iter().enumerate() {
        c.unique(&mut n.contracts, "contract", i, &con.number, "number", &con.number, &owner);
    }
    n
}

/// Entries of one file that claim the same key (an import merges by key, which would hide them).
pub fn duplicates(file: &RegistryFile) -> Vec<RegistryError> {
    let mut c = Check { errors: Vec::new(), known: HashMap::new() };
    names(file, &mut c);
    let mut calendars = HashMap::new();
    let owner = |i: usize| file.calendar[i].name.clone();
    for (i, cal) in file.calendar.iter().enumerate() {
        c.unique(&mut calendars, "calendar", i, &cal.name, "name", &cal.name, &owner);
    }
    let mut titles = HashMap::new();
    let owner = |i: usize| file.solution[i].title.clone();
    for (i, sol) in file.solution.iter().enumerate() {
        c.unique(&mut titles, "solution", i, &sol.title, "title", &sol.title, &owner);
    }
    c.errors
}

/// Participants, services and suppliers whose codes, names or aliases differ only in accents
/// (`noel & celik` beside `Noël & Çelik`): lookups ignore accents and could not tell them
/// apart. Only clashes that involve an entry `new(table, name)` says a file brings count, so
/// that an older pair does not block every later import.
pub(super) fn accent_clashes(file: &RegistryFile, new: &dyn Fn(&str, &str) -> bool) -> Vec<RegistryError> {
    let mut errors = Vec::new();
    let mut check = |table: &'static str, names: Vec<(usize, String, String)>| {
        let mut seen: HashMap<String, (usize, String, String)> = HashMap::new();
        for (i, name, entry) in names {
            let folded = super::lookup::fold(name.trim());
            match seen.get(&folded) {
                Some((j, held, holder)) if key(held) != key(&name) && (new(table, &entry) || new(table, holder)) => {
                    let field = if key(&name) == key(&entry) { "name" } else { "aliases" };
                    let why = used_by(table, &name, holder);
                    let mut e = RegistryError::new(table, Some(i), &entry, FieldError::new(field, why));
                    e.other = Some((*j, holder.clone()));
                    errors.push(e);
                }
                Some(_) => {}
                None => {
                    seen.insert(folded, (i, name, entry));
                }
            }
        }
    };
    let with_aliases = |i: usize, name: &String, aliases: &[String]| {
        std::iter::once(name.clone())
            .chain(aliases.iter().cloned())
            .map(move |n| (i, n, name.clone()))
            .collect::<Vec<_>>()
    };
    check(
        "participant",
        file.participant.iter().enumerate().map(|(i, p)| (i, p.code.clone(), p.code.clone())).collect(),
    );
    check("service", file.service.iter().enumerate().flat_map(|(i, s)| with_aliases(i, &s.name, &s.aliases)).collect());
    check(
        "supplier",
        file.supplier.iter().enumerate().flat_map(|(i, s)| with_aliases(i, &s.name, &s.aliases)).collect(),
    );
    errors
}

/// References by alias or in another case are stored as the names they point to, so that every
/// view (the supplier's card, an override, reports, `export`) finds the contract.
fn canonical_names(
    file: &mut RegistryFile,
    [by_code, by_service, by_supplier]: [&HashMap<String, usize>; 3],
    calendars: &HashMap<String, Arc<Calendar>>,
) {
    let calendar = |name: &mut String| {
        if let Some(cal) = calendars.get(&key(name)) {
            *name = cal.name.clone();
        }
    };
    calendar(&mut file.settings.helpdesk_calendar);
    for sup in &mut file.supplier {
        if let Some(hours) = &mut sup.hours {
            calendar(hours);
        }
    }
    let (participants, services, suppliers) = (&file.participant, &file.service, &file.supplier);
    for con in &mut file.contract {
        calendar(&mut con.window);
        if let Some(&i) = by_supplier.get(&key(&con.supplier)) {
            con.supplier = suppliers[i].name.clone();
        }
        let mut names: Vec<String> = Vec::new();
        for s in &con.services {
            let name = by_service.get(&key(s)).map(|&i| services[i].name.clone()).unwrap_or_else(|| s.clone());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        con.services = names;
        if let super::Coverage::Only(codes) = &mut con.participants {
            for code in codes.iter_mut() {
                if let Some(&i) = by_code.get(&key(code)) {
                    *code = participants[i].code.clone();
                }
            }
            let mut seen = std::collections::HashSet::new();
            codes.retain(|code| seen.insert(key(code)));
        }
    }
    for sol in &mut file.solution {
        let mut names: Vec<String> = Vec::new();
        for s in &sol.services {
            let name = by_service.get(&key(s)).map(|&i| services[i].name.clone()).unwrap_or_else(|| s.clone());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        sol.services = names;
    }
}

/// Two contracts that are equally specific for the same service and participant, valid at the
/// same instant, would make routing depend on chance: refused. Validity is judged on instants,
/// because two contracts whose dates turn over in different zones overlap for some hours.
fn check_ambiguity(
    file: &RegistryFile,
    by_service: &HashMap<usize, Vec<usize>>,
    zone_of: &dyn Fn(&super::Contract) -> chrono_tz::Tz,
    helpdesk_zone: chrono_tz::Tz,
    c: &mut Check,
) {
    let mut reported = std::collections::HashSet::new();
    let mut services: Vec<_> = by_service.iter().collect();
    services.sort_by_key(|(s, _)| **s);
    for (&svc, list) in services {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let (ca, cb) = (&file.contract[a], &file.contract[b]);
                if ca.participants.specificity() != cb.participants.specificity() {
                    continue;
                }
                let Some((from, until)) = overlap(ca, zone_of(ca), cb, zone_of(cb)) else {
                    continue;
                };
                // The participant both cover, or none when both cover all participants.
                let shared: Option<String> = match (&ca.participants, &cb.participants) {
                    (super::Coverage::Only(pa), super::Coverage::Only(pb)) => {
                        match pa.iter().find(|p| pb.iter().any(|q| key(q) == key(p))) {
                            Some(p) => Some(p.clone()),
                            None => continue,
                        }
                    }
                    _ => None,
                };
                if reported.insert((a.min(b), a.max(b))) {
                    // People read times on the helpdesk's clock.
                    let zone = helpdesk_zone;
                    let (first, second) = (ca.number.as_str(), cb.number.as_str());
                    let service = format!("{:?}", file.service[svc].name);
                    let since = local_text(from, zone);
                    let why = match (shared, until) {
                        (Some(p), Some(u)) => crate::tr!(
                            "reg-ambiguous-participant-until",
                            a = first,
                            b = second,
                            service = service,
                            participant = p,
                            from = since,
                            until = local_text(u, zone)
                        ),
                        (Some(p), None) => crate::tr!(
                            "reg-ambiguous-participant-open",
                            a = first,
                            b = second,
                            service = service,
                            participant = p,
                            from = since
                        ),
                        (None, Some(u)) => crate::tr!(
                            "reg-ambiguous-all-until",
                            a = first,
                            b = second,
                            service = service,
                            from = since,
                            until = local_text(u, zone)
                        ),
                        (None, None) => {
                            crate::tr!("reg-ambiguous-all-open", a = first, b = second, service = service, from = since)
                        }
                    };
                    c.push("contract", b, &cb.number, "services", why);
                    c.with_other(a, &ca.number);
                }
            }
        }
    }
}

type Instant = chrono::DateTime<chrono::Utc>;

/// The instants at which both contracts are valid, if any.
fn overlap(
    a: &super::Contract,
    a_zone: chrono_tz::Tz,
    b: &super::Contract,
    b_zone: chrono_tz::Tz,
) -> Option<(Instant, Option<Instant>)> {
    let (a_from, a_until) = validity_span(a, a_zone);
    let (b_from, b_until) = validity_span(b, b_zone);
    let from = a_from.max(b_from);
    let until = match (a_until, b_until) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    until.is_none_or(|u| from < u).then_some((from, until))
}
