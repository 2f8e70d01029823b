//! Store benchmarks at scale: a history of SPOC_BENCH_TICKETS tickets (default 1,000,000) is
//! generated and inserted once, the store reopened, then pages are queried.
//! Insertion, reopening and resident memory are measured once and printed; page queries by criterion.

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use spoc::demo::{History, HistoryPlan};
use spoc::desk::{Agent, Desk, ImportFormat, TicketQuery};
use spoc::domain::Status;

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// Runs the real binary; returns its wall time and peak RSS (sampled from /proc while it runs).
fn fresh_process(dir: &std::path::Path, args: &[&str]) -> (f64, f64) {
    let t = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_spoc"))
        .arg("--data")
        .arg(dir)
        .args(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0.0f64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            let hwm = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok());
            peak_kb = peak_kb.max(hwm.unwrap_or(0.0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success());
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    (t.elapsed().as_secs_f64() * 1000.0, peak_kb / 1024.0)
}

fn build(dir: &std::path::Path, tickets: usize) {
    let desk = Desk::open(dir).unwrap();
    desk.import_registry(
        &Agent::new("bench"),
        spoc::demo::REGISTRY_NAME,
        spoc::demo::REGISTRY_TOML,
        ImportFormat::Toml,
        false,
    )
    .unwrap();
    let reg = desk.registry();
    let plan = HistoryPlan { tickets, now: desk.now(), seed: 7, first_id: 1 };
    let (mut generating, mut inserting) = (0.0, 0.0);
    let mut batch = Vec::with_capacity(10_000);
    let mut history = History::new(&reg, plan);
    loop {
        let t = Instant::now();
        batch.extend(history.by_ref().take(10_000));
        generating += t.elapsed().as_secs_f64();
        if batch.is_empty() {
            break;
        }
        let t = Instant::now();
        desk.store().insert_many(&batch).unwrap();
        inserting += t.elapsed().as_secs_f64();
        batch.clear();
    }
    println!(
        "store: {tickets} tickets generated in {generating:.1} s, inserted in {inserting:.1} s ({:.0} tickets/s); {:.0} MiB on disk; RSS {:.0} MiB",
        tickets as f64 / inserting,
        desk.store().size_on_disk() as f64 / 1048576.0,
        rss_mib()
    );
}

fn pages(c: &mut Criterion) {
    let tickets: usize = std::env::var("SPOC_BENCH_TICKETS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), tickets);
    // What an agent (and later the server) sees: a fresh process opening the store. The first
    // one after the bulk load also pays for sled's recovery of the log that the load wrote.
    for args in [
        &["ticket", "list", "--limit", "50"][..],
        &["ticket", "list", "--limit", "50"][..],
        &["ticket", "list", "--status", "closed", "--limit", "50"][..],
    ] {
        let (ms, peak) = fresh_process(dir.path(), args);
        println!("store: a fresh `spoc {}` on {tickets} tickets: {ms:.0} ms, peak RSS {peak:.0} MiB", args.join(" "));
    }
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
