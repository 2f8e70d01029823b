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
use crate::store::backup::BackupSummary;
use crate::store::{Store, StoreError};

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

/// What the server holds of its folder.
enum Held {
    Open(Box<Desk>),
    /// An earlier restore was cut short: the store is only good for restoring into.
    Unfinished,
    /// A write failed (a full disk) and the store could not be opened anew yet: why.
    Broken(String),
    /// The store cannot be read (damaged files): why. Only `status` and a forced `restore`,
    /// which sets the damaged store aside, are answered.
    Damaged(String),
    Closed,
}

/// Why a request finds no desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoDesk {
    Closing,
    Unfinished,
    Broken(String),
    /// A restore is under way: nobody sees a store half-restored.
    Restoring,
    Damaged(String),
}

pub struct Keeper {
    dir: PathBuf,
    /// Requests hold it for reading while the desk works, so closing, checkpoints and a
    /// restore after an unfinished one (which take it for writing) wait for them.
    desk: RwLock<Held>,
    writes: AtomicU64,
    last_request: Mutex<Instant>,
    checkpoints: Checkpoints,
    restoring: std::sync::atomic::AtomicBool,
}

/// Marks a restore under way until it is dropped.
struct Restoring<'a>(&'a std::sync::atomic::AtomicBool);

impl Drop for Restoring<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

impl Keeper {
    /// Opens the folder's desk. A folder whose last restore did not finish is held too, so that
    /// a restore can be run again; until then every other request says so.
    pub fn open(dir: &Path, checkpoints: Checkpoints) -> Result<Keeper, DeskError> {
        let held = match open_desk(dir) {
            Ok(desk) => Held::Open(Box::new(desk)),
            Err(DeskError::Store(StoreError::RestoreUnfinished(_))) => {
                tracing::warn!("an earlier restore did not finish: serving `status` and `restore` only");
                Held::Unfinished
            }
            // Damaged files: served all the same, so that a restore can put a backup in place.
            Err(DeskError::Store(e)) if e.is_damage() => {
                tracing::error!("{e}: serving `status` and `restore --force` only");
                Held::Damaged(e.to_string())
            }
            Err(e) => return Err(e),
        };
        Ok(Keeper {
            dir: dir.to_path_buf(),
            desk: RwLock::new(held),
            writes: AtomicU64::new(0),
            last_request: Mutex::new(Instant::now()),
            checkpoints,
            restoring: Default::default(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Runs `work` with the desk, or says why there is none.
    pub fn with<T>(&self, work: impl FnOnce(&Desk) -> T) -> Result<T, NoDesk> {
        self.hold(false, work)
    }

    /// Whether a restore is under way.
    pub fn restoring(&self) -> bool {
        self.restoring.load(Ordering::SeqCst)
    }

    /// The desk for `work`; while a restore is under way, only for the restore itself. The
    /// flag is read under the lock, which the restore drains after setting it: no request
    /// reads a store the restore has begun to empty.
    fn hold<T>(&self, restorer: bool, work: impl FnOnce(&Desk) -> T) -> Result<T, NoDesk> {
        *self.last_request.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        let held = self.desk.read().unwrap_or_else(|e| e.into_inner());
        if !restorer && self.restoring() {
            return Err(NoDesk::Restoring);
        }
        match &*held {
            Held::Open(desk) => Ok(work(desk)),
            Held::Unfinished => Err(NoDesk::Unfinished),
            Held::Broken(why) => Err(NoDesk::Broken(why.clone())),
            Held::Damaged(why) => Err(NoDesk::Damaged(why.clone())),
            Held::Closed => Err(NoDesk::Closing),
        }
    }

    /// Restores the backup in the server's file `path`: through the desk, or, after a restore
    /// that did not finish, straight into the store and then opens the desk on it.
    pub fn restore(&self, path: &Path, name: &str, force: bool) -> Result<Result<BackupSummary, DeskError>, NoDesk> {
        // One restore at a time, and no other request meanwhile: they are told to wait.
        if self.restoring.swap(true, Ordering::SeqCst) {
            return Err(NoDesk::Restoring);
        }
        let _restoring = Restoring(&self.restoring);
        // Requests already holding the desk finish first; later ones are told to wait.
        drop(self.desk.write().unwrap_or_else(|e| e.into_inner()));
        match self.hold(true, |desk| {
            let done = desk.restore_file(path, name, force);
            let unfinished = done.is_err() && desk.store().restore_unfinished();
            (done, unfinished)
        }) {
            // A restore that failed after it began writing (a full disk) left the store
            // half-emptied: it is good only for restoring into again, as after a kill.
            Ok((done, true)) => {
                *self.desk.write().unwrap_or_else(|e| e.into_inner()) = Held::Unfinished;
                tracing::warn!("a restore failed halfway: serving `status` and `restore` only");
                // Not "nothing is lost": the old content is gone and the new one is not all in.
                return Ok(done.map_err(|e| {
                    let full = e.to_string() == crate::i18n::t("store-disk-full");
                    let why = if full { crate::i18n::t("store-disk-full-short") } else { e.to_string() };
                    let message = crate::tr!("server-restore-halfway", why = why);
                    DeskError::Remote { kind: crate::desk::ErrorKind::Runtime, message }
                }));
            }
            Ok((done, false)) => return Ok(done),
            Err(_) => {}
        }
        let mut held = self.desk.write().unwrap_or_else(|e| e.into_inner());
        match &*held {
            Held::Closed => return Err(NoDesk::Closing),
            Held::Broken(why) => return Err(NoDesk::Broken(why.clone())),
            // Opened by another restore meanwhile.
            Held::Open(desk) => return Ok(desk.restore_file(path, name, force)),
            Held::Unfinished => {}
            Held::Damaged(_) => {
                // Set aside only for a sound backup, and only when asked to replace everything.
                if let Err(e) = crate::store::backup::verify(path, name) {
                    return Ok(Err(e.into()));
                }
                if !force {
                    return Ok(Err(DeskError::Refused(crate::i18n::t("server-damaged-needs-force"))));
                }
                let aside = self.dir.join(format!("store.damaged-{}", chrono::Utc::now().format("%Y%m%dT%H%M%SZ")));
                if let Err(e) = std::fs::rename(self.dir.join("store"), &aside) {
                    let why = format!("cannot set the damaged store aside as {}: {e}", aside.display());
                    return Ok(Err(DeskError::Unavailable(why)));
                }
                tracing::warn!("set the damaged store aside as {}", aside.display());
            }
        }
        let restored = Store::open_for_restore(&self.dir)
            .map_err(DeskError::from)
            .and_then(|store| Ok(crate::store::backup::restore(&store, path, name, true)?));
        if let Ok(summary) = restored {
            // Let go of the store first: sled allows one open store per folder.
            *held = match open_desk(&self.dir).map(Box::new) {
                Ok(desk) => Held::Open(desk),
                Err(e) => return Ok(Err(e)),
            };
            info!("the restore finished: serving again");
            return Ok(Ok(summary));
        }
        Ok(restored)
    }

    /// Reads the open tickets' search texts, so that the first filter an agent types is fast.
    pub fn warm_up(&self) {
        let started = Instant::now();
        let desk = self.desk.read().unwrap_or_else(|e| e.into_inner());
        let Held::Open(desk) = &*desk else { return };
        match desk.store().warm_up() {
            Ok(n) => info!("read {n} open tickets for filtering in {} ms", started.elapsed().as_millis()),
            Err(e) => tracing::warn!("could not read the open tickets ahead: {e}"),
        }
    }

    /// Counts writes towards the next checkpoint.
    pub fn wrote(&self, count: u64) {
        self.writes.fetch_add(count, Ordering::Relaxed);
    }

    /// Waits for requests under way, flushes, and turns later ones away.
    pub fn close(&self) -> Result<(), DeskError> {
        let mut desk = self.desk.write().unwrap_or_else(|e| e.into_inner());
        if let Held::Open(d) = std::mem::replace(&mut *desk, Held::Closed) {
            d.store().flush()?;
        }
        Ok(())
    }

    /// After a write failed (the disk was full), sled refuses every later write until the store
    /// is opened anew: so reopen it, now, or at a later look once there is room again. Blocks:
    /// not on the event loop. Says whether the store works.
    pub fn heal_if_broken(&self) -> bool {
        let failing = match &*self.desk.read().unwrap_or_else(|e| e.into_inner()) {
            Held::Open(desk) => match desk.store().flush() {
                Ok(()) => return true,
                Err(e) => e.to_string(),
            },
            Held::Broken(why) => why.clone(),
            Held::Unfinished | Held::Damaged(_) | Held::Closed => return true,
        };
        let mut held = self.desk.write().unwrap_or_else(|e| e.into_inner());
        if matches!(*held, Held::Unfinished | Held::Damaged(_) | Held::Closed) {
            return true;
        }
        // Let go of the store first: sled allows one open store per folder, in this process too.
        *held = Held::Broken(failing.clone());
        match open_desk(&self.dir) {
            Ok(desk) => {
                info!("the store failed ({failing}) and was opened anew: writing again");
                *held = Held::Open(Box::new(desk));
                true
            }
            Err(DeskError::Store(StoreError::RestoreUnfinished(_))) => {
                *held = Held::Unfinished;
                true
            }
            Err(e) => {
                *held = Held::Broken(format!("{failing}; opening it again failed: {e}"));
                false
            }
        }
    }

    /// Reopens the store if enough was written and it is quiet. Blocks: not on the event loop.
    pub fn checkpoint_if_due(&self) -> Result<(), DeskError> {
        // A restore holds the desk for as long as it takes; the checkpoint would wait on it.
        if self.restoring() {
            return Ok(());
        }
        let writes = self.writes.load(Ordering::Relaxed);
        let quiet = self.last_request.lock().unwrap_or_else(|e| e.into_inner()).elapsed();
        if writes < self.checkpoints.after_writes || quiet < self.checkpoints.quiet {
            return Ok(());
        }
        let started = Instant::now();
        let mut desk = self.desk.write().unwrap_or_else(|e| e.into_inner());
        if !matches!(*desk, Held::Open(_)) {
            return Ok(());
        }
        // The same tickets after the reopen: their words need not be read again.
        let words = match &*desk {
            Held::Open(d) => Some(d.store().word_index()),
            _ => None,
        };
        // Drop the store first: sled allows one open store per folder, in this process too.
        *desk = Held::Closed;
        let reopened = open_desk(&self.dir)?;
        if let Some(words) = words {
            reopened.store().adopt_word_index(words);
        }
        *desk = Held::Open(Box::new(reopened));
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
