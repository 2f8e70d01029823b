//! Servers in temporary folders: started by the real binary, stopped when the test ends.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

pub const SPOC: &str = env!("CARGO_BIN_EXE_spoc");

/// A data folder whose server (if a test started one) is killed when this is dropped.
pub struct Folder {
    pub tmp: tempfile::TempDir,
}

impl Folder {
    pub fn new() -> Self {
        Folder { tmp: tempfile::tempdir().unwrap() }
    }

    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    /// The real binary on this folder, with no config and no SPOC_DATA of the machine's.
    pub fn command(&self) -> Command {
        let mut c = Command::new(SPOC);
        c.arg("--data")
            .arg(self.data())
            .env_remove("SPOC_DATA")
            .env_remove("SPOC_GROUP")
            .env("XDG_CONFIG_HOME", self.tmp.path().join("config"))
            // Servers left behind by a failed test leave by themselves.
            .env("SPOC_IDLE_EXIT", "120");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn server_pid(&self) -> Option<i32> {
        server_pid(&self.data())
    }

    /// SIGKILLs the server and waits until it is gone.
    pub fn kill_server(&self) {
        kill_server(&self.data(), Signal::SIGKILL);
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let log = std::fs::read_to_string(self.data().join("serve.log")).unwrap_or_default();
            eprintln!("--- serve.log of the failed test ---\n{log}---");
        }
        kill_server(&self.data(), Signal::SIGKILL);
    }
}

/// Stops a process (SIGSTOP) and waits until it is stopped: the signal is delivered a moment
/// later, and on a busy machine the process may still answer what it was sent meanwhile.
pub fn stop_process(pid: i32) {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), Signal::SIGSTOP).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // The state follows the command name in parentheses: `T` is stopped.
        let state = stat.rsplit_once(") ").and_then(|(_, rest)| rest.chars().next());
        if state == Some('T') || stat.is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "process {pid} did not stop: {stat}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub fn server_pid(data: &Path) -> Option<i32> {
    std::fs::read_to_string(data.join("serve.pid")).ok()?.trim().parse().ok()
}

/// Signals the folder's server and waits (up to 10 s) until the process is gone.
pub fn kill_server(data: &Path, signal: Signal) {
    let Some(pid) = server_pid(data) else { return };
    let pid = Pid::from_raw(pid);
    if kill(pid, signal).is_err() {
        return;
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    // Gone, or a zombie of ours (the test's own child) that only waits to be reaped.
    while kill(pid, None).is_ok() && !is_zombie(pid) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn is_zombie(pid: Pid) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')))
        .unwrap_or(true)
}

/// A server whose clock the test sets: `spoc serve --foreground` under libfaketime, reading the
/// instant from a file the test rewrites between steps. The server is the only clock, so every
/// command through it sees exactly that instant.
pub struct Replay {
    pub folder: Folder,
    clock: PathBuf,
    server: std::process::Child,
}

const LIBFAKETIME: [&str; 2] =
    ["/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"];

impl Replay {
    /// A server in a new folder whose clock stands still at `at` (RFC 3339).
    pub fn start(at: &str) -> Replay {
        let lib = LIBFAKETIME
            .iter()
            .find(|p| Path::new(p).exists())
            .unwrap_or_else(|| panic!("libfaketime is missing: install the Debian package `faketime` (.ci/run does)"));
        let folder = Folder::new();
        std::fs::create_dir_all(folder.data()).unwrap();
        let clock = folder.tmp.path().join("clock");
        write_clock(&clock, at);
        let log = std::fs::File::create(folder.data().join("serve.log")).unwrap();
        let server = folder
            .command()
            .args(["serve", "--foreground"])
            .env("LD_PRELOAD", lib)
            .env("FAKETIME_TIMESTAMP_FILE", &clock)
            .env("FAKETIME_NO_CACHE", "1")
            // Timers and timeouts keep real time; only the wall clock is set.
            .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
            .env("TZ", "UTC")
            .stderr(log)
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        while spoc::client::Client::connect(&folder.data()).is_err() {
            assert!(Instant::now() < deadline, "the server under faketime did not answer");
            std::thread::sleep(Duration::from_millis(10));
        }
        Replay { folder, clock, server }
    }

    /// A server at `at` with `registry` (TOML) imported.
    pub fn with_registry(at: &str, registry: &str) -> Replay {
        let r = Replay::start(at);
        r.ok(&["import", &r.file("registry.toml", registry)]);
        r
    }

    /// Writes a file beside the data folder (a registry, a callers CSV); its path.
    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.folder.tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    /// Sets the server's clock to `at` (RFC 3339).
    pub fn set(&self, at: &str) {
        write_clock(&self.clock, at);
    }

    pub fn ok(&self, args: &[&str]) -> String {
        self.folder.ok(args)
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut args = args.to_vec();
        args.push("--json");
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    /// A report as JSON (`--format json`).
    pub fn json_report(&self, args: &[&str]) -> serde_json::Value {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    /// Runs a command that must fail with `code`; returns its stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.folder.run(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8(out.stderr).unwrap()
    }
}

impl Drop for Replay {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// libfaketime's absolute, frozen form (`YYYY-MM-DD HH:MM:SS`, read in the server's TZ=UTC),
/// written whole so that the server never reads half a line.
fn write_clock(path: &Path, at: &str) {
    let t = chrono::DateTime::parse_from_rfc3339(at).unwrap().with_timezone(&chrono::Utc);
    let tmp = path.with_extension("new");
    std::fs::write(&tmp, t.format("%Y-%m-%d %H:%M:%S\n").to_string()).unwrap();
    std::fs::rename(tmp, path).unwrap();
}

/// A copy of spoc that other users may run, and a way to run it as one of them.
pub struct OtherUser {
    _dir: tempfile::TempDir,
    bin: std::path::PathBuf,
}

impl OtherUser {
    pub fn new() -> Self {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let bin = dir.path().join("spoc");
        std::fs::copy(SPOC, &bin).unwrap();
        OtherUser { _dir: dir, bin }
    }

    pub fn run(&self, uid: u32, gid: u32, data: &std::path::Path, args: &[&str]) -> std::process::Output {
        use std::os::unix::process::CommandExt;
        let mut cmd = std::process::Command::new(&self.bin);
        cmd.arg("--data")
            .arg(data)
            .args(args)
            .env("HOME", "/nonexistent")
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .env_remove("SPOC_GROUP");
        let (uid, gid) = (nix::unistd::Uid::from_raw(uid), nix::unistd::Gid::from_raw(gid));
        // SAFETY: only async-signal-safe calls between fork and exec. Done here rather than with
        // `uid`/`gid`, which would keep root's supplementary groups.
        unsafe {
            cmd.pre_exec(move || {
                nix::unistd::setgroups(&[gid])?;
                nix::unistd::setgid(gid)?;
                nix::unistd::setuid(uid)?;
                Ok(())
            });
        }
        // Tests run side by side: a child another test forked while the copy was open for
        // writing holds it open until it execs ("text file busy"), for a moment.
        for _ in 0..100 {
            match cmd.output() {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                    std::thread::sleep(std::time::Duration::from_millis(20))
                }
                other => return other.unwrap(),
            }
        }
        panic!("{} stayed busy", self.bin.display())
    }
}
