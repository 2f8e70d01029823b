//! The server with real processes in temporary folders: many clients at once, SIGKILL during a
//! write storm, live notices, other users, start races, hostile frames and clean shutdown.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use common::SMALL;
use common::server::{Folder, OtherUser, SPOC};
use spoc::client::{Client, connect_or_start_with};
use spoc::desk::{DeskApi, DeskError, ErrorKind, ImportFormat, TicketUpdate};
use spoc::domain::TicketKind;
use spoc::domain::ticket::{Change, NewTicket};
use spoc::protocol::{Hello, Notice, Reply, WireError, read_frame};

fn client(f: &Folder) -> Client {
    connect_or_start_with(&f.data(), SPOC.as_ref()).expect("connects")
}

/// A client of a server the test started itself. Not `client`: that would start a server of
/// its own while this one is starting.
fn started_by_hand(f: &Folder) -> Client {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match Client::connect(&f.data()) {
            Ok(c) => return c,
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => panic!("the server did not answer"),
        }
    }
}

fn with_registry() -> Folder {
    let f = Folder::new();
    client(&f).import_registry("small.toml".into(), SMALL.into(), ImportFormat::Toml, false).unwrap();
    f
}

fn call(title: &str) -> NewTicket {
    NewTicket {
        kind: TicketKind::Incident,
        title: title.into(),
        description: String::new(),
        caller: None,
        participant: "ZYL".into(),
        service: "Magister".into(),
        impact: 2,
        urgency: 2,
        caller_id: None,
        link_to: None,
        solution: None,
    }
}

fn note(text: &str, expected_version: Option<u64>) -> TicketUpdate {
    TicketUpdate { changes: vec![Change::Note(text.into())], expected_version }
}

fn all_tickets(c: &Client) -> Vec<spoc::desk::TicketRow> {
    let q = spoc::desk::TicketQuery { include_done: true, limit: 100_000, ..Default::default() };
    c.list_tickets(q.clone()).unwrap().items
}

#[test]
fn twenty_clients_at_once_lose_nothing_and_merge_nothing() {
    let f = with_registry();
    let contested = client(&f).create_ticket(call("contested")).unwrap();
    let start = Arc::new(Barrier::new(20));
    let handles: Vec<_> = (0..20)
        .map(|n| {
            let (data, start) = (f.data(), start.clone());
            std::thread::spawn(move || {
                let c = connect_or_start_with(&data, SPOC.as_ref()).unwrap();
                start.wait();
                // Everyone updates the same ticket from the same version: one may win.
                let contest = c.update_ticket(contested.id, note(&format!("client {n}"), Some(contested.version)));
                let mut made = Vec::new();
                for i in 0..10 {
                    let t = c.create_ticket(call(&format!("c{n}-t{i}"))).unwrap();
                    let t = c.update_ticket(t.id, note("follow-up", Some(t.version))).unwrap();
                    made.push((t.id, t.title.clone(), t.version));
                }
                (contest, made)
            })
        })
        .collect();
    let mut winners = 0;
    let mut confirmed = Vec::new();
    for h in handles {
        let (contest, made) = h.join().unwrap();
        match contest {
            Ok(_) => winners += 1,
            Err(DeskError::Conflict(c)) => {
                assert_eq!(c.id, contested.id);
                assert!(c.changes.iter().any(|l| l.starts_with("note: client ")), "names what changed: {c:?}");
            }
            Err(e) => panic!("not a conflict: {e}"),
        }
        confirmed.extend(made);
    }
    assert_eq!(winners, 1, "exactly one of twenty updates from the same version wins");
    let c = client(&f);
    assert_eq!(c.ticket(contested.id).unwrap().journal.len(), 2, "created, and the one winning note");
    let rows = all_tickets(&c);
    assert_eq!(rows.len(), 1 + 200);
    let mut titles = BTreeMap::new();
    for r in &rows {
        assert!(titles.insert(r.title.clone(), (r.id, r.version)).is_none(), "{} twice", r.title);
    }
    for (id, title, version) in confirmed {
        assert_eq!(titles.get(&title), Some(&(id, version)), "{title} as confirmed");
    }
}

#[test]
fn sigkill_during_a_write_storm_loses_nothing_confirmed() {
    let f = with_registry();
    let confirmed = Arc::new(Mutex::new(Vec::<(u64, String)>::new()));
    for round in 0..4 {
        let stop = Arc::new(AtomicBool::new(false));
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (data, confirmed, stop) = (f.data(), confirmed.clone(), stop.clone());
                std::thread::spawn(move || {
                    // The kill may come while this writer is still connecting.
                    let Ok(c) = connect_or_start_with(&data, SPOC.as_ref()) else { return };
                    for i in 0.. {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let title = format!("r{round}-w{w}-{i}");
                        match c.create_ticket(call(&title)) {
                            Ok(t) => confirmed.lock().unwrap().push((t.id, title)),
                            // The server died under us: what was not confirmed may be lost.
                            Err(DeskError::Unavailable(_)) => break,
                            Err(e) => panic!("{e}"),
                        }
                    }
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(150 + 70 * round));
        f.kill_server();
        stop.store(true, Ordering::SeqCst);
        for w in writers {
            w.join().unwrap();
        }
    }
    // The next client starts a new server over the killed one's stale socket.
    let c = client(&f);
    let stored: BTreeMap<u64, String> = all_tickets(&c).into_iter().map(|r| (r.id, r.title)).collect();
    let confirmed = confirmed.lock().unwrap();
    assert!(confirmed.len() > 20, "the storm wrote something ({})", confirmed.len());
    for (id, title) in confirmed.iter() {
        assert_eq!(stored.get(id), Some(title), "confirmed ticket {id} survives");
    }
}

/// Waits up to a second for a notice that `wanted` accepts.
fn expect_notice(sub: &mut spoc::client::Subscription, wanted: impl Fn(&Notice) -> bool) -> Notice {
    sub.stream().set_read_timeout(Some(Duration::from_secs(1))).unwrap();
    let deadline = Instant::now() + Duration::from_secs(1);
    loop {
        assert!(Instant::now() < deadline, "no notice within a second");
        let n = sub.next_notice().expect("a notice within a second").expect("server still there");
        if wanted(&n) {
            return n;
        }
    }
}

#[test]
fn subscribers_see_each_others_changes_and_a_stuck_one_stalls_nobody() {
    let f = with_registry();
    let (anouk, bram) = (client(&f), client(&f));
    let mut anouk_sees = client(&f).subscribe().unwrap();
    let mut bram_sees = client(&f).subscribe().unwrap();
    // Subscribed and never reading again.
    let stuck = client(&f).subscribe().unwrap();

    let t = bram.create_ticket(call("printer")).unwrap();
    let n = expect_notice(&mut anouk_sees, |n| matches!(n, Notice::Ticket { id, .. } if *id == t.id));
    assert!(matches!(n, Notice::Ticket { version: 1, .. }), "{n:?}");
    let t = anouk.update_ticket(t.id, note("on it", None)).unwrap();
    expect_notice(&mut bram_sees, |n| matches!(n, Notice::Ticket { id, version, .. } if *id == t.id && *version == 2));

    // Enough changes to fill the stuck subscriber's socket and queue many times over.
    let started = Instant::now();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let data = f.data();
            std::thread::spawn(move || {
                let c = connect_or_start_with(&data, SPOC.as_ref()).unwrap();
                let t = c.create_ticket(call(&format!("storm {w}"))).unwrap();
                for i in 0..500 {
                    c.update_ticket(t.id, note(&format!("{i}"), None)).unwrap();
                }
                t.id
            })
        })
        .collect();
    let storm: BTreeSet<u64> = writers.into_iter().map(|w| w.join().unwrap()).collect();
    assert!(started.elapsed() < Duration::from_secs(60), "the writers were not held up");
    // A reading subscriber gets every last change (or a resync, if it fell behind meanwhile).
    let mut last_seen = BTreeMap::new();
    while last_seen.len() < storm.len() {
        match expect_notice(&mut anouk_sees, |_| true) {
            Notice::Ticket { id, version: 501, .. } if storm.contains(&id) => {
                last_seen.insert(id, 501);
            }
            Notice::Resync => break,
            _ => {}
        }
    }
    // The colleague's changes still arrive promptly.
    let t = bram.create_ticket(call("after the storm")).unwrap();
    expect_notice(&mut anouk_sees, |n| matches!(n, Notice::Ticket { id, .. } if *id == t.id));
    // The stuck subscriber, reading at last, is told that it missed notices.
    let mut stuck = stuck;
    expect_notice(&mut stuck, |n| matches!(n, Notice::Resync));
}

#[test]
fn ten_clients_starting_together_share_one_server() {
    let f = Folder::new();
    let start = Arc::new(Barrier::new(10));
    let pids: BTreeSet<u32> = (0..10)
        .map(|_| {
            let (data, start) = (f.data(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                connect_or_start_with(&data, SPOC.as_ref()).unwrap().server().pid
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap())
        .collect();
    assert_eq!(pids.len(), 1, "one server for all: {pids:?}");
    let pid = *pids.iter().next().unwrap();
    assert_eq!(f.server_pid(), Some(pid as i32));
    // The losers of the race are gone; only the winner serves.
    let serving: Vec<_> = serve_processes(&f.data());
    assert_eq!(serving, vec![pid], "one `spoc serve` process for the folder");
}

/// Pids of live `spoc serve` processes for `data`.
fn serve_processes(data: &std::path::Path) -> Vec<u32> {
    let want = data.display().to_string();
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(cmd) = std::fs::read(entry.path().join("cmdline")) else { continue };
        let args: Vec<String> = cmd.split(|b| *b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let zombie = stat.rsplit(')').next().is_some_and(|s| s.trim_start().starts_with('Z'));
        if !zombie && args.iter().any(|a| a == "serve") && args.contains(&want) {
            pids.push(pid);
        }
    }
    pids
}

#[test]
fn the_agent_is_the_unix_user_at_the_other_end() {
    let f = with_registry();
    let c = client(&f);
    let me = spoc::desk::Agent::current();
    assert_eq!(c.server().agent, me.login());
    let t = c.create_ticket(call("who am i")).unwrap();
    assert_eq!(t.created_by, me.login(), "the server names the agent, not the client");
}

/// Another user of the host: refused by the folder's mode, and by the server if the modes were
/// opened up by hand.
#[test]
fn another_user_is_refused() {
    if !nix::unistd::Uid::effective().is_root() {
        eprintln!("skipped: acting as a second user needs root (CI runs as root)");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let f = with_registry();
    let other = OtherUser::new();
    let as_nobody = || other.run(65534, 65534, &f.data(), &["ticket", "list"]);
    let mode = std::fs::metadata(f.data()).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o700, "the data folder is private");
    let socket_mode = std::fs::metadata(f.data().join("spoc.sock")).unwrap().permissions().mode() & 0o777;
    assert_eq!(socket_mode, 0o600, "the socket is private");
    let out = as_nobody();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("may not use the servicedesk"), "{err}");

    // Opened up by hand: the server still knows who is on the other end.
    for (path, mode) in [(f.tmp.path().to_path_buf(), 0o755), (f.data(), 0o777), (f.data().join("spoc.sock"), 0o777)] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let out = as_nobody();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("belongs to another user"), "{err}");
    wait_for_log(&f, "refused: nobody");
}

/// The server logs a closed connection just after closing it: wait a moment for the line.
fn wait_for_log(f: &Folder, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let log = std::fs::read_to_string(f.data().join("serve.log")).unwrap_or_default();
        if log.contains(text) {
            return;
        }
        assert!(Instant::now() < deadline, "the log names {text:?}:\n{log}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A servicedesk shared with a group: its members get in as themselves, others do not.
#[test]
fn a_group_shares_the_servicedesk() {
    if !nix::unistd::Uid::effective().is_root() {
        eprintln!("skipped: acting as other users needs root (CI runs as root)");
        return;
    }
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let f = Folder::new();
    std::fs::set_permissions(f.tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    // nobody's own group (gid 65534, "nogroup") plays the servicedesk group.
    let mut server = f
        .command()
        .args(["serve", "--foreground", "--group", "nogroup"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let c = started_by_hand(&f);
    c.import_registry("small.toml".into(), SMALL.into(), ImportFormat::Toml, false).unwrap();
    let meta = std::fs::metadata(f.data()).unwrap();
    assert_eq!((meta.permissions().mode() & 0o7777, meta.gid()), (0o2770, 65534), "folder 2770, the group's");
    let sock = std::fs::metadata(f.data().join("spoc.sock")).unwrap();
    assert_eq!((sock.permissions().mode() & 0o777, sock.gid()), (0o660, 65534), "socket 0660, the group's");

    let other = OtherUser::new();
    let args = ["ticket", "new", "--participant", "ZYL", "--service", "Magister", "--impact", "2", "--urgency", "2"];
    let out = other.run(65534, 65534, &f.data(), &[&args[..], &["--title", "from nobody", "--json"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let made: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = made["id"].as_u64().unwrap();
    assert_eq!(c.ticket(id).unwrap().created_by, "nobody", "a member acts as themselves");

    // daemon (uid 1, group 1) is not a member.
    let out = other.run(1, 1, &f.data(), &["ticket", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("may not use the servicedesk"));
    common::server::kill_server(&f.data(), nix::sys::signal::Signal::SIGTERM);
    assert!(server.wait().unwrap().success());

    // With the service's server gone, the next agent's command starts one: it follows the
    // folder's group, so nothing in the folder becomes private to that agent, and the folder's
    // owner and the rest of the group still get in.
    let out = other.run(65534, 65534, &f.data(), &["ticket", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let sock = std::fs::metadata(f.data().join("spoc.sock")).unwrap();
    assert_eq!((sock.uid(), sock.permissions().mode() & 0o777, sock.gid()), (65534, 0o660, 65534));
    let list = f.ok(&["ticket", "list", "--json"]);
    assert!(list.contains("from nobody"), "the folder's owner is let in: {list}");
    for entry in walk(&f.data()) {
        let m = std::fs::symlink_metadata(&entry).unwrap();
        if m.is_file() {
            assert_eq!(m.permissions().mode() & 0o060, 0o060, "{} is private", entry.display());
            assert_eq!(m.gid(), 65534, "{} is not the group's", entry.display());
        }
    }
    common::server::kill_server(&f.data(), nix::sys::signal::Signal::SIGTERM);
    // And the service starts again.
    let mut server = f
        .command()
        .args(["serve", "--foreground", "--group", "nogroup"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    started_by_hand(&f).ticket(id).unwrap();
    common::server::kill_server(&f.data(), nix::sys::signal::Signal::SIGTERM);
    assert!(server.wait().unwrap().success());

    // The same folder without setgid: an agent's command does not start a server that would
    // make the files its own, and says what to mend.
    std::fs::set_permissions(f.data(), std::fs::Permissions::from_mode(0o770)).unwrap();
    let files = |f: &Folder| {
        let mut all: Vec<_> = walk(&f.data())
            .into_iter()
            .map(|p| {
                let m = std::fs::symlink_metadata(&p).unwrap();
                (p, m.uid(), m.gid(), m.permissions().mode())
            })
            .collect();
        all.sort();
        all
    };
    let before = files(&f);
    let out = other.run(65534, 65534, &f.data(), &["ticket", "list"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("not setgid") && said.contains("chmod g+s"), "{said}");
    assert_eq!(before, files(&f), "nothing in the folder was made or changed, its log neither");
    // Nor by the folder's owner, whose server would make it private (0700) and lock the group out.
    let out = f.run(&["ticket", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("chmod g+s"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(before, files(&f), "the owner's command changed nothing either");
    // A folder the member may not write: the reason, not "exited without saying why".
    std::fs::set_permissions(f.data(), std::fs::Permissions::from_mode(0o2750)).unwrap();
    let _ = std::fs::remove_file(f.data().join("serve.log"));
    let out = other.run(65534, 65534, &f.data(), &["ticket", "list"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("ermission denied") && !said.contains("without saying why"), "{said}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

fn raw(f: &Folder) -> UnixStream {
    let _ = client(f);
    let s = UnixStream::connect(f.data().join("spoc.sock")).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s
}

fn hello(s: &mut UnixStream) {
    spoc::protocol::write_frame(s, &Hello::ours()).unwrap();
    read_frame(s).unwrap().unwrap();
}

/// The connection was closed by the server: reading gives end of stream (after any error reply).
fn closed(s: &mut UnixStream) -> Option<WireError> {
    let mut reply = None;
    if let Ok(Some(payload)) = read_frame(s)
        && let Ok(Reply::<()>::Err(e)) = spoc::protocol::decode(&payload)
    {
        reply = Some(e);
    }
    let mut rest = Vec::new();
    assert_eq!(s.read_to_end(&mut rest).unwrap_or(0), 0, "closed");
    reply
}

#[test]
fn a_client_of_another_protocol_version_is_told_plainly() {
    let f = Folder::new();
    let mut s = raw(&f);
    spoc::protocol::write_frame(&mut s, &Hello { protocol: 999, version: "9.9.9".into(), lang: spoc::i18n::Lang::En })
        .unwrap();
    let e = closed(&mut s).expect("an error reply");
    assert!(
        e.message.contains(&format!("protocol {}", spoc::protocol::PROTOCOL)) && e.message.contains("spoc 9.9.9"),
        "{}",
        e.message
    );
}

#[test]
fn hostile_frames_close_one_connection_and_the_server_serves_on() {
    let f = with_registry();
    let bystander = client(&f);
    let attacks: Vec<(&str, Vec<u8>)> = vec![
        ("oversized", (u32::MAX).to_be_bytes().to_vec()),
        ("empty", 0u32.to_be_bytes().to_vec()),
        ("malformed", [&5u32.to_be_bytes()[..], b"{nope"].concat()),
        ("unknown op", [&14u32.to_be_bytes()[..], br#"{"op":"rm -rf"}"#].concat()),
        ("wrong type", [&2u32.to_be_bytes()[..], b"[]"].concat()),
    ];
    for (what, bytes) in attacks {
        let mut s = raw(&f);
        hello(&mut s);
        s.write_all(&bytes).unwrap();
        closed(&mut s);
        assert_eq!(bystander.ticket(9999).map(|_| ()).unwrap_err().kind(), ErrorKind::BadInput, "after {what}");
        bystander.create_ticket(call(what)).unwrap();
    }
    // Truncated: a header promising more than ever comes, then hanging up.
    let mut s = raw(&f);
    hello(&mut s);
    s.write_all(&[0, 0, 1, 0, b'{']).unwrap();
    drop(s);
    // Garbage instead of a hello.
    let mut s = raw(&f);
    s.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
    closed(&mut s);
    assert_eq!(all_tickets(&bystander).len(), 5);
    for reason in ["larger than", "empty frame", "not a valid request", "in the middle of a frame"] {
        wait_for_log(&f, reason);
    }
}

#[test]
fn sigterm_ends_the_server_cleanly() {
    let f = with_registry();
    let c = client(&f);
    let t = c.create_ticket(call("before the stop")).unwrap();
    let pid = f.server_pid().unwrap();
    common::server::kill_server(&f.data(), nix::sys::signal::Signal::SIGTERM);
    assert!(serve_processes(&f.data()).is_empty(), "server {pid} has gone");
    assert!(!f.data().join("spoc.sock").exists(), "socket removed");
    let log = std::fs::read_to_string(f.data().join("serve.log")).unwrap();
    assert!(log.contains("stopping (SIGTERM)") && log.contains("everything confirmed is on disk"), "{log}");
    assert_eq!(client(&f).ticket(t.id).unwrap().title, "before the stop");
}

#[test]
fn status_says_who_serves_the_folder() {
    let f = with_registry();
    let none = Folder::new();
    let out = none.run(&["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no server runs"));

    let _c = client(&f);
    let text = f.ok(&["status"]);
    let pid = f.server_pid().unwrap();
    assert!(text.contains(&format!("pid {pid}")), "{text}");
    let json: serde_json::Value = serde_json::from_str(&f.ok(&["status", "--json"])).unwrap();
    assert_eq!(json["pid"], pid);
    assert_eq!(json["clients"], 2, "this client and the status command itself");
    assert!(json["store_bytes"].as_u64().unwrap() > 0);
    assert!(json["uptime_secs"].as_u64().is_some());
}

#[test]
fn the_cli_reports_a_conflict_with_who_and_exit_code_1() {
    let f = with_registry();
    let t = client(&f).create_ticket(call("x")).unwrap();
    f.ok(&["ticket", "update", &t.id.to_string(), "--note", "first", "--expect-version", "1"]);
    let out = f.run(&["ticket", "update", &t.id.to_string(), "--note", "second", "--expect-version", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("note: first") && err.contains("version 2"), "{err}");
}

#[test]
fn a_server_that_cannot_start_says_why() {
    let f = Folder::new();
    // Hold the store as another process would (the server waits 10 s for it, then gives up).
    let held = spoc::desk::Desk::open(&f.data()).unwrap();
    let started = Instant::now();
    let err = connect_or_start_with(&f.data(), SPOC.as_ref()).err().expect("no server");
    drop(held);
    assert!(err.to_string().contains("in use by another spoc process"), "{err}");
    assert!(started.elapsed() >= Duration::from_secs(9), "it waited for the store to be let go");
}

#[test]
fn a_server_started_by_a_client_leaves_when_idle_and_one_started_by_hand_stays() {
    let f = Folder::new();
    let out = f.command().env("SPOC_IDLE_EXIT", "1").args(["ticket", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !serve_processes(&f.data()).is_empty() {
        assert!(Instant::now() < deadline, "the idle server left");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(std::fs::read_to_string(f.data().join("serve.log")).unwrap().contains("stopping (idle)"));

    let out = f.command().env("SPOC_IDLE_EXIT", "1").arg("serve").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    let pid = f.server_pid().unwrap();
    assert!(said.contains(&format!("pid {pid}")), "{said}");
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(serve_processes(&f.data()), vec![pid as u32], "started by hand: no idle exit");
}

#[test]
fn watch_prints_each_change_as_a_json_line() {
    let f = with_registry();
    let mut watch = f.command().arg("watch").stdout(std::process::Stdio::piped()).spawn().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(watch.stdout.take().unwrap()));
    // The watcher is subscribed once the server counts it.
    let c = client(&f);
    let deadline = Instant::now() + Duration::from_secs(10);
    while c.status().unwrap().subscribers == 0 {
        assert!(Instant::now() < deadline, "spoc watch subscribed");
        std::thread::sleep(Duration::from_millis(10));
    }
    let t = c.create_ticket(call("watched")).unwrap();
    let line: serde_json::Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert_eq!(line["type"], "ticket");
    assert_eq!(line["id"], t.id);
    assert_eq!(line["version"], 1);
    assert_eq!(line["by"], spoc::desk::Agent::current().login());
    watch.kill().unwrap();
    watch.wait().unwrap();
}

#[test]
fn a_checkpoint_reopens_the_store_at_a_quiet_moment_and_loses_nothing() {
    let f = Folder::new();
    std::fs::create_dir_all(f.data()).unwrap();
    let log = std::fs::File::create(f.data().join("serve.log")).unwrap();
    let mut server = f
        .command()
        .env("SPOC_CHECKPOINT_WRITES", "5")
        .env("SPOC_CHECKPOINT_QUIET", "1")
        .args(["serve", "--foreground"])
        .stderr(log)
        .spawn()
        .unwrap();
    let c = started_by_hand(&f);
    c.import_registry("small.toml".into(), SMALL.into(), ImportFormat::Toml, false).unwrap();
    let made: Vec<u64> = (0..10).map(|i| c.create_ticket(call(&format!("before {i}"))).unwrap().id).collect();
    wait_for_log(&f, "checkpoint: reopened the store after 11 writes");
    // The same connection goes on, on the reopened store.
    let t = c.create_ticket(call("after")).unwrap();
    assert_eq!(all_tickets(&c).len(), 11);
    f.kill_server();
    let _ = server.wait();
    let c = client(&f);
    for id in made.into_iter().chain([t.id]) {
        c.ticket(id).unwrap();
    }
}

/// The folder's owner with a group in the config file: a 0770 folder without setgid is made
/// the group's (2770) by the server the command starts, not refused.
#[test]
fn an_owner_with_a_group_in_the_config_mends_the_folder() {
    if !nix::unistd::Uid::effective().is_root() {
        eprintln!("skipped: the group nogroup is set on a folder only by root (CI runs as root)");
        return;
    }
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let f = Folder::new();
    std::fs::create_dir_all(f.data()).unwrap();
    nix::unistd::chown(&f.data(), None, Some(nix::unistd::Gid::from_raw(65534))).unwrap();
    std::fs::set_permissions(f.data(), std::fs::Permissions::from_mode(0o770)).unwrap();
    let config = f.tmp.path().join("config").join("spoc");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "group = \"nogroup\"\n").unwrap();
    f.ok(&["ticket", "list"]);
    let meta = std::fs::metadata(f.data()).unwrap();
    assert_eq!((meta.permissions().mode() & 0o7777, meta.gid()), (0o2770, 65534));
}
