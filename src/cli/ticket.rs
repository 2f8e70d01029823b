//! `spoc ticket new/list/show/update`.

use chrono::{DateTime, Utc};

use super::{CmdResult, bad, json, out};
use crate::desk::views::{ClockView, TicketDetail, TicketRow};
use crate::desk::{Agent, AssigneeFilter, Desk, LevelFilter, NewTicketInput, TicketQuery, TicketUpdate};
use crate::domain::sla::{ClockLevel, ClockPhase, format_business_seconds};
use crate::domain::ticket::{Change, Channel, Event, JournalEntry};
use crate::domain::{Priority, Status, TicketKind, sanitize, sanitize_line};

pub struct NewArgs {
    pub participant: String,
    pub service: String,
    pub impact: u8,
    pub urgency: u8,
    pub title: String,
    pub description: Option<String>,
    pub caller: Option<String>,
    pub kind: TicketKind,
    pub json: bool,
}

pub fn new(desk: &Desk, a: NewArgs) -> CmdResult {
    crate::domain::ticket::check_impact_urgency(a.impact, a.urgency).map_err(bad)?;
    let input = NewTicketInput {
        kind: a.kind,
        title: a.title,
        description: a.description.unwrap_or_default(),
        caller: a.caller,
        participant: a.participant,
        service: a.service,
        impact: a.impact,
        urgency: a.urgency,
    };
    let t = desk.create_ticket(&Agent::current(), input)?;
    if a.json {
        return json(&t);
    }
    out(&format!(
        "Logged #{} {} {}\n{}\n{}",
        t.id,
        t.priority,
        sanitize_line(&t.title),
        sanitize_line(&t.routing),
        clocks_text(&t)
    ))
}

pub struct ListArgs {
    pub status: Vec<Status>,
    pub supplier: Option<String>,
    pub participant: Option<String>,
    pub service: Option<String>,
    pub assignee: Option<String>,
    pub priority: Option<Priority>,
    pub breaching: bool,
    pub at_risk: bool,
    pub text: Option<String>,
    pub all: bool,
    pub limit: usize,
    pub offset: usize,
    pub json: bool,
}

pub fn list(desk: &Desk, a: ListArgs) -> CmdResult {
    let assignee = a.assignee.map(|s| match s.as_str() {
        "-" | "none" | "unassigned" => AssigneeFilter::Unassigned,
        "me" => AssigneeFilter::Agent(Agent::current().login().to_string()),
        _ => AssigneeFilter::Agent(s),
    });
    let q = TicketQuery {
        statuses: a.status,
        assignee,
        supplier: a.supplier,
        participant: a.participant,
        service: a.service,
        priority: a.priority,
        level: if a.breaching {
            Some(LevelFilter::Breaching)
        } else if a.at_risk {
            Some(LevelFilter::AtRisk)
        } else {
            None
        },
        text: a.text,
        include_done: a.all,
        limit: a.limit,
        offset: a.offset,
    };
    let page = desk.list_tickets(&q)?;
    if a.json {
        return json(&page);
    }
    let now = desk.now();
    let mut text = String::new();
    for row in &page.items {
        text.push_str(&row_line(row, now));
        text.push('\n');
    }
    if page.items.is_empty() {
        text.push_str("no tickets\n");
    } else if page.more {
        text.push_str(&format!("… more: --offset {}\n", page.offset + page.items.len()));
    }
    out(&text)
}

fn sla_cell(row: &TicketRow) -> String {
    let mark = match row.sla_level {
        ClockLevel::Ok => " ",
        ClockLevel::Warning => "!",
        ClockLevel::Breached => "✗",
    };
    let left = match (row.sla_paused, row.sla_left) {
        (true, _) => "paused".to_string(),
        (_, Some(left)) => format_business_seconds(left),
        (_, None) => "-".to_string(),
    };
    format!("{mark}{left:>8}")
}

fn row_line(row: &TicketRow, now: DateTime<Utc>) -> String {
    let age = now - row.created_at;
    let age = if age.num_days() > 0 { format!("{}d", age.num_days()) } else { format!("{}h", age.num_hours()) };
    format!(
        "#{:<6} {} {:<19} {} {:<5} {:<16} {:<14} {:<10} {:>4}  {}",
        row.id,
        row.priority,
        row.status.as_str(),
        sla_cell(row),
        clip(&row.participant, 5),
        clip(&row.service, 16),
        clip(row.supplier.as_deref().unwrap_or("unrouted"), 14),
        clip(row.assignee.as_deref().unwrap_or("-"), 10),
        age,
        sanitize_line(&row.title)
    )
}

fn clip(s: &str, n: usize) -> String {
    let s = sanitize_line(s);
    if s.chars().count() <= n { s.into_owned() } else { s.chars().take(n - 1).chain(['…']).collect() }
}

pub fn show(desk: &Desk, id: u64, as_json: bool) -> CmdResult {
    let t = desk.ticket(id)?;
    if as_json {
        return json(&t);
    }
    let mut s = format!("#{} {} · {} · {:?}\n{}\n\n", t.id, t.priority, t.status, t.kind, sanitize_line(&t.title));
    let field = |s: &mut String, k: &str, v: &str| s.push_str(&format!("{k:<14}{}\n", sanitize_line(v)));
    let participant = match &t.participant_name {
        Some(n) => format!("{} ({n})", t.participant),
        None => t.participant.clone(),
    };
    field(&mut s, "participant", &participant);
    field(&mut s, "service", &t.service);
    field(&mut s, "caller", t.caller.as_deref().unwrap_or("-"));
    field(&mut s, "impact", &format!("{} · urgency {}", t.impact, t.urgency));
    field(&mut s, "assignee", t.assignee.as_deref().unwrap_or("-"));
    field(&mut s, "routing", &t.routing);
    field(&mut s, "supplier ref", t.supplier_ref.as_deref().unwrap_or("-"));
    field(&mut s, "created", &format!("{} by {}", t.created_at.to_rfc3339(), t.created_by));
    if let Some(score) = t.satisfaction {
        field(&mut s, "satisfaction", &format!("{score}/5 {}", t.satisfaction_remark.as_deref().unwrap_or("")));
    }
    if !t.description.is_empty() {
        s.push_str(&format!("\n{}\n", sanitize(&t.description)));
    }
    s.push('\n');
    s.push_str(&clocks_text(&t));
    s.push_str("\njournal\n");
    for e in &t.journal {
        s.push_str(&format!(
            "  {} {:<10} {}\n",
            e.at.format("%Y-%m-%d %H:%M"),
            sanitize_line(&e.by),
            sanitize_line(&describe(e))
        ));
    }
    out(&s)
}

fn clock_line(name: &str, c: &ClockView) -> String {
    let state = match (c.phase, c.level) {
        (ClockPhase::NotStarted, _) => "not started".to_string(),
        (ClockPhase::Stopped, ClockLevel::Breached) => {
            format!("breached, took {}", format_business_seconds(c.elapsed))
        }
        (ClockPhase::Stopped, _) => format!("met, took {}", format_business_seconds(c.elapsed)),
        (ClockPhase::Paused, _) => format!("paused, {} left", format_business_seconds(c.left)),
        (ClockPhase::Running, ClockLevel::Breached) => {
            format!("BREACHED, {} over", format_business_seconds(-c.left))
        }
        (ClockPhase::Running, l) => format!(
            "{}{} left",
            if l == ClockLevel::Warning { "warning, " } else { "" },
            format_business_seconds(c.left)
        ),
    };
    let due = c.due.map(|d| format!(" · due {}", d.to_rfc3339())).unwrap_or_default();
    format!("  {name:<11} {:>6}  {state}{due}\n", c.target)
}

fn clocks_text(t: &TicketDetail) -> String {
    let mut s = format!("helpdesk SLA ({})\n", t.sla.helpdesk.calendar);
    s.push_str(&clock_line("response", &t.sla.helpdesk.response));
    s.push_str(&clock_line("resolution", &t.sla.helpdesk.resolution));
    if let Some(l) = &t.sla.supplier {
        s.push_str(&format!("supplier SLA ({})\n", l.calendar));
        s.push_str(&clock_line("response", &l.response));
        s.push_str(&clock_line("resolution", &l.resolution));
    }
    s
}

pub fn describe(e: &JournalEntry) -> String {
    match &e.event {
        Event::Created { routing } => format!("logged · {routing}"),
        Event::Note { text } => format!("note: {text}"),
        Event::Contact { channel, text } => {
            let how = match channel {
                Channel::Call => "call",
                Channel::Email => "email",
                Channel::Reply => "reply",
            };
            format!("{how}: {text}")
        }
        Event::SupplierReply { text } => format!("supplier replied: {text}"),
        Event::StatusChanged { from, to } => format!("status {from} → {to}"),
        Event::Reopened { from } => format!("reopened from {from}"),
        Event::Assigned { from, to } => {
            format!("assigned {} → {}", from.as_deref().unwrap_or("nobody"), to.as_deref().unwrap_or("nobody"))
        }
        Event::PriorityChanged { from, to } => format!("priority {from} → {to}"),
        Event::SupplierRef { from, to } => match from {
            Some(f) => format!("supplier reference {f} → {to}"),
            None => format!("supplier reference {to}"),
        },
        Event::RoutingOverridden { from, to, reason } => {
            format!("routing overridden {from} → {to}: {reason}")
        }
        Event::Satisfaction { score, remark } => {
            format!("satisfaction {score}/5 {}", remark.as_deref().unwrap_or(""))
        }
    }
}

pub struct UpdateArgs {
    pub status: Option<Status>,
    pub assign: Option<String>,
    pub priority: Option<Priority>,
    pub impact: Option<u8>,
    pub urgency: Option<u8>,
    pub supplier_ref: Option<String>,
    pub note: Option<String>,
    pub reply: Option<String>,
    pub call: Option<String>,
    pub email: Option<String>,
    pub supplier_reply: Option<String>,
    pub override_supplier: Option<String>,
    pub reason: Option<String>,
    pub satisfaction: Option<u8>,
    pub remark: Option<String>,
    pub expect_version: Option<u64>,
    pub json: bool,
}

pub fn update(desk: &Desk, id: u64, a: UpdateArgs) -> CmdResult {
    let mut changes = Vec::new();
    // Order matters: routing and contact before a status change that depends on them.
    if let Some(supplier) = a.override_supplier {
        let reason = a.reason.ok_or_else(|| bad("--override-supplier needs --reason"))?;
        changes.push(Change::OverrideRouting { supplier, reason });
    } else if a.reason.is_some() {
        return Err(bad("--reason goes with --override-supplier"));
    }
    if let Some(who) = a.assign {
        let who = match who.as_str() {
            "me" => Some(Agent::current().login().to_string()),
            "-" | "none" | "nobody" => None,
            _ => Some(who),
        };
        changes.push(Change::Assign(who));
    }
    match (a.priority, a.impact, a.urgency) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(bad("give --priority or --impact with --urgency, not both"));
        }
        (Some(p), None, None) => changes.push(Change::Priority(p)),
        (None, Some(impact), Some(urgency)) => {
            crate::domain::ticket::check_impact_urgency(impact, urgency).map_err(bad)?;
            changes.push(Change::Reclassify { impact, urgency });
        }
        (None, Some(_), None) | (None, None, Some(_)) => {
            return Err(bad("--impact and --urgency go together"));
        }
        (None, None, None) => {}
    }
    if let Some(text) = a.call {
        changes.push(Change::Contact(Channel::Call, text));
    }
    if let Some(text) = a.email {
        changes.push(Change::Contact(Channel::Email, text));
    }
    if let Some(text) = a.reply {
        changes.push(Change::Contact(Channel::Reply, text));
    }
    if let Some(text) = a.note {
        changes.push(Change::Note(text));
    }
    if let Some(status) = a.status {
        changes.push(Change::Status(status));
    }
    if let Some(r) = a.supplier_ref {
        changes.push(Change::SupplierRef(r));
    }
    if let Some(text) = a.supplier_reply {
        changes.push(Change::SupplierReply(text));
    }
    if let Some(score) = a.satisfaction {
        changes.push(Change::Satisfaction { score, remark: a.remark });
    } else if a.remark.is_some() {
        return Err(bad("--remark goes with --satisfaction"));
    }
    if changes.is_empty() {
        return Err(bad(
            "nothing to change: give at least one of --status, --assign, --priority, --note, --reply, ...",
        ));
    }
    let t = desk.update_ticket(&Agent::current(), id, TicketUpdate { changes, expected_version: a.expect_version })?;
    if a.json {
        return json(&t);
    }
    out(&format!("#{} {} · {} · version {}\n{}", t.id, t.priority, t.status, t.version, clocks_text(&t)))
}

pub fn kind(s: &str) -> Result<TicketKind, String> {
    s.parse()
}
