//! `spoc serve`: the one process that owns a data folder's store, serving the desk to every
//! TUI and CLI on the host over a Unix socket inside that folder.
//!
//! Start-up order decides races: the folder's `serve.lock` first (exactly one server wins; the
//! others leave), then the store, then the socket. A socket left by a killed server is stale by
//! then, since its owner no longer holds the lock, and is replaced.

pub(crate) mod access;
mod conn;
mod keeper;
mod log;
pub mod phase;
mod stream;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, SubsecRound, Utc};
use nix::fcntl::{Flock, FlockArg};
use tokio::net::UnixListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::broadcast;
use tracing::{info, warn};

pub use access::{Access, AccessError};
pub use conn::{PER_USER, STOPPING};
pub use keeper::Checkpoints;
use keeper::{Keeper, NoDesk};
use log::Throttled;

use crate::desk::DeskError;
use crate::protocol::{Notice, PROTOCOL, ServerStatus};

pub const SOCKET: &str = "spoc.sock";
pub const LOCK: &str = "serve.lock";
pub const PID: &str = "serve.pid";
/// Where an autostarted server writes its log.
pub const LOG: &str = "serve.log";

/// When after the start, and how often, callers' data past the retention time is removed.
const RETENTION_FIRST: Duration = Duration::from_secs(10 * 60);
const RETENTION_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// How often to see whether a checkpoint is due.
const CHECKPOINT_LOOK: Duration = Duration::from_secs(5);
/// Notices a subscriber may fall behind before it is told to resync.
const NOTICE_QUEUE: usize = 1024;

#[derive(Clone)]
pub struct ServeOptions {
    pub dir: PathBuf,
    /// The Unix group that shares this servicedesk, if any.
    pub group: Option<String>,
    /// Exit after this long without any client (servers that clients started themselves).
    pub idle_exit: Option<Duration>,
    pub checkpoints: Checkpoints,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{} is already served by spoc{}", dir.display(), pid.map(|p| format!(" (pid {p})")).unwrap_or_default())]
    AlreadyServed { dir: PathBuf, pid: Option<u32> },
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error(transparent)]
    Desk(#[from] DeskError),
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> ServeError {
    let what = what.into();
    move |source| ServeError::Io { what, source }
}

/// What every connection shares.
pub(crate) struct Shared {
    keeper: Keeper,
    access: Access,
    notices: broadcast::Sender<Notice>,
    started_at: DateTime<Utc>,
    started: Instant,
    clients: AtomicUsize,
    subscribers: AtomicUsize,
    /// Requests answered or being answered whose reply is not written yet: shutdown waits for
    /// them, so that a change made is never left without its answer.
    in_flight: AtomicUsize,
    /// Connections per user id, to cap them.
    per_user: Mutex<HashMap<u32, usize>>,
    /// Warnings a hostile or broken client could repeat endlessly.
    log: Throttled,
    /// For connection threads that hand a subscription to a task.
    runtime: tokio::runtime::Handle,
    last_activity: Mutex<Instant>,
}

impl Shared {
    fn touch(&self) {
        *self.last_activity.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
    }

    fn idle_for(&self) -> Option<Duration> {
        if self.clients.load(Ordering::SeqCst) > 0 {
            return None;
        }
        Some(self.last_activity.lock().unwrap_or_else(|e| e.into_inner()).elapsed())
    }

    /// Counts tickets: not on the event loop.
    fn status(&self) -> ServerStatus {
        let counted = self.keeper.with(|desk| (desk.store().ticket_count(), desk.store().size_on_disk()));
        let (tickets, store_bytes) = counted.clone().unwrap_or_default();
        ServerStatus {
            pid: std::process::id(),
            version: env!("CARGO_PKG_VERSION").into(),
            protocol: PROTOCOL,
            data: self.keeper.dir().to_path_buf(),
            started_at: self.started_at,
            uptime_secs: self.started.elapsed().as_secs(),
            clients: self.clients.load(Ordering::SeqCst),
            subscribers: self.subscribers.load(Ordering::SeqCst),
            tickets,
            store_bytes,
            restore_unfinished: counted == Err(NoDesk::Unfinished),
            restoring: counted == Err(NoDesk::Restoring),
            damaged: match counted {
                Err(NoDesk::Damaged(why)) => Some(why),
                _ => None,
            },
        }
    }

    /// Tells subscribers of a change, and counts it towards the next checkpoint.
    fn notify(&self, notice: Notice) {
        self.keeper.wrote(notice.writes());
        // No receivers is fine; a full queue drops for the laggard only.
        let _ = self.notices.send(notice);
    }
}

/// Serves until SIGTERM or SIGINT (or the idle time), then flushes and returns.
pub fn run(opts: ServeOptions) -> Result<(), ServeError> {
    // SIGTERM and SIGINT are caught from the first moment: one that arrives while the store
    // opens (seconds, for a large one) stops the server once it is open, never in the middle of
    // sled writing a snapshot.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("spoc-serve")
        .build()
        .map_err(io("cannot start the server runtime"))?;
    let stops = {
        let _in_runtime = runtime.enter();
        Stops {
            term: signal(SignalKind::terminate()).map_err(io("SIGTERM handler"))?,
            int: signal(SignalKind::interrupt()).map_err(io("SIGINT handler"))?,
        }
    };
    raise_descriptor_limit();
    let access = Access::new(opts.group.as_deref(), &opts.dir)?;
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(access.umask() as _));
    access.prepare_folder(&opts.dir)?;
    let _lock = take_lock(&opts.dir)?;
    let pid_file = opts.dir.join(PID);
    std::fs::write(&pid_file, std::process::id().to_string()).map_err(io(pid_file.display().to_string()))?;
    phase::write(&opts.dir, phase::Phase::Starting);
    remove_spooled(&opts.dir);
    let keeper = Keeper::open(&opts.dir, opts.checkpoints.clone())?;
    let shared = Arc::new(Shared {
        keeper,
        access,
        notices: broadcast::channel(NOTICE_QUEUE).0,
        started_at: Utc::now().trunc_subsecs(0),
        started: Instant::now(),
        clients: AtomicUsize::new(0),
        subscribers: AtomicUsize::new(0),
        in_flight: AtomicUsize::new(0),
        per_user: Mutex::new(HashMap::new()),
        log: Throttled::default(),
        runtime: runtime.handle().clone(),
        last_activity: Mutex::new(Instant::now()),
    });
    let warming = shared.clone();
    std::thread::spawn(move || warming.keeper.warm_up());
    let result = runtime.block_on(serve(shared.clone(), &opts, stops));
    runtime.shutdown_timeout(Duration::from_secs(1));
    let _ = std::fs::remove_file(&pid_file);
    result
}

/// The signals that stop the server, caught since it started.
struct Stops {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
}

async fn serve(shared: Arc<Shared>, opts: &ServeOptions, stops: Stops) -> Result<(), ServeError> {
    let Stops { mut term, mut int } = stops;
    let socket = opts.dir.join(SOCKET);
    let listener = bind(&socket, &shared.access)?;
    phase::write(&opts.dir, phase::Phase::Serving);
    info!("serving {} on {} (pid {})", opts.dir.display(), socket.display(), std::process::id());
    // An interval, not a fresh sleep per turn: steady traffic must not postpone checkpoints.
    let mut checkpoint = tokio::time::interval(CHECKPOINT_LOOK);
    checkpoint.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    checkpoint.tick().await;
    // Callers' personal data past the retention time goes once a day (first a while after the
    // start, so that a restart is not slowed by it).
    let mut retention = tokio::time::interval_at(tokio::time::Instant::now() + RETENTION_FIRST, RETENTION_EVERY);
    retention.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut accept_failures = AcceptFailures::default();
    let why = loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    accept_failures.reset();
                    shared.touch();
                    tokio::spawn(conn::serve(shared.clone(), stream));
                }
                // Out of file descriptors (or memory) the next accept fails the same way: back
                // off instead of spinning, and say so once a while instead of every time.
                Err(e) => tokio::time::sleep(accept_failures.note(&e)).await,
            },
            _ = term.recv() => break "SIGTERM",
            _ = int.recv() => break "SIGINT",
            _ = idle(&shared, opts.idle_exit) => break "idle",
            _ = retention.tick() => {
                let keeper = shared.clone();
                tokio::task::spawn_blocking(move || {
                    let purged = keeper.keeper.with(|desk| desk.purge_on_schedule());
                    match purged {
                        Ok(Ok(0)) | Err(_) => {}
                        Ok(Ok(n)) => {
                            info!("removed callers' personal data from {n} tickets past the retention time");
                            keeper.notify(Notice::Resync);
                        }
                        Ok(Err(e)) => tracing::warn!("the daily retention purge failed: {e}"),
                    }
                });
            }
            _ = checkpoint.tick() => {
                let keeper = shared.clone();
                // A failed reopen leaves no store to serve: stop, and let the next client restart.
                let done = tokio::task::spawn_blocking(move || {
                    if keeper.keeper.heal_if_broken() { keeper.keeper.checkpoint_if_due() } else { Ok(()) }
                })
                .await;
                if let Ok(Err(e)) = done {
                    tracing::error!("checkpoint failed: {e}");
                    break "a failed checkpoint";
                }
            }
        }
    };
    info!("stopping ({why})");
    phase::write(&opts.dir, phase::Phase::Stopping);
    drop(listener);
    let _ = std::fs::remove_file(&socket);
    // Requests under way finish first; later ones are turned away.
    let closing = shared.clone();
    tokio::task::spawn_blocking(move || closing.keeper.close())
        .await
        .map_err(|e| io("shutdown")(std::io::Error::other(e)))??;
    // Answers of requests under way reach their clients before the process ends.
    let deadline = Instant::now() + Duration::from_secs(5);
    while shared.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    info!("stopped; everything confirmed is on disk");
    Ok(())
}

/// Every connection holds a descriptor, and the soft limit is often 1,024: it goes up to what
/// the system allows this process.
fn raise_descriptor_limit() {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    // Some systems say "no limit" for the hard one, which no soft limit may be: a million is.
    if let Ok((soft, hard)) = getrlimit(Resource::RLIMIT_NOFILE)
        && soft < hard.min(1 << 20)
        && let Err(e) = setrlimit(Resource::RLIMIT_NOFILE, hard.min(1 << 20), hard)
    {
        warn!("could not raise the open-files limit from {soft} to {hard}: {e}");
    }
}

/// Failed accepts in a row: how long to wait before the next, and when to log.
#[derive(Default)]
struct AcceptFailures {
    in_a_row: u32,
    unlogged: u64,
    last_log: Option<Instant>,
}

impl AcceptFailures {
    fn note(&mut self, e: &std::io::Error) -> Duration {
        self.in_a_row = self.in_a_row.saturating_add(1);
        self.unlogged += 1;
        if self.last_log.is_none_or(|t| t.elapsed() >= Duration::from_secs(10)) {
            warn!("accept failed: {e} ({} time(s) since the last report); backing off", self.unlogged);
            self.unlogged = 0;
            self.last_log = Some(Instant::now());
        }
        // 10 ms, doubling up to a second.
        Duration::from_millis(10u64 << self.in_a_row.min(7)).min(Duration::from_secs(1))
    }

    fn reset(&mut self) {
        if self.in_a_row > 0 {
            info!("accepting connections again");
        }
        self.in_a_row = 0;
    }
}

/// Resolves once no client has been connected for `limit`; never without a limit.
async fn idle(shared: &Shared, limit: Option<Duration>) {
    let Some(limit) = limit else { return std::future::pending().await };
    loop {
        match shared.idle_for() {
            Some(d) if d >= limit => return,
            Some(d) => tokio::time::sleep(limit - d).await,
            None => tokio::time::sleep(limit).await,
        }
    }
}

/// Uploads of restores that a killed server left behind (we hold the lock: none is in use).
fn remove_spooled(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with(".restore-") && name.ends_with(".incoming") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn take_lock(dir: &Path) -> Result<Flock<std::fs::File>, ServeError> {
    let path = dir.join(LOCK);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io(path.display().to_string()))?;
    Flock::lock(file, FlockArg::LockExclusiveNonblock).map_err(|_| ServeError::AlreadyServed {
        dir: dir.to_path_buf(),
        pid: std::fs::read_to_string(dir.join(PID)).ok().and_then(|p| p.trim().parse().ok()),
    })
}

fn bind(socket: &Path, access: &Access) -> Result<UnixListener, ServeError> {
    // We hold the lock, so a socket file here was left by a server that is gone.
    match std::fs::remove_file(socket) {
        Ok(()) => info!("replaced the stale socket {}", socket.display()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(format!("cannot remove the stale socket {}", socket.display()))(e)),
    }
    let listener = UnixListener::bind(socket).map_err(io(format!("cannot listen on {}", socket.display())))?;
    access.prepare_socket(socket)?;
    Ok(listener)
}
