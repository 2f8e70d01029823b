//! One SLA clock (a response or a resolution target) on one calendar.
//!
//! Time is counted in segments between events: at every event the running segment is settled
//! into `counted`, so counted time survives pauses, target changes, calendar changes and reopen.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Calendar, SlaDuration};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaClock {
    pub target: SlaDuration,
    /// The target in business seconds, measured from `started_at` on the clock's calendar.
    pub target_secs: i64,
    #[serde(with = "crate::domain::instant::option")]
    pub started_at: Option<DateTime<Utc>>,
    /// Business seconds counted up to `running_since` (or in all, when not running).
    pub counted: i64,
    #[serde(with = "crate::domain::instant::option")]
    pub running_since: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::instant::option")]
    pub stopped_at: Option<DateTime<Utc>>,
    /// When the target was first exceeded; kept for good.
    #[serde(with = "crate::domain::instant::option")]
    pub breached_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockPhase {
    NotStarted,
    Running,
    Paused,
    Stopped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockLevel {
    Ok,
    Warning,
    Breached,
}

/// A clock as seen at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockState {
    pub phase: ClockPhase,
    pub level: ClockLevel,
    pub elapsed: i64,
    pub target_secs: i64,
    /// Business seconds left; negative once breached.
    pub left: i64,
    /// When the target is (or was) due, if the clock runs or has breached.
    #[serde(with = "crate::domain::instant::option")]
    pub due: Option<DateTime<Utc>>,
}

impl SlaClock {
    pub fn new(target: SlaDuration) -> Self {
        Self {
            target,
            target_secs: 0,
            started_at: None,
            counted: 0,
            running_since: None,
            stopped_at: None,
            breached_at: None,
        }
    }

    pub fn phase(&self) -> ClockPhase {
        match (self.started_at, self.stopped_at, self.running_since) {
            (None, _, _) => ClockPhase::NotStarted,
            (_, Some(_), _) => ClockPhase::Stopped,
            (_, None, Some(_)) => ClockPhase::Running,
            (_, None, None) => ClockPhase::Paused,
        }
    }

    pub fn start(&mut self, at: DateTime<Utc>, cal: &Calendar) {
        if self.started_at.is_some() {
            return;
        }
        self.started_at = Some(at);
        self.running_since = Some(at);
        self.target_secs = target_secs(cal, at, self.target);
    }

    /// Moves the running segment into `counted` and records a breach that happened in it.
    pub fn settle(&mut self, at: DateTime<Utc>, cal: &Calendar) {
        let Some(since) = self.running_since else {
            return;
        };
        if at <= since {
            return;
        }
        let run = cal.business_between(since, at);
        if self.breached_at.is_none() && self.counted + run > self.target_secs {
            let left = (self.target_secs - self.counted).max(0);
            // The first instant past the deadline.
            let crossed = cal.deadline(since, SlaDuration::seconds(left)) + chrono::Duration::seconds(1);
            self.breached_at = Some(crossed.min(at));
        }
        self.counted += run;
        self.running_since = Some(at);
    }

    pub fn pause(&mut self, at: DateTime<Utc>, cal: &Calendar) {
        if self.phase() == ClockPhase::Running {
            self.settle(at, cal);
            self.running_since = None;
        }
    }

    pub fn resume(&mut self, at: DateTime<Utc>) {
        if self.phase() == ClockPhase::Paused {
            self.running_since = Some(at);
        }
    }

    pub fn stop(&mut self, at: DateTime<Utc>, cal: &Calendar) {
        match self.phase() {
            ClockPhase::Running => {
                self.settle(at, cal);
                self.running_since = None;
                self.stopped_at = Some(at);
            }
            ClockPhase::Paused => self.stopped_at = Some(at),
            ClockPhase::NotStarted | ClockPhase::Stopped => {}
        }
    }

    /// Reopen: the clock goes on from the time it had; it does not restart.
    pub fn reopen(&mut self, at: DateTime<Utc>) {
        if self.phase() == ClockPhase::Stopped {
            self.stopped_at = None;
            self.running_since = Some(at);
        }
    }

    /// A new target (priority or contract change) applies to the time already counted.
    /// `cal` is the calendar the clock counted on until now; `new_cal` the one it counts on next.
    pub fn retarget(&mut self, at: DateTime<Utc>, target: SlaDuration, cal: &Calendar, new_cal: &Calendar) {
        self.settle(at, cal);
        self.target = target;
        if let Some(started) = self.started_at {
            self.target_secs = target_secs(new_cal, started, target);
            if self.breached_at.is_none() && self.counted > self.target_secs {
                self.breached_at = Some(at);
            }
        }
    }

    pub fn elapsed(&self, at: DateTime<Utc>, cal: &Calendar) -> i64 {
        match self.running_since {
            Some(since) => self.counted + cal.business_between(since, at),
            None => self.counted,
        }
    }

    /// The deadline while the clock runs: the instant its target is used up.
    pub fn due(&self, cal: &Calendar) -> Option<DateTime<Utc>> {
        let since = self.running_since?;
        let left = (self.target_secs - self.counted).max(0);
        Some(cal.deadline(since, SlaDuration::seconds(left)))
    }

    pub fn state(&self, at: DateTime<Utc>, cal: &Calendar, warning_at: f64) -> ClockState {
        let phase = self.phase();
        let elapsed = self.elapsed(at, cal);
        let breached = self.breached_at.is_some_and(|b| b <= at) || elapsed > self.target_secs;
        let level = if phase == ClockPhase::NotStarted {
            ClockLevel::Ok
        } else if breached {
            ClockLevel::Breached
        } else if phase != ClockPhase::Stopped && elapsed as f64 >= warning_at * self.target_secs as f64 {
            // A clock that stopped within its target has met it; warning is for clocks still going.
            ClockLevel::Warning
        } else {
            ClockLevel::Ok
        };
        let due = match phase {
            ClockPhase::Running => self.due(cal),
            _ => self.breached_at,
        };
        ClockState { phase, level, elapsed, target_secs: self.target_secs, left: self.target_secs - elapsed, due }
    }
}

fn target_secs(cal: &Calendar, start: DateTime<Utc>, target: SlaDuration) -> i64 {
    cal.business_between(start, cal.deadline(start, target))
}
