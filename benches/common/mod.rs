//! What the benchmarks share: a store of many tickets, built once, and memory readings.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{SubsecRound, Utc};
use spoc::demo::{History, HistoryPlan};
use spoc::desk::{Agent, Desk, ImportFormat};
use spoc::domain::ticket::NewTicket;
use spoc::domain::{Ticket, TicketKind};

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

/// A store with `n` open tickets, all logged now.
pub fn open_tickets(dir: &std::path::Path, n: usize) -> Desk {
    let desk = Desk::open(dir).unwrap();
    let admin = Agent::new("bench");
    desk.import_registry(&admin, spoc::demo::REGISTRY_NAME, spoc::demo::REGISTRY_TOML, ImportFormat::Toml, false)
        .unwrap();
    let reg = desk.registry();
    let now = Utc::now().trunc_subsecs(0);
    let services = ["Magister", "AFAS", "Youforce", "Microsoft 365", "Printen", "Zermelo"];
    let participants = ["ZYL", "HVD", "LBK", "OBL", "SGH"];
    let mut batch = Vec::new();
    for id in 1..=n as u64 {
        let new = NewTicket {
            kind: TicketKind::Incident,
            title: format!("Melding {id}: {} werkt niet op locatie {}", services[id as usize % 6], id % 97),
            description: "Sinds vanochtend.".into(),
            caller: Some(format!("Beller {}", id % 1000)),
            participant: participants[id as usize % 5].into(),
            service: services[id as usize % 6].into(),
            impact: 1 + (id % 3) as u8,
            urgency: 1 + (id % 4) as u8,
            caller_id: None,
            link_to: None,
            solution: None,
        };
        let at = now - chrono::Duration::minutes((n as i64 - id as i64) % 10_000);
        let (t, entry): (Ticket, _) = Ticket::open(id, new, at, "bench", &reg).unwrap();
        batch.push((t, vec![entry]));
        if batch.len() == 10_000 {
            desk.store().insert_many(&batch).unwrap();
            batch.clear();
        }
    }
    desk.store().insert_many(&batch).unwrap();
    desk
}

/// The demo registry with 2,500 more suppliers and services: over 10,000 entries to look up.
pub fn big_registry_toml() -> String {
    let mut toml = String::from(spoc::demo::REGISTRY_TOML);
    for i in 0..2500 {
        toml.push_str(&format!(
            "\n[[supplier]]\nname = \"Supplier {i}\"\naliases = [\"Leverancier {i}\"]\nphone = \"+31 20 {i:06}\"\n[[supplier.contact]]\nname = \"Desk {i}\"\nrole = \"service_desk\"\n[[supplier.contact]]\nname = \"Escalation {i}\"\nrole = \"escalation\"\nlevel = 1\n"
        ));
        toml.push_str(&format!("\n[[service]]\nname = \"Service {i}\"\naliases = [\"App {i}\"]\nkeywords = [\"storing {i}\", \"inloggen {i}\"]\n"));
    }
    toml
}

pub fn big_registry() -> spoc::domain::Registry {
    spoc::domain::registry::file::check_toml("big.toml", &big_registry_toml()).unwrap()
}
