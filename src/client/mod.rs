//! The socket client: every CLI command and TUI goes through one, to the server that owns the
//! data folder, starting that server first when none runs.

mod autostart;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, SubsecRound, Utc};
use serde::de::DeserializeOwned;

pub use autostart::{connect_or_start, connect_or_start_with, holder, serve_in_background};

use crate::desk::api::requests::{Backup, Restore, Status, Subscribe};
use crate::desk::{DeskApi, DeskError};
use crate::protocol::{
    Hello, MAX_REPLY, Notice, Part, Reply, Request, ServerStatus, Welcome, decode, read_message, write_frame,
};
use crate::server::{SOCKET, STOPPING};
use crate::store::backup::BackupSummary;

/// How long a request may wait for its answer (`SPOC_TIMEOUT` seconds; a year's report over a
/// million tickets takes seconds, not minutes).
fn answer_within() -> std::time::Duration {
    let set = PATIENCE.load(std::sync::atomic::Ordering::Relaxed);
    let secs =
        std::env::var("SPOC_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(if set > 0 { set } else { 120 });
    std::time::Duration::from_secs(secs)
}

/// The process's own patience, in seconds (0: the default), for every connection it makes.
static PATIENCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How long every connection of this process waits for an answer (the terminal UI sets a few
/// seconds, so that a stuck server shows as lost instead of freezing the screen).
pub fn set_patience(patience: std::time::Duration) {
    PATIENCE.store(patience.as_secs().max(1), std::sync::atomic::Ordering::Relaxed);
}

/// How much of a restore goes in one frame.
const UPLOAD_PART: usize = 256 * 1024;

pub struct Client {
    dir: PathBuf,
    stream: Mutex<UnixStream>,
    welcome: Welcome,
    /// The program to start a server from, when this client may start one.
    exe: Option<PathBuf>,
}

/// Why a connection could not be made: nobody listens (start a server), or something else.
#[derive(Debug)]
pub enum ConnectError {
    NoServer,
    Failed(DeskError),
}

impl Client {
    /// Connects to the server of `dir`, if one runs.
    pub fn connect(dir: &Path) -> Result<Client, ConnectError> {
        let socket = dir.join(SOCKET);
        let mut stream = match UnixStream::connect(&socket) {
            Ok(s) => s,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused) => {
                return Err(ConnectError::NoServer);
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                return Err(ConnectError::Failed(DeskError::Unavailable(format!(
                    "you may not use the servicedesk in {}: {e} (it, or a folder on the way to it, belongs to another user or group)",
                    dir.display()
                ))));
            }
            Err(e) => return Err(ConnectError::Failed(unavailable(&socket, e))),
        };
        // A server that stops answering (stuck, or a machine under water) must not hang the
        // agent's command or screen for good.
        let _ = stream.set_read_timeout(Some(answer_within()));
        let welcome = exchange(&mut stream, &Hello::ours(), &socket).and_then(|payload| match decode(&payload) {
            Ok(Reply::Ok(w)) => Ok(w),
            Ok(Reply::Err(e)) => Err(e.into()),
            Err(e) => Err(DeskError::Unavailable(format!("{} answered nonsense: {e}", socket.display()))),
        });
        let welcome: Welcome = welcome.map_err(|e| match e {
            // The server went away while we said hello (killed, or a start that failed): as good
            // as none; the caller starts one or tries again.
            DeskError::Unavailable(why) if !why.contains("did not answer") => ConnectError::NoServer,
            refused => ConnectError::Failed(refused),
        })?;
        Ok(Client { dir: dir.to_path_buf(), stream: Mutex::new(stream), welcome, exe: None })
    }

    pub fn server(&self) -> &Welcome {
        &self.welcome
    }

    pub fn status(&self) -> Result<ServerStatus, DeskError> {
        self.call(Status {}.into())
    }

    /// Turns this connection into a stream of notices.
    pub fn subscribe(self) -> Result<Subscription, DeskError> {
        let () = self.call(Subscribe {}.into())?;
        let stream = self.stream.into_inner().unwrap_or_else(|e| e.into_inner());
        // Notices may be hours apart.
        let _ = stream.set_read_timeout(None);
        Ok(Subscription { stream, socket: self.dir.join(SOCKET) })
    }

    fn call<T: DeserializeOwned>(&self, request: Request) -> Result<T, DeskError> {
        let payload = self.exchange(request)?;
        self.value(&payload)
    }

    fn value<T: DeserializeOwned>(&self, payload: &[u8]) -> Result<T, DeskError> {
        match decode::<Reply<T>>(payload) {
            Ok(Reply::Ok(v)) => Ok(v),
            Ok(Reply::Err(e)) => Err(e.into()),
            Err(e) => Err(DeskError::Unavailable(format!("the server at {} answered nonsense: {e}", self.socket()))),
        }
    }

    fn socket(&self) -> String {
        self.dir.join(SOCKET).display().to_string()
    }

    fn stream(&self) -> std::sync::MutexGuard<'_, UnixStream> {
        self.stream.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Sends one message and reads the payload of the answer.
fn exchange(stream: &mut UnixStream, message: &impl serde::Serialize, socket: &Path) -> Result<Vec<u8>, DeskError> {
    if let Err(e) = write_frame(stream, message) {
        // The server may have hung up after saying why (a refusal): read that if it is there.
        return match read_message(stream, MAX_REPLY) {
            Ok(Some(payload)) if decode::<Reply<()>>(&payload).is_ok_and(|r| matches!(r, Reply::Err(_))) => Ok(payload),
            _ => Err(lost(socket, &e.to_string())),
        };
    }
    read_reply(stream, socket)
}

fn read_reply(stream: &mut UnixStream, socket: &Path) -> Result<Vec<u8>, DeskError> {
    read_message(stream, MAX_REPLY)
        .map_err(|e| match e {
            crate::protocol::FrameError::Io(io)
                if matches!(io.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) =>
            {
                // Its late answer must not be taken for the next request's: this connection
                // is done, and the next request makes a new one.
                let waited = stream.read_timeout().ok().flatten().unwrap_or_else(answer_within);
                let _ = stream.shutdown(std::net::Shutdown::Both);
                DeskError::Unavailable(format!(
                    "the server at {} did not answer within {} s (SPOC_TIMEOUT); it may be stuck (see `spoc status`), and a change asked for may still be made when it recovers",
                    socket.display(),
                    waited.as_secs()
                ))
            }
            e => lost(socket, &e.to_string()),
        })?
        .ok_or_else(|| lost(socket, "hung up"))
}

/// A server that went away mid-request: killed, or stopping. Every such failure reads the same.
fn lost(socket: &Path, detail: &str) -> DeskError {
    DeskError::Unavailable(format!("{STOPPING} (the server at {} went away: {detail})", socket.display()))
}

fn unavailable(socket: &Path, e: std::io::Error) -> DeskError {
    DeskError::Unavailable(format!("cannot reach the server at {}: {e}", socket.display()))
}

/// Whether a failed request may be sent again to the next server: the server said it was
/// stopping before it did anything, or went away.
pub fn is_restarting(e: &DeskError) -> bool {
    e.to_string().starts_with(STOPPING)
}

/// Notices from the server, as they come.
pub struct Subscription {
    stream: UnixStream,
    socket: PathBuf,
}

impl Subscription {
    /// The next notice; `Ok(None)` when the server has gone.
    pub fn next_notice(&mut self) -> Result<Option<Notice>, DeskError> {
        let Some(payload) = read_message(&mut self.stream, MAX_REPLY)
            .map_err(|e| DeskError::Unavailable(format!("the server at {} failed: {e}", self.socket.display())))?
        else {
            return Ok(None);
        };
        decode(&payload).map(Some).map_err(|e| DeskError::Unavailable(format!("bad notice: {e}")))
    }

    /// For tests of a client that stops reading, and for closing from another thread.
    pub fn stream(&self) -> &UnixStream {
        &self.stream
    }
}

impl DeskApi for Client {
    fn now(&self) -> DateTime<Utc> {
        Utc::now().trunc_subsecs(0)
    }

    /// A request the server turned away because it was stopping is sent once more, to the
    /// server that follows it (started if need be): it did nothing with it. So is a question
    /// (not a change) whose server went away before it answered.
    fn exchange(&self, request: Request) -> Result<Vec<u8>, DeskError> {
        let socket = self.dir.join(SOCKET);
        let mut stream = self.stream();
        let first = exchange(&mut stream, &request, &socket);
        let again = match &first {
            Ok(payload) => {
                matches!(decode::<Reply<()>>(payload), Ok(Reply::Err(e)) if e.message.starts_with(STOPPING))
            }
            Err(e) => is_restarting(e) && !request.changes_anything(),
        };
        // A change without an answer may have been made: say so, rather than "try again".
        let unanswered = |e: DeskError| match e {
            DeskError::Unavailable(why)
                if request.changes_anything() && is_restarting(&DeskError::Unavailable(why.clone())) =>
            {
                DeskError::Unavailable(format!(
                    "{why}; the change may have been made before it went away: look before you repeat it"
                ))
            }
            e => e,
        };
        let Some(exe) = self.exe.as_deref().filter(|_| again) else {
            return first.map_err(unanswered);
        };
        let next = connect_or_start_with(&self.dir, exe)?;
        *stream = next.stream.into_inner().unwrap_or_else(|e| e.into_inner());
        // Sent once more: the second server's silence is as unsure as the first's would be.
        exchange(&mut stream, &request, &socket).map_err(unanswered)
    }

    fn backup(&self, out: &mut dyn Write) -> Result<BackupSummary, DeskError> {
        let socket = self.dir.join(SOCKET);
        let mut stream = self.stream();
        let mut payload = exchange(&mut stream, &Request::from(Backup {}), &socket)?;
        loop {
            match self.value::<Part>(&payload)? {
                Part::Bytes(bytes) => out
                    .write_all(&bytes)
                    .map_err(|e| DeskError::Unavailable(format!("cannot write the backup: {e}")))?,
                Part::Done(summary) => return Ok(summary),
                Part::End => {
                    return Err(DeskError::Unavailable("the server ended the backup without a summary".into()));
                }
            }
            payload = read_reply(&mut stream, &socket)?;
        }
    }

    fn restore(&self, input: &mut dyn Read, name: &str, force: bool) -> Result<BackupSummary, DeskError> {
        let socket = self.dir.join(SOCKET);
        let mut stream = self.stream();
        let go = exchange(&mut stream, &Request::from(Restore { name: name.into(), force }), &socket)?;
        let () = self.value(&go)?;
        let mut buf = vec![0; UPLOAD_PART];
        loop {
            let n = match input.read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    // The server keeps nothing of an upload that breaks off.
                    return Err(DeskError::Refused(format!("cannot read {name}: {e}")));
                }
            };
            let part = if n == 0 { Part::End } else { Part::Bytes(buf[..n].to_vec()) };
            if n == 0 {
                // Restoring a large store takes as long as it takes.
                let _ = stream.set_read_timeout(None);
                let done = exchange(&mut stream, &part, &socket);
                let _ = stream.set_read_timeout(Some(answer_within()));
                let done = done?;
                return self.value(&done);
            }
            if let Err(e) = write_frame(&mut *stream, &part) {
                // The server refuses an upload as it comes (not a backup, no room) and hangs
                // up: its answer says why.
                return match read_message(&mut *stream, MAX_REPLY) {
                    Ok(Some(answer)) => self.value(&answer),
                    _ => Err(lost(&socket, &e.to_string())),
                };
            }
        }
    }
}
