//! The server's one desk, and the checkpoints that keep its restarts fast.
//!
//! sled writes its recovery snapshot only when it opens a store, so a restart replays every
//! write since the server last opened it: after months of work, or a restore, that is minutes.
//! So after many writes, at a quiet moment, the server closes and reopens its store. Requests
//! that arrive meanwhile wait (for about a second with a million tickets); none is refused.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use tracing::info;

use crate::desk::{Desk, DeskError};
use crate::store::StoreError;

/// How long to wait for a store that another process (or sled, in this one) is letting go of.
const STORE_WAIT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct Checkpoints {
    /// Reopen after this many writes...
    pub after_writes: u64,
    /// ...once no request has come for this long.
    pub quiet: Duration,
}

impl Default for Checkpoints {
    fn default() -> Self {
        Checkpoints { after_writes: 100_000, quiet: Duration::from_secs(10) }
    }
}

pub struct Keeper {
    dir: PathBuf,
    /// `None` once the server is closing. Requests hold it for reading while the desk works, so
    /// closing and checkpoints (which take it for writing) wait for them.
    desk: RwLock<Option<Desk>>,
    writes: AtomicU64,
    last_request: Mutex<Instant>,
    checkpoints: Checkpoints,
}

impl Keeper {
    pub fn open(dir: &Path, checkpoints: Checkpoints) -> Result<Keeper, DeskError> {
        Ok(Keeper {
            dir: dir.to_path_buf(),
            desk: RwLock::new(Some(open_desk(dir)?)),
            writes: AtomicU64::new(0),
            last_request: Mutex::new(Instant::now()),
            checkpoints,
        })
    }

    /// Runs `work` with the desk; `None` when the server is closing.
    pub fn with<T>(&self, work: impl FnOnce(&Desk) -> T) -> Option<T> {
        *self.last_request.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        let desk = self.desk.read().unwrap_or_else(|e| e.into_inner());
        desk.as_ref().map(work)
    }

    /// Reads the open tickets' search texts, so that the first filter an agent types is fast.
    pub fn warm_up(&self) {
        let started = Instant::now();
        let desk = self.desk.read().unwrap_or_else(|e| e.into_inner());
        match desk.as_ref().map(|d| d.store().warm_up()) {
            Some(Ok(n)) => info!("read {n} open tickets for filtering in {} ms", started.elapsed().as_millis()),
            Some(Err(e)) => tracing::warn!("could not read the open tickets ahead: {e}"),
            None => {}
        }
    }

    /// Counts writes towards the next checkpoint.
    pub fn wrote(&self, count: u64) {
        self.writes.fetch_add(count, Ordering::Relaxed);
    }

    /// Waits for requests under way, flushes, and turns later ones away.
    pub fn close(&self) -> Result<(), DeskError> {
        let mut desk = self.desk.write().unwrap_or_else(|e| e.into_inner());
        if let Some(d) = desk.take() {
            d.store().flush()?;
        }
        Ok(())
    }

    /// Reopens the store if enough was written and it is quiet. Blocks: not on the event loop.
    pub fn checkpoint_if_due(&self) -> Result<(), DeskError> {
        let writes = self.writes.load(Ordering::Relaxed);
        let quiet = self.last_request.lock().unwrap_or_else(|e| e.into_inner()).elapsed();
        if writes < self.checkpoints.after_writes || quiet < self.checkpoints.quiet {
            return Ok(());
        }
        let started = Instant::now();
        let mut desk = self.desk.write().unwrap_or_else(|e| e.into_inner());
        if desk.is_none() {
            return Ok(());
        }
        // Drop the store first: sled allows one open store per folder, in this process too.
        *desk = None;
        *desk = Some(open_desk(&self.dir)?);
        self.writes.fetch_sub(writes, Ordering::Relaxed);
        info!("checkpoint: reopened the store after {writes} writes in {} ms", started.elapsed().as_millis());
        drop(desk);
        self.warm_up();
        Ok(())
    }
}

/// The store may still be held for a moment by a process that is letting go of it (a demo that
/// just filled it, a server that is exiting, or sled's own threads here after a checkpoint).
fn open_desk(dir: &Path) -> Result<Desk, DeskError> {
    let deadline = Instant::now() + STORE_WAIT;
    loop {
        match Desk::open(dir) {
            Err(DeskError::Store(StoreError::InUse { .. })) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}
