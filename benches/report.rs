//! A year's regie reports over the store of SPOC_BENCH_TICKETS tickets (default 1,000,000;
//! SPOC_BENCH_STORE reuses a built one). Plain timing, printed: each report is one full scan.

mod common;

use std::time::Instant;

use chrono::{Duration, SubsecRound, Utc};
use spoc::desk::{Desk, ReportQuery};

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let (dir, tickets) = common::bench_store();
    let desk = Desk::open(dir.path()).unwrap();
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
    println!("report: RSS {:.0} MiB", common::rss_mib());
}
