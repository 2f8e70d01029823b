//! Drawing: a pure function of the state. The frame around every screen (title, status line,
//! banner, the status menu); each screen draws its own body. Outside text has its control
//! characters replaced.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::keymap::Keymap;
use super::line::{self, LineOf};
use super::screens;
use super::state::{PromptKind, Screen, State};
use super::theme::Theme;
use crate::domain::sla::ClockLevel;

/// Smaller than this, the screen says so instead of drawing.
pub const MIN: (u16, u16) = (40, 8);

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, keys: &Keymap) {
    let area = f.area();
    if area.width < MIN.0 || area.height < MIN.1 {
        let text = format!("spoc needs {}×{}; this is {}×{}", MIN.0, MIN.1, area.width, area.height);
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [top, body, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
    title(f, s, theme, top);
    match s.screen() {
        Screen::Queue => screens::queue::view::draw(f, s, theme, body),
        Screen::Intake => screens::intake::view::draw(f, s, theme, body),
        Screen::Registry => screens::registry::view::draw(f, s, theme, body),
        Screen::Dashboard => screens::dashboard::view::draw(f, s, theme, body),
        Screen::Regie => screens::regie::view::draw(f, s, theme, body),
        Screen::Ticket => screens::ticket::view::draw(f, s, theme, body),
        Screen::Lookup => screens::lookup::view::draw(f, s, theme, body),
        Screen::Search => screens::search::view::draw(f, s, theme, body),
        Screen::Help => screens::help::view::draw(f, s, theme, keys, body),
    }
    status_line(f, s, theme, bottom);
    if let Some(PromptKind::Status(allowed)) = s.open_prompt().map(|p| &p.kind) {
        screens::ticket::view::status_menu(f, s, theme, keys, allowed, body);
    }
    let waiting = s.waiting.map(|d| {
        format!("the server has not answered for {:.1} s; what you type is kept, the answer follows", d.as_secs_f64())
    });
    if let Some(banner) = s.banner.as_ref().or(waiting.as_ref()) {
        let r = Rect { height: 1, ..body };
        f.render_widget(Clear, r);
        f.render_widget(Paragraph::new(banner.as_str()).style(theme.style("ui.banner")), r);
    }
}

fn title(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let what = match s.screen() {
        Screen::Queue if !s.queue.loaded => "loading the queue…".into(),
        Screen::Queue => {
            let view = match (&s.view, &s.view_supplier) {
                (super::state::View::Supplier, Some(name)) => clean(name),
                (v, _) => v.name().to_string(),
            };
            // The filter in force and what it leaves, so an agent never wonders why a ticket is missing.
            let shown = s.queue.rows.len();
            let count = match (shown, s.queue.more) {
                (n, true) => format!("{n}+ tickets"),
                (1, false) => "1 ticket".to_string(),
                (n, false) => format!("{n} tickets"),
            };
            let filter = match s.queue.filter.trim() {
                "" => String::new(),
                f => format!(" · filter {}", clean(f)),
            };
            format!("queue · {view}{filter} · {count} · sorted by {}", s.sort.name())
        }
        Screen::Ticket => s.ticket.as_ref().map(|t| format!("ticket #{}", t.id)).unwrap_or_else(|| "ticket".into()),
        Screen::Lookup => "who do we call?".into(),
        Screen::Search => "search all tickets".into(),
        Screen::Intake => "new call".into(),
        Screen::Registry => match s.registry_search.trim() {
            "" => "registry".into(),
            words => format!("registry · search {} · {} found", clean(words), s.registry_len()),
        },
        Screen::Dashboard => "dashboard".into(),
        Screen::Regie => "regie".into(),
        Screen::Help => "keys".into(),
    };
    let line = Line::from(vec![Span::styled(" spoc ", theme.style("ui.title")), Span::raw(what)]);
    f.render_widget(Paragraph::new(line).style(theme.style("ui.status")), r);
}

fn status_line(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let text = if let Some(p) = s.open_prompt() {
        match &p.kind {
            PromptKind::Priority => "new priority: 1 P1  2 P2  3 P3  4 P4  (esc: cancel)".to_string(),
            PromptKind::Status(_) => "new status: its key  (esc: cancel)".to_string(),
            PromptKind::Confirm { question, .. } => question.clone(),
            PromptKind::Dispatch => {
                let t = s.ticket.as_ref();
                let supplier = t.and_then(|t| t.supplier.clone()).unwrap_or_default();
                let hours = s
                    .registry
                    .as_ref()
                    .map(|reg| crate::present::supplier_hours(reg, &supplier, s.now))
                    .unwrap_or_default();
                let typed = line::shown(&p.text, &s.cursor_of(LineOf::Prompt));
                format!("dispatch to {supplier} ({hours}) · their reference, if any: {typed}")
            }
            kind => {
                let what = match kind {
                    PromptKind::Note => "note",
                    PromptKind::Reply => "reply to the caller",
                    PromptKind::Call => "call with the caller",
                    PromptKind::SupplierReply => "the supplier's answer",
                    PromptKind::SupplierSolved => "the supplier's solution",
                    PromptKind::Assign => "assign to (login)",
                    PromptKind::Override => "route to (SUPPLIER: reason)",
                    PromptKind::Satisfaction => "satisfaction (SCORE remark)",
                    PromptKind::Solution => "what solved it (then enter, and y to resolve)",
                    PromptKind::Email => "email to the caller",
                    PromptKind::GoTo => "go to ticket #",
                    PromptKind::Link => "link to major incident # (- unlinks)",
                    PromptKind::CallBack => "call back at (HH:MM, tomorrow HH:MM, YYYY-MM-DD HH:MM)",
                    PromptKind::Reclassify => {
                        "impact 1-3 (1 whole organisation) and urgency 1-4 (1 critical), e.g. 2 3"
                    }
                    _ => "supplier's reference",
                };
                let typed = format!("{what}: {}", line::shown(&p.text, &s.cursor_of(LineOf::Prompt)));
                // Reopened after a refusal: why, then the text to mend.
                match &s.message {
                    Some(why) => format!("{why} — {typed}"),
                    None => typed,
                }
            }
        }
    } else if s.queue.filtering && s.screen() == Screen::Queue {
        let typed = line::shown(&s.queue.filter, &s.cursor_of(LineOf::Filter));
        format!("filter: {typed}  (enter: keep, esc: clear)")
    } else if s.registry_searching && s.screen() == Screen::Registry {
        let typed = line::shown(&s.registry_search, &s.cursor_of(LineOf::RegistrySearch));
        format!("search: {typed}  (enter: keep, esc: clear)")
    } else if let Some(m) = &s.message {
        m.clone()
    } else {
        format!("{} · f1 or ? for keys", s.me)
    };
    let clean = crate::domain::sanitize_line(&text).into_owned();
    f.render_widget(Paragraph::new(clean).style(theme.style("ui.dim")), r);
}

/// The style and sign of a clock level.
pub fn level(theme: &Theme, level: ClockLevel, paused: bool) -> (ratatui::style::Style, &'static str) {
    let role = match (paused, level) {
        (true, _) => "sla.paused",
        (_, ClockLevel::Ok) => "sla.ok",
        (_, ClockLevel::Warning) => "sla.warning",
        (_, ClockLevel::Breached) => "sla.breached",
    };
    (theme.style(role), crate::present::sla_mark(level, paused))
}

pub fn clean(text: &str) -> String {
    crate::domain::sanitize_line(text).into_owned()
}
