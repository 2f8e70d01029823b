//! One client connection: admission by peer credentials, the hello, then requests one at a
//! time, or, after `subscribe`, a stream of notices. Whatever goes wrong here ends this
//! connection only, with the reason logged.
//!
//! Requests are answered on a thread of the connection's own, with blocking reads and writes:
//! the desk blocks anyway (store reads, fsync), and a thread that sleeps in `read` is woken
//! straight by the client, with no hand-over between threads in between. Fifty agents make
//! fifty threads. Subscriptions, which mostly wait, are tokio tasks.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream as StdStream;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;
use tokio::sync::broadcast::error::RecvError;
use tracing::{debug, info, warn};

use super::keeper::NoDesk;
use super::{Shared, stream};
use crate::desk::api::answer_frame;
use crate::desk::{Agent, DeskError, ErrorKind, Session};
use crate::protocol::frame::write_encoded;
use crate::protocol::{
    FrameError, Hello, HelloHead, MAX_FRAME, MAX_HELLO, Notice, PROTOCOL, Reply, Request, Welcome, WireError, decode,
    frame, read_message,
};
use crate::store::StoreError::RestoreUnfinished;

/// A client that connects must have said hello, whole, within this time.
const HELLO_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections one user may hold open at once (each TUI holds two).
pub const PER_USER: usize = 64;
/// Connections over the cap that are still told why (after their hello), before the rest are
/// closed at once.
const REFUSED_POLITELY: usize = 16;

pub async fn serve(shared: Arc<Shared>, stream: UnixStream) {
    let who = match stream.peer_cred() {
        Ok(c) => (c.uid(), c.gid(), c.pid()),
        Err(e) => return warn!("connection without peer credentials refused: {e}"),
    };
    let (uid, gid, pid) = who;
    let counted = Counted::new(shared.clone(), uid, false);
    // Over the cap by more than a script's few, before any hello: refused at once, without a
    // thread or a wait, so that one user's flood of connections costs the others nothing. The
    // refusal goes first, and what the client sent is read away (closing on unread data would
    // reset the connection before the client reads why).
    if counted.of_this_user() > PER_USER + REFUSED_POLITELY {
        let _ = stream.try_write(&runtime_error(&over_the_cap(&format!("uid {uid}"))));
        let mut sink = [0u8; 4096];
        while matches!(stream.try_read(&mut sink), Ok(n) if n > 0) {}
        return shared.log.warn(&format!("refused at once a connection of uid {uid}: over {PER_USER} connections"));
    }
    let stream = match stream.into_std().and_then(|s| s.set_nonblocking(false).map(|_| s)) {
        Ok(s) => s,
        Err(e) => return warn!("cannot take over a connection: {e}"),
    };
    let spawned = std::thread::Builder::new().name(format!("spoc-uid{uid}")).spawn(move || {
        match session(&shared, stream, (uid, gid), counted) {
            Ok(agent) => debug!("{agent} (pid {pid:?}) disconnected"),
            Err(why) => shared.log.warn(&format!("closed a connection of uid {uid} (pid {pid:?}): {why}")),
        }
    });
    if let Err(e) = spawned {
        warn!("no thread for a connection: {e}");
    }
}

/// Returns who it was, or why the connection was closed.
fn session(shared: &Arc<Shared>, mut stream: StdStream, peer: (u32, u32), counted: Counted) -> Result<Agent, String> {
    let hello = read_hello(&mut stream)?;
    stream.set_read_timeout(None).map_err(|e| e.to_string())?;
    // Admission after the hello is read, so that the refusal reaches the client: closing on
    // unread data would reset the connection instead.
    let agent = &match shared.access.admit(peer.0, peer.1) {
        Ok(agent) => agent,
        Err(why) => return refuse(&mut stream, format!("refused: {why}")),
    };
    if counted.of_this_user() > PER_USER {
        return refuse(&mut stream, over_the_cap(agent.login()));
    }
    // The head first: a client of another protocol is told so, whatever else its hello holds.
    let head: HelloHead = match decode(&hello) {
        Ok(h) => h,
        Err(e) => return refuse(&mut stream, format!("not a spoc client (bad hello: {e})")),
    };
    if head.protocol != PROTOCOL {
        let hello = Hello { protocol: head.protocol, version: head.version, lang: crate::i18n::Lang::En };
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
    let hello: Hello = match decode(&hello) {
        Ok(h) => h,
        Err(e) => return refuse(&mut stream, format!("not a spoc client (bad hello: {e})")),
    };
    let welcome = Welcome {
        protocol: PROTOCOL,
        version: env!("CARGO_PKG_VERSION").into(),
        pid: std::process::id(),
        agent: agent.login().into(),
    };
    write(&mut stream, &frame::encode(&Reply::Ok(welcome)))?;
    loop {
        let payload = match read_message(&mut stream, MAX_FRAME) {
            Ok(Some(p)) => p,
            Ok(None) => return Ok(agent.clone()),
            Err(e) => return Err(e.to_string()),
        };
        let request: Request = match decode(&payload) {
            Ok(r) => r,
            Err(e) => return refuse(&mut stream, format!("not a valid request: {e}")),
        };
        // Counted until its answer is written: shutdown waits for that.
        let _answering = InFlight::new(shared);
        let reply = match request {
            Request::Subscribe(_) => {
                // Notices are pushed by a tokio task from here on.
                let shared2 = shared.clone();
                shared.runtime.spawn(async move {
                    if let Err(why) = subscribed(shared2, stream, counted).await {
                        info!("a subscription ended: {why}");
                    }
                });
                return Ok(agent.clone());
            }
            Request::Status(_) => frame::encode(&Reply::Ok(shared.status())),
            Request::Backup(_) => stream::backup(shared, &mut stream)?,
            Request::Restore(r) => stream::restore(shared, &mut stream, agent, r)?,
            request => {
                // The keeper holds the desk while it works, so that shutdown waits for the change.
                let answered = shared.keeper.with(|desk| {
                    // Whoever uses the desk is an agent others may hand a ticket to.
                    if let Err(e) = desk.met(agent) {
                        warn!("cannot remember {agent} as an agent: {e}");
                    }
                    // The answer in the language of the agent who asked.
                    crate::i18n::set_for_thread(hello.lang);
                    request.answer(&Session::new(desk, agent.clone()))
                });
                let (reply, notice) = match answered {
                    Ok(done) => done,
                    Err(no) => (no_desk(shared, no), None),
                };
                if let Some(n) = notice {
                    shared.notify(n);
                }
                reply
            }
        };
        write(&mut stream, &reply)?;
    }
}

/// The hello, whole, within [`HELLO_TIMEOUT`] however slowly it trickles in, and no larger
/// than [`MAX_HELLO`]: a caller not yet admitted costs little.
fn read_hello(stream: &mut StdStream) -> Result<Vec<u8>, String> {
    let deadline = Instant::now() + HELLO_TIMEOUT;
    let mut timed = Deadline { stream, deadline };
    match read_message(&mut timed, MAX_HELLO) {
        Ok(Some(payload)) => Ok(payload),
        Ok(None) => Err("hung up before saying hello".into()),
        Err(FrameError::Io(e)) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
            Err(format!("no hello within {} s", HELLO_TIMEOUT.as_secs()))
        }
        Err(e) => Err(format!("bad hello: {e}")),
    }
}

/// Reads that share one deadline.
struct Deadline<'a> {
    stream: &'a mut StdStream,
    deadline: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

/// Pushes every notice until the client goes away. A client that stops reading only blocks its
/// own task; the queue is bounded, and on its next read it learns it must resync.
async fn subscribed(shared: Arc<Shared>, stream: StdStream, _counted: Counted) -> Result<(), String> {
    let mut notices = shared.notices.subscribe();
    let _subscriber = Counted::new(shared.clone(), u32::MAX, true);
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

/// The answer when the keeper holds no desk.
pub(super) fn no_desk(shared: &Shared, no: NoDesk) -> Vec<u8> {
    let message = match no {
        // The client tries once more, against the next server.
        NoDesk::Closing => STOPPING.to_string(),
        NoDesk::Unfinished => RestoreUnfinished(shared.keeper.dir().to_path_buf()).to_string(),
        NoDesk::Restoring => crate::i18n::t("server-restoring"),
        NoDesk::Damaged(why) => crate::tr!("server-damaged", why = why),
        NoDesk::Broken(why) => {
            format!("the store cannot be written ({why}); is the disk full? The server tries again every few seconds")
        }
    };
    answer_frame::<()>(Err(DeskError::Remote { kind: ErrorKind::Runtime, message }))
}

/// What a client hears from a server on its way out; `client` knows it by this text's start.
pub const STOPPING: &str = "the server is restarting; try again";

pub(super) fn write(stream: &mut StdStream, bytes: &[u8]) -> Result<(), String> {
    write_encoded(stream, bytes).map_err(|e| format!("cannot answer: {e}"))
}

fn runtime_error(message: &str) -> Vec<u8> {
    frame::encode(&Reply::<()>::Err(WireError { kind: ErrorKind::Runtime, message: message.into(), conflict: None }))
}

/// Tells the client why, then ends the connection with that reason.
fn over_the_cap(who: &str) -> String {
    format!("refused: {who} already has {PER_USER} connections open to this server; close some spoc windows or scripts")
}

pub(super) fn refuse<T>(stream: &mut StdStream, why: String) -> Result<T, String> {
    let _ = stream.write_all(&runtime_error(&why));
    Err(why)
}

/// Counts a connection (or a subscription) while it lives, in all and per user.
struct Counted {
    shared: Arc<Shared>,
    uid: u32,
    subscriber: bool,
}

impl Counted {
    fn new(shared: Arc<Shared>, uid: u32, subscriber: bool) -> Self {
        if subscriber {
            shared.subscribers.fetch_add(1, Ordering::SeqCst);
        } else {
            shared.clients.fetch_add(1, Ordering::SeqCst);
            *shared.per_user.lock().unwrap_or_else(|e| e.into_inner()).entry(uid).or_default() += 1;
        }
        Counted { shared, uid, subscriber }
    }

    /// Connections this user holds now, this one included.
    fn of_this_user(&self) -> usize {
        self.shared.per_user.lock().unwrap_or_else(|e| e.into_inner()).get(&self.uid).copied().unwrap_or(0)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        if self.subscriber {
            self.shared.subscribers.fetch_sub(1, Ordering::SeqCst);
        } else {
            self.shared.clients.fetch_sub(1, Ordering::SeqCst);
            let mut per_user = self.shared.per_user.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(n) = per_user.get_mut(&self.uid) {
                *n -= 1;
                if *n == 0 {
                    per_user.remove(&self.uid);
                }
            }
        }
        self.shared.touch();
    }
}

/// A request between its arrival and its written answer.
struct InFlight<'a>(&'a Shared);

impl<'a> InFlight<'a> {
    fn new(shared: &'a Shared) -> Self {
        shared.in_flight.fetch_add(1, Ordering::SeqCst);
        InFlight(shared)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}
