//! The application service: every command and query, with the acting agent. The CLI, the
//! server and the TUI all go through here, and nothing else touches the store.

mod agent;
pub mod api;
mod callers;
mod conflict;
mod majors;
mod privacy;
mod query;
mod registry;
mod report;
mod tickets;
pub mod views;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::{DateTime, SubsecRound, Utc};

pub use agent::Agent;
pub use api::{DeskApi, Session};
pub use callers::{CallerCard, CallerImport, RECENT_ON_CARD};
pub use conflict::{Conflict, ErrorKind};
pub use majors::MajorIncident;
pub use privacy::{PersonalData, PurgeSummary};
pub use query::{AssigneeFilter, LevelFilter, SEARCH_RANKED, SearchQuery, TicketQuery};
pub use registry::{ImportFormat, ImportSummary, SHOWN_CHANGES, SupplierCard};
pub use report::{Report, ReportQuery};
pub use tickets::{TicketUpdate, resolve_participant, resolve_service, resolve_supplier};
pub use views::{Page, TicketDetail, TicketRow};

use crate::domain::Registry;
use crate::domain::registry::file::FileErrors;
use crate::store::backup::{BackupError, BackupSummary};
use crate::store::{Store, StoreError};
use crate::tr;

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// The rules refuse the change (a bad transition, a missing reason, ...).
    #[error("{0}")]
    Refused(String),
    #[error("{}", unknown(what, given, suggestions))]
    Unknown { what: &'static str, given: String, suggestions: Vec<String> },
    #[error("{0}")]
    BadFile(FileErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// Someone else changed the ticket since the version the change was based on.
    #[error("{0}")]
    Conflict(Conflict),
    /// The server refused or failed; `kind` keeps the exit code the same as in-process.
    #[error("{message}")]
    Remote { kind: ErrorKind, message: String },
    /// The server cannot be reached or started.
    #[error("{0}")]
    Unavailable(String),
}

/// "unknown supplier \"Zylon\"; did you mean Zyl, or Zylo?", with the table's word in the
/// reader's language.
fn unknown(what: &str, given: &str, suggestions: &[String]) -> String {
    let given = format!("{given:?}");
    if suggestions.is_empty() {
        return match what {
            "participant" => tr!("desk-unknown-participant", given = given),
            "service" => tr!("desk-unknown-service", given = given),
            "supplier" => tr!("desk-unknown-supplier", given = given),
            _ => tr!("desk-unknown", what = what, given = given),
        };
    }
    let near = either(suggestions);
    match what {
        "participant" => tr!("desk-unknown-participant-near", given = given, near = near),
        "service" => tr!("desk-unknown-service-near", given = given, near = near),
        "supplier" => tr!("desk-unknown-supplier-near", given = given, near = near),
        _ => tr!("desk-unknown-near", what = what, given = given, near = near),
    }
}

/// The names a "did you mean" offers: "A, or B, or C".
fn either<S: AsRef<str>>(names: &[S]) -> String {
    let mut names = names.iter().map(|n| n.as_ref().to_string());
    let first = names.next().unwrap_or_default();
    names.fold(first, |a, b| tr!("desk-or", a = a, b = b))
}

impl DeskError {
    /// Whether the caller asked for something wrong (exit 2), rather than something failing.
    pub fn is_bad_input(&self) -> bool {
        self.kind() == ErrorKind::BadInput
    }

    pub fn kind(&self) -> ErrorKind {
        let bad_input = match self {
            DeskError::Conflict(_) => return ErrorKind::Conflict,
            DeskError::Remote { kind, .. } => return *kind,
            DeskError::Unavailable(_) => false,
            DeskError::Refused(_) | DeskError::Unknown { .. } | DeskError::BadFile(_) => true,
            DeskError::Store(StoreError::Conflict { .. }) => return ErrorKind::Conflict,
            DeskError::Store(e) => matches!(e, StoreError::NoTicket(_) | StoreError::TooBroad(_)),
            DeskError::Backup(e) => {
                matches!(
                    e,
                    BackupError::Foreign { .. }
                        | BackupError::Version { .. }
                        | BackupError::Damaged { .. }
                        | BackupError::Invalid { .. }
                        | BackupError::NotEmpty(_)
                )
            }
        };
        if bad_input { ErrorKind::BadInput } else { ErrorKind::Runtime }
    }
}

type Clock = Box<dyn Fn() -> DateTime<Utc> + Send + Sync>;

pub struct Desk {
    store: Store,
    registry: RwLock<Arc<Registry>>,
    /// Every caller on file, for finding one at once.
    callers: RwLock<Arc<crate::domain::caller::CallerBook>>,
    /// Writers one at a time: read-modify-write of tickets, imports and backups.
    writer: Mutex<()>,
    clock: Clock,
}

impl Desk {
    pub fn open(dir: &Path) -> Result<Desk, DeskError> {
        // Clocks count whole seconds; so do the instants they are stored with.
        Self::open_with_clock(dir, Box::new(|| Utc::now().trunc_subsecs(0)))
    }

    /// A desk whose "now" comes from `clock` (tests, demo history).
    pub fn open_with_clock(dir: &Path, clock: Clock) -> Result<Desk, DeskError> {
        let store = Store::open(dir)?;
        let registry = match store.registry()? {
            Some(file) => Registry::build(file).map_err(|errors| {
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                StoreError::Corrupt(tr!("desk-stored-registry-invalid", errors = list.join("; ")))
            })?,
            None => Registry::empty(),
        };
        let registry = Arc::new(registry);
        warm(registry.clone());
        let callers = RwLock::new(Arc::new(callers::load_book(&store)?));
        Ok(Desk { store, registry: RwLock::new(registry), callers, writer: Mutex::new(()), clock })
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    pub fn registry(&self) -> Arc<Registry> {
        self.registry.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A consistent copy of everything, written to `out`.
    pub fn backup(&self, out: &mut dyn std::io::Write) -> Result<BackupSummary, DeskError> {
        let _w = self.write_lock();
        Ok(crate::store::backup::write(&self.store, out)?)
    }

    /// Replaces the store's content by the backup read from `input` (refused for a non-empty
    /// store unless `force`); `name` is what the user calls it. Nothing is written unless the
    /// whole backup is sound.
    pub fn restore_from(
        &self,
        input: &mut dyn std::io::Read,
        name: &str,
        force: bool,
    ) -> Result<BackupSummary, DeskError> {
        self.refuse_restore(force)?;
        let spooled = crate::store::backup::spool(self.store.dir(), input, name)?;
        self.restore_file(spooled.path(), name, force)
    }

    /// Refuses a restore over tickets without `force`, before the backup is even sent.
    pub fn refuse_restore(&self, force: bool) -> Result<(), DeskError> {
        if !force && !self.store.is_empty()? {
            return Err(BackupError::NotEmpty(self.store.dir().to_path_buf()).into());
        }
        Ok(())
    }

    /// As [`Desk::restore_from`], from a file the server holds.
    pub fn restore_file(&self, path: &Path, name: &str, force: bool) -> Result<BackupSummary, DeskError> {
        let _w = self.write_lock();
        let summary = crate::store::backup::restore(&self.store, path, name, force)?;
        *self.callers.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(callers::load_book(&self.store)?);
        let file = self.store.registry()?.unwrap_or_default();
        // Checked before anything was written; this cannot fail unless the store did.
        let reg = Registry::build(file)
            .map_err(|e| StoreError::Corrupt(tr!("desk-restored-registry-invalid", error = e[0].to_string())))?;
        self.install(reg);
        Ok(summary)
    }

    /// Makes `reg` the registry in force, and ranks the lookup's one-letter queries for it in
    /// the background, so that the first key of a lookup is answered at once.
    pub(crate) fn install(&self, reg: Registry) {
        let reg = Arc::new(reg);
        *self.registry.write().unwrap_or_else(|e| e.into_inner()) = reg.clone();
        warm(reg);
    }
}

fn warm(reg: Arc<Registry>) {
    std::thread::spawn(move || crate::domain::registry::lookup::ShortQueries::warm(&reg));
}
