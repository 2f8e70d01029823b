//! Prompts: the text, menu or question the agent answers before a change is made. A prompt
//! carries the version of the ticket the agent saw when it opened, so a colleague's change in
//! between makes the change a conflict, however long the agent took.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::keymap::{Keymap, Mode};
use super::state::{Screen, State};
use super::update::Effect;
use crate::desk::TicketUpdate;
use crate::domain::Status;
use crate::domain::ticket::{Change, Channel};
use crate::ui::screens::ticket::change_from;

/// Text the agent is typing for a change to the open ticket.
#[derive(Debug, Clone, PartialEq)]
pub enum PromptKind {
    Note,
    Reply,
    Call,
    SupplierRef,
    SupplierReply,
    SupplierSolved,
    /// "SUPPLIER: reason".
    Override,
    /// "SCORE remark", the score 1 to 5.
    Satisfaction,
    /// P1 to P4 by its digit.
    Priority,
    /// A colleague's login.
    Assign,
    /// Picks a status by its key in the keymap's `[status]` table; these are allowed now.
    Status(Vec<Status>),
    /// What solved it, before resolving.
    Solution,
    /// Dispatch to the supplier: its reference if it gave one (may be empty), and the ticket
    /// waits on the supplier, in one change.
    Dispatch,
    /// An email to the caller.
    Email,
    /// "IMPACT URGENCY", e.g. "2 3".
    Reclassify,
    /// A ticket's number, to open it whatever its status.
    GoTo,
    /// A major incident's number to link to; "-" unlinks.
    Link,
    /// "YYYY-MM-DD HH:MM" (or "HH:MM" today, "tomorrow HH:MM"): waiting on the caller until then.
    CallBack,
    /// A change that cannot be taken back lightly: asked once more, `y` to go ahead.
    Confirm {
        question: String,
        changes: Vec<crate::domain::ticket::Change>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// The ticket's version when the agent opened the prompt: a colleague's change since then
    /// makes the desk refuse this one, however long the agent took.
    pub version: u64,
}

/// A key while a prompt is open.
pub fn on_key(s: &mut State, keys: &Keymap, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = s.prompt.as_mut() else { return vec![] };
    match (&prompt.kind, key.code) {
        (_, KeyCode::Esc) => s.prompt = None,
        (PromptKind::Status(allowed), _) => {
            let Some(status) = keys.action(Mode::Status, &key).and_then(Action::status) else { return vec![] };
            let Some(t) = &s.ticket else { return vec![] };
            if !allowed.contains(&status) {
                s.message = Some(t.status.check_transition(status).err().unwrap_or_default());
                return vec![];
            }
            let version = prompt.version;
            match status {
                // Resolving asks what solved it, then to confirm; closing asks to confirm.
                Status::Resolved => {
                    s.prompt = Some(Prompt {
                        kind: PromptKind::Solution,
                        text: t.solution.clone().unwrap_or_default(),
                        version,
                    });
                }
                Status::Closed => {
                    let solution = t.solution.clone().unwrap_or_else(|| crate::i18n::t("prompt-no-solution"));
                    let question = crate::tr!("prompt-confirm-close", id = t.id, solution = solution);
                    let changes = vec![Change::Status(Status::Closed)];
                    s.prompt =
                        Some(Prompt { kind: PromptKind::Confirm { question, changes }, text: String::new(), version });
                }
                _ => {
                    let effect = change_from(t.id, version, Change::Status(status));
                    s.prompt = None;
                    return vec![effect];
                }
            }
        }
        (PromptKind::Confirm { changes, .. }, KeyCode::Char(c)) => {
            if matches!(c, 'y' | 'Y') {
                let update = TicketUpdate { changes: changes.clone(), expected_version: Some(prompt.version) };
                let effect = s.ticket.as_ref().map(|t| Effect::Change(t.id, update));
                s.prompt = None;
                return effect.into_iter().collect();
            }
            if matches!(c, 'n' | 'N') {
                s.prompt = None;
                s.message = Some(crate::i18n::t("prompt-nothing-changed"));
            }
        }
        (PromptKind::Confirm { .. }, _) => {}
        (PromptKind::GoTo, KeyCode::Enter) => {
            let Ok(id) = prompt.text.trim().trim_start_matches('#').parse::<u64>() else {
                s.message = Some(crate::i18n::t("prompt-go-to-invalid"));
                return vec![];
            };
            s.prompt = None;
            s.screens.push(Screen::Ticket);
            s.scroll = 0;
            s.ticket = None;
            return vec![Effect::LoadTicket(id)];
        }
        (PromptKind::Dispatch, KeyCode::Enter) => {
            let mut changes = Vec::new();
            let reference = prompt.text.trim();
            if !reference.is_empty() {
                changes.push(Change::SupplierRef(reference.to_string()));
            }
            changes.push(Change::Status(Status::WaitingOnSupplier));
            let update = TicketUpdate { changes, expected_version: Some(prompt.version) };
            let effect = s.ticket.as_ref().map(|t| Effect::Change(t.id, update));
            s.prompt = None;
            return effect.into_iter().collect();
        }
        (PromptKind::Link, KeyCode::Enter) => {
            let text = prompt.text.trim().trim_start_matches('#');
            let to = match text {
                "-" | "" => None,
                n => match n.parse::<u64>() {
                    Ok(id) => Some(id),
                    Err(_) => {
                        s.message = Some(crate::i18n::t("prompt-link-invalid"));
                        return vec![];
                    }
                },
            };
            let version = prompt.version;
            let effect = s.ticket.as_ref().map(|t| change_from(t.id, version, Change::Link(to)));
            s.answered = s.prompt.take().zip(s.ticket.as_ref().map(|t| t.id)).map(|(p, id)| (id, p));
            return effect.into_iter().collect();
        }
        (PromptKind::CallBack, KeyCode::Enter) => {
            let Some(at) = call_back_moment(&prompt.text, s.now, s.tz) else {
                s.message = Some(crate::i18n::t("prompt-call-back-invalid"));
                return vec![];
            };
            let Some(t) = &s.ticket else { return vec![] };
            let mut changes = Vec::new();
            if t.status != Status::WaitingOnCaller {
                changes.push(Change::Status(Status::WaitingOnCaller));
            }
            changes.push(Change::WaitUntil(Some(at)));
            let update = TicketUpdate { changes, expected_version: Some(prompt.version) };
            let effect = Effect::Change(t.id, update);
            s.answered = s.prompt.take().map(|p| (t.id, p));
            return vec![effect];
        }
        (PromptKind::Reclassify, KeyCode::Enter) => {
            let numbers: Vec<u8> = prompt.text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
            let &[impact, urgency] = numbers.as_slice() else {
                s.message = Some(crate::i18n::t("prompt-reclassify-invalid"));
                return vec![];
            };
            if let Err(why) = crate::domain::ticket::check_impact_urgency(impact, urgency) {
                s.message = Some(why);
                return vec![];
            }
            let version = prompt.version;
            let effect = s.ticket.as_ref().map(|t| change_from(t.id, version, Change::Reclassify { impact, urgency }));
            s.prompt = None;
            return effect.into_iter().collect();
        }
        (PromptKind::Solution, KeyCode::Enter) if !prompt.text.trim().is_empty() => {
            let text = prompt.text.trim().to_string();
            let id = s.ticket.as_ref().map(|t| t.id).unwrap_or_default();
            let question = crate::tr!("prompt-confirm-resolve", id = id, solution = text.as_str());
            let changes = vec![Change::Solution(text), Change::Status(Status::Resolved)];
            let version = prompt.version;
            s.prompt = Some(Prompt { kind: PromptKind::Confirm { question, changes }, text: String::new(), version });
        }
        (PromptKind::Priority, KeyCode::Char(c)) => {
            let picked = c.to_string().parse::<u8>().ok().and_then(|d| format!("P{d}").parse().ok());
            if let (Some(p), Some(t)) = (picked, &s.ticket) {
                let effect = change_from(t.id, prompt.version, Change::Priority(p));
                s.prompt = None;
                return vec![effect];
            }
        }
        (kind, KeyCode::Enter) if !prompt.text.trim().is_empty() => {
            let text = prompt.text.trim().to_string();
            let c = match kind {
                PromptKind::Note => Change::Note(text),
                PromptKind::Reply => Change::Contact(Channel::Reply, text),
                PromptKind::Call => Change::Contact(Channel::Call, text),
                PromptKind::Email => Change::Contact(Channel::Email, text),
                PromptKind::SupplierReply => Change::SupplierReply(text),
                PromptKind::SupplierSolved => Change::SupplierSolved(text),
                // As `--assign` reads them: me, or nobody.
                PromptKind::Assign => match text.trim().to_lowercase().as_str() {
                    "me" => Change::Assign(Some(s.me.clone())),
                    "none" | "nobody" | "unassigned" | "-" => Change::Assign(None),
                    _ => Change::Assign(Some(text.trim().to_string())),
                },
                PromptKind::Override => {
                    let (supplier, reason) = text.split_once(':').unwrap_or((&text, ""));
                    let supplier = supplier.trim();
                    // A name the registry does not know: the nearest ones it does.
                    let known = s.registry.as_ref().map(|reg| (reg.supplier(supplier).is_some(), reg));
                    if let Some((false, reg)) = known {
                        let names = reg.suppliers().iter().map(|x| x.name.as_str());
                        let near = crate::domain::registry::lookup::closest(supplier, names, 3);
                        let quoted = format!("{supplier:?}");
                        s.message = Some(if near.is_empty() {
                            crate::tr!("prompt-no-supplier", supplier = quoted)
                        } else {
                            let separator = crate::i18n::t("prompt-near-separator");
                            let near = near.join(separator.as_str());
                            crate::tr!("prompt-no-supplier-near", supplier = quoted, near = near)
                        });
                        return vec![];
                    }
                    if reason.trim().is_empty() {
                        s.message = Some(crate::tr!("prompt-override-needs-reason", supplier = supplier));
                        return vec![];
                    }
                    Change::OverrideRouting { supplier: supplier.into(), reason: reason.trim().into() }
                }
                PromptKind::Satisfaction => {
                    let (score, remark) = text.split_once(' ').unwrap_or((&text, ""));
                    match score.parse::<u8>() {
                        Ok(score) => Change::Satisfaction {
                            score,
                            remark: Some(remark.trim().to_string()).filter(|r| !r.is_empty()),
                        },
                        Err(_) => {
                            s.message = Some(crate::i18n::t("prompt-satisfaction-invalid"));
                            return vec![];
                        }
                    }
                }
                _ => Change::SupplierRef(text),
            };
            let version = prompt.version;
            let effect = s.ticket.as_ref().map(|t| change_from(t.id, version, c));
            // Kept until the desk takes it: a refused login or reason comes back to be mended,
            // not typed again with the caller waiting.
            s.answered = s.prompt.take().zip(s.ticket.as_ref().map(|t| t.id)).map(|(p, id)| (id, p));
            return effect.into_iter().collect();
        }
        _ => {}
    }
    vec![]
}

/// A call-back moment as an agent types it, on the helpdesk's clock: "14:30" (today),
/// "tomorrow 09:00", "2026-12-10 10:00".
pub fn call_back_moment(
    text: &str,
    now: chrono::DateTime<chrono::Utc>,
    tz: chrono_tz::Tz,
) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
    let text = text.trim().to_lowercase();
    let today = now.with_timezone(&tz).date_naive();
    let (day, time) = match text.split_once(' ') {
        // "morgen" as the Dutch prompt writes it.
        Some(("tomorrow" | "morgen", t)) => (today.succ_opt()?, t.trim()),
        Some((d, t)) => (NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?, t.trim()),
        None => (today, text.as_str()),
    };
    let time = NaiveTime::parse_from_str(time, "%H:%M").ok()?;
    tz.from_local_datetime(&NaiveDateTime::new(day, time)).earliest().map(|t| t.with_timezone(&chrono::Utc))
}
