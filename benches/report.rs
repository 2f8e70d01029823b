//! A year's regie reports over the store of SPOC_BENCH_TICKETS tickets (default 1,000,000;
//! SPOC_BENCH_STORE reuses a built one). Plain timing, printed: each report is one full scan.

mod common;

use std::time::Instant;

use chrono::{Datelike, Duration, SubsecRound, Utc};
use spoc::cli::report::{PackArgs, pack};
use spoc::desk::{Agent, Desk, ReportQuery, SearchQuery, Session};

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let (dir, tickets) = common::bench_store();
    let t = Instant::now();
    let desk = Desk::open(dir.path()).unwrap();
    println!(
        "report: opened the store in {:.1} s (a store of an older index version is indexed anew)",
        t.elapsed().as_secs_f64()
    );
    let to = Utc::now().trunc_subsecs(0);
    let year = ReportQuery::new(to - Duration::days(365), to);
    let time = |what: &str, run: &dyn Fn() -> usize| {
        for round in 1..=3 {
            let t = Instant::now();
            let rows = run();
            println!(
                "report: {what} over {tickets} tickets, run {round}: {:.2} s ({rows} rows)",
                t.elapsed().as_secs_f64()
            );
        }
    };
    time("a year's supplier scorecards", &|| desk.supplier_report(&year).unwrap().rows.len());
    let monthly = ReportQuery { monthly: true, ..year.clone() };
    time("a year's supplier scorecards per month", &|| desk.supplier_report(&monthly).unwrap().rows.len());
    time("a year's participant figures", &|| desk.participant_report(&year).unwrap().rows.len());
    // The meeting pack: a year per month with every ticket, the month with its backlog, the
    // HTML with its charts, written to a file.
    let session = Session::new(&desk, Agent::new("bench"));
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("all")).unwrap();
    let today = to.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive();
    let month = (today.with_day(1).unwrap() - chrono::Months::new(1)).format("%Y-%m").to_string();
    let args = |supplier: Option<&str>| PackArgs {
        supplier: supplier.map(String::from),
        all: supplier.is_none(),
        month: month.clone(),
        output: Some(match supplier {
            Some(_) => out.path().join("one.html"),
            None => out.path().join("all"),
        }),
    };
    time("a year's meeting pack for one supplier (Visma Raet)", &|| {
        pack(&session, args(Some("Visma Raet"))).unwrap();
        1
    });
    time("every supplier's meeting pack", &|| {
        pack(&session, args(None)).unwrap();
        std::fs::read_dir(out.path().join("all")).unwrap().count()
    });
    // Searching all history: the words of every ticket read once, as the server does after it
    // starts; then two-word queries, each asked 20 times; p50 and p99 over all.
    let before = common::rss_mib();
    let t = Instant::now();
    desk.store().warm_up().unwrap();
    println!(
        "search: read every ticket's words in {:.1} s; memory {:.0} MiB more",
        t.elapsed().as_secs_f64(),
        common::rss_mib() - before
    );
    let mut all = Vec::new();
    for words in [
        "zermelo storing",
        "magister traag",
        "youforce bereikbaar",
        "afas koppeling",
        "printen locatie",
        "inloggen foutmelding",
        "nieuwe medewerker",
        "rechten magister",
        "inc-5572 youforce",
        "inc storing",
        "e-mail traag",
    ] {
        let q = SearchQuery { words: words.into(), limit: 50, ..Default::default() };
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..20 {
            let t = Instant::now();
            found = desk.search_tickets(&q).unwrap().items.len();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "search: {words:?} over {tickets} tickets: median {:?}, worst {:?} ({found} shown)",
            times[10], times[19]
        );
        all.extend(times);
    }
    all.sort();
    let at = |p: usize| all[(p * all.len()).div_ceil(100).max(1) - 1];
    println!(
        "search: two-word queries over {tickets} tickets, {} asked: p50 {:?}, p99 {:?}",
        all.len(),
        at(50),
        at(99)
    );
    println!("report: RSS {:.0} MiB", common::rss_mib());
}
