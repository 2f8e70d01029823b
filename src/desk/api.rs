//! `DeskApi`: what the CLI and the TUI may ask of the servicedesk, each request defined once.
//!
//! One table below names every request: whether it changes anything or only asks, its method,
//! its arguments, its reply and how the desk answers it. From it come the request types, the wire enum [`Request`], the methods of
//! [`DeskApi`], and the server's dispatch. The server's `Session` answers in-process;
//! `client::Client` answers over the socket. Neither caller can tell which.
//!
//! Backups and restores are not in the table: they are streams of bytes, not one reply.

use std::io::{Read, Write};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::views::{Page, TicketDetail, TicketRow};
use super::{
    Agent, CallerCard, CallerImport, Desk, DeskError, ImportFormat, ImportSummary, MajorIncident, PersonalData,
    PurgeSummary, Report, ReportQuery, SearchQuery, SupplierCard, TicketQuery, TicketUpdate,
};
use crate::domain::Registry;
use crate::domain::caller::Caller;
use crate::domain::registry::RegistryFile;
use crate::domain::registry::lookup::Hit;
use crate::domain::report::{ContractWatch, Dashboard, ParticipantRow, Scorecard, ServiceRow};
use crate::domain::ticket::NewTicket;
use crate::protocol::{Json, Notice, Reply, ServerStatus, WireError, decode, frame};
use crate::store::backup::BackupSummary;

/// A request the desk answers, and the type of its answer.
pub trait Call: Serialize + DeserializeOwned + Into<Request> {
    type Reply: Serialize + DeserializeOwned;
}

/// The desk as one agent sees it: every change is made in their name.
pub struct Session<'a> {
    pub desk: &'a Desk,
    pub agent: Agent,
    /// Who serves the desk, when a server does.
    pub status: Option<&'a dyn Fn() -> ServerStatus>,
}

impl<'a> Session<'a> {
    pub fn new(desk: &'a Desk, agent: Agent) -> Self {
        Session { desk, agent, status: None }
    }

    fn by(&self) -> String {
        self.agent.login().to_string()
    }
}

/// For a change to one ticket: what subscribers hear.
fn ticket_changed(t: &TicketDetail) -> Notice {
    Notice::Ticket { id: t.id, version: t.version, by: t.updated_by.clone(), at: t.updated_at }
}

/// `change` for a request that may change something, `ask` for one that only reads; any other
/// word does not compile.
macro_rules! changes {
    (change) => {
        true
    };
    (ask) => {
        false
    };
}

macro_rules! requests {
    ($(
        $(#[$doc:meta])*
        $kind:ident fn $method:ident($($arg:ident: $ty:ty),*) -> $reply:ty = $name:ident,
            |$s:ident| $body:expr
            $(, notice |$r:ident, $ns:ident| $notice:expr)?;
    )*) => {
        /// One type per request, named as the wire names it.
        pub mod requests {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$doc])*
                #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
                pub struct $name { $(pub $arg: $ty),* }
            )*
        }

        $(
            impl Call for requests::$name {
                type Reply = $reply;
            }

            impl From<requests::$name> for Request {
                fn from(r: requests::$name) -> Request {
                    Request::$name(r)
                }
            }
        )*

        /// Every request a client may send, in wire order: new ones go at the end.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum Request {
            $($name(requests::$name),)*
        }

        impl Request {
            /// Every request's name, in wire order (for the tests that pin their bytes).
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            pub fn name(&self) -> &'static str {
                match self {
                    $(Request::$name(_) => stringify!($name),)*
                }
            }

            /// Whether the request may change something (`change` in the table): such a
            /// request is sent again only when the server said it did nothing with it, never
            /// after a connection lost without an answer.
            pub fn changes_anything(&self) -> bool {
                match self {
                    $(Request::$name(_) => changes!($kind),)*
                }
            }

            /// The reply frame, and what to tell subscribers if something changed.
            #[allow(unused_variables)]
            pub fn answer(self, session: &Session) -> (Vec<u8>, Option<Notice>) {
                match self {
                    $(Request::$name(requests::$name { $($arg),* }) => {
                        let $s = session;
                        let result: Result<$reply, DeskError> = $body;
                        #[allow(unused_mut)]
                        let mut notice = None;
                        $(
                            if let Ok($r) = &result {
                                let $ns = session;
                                notice = Some($notice);
                            }
                        )?
                        (answer_frame(result), notice)
                    })*
                }
            }
        }

        /// What the CLI and the TUI may ask of the desk.
        pub trait DeskApi {
            /// The desk's "now", in whole seconds.
            fn now(&self) -> DateTime<Utc>;
            /// Sends one request and gives back the reply frame's payload.
            fn exchange(&self, request: Request) -> Result<Vec<u8>, DeskError>;
            /// Writes a backup of everything to `out`.
            fn backup(&self, out: &mut dyn Write) -> Result<BackupSummary, DeskError>;
            /// Replaces everything by the backup read from `input` (refused for a store that is
            /// not empty unless `force`). Nothing changes unless the whole backup is sound.
            fn restore(&self, input: &mut dyn Read, name: &str, force: bool) -> Result<BackupSummary, DeskError>;
            /// The registry, built from the desk's file.
            fn registry(&self) -> Result<Arc<Registry>, DeskError> {
                let Json(file) = self.registry_file()?;
                let reg = Registry::build(file)
                    .map_err(|e| DeskError::Unavailable(format!("the server's registry: {}", e[0])))?;
                Ok(Arc::new(reg))
            }
            $(
                $(#[$doc])*
                fn $method(&self, $($arg: $ty),*) -> Result<$reply, DeskError> {
                    reply_of(&self.exchange(Request::$name(requests::$name { $($arg),* }))?)
                }
            )*
        }
    };
}

requests! {
    /// Log a ticket; routing and deadlines are filled in.
    change fn create_ticket(ticket: NewTicket) -> TicketDetail = CreateTicket,
        |s| s.desk.create_ticket(&s.agent, ticket),
        notice |t, _s| ticket_changed(t);
    /// Change a ticket; all changes apply together or not at all.
    change fn update_ticket(id: u64, update: TicketUpdate) -> TicketDetail = UpdateTicket,
        |s| s.desk.update_ticket(&s.agent, id, update),
        notice |t, _s| if t.major { Notice::Resync } else { ticket_changed(t) };
    ask fn ticket(id: u64) -> TicketDetail = Ticket,
        |s| s.desk.ticket(id);
    ask fn list_tickets(query: TicketQuery) -> Page<TicketRow> = ListTickets,
        |s| s.desk.list_tickets(&query);
    ask fn lookup(query: String, limit: usize) -> Vec<Hit> = Lookup,
        |s| Ok(s.desk.lookup(&query, limit));
    ask fn supplier_card(supplier: String) -> Json<SupplierCard> = SupplierCard,
        |s| s.desk.supplier_card(&supplier).map(Json);
    /// The registry as a file, for clients that look things up themselves.
    ask fn registry_file() -> Json<RegistryFile> = Registry,
        |s| Ok(Json(s.desk.registry().file().clone()));
    /// `source` names the file in errors and in the audit log.
    change fn import_registry(source: String, text: String, format: ImportFormat, replace: bool) -> ImportSummary
        = ImportRegistry,
        |s| s.desk.import_registry(&s.agent, &source, &text, format, replace),
        notice |_summary, s| Notice::Registry { by: s.by(), at: s.desk.now() };
    ask fn export_registry() -> String = ExportRegistry,
        |s| Ok(s.desk.export_registry());
    ask fn supplier_report(query: ReportQuery) -> Report<Scorecard> = SupplierReport,
        |s| s.desk.supplier_report(&query);
    ask fn participant_report(query: ReportQuery) -> Report<ParticipantRow> = ParticipantReport,
        |s| s.desk.participant_report(&query);
    ask fn service_report(query: ReportQuery) -> Report<ServiceRow> = ServiceReport,
        |s| s.desk.service_report(&query);
    ask fn contract_watch(within_days: u32) -> ContractWatch = ContractWatch,
        |s| s.desk.contract_watch(within_days);
    ask fn dashboard() -> Dashboard = Dashboard,
        |s| s.desk.dashboard();
    /// A backup streamed to the client (answered by the connection, which streams it).
    ask fn backup_stream() -> BackupSummary = Backup,
        |_s| Err(streamed());
    /// A restore streamed from the client (answered by the connection, which reads it).
    change fn restore_stream(name: String, force: bool) -> BackupSummary = Restore,
        |_s| Err(streamed());
    /// Who serves this folder: pid, uptime, clients, store size.
    ask fn status() -> ServerStatus = Status,
        |s| s.status.map(|f| f()).ok_or_else(|| DeskError::Refused("only a server knows its status".into()));
    /// From now on this connection only carries notices from the server.
    ask fn subscribe() -> () = Subscribe,
        |_s| Err(streamed());
    /// The agents a ticket may be assigned to.
    ask fn agents() -> Vec<String> = Agents,
        |s| s.desk.known_agents().map(|known| known.into_iter().collect());
    /// Makes a colleague known before they have used spoc here (audited).
    change fn add_agent(login: String) -> () = AddAgent,
        |s| s.desk.add_agent(&s.agent, &login);
    /// All tickets, open and closed, holding the words; best matches first.
    ask fn search_tickets(query: SearchQuery) -> Page<TicketRow> = SearchTickets,
        |s| s.desk.search_tickets(&query);
    /// Callers on file that fit a name, phone or email; those of `participant` first.
    ask fn find_callers(query: String, participant: Option<String>, limit: usize) -> Vec<Caller> = FindCallers,
        |s| Ok(s.desk.find_callers(&query, participant.as_deref(), limit));
    /// A caller with their open and recent tickets.
    ask fn caller_card(id: u64) -> CallerCard = CallerCard,
        |s| s.desk.caller_card(id);
    /// Saves a new caller (id 0) or changes one on file (audited).
    change fn save_caller(caller: Caller) -> Caller = SaveCaller,
        |s| s.desk.save_caller(&s.agent, caller);
    /// Callers from a CSV, all or nothing; `source` names the file in errors and the audit log.
    change fn import_callers(source: String, text: String) -> CallerImport = ImportCallers,
        |s| s.desk.import_callers(&s.agent, &source, &text);
    /// The open major incidents, most urgent first.
    ask fn major_incidents() -> Vec<MajorIncident> = MajorIncidents,
        |s| s.desk.major_incidents();
    /// Removes callers' personal data from tickets closed before the retention time (audited).
    change fn purge_callers(dry_run: bool) -> PurgeSummary = PurgeCallers,
        |s| s.desk.purge_callers(&s.agent, dry_run),
        notice |_summary, _s| Notice::Resync;
    /// Everything held about one caller, for an access request (audited).
    change fn personal_data(caller: u64) -> PersonalData = PersonalData,
        |s| s.desk.personal_data(&s.agent, caller);
    /// Forgets a caller on request: their tickets anonymised, their record removed (audited).
    change fn forget_caller(caller: u64) -> usize = ForgetCaller,
        |s| s.desk.forget_caller(&s.agent, caller),
        notice |_n, _s| Notice::Resync;
}

fn streamed() -> DeskError {
    DeskError::Refused("this request takes over the connection; only a server's connection answers it".into())
}

/// A reply frame's payload for a result.
pub fn answer_frame<T: Serialize>(result: Result<T, DeskError>) -> Vec<u8> {
    match result {
        Ok(value) => frame::encode(&Reply::Ok(value)),
        Err(e) => frame::encode(&Reply::<()>::Err(WireError::from(&e))),
    }
}

/// The value in a reply frame's payload (the 4-byte header included or not).
fn reply_of<T: DeserializeOwned>(payload: &[u8]) -> Result<T, DeskError> {
    match decode::<Reply<T>>(payload) {
        Ok(Reply::Ok(v)) => Ok(v),
        Ok(Reply::Err(e)) => Err(e.into()),
        Err(e) => Err(DeskError::Unavailable(format!("the server answered nonsense: {e}"))),
    }
}

impl DeskApi for Session<'_> {
    fn now(&self) -> DateTime<Utc> {
        self.desk.now()
    }
    fn exchange(&self, request: Request) -> Result<Vec<u8>, DeskError> {
        let (mut frame, _) = request.answer(self);
        frame.drain(..4);
        Ok(frame)
    }
    /// In-process, the registry is at hand.
    fn registry(&self) -> Result<Arc<Registry>, DeskError> {
        Ok(self.desk.registry())
    }
    fn backup(&self, out: &mut dyn Write) -> Result<BackupSummary, DeskError> {
        self.desk.backup(out)
    }
    fn restore(&self, input: &mut dyn Read, name: &str, force: bool) -> Result<BackupSummary, DeskError> {
        self.desk.restore_from(input, name, force)
    }
}
