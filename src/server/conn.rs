//! One client connection: admission by peer credentials, the hello, then requests one at a
//! time, or, after `subscribe`, a stream of notices. Whatever goes wrong here ends this
//! connection only, with the reason logged.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;
use tokio::sync::broadcast::error::RecvError;
use tracing::{debug, info, warn};

use super::{Shared, dispatch};
use crate::desk::{Agent, ErrorKind};
use crate::protocol::{FrameError, Hello, Notice, PROTOCOL, Reply, Request, Welcome, WireError, frame, frame_len};

/// A client that connects must say hello within this time.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

pub async fn serve(shared: Arc<Shared>, mut stream: UnixStream) {
    let who = match stream.peer_cred() {
        Ok(c) => (c.uid(), c.gid(), c.pid()),
        Err(e) => return warn!("connection without peer credentials refused: {e}"),
    };
    let agent = match shared.access.admit(who.0, who.1) {
        Ok(agent) => agent,
        Err(why) => {
            warn!("refused pid {:?}: {why}", who.2);
            let _ = stream.write_all(&runtime_error(&why)).await;
            return;
        }
    };
    let _counted = Counted::new(&shared, false);
    match session(&shared, &mut stream, &agent).await {
        Ok(()) => debug!("{agent} (pid {:?}) disconnected", who.2),
        Err(why) => warn!("closed the connection of {agent} (pid {:?}): {why}", who.2),
    }
}

async fn session(shared: &Arc<Shared>, stream: &mut UnixStream, agent: &Agent) -> Result<(), String> {
    let hello = match tokio::time::timeout(HELLO_TIMEOUT, read_frame(stream)).await {
        Err(_) => return Err("no hello within 10 s".into()),
        Ok(Ok(Some(payload))) => payload,
        Ok(Ok(None)) => return Ok(()),
        Ok(Err(e)) => return Err(e.to_string()),
    };
    let hello: Hello = match serde_json::from_slice(&hello) {
        Ok(h) => h,
        Err(e) => return refuse(stream, format!("not a spoc client (bad hello: {e})")).await,
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
        return refuse(stream, why).await;
    }
    let welcome = Welcome {
        protocol: PROTOCOL,
        version: env!("CARGO_PKG_VERSION").into(),
        pid: std::process::id(),
        agent: agent.login().into(),
    };
    write(stream, &frame::encode(&Reply::Ok(welcome))).await?;
    loop {
        let payload = match read_frame(stream).await {
            Ok(Some(p)) => p,
            Ok(None) => return Ok(()),
            Err(e) => return Err(e.to_string()),
        };
        let request: Request = match serde_json::from_slice(&payload) {
            Ok(r) => r,
            Err(e) => return refuse(stream, format!("not a valid request: {e}")).await,
        };
        match request {
            Request::Status => {
                let shared = shared.clone();
                // Counting a million tickets takes a while; not on the event loop.
                let status = tokio::task::spawn_blocking(move || shared.status()).await.map_err(|e| e.to_string())?;
                write(stream, &frame::encode(&Reply::Ok(status))).await?
            }
            Request::Subscribe => return subscribed(shared, stream).await,
            request => {
                let reply = {
                    // Held while the desk works, so that shutdown waits for the change to be flushed.
                    let _open = shared.gate.read().await;
                    // The desk blocks (store reads, fsync). In place rather than on a blocking
                    // thread: the hand-over to another thread and back cost more than a query.
                    let (reply, notice) =
                        tokio::task::block_in_place(|| dispatch::handle(&shared.desk, agent.clone(), request));
                    if let Some(n) = notice {
                        // No receivers is fine; a full queue drops for the laggard only.
                        let _ = shared.notices.send(n);
                    }
                    reply
                };
                write(stream, &reply).await?;
            }
        }
    }
}

/// Pushes every notice until the client goes away. A client that stops reading only blocks its
/// own task; the queue is bounded, and on its next read it learns it must resync.
async fn subscribed(shared: &Arc<Shared>, stream: &mut UnixStream) -> Result<(), String> {
    let mut notices = shared.notices.subscribe();
    let _counted = Counted::new(shared, true);
    write(stream, &frame::encode(&Reply::Ok(()))).await?;
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

async fn read_frame(r: &mut (impl AsyncRead + Unpin)) -> Result<Option<Vec<u8>>, FrameError> {
    let mut header = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match r.read(&mut header[got..]).await? {
            0 if got == 0 => return Ok(None),
            0 => return Err(FrameError::Truncated),
            n => got += n,
        }
    }
    let mut payload = vec![0; frame_len(header)?];
    r.read_exact(&mut payload).await?;
    Ok(Some(payload))
}

async fn write(stream: &mut UnixStream, bytes: &[u8]) -> Result<(), String> {
    stream.write_all(bytes).await.map_err(|e| format!("cannot answer: {e}"))
}

fn runtime_error(message: &str) -> Vec<u8> {
    dispatch::refusal(WireError { kind: ErrorKind::Runtime, message: message.to_string(), conflict: None })
}

/// Tells the client why, then ends the connection with that reason.
async fn refuse(stream: &mut UnixStream, why: String) -> Result<(), String> {
    let _ = stream.write_all(&runtime_error(&why)).await;
    Err(why)
}

/// Counts a connection (or a subscription) while it lives.
struct Counted<'a> {
    shared: &'a Shared,
    subscriber: bool,
}

impl<'a> Counted<'a> {
    fn new(shared: &'a Shared, subscriber: bool) -> Self {
        let counter = if subscriber { &shared.subscribers } else { &shared.clients };
        counter.fetch_add(1, Ordering::SeqCst);
        Counted { shared, subscriber }
    }
}

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        let counter = if self.subscriber { &self.shared.subscribers } else { &self.shared.clients };
        counter.fetch_sub(1, Ordering::SeqCst);
        self.shared.touch();
    }
}
