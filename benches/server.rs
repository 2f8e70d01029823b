//! The server at scale (plain timing, printed; run with `cargo bench --bench server`):
//! start with SPOC_BENCH_TICKETS tickets (default 1,000,000) until the first query is answered,
//! round trips of page queries over the socket (p50, p99), twenty clients creating tickets at
//! once with every change flushed before it is confirmed, and a restart after those writes.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use common::rss_of;
use spoc::client::{Client, ConnectError};
use spoc::desk::{DeskApi, TicketQuery};
use spoc::domain::TicketKind;
use spoc::domain::ticket::NewTicket;

const SPOC: &str = env!("CARGO_BIN_EXE_spoc");

/// Starts a server and times it until the first page of the queue is answered.
fn start(dir: &Path) -> (Child, Client, Duration) {
    let t = Instant::now();
    let child = Command::new(SPOC)
        .arg("--data")
        .arg(dir)
        .args(["serve", "--foreground"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let client = loop {
        match Client::connect(dir) {
            Ok(c) => break c,
            Err(ConnectError::NoServer) => std::thread::sleep(Duration::from_micros(500)),
            Err(ConnectError::Failed(e)) => panic!("{e}"),
        }
    };
    let page = client.list_tickets(TicketQuery::default()).unwrap();
    assert!(!page.items.is_empty());
    (child, client, t.elapsed())
}

fn stop(mut child: Child) {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::Signal::SIGTERM).unwrap();
    assert!(child.wait().unwrap().success());
}

fn percentiles(mut micros: Vec<f64>) -> String {
    micros.sort_by(f64::total_cmp);
    let at = |q: f64| micros[((micros.len() - 1) as f64 * q).round() as usize];
    format!("p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs over {}", at(0.5), at(0.99), at(1.0), micros.len())
}

fn timed(n: usize, mut f: impl FnMut(usize)) -> Vec<f64> {
    (0..n)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect()
}

fn call(n: usize) -> NewTicket {
    NewTicket {
        kind: TicketKind::Incident,
        title: format!("bench call {n}"),
        description: "Magister geeft een foutmelding bij inloggen".into(),
        caller: Some("J. de Vries".into()),
        participant: "ZYL".into(),
        service: "Magister".into(),
        impact: 2,
        urgency: 2,
        caller_id: None,
        link_to: None,
        solution: None,
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks for a list of benchmarks; there are none to list.
    }
    let (dir, tickets) = common::bench_store();
    let dir = dir.path().to_path_buf();

    for round in 1..=3 {
        let (child, client, took) = start(&dir);
        let (rss, _) = rss_of(child.id());
        println!(
            "server: start {round} with {tickets} tickets until the first page is answered: {:.0} ms; RSS {rss:.0} MiB",
            took.as_secs_f64() * 1000.0
        );
        drop(client);
        stop(child);
    }

    let (child, client, _) = start(&dir);
    let queue = TicketQuery::default();
    timed(500, |_| drop(client.list_tickets(queue.clone()).unwrap()));
    println!(
        "server: page of 50 of the open queue over the socket: {}",
        percentiles(timed(20_000, |_| {
            client.list_tickets(queue.clone()).unwrap();
        }))
    );
    let closed = TicketQuery { statuses: vec![spoc::domain::Status::Closed], ..Default::default() };
    println!(
        "server: page of 50 closed tickets over the socket: {}",
        percentiles(timed(20_000, |_| {
            client.list_tickets(closed.clone()).unwrap();
        }))
    );
    println!(
        "server: one ticket with its journal over the socket: {}",
        percentiles(timed(20_000, |i| {
            client.ticket(1 + (i as u64 * 7919) % tickets as u64).unwrap();
        }))
    );
    let (rss, hwm) = rss_of(child.id());
    println!("server: RSS after the queries {rss:.0} MiB (peak {hwm:.0} MiB)");

    let per_client = 300;
    let start_line = Arc::new(Barrier::new(21));
    let writers: Vec<_> = (0..20)
        .map(|w| {
            let (dir, start_line) = (dir.clone(), start_line.clone());
            std::thread::spawn(move || {
                let c = Client::connect(&dir).map_err(|_| "connect").unwrap();
                start_line.wait();
                timed(per_client, |i| drop(c.create_ticket(call(w * per_client + i)).unwrap()))
            })
        })
        .collect();
    start_line.wait();
    let t = Instant::now();
    let latencies: Vec<f64> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "server: 20 clients created {} tickets in {secs:.2} s: {:.0} confirmed changes/s; each: {}",
        latencies.len(),
        latencies.len() as f64 / secs,
        percentiles(latencies)
    );
    let one = timed(300, |i| drop(client.create_ticket(call(i)).unwrap()));
    println!("server: one client alone creating tickets: {}", percentiles(one));
    let (rss, hwm) = rss_of(child.id());
    println!("server: RSS after the writes {rss:.0} MiB (peak {hwm:.0} MiB)");
    drop(client);
    stop(child);
    let (child, _client, took) = start(&dir);
    println!(
        "server: restart after those writes until the first page is answered: {:.0} ms",
        took.as_secs_f64() * 1000.0
    );
    drop(_client);
    // A command right after SIGTERM: it waits for the old server to leave and starts the next.
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    let t = Instant::now();
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    let out = Command::new(SPOC)
        .arg("--data")
        .arg(&dir)
        .args(["ticket", "list", "--limit", "1"])
        .env("SPOC_IDLE_EXIT", "5")
        .output()
        .unwrap();
    let took = t.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    println!(
        "server: `spoc ticket list` right after SIGTERM, until it printed (old server out, new one in): {:.0} ms",
        took.as_secs_f64() * 1000.0
    );
    let mut child = child;
    let _ = child.wait();
    // The server that command started leaves by itself after 5 idle seconds.
    let started = std::fs::read_to_string(dir.join("serve.pid")).ok().and_then(|p| p.trim().parse::<i32>().ok());
    if let Some(p) = started {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(p), nix::sys::signal::Signal::SIGTERM);
    }
}
