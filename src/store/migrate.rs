//! Reading records written by earlier versions: each old shape (in `records`) is read as it was
//! written and brought forward one version at a time, to the current record.

use super::records::{At, ClockV3, ClockV4, LayerRec, Secs, Text, TicketV1, TicketV3, TicketV4};

/// Version 1 had no satisfaction score.
pub fn ticket_v1(t: TicketV1) -> TicketV3<Text> {
    TicketV3 {
        id: t.id,
        version: t.version,
        kind: t.kind,
        title: t.title,
        description: t.description,
        caller: t.caller,
        participant: t.participant,
        service: t.service,
        impact: t.impact,
        urgency: t.urgency,
        priority: t.priority,
        status: t.status,
        assignee: t.assignee,
        routing: t.routing,
        supplier_ref: t.supplier_ref,
        created_at: t.created_at,
        created_by: t.created_by,
        updated_at: t.updated_at,
        updated_by: t.updated_by,
        first_response_at: t.first_response_at,
        dispatched_at: t.dispatched_at,
        resolved_at: t.resolved_at,
        closed_at: t.closed_at,
        reopened: t.reopened,
        satisfaction: None,
        satisfaction_remark: None,
        helpdesk: t.helpdesk,
        supplier_sla: t.supplier_sla,
        sla_due: t.sla_due,
        journal_len: t.journal_len,
    }
}

fn secs<A: At>(t: Option<A>) -> Option<Secs> {
    t.map(|t| Secs::of(t.utc()))
}

fn clock_v3<A: At>(c: ClockV3<A>) -> ClockV4 {
    ClockV4 {
        target: c.target,
        target_secs: c.target_secs,
        started_at: secs(c.started_at),
        counted: c.counted,
        running_since: secs(c.running_since),
        stopped_at: secs(c.stopped_at),
        // A met clock's due at its stop was not kept; a breached one's is its breach.
        due_at_stop: secs(c.stopped_at.and(c.breached_at)),
        breached_at: secs(c.breached_at),
    }
}

fn layer_v3<A: At>(l: LayerRec<ClockV3<A>>) -> LayerRec<ClockV4> {
    LayerRec { calendar: l.calendar, response: clock_v3(l.response), resolution: clock_v3(l.resolution) }
}

/// Versions 2 and 3 had no supplier events: its response, "solved" and reopens.
pub fn ticket_v3<A: At>(t: TicketV3<A>) -> TicketV4 {
    let resolved_at = secs(t.resolved_at);
    let supplier_sla = t.supplier_sla.map(layer_v3);
    // Version 3 stopped the supplier's response on its reference or reply, and on resolve: a stop
    // is an answer when a reference is known, or when it is not the (only) resolve's.
    let answered =
        |stopped_at: Option<Secs>| t.supplier_ref.is_some() || (stopped_at != resolved_at && t.reopened == 0);
    let supplier_response_at = supplier_sla
        .as_ref()
        .map(|l| l.response.stopped_at)
        .filter(|stopped| stopped.is_some() && answered(*stopped))
        .flatten();
    TicketV4 {
        id: t.id,
        version: t.version,
        kind: t.kind,
        title: t.title,
        description: t.description,
        caller: t.caller,
        participant: t.participant,
        service: t.service,
        impact: t.impact,
        urgency: t.urgency,
        priority: t.priority,
        status: t.status,
        assignee: t.assignee,
        routing: t.routing,
        supplier_ref: t.supplier_ref,
        created_at: Secs::of(t.created_at.utc()),
        created_by: t.created_by,
        updated_at: Secs::of(t.updated_at.utc()),
        updated_by: t.updated_by,
        first_response_at: secs(t.first_response_at),
        dispatched_at: secs(t.dispatched_at),
        resolved_at,
        closed_at: secs(t.closed_at),
        reopened: t.reopened,
        supplier_response_at,
        supplier_solved_at: None,
        supplier_reopened: 0,
        with_supplier: t.status == super::records::StatusRec::WaitingOnSupplier,
        satisfaction: t.satisfaction,
        satisfaction_remark: t.satisfaction_remark,
        helpdesk: layer_v3(t.helpdesk),
        supplier_sla,
        sla_due: secs(t.sla_due),
        journal_len: t.journal_len,
    }
}
