//! `spoc caller find|show|add`, `spoc import callers.csv`, and `spoc privacy purge|export`.

use std::path::Path;

use super::{CmdResult, Failure, json, out};
use crate::desk::DeskApi;
use crate::desk::views::TicketRow;
use crate::domain::caller::Caller;
use crate::domain::sanitize_line;
use crate::i18n::t;

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Their full name.
    #[arg(long)]
    pub name: String,
    /// The participant they work at: its code or name.
    #[arg(long)]
    pub participant: String,
    /// Phone number, as people dial it.
    #[arg(long)]
    pub phone: Option<String>,
    /// Email address.
    #[arg(long)]
    pub email: Option<String>,
    /// Where they work: a building, school or office.
    #[arg(long)]
    pub location: Option<String>,
    /// The participant's own id for them (HR system or directory).
    #[arg(long)]
    pub directory_id: Option<String>,
    /// Print the saved caller as JSON.
    #[arg(long)]
    pub json: bool,
}

fn line(c: &Caller) -> String {
    let reach = [c.phone.as_deref(), c.email.as_deref(), c.location.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    sanitize_line(&format!("{:>6}  {:<28} {:<6} {reach}", c.id, c.name, c.participant)).into_owned() + "\n"
}

pub fn find(desk: &dyn DeskApi, query: String, participant: Option<String>, limit: usize, as_json: bool) -> CmdResult {
    let found = desk.find_callers(query.clone(), participant, limit)?;
    if as_json {
        return json(&found);
    }
    // As `supplier find`: finding nothing is an answer, not a mistake.
    if found.is_empty() {
        return out(&format!("{}\n", crate::tr!("cli-caller-none-fits-add", query = format!("{query:?}"))));
    }
    out(&found.iter().map(line).collect::<String>())
}

fn rows(title: &str, list: &[TicketRow], tz: chrono_tz::Tz) -> String {
    let mut s = format!("{title}\n");
    if list.is_empty() {
        s.push_str("  -\n");
    }
    for r in list {
        let at = crate::domain::instant::local_text(r.created_at, tz);
        s.push_str(&format!(
            "  #{:<6} {} {:<20} {:<10} {}\n",
            r.id,
            r.priority,
            crate::present::status_name(r.status),
            at,
            sanitize_line(&r.title)
        ));
    }
    s
}

pub fn show(desk: &dyn DeskApi, id: u64, as_json: bool) -> CmdResult {
    let card = desk.caller_card(id)?;
    if as_json {
        return json(&card);
    }
    let c = &card.caller;
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let field = |k: &str, v: Option<&str>| format!("{k:<14}{}\n", sanitize_line(v.unwrap_or("-")));
    let participant = match &card.participant_name {
        Some(n) => format!("{} ({n})", c.participant),
        None => c.participant.clone(),
    };
    let mut s = format!("{}\n\n", crate::tr!("cli-caller-header", id = c.id, name = sanitize_line(&c.name)));
    s.push_str(&field(&t("cli-caller-participant"), Some(&participant)));
    s.push_str(&field(&t("cli-caller-phone"), c.phone.as_deref()));
    s.push_str(&field(&t("cli-caller-email"), c.email.as_deref()));
    s.push_str(&field(&t("cli-caller-location"), c.location.as_deref()));
    s.push_str(&field(&t("cli-caller-directory-id"), c.directory_id.as_deref()));
    s.push('\n');
    s.push_str(&rows(&crate::tr!("cli-caller-open-tickets", n = card.open.len()), &card.open, tz));
    s.push_str(&rows(&crate::tr!("cli-caller-recent-tickets", n = card.tickets), &card.recent, tz));
    out(&s)
}

pub fn add(desk: &dyn DeskApi, a: AddArgs) -> CmdResult {
    let caller = Caller {
        id: 0,
        name: a.name,
        phone: a.phone,
        email: a.email,
        participant: a.participant,
        location: a.location,
        directory_id: a.directory_id,
    };
    let saved = desk.save_caller(caller)?;
    if a.json {
        return json(&saved);
    }
    let label = sanitize_line(&saved.label()).into_owned();
    out(&format!("{}\n", crate::tr!("cli-caller-saved", id = saved.id, label = label)))
}

pub fn import(desk: &dyn DeskApi, path: &Path, text: String, as_json: bool) -> CmdResult {
    let summary = desk.import_callers(path.display().to_string(), text)?;
    if as_json {
        return json(&summary);
    }
    let text = crate::tr!(
        "cli-callers-imported",
        file = path.display().to_string(),
        added = summary.added,
        updated = summary.updated,
        unchanged = summary.unchanged
    );
    out(&format!("{text}\n"))
}

pub fn purge(desk: &dyn DeskApi, dry_run: bool, as_json: bool) -> CmdResult {
    let summary = desk.purge_callers(dry_run)?;
    if as_json {
        return json(&summary);
    }
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let before = crate::domain::instant::local_text(summary.closed_before, tz);
    let (n, months) = (summary.tickets.len(), summary.months);
    let said = if dry_run {
        crate::tr!("cli-purge-would-remove", n = n, before = before, months = months)
    } else {
        crate::tr!("cli-purge-removed", n = n, before = before, months = months)
    };
    let mut s = format!("{said}\n");
    if dry_run && !summary.tickets.is_empty() {
        let ids: Vec<String> = summary.tickets.iter().take(50).map(|id| format!("#{id}")).collect();
        let more = summary.tickets.len().saturating_sub(50);
        s.push_str(&format!(
            "  {}{}\n",
            ids.join(" "),
            if more > 0 { format!(" {}", crate::tr!("cli-purge-more", n = more)) } else { String::new() }
        ));
    }
    out(&s)
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The caller's number.
    pub id: u64,
    /// Their full name.
    #[arg(long)]
    pub name: Option<String>,
    /// The participant they work at: its code or name.
    #[arg(long)]
    pub participant: Option<String>,
    /// Phone number ("" clears it).
    #[arg(long)]
    pub phone: Option<String>,
    /// Email address ("" clears it).
    #[arg(long)]
    pub email: Option<String>,
    /// Where they work ("" clears it).
    #[arg(long)]
    pub location: Option<String>,
    /// The participant's own id for them ("" clears it).
    #[arg(long)]
    pub directory_id: Option<String>,
    /// Print the saved caller as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Changes the fields given of a caller on file; the desk checks them as for a new one.
pub fn edit(desk: &dyn DeskApi, a: EditArgs) -> CmdResult {
    let mut c = desk.caller_card(a.id)?.caller;
    if let Some(name) = a.name {
        c.name = name;
    }
    if let Some(p) = a.participant {
        c.participant = p;
    }
    // Given: set (the desk clears an empty one); not given: kept.
    for (given, field) in [
        (a.phone, &mut c.phone),
        (a.email, &mut c.email),
        (a.location, &mut c.location),
        (a.directory_id, &mut c.directory_id),
    ] {
        if given.is_some() {
            *field = given;
        }
    }
    let saved = desk.save_caller(c)?;
    if a.json {
        return json(&saved);
    }
    out(&format!("{}\n", crate::tr!("cli-caller-saved", id = saved.id, label = saved.label())))
}

/// The one caller on file a person names: their number, or a name, phone or email only they fit.
fn one_caller(desk: &dyn DeskApi, caller: &str) -> Result<u64, Failure> {
    if let Ok(id) = caller.trim().parse::<u64>() {
        return Ok(id);
    }
    let found = desk.find_callers(caller.to_string(), None, 5)?;
    match found.as_slice() {
        [one] => Ok(one.id),
        [] => Err(Failure::BadInput(crate::tr!("cli-caller-none-fits", query = format!("{caller:?}")))),
        many => {
            let names: Vec<String> = many.iter().map(|c| format!("{} ({})", c.id, c.label())).collect();
            Err(Failure::BadInput(crate::tr!(
                "cli-caller-several",
                query = format!("{caller:?}"),
                names = names.join(", ")
            )))
        }
    }
}

/// An access request: everything about one person, as JSON (to a file, or standard output).
pub fn export(desk: &dyn DeskApi, caller: &str, output: Option<&Path>) -> CmdResult {
    let data = desk.personal_data(one_caller(desk, caller)?)?;
    let text = serde_json::to_string_pretty(&data).expect("serializes") + "\n";
    match output {
        None => out(&text),
        Some(path) => super::write_new_file(path, &text, true),
    }
}

/// The right to erasure: the caller's record goes, and their tickets keep no personal data.
pub fn forget(desk: &dyn DeskApi, caller: &str) -> CmdResult {
    let id = one_caller(desk, caller)?;
    let tickets = desk.forget_caller(id)?;
    out(&format!("{}\n", crate::tr!("cli-caller-forgotten", id = id, n = tickets)))
}
