//! `spoc serve`, `spoc status` and `spoc watch`: the server, who serves a folder, and its
//! live notices.

use std::path::Path;
use std::time::Duration;

use super::{CmdResult, Failure, json, out};
use crate::client::{Client, ConnectError, connect_or_start, serve_in_background};
use crate::desk::DeskError;
use crate::protocol::Notice;
use crate::server::{self, Checkpoints, ServeError, ServeOptions};

pub struct ServeArgs<'a> {
    pub dir: &'a Path,
    pub group: Option<String>,
    pub foreground: bool,
    pub autostarted: bool,
    pub idle_exit: Option<u64>,
}

pub fn serve(a: ServeArgs) -> CmdResult {
    if !a.foreground {
        // In the background, as a client would start it; return once it answers.
        let client = serve_in_background(a.dir, a.idle_exit)?;
        let (folder, pid) = (a.dir.display().to_string(), client.server().pid);
        return out(&format!("{}\n", crate::tr!("cli-serve-started", folder = folder, pid = pid)));
    }
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("SPOC_LOG").unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let opts = ServeOptions {
        dir: a.dir.to_path_buf(),
        group: a.group,
        idle_exit: a.idle_exit.map(Duration::from_secs),
        checkpoints: checkpoints(),
    };
    match server::run(opts) {
        Ok(()) => Ok(()),
        // A server started by a client that lost the start race: the winner serves; all is well.
        Err(ServeError::AlreadyServed { .. }) if a.autostarted => Ok(()),
        Err(e @ ServeError::AlreadyServed { .. }) => Err(Failure::Runtime(e.to_string())),
        Err(e) => {
            tracing::error!("{e}");
            Err(Failure::Runtime(e.to_string()))
        }
    }
}

pub fn status(dir: &Path, as_json: bool) -> CmdResult {
    let client = match Client::connect(dir) {
        Ok(c) => c,
        // No answer on the socket, but a process may still hold the folder: say which.
        Err(ConnectError::NoServer) => {
            use crate::server::phase::Phase;
            let folder = dir.display().to_string();
            let why = match crate::client::holder(dir) {
                Some((pid, Some(Phase::Starting))) => crate::tr!("cli-status-starting", folder = folder, pid = pid),
                Some((pid, Some(Phase::Stopping))) => crate::tr!("cli-status-stopping", folder = folder, pid = pid),
                Some((pid, _)) => crate::tr!(
                    "cli-status-socket-gone",
                    folder = folder,
                    pid = pid,
                    socket = dir.join(crate::server::SOCKET).display().to_string()
                ),
                None => crate::tr!("cli-status-no-server", folder = folder),
            };
            return Err(Failure::Runtime(why));
        }
        Err(ConnectError::Failed(e)) => return Err(e.into()),
    };
    let s = client.status()?;
    if as_json {
        return json(&s);
    }
    let up = s.uptime_secs;
    let store = if let Some(why) = &s.damaged {
        crate::tr!("cli-status-damaged", why = why.as_str())
    } else if s.restoring {
        crate::i18n::t("cli-status-restoring")
    } else if s.restore_unfinished {
        crate::i18n::t("cli-status-restore-unfinished")
    } else {
        let size = crate::i18n::decimal(s.store_bytes as f64 / (1024.0 * 1024.0), 1);
        crate::tr!("cli-status-store", tickets = s.tickets, size = size)
    };
    let server = crate::tr!(
        "cli-status-server",
        pid = s.pid,
        version = s.version.as_str(),
        protocol = s.protocol,
        hours = up / 3600,
        minutes = format!("{:02}", up / 60 % 60),
        seconds = format!("{:02}", up % 60),
        since = s.started_at.to_rfc3339()
    );
    let clients = crate::tr!("cli-status-clients", clients = s.clients, subscribers = s.subscribers);
    let lines = [
        (crate::i18n::t("cli-status-server-label"), server),
        (crate::i18n::t("cli-status-folder-label"), s.data.display().to_string()),
        (crate::i18n::t("cli-status-clients-label"), clients),
        (crate::i18n::t("cli-status-store-label"), store),
    ];
    // The labels' column fits the longest label, and at least as wide as it always was.
    let width = lines.iter().map(|(label, _)| label.chars().count() + 2).max().unwrap_or(0).max(9);
    out(&lines.iter().map(|(label, value)| format!("{label:<width$}{value}\n")).collect::<String>())
}

/// Prints each change as a JSON line as it happens, until the server stops.
pub fn watch(dir: &Path) -> CmdResult {
    let mut subscription = connect_or_start(dir)?.subscribe()?;
    while let Some(notice) = subscription.next_notice()? {
        out(&format!("{}\n", watch_line(&notice)))?;
    }
    Err(DeskError::Unavailable(crate::i18n::t("cli-watch-server-stopped")).into())
}

/// One JSON object per notice, with its kind in `type`, for scripts.
fn watch_line(notice: &Notice) -> serde_json::Value {
    match notice {
        Notice::Ticket { id, version, by, at } => serde_json::json!({
            "type": "ticket", "id": id, "version": version, "by": by, "at": at.to_rfc3339(),
        }),
        Notice::Registry { by, at } => serde_json::json!({ "type": "registry", "by": by, "at": at.to_rfc3339() }),
        Notice::Resync => serde_json::json!({ "type": "resync" }),
    }
}

/// `SPOC_CHECKPOINT_WRITES` and `SPOC_CHECKPOINT_QUIET` (seconds) override the defaults.
fn checkpoints() -> Checkpoints {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let default = Checkpoints::default();
    Checkpoints {
        after_writes: env("SPOC_CHECKPOINT_WRITES").unwrap_or(default.after_writes),
        quiet: env("SPOC_CHECKPOINT_QUIET").map(Duration::from_secs).unwrap_or(default.quiet),
    }
}
