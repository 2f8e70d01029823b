//! What the benchmarks share: a store of many tickets, built once, and memory readings.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use spoc::demo::{History, HistoryPlan};
use spoc::desk::{Agent, Desk, ImportFormat};

/// Where the store lives: a temporary folder, or SPOC_BENCH_STORE (kept, and reused when it
/// already holds a store: building a million tickets takes minutes).
pub enum BenchDir {
    Temp(tempfile::TempDir),
    Kept(PathBuf),
}

impl BenchDir {
    pub fn path(&self) -> &Path {
        match self {
            BenchDir::Temp(t) => t.path(),
            BenchDir::Kept(p) => p,
        }
    }
}

/// A store with SPOC_BENCH_TICKETS tickets (default 1,000,000) of the demo's history.
pub fn bench_store() -> (BenchDir, usize) {
    let tickets: usize = std::env::var("SPOC_BENCH_TICKETS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = match std::env::var_os("SPOC_BENCH_STORE") {
        Some(p) => BenchDir::Kept(PathBuf::from(p)),
        None => BenchDir::Temp(tempfile::tempdir().unwrap()),
    };
    if dir.path().join("store").exists() {
        let count = Desk::open(dir.path()).unwrap().store().ticket_count();
        println!("reusing the store in {} ({count} tickets)", dir.path().display());
        return (dir, count);
    }
    build(dir.path(), tickets);
    (dir, tickets)
}

pub fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// Resident memory of another process, now and at its peak, in MiB.
pub fn rss_of(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| -> f64 {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (field("VmRSS:"), field("VmHWM:"))
}

pub fn build(dir: &std::path::Path, tickets: usize) {
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
    // As `spoc demo` does: one reopen writes sled's snapshot, so later opens need not replay the load.
    drop(desk);
    let t = Instant::now();
    drop(Desk::open(dir).unwrap());
    println!("store: reopened once after the load in {:.1} s", t.elapsed().as_secs_f64());
}
