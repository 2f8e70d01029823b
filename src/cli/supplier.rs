//! `spoc supplier find QUERY`: "who do we call?" in the shell.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CmdResult, json, out};
use crate::desk::{DeskApi, SupplierCard};
use crate::domain::registry::lookup::{Hit, HitKind};
use crate::domain::sanitize_line;
use crate::i18n::t;

#[derive(Serialize)]
struct Found {
    hit: Hit,
    card: Option<SupplierCard>,
}

pub fn find(desk: &dyn DeskApi, query: &str, limit: usize, as_json: bool) -> CmdResult {
    let hits = desk.lookup(query.to_string(), limit)?;
    let found: Vec<Found> = hits
        .into_iter()
        .map(|hit| {
            let card = hit.supplier.as_deref().and_then(|s| desk.supplier_card(s.to_string()).ok().map(|j| j.0));
            Found { hit, card }
        })
        .collect();
    if as_json {
        return json(&found);
    }
    if found.is_empty() {
        let query = format!("{:?}", sanitize_line(query));
        return out(&format!("{}\n", crate::tr!("cli-supplier-nothing-matches", query = query)));
    }
    let now = desk.now();
    let reg = desk.registry()?;
    // The kinds' column fits the longest kind in the language read; the steps and cards below
    // a hit start where its name does.
    let kinds = [HitKind::Supplier, HitKind::Service, HitKind::Contract, HitKind::Contact, HitKind::Solution];
    let width = kinds.iter().map(|k| crate::present::hit_kind(*k).chars().count() + 1).max().unwrap_or(0).max(9);
    let indent = " ".repeat(width);
    let mut s = String::new();
    let mut shown: Vec<&str> = Vec::new();
    for f in &found {
        let what = crate::present::hit_kind(f.hit.kind);
        let matched = if f.hit.matched != f.hit.name {
            format!(" {}", crate::tr!("cli-supplier-matched", text = format!("{:?}", f.hit.matched)))
        } else {
            String::new()
        };
        s.push_str(&format!("{what:<width$}{}{}", sanitize_line(&f.hit.name), sanitize_line(&matched)));
        match &f.card {
            None if f.hit.kind == HitKind::Solution => {
                s.push_str(&format!(" → {}\n", t("cli-supplier-solve-on-the-line")));
                if let Some(sol) = reg.solution(&f.hit.name) {
                    for step in sol.steps.lines() {
                        s.push_str(&format!("{indent}{}\n", sanitize_line(step)));
                    }
                }
            }
            None => s.push_str(&format!(" → {}\n", t("cli-supplier-no-contract"))),
            Some(c) if shown.contains(&c.supplier.name.as_str()) => {
                let name = sanitize_line(&c.supplier.name);
                s.push_str(&format!(" → {}\n", crate::tr!("cli-supplier-see-above", supplier = name)));
            }
            Some(c) => {
                s.push_str(&format!(" → {}\n", sanitize_line(&c.supplier.name)));
                s.push_str(&card_lines(c, now, &indent));
                shown.push(&c.supplier.name);
            }
        }
    }
    out(&s)
}

fn card_lines(c: &SupplierCard, now: DateTime<Utc>, indent: &str) -> String {
    let sup = &c.supplier;
    let mut s = String::new();
    let mut line = |k: &str, v: &str| s.push_str(&format!("{indent}{k:<18}{}\n", sanitize_line(v)));
    if let Some(p) = &sup.phone {
        line(&t("lookup-phone"), p);
    }
    if let Some(e) = &sup.email {
        line(&t("lookup-email"), e);
    }
    if let Some(p) = &sup.portal {
        line(&t("lookup-portal"), p);
    }
    line(&t("cli-supplier-desk"), &crate::present::desk_hours(c, now));
    for contact in &sup.contacts {
        let level = contact.level.map(|l| format!(" {l}")).unwrap_or_default();
        let reach =
            [contact.phone.as_deref(), contact.email.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        line(&format!("{}{level}", crate::present::contact_role(contact.role)), &format!("{} {reach}", contact.name));
    }
    for k in c.contracts.iter().filter(|k| c.valid_now.contains(&k.number)) {
        let whom = match &k.participants {
            crate::domain::registry::Coverage::All => t("lookup-all-participants"),
            crate::domain::registry::Coverage::Only(codes) => codes.join(", "),
        };
        let services = k.services.join(", ");
        line(
            &t("cli-supplier-contract"),
            &crate::tr!("cli-supplier-covers", number = k.number.as_str(), whom = whom, services = services),
        );
    }
    if let Some(p) = &sup.procedure {
        line(&t("cli-supplier-procedure"), p.lines().next().unwrap_or(""));
    }
    for m in &c.majors {
        line(&t("cli-supplier-major"), &crate::present::major_line(m, false));
    }
    s
}
