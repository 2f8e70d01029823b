//! The server under faults and in a shared folder: backups that move bytes and not paths,
//! restores that are all-or-nothing and can be finished, restarts, a stopping server, and
//! callers that are slow or greedy.

use crate::common;

use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::{Duration, Instant};

use common::SMALL;
use common::server::{Folder, OtherUser, SPOC, kill_server};
use nix::sys::signal::Signal;
use spoc::client::connect_or_start_with;
use spoc::desk::DeskApi;
use spoc::protocol::{Hello, MAX_HELLO, PROTOCOL, Reply, Welcome, WireError, frame, read_frame};
use spoc::server::{PER_USER, STOPPING};

/// A folder with the small registry and one ticket, logged through the real binary.
fn desk_with_a_ticket() -> Folder {
    let f = Folder::new();
    let file = f.tmp.path().join("small.toml");
    std::fs::write(&file, SMALL).unwrap();
    f.ok(&["import", file.to_str().unwrap()]);
    let args = ["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "2", "--urgency", "2"];
    f.ok(&[&args[..], &["--title", "Magister is down"]].concat());
    f
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn a_backup_moves_bytes_and_never_writes_over_what_is_not_a_backup() {
    let f = desk_with_a_ticket();
    let data = f.data();
    for inside in [data.join("store").join("db"), data.join("spoc.sock"), data.join("anything.spoc")] {
        let out = f.run(&["backup", inside.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}: {}", inside.display(), stderr(&out));
        assert!(stderr(&out).contains("inside the data folder"), "{}", stderr(&out));
    }
    assert!(f.ok(&["ticket", "show", "1"]).contains("Magister is down"), "the store is whole and served");

    let out_dir = tempfile::tempdir().unwrap();
    let at = |name: &str| out_dir.path().join(name);
    std::fs::write(at("F.partial"), "someone else's").unwrap();
    std::fs::write(at("notes.txt"), "mine").unwrap();
    f.ok(&["backup", at("F.txt").to_str().unwrap()]);
    assert!(std::fs::read_to_string(at("F.txt")).unwrap().starts_with("SPOC-BACKUP"));
    assert_eq!(std::fs::read_to_string(at("F.partial")).unwrap(), "someone else's");
    let out = f.run(&["backup", at("notes.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a spoc backup"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(at("notes.txt")).unwrap(), "mine");
    std::fs::create_dir(at("folder")).unwrap();
    assert_eq!(f.run(&["backup", at("folder").to_str().unwrap()]).status.code(), Some(2));
    // Last night's backup is replaced by tonight's.
    f.ok(&["backup", at("F.txt").to_str().unwrap()]);
    let mut left: Vec<String> =
        std::fs::read_dir(out_dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    left.sort();
    assert_eq!(left, ["F.partial", "F.txt", "folder", "notes.txt"], "no temporary file is left behind");

    let g = Folder::new();
    assert!(g.ok(&["restore", at("F.txt").to_str().unwrap()]).contains("restored 1 tickets"));
    assert!(g.ok(&["ticket", "show", "1"]).contains("Magister is down"));
    let out = g.run(&["restore", at("notes.txt").to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("notes.txt is not a spoc backup"), "{}", stderr(&out));
}

/// The file is the agent's: written with their rights, where they may write, and nowhere else,
/// though the server could.
#[test]
fn a_backup_is_written_with_the_agents_own_rights() {
    if !nix::unistd::Uid::effective().is_root() {
        eprintln!("skipped: acting as a second user needs root (CI runs as root)");
        return;
    }
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let f = desk_with_a_ticket();
    kill_server(&f.data(), Signal::SIGTERM);
    std::fs::set_permissions(f.tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut server = f
        .command()
        .args(["serve", "--foreground", "--group", "nogroup"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while spoc::client::Client::connect(&f.data()).is_err() {
        assert!(Instant::now() < deadline, "the server answers");
        std::thread::sleep(Duration::from_millis(10));
    }
    let other = OtherUser::new();
    let theirs = tempfile::tempdir().unwrap();
    nix::unistd::chown(theirs.path(), Some(65534.into()), Some(65534.into())).unwrap();
    let file = theirs.path().join("nightly.spoc");
    let out = other.run(65534, 65534, &f.data(), &["backup", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&file).unwrap().uid(), 65534, "the agent's own file");

    let roots = tempfile::tempdir().unwrap();
    std::fs::set_permissions(roots.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = other.run(65534, 65534, &f.data(), &["backup", roots.path().join("b.spoc").to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("ermission denied"), "{}", stderr(&out));
    assert!(!roots.path().join("b.spoc").exists(), "the server did not write it for them");
    kill_server(&f.data(), Signal::SIGTERM);
    assert!(server.wait().unwrap().success());
}

/// Killed halfway through a restore: every command says to restore again, `status` and
/// `restore` still work, and once a restore completes the desk is back.
#[test]
fn a_restore_cut_short_can_be_finished() {
    let f = desk_with_a_ticket();
    let backup = f.tmp.path().join("b.spoc");
    f.ok(&["backup", backup.to_str().unwrap()]);
    kill_server(&f.data(), Signal::SIGTERM);
    // As a SIGKILL right after the restore began would leave it.
    spoc::store::Store::open(&f.data()).unwrap().begin_restore().unwrap();

    let out = f.run(&["ticket", "list"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("did not finish") && stderr(&out).contains("spoc restore"), "{}", stderr(&out));
    assert!(f.ok(&["status"]).contains("restore"), "status says what is wrong");
    assert!(f.ok(&["restore", backup.to_str().unwrap(), "--force"]).contains("restored 1 tickets"));
    assert!(f.ok(&["ticket", "show", "1"]).contains("Magister is down"));
    let args = ["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "3", "--urgency", "3"];
    f.ok(&[&args[..], &["--title", "after the restore"]].concat());
}

#[test]
fn a_command_right_after_sigterm_waits_for_the_old_server_and_starts_the_next() {
    let f = desk_with_a_ticket();
    for _ in 0..5 {
        let old = f.server_pid().unwrap();
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(old), Signal::SIGTERM).unwrap();
        let out = f.run(&["ticket", "show", "1"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_ne!(f.server_pid(), Some(old));
    }
}

#[test]
fn a_socket_gone_from_under_its_server_names_the_pid_at_once() {
    let f = desk_with_a_ticket();
    let pid = f.server_pid().unwrap();
    std::fs::remove_file(f.data().join("spoc.sock")).unwrap();
    let started = Instant::now();
    let out = f.run(&["ticket", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("pid {pid}")) && stderr(&out).contains("socket"), "{}", stderr(&out));
    // Not a speed target: a hang would take minutes.
    assert!(started.elapsed() < Duration::from_secs(20), "it answered at once, not after a wait");
    // `status` says the same, not "no server runs".
    let out = f.run(&["status"]);
    assert!(stderr(&out).contains(&format!("pid {pid}")) && stderr(&out).contains("socket"), "{}", stderr(&out));
}

fn raw(f: &Folder) -> UnixStream {
    let s = UnixStream::connect(f.data().join("spoc.sock")).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s
}

/// What the server answers and whether it then closes the connection.
fn answer_then_closed(s: &mut UnixStream) -> (Option<String>, bool) {
    let said = match read_frame(s) {
        Ok(Some(p)) => match spoc::protocol::decode::<Reply<()>>(&p) {
            Ok(Reply::Err(e)) => Some(e.message),
            _ => Some("(something else)".into()),
        },
        _ => None,
    };
    let mut rest = Vec::new();
    (said, s.read_to_end(&mut rest).map(|n| n == 0).unwrap_or(true))
}

#[test]
fn a_caller_not_yet_admitted_costs_little() {
    let f = desk_with_a_ticket();
    // A hello announced larger than a hello may be is refused before it is read.
    let mut s = raw(&f);
    s.write_all(&(16u32 * 1024 * 1024).to_be_bytes()).unwrap();
    assert!(answer_then_closed(&mut s).1, "closed");
    // One byte at a time, slower than the deadline allows: never welcomed.
    let mut s = raw(&f);
    let hello = frame::encode(&Hello::ours());
    assert!(hello.len() < MAX_HELLO);
    let started = Instant::now();
    let mut welcomed = false;
    for byte in &hello {
        if s.write_all(&[*byte]).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(600));
        s.set_nonblocking(true).unwrap();
        let mut buf = [0u8; 64];
        if let Ok(n) = s.read(&mut buf) {
            welcomed = n > 0 && buf[4] == 0;
            break;
        }
        s.set_nonblocking(false).unwrap();
    }
    assert!(!welcomed, "a hello that trickles in past the deadline is not welcomed");
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(f.ok(&["ticket", "show", "1"]).contains("Magister"), "serving on");
}

/// Threads a process has now.
fn threads(pid: i32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status.lines().find_map(|l| l.strip_prefix("Threads:")).unwrap().trim().parse().unwrap()
}

/// A flood of connections that never say hello costs a thread each only up to the cap: the
/// rest are closed at once, and the user gets in again once the flood is gone.
#[test]
fn a_flood_of_silent_connections_is_capped_before_the_hello() {
    let f = desk_with_a_ticket();
    let pid = f.server_pid().unwrap();
    let before = threads(pid);
    let flood: Vec<UnixStream> =
        (0..PER_USER * 4).filter_map(|_| UnixStream::connect(f.data().join("spoc.sock")).ok()).collect();
    std::thread::sleep(Duration::from_millis(500));
    let during = threads(pid);
    assert!(during < before + PER_USER + 20, "{during} threads for {} silent connections (was {before})", flood.len());
    // A command of the same user during the flood hears why, rather than a lost server.
    let out = f.run(&["ticket", "show", "1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("{PER_USER} connections")), "{}", stderr(&out));
    drop(flood);
    let deadline = Instant::now() + Duration::from_secs(15);
    while f.run(&["ticket", "show", "1"]).status.code() != Some(0) {
        assert!(Instant::now() < deadline, "let in again once the flood is gone");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn one_user_may_hold_only_so_many_connections() {
    let f = desk_with_a_ticket();
    let mut held = Vec::new();
    for _ in 0..PER_USER - 1 {
        let mut s = raw(&f);
        spoc::protocol::write_frame(&mut s, &Hello::ours()).unwrap();
        let welcome = read_frame(&mut s).unwrap().unwrap();
        assert!(matches!(spoc::protocol::decode::<Reply<Welcome>>(&welcome), Ok(Reply::Ok(_))));
        held.push(s);
    }
    let out = f.run(&["ticket", "show", "1"]);
    assert_eq!(out.status.code(), Some(0), "the last one allowed: {}", stderr(&out));
    let mut last = raw(&f);
    spoc::protocol::write_frame(&mut last, &Hello::ours()).unwrap();
    read_frame(&mut last).unwrap().unwrap();
    held.push(last);
    let mut s = raw(&f);
    spoc::protocol::write_frame(&mut s, &Hello::ours()).unwrap();
    let (said, closed) = answer_then_closed(&mut s);
    let said = said.unwrap_or_default();
    assert!(closed && said.contains(&format!("{PER_USER} connections")), "{said}");
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(10);
    while f.run(&["ticket", "show", "1"]).status.code() != Some(0) {
        assert!(Instant::now() < deadline, "let in again once connections close");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A stand-in server that turns the first request away as a stopping server does, and
/// answers the same request on the next connection.
#[test]
fn a_request_turned_away_by_a_stopping_server_is_sent_once_more() {
    let f = Folder::new();
    std::fs::create_dir_all(f.data()).unwrap();
    let listener = UnixListener::bind(f.data().join("spoc.sock")).unwrap();
    let fake = std::thread::spawn(move || {
        let mut requests = Vec::new();
        for (i, conn) in listener.incoming().take(2).enumerate() {
            let mut s = conn.unwrap();
            read_frame(&mut s).unwrap().unwrap();
            let welcome = Welcome { protocol: PROTOCOL, version: "x".into(), pid: 1, agent: "anouk".into() };
            spoc::protocol::write_frame(&mut s, &Reply::Ok(welcome)).unwrap();
            requests.push(read_frame(&mut s).unwrap().unwrap());
            if i == 0 {
                let no = WireError { kind: spoc::desk::ErrorKind::Runtime, message: STOPPING.into(), conflict: None };
                spoc::protocol::write_frame(&mut s, &Reply::<()>::Err(no)).unwrap();
            } else {
                spoc::protocol::write_frame(&mut s, &Reply::Ok(Vec::<spoc::domain::registry::lookup::Hit>::new()))
                    .unwrap();
            }
        }
        requests
    });
    let client = connect_or_start_with(&f.data(), SPOC.as_ref()).unwrap();
    assert_eq!(client.lookup("magi".into(), 3).unwrap(), vec![]);
    let requests = fake.join().unwrap();
    assert_eq!(requests[0], requests[1], "the same request, once more");
}

/// A change whose server went away without answering is not sent again (it may have been
/// made): it reads as a restart. A question is asked again of the next server.
#[test]
fn a_server_lost_mid_request_reads_as_a_restart() {
    let f = desk_with_a_ticket();
    let client = connect_or_start_with(&f.data(), SPOC.as_ref()).unwrap();
    f.kill_server();
    let update = spoc::desk::TicketUpdate {
        changes: vec![spoc::domain::ticket::Change::Note("after the kill".into())],
        expected_version: None,
    };
    let e = client.update_ticket(1, update).unwrap_err().to_string();
    assert!(e.starts_with(STOPPING), "{e}");
    let again = connect_or_start_with(&f.data(), SPOC.as_ref()).unwrap();
    f.kill_server();
    assert_eq!(again.ticket(1).unwrap().title, "Magister is down", "a question is asked of the next server");
}

/// A data folder on a small file system of its own, unmounted when the test ends.
struct SmallDisk {
    data: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(f: &Folder, size: &str) -> Option<SmallDisk> {
        let data = f.data();
        std::fs::create_dir_all(&data).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"])
            .arg(&data)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { data })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        kill_server(&self.data, Signal::SIGKILL);
        let _ = std::process::Command::new("umount").arg(&self.data).status();
    }
}

/// A full disk fails the writes that come while it is full, and loses nothing confirmed; once
/// there is room again, the same server writes again.
#[test]
fn after_a_full_disk_writes_work_again_without_a_restart() {
    let f = Folder::new();
    let Some(_disk) = SmallDisk::mount(&f, "16m") else {
        eprintln!("skipped: mounting a small file system needs root (CI runs as root)");
        return;
    };
    let file = f.tmp.path().join("small.toml");
    std::fs::write(&file, SMALL).unwrap();
    f.ok(&["import", file.to_str().unwrap()]);
    let new = ["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "2", "--urgency", "2"];
    let log = |title: &str| f.run(&[&new[..], &["--title", title, "--json"]].concat());
    assert_eq!(log("before").status.code(), Some(0));
    let pid = f.server_pid();

    let filler = f.data().join("filler");
    let _ = std::process::Command::new("dd")
        .args(["if=/dev/zero", "bs=1M", "count=64"])
        .arg(format!("of={}", filler.display()))
        .stderr(std::process::Stdio::null())
        .status();
    let mut confirmed = Vec::new();
    let mut failed = 0;
    for i in 0..10 {
        let out = log(&format!("while full {i}"));
        if out.status.code() == Some(0) {
            confirmed.push(serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["id"].as_u64().unwrap());
        } else {
            failed += 1;
            // Said in words an agent can act on, not as a Rust value.
            let said = stderr(&out);
            assert!(said.contains("disk holding the store is full") && !said.contains("Os {"), "{said}");
        }
    }
    assert!(failed > 0, "the disk filled up");

    std::fs::remove_file(&filler).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let after = loop {
        let out = log("after");
        if out.status.code() == Some(0) {
            break out;
        }
        assert!(Instant::now() < deadline, "writes work again: {}", stderr(&out));
        std::thread::sleep(Duration::from_millis(500));
    };
    assert_eq!(f.server_pid(), pid, "the same server, not a restart");
    let id = serde_json::from_slice::<serde_json::Value>(&after.stdout).unwrap()["id"].as_u64().unwrap();
    for confirmed in confirmed.into_iter().chain([1, id]) {
        f.ok(&["ticket", "show", &confirmed.to_string()]);
    }
}

/// A server that stops answering (here: stopped with SIGSTOP) does not hang a command for
/// good: it says so after SPOC_TIMEOUT seconds.
#[test]
fn a_stuck_server_is_reported_not_waited_for_forever() {
    let f = desk_with_a_ticket();
    let pid = nix::unistd::Pid::from_raw(f.server_pid().unwrap());
    common::server::stop_process(pid.as_raw());
    let started = Instant::now();
    let out = f.command().args(["ticket", "show", "1"]).env("SPOC_TIMEOUT", "2").output().unwrap();
    nix::sys::signal::kill(pid, Signal::SIGCONT).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("did not answer within 2 s"), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(30), "not waited for forever");
    assert!(f.ok(&["ticket", "show", "1"]).contains("Magister"), "it answers again once it runs");
}

/// CPU time (user and system, in clock ticks) a process has used so far.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap().split_whitespace().collect();
    // After the name: state is field 3, utime 14 and stime 15 of proc(5).
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn out_of_file_descriptors_the_server_backs_off_and_serves_again() {
    use std::os::unix::process::CommandExt;
    let f = Folder::new();
    std::fs::create_dir_all(f.data()).unwrap();
    let log_path = f.tmp.path().join("serve.err");
    let mut cmd = f.command();
    cmd.args(["serve", "--foreground"]).stderr(std::fs::File::create(&log_path).unwrap());
    // SAFETY: setrlimit is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            let few = libc::rlimit { rlim_cur: 48, rlim_max: 48 };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &few) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut server = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while spoc::client::Client::connect(&f.data()).is_err() {
        assert!(Instant::now() < deadline, "the server did not answer");
        std::thread::sleep(Duration::from_millis(10));
    }
    // More callers than descriptors: the kernel queues the rest, and every accept fails.
    let held: Vec<UnixStream> = (0..60)
        .map(|_| {
            let mut s = raw(&f);
            spoc::protocol::write_frame(&mut s, &Hello::ours()).unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let before = cpu_ticks(server.id());
    std::thread::sleep(Duration::from_secs(3));
    let used = cpu_ticks(server.id()) - before;
    // A server spinning on accept uses all of a core: some 300 ticks in 3 s.
    assert!(used < 60, "the server used {used} ticks of CPU in 3 s while out of descriptors");
    let log = std::fs::read_to_string(&log_path).unwrap();
    let failures = log.lines().filter(|l| l.contains("accept failed")).count();
    assert!((1..=2).contains(&failures), "{failures} lines about failed accepts:\n{log}");
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(10);
    while f.run(&["status"]).status.code() != Some(0) {
        assert!(Instant::now() < deadline, "serving again once descriptors are free");
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// A server killed while sled wrote a snapshot leaves `snap.*.generating` behind, which sled
/// would read as the newest snapshot and refuse as corrupt: the folder must still open.
#[test]
fn a_snapshot_left_unfinished_by_a_kill_does_not_lock_the_folder_out() {
    let f = desk_with_a_ticket();
    f.kill_server();
    let store = f.data().join("store");
    std::fs::write(store.join("snap.FFFFFFFFFFFF0000.generating"), [0x5au8; 100]).unwrap();
    assert!(f.ok(&["ticket", "show", "1"]).contains("Magister is down"));
    assert!(!store.join("snap.FFFFFFFFFFFF0000.generating").exists());
}

/// SIGTERM every 300 ms while agents keep writing: every command either succeeds or says the
/// server is restarting (never "stop it and try again", never a start that "could not"), what
/// was confirmed is kept, and the folder opens afterwards.
#[test]
fn a_storm_of_sigterms_while_agents_write_reads_as_restarts_and_keeps_the_folder() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
    let f = std::sync::Arc::new(desk_with_a_ticket());
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let confirmed = std::sync::Arc::new(AtomicUsize::new(0));
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let (f, stop, confirmed) = (f.clone(), stop.clone(), confirmed.clone());
            std::thread::spawn(move || {
                let mut outcomes = Vec::new();
                for i in 0.. {
                    if stop.load(SeqCst) {
                        break;
                    }
                    let note = format!("writer {w} note {i}");
                    let out = f.run(&["ticket", "update", "1", "--note", &note]);
                    if out.status.success() {
                        confirmed.fetch_add(1, SeqCst);
                    }
                    outcomes.push((note, out.status.code(), stderr(&out)));
                }
                outcomes
            })
        })
        .collect();
    // Six seconds of storm, and on a slow machine as long as it takes for a few changes to get
    // through between the signals.
    let (until, at_most) = (Instant::now() + Duration::from_secs(6), Instant::now() + Duration::from_secs(60));
    while Instant::now() < until || (confirmed.load(SeqCst) < 4 && Instant::now() < at_most) {
        if let Some(pid) = f.server_pid() {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), Signal::SIGTERM);
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    stop.store(true, SeqCst);
    let outcomes: Vec<_> = writers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let shown = f.ok(&["ticket", "show", "1"]);
    for (note, code, said) in &outcomes {
        match code {
            Some(0) => assert!(shown.contains(note.as_str()), "{note} was confirmed and is lost"),
            _ => assert!(said.contains(STOPPING), "{note}: {said}"),
        }
    }
    assert!(outcomes.iter().filter(|o| o.1 == Some(0)).count() > 3, "work went on between restarts");
}

/// What cannot be a backup is refused as it comes, however long it would go on: nothing is
/// left in the shared folder, and the agent hears why.
#[test]
fn an_endless_or_foreign_upload_is_refused_as_it_comes() {
    let f = desk_with_a_ticket();
    let header_then_zeros = f.tmp.path().join("zeros.spoc");
    let mut bytes = b"SPOC-BACKUP 2\n".to_vec();
    bytes.resize(bytes.len() + 65 * 1024 * 1024, 0);
    std::fs::write(&header_then_zeros, bytes).unwrap();
    for (input, why) in [
        ("/dev/zero".to_string(), "not a spoc backup"),
        (header_then_zeros.display().to_string(), "longer than 64 MiB"),
    ] {
        let mut child =
            f.command().args(["restore", "--force", &input]).stderr(std::process::Stdio::piped()).spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("{input}: still uploading after 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{input}: {}", stderr(&out));
        assert!(stderr(&out).contains(why), "{input}: {}", stderr(&out));
        let left: Vec<_> = std::fs::read_dir(f.data())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".incoming"))
            .collect();
        assert!(left.is_empty(), "{input}: {left:?}");
    }
    assert!(f.ok(&["ticket", "show", "1"]).contains("Magister is down"), "the store is as it was");
}

/// A restore larger than the room the data folder's disk has left is refused as it comes,
/// before it fills the disk the store and the colleagues need.
#[test]
fn a_restore_larger_than_the_room_left_is_refused_before_the_disk_fills() {
    let f = Folder::new();
    let Some(_disk) = SmallDisk::mount(&f, "24m") else {
        eprintln!("skipped: mounting a small file system needs root (CI runs as root)");
        return;
    };
    let big = f.tmp.path().join("big.spoc");
    let line = format!("{{\"caller\":\"{}\"}}\n", "x".repeat(1000));
    // About 8 MiB: it would fit on the disk by itself, but not beside the store it becomes.
    std::fs::write(&big, format!("SPOC-BACKUP 2\n{}", line.repeat(8 * 1024))).unwrap();
    let out = f.run(&["restore", "--force", big.to_str().unwrap()]);
    // Not the file's fault, but the disk's: as a full disk, exit 1.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("larger than the room left"), "{}", stderr(&out));
    let free = nix::sys::statvfs::statvfs(&f.data()).unwrap();
    assert!(free.blocks_available() > 0, "the disk did not fill");
    assert!(f.ok(&["ticket", "list"]).contains("no tickets"), "the server serves on");
}

/// While a restore runs, nobody sees the store half-restored: other requests are told a restore
/// is under way, and `status` calls it unfinished until it is done.
#[test]
fn nobody_sees_a_store_half_restored() {
    let f = Folder::new();
    f.ok(&["demo", "--no-ui", "--tickets", "3000"]);
    let backup = f.tmp.path().join("all.spoc");
    f.ok(&["backup", backup.to_str().unwrap()]);
    let restoring = {
        let mut c = f.command();
        c.args(["restore", "--force", backup.to_str().unwrap()]);
        std::thread::spawn(move || c.output().unwrap())
    };
    let mut seen = (0, 0);
    while !restoring.is_finished() {
        let out = f.run(&["ticket", "list", "--all", "--limit", "5000", "--json"]);
        if out.status.code() == Some(0) {
            let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(list["items"].as_array().unwrap().len(), 3000, "a list of a store half-restored");
            seen.0 += 1;
        } else {
            assert!(stderr(&out).contains("restore is under way"), "{}", stderr(&out));
            seen.1 += 1;
        }
        let status: serde_json::Value = serde_json::from_str(&f.ok(&["status", "--json"])).unwrap();
        assert!(status["tickets"] == 3000 || status["restoring"] == true, "{status}");
    }
    let out = restoring.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(seen.1 > 0, "asked while it ran, and told so: {seen:?}");
}

/// A store whose files are damaged is not a dead end: the server says so to every request, and
/// `restore --force` sets the damaged store aside and puts the backup in its place.
#[test]
fn a_damaged_store_is_mended_by_restoring_a_backup() {
    let f = desk_with_a_ticket();
    let backup = f.tmp.path().join("last.spoc");
    f.ok(&["backup", backup.to_str().unwrap()]);
    // sled writes a snapshot when it opens a store that has a log: open it once more.
    kill_server(&f.data(), Signal::SIGTERM);
    f.ok(&["ticket", "show", "1"]);
    kill_server(&f.data(), Signal::SIGTERM);
    let store = f.data().join("store");
    let snapshots: Vec<_> = std::fs::read_dir(&store)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("snap."))
        .collect();
    assert!(!snapshots.is_empty(), "a stopped store has a snapshot to damage");
    for snap in snapshots {
        std::fs::OpenOptions::new().write(true).open(snap.path()).unwrap().set_len(100).unwrap();
    }
    let out = f.run(&["ticket", "show", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("damaged") && stderr(&out).contains("restore"), "{}", stderr(&out));
    assert!(f.ok(&["status"]).contains("DAMAGED"));
    let out = f.run(&["restore", backup.to_str().unwrap()]);
    assert!(out.status.code() != Some(0) && stderr(&out).contains("--force"), "{}", stderr(&out));
    assert!(f.ok(&["restore", "--force", backup.to_str().unwrap()]).contains("restored 1 tickets"));
    assert!(f.ok(&["ticket", "show", "1"]).contains("Magister is down"));
    let aside = std::fs::read_dir(f.data())
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with("store.damaged-"));
    assert!(aside, "the damaged store is kept aside");
}

/// A data folder named by mistake (a shared drop folder, a home) is not taken over: refused,
/// its mode as it was, nothing written in it.
#[test]
fn a_folder_that_is_not_spocs_is_not_taken_over() {
    use std::os::unix::fs::PermissionsExt;
    let f = Folder::new();
    std::fs::create_dir_all(f.data()).unwrap();
    std::fs::set_permissions(f.data(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    std::fs::write(f.data().join("report.xlsx"), b"not spoc's").unwrap();
    let out = f.run(&["ticket", "list"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("not spoc's") && stderr(&out).contains("report.xlsx"), "{}", stderr(&out));
    let mode = std::fs::metadata(f.data()).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o1777, "its mode as it was");
    let names: Vec<_> = std::fs::read_dir(f.data()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names, ["report.xlsx"], "nothing written in it");
    // Names spoc also uses are no mark of its own: another program's `store`, a `serve.log`.
    let g = Folder::new();
    std::fs::create_dir_all(g.data().join("store")).unwrap();
    std::fs::write(g.data().join("store").join("foo"), b"theirs").unwrap();
    std::fs::write(g.data().join("serve.log"), b"theirs").unwrap();
    let out = g.run(&["ticket", "list"]);
    assert!(out.status.code() == Some(1) && stderr(&out).contains("not spoc's"), "{}", stderr(&out));
    assert!(!g.data().join("store").join("db").exists(), "no store written into theirs");
}
