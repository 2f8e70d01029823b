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
    ScrollUp,
    ScrollDown,
    NewTicket,
    NextField,
    PreviousField,
    Save,
    AssignMe,
    ChangeStatus,
    Note,
    Reply,
    SupplierRef,
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
            Action::ScrollUp => "scroll up",
            Action::ScrollDown => "scroll down",
            Action::NewTicket => "log a new call",
            Action::NextField => "next field",
            Action::PreviousField => "previous field",
            Action::Save => "log the ticket",
            Action::AssignMe => "assign to me",
            Action::ChangeStatus => "change status",
            Action::Note => "add an internal note",
            Action::Reply => "reply to the caller (first response)",
            Action::SupplierRef => "record the supplier's reference (dispatch)",
            Action::Noop => "nothing",
        }
    }
}
