//! The terminal UI's speed (plain timing, printed; `cargo bench --bench ui`): a frame of the
//! queue, the bytes a selection move sends, a keystroke of filtering with 100,000 open tickets,
//! the first frame, and the quick lookup over a 10,000-entry registry.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{SubsecRound, Utc};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use spoc::desk::{Agent, Session};
use spoc::ui::{Keymap, Msg, State, Theme, handle};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn timed(n: usize, mut f: impl FnMut(usize)) -> Duration {
    median(
        (0..n)
            .map(|i| {
                let t = Instant::now();
                f(i);
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    // The quick lookup over a registry of 10,000 entries (first: no store is busy yet).
    let reg = common::big_registry();
    let entries = reg.suppliers().len()
        + reg.services().len()
        + reg.suppliers().iter().map(|s| s.contacts.len()).sum::<usize>()
        + reg.contracts().len();
    let now = Utc::now();
    let mut first_times = Vec::new();
    // The registry as the server has it once loaded: queries of one or two letters ranked ahead
    // (in the background); each longer query is asked for the first time here, as an agent's
    // keystroke would.
    let t = Instant::now();
    spoc::domain::registry::lookup::ShortQueries::warm(&reg);
    println!("ui: ranking the one- and two-letter queries of {entries} entries ahead took {:?}", t.elapsed());
    for typed in ["magi", "youforce", "escal 12", "supp 17", "e", "s", "a", "1", "o", "er", "es", "ice", "ver 1"] {
        let mut query = String::new();
        let (mut first, mut again) = (Vec::new(), Vec::new());
        for c in typed.chars() {
            query.push(c);
            let t = Instant::now();
            drop(spoc::domain::registry::lookup::find(&reg, &query, now, 30));
            first.push(t.elapsed());
            again.push(timed(20, |_| drop(spoc::domain::registry::lookup::find(&reg, &query, now, 30))));
        }
        println!(
            "ui: quick lookup over {entries} registry entries, per keystroke of {typed:?}: first time median {:?}, worst {:?}; asked again median {:?}",
            median(first.clone()),
            first.iter().max().unwrap(),
            median(again),
        );
        first_times.extend(first);
    }
    first_times.sort();
    println!(
        "ui: quick lookup, every keystroke above asked for the first time: median {:?}, p90 {:?}, worst {:?}",
        median(first_times.clone()),
        first_times[first_times.len() * 9 / 10],
        first_times.last().unwrap()
    );

    let tickets: usize = std::env::var("SPOC_BENCH_OPEN").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let desk = common::open_tickets(dir.path(), tickets);
    // As the server does when it starts (in the background).
    let t = Instant::now();
    let warmed = desk.store().warm_up().unwrap();
    println!("ui: the server reads {warmed} open tickets' search texts at start in {:?}", t.elapsed());
    let keys = Keymap::builtin();
    let theme = Theme::builtin(false);
    let api = Session::new(&desk, Agent::new("bench"));
    let tz = chrono_tz::Europe::Amsterdam;

    // Start to first frame: the state, the first page of the queue, the registry, one frame.
    let mut first = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut s = State::new("bench", Utc::now().trunc_subsecs(0), tz);
        let now = s.now;
        handle(&mut s, &keys, &api, Msg::Tick(now));
        let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
        term.draw(|f| spoc::ui::frame::draw(f, &s, &theme, &keys)).unwrap();
        first.push(t.elapsed());
    }
    println!("ui: start to first frame with {tickets} open tickets (in process): {:?}", median(first));

    let mut s = State::new("bench", Utc::now().trunc_subsecs(0), tz);
    let now = s.now;
    handle(&mut s, &keys, &api, Msg::Tick(now));
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let frame = timed(2000, |_| {
        term.draw(|f| spoc::ui::frame::draw(f, &s, &theme, &keys)).unwrap();
    });
    println!("ui: drawing a 200×50 queue frame: {frame:?}");

    // Bytes to the terminal when the selection moves one row: the real crossterm backend.
    let sent = Arc::new(AtomicUsize::new(0));
    let mut term = Terminal::new(CrosstermBackend::new(Counter(sent.clone()))).unwrap();
    term.resize(ratatui::layout::Rect::new(0, 0, 200, 50)).unwrap();
    term.draw(|f| spoc::ui::frame::draw(f, &s, &theme, &keys)).unwrap();
    let before = sent.load(Ordering::SeqCst);
    handle(&mut s, &keys, &api, Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
    term.draw(|f| spoc::ui::frame::draw(f, &s, &theme, &keys)).unwrap();
    println!("ui: bytes sent when the selection moves one row: {}", sent.load(Ordering::SeqCst) - before);

    // Filtering as you type: each keystroke asks the desk for the queue anew, then a frame.
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    for (what, text) in [("a word in many titles", "/werkt"), ("a rare word", "/locatie 96"), ("a term", "/prio:P1")] {
        let mut s = State::new("bench", Utc::now().trunc_subsecs(0), tz);
        let now = s.now;
        handle(&mut s, &keys, &api, Msg::Tick(now));
        let mut per_key = Vec::new();
        for c in text.chars() {
            let t = Instant::now();
            handle(&mut s, &keys, &api, Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
            term.draw(|f| spoc::ui::frame::draw(f, &s, &theme, &keys)).unwrap();
            per_key.push(t.elapsed());
        }
        let worst = per_key.iter().max().copied().unwrap_or_default();
        println!(
            "ui: keystroke to frame, filtering {tickets} open tickets by {what} ({text:?}): median {:?}, worst {worst:?} ({} rows)",
            median(per_key),
            s.queue.rows.len()
        );
    }
}

/// Counts what would be sent to the terminal.
struct Counter(Arc<AtomicUsize>);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::SeqCst);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
