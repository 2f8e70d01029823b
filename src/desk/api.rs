//! `DeskApi`: what the CLI and the TUI may ask of the servicedesk. The server's `Session` answers
//! it in-process; `client::Client` answers it over the socket. Neither caller can tell which.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::views::{Page, TicketDetail, TicketRow};
use super::{
    Agent, Desk, DeskError, ImportFormat, ImportSummary, Report, ReportQuery, SupplierCard, TicketQuery, TicketUpdate,
};
use crate::domain::Registry;
use crate::domain::registry::lookup::Hit;
use crate::domain::report::{ContractWatch, Dashboard, ParticipantRow, Scorecard, ServiceRow};
use crate::domain::ticket::NewTicket;
use crate::store::backup::BackupSummary;

pub trait DeskApi {
    /// The desk's "now", in whole seconds.
    fn now(&self) -> DateTime<Utc>;
    fn registry(&self) -> Result<Arc<Registry>, DeskError>;
    fn create_ticket(&self, new: NewTicket) -> Result<TicketDetail, DeskError>;
    fn update_ticket(&self, id: u64, update: TicketUpdate) -> Result<TicketDetail, DeskError>;
    fn ticket(&self, id: u64) -> Result<TicketDetail, DeskError>;
    fn list_tickets(&self, query: &TicketQuery) -> Result<Page<TicketRow>, DeskError>;
    fn lookup(&self, query: &str, limit: usize) -> Result<Vec<Hit>, DeskError>;
    fn supplier_card(&self, supplier: &str) -> Result<SupplierCard, DeskError>;
    /// `source` names the file in errors and in the audit log.
    fn import_registry(
        &self,
        source: &str,
        text: &str,
        format: ImportFormat,
        replace: bool,
    ) -> Result<ImportSummary, DeskError>;
    fn export_registry(&self) -> Result<String, DeskError>;
    fn supplier_report(&self, query: &ReportQuery) -> Result<Report<Scorecard>, DeskError>;
    fn participant_report(&self, query: &ReportQuery) -> Result<Report<ParticipantRow>, DeskError>;
    fn service_report(&self, query: &ReportQuery) -> Result<Report<ServiceRow>, DeskError>;
    fn contract_watch(&self, within_days: u32) -> Result<ContractWatch, DeskError>;
    fn dashboard(&self) -> Result<Dashboard, DeskError>;
    /// `path` is read or written by the process that owns the store: give it absolute.
    fn backup(&self, path: &Path) -> Result<BackupSummary, DeskError>;
    fn restore(&self, path: &Path, force: bool) -> Result<BackupSummary, DeskError>;
}

/// The desk as one agent sees it: every change is made in their name.
pub struct Session<'a> {
    pub desk: &'a Desk,
    pub agent: Agent,
}

impl DeskApi for Session<'_> {
    fn now(&self) -> DateTime<Utc> {
        self.desk.now()
    }
    fn registry(&self) -> Result<Arc<Registry>, DeskError> {
        Ok(self.desk.registry())
    }
    fn create_ticket(&self, new: NewTicket) -> Result<TicketDetail, DeskError> {
        self.desk.create_ticket(&self.agent, new)
    }
    fn update_ticket(&self, id: u64, update: TicketUpdate) -> Result<TicketDetail, DeskError> {
        self.desk.update_ticket(&self.agent, id, update)
    }
    fn ticket(&self, id: u64) -> Result<TicketDetail, DeskError> {
        self.desk.ticket(id)
    }
    fn list_tickets(&self, query: &TicketQuery) -> Result<Page<TicketRow>, DeskError> {
        self.desk.list_tickets(query)
    }
    fn lookup(&self, query: &str, limit: usize) -> Result<Vec<Hit>, DeskError> {
        Ok(self.desk.lookup(query, limit))
    }
    fn supplier_card(&self, supplier: &str) -> Result<SupplierCard, DeskError> {
        self.desk.supplier_card(supplier)
    }
    fn import_registry(
        &self,
        source: &str,
        text: &str,
        format: ImportFormat,
        replace: bool,
    ) -> Result<ImportSummary, DeskError> {
        self.desk.import_registry(&self.agent, source, text, format, replace)
    }
    fn export_registry(&self) -> Result<String, DeskError> {
        Ok(self.desk.export_registry())
    }
    fn supplier_report(&self, query: &ReportQuery) -> Result<Report<Scorecard>, DeskError> {
        self.desk.supplier_report(query)
    }
    fn participant_report(&self, query: &ReportQuery) -> Result<Report<ParticipantRow>, DeskError> {
        self.desk.participant_report(query)
    }
    fn service_report(&self, query: &ReportQuery) -> Result<Report<ServiceRow>, DeskError> {
        self.desk.service_report(query)
    }
    fn contract_watch(&self, within_days: u32) -> Result<ContractWatch, DeskError> {
        self.desk.contract_watch(within_days)
    }
    fn dashboard(&self) -> Result<Dashboard, DeskError> {
        self.desk.dashboard()
    }
    fn backup(&self, path: &Path) -> Result<BackupSummary, DeskError> {
        self.desk.backup(path)
    }
    fn restore(&self, path: &Path, force: bool) -> Result<BackupSummary, DeskError> {
        self.desk.restore(path, force)
    }
}
