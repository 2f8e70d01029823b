//! The sled store: one tree per kind of record, secondary indexes written in the same
//! transaction as the record, and a flush before any change is confirmed.

pub mod backup;
mod cache;
mod callers;
mod encoding;
mod index;
pub mod migrate;
pub mod records;
mod search;
mod words;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

pub use encoding::{TICKET_VERSION, decode_journal, decode_ticket, encode, encode_journal, encode_ticket};
pub use index::{IndexScan, Lane, When};

use crate::domain::Ticket;
use crate::domain::registry::RegistryFile;
use crate::domain::ticket::JournalEntry;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", in_use(dir, *pid))]
    InUse { dir: PathBuf, pid: Option<u32> },
    #[error(
        "{}",
        crate::tr!(
            "store-conflict",
            id = *id,
            by = by.as_str(),
            at = at.to_string(),
            current = *current,
            expected = *expected
        )
    )]
    Conflict { id: u64, expected: u64, current: u64, by: String, at: DateTime<Utc> },
    #[error("{}", crate::tr!("store-no-ticket", id = *.0))]
    NoTicket(u64),
    #[error("{}", crate::tr!("store-damaged", why = .0.as_str()))]
    Corrupt(String),
    #[error("{}", crate::tr!("store-restore-unfinished", dir = .0.display().to_string()))]
    RestoreUnfinished(PathBuf),
    #[error("{}", crate::tr!("store-create-dir", dir = dir.display().to_string(), why = source.to_string()))]
    CreateDir { dir: PathBuf, source: std::io::Error },
    #[error("{}", crate::tr!("store-too-broad", part = format!("{:?}", .0)))]
    TooBroad(String),
    #[error("{}", crate::i18n::t("store-still-reading"))]
    StillReading,
    #[error("{}", sled_text(.0))]
    Sled(#[from] sled::Error),
}

impl StoreError {
    /// Whether the store's files are damaged (rather than busy, or the disk full).
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Corrupt(_) | StoreError::Sled(sled::Error::Corruption { .. }))
    }
}

/// What went wrong in the store, in words an agent can act on (sled's own are `Debug` texts).
fn sled_text(e: &sled::Error) -> String {
    match e {
        sled::Error::Io(io) if io.kind() == std::io::ErrorKind::StorageFull => crate::i18n::t("store-disk-full"),
        sled::Error::Io(io) => crate::tr!("store-sled", why = io.to_string()),
        sled::Error::Corruption { .. } => crate::i18n::t("store-corrupted"),
        other => crate::tr!("store-sled", why = other.to_string()),
    }
}

/// The data folder in use by another process, with its pid when it is known.
fn in_use(dir: &Path, pid: Option<u32>) -> String {
    let dir = dir.display().to_string();
    match pid {
        Some(pid) => crate::tr!("store-in-use-pid", dir = dir, pid = pid),
        None => crate::tr!("store-in-use", dir = dir),
    }
}

const SCHEMA: u32 = 1;

pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    tickets: sled::Tree,
    journal: sled::Tree,
    index: sled::Tree,
    audit: sled::Tree,
    /// The logins that have used this desk (login → when first seen).
    agents: sled::Tree,
    /// The people who call, by id.
    callers: sled::Tree,
    cache: cache::TicketCache,
    texts: search::SearchTexts,
    words: std::sync::RwLock<Arc<words::WordIndex>>,
    /// Set when the store closes: a background read of the words stops and lets go of it.
    closing: Arc<std::sync::atomic::AtomicBool>,
    /// Tickets whose texts were rewritten since the word index was read: the index may still
    /// hold words they no longer say, so a search checks them against what they say now.
    rewritten: std::sync::Mutex<std::collections::HashSet<u64>>,
}

/// What a write does to a ticket's journal.
enum JournalEdit<'a> {
    Append(&'a [JournalEntry]),
    Replace(&'a [JournalEntry]),
}

/// Who changed the registry, when, and how.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub by: String,
    pub what: String,
}

impl Store {
    /// Opens (or creates) the store in `dir/store`. Only one process may hold it.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Self::open_as(dir, false)
    }

    /// Opens a store whose last restore did not finish, only to restore into it again.
    pub fn open_for_restore(dir: &Path) -> Result<Store, StoreError> {
        Self::open_as(dir, true)
    }

    fn open_as(dir: &Path, unfinished_restore: bool) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir { dir: dir.to_path_buf(), source })?;
        let path = dir.join("store");
        remove_unfinished_snapshots(&path);
        let open = || sled::Config::new().path(&path).cache_capacity(256 * 1024 * 1024).open();
        // sled lets go of a closed store's lock from a thread of its own, a moment later: when
        // this process itself held it, wait for that rather than report it in use.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        // sled panics on some damaged files rather than saying so: that is damage too.
        let open = || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(open))
                .unwrap_or_else(|_| Err(sled::Error::Corruption { at: None, bt: () }))
        };
        let db = loop {
            match open() {
                Err(sled::Error::Io(ref io)) if is_lock_error(io) => {
                    let pid = read_pid(dir);
                    // Our own lock, or one nobody named (a store opened without its pid file, as
                    // tests and tools do): wait a moment for it to be let go of.
                    let patience = match pid {
                        Some(p) if p == std::process::id() => std::time::Duration::ZERO,
                        None => std::time::Duration::from_secs(8),
                        Some(_) => return Err(StoreError::InUse { dir: dir.to_path_buf(), pid }),
                    };
                    if std::time::Instant::now() + patience > deadline {
                        return Err(StoreError::InUse { dir: dir.to_path_buf(), pid });
                    }
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => break other?,
            }
        };
        let _ = std::fs::write(dir.join("store.pid"), std::process::id().to_string());
        let store = Store {
            dir: dir.to_path_buf(),
            meta: db.open_tree("meta")?,
            tickets: db.open_tree("tickets")?,
            journal: db.open_tree("journal")?,
            index: db.open_tree("index")?,
            audit: db.open_tree("audit")?,
            agents: db.open_tree("agents")?,
            callers: db.open_tree("callers")?,
            cache: Default::default(),
            texts: Default::default(),
            words: Default::default(),
            closing: Default::default(),
            rewritten: Default::default(),
            db,
        };
        if store.meta.get("restoring")?.is_some() {
            if unfinished_restore {
                return Ok(store);
            }
            return Err(StoreError::RestoreUnfinished(dir.to_path_buf()));
        }
        match store.meta.get("schema")? {
            None => {
                store.meta.insert("schema", &SCHEMA.to_be_bytes())?;
                store.meta.insert("index_version", &index::INDEX_VERSION.to_be_bytes())?;
            }
            Some(v) if v.as_ref() == SCHEMA.to_be_bytes() => {}
            Some(v) => {
                return Err(StoreError::Corrupt(format!("store schema {v:?} is not one this spoc knows ({SCHEMA})")));
            }
        }
        let indexed = store.meta.get("index_version")?.and_then(|v| v.as_ref().try_into().ok()).map(u32::from_be_bytes);
        if indexed != Some(index::INDEX_VERSION) {
            store.reindex()?;
        }
        Ok(store)
    }

    /// Marks the store as being restored into and empties it. The mark stays until a restore
    /// completes, so that one cut short is noticed at the next open instead of half-used.
    pub fn begin_restore(&self) -> Result<(), StoreError> {
        self.meta.insert("restoring", &[1])?;
        self.flush()?;
        self.cache.clear();
        self.texts.clear();
        for tree in [&self.tickets, &self.journal, &self.index, &self.callers] {
            tree.clear()?;
        }
        // The counters stay: a number once given (a caller may have it on a note) is never
        // given again, though the restore drops the ticket that had it.
        self.meta.remove("registry")?;
        Ok(())
    }

    /// The number the next ticket gets.
    pub fn next_ticket_id(&self) -> Result<u64, StoreError> {
        next_id(self.meta.get("next_id")?)
    }

    /// Whether a restore began and did not finish (it failed, or was cut short).
    pub fn restore_unfinished(&self) -> bool {
        self.meta.get("restoring").ok().flatten().is_some()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Makes everything written so far durable.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }

    pub fn registry(&self) -> Result<Option<RegistryFile>, StoreError> {
        self.meta.get("registry")?.map(|b| encoding::decode_registry(&b)).transpose()
    }

    /// Replaces the registry and records who did it, in one transaction.
    pub fn save_registry(
        &self,
        file: &RegistryFile,
        at: DateTime<Utc>,
        by: &str,
        what: &str,
    ) -> Result<(), StoreError> {
        let registry = encoding::encode_registry(file);
        let audit =
            serde_json::to_vec(&AuditEntry { at, by: by.to_string(), what: what.to_string() }).expect("serializes");
        (&self.meta, &self.audit)
            .transaction(|(meta, log)| {
                meta.insert("registry", registry.clone())?;
                let seq = log.generate_id()?;
                log.insert(&seq.to_be_bytes(), audit.clone())?;
                Ok::<_, ConflictableTransactionError<StoreError>>(())
            })
            .map_err(unwrap_tx)?;
        self.flush()
    }

    /// Registry changes, oldest first.
    pub fn audit(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit
            .iter()
            .values()
            .map(|v| serde_json::from_slice(&v?).map_err(|e| StoreError::Corrupt(format!("audit entry: {e}"))))
            .collect()
    }

    /// Remembers that `login` uses this desk (once; later calls read only).
    pub fn met_agent(&self, login: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        if self.agents.get(login)?.is_none() {
            self.agents.insert(login, &at.timestamp().to_be_bytes())?;
            self.agents.flush()?;
        }
        Ok(())
    }

    /// Makes `login` known before they have used the desk, and records who did it.
    pub fn add_agent(&self, login: &str, at: DateTime<Utc>, by: &str) -> Result<(), StoreError> {
        let what = format!("made agent {login} known");
        let audit = serde_json::to_vec(&AuditEntry { at, by: by.to_string(), what }).expect("serializes");
        (&self.agents, &self.audit)
            .transaction(|(agents, log)| {
                agents.insert(login, &at.timestamp().to_be_bytes())?;
                let seq = log.generate_id()?;
                log.insert(&seq.to_be_bytes(), audit.clone())?;
                Ok::<_, ConflictableTransactionError<StoreError>>(())
            })
            .map_err(unwrap_tx)?;
        self.flush()
    }

    /// The logins that have used this desk, and every assignee of a ticket, open or done.
    pub fn agents(&self) -> Result<std::collections::BTreeSet<String>, StoreError> {
        let mut known = std::collections::BTreeSet::new();
        for entry in self.agents.iter() {
            known.insert(String::from_utf8_lossy(&entry?.0).into_owned());
        }
        // The index folds case: a login the agents tree spells with capitals keeps them.
        let spelt: std::collections::HashSet<String> = known.iter().map(|k| k.to_lowercase()).collect();
        for lane in [Lane::Open, Lane::Done] {
            known.extend(index::assignees(&self.index, lane)?.into_iter().filter(|a| !spelt.contains(a)));
        }
        Ok(known)
    }

    pub fn ticket_count(&self) -> usize {
        self.tickets.len()
    }

    pub fn ticket(&self, id: u64) -> Result<Option<Ticket>, StoreError> {
        Ok(self.shared_ticket(id)?.map(Arc::unwrap_or_clone))
    }

    /// A ticket to read, not to change: from the cache of recently read tickets when it is there.
    pub fn shared_ticket(&self, id: u64) -> Result<Option<Arc<Ticket>>, StoreError> {
        if let Some(t) = self.cache.get(id) {
            return Ok(Some(t));
        }
        let epoch = self.cache.epoch();
        let Some(bytes) = self.tickets.get(encoding::ticket_key(id))? else { return Ok(None) };
        let ticket = Arc::new(encoding::decode_ticket(&bytes)?);
        self.texts.note(&ticket);
        self.cache.offer(ticket.clone(), epoch);
        Ok(Some(ticket))
    }

    pub fn journal(&self, id: u64) -> Result<Vec<JournalEntry>, StoreError> {
        Ok(self
            .journal
            .get(encoding::ticket_key(id))?
            .map(|b| encoding::decode_journal(&b))
            .transpose()?
            .unwrap_or_default())
    }

    /// Stores a new ticket under the next id; `build` makes it for that id (it may be called again
    /// if the transaction retries, so it must not have side effects). Not yet durable: call
    /// [`Store::flush`] before confirming (apart, so that concurrent writers share one fsync).
    pub fn create_ticket<E>(
        &self,
        build: impl Fn(u64) -> Result<(Ticket, Vec<JournalEntry>), E>,
    ) -> Result<Result<Ticket, E>, StoreError> {
        let result =
            (&self.meta, &self.tickets, &self.journal, &self.index).transaction(|(meta, tickets, journal, index)| {
                let id = match next_id(meta.get("next_id")?) {
                    Ok(id) => id,
                    Err(e) => return sled::transaction::abort(e),
                };
                let (ticket, entries) = match build(id) {
                    Ok(made) => made,
                    Err(e) => return Ok(Err(e)),
                };
                meta.insert("next_id", &(id + 1).to_be_bytes())?;
                tickets.insert(&encoding::ticket_key(id), encoding::encode_ticket(&ticket))?;
                journal.insert(&encoding::ticket_key(id), encoding::encode_journal(&entries))?;
                for key in index::keys(&ticket) {
                    index.insert(key, &[])?;
                }
                Ok(Ok((ticket, entries)))
            });
        let made = result.map_err(unwrap_tx)?;
        Ok(made.map(|(t, entries)| {
            self.texts.note(&t);
            self.word_index().note(&t, &entries);
            self.cache.written(t.clone());
            t
        }))
    }

    /// Replaces `old` by `new` with its journal entries, if nobody changed the ticket since `old`.
    /// Not yet durable: call [`Store::flush`] before confirming.
    pub fn update_ticket(&self, old: &Ticket, new: &Ticket, entries: &[JournalEntry]) -> Result<(), StoreError> {
        self.update_tickets(&[(old, new, entries)])
    }

    /// Several tickets changed together, all or none (a major incident resolving its linked
    /// tickets): each replaces its `old` if nobody changed it since.
    pub fn update_tickets(&self, changes: &[(&Ticket, &Ticket, &[JournalEntry])]) -> Result<(), StoreError> {
        let edits: Vec<_> = changes.iter().map(|(o, n, e)| (*o, *n, JournalEdit::Append(e))).collect();
        self.write_tickets(&edits)
    }

    /// Tickets whose whole journals are rewritten (personal data taken out after retention).
    pub fn rewrite_tickets(&self, changes: &[(&Ticket, &Ticket, &[JournalEntry])]) -> Result<(), StoreError> {
        let edits: Vec<_> = changes.iter().map(|(o, n, e)| (*o, *n, JournalEdit::Replace(e))).collect();
        self.write_tickets(&edits)?;
        self.rewritten.lock().unwrap_or_else(|e| e.into_inner()).extend(changes.iter().map(|(_, n, _)| n.id));
        Ok(())
    }

    /// Whether a ticket still says every word (or a word it starts) in its fields or journal.
    fn still_says(&self, id: u64, wanted: &[String]) -> bool {
        let Ok(Some(t)) = self.ticket(id) else { return false };
        let Ok(journal) = self.journal(id) else { return false };
        let mut said = crate::domain::words::of_ticket(&t);
        said.extend(crate::domain::words::of_journal(journal.iter()));
        wanted.iter().all(|w| said.keys().any(|s| s.starts_with(w.as_str())))
    }

    fn write_tickets(&self, changes: &[(&Ticket, &Ticket, JournalEdit)]) -> Result<(), StoreError> {
        let result = (&self.tickets, &self.journal, &self.index).transaction(|(tickets, journal, index)| {
            for (old, new, entries) in changes {
                let id = new.id;
                let current = tickets
                    .get(encoding::ticket_key(id))?
                    .ok_or(ConflictableTransactionError::Abort(StoreError::NoTicket(id)))?;
                let current = encoding::decode_ticket(&current).map_err(ConflictableTransactionError::Abort)?;
                if current.version != old.version {
                    return Err(ConflictableTransactionError::Abort(StoreError::Conflict {
                        id,
                        expected: old.version,
                        current: current.version,
                        by: current.updated_by.clone(),
                        at: current.updated_at,
                    }));
                }
                for key in index::keys(&current) {
                    index.remove(key)?;
                }
                tickets.insert(&encoding::ticket_key(id), encoding::encode_ticket(new))?;
                let all = match entries {
                    JournalEdit::Append(entries) => {
                        let mut all = match journal.get(encoding::ticket_key(id))? {
                            Some(b) => encoding::decode_journal(&b).map_err(ConflictableTransactionError::Abort)?,
                            None => Vec::new(),
                        };
                        all.extend_from_slice(entries);
                        all
                    }
                    JournalEdit::Replace(whole) => whole.to_vec(),
                };
                journal.insert(&encoding::ticket_key(id), encoding::encode_journal(&all))?;
                for key in index::keys(new) {
                    index.insert(key, &[])?;
                }
            }
            Ok(())
        });
        result.map_err(unwrap_tx)?;
        for (_, new, edit) in changes {
            self.texts.note(new);
            // Added, never taken away: what the ticket once said stays findable.
            if let JournalEdit::Append(entries) = edit {
                self.word_index().note(new, entries);
            }
            self.cache.written((*new).clone());
        }
        Ok(())
    }

    /// Writes many new tickets (the demo's history, benchmarks) with one flush at the end.
    /// Tickets must carry their ids; the next id moves past the highest.
    pub fn insert_many(&self, batch: &[(Ticket, Vec<JournalEntry>)]) -> Result<(), StoreError> {
        let (mut t, mut j, mut i) = (sled::Batch::default(), sled::Batch::default(), sled::Batch::default());
        let mut max_id = 0;
        for (ticket, entries) in batch {
            max_id = max_id.max(ticket.id);
            t.insert(&encoding::ticket_key(ticket.id), encoding::encode_ticket(ticket));
            j.insert(&encoding::ticket_key(ticket.id), encoding::encode_journal(entries));
            for key in index::keys(ticket) {
                i.insert(key, &[]);
            }
        }
        self.journal.apply_batch(j)?;
        self.index.apply_batch(i)?;
        self.tickets.apply_batch(t)?;
        // Bulk loads (the demo, a restore) may replace anything.
        self.cache.clear();
        self.texts.clear();
        // A server's index is read anew in the background; a tool's at its first search.
        let words = self.word_index();
        let in_use = !words.never_read();
        words.clear();
        if in_use {
            self.read_words(true);
        }
        let next = next_id(self.meta.get("next_id")?)?;
        if max_id + 1 > next {
            self.meta.insert("next_id", &(max_id + 1).to_be_bytes())?;
        }
        self.flush()
    }

    /// The open tickets whose text holds every word and that have the priority, in queue order,
    /// read from memory a batch at a time; `None` until the open tickets have been read ahead
    /// ([`Store::warm_up`]).
    pub fn open_matching<'a>(
        &'a self,
        words: &'a [String],
        priority: Option<crate::domain::Priority>,
    ) -> Option<impl Iterator<Item = Result<u64, StoreError>> + 'a> {
        let (first, mut next) = self.texts.open_matching(words, priority, None, 64)?;
        let mut batch = first.into_iter();
        Some(std::iter::from_fn(move || {
            loop {
                if let Some(id) = batch.next() {
                    return Some(Ok(id));
                }
                let after = next?;
                // Later batches grow: a page that needs many goes on in fewer steps.
                let (ids, then) = self.texts.open_matching(words, priority, Some(after), 512)?;
                batch = ids.into_iter();
                next = then;
            }
        }))
    }

    /// Whether a ticket's search text holds every (lowercase) word and it has the priority
    /// asked for, if it is kept (open tickets).
    pub fn text_matches(&self, id: u64, words: &[String], priority: Option<crate::domain::Priority>) -> Option<bool> {
        self.texts.matches(id, words, priority)
    }

    /// Reads the open tickets once, so that the first filter typed is as fast as the next.
    pub fn warm_up(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for id in self.scan(&IndexScan::by_due(false)) {
            if let Some(bytes) = self.tickets.get(encoding::ticket_key(id?))? {
                self.texts.note(&encoding::decode_ticket(&bytes)?);
                n += 1;
            }
        }
        self.texts.completed();
        // The words of all history on a thread of their own: no lock is held meanwhile.
        self.read_words(true);
        Ok(n)
    }

    /// The word index, to hand to the store that replaces this one (a checkpoint reopens the
    /// store on the same data: reading every ticket again would take half a minute at a million).
    pub fn word_index(&self) -> Arc<words::WordIndex> {
        self.words.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Takes over the word index of the store this one replaces, reading it anew if it was
    /// not complete.
    pub fn adopt_word_index(&self, index: Arc<words::WordIndex>) {
        if !index.is_ready() {
            index.clear();
        }
        *self.words.write().unwrap_or_else(|e| e.into_inner()) = index;
        self.read_words(true);
    }

    fn read_words(&self, in_background: bool) {
        self.word_index().read_all(&self.tickets, &self.journal, &self.closing, in_background);
    }

    /// A ticket for a report: from the cache if it is there, but not kept in it, so that a
    /// scan over a year does not push out the tickets agents are looking at.
    pub fn scanned_ticket(&self, id: u64) -> Result<Option<Arc<Ticket>>, StoreError> {
        if let Some(t) = self.cache.get(id) {
            return Ok(Some(t));
        }
        self.tickets.get(encoding::ticket_key(id))?.map(|b| encoding::decode_ticket(&b).map(Arc::new)).transpose()
    }

    /// Writes every index entry anew, for a store whose indexes are of an older version (once,
    /// when a newer spoc opens it; a few minutes for a million tickets).
    fn reindex(&self) -> Result<(), StoreError> {
        tracing::info!("the store's indexes are of an older version: reindexing {} tickets", self.tickets.len());
        self.index.clear()?;
        let mut batch = sled::Batch::default();
        let mut n = 0;
        for t in self.all_tickets() {
            for key in index::keys(&t?) {
                batch.insert(key, &[]);
            }
            n += 1;
            if n % 10_000 == 0 {
                self.index.apply_batch(std::mem::take(&mut batch))?;
            }
        }
        self.index.apply_batch(batch)?;
        self.meta.insert("index_version", &index::INDEX_VERSION.to_be_bytes())?;
        self.flush()
    }

    /// Ids of the tickets logged (or dispatched) in `[from, to)`, oldest first.
    pub fn between(
        &self,
        when: When,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> impl Iterator<Item = Result<u64, StoreError>> + '_ {
        // Keys hold whole seconds: round the end up so that `to` itself stays out and all before it in.
        let end = to.timestamp() + i64::from(to.timestamp_subsec_nanos() > 0);
        index::ids_between(&self.index, when, from.timestamp(), end)
    }

    /// Ticket ids from an index, in the order of the scan (see [`IndexScan`]).
    pub fn scan(&self, scan: &IndexScan) -> impl Iterator<Item = Result<u64, StoreError>> + '_ {
        index::ids(&self.index, scan)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.tickets.is_empty() && self.meta.get("registry")?.is_none())
    }
}

/// The id the next ticket gets. A damaged counter is corruption, never a reason to start again
/// at 1 and overwrite ticket 1.
fn next_id(stored: Option<sled::IVec>) -> Result<u64, StoreError> {
    match stored {
        None => Ok(1),
        Some(v) => match <[u8; 8]>::try_from(v.as_ref()).map(u64::from_be_bytes) {
            Ok(id) if id >= 1 => Ok(id),
            _ => Err(StoreError::Corrupt(format!(
                "the ticket counter (meta/next_id) is damaged ({} bytes: {:02x?}); restore a backup",
                v.len(),
                &v[..v.len().min(16)]
            ))),
        },
    }
}

fn unwrap_tx(e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => StoreError::Sled(e),
    }
}

/// A snapshot that sled was still writing when its process was killed (`snap.*.generating`)
/// would be read at the next open as the newest one and refused as corrupt: sled 0.34 skips only
/// its `.in___motion` files. With the store's lock free nobody is writing one, so it goes; the
/// finished snapshot before it and the log hold everything.
fn remove_unfinished_snapshots(path: &Path) {
    use nix::fcntl::{Flock, FlockArg};
    let Ok(db) = std::fs::OpenOptions::new().read(true).write(true).open(path.join("db")) else { return };
    // sled locks its `db` file as we do here (flock): held, it belongs to a store in use.
    let Ok(lock) = Flock::lock(db, FlockArg::LockExclusiveNonblock) else { return };
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") && name.ends_with(".generating") && std::fs::remove_file(entry.path()).is_ok() {
            tracing::warn!("removed {name}, a snapshot left unfinished when the server was stopped");
        }
    }
    drop(lock);
}

fn is_lock_error(io: &std::io::Error) -> bool {
    io.kind() == std::io::ErrorKind::WouldBlock || io.to_string().contains("lock")
}

fn read_pid(dir: &Path) -> Option<u32> {
    std::fs::read_to_string(dir.join("store.pid")).ok()?.trim().parse().ok()
}

impl Store {
    /// Every ticket, in id order (reports, backups).
    /// Tickets of all history holding every one of `wanted` (folded words, each also as the
    /// start of a longer word), newest first, with how many of them stand in the title; at most
    /// `cap` kept by `keep`, and whether there are more.
    pub fn search_words(
        &self,
        wanted: &[String],
        cap: usize,
        keep: &mut dyn FnMut(u64) -> bool,
    ) -> Result<(Vec<(u64, u32)>, bool), StoreError> {
        // A store no server has warmed (tools, tests) reads its words at the first search; in
        // a server they are being read in the background.
        let index = self.word_index();
        if index.never_read() {
            self.read_words(false);
        }
        let rewritten = self.rewritten.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut keep = |id: u64| (!rewritten.contains(&id) || self.still_says(id, wanted)) && keep(id);
        match index.search(wanted, cap, &mut keep) {
            Ok(found) => Ok(found),
            Err(words::NotYet::Reading) => Err(StoreError::StillReading),
            Err(words::NotYet::TooBroad(w)) => Err(StoreError::TooBroad(w)),
        }
    }

    pub fn all_tickets(&self) -> impl Iterator<Item = Result<Ticket, StoreError>> + '_ {
        self.tickets.iter().values().map(|v| encoding::decode_ticket(&v?))
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // A background read of the words lets go of the store at once.
        self.closing.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}
