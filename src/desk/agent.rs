//! The acting agent: the login on the host.

use std::fmt;

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
