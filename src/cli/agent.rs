//! `spoc agent list|add`: who a ticket may be assigned to.

use super::{CmdResult, out};
use crate::desk::DeskApi;

pub fn list(desk: &dyn DeskApi) -> CmdResult {
    let agents = desk.agents()?;
    out(&agents.iter().map(|a| format!("{a}\n")).collect::<String>())
}

pub fn add(desk: &dyn DeskApi, login: String) -> CmdResult {
    desk.add_agent(login.clone())?;
    out(&format!("{}\n", crate::tr!("cli-agent-added", login = login.as_str())))
}
