//! The real binary in a pseudo-terminal, read back through a terminal emulator (vt100): what
//! an agent sees over SSH. Call intake with its routing preview, the quick lookup, dispatch to
//! a supplier, and a colleague's change appearing without a keystroke.

use crate::common;

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::server::Folder;

struct Screen {
    master: std::fs::File,
    child: Child,
    parser: vt100::Parser,
    output: mpsc::Receiver<Vec<u8>>,
    /// Everything the program wrote, as bytes (for sequences a screen does not show).
    raw: Vec<u8>,
}

impl Screen {
    /// `spoc` (the UI) on the folder, in a terminal of `cols`×`rows`.
    fn open(f: &Folder, cols: u16, rows: u16) -> Screen {
        Screen::open_with(f, cols, rows, &[])
    }

    fn open_with(f: &Folder, cols: u16, rows: u16, env: &[(&str, &str)]) -> Screen {
        let size = nix::pty::Winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
        let pty = nix::pty::openpty(Some(&size), None).unwrap();
        let slave: OwnedFd = pty.slave;
        let mut cmd = f.command();
        cmd.env("TERM", "xterm-256color").env_remove("COLORTERM").env_remove("VISUAL").envs(env.iter().copied());
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a session of its own, with
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
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Screen { master, child, parser: vt100::Parser::new(rows, cols, 0), output, raw: Vec::new() }
    }

    fn text(&mut self) -> String {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        self.parser.screen().contents()
    }

    /// Waits (up to 20 s: the whole suite on two busy cores) until the screen shows `what`.
    fn wait_for(&mut self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = self.text();
            if text.contains(what) {
                return text;
            }
            assert!(Instant::now() < deadline, "the screen never showed {what:?}:\n{text}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn type_text(&mut self, text: &str) {
        self.master.write_all(text.as_bytes()).unwrap();
        self.master.flush().unwrap();
        // One burst per field, as a person types: the UI handles each before the next.
        std::thread::sleep(Duration::from_millis(60));
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = self.master.as_raw_fd();
    }
}

const TAB: &str = "\t";
const ESC: &str = "\x1b";
const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";

fn demo() -> Folder {
    let f = Folder::new();
    f.ok(&["demo", "--no-ui", "--tickets", "200"]);
    f
}

#[test]
fn a_whole_call_from_lookup_to_dispatch() {
    let f = demo();
    let mut s = Screen::open(&f, 120, 40);
    s.wait_for("queue · all open");
    // Who do we call for Magister?
    s.type_text("f");
    s.type_text("magi");
    let card = s.wait_for("+31 85 000 1010");
    assert!(card.contains("Iddink") && card.contains("escalation 1"), "{card}");
    s.type_text(ESC);
    // Log the call: the preview shows the routing and the due times before saving.
    s.type_text("n");
    s.wait_for("new call");
    for field in ["Sanne de Boer", TAB, "ZYL", TAB, "magister", TAB, "2", TAB, "2", TAB, "Cijfers weg"] {
        s.type_text(field);
    }
    let preview = s.wait_for("Magister → Iddink (contract ICT-2024-017)");
    assert!(preview.contains("respond  by") && preview.contains("resolve  by"), "{preview}");
    s.type_text(CTRL_S);
    let logged = s.wait_for("logged ·");
    let id: u64 =
        logged.split("ticket #").nth(1).unwrap().split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap();
    // The status menu: each status has its own key, whatever the ticket's status.
    s.type_text("s");
    s.wait_for("new status:");
    s.wait_for("s  waiting_on_supplier");
    s.type_text("i");
    s.wait_for("status       in_progress");
    // Dispatch: the supplier's desk hours shown, its reference and waiting on the supplier in
    // one change.
    s.type_text("d");
    s.wait_for("dispatch to Iddink (");
    s.type_text("INC-4711");
    s.type_text(ENTER);
    s.wait_for("supplier ref INC-4711");
    s.wait_for("status       waiting_on_supplier");
    let shown: serde_json::Value = serde_json::from_str(&f.ok(&["ticket", "show", &id.to_string(), "--json"])).unwrap();
    assert_eq!(shown["status"], "waiting_on_supplier");
    assert_eq!(shown["supplier_ref"], "INC-4711");
    assert!(shown["dispatched_at"].is_string(), "the supplier's clocks started");
}

#[test]
fn a_colleagues_change_appears_without_a_keystroke() {
    let f = demo();
    let mut s = Screen::open(&f, 100, 30);
    s.wait_for("queue · all open");
    s.type_text(ENTER);
    let ticket = s.wait_for("journal");
    let id = ticket.split("ticket #").nth(1).unwrap().split(|c: char| !c.is_ascii_digit()).next().unwrap().to_string();
    f.ok(&["ticket", "update", &id, "--note", "Iddink belt om 14:00 terug"]);
    s.wait_for("note: Iddink belt om 14:00 terug");
}

#[test]
fn a_small_terminal_says_so_and_recovers() {
    let f = demo();
    let mut s = Screen::open(&f, 30, 6);
    s.wait_for("spoc needs 40×8; this is 30×6");
    let size = nix::pty::Winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCSWINSZ on our own pty master with a valid winsize.
    unsafe { libc::ioctl(s.master.as_raw_fd(), libc::TIOCSWINSZ as _, &size) };
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(s.child.id() as i32), nix::sys::signal::Signal::SIGWINCH);
    s.parser.screen_mut().set_size(24, 80);
    s.wait_for("queue · all open");
}

#[test]
fn a_true_colour_theme_where_colorterm_is_unset_falls_back_and_says_so() {
    let f = demo();
    let config = f.tmp.path().join("config").join("spoc");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "theme = \"dark\"\n").unwrap();
    let mut s = Screen::open(&f, 120, 30);
    s.wait_for("needs a true-colour terminal");
}

#[test]
fn losing_the_server_shows_a_banner_keeps_the_typing_and_reconnects() {
    let f = demo();
    let mut s = Screen::open(&f, 120, 30);
    s.wait_for("queue · all open");
    s.type_text(ENTER);
    s.wait_for("journal");
    s.type_text("n");
    s.type_text("half a no");
    s.wait_for("note: half a no");
    f.kill_server();
    s.wait_for("the server cannot be reached");
    // The UI starts a new server by itself and says so by dropping the banner.
    let back = Instant::now();
    loop {
        let text = s.text();
        if !text.contains("the server cannot be reached") {
            assert!(text.contains("note: half a no"), "what was typed is still there:\n{text}");
            break;
        }
        assert!(back.elapsed() < Duration::from_secs(15), "reconnected:\n{text}");
        std::thread::sleep(Duration::from_millis(50));
    }
    s.type_text("te");
    s.type_text(ENTER);
    s.wait_for("note: half a note");
    assert!(f.server_pid().is_some(), "a new server runs");
}

#[test]
fn long_text_is_written_in_the_agents_editor() {
    use std::os::unix::fs::PermissionsExt;
    let f = demo();
    let editor = f.tmp.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'Sinds de update van vannacht\\nziet niemand cijfers.\\n' > \"$1\"\n")
        .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut s = Screen::open_with(&f, 120, 30, &[("EDITOR", editor.to_str().unwrap())]);
    s.wait_for("queue · all open");
    s.type_text("n");
    for _ in 0..6 {
        s.type_text(TAB);
    }
    s.type_text("\x18"); // ctrl-x: the text in $EDITOR
    s.wait_for("description  Sinds de update van vannacht");
}

#[test]
fn a_panic_gives_the_terminal_back_before_the_report() {
    let f = demo();
    let mut s = Screen::open_with(&f, 100, 30, &[("SPOC_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")]);
    s.wait_for("queue · all open");
    assert!(s.parser.screen().alternate_screen(), "the UI draws on the alternate screen");
    s.type_text("\x1b[24~"); // F12
    let report = s.wait_for("a panic asked for by SPOC_TEST_PANIC");
    // The report comes after the terminal is given back.
    assert!(!s.parser.screen().alternate_screen(), "back on the main screen:\n{report}");
    assert!(!s.parser.screen().hide_cursor(), "the cursor is shown again");
    let status = s.child.wait().unwrap();
    assert!(!status.success());
}

#[test]
fn quitting_gives_the_terminal_back() {
    let f = demo();
    let mut s = Screen::open(&f, 100, 30);
    s.wait_for("queue · all open");
    s.type_text("q");
    assert!(s.child.wait().unwrap().success());
    // The last bytes may still be on their way from the pty.
    let deadline = Instant::now() + Duration::from_secs(5);
    while s.parser.screen().alternate_screen() && Instant::now() < deadline {
        s.text();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!s.parser.screen().alternate_screen() && !s.parser.screen().hide_cursor());
}

#[test]
fn the_phone_number_goes_to_the_clipboard_with_osc_52() {
    let f = demo();
    let mut s = Screen::open(&f, 120, 30);
    s.wait_for("queue · all open");
    s.type_text("f");
    s.type_text("magi");
    s.wait_for("+31 85 000 1010");
    s.type_text("\x19"); // ctrl-y
    s.wait_for("copied +31 85 000 1010");
    // base64 of "+31 85 000 1010"
    let osc = b"\x1b]52;c;KzMxIDg1IDAwMCAxMDEw\x07";
    assert!(s.raw.windows(osc.len()).any(|w| w == osc), "the OSC 52 sequence was sent");
}

/// A typo in a personal keymap does not keep the agent out: the built-in keys apply and the
/// screen says what is wrong and where; `check-config` still fails.
#[test]
fn a_keymap_with_a_typo_starts_with_the_built_in_keys_and_says_so() {
    let f = demo();
    let dir = f.tmp.path().join("config").join("spoc");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keymap.toml"), "[queue]\nj = \"dwon\"\n").unwrap();
    assert_eq!(f.run(&["check-config"]).status.code(), Some(2));
    let mut s = Screen::open(&f, 120, 30);
    let screen = s.wait_for("queue · all open");
    assert!(screen.contains("your keymap has errors, the built-in keys apply"), "{screen}");
    assert!(screen.contains("keymap.toml:2"), "{screen}");
    s.type_text("?");
    s.wait_for("keys on the queue screen");
}

/// A server that stops answering (SIGSTOP) never freezes the screen: within a second or so the
/// banner says the server keeps it waiting, the agent's typing still shows, and once the server
/// runs again the answer comes and the banner goes.
#[test]
fn a_stuck_server_shows_at_once_and_the_agent_keeps_typing() {
    let f = demo();
    let mut s = Screen::open(&f, 120, 30);
    s.wait_for("queue · all open");
    let pid = nix::unistd::Pid::from_raw(f.server_pid().unwrap());
    common::server::stop_process(pid.as_raw());
    s.type_text("r");
    // A second by the screen's clock; the rest is slack for a busy machine.
    s.wait_for("the server has not answered for");
    // The line editor answers while the server does not.
    s.type_text("/");
    s.type_text("kompas");
    s.wait_for("kompas");
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGCONT).unwrap();
    let deadline = Instant::now() + Duration::from_secs(25);
    while s.text().contains("the server has not answered") {
        assert!(Instant::now() < deadline, "back:\n{}", s.text());
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// $EDITOR gets the terminal alone: what the agent types in it reaches the editor only, not the
/// screen behind it.
#[test]
fn the_editor_has_the_terminal_alone() {
    let f = demo();
    // An "editor" that reads six keys from the terminal in raw mode, as vi does, one at a time.
    let editor = f.tmp.path().join("raw-editor.sh");
    let script = "#!/bin/sh\nstty raw -echo </dev/tty\ntext=$(dd bs=1 count=6 </dev/tty 2>/dev/null)\n\
                  stty sane </dev/tty\nprintf '%s' \"$text\" >\"$1\"\n";
    std::fs::write(&editor, script).unwrap();
    std::fs::set_permissions(&editor, <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o755))
        .unwrap();
    let mut s = Screen::open_with(&f, 120, 30, &[("EDITOR", editor.to_str().unwrap())]);
    s.wait_for("queue · all open");
    s.type_text("/");
    s.type_text("\x18"); // ctrl-x: the filter in $EDITOR
    std::thread::sleep(Duration::from_millis(500));
    // Every letter must reach the editor: a reader still running would take some of them.
    for c in "kompas".chars() {
        s.type_text(&c.to_string());
        std::thread::sleep(Duration::from_millis(30));
    }
    s.type_text(ENTER);
    s.wait_for("filter kompas");
}

/// A call of a caller on file about an outage already known: found as the name is typed, their
/// earlier call shown, linked to the open major incident, and resolved with it.
#[test]
fn a_caller_on_file_is_linked_to_the_open_major_incident() {
    let f = demo();
    let callers = f.tmp.path().join("callers.csv");
    std::fs::write(&callers, "name,phone,email,participant\nAnouk Zwart,06 1234 5678,anouk@zyl.nl,ZYL\n").unwrap();
    f.ok(&["import", callers.to_str().unwrap()]);
    let new = ["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "1", "--urgency", "1"];
    let major = f.ok(&[&new[..], &["--title", "Magister plat", "--json"]].concat());
    let major: serde_json::Value = serde_json::from_str(&major).unwrap();
    let m = major["id"].to_string();
    f.ok(&["ticket", "update", &m, "--major"]);
    f.ok(&["ticket", "update", &m, "--status", "waiting_on_supplier", "--supplier-ref", "INC-4711"]);
    let mut s = Screen::open(&f, 120, 40);
    s.wait_for("queue · all open");
    s.type_text("n");
    s.wait_for("new call");
    s.type_text("anouk zw");
    s.wait_for("Anouk Zwart (06 1234 5678) · ZYL");
    s.type_text(TAB);
    // The participant follows the caller; the service brings its major incident.
    for field in [TAB, "magister", TAB, "3", TAB, "2", TAB, "Magister doet het niet"] {
        s.type_text(field);
    }
    let form = s.wait_for(&format!("MAJOR INCIDENT #{m}"));
    assert!(form.contains("ref INC-4711") && form.contains("ctrl-l links this call"), "{form}");
    s.type_text("\x0c"); // ctrl-l
    s.wait_for("linked: ctrl-l unlinks");
    s.type_text(CTRL_S);
    let logged = s.wait_for("logged ·");
    assert!(logged.contains(&format!("linked to major incident #{m}")), "{logged}");
    f.ok(&["ticket", "update", &m, "--supplier-solved", "servers herstart"]);
    let done = f.ok(&["ticket", "update", &m, "--status", "resolved", "--solution", "servers herstart"]);
    assert!(done.contains("Anouk Zwart") && done.contains("06 1234 5678 · anouk@zyl.nl"), "{done}");
}
