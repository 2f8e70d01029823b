//! What the folder's server is doing, for clients that cannot reach it: still starting (wait),
//! serving (then its socket is gone: say so at once), or stopping (wait for it to leave, then
//! start a new one). Kept in `DATA/serve.state` beside the pid, written whole.

use std::path::Path;

pub const STATE: &str = "serve.state";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Starting,
    Serving,
    Stopping,
}

impl Phase {
    fn as_str(self) -> &'static str {
        match self {
            Phase::Starting => "starting",
            Phase::Serving => "serving",
            Phase::Stopping => "stopping",
        }
    }
}

/// Written by the server that holds the lock; a failure to write it only costs clients a wait.
pub fn write(dir: &Path, phase: Phase) {
    let tmp = dir.join(format!("{STATE}.{}", std::process::id()));
    if std::fs::write(&tmp, phase.as_str()).is_ok() && std::fs::rename(&tmp, dir.join(STATE)).is_err() {
        let _ = std::fs::remove_file(tmp);
    }
}

pub fn read(dir: &Path) -> Option<Phase> {
    match std::fs::read_to_string(dir.join(STATE)).ok()?.trim() {
        "starting" => Some(Phase::Starting),
        "serving" => Some(Phase::Serving),
        "stopping" => Some(Phase::Stopping),
        _ => None,
    }
}
