//! The socket client: every CLI command and TUI goes through one, to the server that owns the
//! data folder, starting that server first when none runs.

mod autostart;

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, SubsecRound, Utc};
use serde::de::DeserializeOwned;

pub use autostart::{connect_or_start, connect_or_start_with, serve_in_background};

use crate::desk::views::{Page, TicketDetail, TicketRow};
use crate::desk::{
    DeskApi, DeskError, ImportFormat, ImportSummary, Report, ReportQuery, SupplierCard, TicketQuery, TicketUpdate,
};
use crate::domain::Registry;
use crate::domain::registry::RegistryFile;
use crate::domain::registry::lookup::Hit;
use crate::domain::report::{ContractWatch, Dashboard, ParticipantRow, Scorecard, ServiceRow};
use crate::domain::ticket::NewTicket;
use crate::protocol::{Hello, Json, Notice, Reply, Request, ServerStatus, Welcome, decode, read_frame, write_frame};
use crate::server::SOCKET;
use crate::store::backup::BackupSummary;

pub struct Client {
    dir: PathBuf,
    stream: Mutex<UnixStream>,
    welcome: Welcome,
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
                    "you may not use the servicedesk in {}: {e} (it belongs to another user or group)",
                    dir.display()
                ))));
            }
            Err(e) => return Err(ConnectError::Failed(unavailable(&socket, e))),
        };
        let welcome = exchange::<Welcome>(&mut stream, &Hello::ours(), &socket).map_err(|e| match e {
            // The server went away while we said hello (killed, or a start that failed): as good
            // as none; the caller starts one or tries again.
            DeskError::Unavailable(_) => ConnectError::NoServer,
            refused => ConnectError::Failed(refused),
        })?;
        Ok(Client { dir: dir.to_path_buf(), stream: Mutex::new(stream), welcome })
    }

    pub fn server(&self) -> &Welcome {
        &self.welcome
    }

    pub fn status(&self) -> Result<ServerStatus, DeskError> {
        self.call(&Request::Status)
    }

    /// Turns this connection into a stream of notices.
    pub fn subscribe(self) -> Result<Subscription, DeskError> {
        let () = self.call(&Request::Subscribe)?;
        let stream = self.stream.into_inner().unwrap_or_else(|e| e.into_inner());
        Ok(Subscription { stream, socket: self.dir.join(SOCKET) })
    }

    fn call<T: DeserializeOwned>(&self, request: &Request) -> Result<T, DeskError> {
        let mut stream = self.stream.lock().unwrap_or_else(|e| e.into_inner());
        exchange(&mut stream, request, &self.dir.join(SOCKET))
    }
}

fn exchange<T: DeserializeOwned>(
    stream: &mut UnixStream,
    message: &impl serde::Serialize,
    socket: &Path,
) -> Result<T, DeskError> {
    if let Err(e) = write_frame(stream, message) {
        // The server may have hung up after saying why (a refusal): read that if it is there.
        return match read_frame(stream) {
            Ok(Some(payload)) => match decode::<Reply<T>>(&payload) {
                Ok(Reply::Err(why)) => Err(why.into()),
                _ => Err(unavailable(socket, e)),
            },
            _ => Err(unavailable(socket, e)),
        };
    }
    let payload = read_frame(stream)
        .map_err(|e| DeskError::Unavailable(format!("the server at {} failed: {e}", socket.display())))?
        .ok_or_else(|| DeskError::Unavailable(format!("the server at {} hung up", socket.display())))?;
    match decode::<Reply<T>>(&payload) {
        Ok(Reply::Ok(v)) => Ok(v),
        Ok(Reply::Err(e)) => Err(e.into()),
        Err(e) => Err(DeskError::Unavailable(format!("the server at {} answered nonsense: {e}", socket.display()))),
    }
}

fn unavailable(socket: &Path, e: std::io::Error) -> DeskError {
    DeskError::Unavailable(format!("cannot reach the server at {}: {e}", socket.display()))
}

/// Notices from the server, as they come.
pub struct Subscription {
    stream: UnixStream,
    socket: PathBuf,
}

impl Subscription {
    /// The next notice; `Ok(None)` when the server has gone.
    pub fn next_notice(&mut self) -> Result<Option<Notice>, DeskError> {
        let Some(payload) = read_frame(&mut self.stream)
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
    /// Fetched anew each time: an import may have changed it.
    fn registry(&self) -> Result<Arc<Registry>, DeskError> {
        let Json(file): Json<RegistryFile> = self.call(&Request::Registry)?;
        let reg =
            Registry::build(file).map_err(|e| DeskError::Unavailable(format!("the server's registry: {}", e[0])))?;
        Ok(Arc::new(reg))
    }
    fn create_ticket(&self, ticket: NewTicket) -> Result<TicketDetail, DeskError> {
        self.call(&Request::CreateTicket { ticket })
    }
    fn update_ticket(&self, id: u64, update: TicketUpdate) -> Result<TicketDetail, DeskError> {
        self.call(&Request::UpdateTicket { id, update })
    }
    fn ticket(&self, id: u64) -> Result<TicketDetail, DeskError> {
        self.call(&Request::Ticket { id })
    }
    fn list_tickets(&self, query: &TicketQuery) -> Result<Page<TicketRow>, DeskError> {
        self.call(&Request::ListTickets { query: query.clone() })
    }
    fn lookup(&self, query: &str, limit: usize) -> Result<Vec<Hit>, DeskError> {
        self.call(&Request::Lookup { query: query.into(), limit })
    }
    fn supplier_card(&self, supplier: &str) -> Result<SupplierCard, DeskError> {
        self.call::<Json<SupplierCard>>(&Request::SupplierCard { supplier: supplier.into() }).map(|j| j.0)
    }
    fn import_registry(
        &self,
        source: &str,
        text: &str,
        format: ImportFormat,
        replace: bool,
    ) -> Result<ImportSummary, DeskError> {
        self.call(&Request::ImportRegistry { source: source.into(), text: text.into(), format, replace })
    }
    fn export_registry(&self) -> Result<String, DeskError> {
        self.call(&Request::ExportRegistry)
    }
    fn supplier_report(&self, query: &ReportQuery) -> Result<Report<Scorecard>, DeskError> {
        self.call(&Request::SupplierReport { query: query.clone() })
    }
    fn participant_report(&self, query: &ReportQuery) -> Result<Report<ParticipantRow>, DeskError> {
        self.call(&Request::ParticipantReport { query: query.clone() })
    }
    fn service_report(&self, query: &ReportQuery) -> Result<Report<ServiceRow>, DeskError> {
        self.call(&Request::ServiceReport { query: query.clone() })
    }
    fn contract_watch(&self, within_days: u32) -> Result<ContractWatch, DeskError> {
        self.call(&Request::ContractWatch { within_days })
    }
    fn dashboard(&self) -> Result<Dashboard, DeskError> {
        self.call(&Request::Dashboard)
    }
    fn backup(&self, path: &Path) -> Result<BackupSummary, DeskError> {
        self.call(&Request::Backup { path: path.into() })
    }
    fn restore(&self, path: &Path, force: bool) -> Result<BackupSummary, DeskError> {
        self.call(&Request::Restore { path: path.into(), force })
    }
}
