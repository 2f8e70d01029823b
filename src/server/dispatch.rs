//! One request, answered by the desk in the name of the connection's agent: the reply frame,
//! and the notice to push to subscribers when something changed.

use serde::Serialize;

use crate::desk::views::TicketDetail;
use crate::desk::{Agent, Desk, DeskApi, DeskError, Session};
use crate::protocol::{Json, Notice, Reply, Request, WireError, frame};

/// Runs on a blocking thread: desk calls read and flush the store.
pub fn handle(desk: &Desk, agent: Agent, request: Request) -> (Vec<u8>, Option<Notice>) {
    let by = agent.login().to_string();
    let api = Session { desk, agent };
    let changed =
        |t: &TicketDetail| Notice::Ticket { id: t.id, version: t.version, by: t.updated_by.clone(), at: t.updated_at };
    match request {
        Request::CreateTicket { ticket } => with_notice(api.create_ticket(ticket), changed),
        Request::UpdateTicket { id, update } => with_notice(api.update_ticket(id, update), changed),
        Request::Ticket { id } => (answer(api.ticket(id)), None),
        Request::ListTickets { query } => (answer(api.list_tickets(&query)), None),
        Request::Lookup { query, limit } => (answer(api.lookup(&query, limit)), None),
        Request::SupplierCard { supplier } => (answer(api.supplier_card(&supplier).map(Json)), None),
        Request::Registry => (answer(Ok::<_, DeskError>(Json(desk.registry().file()))), None),
        Request::ImportRegistry { source, text, format, replace } => {
            let at = desk.now();
            with_notice(api.import_registry(&source, &text, format, replace), |_| Notice::Registry { by, at })
        }
        Request::ExportRegistry => (answer(api.export_registry()), None),
        Request::SupplierReport { query } => (answer(api.supplier_report(&query)), None),
        Request::ParticipantReport { query } => (answer(api.participant_report(&query)), None),
        Request::ServiceReport { query } => (answer(api.service_report(&query)), None),
        Request::ContractWatch { within_days } => (answer(api.contract_watch(within_days)), None),
        Request::Dashboard => (answer(api.dashboard()), None),
        Request::Backup { path } => (answer(api.backup(&path)), None),
        Request::Restore { path, force } => {
            let at = desk.now();
            // Everything may have changed: subscribers reload.
            let (reply, notice) = with_notice(api.restore(&path, force), |_| Notice::Registry { by, at });
            (reply, notice.map(|_| Notice::Resync))
        }
        // The connection answers these itself; they never reach the desk.
        Request::Status | Request::Subscribe => {
            (answer::<()>(Err(DeskError::Refused("not a desk request".into()))), None)
        }
    }
}

fn with_notice<T: Serialize>(
    result: Result<T, DeskError>,
    notice: impl FnOnce(&T) -> Notice,
) -> (Vec<u8>, Option<Notice>) {
    let n = result.as_ref().ok().map(notice);
    (answer(result), n)
}

pub fn answer<T: Serialize>(result: Result<T, DeskError>) -> Vec<u8> {
    match result {
        Ok(value) => frame::encode(&Reply::Ok(value)),
        Err(e) => refusal(WireError::from(&e)),
    }
}

pub fn refusal(e: WireError) -> Vec<u8> {
    frame::encode(&Reply::<()>::Err(e))
}
