//! Store benchmarks at scale: a history of SPOC_BENCH_TICKETS tickets (default 1,000,000) is
//! generated and inserted once (or reused from SPOC_BENCH_STORE), the store reopened, then pages
//! are queried. Insertion, reopening and resident memory are measured once and printed; page
//! queries by criterion.

mod common;

use std::time::Instant;

use common::rss_mib;
use criterion::{Criterion, criterion_group, criterion_main};
use spoc::desk::{Desk, TicketQuery};
use spoc::domain::Status;

fn pages(c: &mut Criterion) {
    let (dir, tickets) = common::bench_store();
    let before = rss_mib();
    let t = Instant::now();
    let desk = Desk::open(dir.path()).unwrap();
    let first = desk.list_tickets(&TicketQuery::default()).unwrap();
    println!(
        "store: reopened with {} tickets and answered the first page ({} rows) in {:.0} ms; RSS {:.0} MiB (was {before:.0} MiB before reopening)",
        desk.store().ticket_count(),
        first.items.len(),
        t.elapsed().as_secs_f64() * 1000.0,
        rss_mib()
    );
    let mut group = c.benchmark_group(format!("page of 50 from {tickets} tickets"));
    let by_status = |s: Status| TicketQuery { statuses: vec![s], limit: 50, ..Default::default() };
    group.bench_function("status=closed, by SLA due", |b| {
        b.iter(|| desk.list_tickets(&by_status(Status::Closed)).unwrap())
    });
    group.bench_function("status=waiting_on_supplier, by SLA due", |b| {
        b.iter(|| desk.list_tickets(&by_status(Status::WaitingOnSupplier)).unwrap())
    });
    group.bench_function("open queue, by SLA due", |b| b.iter(|| desk.list_tickets(&TicketQuery::default()).unwrap()));
    group.bench_function("supplier=Centric incl. closed, second page", |b| {
        let q = TicketQuery { supplier: Some("Centric".into()), include_done: true, offset: 50, ..Default::default() };
        b.iter(|| desk.list_tickets(&q).unwrap())
    });
    group.finish();
    println!("store: RSS after the queries {:.0} MiB", rss_mib());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = pages
}
criterion_main!(benches);
