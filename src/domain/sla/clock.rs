//! One SLA clock (a response or a resolution target) on one calendar.
//!
//! Time is counted in segments between events: at every event the running segment is settled
//! into `counted`, so counted time survives pauses, target changes, calendar changes and reopen.
//! A clock that has stopped is decided: its verdict and its due instant never change again,
//! unless it is reopened.

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
    /// The instant the target ran out; kept for good, and the clock's due instant from then on.
    #[serde(with = "crate::domain::instant::option")]
    pub breached_at: Option<DateTime<Utc>>,
    /// The due instant the clock had when it stopped, so that stopping never moves it.
    #[serde(with = "crate::domain::instant::option")]
    pub due_at_stop: Option<DateTime<Utc>>,
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
    /// Business seconds left: never more than 0 once breached (a breach stays one when a
    /// later priority gives more time), negative by the time counted past the target.
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
            due_at_stop: None,
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
        self.target_secs = cal.target_secs(at, self.target);
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
        // Past the instant the target ran out: breached then, even when no business second has
        // passed since (a target that ran out at closing time is breached all night).
        if self.breached_at.is_none() && self.counted + run >= self.target_secs {
            let due = self.due_from(since, cal);
            if at > due {
                self.breached_at = Some(due);
            }
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
                let due = self.due(cal);
                self.settle(at, cal);
                self.running_since = None;
                self.stopped_at = Some(at);
                self.due_at_stop = self.breached_at.or(due);
            }
            ClockPhase::Paused => {
                self.stopped_at = Some(at);
                self.due_at_stop = self.breached_at;
            }
            ClockPhase::NotStarted | ClockPhase::Stopped => {}
        }
    }

    /// Reopen: the clock goes on from the time it had; it does not restart.
    pub fn reopen(&mut self, at: DateTime<Utc>) {
        if self.phase() == ClockPhase::Stopped {
            self.stopped_at = None;
            self.due_at_stop = None;
            self.running_since = Some(at);
        }
    }

    /// A new target (priority or contract change) applies to the time already counted.
    /// `cal` is the calendar the clock counted on until now; `new_cal` the one it counts on next.
    /// A clock that has stopped keeps its verdict and target: it is decided.
    pub fn retarget(&mut self, at: DateTime<Utc>, target: SlaDuration, cal: &Calendar, new_cal: &Calendar) {
        if self.phase() == ClockPhase::Stopped {
            return;
        }
        self.settle(at, cal);
        self.target = target;
        if let Some(started) = self.started_at {
            self.target_secs = new_cal.target_secs(started, target);
            // A target that is used up already ran out when it was set: at this change.
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

    /// The due instant: the instant the target runs (or ran) out while the clock runs; once it
    /// breached, the breach instant, which never moves; once stopped, what it was at the stop.
    pub fn due(&self, cal: &Calendar) -> Option<DateTime<Utc>> {
        if let Some(breached) = self.breached_at {
            return Some(breached);
        }
        match self.phase() {
            ClockPhase::Running => self.running_since.map(|since| self.due_from(since, cal)),
            ClockPhase::Stopped => self.due_at_stop,
            ClockPhase::NotStarted | ClockPhase::Paused => None,
        }
    }

    /// Where the target runs out when the clock runs from `since` with `counted` behind it.
    fn due_from(&self, since: DateTime<Utc>, cal: &Calendar) -> DateTime<Utc> {
        let left = self.target_secs - self.counted;
        if left <= 0 { since } else { cal.deadline(since, SlaDuration::seconds(left)) }
    }

    pub fn state(&self, at: DateTime<Utc>, cal: &Calendar, warning_at: f64) -> ClockState {
        let phase = self.phase();
        let elapsed = self.elapsed(at, cal);
        let due = self.due(cal);
        let overdue = phase == ClockPhase::Running && elapsed >= self.target_secs && due.is_some_and(|d| at > d);
        let breached = self.breached_at.is_some() || elapsed > self.target_secs || overdue;
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
        let left = self.target_secs - elapsed;
        let left = if level == ClockLevel::Breached { left.min(0) } else { left };
        ClockState { phase, level, elapsed, target_secs: self.target_secs, left, due }
    }
}
