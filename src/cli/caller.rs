//! `spoc caller find|show|add`, `spoc import callers.csv`, and `spoc privacy purge|export`.

use std::path::Path;

use super::{CmdResult, Failure, json, out};
use crate::desk::DeskApi;
use crate::desk::views::TicketRow;
use crate::domain::caller::Caller;
use crate::domain::sanitize_line;

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
    if found.is_empty() {
        return Err(Failure::BadInput(format!(
            "no caller on file fits {query:?}; add one with `spoc caller add` or `spoc import callers.csv`"
        )));
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
            r.status.as_str(),
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
    let mut s = format!("caller {} · {}\n\n", c.id, sanitize_line(&c.name));
    s.push_str(&field("participant", Some(&participant)));
    s.push_str(&field("phone", c.phone.as_deref()));
    s.push_str(&field("email", c.email.as_deref()));
    s.push_str(&field("location", c.location.as_deref()));
    s.push_str(&field("directory id", c.directory_id.as_deref()));
    s.push('\n');
    s.push_str(&rows(&format!("open tickets ({})", card.open.len()), &card.open, tz));
    s.push_str(&rows(&format!("recent tickets ({} in all)", card.tickets), &card.recent, tz));
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
    out(&format!("saved caller {}: {}\n", saved.id, sanitize_line(&saved.label())))
}

pub fn import(desk: &dyn DeskApi, path: &Path, text: String, as_json: bool) -> CmdResult {
    let summary = desk.import_callers(path.display().to_string(), text)?;
    if as_json {
        return json(&summary);
    }
    out(&format!(
        "imported callers from {}: {} added, {} updated, {} unchanged\n",
        path.display(),
        summary.added,
        summary.updated,
        summary.unchanged
    ))
}

pub fn purge(desk: &dyn DeskApi, dry_run: bool, as_json: bool) -> CmdResult {
    let summary = desk.purge_callers(dry_run)?;
    if as_json {
        return json(&summary);
    }
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let before = crate::domain::instant::local_text(summary.closed_before, tz);
    let verb = if dry_run { "would remove" } else { "removed" };
    let mut s = format!(
        "{verb} callers' personal data from {} tickets closed before {before} ({} months)\n",
        summary.tickets.len(),
        summary.months
    );
    if dry_run && !summary.tickets.is_empty() {
        let ids: Vec<String> = summary.tickets.iter().take(50).map(|id| format!("#{id}")).collect();
        let more = summary.tickets.len().saturating_sub(50);
        s.push_str(&format!(
            "  {}{}\n",
            ids.join(" "),
            if more > 0 { format!(" … and {more} more") } else { String::new() }
        ));
    }
    out(&s)
}

/// An access request: everything about one person, as JSON (to a file, or standard output).
pub fn export(desk: &dyn DeskApi, caller: &str, output: Option<&Path>) -> CmdResult {
    let id = match caller.trim().parse::<u64>() {
        Ok(id) => id,
        Err(_) => {
            let found = desk.find_callers(caller.to_string(), None, 5)?;
            match found.as_slice() {
                [one] => one.id,
                [] => return Err(Failure::BadInput(format!("no caller on file fits {caller:?}"))),
                many => {
                    let names: Vec<String> = many.iter().map(|c| format!("{} ({})", c.id, c.label())).collect();
                    return Err(Failure::BadInput(format!(
                        "{caller:?} fits several callers: {}; give the number",
                        names.join(", ")
                    )));
                }
            }
        }
    };
    let data = desk.personal_data(id)?;
    let text = serde_json::to_string_pretty(&data).expect("serializes") + "\n";
    match output {
        None => out(&text),
        Some(path) => super::write_new_file(path, &text, true),
    }
}
