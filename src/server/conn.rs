//! One client connection: admission by peer credentials, the hello, then requests one at a
//! time, or, after `subscribe`, a stream of notices. Whatever goes wrong here ends this
//! connection only, with the reason logged.
//!
//! Requests are answered on a thread of the connection's own, with blocking reads and writes:
//! the desk blocks anyway (store reads, fsync), and a thread that sleeps in `read` is woken
//! straight by the client, with no hand-over between threads in between. Fifty agents make
//! fifty threads. Subscriptions, which mostly wait, are tokio tasks.

use std::io::Write;
use std::os::unix::net::UnixStream as StdStream;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;
use tokio::sync::broadcast::error::RecvError;
use tracing::{debug, info, warn};

use super::{Shared, dispatch};
use crate::desk::{Agent, ErrorKind};
use crate::protocol::{Hello, Notice, PROTOCOL, Reply, Request, Welcome, WireError, decode, frame, read_frame};

/// A client that connects must say hello within this time.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

pub async fn serve(shared: Arc<Shared>, stream: UnixStream) {
    let who = match stream.peer_cred() {
        Ok(c) => (c.uid(), c.gid(), c.pid()),
        Err(e) => return warn!("connection without peer credentials refused: {e}"),
    };
    let counted = Counted::new(shared.clone(), false);
    let stream = match stream.into_std().and_then(|s| s.set_nonblocking(false).map(|_| s)) {
        Ok(s) => s,
        Err(e) => return warn!("cannot take over a connection: {e}"),
    };
    let (uid, gid, pid) = who;
    let spawned = std::thread::Builder::new().name(format!("spoc-uid{uid}")).spawn(move || {
        match session(&shared, stream, (uid, gid), counted) {
            Ok(agent) => debug!("{agent} (pid {pid:?}) disconnected"),
            Err(why) => warn!("closed a connection of uid {uid} (pid {pid:?}): {why}"),
        }
    });
    if let Err(e) = spawned {
        warn!("no thread for a connection: {e}");
    }
}

/// Returns who it was, or why the connection was closed.
fn session(shared: &Arc<Shared>, mut stream: StdStream, peer: (u32, u32), counted: Counted) -> Result<Agent, String> {
    stream.set_read_timeout(Some(HELLO_TIMEOUT)).map_err(|e| e.to_string())?;
    let hello = match read_frame(&mut stream) {
        Ok(Some(payload)) => payload,
        Ok(None) => return Err("hung up before saying hello".into()),
        Err(crate::protocol::FrameError::Io(e)) if e.kind() == std::io::ErrorKind::WouldBlock => {
            return Err("no hello within 10 s".into());
        }
        Err(e) => return Err(e.to_string()),
    };
    stream.set_read_timeout(None).map_err(|e| e.to_string())?;
    // Admission after the hello is read, so that the refusal reaches the client: closing on
    // unread data would reset the connection instead.
    let agent = &match shared.access.admit(peer.0, peer.1) {
        Ok(agent) => agent,
        Err(why) => return refuse(&mut stream, format!("refused: {why}")),
    };
    let hello: Hello = match decode(&hello) {
        Ok(h) => h,
        Err(e) => return refuse(&mut stream, format!("not a spoc client (bad hello: {e})")),
    };
    if hello.protocol != PROTOCOL {
        let why = format!(
            "this server (spoc {}, pid {}) speaks protocol {PROTOCOL}, the client (spoc {}) speaks protocol {}; \
             stop the server (`kill {}`) so that the next command starts one of the client's version",
            env!("CARGO_PKG_VERSION"),
            std::process::id(),
            hello.version,
            hello.protocol,
            std::process::id()
        );
        return refuse(&mut stream, why);
    }
    let welcome = Welcome {
        protocol: PROTOCOL,
        version: env!("CARGO_PKG_VERSION").into(),
        pid: std::process::id(),
        agent: agent.login().into(),
    };
    write(&mut stream, &frame::encode(&Reply::Ok(welcome)))?;
    loop {
        let payload = match read_frame(&mut stream) {
            Ok(Some(p)) => p,
            Ok(None) => return Ok(agent.clone()),
            Err(e) => return Err(e.to_string()),
        };
        let request: Request = match decode(&payload) {
            Ok(r) => r,
            Err(e) => return refuse(&mut stream, format!("not a valid request: {e}")),
        };
        let reply = match request {
            Request::Subscribe => {
                // Notices are pushed by a tokio task from here on.
                let shared2 = shared.clone();
                shared.runtime.spawn(async move {
                    if let Err(why) = subscribed(shared2, stream, counted).await {
                        info!("a subscription ended: {why}");
                    }
                });
                return Ok(agent.clone());
            }
            request => {
                // The keeper holds the desk while it works, so that shutdown waits for the change.
                let answered = shared.keeper.with(|desk| match request {
                    Request::Status => (frame::encode(&Reply::Ok(shared.status(desk))), None),
                    request => dispatch::handle(desk, agent.clone(), request),
                });
                let Some((reply, notice)) = answered else {
                    return refuse(&mut stream, "the server is stopping; try again in a moment".into());
                };
                if let Some(n) = notice {
                    shared.keeper.wrote(n.writes());
                    // No receivers is fine; a full queue drops for the laggard only.
                    let _ = shared.notices.send(n);
                }
                reply
            }
        };
        write(&mut stream, &reply)?;
    }
}

/// Pushes every notice until the client goes away. A client that stops reading only blocks its
/// own task; the queue is bounded, and on its next read it learns it must resync.
async fn subscribed(shared: Arc<Shared>, stream: StdStream, _counted: Counted) -> Result<(), String> {
    let mut notices = shared.notices.subscribe();
    let _subscriber = Counted::new(shared.clone(), true);
    stream.set_nonblocking(true).map_err(|e| e.to_string())?;
    let mut stream = UnixStream::from_std(stream).map_err(|e| e.to_string())?;
    stream.write_all(&frame::encode(&Reply::Ok(()))).await.map_err(|e| e.to_string())?;
    let (mut reader, mut writer) = stream.split();
    let mut byte = [0u8; 1];
    loop {
        let notice = tokio::select! {
            n = notices.recv() => match n {
                Ok(n) => n,
                Err(RecvError::Lagged(missed)) => {
                    info!("a subscriber fell {missed} notices behind; told to resync");
                    Notice::Resync
                }
                Err(RecvError::Closed) => return Ok(()),
            },
            // A subscriber sends nothing; reading tells us when it hangs up.
            r = reader.read(&mut byte) => return match r {
                Ok(0) => Ok(()),
                Ok(_) => Err("a subscriber sent data".into()),
                Err(e) => Err(e.to_string()),
            },
        };
        writer.write_all(&frame::encode(&notice)).await.map_err(|e| e.to_string())?;
    }
}

fn write(stream: &mut StdStream, bytes: &[u8]) -> Result<(), String> {
    stream.write_all(bytes).map_err(|e| format!("cannot answer: {e}"))
}

fn runtime_error(message: &str) -> Vec<u8> {
    dispatch::refusal(WireError { kind: ErrorKind::Runtime, message: message.to_string(), conflict: None })
}

/// Tells the client why, then ends the connection with that reason.
fn refuse<T>(stream: &mut StdStream, why: String) -> Result<T, String> {
    let _ = stream.write_all(&runtime_error(&why));
    Err(why)
}

/// Counts a connection (or a subscription) while it lives.
struct Counted {
    shared: Arc<Shared>,
    subscriber: bool,
}

impl Counted {
    fn new(shared: Arc<Shared>, subscriber: bool) -> Self {
        let counter = if subscriber { &shared.subscribers } else { &shared.clients };
        counter.fetch_add(1, Ordering::SeqCst);
        Counted { shared, subscriber }
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        let counter = if self.subscriber { &self.shared.subscribers } else { &self.shared.clients };
        counter.fetch_sub(1, Ordering::SeqCst);
        self.shared.touch();
    }
}
