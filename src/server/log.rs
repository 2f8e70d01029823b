//! Warnings that a broken or hostile client could repeat as fast as it connects: a few per
//! ten seconds are written, the rest counted and summed up in the next one written.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tracing::warn;

const WINDOW: Duration = Duration::from_secs(10);
const PER_WINDOW: u32 = 20;

#[derive(Default)]
pub struct Throttled {
    state: Mutex<Window>,
}

#[derive(Default)]
struct Window {
    started: Option<Instant>,
    written: u32,
    held_back: u64,
}

impl Throttled {
    pub fn warn(&self, line: &str) {
        let mut w = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if w.started.is_none_or(|t| t.elapsed() >= WINDOW) {
            if w.held_back > 0 {
                warn!("{} similar lines were left out of the log in the last {} s", w.held_back, WINDOW.as_secs());
            }
            *w = Window { started: Some(Instant::now()), written: 0, held_back: 0 };
        }
        if w.written < PER_WINDOW {
            w.written += 1;
            warn!("{line}");
        } else {
            w.held_back += 1;
        }
    }
}
