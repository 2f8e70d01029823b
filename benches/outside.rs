//! spoc measured from outside, as an agent feels it (plain timing, printed;
//! `cargo bench --bench outside`):
//!
//! 1. the release binary's UI in a pseudo-terminal over a server with 100,000 open tickets:
//!    keystroke to the end of the last frame it leads to, while filtering (p50, p99, worst);
//! 2. `spoc supplier find QUERY` as a whole process beside `fzf --filter QUERY` over the same
//!    10,000 registry entries as lines, side by side in one run, as ratios.
//!
//! Needs `fzf` on the PATH for the second part (Debian: `apt-get install fzf`); without it that
//! part is skipped with a note.

mod common;

use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SPOC: &str = env!("CARGO_BIN_EXE_spoc");

/// The end of a synchronized update: the UI writes one after every frame.
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// Silence after the last frame that says a keystroke has had all its frames.
const QUIET: Duration = Duration::from_millis(250);

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let tickets: usize = std::env::var("SPOC_BENCH_TICKETS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    typing_in_the_ui(tickets);
    find_beside_fzf();
}

fn spoc(dir: &Path) -> Command {
    let mut cmd = Command::new(SPOC);
    cmd.arg("--data").arg(dir).env("XDG_CONFIG_HOME", dir.join("config")).env_remove("SPOC_DATA");
    cmd
}

fn stop_server(dir: &Path) {
    if let Ok(pid) = std::fs::read_to_string(dir.join("store.pid")) {
        let _ = Command::new("kill").arg(pid.trim()).status();
    }
}

/// Percentile `p` (0..=100) by nearest rank.
fn pct(sorted: &[Duration], p: usize) -> Duration {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

struct Pty {
    master: std::fs::File,
    child: std::process::Child,
    chunks: mpsc::Receiver<(Instant, Vec<u8>)>,
    screen: vt100::Parser,
}

impl Pty {
    fn open(mut cmd: Command, cols: u16, rows: u16) -> Pty {
        let size = nix::pty::Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        let pty = nix::pty::openpty(Some(&size), None).unwrap();
        let slave: OwnedFd = pty.slave;
        cmd.env("TERM", "xterm-256color").env_remove("COLORTERM");
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a session of its own with
        // the pty as its controlling terminal, as a login over SSH has.
        unsafe {
            cmd.pre_exec(|| {
                nix::unistd::setsid()?;
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        let master = std::fs::File::from(pty.master);
        let mut reader = master.try_clone().unwrap();
        let (tx, chunks) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        Pty { master, child, chunks, screen: vt100::Parser::new(rows, cols, 0) }
    }

    fn wait_for(&mut self, what: &str, within: Duration) {
        let deadline = Instant::now() + within;
        while !self.screen.screen().contents().contains(what) {
            assert!(
                Instant::now() < deadline,
                "the screen never showed {what:?}:\n{}",
                self.screen.screen().contents()
            );
            if let Ok((_, bytes)) = self.chunks.recv_timeout(Duration::from_millis(50)) {
                self.screen.process(&bytes);
            }
        }
    }

    /// Sends one key and waits until the UI has drawn everything it leads to: the time from
    /// the write to the end of the last frame.
    fn key(&mut self, bytes: &[u8]) -> Option<Duration> {
        while let Ok((_, b)) = self.chunks.try_recv() {
            self.screen.process(&b);
        }
        let sent = Instant::now();
        self.master.write_all(bytes).unwrap();
        let mut last_frame = None;
        while let Ok((at, b)) = self.chunks.recv_timeout(QUIET) {
            if b.windows(FRAME_END.len()).any(|w| w == FRAME_END) {
                last_frame = Some(at);
            }
            self.screen.process(&b);
        }
        last_frame.map(|at| at - sent)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn typing_in_the_ui(tickets: usize) {
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    drop(common::open_tickets(dir.path(), tickets));
    println!("outside: {tickets} open tickets stored in {:.1} s", t.elapsed().as_secs_f64());
    let mut ui = Pty::open(spoc(dir.path()), 120, 40);
    ui.wait_for("queue · all open", Duration::from_secs(120));
    // The server reads the open tickets' search texts in the background after it starts.
    let log = dir.path().join("serve.log");
    let deadline = Instant::now() + Duration::from_secs(300);
    while !std::fs::read_to_string(&log).unwrap_or_default().contains("open tickets for filtering") {
        assert!(Instant::now() < deadline, "the server never read the search texts");
        std::thread::sleep(Duration::from_millis(200));
    }
    ui.key(b"/");
    let queries = ["locatie 96", "magister", "prio:P1", "supplier:iddink", "beller 12 zyl", "werkt niet"];
    let mut timed: Vec<(Duration, String)> = Vec::new();
    for _round in 0..5 {
        for q in queries {
            for (i, c) in q.char_indices() {
                timed.extend(ui.key(c.to_string().as_bytes()).map(|d| (d, q[..=i].to_string())));
            }
            // ctrl-u: the whole queue again.
            timed.extend(ui.key(b"\x15").map(|d| (d, "ctrl-u".to_string())));
        }
    }
    timed.sort();
    let per_key: Vec<Duration> = timed.iter().map(|(d, _)| *d).collect();
    let slowest: Vec<String> = timed.iter().rev().take(5).map(|(d, typed)| format!("{typed:?} {}", ms(*d))).collect();
    println!(
        "outside: keystroke to finished frame while filtering {tickets} open tickets, {} keys: p50 {}, p99 {}, worst {} (targets 8, 16, 33 ms)",
        per_key.len(),
        ms(pct(&per_key, 50)),
        ms(pct(&per_key, 99)),
        ms(*per_key.last().unwrap()),
    );
    println!("outside: the slowest keys (the filter as typed so far): {}", slowest.join(", "));
    ui.key(b"\x1b");
    ui.key(b"q");
    stop_server(dir.path());
}

/// Every entry the quick lookup searches, one line each, as fzf would be given them.
fn registry_lines(reg: &spoc::domain::Registry) -> String {
    let mut lines = String::new();
    for s in reg.suppliers() {
        lines.push_str(&format!("supplier {} {}\n", s.name, s.aliases.join(" ")));
        for c in &s.contacts {
            lines.push_str(&format!("contact {} {} {}\n", c.name, c.role.as_str(), s.name));
        }
    }
    for v in reg.services() {
        lines.push_str(&format!("service {} {} {}\n", v.name, v.aliases.join(" "), v.keywords.join(" ")));
    }
    for c in reg.contracts() {
        lines.push_str(&format!("contract {} {} {}\n", c.number, c.supplier, c.services.join(" ")));
    }
    lines
}

fn run_quietly(mut cmd: Command) -> Duration {
    let t = Instant::now();
    let status = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status().unwrap();
    let took = t.elapsed();
    assert!(status.success() || status.code() == Some(1), "{cmd:?}: {status}");
    took
}

fn find_beside_fzf() {
    if Command::new("fzf").arg("--version").stdout(Stdio::null()).status().is_err() {
        println!("outside: fzf is not installed (apt-get install fzf): `supplier find` beside fzf skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let toml = common::big_registry_toml();
    let file = dir.path().join("big.toml");
    std::fs::write(&file, &toml).unwrap();
    let data = dir.path().join("data");
    assert!(spoc(&data).arg("import").arg(&file).stdout(Stdio::null()).status().unwrap().success());
    let reg = spoc::domain::registry::file::check_toml("big.toml", &toml).unwrap();
    let lines = registry_lines(&reg);
    let listed = dir.path().join("entries.txt");
    std::fs::write(&listed, &lines).unwrap();
    println!("outside: {} registry entries as lines for fzf", lines.lines().count());
    const RUNS: usize = 30;
    for query in ["e", "m", "magi", "youforce", "supp 17", "escal 12", "storing 99"] {
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let mut find = spoc(&data);
            find.args(["supplier", "find", query]);
            ours.push(run_quietly(find));
            let mut fzf = Command::new("fzf");
            fzf.args(["--filter", query]).stdin(std::fs::File::open(&listed).unwrap());
            theirs.push(run_quietly(fzf));
        }
        ours.sort();
        theirs.sort();
        let (a, b) = (pct(&ours, 50), pct(&theirs, 50));
        println!(
            "outside: {query:<11} spoc supplier find {} · fzf --filter {} · ratio {:.2} (target ≤ 1.5)",
            ms(a),
            ms(b),
            a.as_secs_f64() / b.as_secs_f64()
        );
    }
    stop_server(&data);
}
