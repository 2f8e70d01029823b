//! `spoc supplier find QUERY`: "who do we call?" in the shell.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CmdResult, json, out};
use crate::desk::{DeskApi, SupplierCard};
use crate::domain::registry::lookup::{Hit, HitKind};
use crate::domain::sanitize_line;

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
        return out(&format!("nothing matches {:?}\n", sanitize_line(query)));
    }
    let now = desk.now();
    let reg = desk.registry()?;
    let mut s = String::new();
    let mut shown: Vec<&str> = Vec::new();
    for f in &found {
        let what = f.hit.kind.as_str();
        let matched =
            if f.hit.matched != f.hit.name { format!(" (matched {:?})", f.hit.matched) } else { String::new() };
        s.push_str(&format!("{what:<9}{}{}", sanitize_line(&f.hit.name), sanitize_line(&matched)));
        match &f.card {
            None if f.hit.kind == HitKind::Solution => {
                s.push_str(" → solve it on the line\n");
                if let Some(sol) = reg.solution(&f.hit.name) {
                    for step in sol.steps.lines() {
                        s.push_str(&format!("         {}\n", sanitize_line(step)));
                    }
                }
            }
            None => s.push_str(" → no supplier: no valid contract\n"),
            Some(c) if shown.contains(&c.supplier.name.as_str()) => {
                s.push_str(&format!(" → {} (see above)\n", sanitize_line(&c.supplier.name)));
            }
            Some(c) => {
                s.push_str(&format!(" → {}\n", sanitize_line(&c.supplier.name)));
                s.push_str(&card_lines(c, now));
                shown.push(&c.supplier.name);
            }
        }
    }
    out(&s)
}

fn card_lines(c: &SupplierCard, now: DateTime<Utc>) -> String {
    let sup = &c.supplier;
    let mut s = String::new();
    let mut line = |k: &str, v: &str| s.push_str(&format!("         {k:<16}{}\n", sanitize_line(v)));
    if let Some(p) = &sup.phone {
        line("phone", p);
    }
    if let Some(e) = &sup.email {
        line("email", e);
    }
    if let Some(p) = &sup.portal {
        line("portal", p);
    }
    line("desk", &crate::present::desk_hours(c, now));
    for contact in &sup.contacts {
        let level = contact.level.map(|l| format!(" {l}")).unwrap_or_default();
        let reach =
            [contact.phone.as_deref(), contact.email.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        line(&format!("{}{level}", contact.role.as_str()), &format!("{} {reach}", contact.name));
    }
    for k in c.contracts.iter().filter(|k| c.valid_now.contains(&k.number)) {
        let whom = match &k.participants {
            crate::domain::registry::Coverage::All => "all participants".to_string(),
            crate::domain::registry::Coverage::Only(codes) => codes.join(", "),
        };
        line("contract", &format!("{} covers {whom}: {}", k.number, k.services.join(", ")));
    }
    if let Some(p) = &sup.procedure {
        line("procedure", p.lines().next().unwrap_or(""));
    }
    for m in &c.majors {
        line("MAJOR INCIDENT", &crate::present::major_line(m, false));
    }
    s
}
