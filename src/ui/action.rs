//! What a key can do. Key files name these; a misspelt name is an error when the file is read.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Back,
    Help,
    Lookup,
    Refresh,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Filter,
    SortNext,
    ViewOpen,
    ViewMine,
    ViewUnassigned,
    ViewAtRisk,
    ViewWaitingOnSupplier,
    ViewSupplier,
    ScrollUp,
    ScrollDown,
    NewTicket,
    Registry,
    Dashboard,
    Regie,
    NextTab,
    PreviousTab,
    NextField,
    /// The text being typed, in `$EDITOR`.
    Edit,
    PreviousField,
    Save,
    AssignMe,
    Assign,
    ChangeStatus,
    Note,
    Reply,
    Call,
    SupplierRef,
    SupplierReply,
    SupplierSolved,
    OverrideRouting,
    Satisfaction,
    ChangePriority,
    CopyPhone,
    CopyReference,
    GoTo,
    InputStart,
    InputEnd,
    InputLeft,
    InputRight,
    InputDeleteBack,
    InputDelete,
    InputClearBefore,
    InputDeleteWord,
    Dispatch,
    Email,
    Reclassify,
    StatusAssigned,
    StatusInProgress,
    StatusWaitingOnSupplier,
    StatusWaitingOnCaller,
    StatusResolved,
    StatusClosed,
    Search,
    /// The search of all tickets, open and closed.
    SearchAll,
    /// Intake: link the call to the open major incident of its service.
    LinkMajor,
    /// Ticket: mark as a major incident, or no longer (asks to confirm).
    ToggleMajor,
    /// Ticket: link to a major incident by its number ("-" unlinks).
    Link,
    /// Ticket: wait on the caller until a moment ("call back Thursday 10:00").
    CallBack,
    /// Intake: solve the call on the line with the standard solution suggested.
    ApplySolution,
    /// Intake: put the caller as typed on file.
    SaveCaller,
    /// Unbinds a key that a lower layer (the defaults) binds.
    Noop,
}

impl Action {
    /// For the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Back => "back",
            Action::Help => "this help",
            Action::Lookup => "who do we call? (quick lookup)",
            Action::Refresh => "reload",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "first",
            Action::Bottom => "last",
            Action::Open => "open",
            Action::Filter => "filter as you type (status: supplier: assignee: prio:)",
            Action::SortNext => "sort by the next column",
            Action::ViewOpen => "view: all open, most urgent first",
            Action::ViewMine => "view: mine",
            Action::ViewUnassigned => "view: unassigned",
            Action::ViewAtRisk => "view: breaching soon",
            Action::ViewWaitingOnSupplier => "view: waiting on supplier",
            Action::ViewSupplier => "view: one supplier (the selected ticket's; again: the next)",
            Action::ScrollUp => "scroll up",
            Action::ScrollDown => "scroll down",
            Action::NewTicket => "log a new call (in the lookup: about the hit)",
            Action::Registry => "browse the registry",
            Action::Regie => "regie: suppliers' met % against the norm, the trend, the contract watch",
            Action::Dashboard => "dashboard: open, warning and breached per supplier and participant",
            Action::NextTab => "next tab",
            Action::PreviousTab => "previous tab",
            Action::NextField => "next field",
            Action::Edit => "edit this text in $EDITOR",
            Action::PreviousField => "previous field",
            Action::Save => "log the ticket",
            Action::AssignMe => "assign to me",
            Action::Assign => "assign to a colleague (their login; none: nobody)",
            Action::ChangeStatus => "change status",
            Action::Note => "add an internal note",
            Action::Reply => "reply to the caller (first response)",
            Action::SupplierRef => "record the supplier's reference (dispatch)",
            Action::SupplierReply => "record what the supplier answered (its response)",
            Action::SupplierSolved => "the supplier reports it solved (stops its resolution clock)",
            Action::Call => "log a call with the caller (first response)",
            Action::OverrideRouting => "route to another supplier, with a reason",
            Action::Satisfaction => "record the caller's satisfaction (1-5 and a remark)",
            Action::ChangePriority => "change the priority",
            Action::CopyPhone => "copy the supplier's phone number (OSC 52: works over SSH and in tmux)",
            Action::CopyReference => "copy the supplier's reference (OSC 52)",
            Action::GoTo => "go to a ticket by its number (resolved and closed ones too)",
            Action::InputStart => "typing: to the start",
            Action::InputEnd => "typing: to the end",
            Action::InputLeft => "typing: one character left",
            Action::InputRight => "typing: one character right",
            Action::InputDeleteBack => "typing: delete before the cursor",
            Action::InputDelete => "typing: delete at the cursor",
            Action::InputClearBefore => "typing: delete everything before the cursor",
            Action::InputDeleteWord => "typing: delete the word before the cursor",
            Action::Dispatch => {
                "dispatch to the supplier: its reference (optional) and waiting on the supplier, in one change"
            }
            Action::Email => "log an email to the caller (first response)",
            Action::Reclassify => "impact and urgency (the priority follows)",
            Action::StatusAssigned => "status: assigned (to you, when nobody has it)",
            Action::StatusInProgress => "status: in progress (also reopens)",
            Action::StatusWaitingOnSupplier => "status: waiting on the supplier",
            Action::StatusWaitingOnCaller => "status: waiting on the caller (the clocks pause)",
            Action::StatusResolved => "status: resolved (asks for the solution, then to confirm)",
            Action::StatusClosed => "status: closed (asks to confirm)",
            Action::Search => "search every name, alias, keyword, location and contact (enter keeps it, esc clears)",
            Action::SearchAll => "search all history",
            Action::LinkMajor => "link the call to its service's open major incident (again: unlink)",
            Action::ToggleMajor => "mark as a major incident, or no longer (asks to confirm)",
            Action::Link => "link to a major incident by its number (- unlinks)",
            Action::CallBack => "call the caller back at a moment: waiting on the caller until then",
            Action::ApplySolution => "solve it on the line with the next suggested standard solution",
            Action::SaveCaller => "put the caller as typed (name, phone, email) on file",
            Action::Noop => "nothing",
        }
    }
}

impl Action {
    /// The status a status-menu action picks.
    pub fn status(self) -> Option<crate::domain::Status> {
        use crate::domain::Status;
        Some(match self {
            Action::StatusAssigned => Status::Assigned,
            Action::StatusInProgress => Status::InProgress,
            Action::StatusWaitingOnSupplier => Status::WaitingOnSupplier,
            Action::StatusWaitingOnCaller => Status::WaitingOnCaller,
            Action::StatusResolved => Status::Resolved,
            Action::StatusClosed => Status::Closed,
            _ => return None,
        })
    }
}
