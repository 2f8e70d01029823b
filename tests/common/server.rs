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
