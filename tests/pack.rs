//! The meeting pack: its numbers are the supplier report's, it stands alone (nothing fetched
//! from a network), and a real browser (headless Chromium) draws it with its charts.

use crate::common;

use std::path::Path;
use std::process::Command;

use chrono::{Datelike, Months, Utc};
use common::server::Folder;

/// A demo folder with three months of history up to now.
fn demo() -> Folder {
    let f = Folder::new();
    f.ok(&["demo", "--no-ui", "--tickets", "600"]);
    f
}

/// Last month, as `YYYY-MM`, with its first and last day (the demo's history runs up to now).
fn last_month() -> (String, String, String) {
    let today = Utc::now().with_timezone(&chrono_tz::Europe::Amsterdam).date_naive();
    let first = today.with_day(1).unwrap() - Months::new(1);
    let last = today.with_day(1).unwrap().pred_opt().unwrap();
    (first.format("%Y-%m").to_string(), first.to_string(), last.to_string())
}

fn json(f: &Folder, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&f.ok(args)).unwrap()
}

#[test]
fn the_pack_carries_the_reports_numbers_and_a_browser_draws_it() {
    let f = demo();
    let (month, first, last) = last_month();
    let file = f.tmp.path().join("pack.html");
    f.ok(&["report", "pack", "--supplier", "visma raet", "--month", &month, "-o", file.to_str().unwrap()]);
    let html = std::fs::read_to_string(&file).unwrap();

    // One source: the supplier report over the same month.
    let report = json(
        &f,
        &["report", "suppliers", "--supplier", "Visma Raet", "--from", &first, "--to", &last, "--format", "json"],
    );
    let total = report["rows"].as_array().unwrap().iter().find(|r| r["contract"].is_null()).expect("a total row");
    let figures = &total["figures"];
    let tickets = figures["tickets"].as_u64().unwrap();
    assert!(tickets > 0, "the demo dispatches to Visma Raet every month");
    assert!(html.contains(&format!("data-figure=\"tickets\">{tickets}<")), "tickets {tickets}");
    let (met, measured) =
        (figures["resolution_met"].as_u64().unwrap(), figures["resolution_measured"].as_u64().unwrap());
    assert!(html.contains(&format!("({met} of {measured}")), "resolution {met} of {measured}");
    let backlog: u64 =
        report["backlog"][0]["ages"].as_array().map_or(0, |a| a.iter().map(|n| n.as_u64().unwrap()).sum());
    if backlog > 0 {
        assert!(html.contains(&format!("data-figure=\"backlog\">{backlog}<")), "backlog {backlog}");
    }
    // Every ticket behind the month's figures is in the appendix.
    assert_eq!(html.matches("<tr data-ticket=").count() as u64, tickets);
    // Four priorities, the volumes and the scores, drawn inline; nothing fetched.
    assert_eq!(html.matches("<svg").count(), 6);
    for outside in ["http://", "https://", "<script", "<link", "<img"] {
        assert!(!html.contains(outside), "the pack stands alone: {outside}");
    }
    assert!(html.contains("@media print") && html.contains("size:A4"), "it prints on A4");

    let shot = f.tmp.path().join("pack.png");
    screenshot(&file, &shot);
    let (pixels, inked, chart) = colours(&shot);
    assert!(inked * 100 > pixels * 3, "the page is not blank: {inked} of {pixels} pixels drawn");
    // The charts' blue (#2b6cb0), as bars and lines.
    assert!(chart > 2_000, "the charts are drawn: {chart} pixels of their colour");
}

#[test]
fn a_pack_for_every_supplier_and_what_is_refused() {
    let f = demo();
    let (month, _, _) = last_month();
    let dir = f.tmp.path().join("packs");
    let missing = f.run(&["report", "pack", "--all", "--month", &month, "-o", dir.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2), "a folder that does not exist is said, not made");
    std::fs::create_dir(&dir).unwrap();
    let said = f.ok(&["report", "pack", "--all", "--month", &month, "-o", dir.to_str().unwrap()]);
    let written: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(said.lines().count(), written.len());
    assert!(written.len() >= 10, "one per supplier with a contract: {written:?}");
    assert!(
        written.iter().any(|p| p.file_name().unwrap().to_str().unwrap() == format!("pack-visma-raet-{month}.html"))
    );
    // A supplier with norms is judged against them; calls that never reached a supplier are named.
    let afas = std::fs::read_to_string(dir.join(format!("pack-afas-software-{month}.html"))).unwrap();
    assert!(afas.contains("data-figure=\"norms\">Against the contract's norms"), "AFAS's contracts set norms");
    let kept = written.iter().map(|p| std::fs::read_to_string(p).unwrap()).filter(|h| h.contains("never reached it"));
    assert!(kept.count() > 0, "the demo has calls for services nobody could be routed to");
    let fails = |args: &[&str]| {
        let out = f.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(fails(&["report", "pack", "--month", &month]).contains("--supplier NAME"));
    assert!(fails(&["report", "pack", "--all", "--supplier", "Iddink", "--month", &month]).contains("not both"));
    assert!(fails(&["report", "pack", "--supplier", "Iddink", "--month", "2026-13"]).contains("is not a month"));
    assert!(fails(&["report", "pack", "--supplier", "Iddink", "--month", "2026-1"]).contains("is not a month"));
    let nowhere = f.tmp.path().join("no-such-folder").join("x.html");
    assert!(
        fails(&["report", "pack", "--supplier", "Iddink", "--month", &month, "-o", nowhere.to_str().unwrap()])
            .contains("does not exist")
    );
    assert!(fails(&["report", "pack", "--supplier", "Idink", "--month", &month]).contains("Iddink"));
}

/// Headless Chromium, as `.ci/run` installs it (Debian's `chromium`).
fn screenshot(page: &Path, png: &Path) {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
        .expect("a Chromium to render the pack in: install the chromium package (.ci/run does)");
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1100,1800",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(png.exists(), "no screenshot: {}", String::from_utf8_lossy(&out.stderr));
}

/// All pixels, those not white, and those of the charts' blue.
fn colours(png: &Path) -> (u64, u64, u64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let (mut all, mut inked, mut chart) = (0, 0, 0);
    for px in buf[..info.buffer_size()].chunks(step) {
        all += 1;
        if px[..3] != [255, 255, 255] {
            inked += 1;
        }
        if px[..3] == [0x2b, 0x6c, 0xb0] {
            chart += 1;
        }
    }
    (all, inked, chart)
}
