//! The acting agent: the login on the host.

use std::fmt;

use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Agent(String);

impl Agent {
    pub fn new(login: impl Into<String>) -> Self {
        Agent(login.into())
    }

    /// The Unix user running this process (the login, not a name anyone types).
    pub fn current() -> Self {
        let uid = nix::unistd::getuid();
        match nix::unistd::User::from_uid(uid) {
            Ok(Some(user)) => Agent(user.name),
            _ => Agent(std::env::var("USER").unwrap_or_else(|_| format!("uid{uid}"))),
        }
    }

    pub fn login(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Agent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl super::Desk {
    /// Remembers an agent who used the desk, so that colleagues may hand them tickets.
    pub fn met(&self, agent: &Agent) -> Result<(), super::DeskError> {
        Ok(self.store().met_agent(agent.login(), self.now())?)
    }

    /// Makes a colleague known before they have used spoc here (a new agent's first day).
    pub fn add_agent(&self, by: &Agent, login: &str) -> Result<(), super::DeskError> {
        let valid = !login.is_empty()
            && login.len() <= 32
            && login.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            && !login.starts_with('-');
        if !valid {
            return Err(super::DeskError::Refused(tr!("desk-not-a-login", login = format!("{login:?}"))));
        }
        if RESERVED.contains(&login.to_lowercase().as_str()) {
            return Err(super::DeskError::Refused(tr!("desk-login-reserved", login = format!("{login:?}"))));
        }
        if let Some(known) = self.known_agents()?.into_iter().find(|k| k.eq_ignore_ascii_case(login)) {
            return Err(super::DeskError::Refused(tr!("desk-agent-known-already", login = known)));
        }
        let _w = self.write_lock();
        Ok(self.store().add_agent(login, self.now(), by.login())?)
    }

    /// Who may be handed a ticket: whoever has used this desk or had a ticket, the folder's
    /// owner, and the members of the folder's group.
    pub fn known_agents(&self) -> Result<std::collections::BTreeSet<String>, super::DeskError> {
        use std::os::unix::fs::MetadataExt;
        let mut known = self.store().agents()?;
        if let Ok(meta) = std::fs::metadata(self.store().dir()) {
            if let Ok(Some(owner)) = nix::unistd::User::from_uid(meta.uid().into()) {
                known.insert(owner.name);
            }
            if let Ok(Some(group)) = nix::unistd::Group::from_gid(meta.gid().into()) {
                known.extend(group.mem);
            }
        }
        Ok(known)
    }

    /// The known login `login` stands for (its own spelling, whatever the case typed), or a
    /// refusal naming the nearest known ones: a ticket assigned to a typo is a ticket nobody
    /// works on.
    pub fn check_agent(&self, login: &str) -> Result<String, super::DeskError> {
        let known = self.known_agents()?;
        if let Some(k) =
            known.iter().find(|k| *k == login).or_else(|| known.iter().find(|k| k.eq_ignore_ascii_case(login)))
        {
            return Ok(k.clone());
        }
        if self.in_folder_group(login) {
            return Ok(login.to_string());
        }
        let near = crate::domain::registry::lookup::closest(login, known.iter().map(String::as_str), 3);
        let login = format!("{login:?}");
        let refusal = if near.is_empty() {
            let known = known.iter().take(12).cloned().collect::<Vec<_>>().join(", ");
            tr!("desk-no-agent", login = login, known = known)
        } else {
            tr!("desk-no-agent-near", login = login, near = super::either(&near))
        };
        Err(super::DeskError::Refused(refusal))
    }

    /// A Unix user whose own group is the folder's (members of a group by their primary group
    /// are not listed in the group itself).
    fn in_folder_group(&self, login: &str) -> bool {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = std::fs::metadata(self.store().dir()) else { return false };
        matches!(nix::unistd::User::from_name(login), Ok(Some(u)) if u.gid.as_raw() == meta.gid())
    }
}

/// Words `--assign` reads as something other than a login.
const RESERVED: [&str; 5] = ["me", "none", "nobody", "unassigned", "-"];
