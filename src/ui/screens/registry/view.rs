//! The registry, browsed: participants, services, suppliers, contracts and calendars.
//! Contracts that end, or pass their notice date, within 90 days stand out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Tabs, Wrap};

use crate::domain::Registry;
use crate::domain::report::contract_watch;
use crate::ui::frame::clean;
use crate::ui::state::{RegistryTab, State};
use crate::ui::theme::Theme;

/// Days ahead in which a contract's end or notice date stands out.
const WATCH_DAYS: u32 = 90;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let Some(reg) = &s.registry else {
        f.render_widget(Paragraph::new(crate::i18n::t("registry-loading")), r);
        return;
    };
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(r);
    let titles: Vec<String> = RegistryTab::ALL.iter().map(|tab| tab.name()).collect();
    let selected = RegistryTab::ALL.iter().position(|t| *t == s.registry_tab).unwrap_or(0);
    f.render_widget(Tabs::new(titles).select(selected).highlight_style(theme.style("ui.selected")), tabs);
    if let Some(i) = s.registry_entry().filter(|_| s.registry_detail) {
        let text: Vec<Line> = entry(s, reg, i).into_iter().map(|l| Line::raw(clean(&l))).collect();
        let block = Block::default().borders(Borders::TOP).title(crate::i18n::t("registry-in-full-title"));
        let scroll = s.scroll.min(text.len().saturating_sub(1).try_into().unwrap_or(u16::MAX));
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }).scroll((scroll, 0)).block(block), body);
        return;
    }
    let mut all: Vec<Option<Line>> = lines(reg, s, theme).into_iter().map(Some).collect();
    let rows: Vec<Line> = s.registry_rows().iter().filter_map(|&i| all.get_mut(i).and_then(Option::take)).collect();
    if rows.is_empty() && !s.registry_search.trim().is_empty() {
        let none = crate::tr!(
            "registry-nothing-found",
            tab = s.registry_tab.name(),
            search = format!("{:?}", s.registry_search)
        );
        f.render_widget(Paragraph::new(clean(&none)), body);
        return;
    }
    // The selected entry whole at the bottom, wrapped: a row above is cut at the edge.
    let [body, whole] = Layout::vertical([Constraint::Min(1), Constraint::Length(4)]).areas(body);
    if let Some(line) = rows.get(s.registry_selected) {
        let text: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
        let block = Block::default().borders(Borders::TOP).title(crate::i18n::t("registry-list-keys"));
        let detail = Paragraph::new(text.trim().to_string()).wrap(Wrap { trim: true }).block(block);
        f.render_widget(detail, whole);
    }
    let visible = body.height as usize;
    let first = (s.registry_selected + 1).saturating_sub(visible);
    let shown: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, line)| if i == s.registry_selected { line.style(theme.style("ui.selected")) } else { line })
        .collect();
    f.render_widget(Paragraph::new(shown), body);
}

fn entry(s: &State, reg: &Registry, i: usize) -> Vec<String> {
    super::detail::detail(reg, s.registry_tab, i, s.now.with_timezone(&s.tz).date_naive())
}

/// How many lines the entry `i` has in full (before wrapping), for scrolling.
pub fn detail_len(s: &State, i: usize) -> usize {
    s.registry.as_ref().map_or(0, |reg| entry(s, reg, i).len())
}

/// The rows of the tab shown; `State::registry_len` counts the same.
fn lines<'a>(reg: &Registry, s: &State, theme: &Theme) -> Vec<Line<'a>> {
    match s.registry_tab {
        RegistryTab::Participants => reg
            .participants()
            .iter()
            .map(|p| Line::raw(clean(&format!("{:<6} {}  {}", p.code, p.name, p.locations.join(", ")))))
            .collect(),
        RegistryTab::Services => reg
            .services()
            .iter()
            .map(|v| {
                let also: Vec<&str> = v.aliases.iter().chain(&v.keywords).map(String::as_str).collect();
                Line::raw(clean(&format!("{:<28} {}", v.name, also.join(", "))))
            })
            .collect(),
        RegistryTab::Suppliers => reg
            .suppliers()
            .iter()
            .map(|v| {
                let escalation = v.contacts.iter().any(|c| c.role == crate::domain::registry::ContactRole::Escalation);
                let hours = v.hours.clone().unwrap_or_else(|| crate::i18n::t("registry-hours-unknown"));
                let mut spans = vec![Span::raw(clean(&format!(
                    "{:<28} {:<18} {}",
                    v.name,
                    v.phone.as_deref().unwrap_or("-"),
                    hours
                )))];
                if !escalation {
                    spans.push(Span::styled(crate::i18n::t("registry-no-escalation"), theme.style("sla.warning")));
                }
                Line::from(spans)
            })
            .collect(),
        RegistryTab::Contracts => {
            let today = s.now.with_timezone(&s.tz).date_naive();
            let watch = contract_watch(reg, today, WATCH_DAYS);
            reg.contracts()
                .iter()
                .map(|c| {
                    let until =
                        c.valid_until.map(|d| d.to_string()).unwrap_or_else(|| crate::i18n::t("registry-open-ended"));
                    let text = clean(&format!("{:<16} {:<26} {} → {}", c.number, c.supplier, c.valid_from, until));
                    match watch.contracts.iter().find(|w| w.contract == c.number) {
                        Some(w) => {
                            let line = crate::ui::screens::regie::view::watch_line(w);
                            let why = format!("  {}", line.split_once(": ").map_or(line.as_str(), |(_, rest)| rest));
                            Line::from(vec![Span::raw(text), Span::styled(why, theme.style("sla.warning"))])
                        }
                        None if c.valid_until.is_some_and(|u| u < today) => {
                            let expired = crate::i18n::t("registry-expired");
                            Line::from(vec![Span::raw(text), Span::styled(expired, theme.style("sla.breached"))])
                        }
                        None => Line::raw(text),
                    }
                })
                .collect()
        }
        RegistryTab::Calendars => reg
            .file()
            .calendar
            .iter()
            .map(|c| {
                // In week order, not in the alphabet's.
                let days: Vec<String> = super::detail::WEEK
                    .iter()
                    .filter_map(|d| c.week.get(*d).map(|w| format!("{} {}", super::detail::day_short(d), w.join(" "))))
                    .collect();
                Line::raw(clean(&format!("{:<18} {:<18} {}", c.name, c.timezone, days.join(" · "))))
            })
            .collect(),
    }
}
