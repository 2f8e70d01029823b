//! Starting a server when none answers. Several clients may do this at the same moment; the
//! servers they start race for the folder's lock, one wins, the others exit at once, and every
//! client connects to the winner.

use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Client, ConnectError};
use crate::desk::DeskError;
use crate::server::phase::{self, Phase};
use crate::server::{LOG, PID, SOCKET};

/// How long a client waits for a server to answer after starting one...
const START_WAIT: Duration = Duration::from_secs(30);
/// ...or, while the server it started is still at work (opening a large store, reindexing it
/// after an upgrade), this long.
const START_WAIT_BUSY: Duration = Duration::from_secs(15 * 60);
/// The signals that stop a server rather than kill it: SIGTERM, SIGINT, SIGHUP.
const STOPS: [i32; 3] = [
    nix::sys::signal::Signal::SIGTERM as i32,
    nix::sys::signal::Signal::SIGINT as i32,
    nix::sys::signal::Signal::SIGHUP as i32,
];

/// How long a serving server may be without its socket before a client says so.
const SOCKET_GRACE: Duration = Duration::from_secs(2);
/// An autostarted server leaves after this long without clients (`SPOC_IDLE_EXIT` seconds).
const IDLE_EXIT_SECS: u64 = 30 * 60;

/// Connects to the folder's server, starting one (this same program) when none runs.
pub fn connect_or_start(dir: &Path) -> Result<Client, DeskError> {
    connect_or_start_with(dir, &own_exe()?)
}

/// As [`connect_or_start`], starting the server from the `spoc` program at `exe`.
pub fn connect_or_start_with(dir: &Path, exe: &Path) -> Result<Client, DeskError> {
    let idle = std::env::var("SPOC_IDLE_EXIT").ok().and_then(|s| s.parse().ok()).unwrap_or(IDLE_EXIT_SECS);
    start(dir, exe, Some(idle))
}

/// `spoc serve` without `--foreground`: a server in the background that stays (unless
/// `idle_exit` is given), or the one that already serves `dir`.
pub fn serve_in_background(dir: &Path, idle_exit: Option<u64>) -> Result<Client, DeskError> {
    start(dir, &own_exe()?, idle_exit)
}

fn own_exe() -> Result<std::path::PathBuf, DeskError> {
    std::env::current_exe().map_err(|e| DeskError::Unavailable(format!("cannot find spoc itself: {e}")))
}

fn start(dir: &Path, exe: &Path, idle_exit: Option<u64>) -> Result<Client, DeskError> {
    match Client::connect(dir) {
        Ok(mut c) => {
            c.exe = Some(exe.to_path_buf());
            return Ok(c);
        }
        Err(ConnectError::Failed(e)) => return Err(e),
        Err(ConnectError::NoServer) => {}
    }
    let fail = |what: String| DeskError::Unavailable(what);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| fail(format!("cannot create the data folder {}: {e}", dir.display())))?;
    // Before anything is written there: a group folder that is not setgid would get files
    // private to this agent (the log first).
    // A group named for the server it starts: by SPOC_GROUP, else in the agent's config file.
    let in_config = || {
        let path = crate::cli::check_config::config_path()?;
        crate::cli::check_config::load(&path).ok().flatten()?.group
    };
    let configured = std::env::var_os("SPOC_GROUP").is_some() || in_config().is_some();
    crate::server::access::check_folder(dir, configured).map_err(|e| fail(e.to_string()))?;
    let log_path = dir.join(LOG);
    // In a folder shared with a group the log is the group's too, as everything in it.
    let shared = std::fs::metadata(dir).is_ok_and(|m| crate::server::access::is_shared(&m));
    let log =
        std::fs::OpenOptions::new().create(true).append(true).mode(if shared { 0o660 } else { 0o600 }).open(&log_path);
    let (log, log_start) = match log {
        Ok(mut file) => {
            if shared {
                use std::os::unix::fs::PermissionsExt;
                let _ = file.set_permissions(std::fs::Permissions::from_mode(0o660));
            }
            let start = file.seek(SeekFrom::End(0)).unwrap_or(0);
            (Some(file), start)
        }
        // A log a colleague's server keeps to itself: start without one rather than not at all.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => (None, 0),
        Err(e) => return Err(fail(format!("{}: {e}", log_path.display()))),
    };
    let spawn = || -> Result<std::process::Child, DeskError> {
        let mut command = Command::new(exe);
        command.arg("--data").arg(dir).args(["serve", "--foreground", "--autostarted"]);
        if let Some(secs) = idle_exit {
            command.args(["--idle-exit", &secs.to_string()]);
        }
        // Without a log of its own (a folder this agent may not write), its last words come
        // through a pipe.
        let log = match &log {
            Some(file) => file.try_clone().map(Stdio::from).unwrap_or_else(|_| Stdio::null()),
            None => Stdio::piped(),
        };
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            // Its own process group: a Ctrl-C meant for this client does not stop the server.
            .process_group(0)
            .spawn()
            .map_err(|e| fail(format!("cannot start `{} serve`: {e}", exe.display())))
    };
    let mut child = spawn()?;
    let started = Instant::now();
    let deadline = started + START_WAIT;
    let mut pause = Duration::from_millis(2);
    let mut child_left = false;
    // Which serving holder has had no socket since when: a moment is a server on its way out
    // (its state not yet written), longer is a socket removed from under it.
    let mut socket_gone_since: Option<(i32, Instant)> = None;
    // A server killed by a signal other than a stop (a crash, the OOM killer) is started once
    // more, not again and again.
    let mut restarted_after_a_kill = false;
    loop {
        match Client::connect(dir) {
            Ok(mut client) => {
                // Its stderr pipe, if any, is let go of: a server must never wait on a full pipe
                // that nobody reads (its writes then fail, and it serves on).
                drop(child.stderr.take());
                // Reap it when it leaves, so a long-lived client does not keep a zombie.
                std::thread::spawn(move || child.wait());
                client.exe = Some(exe.to_path_buf());
                return Ok(client);
            }
            Err(ConnectError::Failed(e)) => return Err(e),
            Err(ConnectError::NoServer) => {}
        }
        if !child_left && let Ok(Some(status)) = child.try_wait() {
            // Exit 0: another server holds the folder (starting, or on its way out). Stopped by
            // a signal (a storm of restarts), it said nothing: the next one is started below, as
            // for a server that left; killed by another signal, once more only.
            let signal = std::os::unix::process::ExitStatusExt::signal(&status);
            let stopped = signal.is_some_and(|n| STOPS.contains(&n));
            let retried = signal.is_some() && !stopped && !std::mem::replace(&mut restarted_after_a_kill, true);
            if !status.success() && !stopped && !retried {
                let mut said = match child.stderr.take() {
                    Some(mut pipe) => {
                        let mut text = String::new();
                        let _ = pipe.read_to_string(&mut text);
                        reason_in(&text)
                    }
                    None => log_since(&log_path, log_start),
                };
                if let Some(n) = signal {
                    said = format!("it was killed by signal {n}; {said}");
                }
                return Err(fail(format!("could not start a server for {}: {}", dir.display(), said.trim())));
            }
            child_left = true;
        }
        let holder = holder(dir);
        match holder {
            Some((pid, Some(Phase::Serving))) if child_left && socket_gone_since.is_none_or(|(p, _)| p != pid) => {
                socket_gone_since = Some((pid, Instant::now()));
            }
            // It serves, yet its socket is gone: waiting longer would not help.
            Some((pid, Some(Phase::Serving)))
                if child_left && socket_gone_since.is_some_and(|(_, t)| t.elapsed() >= SOCKET_GRACE) =>
            {
                return Err(fail(format!(
                    "the server with pid {pid} holds {} but its socket {} is gone; stop it (`kill {pid}`) and try again",
                    dir.display(),
                    dir.join(SOCKET).display()
                )));
            }
            Some((_, phase)) if phase != Some(Phase::Serving) => socket_gone_since = None,
            // The server that held the folder has left (it was stopping): start the next one.
            None if child_left => {
                socket_gone_since = None;
                child = spawn()?;
                child_left = false;
            }
            None => socket_gone_since = None,
            _ => {}
        }
        // A server still opening its store (or one on its way out) is worth waiting for.
        let busy = holder.is_some() && Instant::now() < started + START_WAIT_BUSY;
        if Instant::now() >= deadline && !busy {
            return Err(fail(format!(
                "no server answered on {} within {} s; see {}",
                dir.join(SOCKET).display(),
                started.elapsed().as_secs(),
                log_path.display()
            )));
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// The live process that holds the folder's server lock (it writes its pid), and what it
/// says it is doing.
pub fn holder(dir: &Path) -> Option<(i32, Option<Phase>)> {
    let pid = std::fs::read_to_string(dir.join(PID)).ok().and_then(|p| p.trim().parse::<i32>().ok())?;
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).ok()?;
    Some((pid, phase::read(dir)))
}

/// What the server wrote to its log since `start`: the reason it could not start. Its own
/// last words (`spoc: why`) when it said them, else its errors, without the log's time stamps.
fn log_since(path: &Path, start: u64) -> String {
    let mut text = String::new();
    if let Ok(mut f) = std::fs::File::open(path) {
        let _ = f.seek(SeekFrom::Start(start));
        let _ = f.take(64 * 1024).read_to_string(&mut text);
    }
    reason_in(&text)
}

fn reason_in(log: &str) -> String {
    if let Some(said) = log.lines().rev().find_map(|l| l.strip_prefix("spoc: ")) {
        return said.to_string();
    }
    // "2026-12-07T03:23:40Z ERROR spoc::cli::serve: why" → "why".
    let errors: Vec<&str> = log
        .lines()
        .filter(|l| l.contains(" ERROR ") || l.contains(" WARN "))
        .map(|l| l.split_once(": ").map_or(l, |(_, why)| why))
        .collect();
    match (errors.is_empty(), log.trim().is_empty()) {
        (false, _) => errors.join("\n"),
        (true, false) => log.trim().to_string(),
        (true, true) => "it exited without saying why".into(),
    }
}

#[cfg(test)]
mod tests {
    /// The reason a server could not start, as the agent reads it: once, without time stamps.
    #[test]
    fn a_failed_start_says_why_once() {
        let log =
            "2026-12-07T03:23:40Z ERROR spoc::cli::serve: the folder is not setgid\nspoc: the folder is not setgid\n";
        assert_eq!(super::reason_in(log), "the folder is not setgid");
        let log = "2026-12-07T03:23:40Z  WARN sled::pagecache: corrupt snapshot\n2026-12-07T03:23:40Z ERROR spoc::cli::serve: store: damaged\n";
        assert_eq!(super::reason_in(log), "corrupt snapshot\nstore: damaged");
        assert_eq!(super::reason_in(""), "it exited without saying why");
    }
}
