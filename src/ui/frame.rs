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
        let text = crate::tr!("frame-too-small", need_w = MIN.0, need_h = MIN.1, w = area.width, h = area.height);
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
    let waiting = s.waiting.map(|d| crate::tr!("frame-waiting", seconds = crate::i18n::decimal(d.as_secs_f64(), 1)));
    if let Some(banner) = s.banner.as_ref().or(waiting.as_ref()) {
        let r = Rect { height: 1, ..body };
        f.render_widget(Clear, r);
        f.render_widget(Paragraph::new(banner.as_str()).style(theme.style("ui.banner")), r);
    }
}

fn title(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let what = match s.screen() {
        Screen::Queue if !s.queue.loaded => crate::i18n::t("frame-title-loading-queue"),
        Screen::Queue => {
            let view = match (&s.view, &s.view_supplier) {
                (super::state::View::Supplier, Some(name)) => clean(name),
                (v, _) => v.name(),
            };
            // The filter in force and what it leaves, so an agent never wonders why a ticket is missing.
            let shown = s.queue.rows.len();
            let count = match (shown, s.queue.more) {
                (n, true) => crate::tr!("frame-count-more", n = n),
                (n, false) => crate::tr!("frame-count", n = n),
            };
            let sort = s.sort.label();
            match s.queue.filter.trim() {
                "" => crate::tr!("frame-title-queue", view = view, count = count, sort = sort),
                f => {
                    crate::tr!("frame-title-queue-filtered", view = view, filter = clean(f), count = count, sort = sort)
                }
            }
        }
        Screen::Ticket => s
            .ticket
            .as_ref()
            .map(|t| crate::tr!("frame-title-ticket", id = t.id))
            .unwrap_or_else(|| crate::i18n::t("frame-title-no-ticket")),
        Screen::Lookup => crate::i18n::t("frame-title-lookup"),
        Screen::Search => crate::i18n::t("frame-title-search"),
        Screen::Intake => crate::i18n::t("frame-title-intake"),
        Screen::Registry => match s.registry_search.trim() {
            "" => crate::i18n::t("frame-title-registry"),
            words => crate::tr!("frame-title-registry-search", words = clean(words), n = s.registry_len()),
        },
        Screen::Dashboard => crate::i18n::t("frame-title-dashboard"),
        Screen::Regie => crate::i18n::t("frame-title-regie"),
        Screen::Help => crate::i18n::t("frame-title-help"),
    };
    let line = Line::from(vec![Span::styled(" spoc ", theme.style("ui.title")), Span::raw(what)]);
    f.render_widget(Paragraph::new(line).style(theme.style("ui.status")), r);
}

fn status_line(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let text = if let Some(p) = s.open_prompt() {
        match &p.kind {
            PromptKind::Priority => crate::i18n::t("prompt-priority"),
            PromptKind::Status(_) => crate::i18n::t("prompt-status"),
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
                crate::tr!("prompt-dispatch", supplier = supplier, hours = hours, typed = typed)
            }
            kind => {
                let shown = line::shown(&p.text, &s.cursor_of(LineOf::Prompt));
                let typed = match kind {
                    PromptKind::Note => crate::tr!("prompt-note", typed = shown),
                    PromptKind::Reply => crate::tr!("prompt-reply", typed = shown),
                    PromptKind::Call => crate::tr!("prompt-call", typed = shown),
                    PromptKind::SupplierReply => crate::tr!("prompt-supplier-reply", typed = shown),
                    PromptKind::SupplierSolved => crate::tr!("prompt-supplier-solved", typed = shown),
                    PromptKind::Assign => crate::tr!("prompt-assign", typed = shown),
                    PromptKind::Override => crate::tr!("prompt-override", typed = shown),
                    PromptKind::Satisfaction => crate::tr!("prompt-satisfaction", typed = shown),
                    PromptKind::Solution => crate::tr!("prompt-solution", typed = shown),
                    PromptKind::Email => crate::tr!("prompt-email", typed = shown),
                    PromptKind::GoTo => crate::tr!("prompt-go-to", typed = shown),
                    PromptKind::Link => crate::tr!("prompt-link", typed = shown),
                    PromptKind::CallBack => crate::tr!("prompt-call-back", typed = shown),
                    PromptKind::Reclassify => crate::tr!("prompt-reclassify", typed = shown),
                    _ => crate::tr!("prompt-supplier-ref", typed = shown),
                };
                // Reopened after a refusal: why, then the text to mend.
                match &s.message {
                    Some(why) => format!("{why} — {typed}"),
                    None => typed,
                }
            }
        }
    } else if s.queue.filtering && s.screen() == Screen::Queue {
        let typed = line::shown(&s.queue.filter, &s.cursor_of(LineOf::Filter));
        crate::tr!("frame-filter", typed = typed)
    } else if s.registry_searching && s.screen() == Screen::Registry {
        let typed = line::shown(&s.registry_search, &s.cursor_of(LineOf::RegistrySearch));
        crate::tr!("frame-registry-search", typed = typed)
    } else if let Some(m) = &s.message {
        m.clone()
    } else {
        crate::tr!("frame-idle", me = s.me.as_str())
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
