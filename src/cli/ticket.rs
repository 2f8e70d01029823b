//! `spoc ticket new/list/show/update`.

use chrono::{DateTime, Utc};

use super::{CmdResult, bad, json, out};
use crate::desk::views::{ClockView, TicketDetail, TicketRow, describe};
use crate::desk::{Agent, AssigneeFilter, DeskApi, LevelFilter, TicketQuery, TicketUpdate};
use crate::domain::ticket::{Change, Channel, NewTicket};
use crate::domain::{Priority, Status, TicketKind, sanitize, sanitize_line};
use crate::present::status_name;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The participant's short code (e.g. ZYL).
    #[arg(long)]
    pub participant: String,
    /// The service, by name, alias or keyword (e.g. Magister).
    #[arg(long)]
    pub service: String,
    /// 1 whole organisation, 2 department or group, 3 one person.
    #[arg(long)]
    pub impact: u8,
    /// 1 critical .. 4 low.
    #[arg(long)]
    pub urgency: u8,
    /// One line that says what is wrong.
    #[arg(long)]
    pub title: String,
    /// More text: what the caller said, what was tried.
    #[arg(long)]
    pub description: Option<String>,
    /// Who called: name, phone or email.
    #[arg(long)]
    pub caller: Option<String>,
    /// The caller on file, by number (`spoc caller find`); fills --caller when it is not given.
    #[arg(long)]
    pub caller_id: Option<u64>,
    /// Link the call to this open major incident.
    #[arg(long, value_name = "MAJOR")]
    pub link: Option<u64>,
    /// Solved on the line: log it resolved with this solution (first-contact resolution).
    #[arg(long)]
    pub solution: Option<String>,
    /// incident (something broke) or request (something wanted).
    #[arg(long, default_value = "incident", value_parser = super::values::KINDS, hide_possible_values = true)]
    pub kind: TicketKind,
    /// Print the ticket as JSON: id, priority, status, supplier, contract, routing, sla.
    #[arg(long)]
    pub json: bool,
}

pub fn new(desk: &dyn DeskApi, a: NewArgs) -> CmdResult {
    if a.caller.is_some() && a.caller_id.is_some() {
        return Err(bad(crate::i18n::t("cli-ticket-caller-twice")));
    }
    if a.solution.as_ref().is_some_and(|s| s.trim().is_empty()) {
        return Err(bad(crate::i18n::t("cli-ticket-empty-solution")));
    }
    crate::domain::ticket::check_impact_urgency(a.impact, a.urgency).map_err(bad)?;
    let input = NewTicket {
        kind: a.kind,
        title: a.title,
        description: a.description.unwrap_or_default(),
        caller: a.caller,
        participant: a.participant,
        service: a.service,
        impact: a.impact,
        urgency: a.urgency,
        caller_id: a.caller_id,
        link_to: a.link,
        solution: a.solution,
    };
    let t = desk.create_ticket(input)?;
    if a.json {
        return json(&t);
    }
    let (priority, title) = (t.priority.to_string(), sanitize_line(&t.title));
    let logged = crate::tr!("cli-ticket-logged", id = t.id, priority = priority, title = title);
    out(&format!(
        "{logged}\n{}\n{}",
        sanitize_line(&crate::present::routing_text(&t.routing)),
        clocks_text(&t, desk.registry()?.helpdesk_calendar().timezone)
    ))
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only tickets in this status (repeatable): new, assigned, in_progress, waiting_on_supplier, waiting_on_caller, resolved, closed.
    #[arg(long, value_parser = super::values::STATUSES, hide_possible_values = true)]
    pub status: Vec<Status>,
    /// Only tickets routed to this supplier (name or alias).
    #[arg(long)]
    pub supplier: Option<String>,
    /// Only this participant's tickets (short code).
    #[arg(long)]
    pub participant: Option<String>,
    /// Only tickets about this service (name or alias).
    #[arg(long)]
    pub service: Option<String>,
    /// An agent's login, `me`, or `none` for unassigned.
    #[arg(long)]
    pub assignee: Option<String>,
    /// Only this priority: P1, P2, P3 or P4.
    #[arg(long, value_parser = super::values::PRIORITIES, hide_possible_values = true)]
    pub priority: Option<Priority>,
    /// Only tickets with a breached clock.
    #[arg(long)]
    pub breaching: bool,
    /// Only tickets with a clock at warning or breached.
    #[arg(long = "warning", conflicts_with = "breaching")]
    pub at_risk: bool,
    /// Words that must all occur in the title, description, caller or supplier reference.
    #[arg(long)]
    pub text: Option<String>,
    /// Resolved and closed tickets too.
    #[arg(long)]
    pub all: bool,
    /// How many tickets per page.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Skip this many (the next page).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print the page as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn list(desk: &dyn DeskApi, a: ListArgs) -> CmdResult {
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
    // A name the registry does not know is a mistake to say, not an empty list (as `search`);
    // the desk's list takes names as typed, letter by letter in the queue's filter.
    let reg = desk.registry()?;
    let named = |v: &Option<String>| v.as_deref().filter(|v| !v.trim().is_empty()).map(str::to_string);
    if let Some(p) = named(&q.participant) {
        crate::desk::resolve_participant(&reg, &p)?;
    }
    if let Some(s) = named(&q.service) {
        crate::desk::resolve_service(&reg, &s)?;
    }
    if let Some(s) = named(&q.supplier) {
        crate::desk::resolve_supplier(&reg, &s)?;
    }
    let mut page = desk.list_tickets(q)?;
    if a.json {
        return json(&page);
    }
    // As the queue on the screen: calls under their major incident, due call-backs first.
    crate::present::queue_order(&mut page.items);
    let now = desk.now();
    // Due times read on the helpdesk's clock.
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let mut text = String::new();
    for row in &page.items {
        text.push_str(&row_line(row, now, tz));
        text.push('\n');
    }
    if page.items.is_empty() {
        text.push_str(&format!("{}\n", crate::i18n::t("cli-ticket-none")));
    } else if page.more {
        text.push_str(&format!("{}\n", crate::tr!("cli-ticket-more", offset = page.offset + page.items.len())));
    }
    out(&text)
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// The words; each also finds longer words it starts ("zerm" finds "Zermelo").
    #[arg(required = true)]
    pub words: Vec<String>,
    /// Only tickets of this participant (short code).
    #[arg(long)]
    pub participant: Option<String>,
    /// Only tickets for this service (name or alias).
    #[arg(long)]
    pub service: Option<String>,
    /// Only tickets routed to this supplier.
    #[arg(long)]
    pub supplier: Option<String>,
    /// Only tickets logged on or after this day (YYYY-MM-DD, the helpdesk's zone).
    #[arg(long)]
    pub from: Option<String>,
    /// Only tickets logged on or before this day.
    #[arg(long)]
    pub to: Option<String>,
    /// How many to show.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Print the tickets as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn search(desk: &dyn DeskApi, a: SearchArgs) -> CmdResult {
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let day = |text: &Option<String>, flag: &str, end: bool| {
        text.as_deref().map(|t| super::day_bound(tz, t, flag, end)).transpose()
    };
    let q = crate::desk::SearchQuery {
        words: a.words.join(" "),
        participant: a.participant,
        service: a.service,
        supplier: a.supplier,
        from: day(&a.from, "--from", false)?,
        to: day(&a.to, "--to", true)?,
        limit: a.limit,
    };
    let page = desk.search_tickets(q)?;
    if a.json {
        return json(&page);
    }
    let now = desk.now();
    let mut text: String = page.items.iter().map(|row| row_line(row, now, tz) + "\n").collect();
    if page.items.is_empty() {
        text.push_str(&format!("{}\n", crate::i18n::t("search-empty")));
    } else if page.more {
        text.push_str(&format!("{}\n", crate::tr!("cli-ticket-search-more", limit = page.limit * 2)));
    }
    out(&text)
}

fn row_line(row: &TicketRow, now: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    let age = now - row.created_at;
    let age = if age.num_days() > 0 {
        crate::tr!("queue-age-days", n = age.num_days())
    } else {
        crate::tr!("queue-age-hours", n = age.num_hours())
    };
    let supplier = row.supplier.clone().unwrap_or_else(|| crate::i18n::t("unrouted"));
    format!(
        "#{:<6} {} {:<20} {:<12} {:<14} {:<5} {:<16} {:<14} {:<10} {:>4}  {}",
        row.id,
        row.priority,
        status_name(row.status),
        crate::present::due_short(row.sla_due, now, tz),
        crate::present::sla_cell(row),
        clip(&row.participant, 5),
        clip(&row.service, 16),
        clip(&supplier, 14),
        clip(row.assignee.as_deref().unwrap_or("-"), 10),
        age,
        sanitize_line(&(crate::present::title_marks(row, now, tz) + &row.title))
    )
}

fn clip(s: &str, n: usize) -> String {
    let s = sanitize_line(s);
    if s.chars().count() <= n { s.into_owned() } else { s.chars().take(n - 1).chain(['…']).collect() }
}

pub fn show(desk: &dyn DeskApi, id: u64, as_json: bool) -> CmdResult {
    let t = desk.ticket(id)?;
    if as_json {
        return json(&t);
    }
    // People read times on the helpdesk's clock.
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let local = |at: chrono::DateTime<Utc>| crate::domain::instant::local_text(at, tz);
    let what = match t.kind {
        TicketKind::Incident => crate::i18n::t("cli-ticket-kind-incident"),
        TicketKind::Request => crate::i18n::t("cli-ticket-kind-request"),
    };
    let header = crate::tr!(
        "cli-ticket-header",
        id = t.id,
        priority = t.priority.to_string(),
        status = status_name(t.status),
        kind = what
    );
    let mut s = format!("{header}\n{}\n\n", sanitize_line(&t.title));
    let field = |s: &mut String, k: &str, v: &str| s.push_str(&format!("{k:<14}{}\n", sanitize_line(v)));
    let participant = match &t.participant_name {
        Some(n) => format!("{} ({n})", t.participant),
        None => t.participant.clone(),
    };
    field(&mut s, &crate::i18n::t("cli-ticket-participant"), &participant);
    field(&mut s, &crate::i18n::t("cli-ticket-service"), &t.service);
    let caller = match t.caller_id {
        Some(id) => crate::tr!("cli-ticket-caller-on-file", caller = t.caller.as_deref().unwrap_or("-"), id = id),
        None => t.caller.as_deref().unwrap_or("-").to_string(),
    };
    field(&mut s, &crate::i18n::t("cli-ticket-caller"), &caller);
    if t.major {
        field(&mut s, &crate::i18n::t("cli-ticket-major"), &crate::tr!("cli-ticket-major-calls", n = t.linked.len()));
    }
    if let Some(m) = t.linked_to {
        field(&mut s, &crate::i18n::t("cli-ticket-linked-to"), &crate::tr!("cli-ticket-linked-major", id = m));
    }
    if let Some(at) = t.call_back_at {
        field(&mut s, &crate::i18n::t("cli-ticket-call-back"), &local(at));
    }
    if t.first_contact {
        field(&mut s, &crate::i18n::t("cli-ticket-first-contact"), &crate::i18n::t("cli-ticket-solved-on-the-line"));
    }
    let impact = crate::tr!("cli-ticket-impact-urgency", impact = t.impact, urgency = t.urgency);
    field(&mut s, &crate::i18n::t("cli-ticket-impact"), &impact);
    field(&mut s, &crate::i18n::t("cli-ticket-assignee"), t.assignee.as_deref().unwrap_or("-"));
    field(&mut s, &crate::i18n::t("cli-ticket-routing"), &crate::present::routing_text(&t.routing));
    field(&mut s, &crate::i18n::t("cli-ticket-supplier-ref"), t.supplier_ref.as_deref().unwrap_or("-"));
    let created = crate::tr!("ticket-logged-by", at = local(t.created_at), by = t.created_by.as_str());
    field(&mut s, &crate::i18n::t("cli-ticket-created"), &created);
    if let Some(at) = t.dispatched_at {
        let mut steps = vec![crate::tr!("cli-ticket-dispatched", at = local(at))];
        if let Some(r) = t.supplier_response_at {
            steps.push(crate::tr!("cli-ticket-supplier-answered", at = local(r)));
        }
        if let Some(r) = t.supplier_solved_at {
            steps.push(crate::tr!("cli-ticket-supplier-solved", at = local(r)));
        }
        if t.supplier_reopened > 0 {
            steps.push(crate::tr!("cli-ticket-sent-back", n = t.supplier_reopened));
        }
        field(&mut s, &crate::i18n::t("cli-ticket-supplier"), &steps.join(" · "));
    }
    if let Some(solution) = &t.solution {
        field(&mut s, &crate::i18n::t("cli-ticket-solution"), solution);
    }
    if let Some(score) = t.satisfaction {
        let remark = t.satisfaction_remark.as_deref().unwrap_or("");
        field(&mut s, &crate::i18n::t("cli-ticket-satisfaction"), &format!("{score}/5 {remark}"));
    }
    if !t.description.is_empty() {
        s.push_str(&format!("\n{}\n", sanitize(&t.description)));
    }
    s.push('\n');
    s.push_str(&clocks_text(&t, tz));
    if t.major && !t.linked.is_empty() {
        s.push('\n');
        s.push_str(&inform_text(&t));
    }
    s.push_str(&format!("\n{}\n", crate::i18n::t("ticket-journal")));
    for e in &t.journal {
        s.push_str(&format!(
            "  {} {:<10} {}\n",
            local(e.at),
            sanitize_line(&e.by),
            sanitize_line(&describe(&e.event, tz))
        ));
    }
    out(&s)
}

fn clock_line(name: &str, c: &ClockView, tz: chrono_tz::Tz) -> String {
    format!("  {name:<11} {:>6}  {}\n", c.target, crate::present::clock_text(c, tz))
}

fn clocks_text(t: &TicketDetail, tz: chrono_tz::Tz) -> String {
    let (response, resolution) = (crate::i18n::t("ticket-clock-response"), crate::i18n::t("ticket-clock-resolution"));
    let mut s = format!("{}\n", crate::tr!("ticket-sla-helpdesk", calendar = t.sla.helpdesk.calendar.as_str()));
    s.push_str(&clock_line(&response, &t.sla.helpdesk.response, tz));
    s.push_str(&clock_line(&resolution, &t.sla.helpdesk.resolution, tz));
    // A call linked to a major incident reaches the supplier through it, never on its own.
    if let Some(m) = t.linked_to.filter(|_| t.dispatched_at.is_none()) {
        s.push_str(&format!("{}\n", crate::tr!("ticket-supplier-via-major", id = m)));
    } else if let Some(l) = &t.sla.supplier {
        s.push_str(&format!("{}\n", crate::tr!("ticket-sla-supplier", calendar = l.calendar.as_str())));
        s.push_str(&clock_line(&response, &l.response, tz));
        s.push_str(&clock_line(&resolution, &l.resolution, tz));
    }
    s
}

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// The new status: new, assigned, in_progress, waiting_on_supplier, waiting_on_caller, resolved, closed.
    #[arg(long, value_parser = super::values::STATUSES, hide_possible_values = true)]
    pub status: Option<Status>,
    /// An agent's login, `me`, or `none`.
    #[arg(long)]
    pub assign: Option<String>,
    /// Set the priority by hand: P1, P2, P3 or P4 (or give --impact and --urgency).
    #[arg(long, value_parser = super::values::PRIORITIES, hide_possible_values = true)]
    pub priority: Option<Priority>,
    /// 1 whole organisation, 2 department or group, 3 one person (with --urgency).
    #[arg(long)]
    pub impact: Option<u8>,
    /// 1 critical .. 4 low (with --impact).
    #[arg(long)]
    pub urgency: Option<u8>,
    /// The supplier's own reference number (counts as the supplier's response).
    #[arg(long)]
    pub supplier_ref: Option<String>,
    /// An internal note (not a response to the caller).
    #[arg(long)]
    pub note: Option<String>,
    /// A reply to the caller (the first contact is the response).
    #[arg(long)]
    pub reply: Option<String>,
    /// A logged call with the caller.
    #[arg(long)]
    pub call: Option<String>,
    /// An email to the caller.
    #[arg(long)]
    pub email: Option<String>,
    /// What the supplier answered (counts as the supplier's response).
    #[arg(long)]
    pub supplier_reply: Option<String>,
    /// The supplier reports it solved: stops the supplier's resolution clock, and the ticket
    /// comes back to the helpdesk (in_progress) to check and resolve.
    #[arg(long)]
    pub supplier_solved: Option<String>,
    /// What solved it: required with --status resolved (and may correct it later).
    #[arg(long)]
    pub solution: Option<String>,
    /// Route to this supplier instead; needs --reason.
    #[arg(long)]
    pub override_supplier: Option<String>,
    /// Why the routing is overridden (required with --override-supplier).
    #[arg(long)]
    pub reason: Option<String>,
    /// Satisfaction score 1..5 (at resolve or close).
    #[arg(long)]
    pub satisfaction: Option<u8>,
    /// What the caller said about the handling (with --satisfaction).
    #[arg(long)]
    pub remark: Option<String>,
    /// Mark it as a major incident: other calls about it link to it, the supplier works on it once.
    #[arg(long, conflicts_with = "not_major")]
    pub major: bool,
    /// It is not a major incident after all (refused while open tickets are linked to it).
    #[arg(long)]
    pub not_major: bool,
    /// Link it to this open major incident.
    #[arg(long, value_name = "MAJOR", conflicts_with = "unlink")]
    pub link: Option<u64>,
    /// Unlink it from its major incident.
    #[arg(long)]
    pub unlink: bool,
    /// Waiting on the caller until then: `YYYY-MM-DD HH:MM` on the helpdesk's clock (or RFC 3339);
    /// the clocks stay paused and it comes back to the queue, marked, at that moment.
    #[arg(long, value_name = "WHEN")]
    pub call_back: Option<String>,
    /// Refuse the update if the ticket is no longer at this version.
    #[arg(long)]
    pub expect_version: Option<u64>,
    /// Print the changed ticket as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn update(desk: &dyn DeskApi, id: u64, a: UpdateArgs) -> CmdResult {
    let mut changes = Vec::new();
    // Order matters: routing and contact before a status change that depends on them.
    if let Some(supplier) = a.override_supplier {
        let reason = a.reason.ok_or_else(|| bad(crate::i18n::t("cli-ticket-override-needs-reason")))?;
        changes.push(Change::OverrideRouting { supplier, reason });
    } else if a.reason.is_some() {
        return Err(bad(crate::i18n::t("cli-ticket-reason-without-override")));
    }
    if a.major || a.not_major {
        changes.push(Change::Major(a.major));
    }
    if let Some(m) = a.link {
        changes.push(Change::Link(Some(m)));
    } else if a.unlink {
        changes.push(Change::Link(None));
    }
    if let Some(who) = a.assign {
        let who = who.trim().to_string();
        let who = match who.to_lowercase().as_str() {
            "me" => Some(Agent::current().login().to_string()),
            "-" | "none" | "nobody" | "unassigned" => None,
            _ => Some(who),
        };
        changes.push(Change::Assign(who));
    }
    match (a.priority, a.impact, a.urgency) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(bad(crate::i18n::t("cli-ticket-priority-and-impact")));
        }
        (Some(p), None, None) => changes.push(Change::Priority(p)),
        (None, Some(impact), Some(urgency)) => {
            crate::domain::ticket::check_impact_urgency(impact, urgency).map_err(bad)?;
            changes.push(Change::Reclassify { impact, urgency });
        }
        (None, Some(_), None) | (None, None, Some(_)) => {
            return Err(bad(crate::i18n::t("cli-ticket-impact-without-urgency")));
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
    // "Solved, and resolved" is one update: the supplier's report comes before the status.
    if let Some(text) = a.supplier_solved {
        changes.push(Change::SupplierSolved(text));
    }
    // The solution comes with the resolve, before it.
    if let Some(text) = a.solution {
        changes.push(Change::Solution(text));
    }
    if let Some(status) = a.status {
        changes.push(Change::Status(status));
    }
    // After the status: a call-back moment goes with waiting on the caller.
    if let Some(when) = &a.call_back {
        let tz = desk.registry()?.helpdesk_calendar().timezone;
        changes.push(Change::WaitUntil(Some(super::local_moment(tz, when, "--call-back")?)));
    }
    // A reference given with the dispatch counts at the dispatch, in either order.
    if let Some(r) = a.supplier_ref {
        changes.push(Change::SupplierRef(r));
    }
    if let Some(text) = a.supplier_reply {
        changes.push(Change::SupplierReply(text));
    }
    if let Some(score) = a.satisfaction {
        changes.push(Change::Satisfaction { score, remark: a.remark });
    } else if a.remark.is_some() {
        return Err(bad(crate::i18n::t("cli-ticket-remark-without-satisfaction")));
    }
    if changes.is_empty() {
        return Err(bad(crate::i18n::t("cli-ticket-nothing-to-change")));
    }
    let t = desk.update_ticket(id, TicketUpdate { changes, expected_version: a.expect_version })?;
    if a.json {
        return json(&t);
    }
    let tz = desk.registry()?.helpdesk_calendar().timezone;
    let updated = crate::tr!(
        "cli-ticket-updated",
        id = t.id,
        priority = t.priority.to_string(),
        status = status_name(t.status),
        version = t.version
    );
    let mut s = format!("{updated}\n{}", clocks_text(&t, tz));
    // The calls this resolve resolved: their callers hear it now.
    let now_resolved: Vec<_> =
        t.linked.iter().filter(|c| c.resolved_at.is_some() && c.resolved_at == t.resolved_at).cloned().collect();
    if t.major && t.status == Status::Resolved && !now_resolved.is_empty() {
        let t = TicketDetail { linked: now_resolved, ..t.clone() };
        s.push_str(&format!("\n{}", inform_text(&t)));
    } else if t.major {
        s.push_str(&format!("{}\n", crate::tr!("cli-ticket-major-calls", n = t.linked.len())));
    }
    out(&s)
}

pub fn majors(desk: &dyn DeskApi, as_json: bool) -> CmdResult {
    let majors = desk.major_incidents()?;
    if as_json {
        return json(&majors);
    }
    if majors.is_empty() {
        return out(&format!("{}\n", crate::i18n::t("cli-majors-none")));
    }
    let mut s = String::new();
    for m in &majors {
        let supplier = m.supplier.clone().unwrap_or_else(|| crate::i18n::t("unrouted"));
        let reference = format!("{:<12}", sanitize_line(m.supplier_ref.as_deref().unwrap_or("-")));
        let calls = crate::tr!("cli-majors-calls", reference = reference, open = m.open_calls, calls = m.calls);
        s.push_str(&format!(
            "#{:<6} {:<20} {:<14} {:<14} {calls}  {}\n",
            m.id,
            status_name(m.status),
            sanitize_line(&m.service),
            sanitize_line(&supplier),
            sanitize_line(&m.title)
        ));
    }
    out(&s)
}

/// The callers of a major incident's linked calls, with how to reach them.
fn inform_text(t: &TicketDetail) -> String {
    let mut s = format!("{}\n", crate::tr!("cli-inform-header", n = t.linked.len()));
    for c in &t.linked {
        let reach = [c.phone.as_deref(), c.email.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        s.push_str(&format!(
            "  #{:<6} {:<10} {:<24} {}\n",
            c.id,
            c.participant,
            sanitize_line(c.caller.as_deref().unwrap_or("-")),
            sanitize_line(if reach.is_empty() { "-" } else { &reach })
        ));
    }
    s
}
