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
        return out(&format!("{} is served by spoc (pid {})\n", a.dir.display(), client.server().pid));
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
        Err(ConnectError::NoServer) => {
            return Err(Failure::Runtime(format!("no server runs for {}", dir.display())));
        }
        Err(ConnectError::Failed(e)) => return Err(e.into()),
    };
    let s = client.status()?;
    if as_json {
        return json(&s);
    }
    let up = s.uptime_secs;
    let store = if s.restore_unfinished {
        "an earlier restore did not finish: run `spoc restore FILE --force`; until then only status and restore are answered".into()
    } else {
        format!("{} tickets, {:.1} MiB on disk", s.tickets, s.store_bytes as f64 / (1024.0 * 1024.0))
    };
    out(&format!(
        "server   pid {}, spoc {} (protocol {}), up {}h {:02}m {:02}s since {}\nfolder   {}\nclients  {} connected ({} subscribed to live changes)\nstore    {store}\n",
        s.pid,
        s.version,
        s.protocol,
        up / 3600,
        up / 60 % 60,
        up % 60,
        s.started_at.to_rfc3339(),
        s.data.display(),
        s.clients,
        s.subscribers,
    ))
}

/// Prints each change as a JSON line as it happens, until the server stops.
pub fn watch(dir: &Path) -> CmdResult {
    let mut subscription = connect_or_start(dir)?.subscribe()?;
    while let Some(notice) = subscription.next_notice()? {
        out(&format!("{}\n", watch_line(&notice)))?;
    }
    Err(DeskError::Unavailable("the server stopped".into()).into())
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
