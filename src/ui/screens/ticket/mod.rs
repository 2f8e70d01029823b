//! A ticket: its fields, both SLA layers, the journal, and every change an agent makes to it.

pub mod view;

use crate::desk::TicketUpdate;
use crate::desk::views::TicketDetail;
use crate::domain::Status;
use crate::domain::ticket::Change;
use crate::ui::action::Action;
use crate::ui::prompt::{Prompt, PromptKind};
use crate::ui::state::State;
use crate::ui::update::Effect;

/// What a key of the ticket screen does; `None` for an action of another screen.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    let t = s.ticket.as_ref()?;
    let version = t.version;
    let kind = match action {
        Action::ScrollUp => {
            s.scroll = s.scroll.saturating_sub(1);
            return Some(vec![]);
        }
        Action::ScrollDown => {
            s.scroll = s.scroll.saturating_add(1);
            return Some(vec![]);
        }
        Action::AssignMe => return Some(vec![change(t, Change::Assign(Some(s.me.clone())))]),
        Action::CopyReference => {
            let reference = t.supplier_ref.clone();
            super::copy(s, reference);
            return Some(vec![]);
        }
        Action::Dispatch if t.supplier.is_none() => {
            s.message = Some(crate::tr!("ticket-cannot-dispatch", routing = t.routing.as_str()));
            return Some(vec![]);
        }
        // With the supplier already, or done: only its reference is left to record.
        Action::Dispatch if t.status == Status::WaitingOnSupplier || !t.status.is_open() => PromptKind::SupplierRef,
        Action::Dispatch => PromptKind::Dispatch,
        Action::Email => PromptKind::Email,
        Action::Reclassify => PromptKind::Reclassify,
        Action::ChangeStatus => PromptKind::Status(t.status.allowed_next().to_vec()),
        Action::Note => PromptKind::Note,
        Action::Reply => PromptKind::Reply,
        Action::Call => PromptKind::Call,
        Action::OverrideRouting => PromptKind::Override,
        Action::Satisfaction => PromptKind::Satisfaction,
        Action::ChangePriority => PromptKind::Priority,
        Action::Assign => PromptKind::Assign,
        Action::SupplierReply => PromptKind::SupplierReply,
        Action::SupplierSolved => PromptKind::SupplierSolved,
        Action::SupplierRef => PromptKind::SupplierRef,
        Action::Link => PromptKind::Link,
        Action::CallBack => PromptKind::CallBack,
        Action::ToggleMajor => {
            let (question, on) = if t.major {
                (crate::tr!("ticket-confirm-unmark-major", id = t.id), false)
            } else {
                (crate::tr!("ticket-confirm-mark-major", id = t.id), true)
            };
            let changes = vec![Change::Major(on)];
            s.prompt = Some(Prompt { kind: PromptKind::Confirm { question, changes }, text: String::new(), version });
            return Some(vec![]);
        }
        _ => return None,
    };
    s.prompt = Some(Prompt { kind, text: String::new(), version });
    Some(vec![])
}

/// A change based on the version on screen: if a colleague got there first, it is refused.
pub fn change(t: &TicketDetail, c: Change) -> Effect {
    change_from(t.id, t.version, c)
}

/// A change based on the version the agent saw when they began it (a prompt's).
pub fn change_from(id: u64, version: u64, c: Change) -> Effect {
    Effect::Change(id, TicketUpdate { changes: vec![c], expected_version: Some(version) })
}
