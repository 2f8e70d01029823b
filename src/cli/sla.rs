//! `spoc sla deadline` and `spoc sla between`: the SLA engine from the shell.

use std::path::Path;

use super::{CmdResult, Failure, bad, out, parse_instant, read_file};
use crate::domain::registry::file::FileError;
use crate::domain::sla::{Calendar, CalendarSpec, SlaDuration};

/// Reads a calendar file (the calendar table on its own, or a file with one `[[calendar]]`).
pub fn load_calendar(path: &Path) -> Result<Calendar, Failure> {
    // The built-in round-the-clock calendar, unless a file is called so.
    if path.as_os_str() == "24x7" && !path.exists() {
        return Ok(Calendar::always_open());
    }
    let text = read_file(path)?;
    let name = path.display().to_string();
    let located = |line: usize, field: String, message: String| {
        bad(FileError { file: name.clone(), line, field, message }.to_string())
    };
    let spec: CalendarSpec = match toml::from_str::<CalendarSpec>(&text) {
        Ok(spec) => spec,
        Err(e) => {
            #[derive(serde::Deserialize)]
            struct Wrapped {
                calendar: Vec<CalendarSpec>,
            }
            match toml::from_str::<Wrapped>(&text) {
                Ok(w) if w.calendar.len() == 1 => w.calendar.into_iter().next().expect("one"),
                _ => {
                    let line = e.span().map(|s| crate::domain::place::line_at(&text, s.start)).unwrap_or(1);
                    return Err(located(line, String::new(), e.message().trim().to_string()));
                }
            }
        }
    };
    spec.build().map_err(|e| {
        let key = e.field.rsplit('.').next().unwrap_or("").to_string();
        let line = crate::domain::place::lines(&text)
            .iter()
            .position(|l| l.trim_start().starts_with(&key) && l.contains('='))
            .map(|i| i + 1)
            .unwrap_or(1);
        located(line, e.field, e.message)
    })
}

pub fn deadline(calendar: &Path, start: &str, duration: &str) -> CmdResult {
    let cal = load_calendar(calendar)?;
    let d: SlaDuration =
        duration.parse().map_err(|e: crate::domain::sla::duration::DurationError| bad(format!("--duration: {e}")))?;
    let due = cal.deadline(parse_instant(start, "--start")?, d);
    // Answer in UTC to a start given in UTC, otherwise in the calendar's own zone.
    let text = if start.trim_end().ends_with(['Z', 'z']) || start.trim_end().ends_with("+00:00") {
        due.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    } else {
        due.with_timezone(&cal.timezone).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    };
    out(&format!("{text}\n"))
}

pub fn between(calendar: &Path, from: &str, to: &str) -> CmdResult {
    let cal = load_calendar(calendar)?;
    let (from, to) = (parse_instant(from, "--from")?, parse_instant(to, "--to")?);
    out(&format!("{}\n", cal.business_between(from, to)))
}
