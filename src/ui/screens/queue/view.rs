//! The queue: one row per ticket, most urgent first, with a live SLA column.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::ui::frame::{clean, level};
use crate::ui::state::State;
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    if s.queue.rows.is_empty() {
        let text = if s.queue.filter.is_empty() {
            crate::i18n::t("queue-empty-view")
        } else {
            crate::i18n::t("queue-empty-filter")
        };
        f.render_widget(Paragraph::new(text), r);
        return;
    }
    // Only the rows that fit are built.
    let visible = r.height.saturating_sub(1) as usize;
    let first = (s.queue.selected + 1).saturating_sub(visible);
    // Narrow terminals keep what an agent needs first: id, priority, due, SLA, status, supplier,
    // title. An id is never cut; service, supplier and title share the room there is.
    let wide = r.width >= 110;
    let id_width = s.queue.rows.iter().map(|t| t.id.to_string().len() + 1).max().unwrap_or(2) as u16;
    // Wide: the longest status name in the agent's language; narrow: the short forms.
    let longest = crate::domain::Status::ALL.iter().map(|s| crate::present::status_name(*s).chars().count()).max();
    let status_width: u16 = if wide { longest.unwrap_or(19) as u16 } else { 8 };
    let rows = s.queue.rows.iter().enumerate().skip(first).take(visible).map(|(i, t)| {
        let (sla_style, _) = level(theme, t.due_level, t.sla_paused);
        let prio = theme.style(&format!("priority.{}", t.priority.as_str().to_lowercase()));
        let mut cells = vec![
            Cell::from(format!("#{}", t.id)),
            Cell::from(Span::styled(t.priority.to_string(), prio)),
            Cell::from(crate::present::due_short(t.sla_due, s.now, s.tz)),
            Cell::from(Span::styled(crate::present::sla_cell(t), sla_style)),
            Cell::from(crate::present::status_short(t.status, status_width as usize)),
        ];
        if wide {
            cells.push(Cell::from(clean(&t.participant)));
            cells.push(Cell::from(clean(&t.service)));
        }
        cells.push(Cell::from(clean(&t.supplier.clone().unwrap_or_else(|| crate::i18n::t("queue-unrouted")))));
        if wide {
            cells.push(Cell::from(clean(t.assignee.as_deref().unwrap_or("-"))));
            cells.push(Cell::from(age(t.created_at, s.now)));
        }
        let marks = crate::present::title_marks(t, s.now, s.tz);
        // A call linked to a major incident in this view sits folded under it.
        let folded = t.linked_to.is_some_and(|m| s.queue.rows.iter().any(|r| r.id == m));
        let indent = if folded { "  " } else { "" };
        cells.push(Cell::from(clean(&format!("{indent}{marks}{}", t.title))));
        let row = Row::new(cells);
        if i == s.queue.selected { row.style(theme.style("ui.selected")) } else { row }
    });
    use Constraint::{Fill, Length, Min};
    let columns: Vec<(String, Constraint)> = if wide {
        vec![
            (crate::i18n::t("queue-col-id"), Length(id_width)),
            (crate::i18n::t("queue-col-priority"), Length(2)),
            (crate::i18n::t("queue-col-due"), Length(12)),
            (crate::i18n::t("queue-col-sla-left"), Length(10)),
            (crate::i18n::t("queue-col-status"), Length(status_width)),
            (crate::i18n::t("queue-col-participant"), Length(5)),
            (crate::i18n::t("queue-col-service"), Fill(1)),
            (crate::i18n::t("queue-col-supplier"), Fill(1)),
            (crate::i18n::t("queue-col-assignee"), Length(8)),
            (crate::i18n::t("queue-col-age"), Length(4)),
            (crate::i18n::t("queue-col-title"), Fill(3)),
        ]
    } else {
        vec![
            (crate::i18n::t("queue-col-id"), Length(id_width)),
            (crate::i18n::t("queue-col-priority"), Length(2)),
            (crate::i18n::t("queue-col-due"), Length(12)),
            (crate::i18n::t("queue-col-sla-left"), Length(10)),
            (crate::i18n::t("queue-col-status"), Length(status_width)),
            (crate::i18n::t("queue-col-supplier"), Length(12)),
            (crate::i18n::t("queue-col-title"), Min(8)),
        ]
    };
    let widths: Vec<Constraint> = columns.iter().map(|(_, w)| *w).collect();
    let header = Row::new(columns.into_iter().map(|(n, _)| n)).style(theme.style("ui.header"));
    f.render_widget(Table::new(rows, widths).header(header).column_spacing(1), r);
}

/// How long ago a ticket was logged, in the largest unit that fits in four characters.
fn age(created: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let m = (now - created).num_minutes().max(0);
    match m {
        0..60 => crate::tr!("queue-age-minutes", n = m),
        60..1440 => crate::tr!("queue-age-hours", n = m / 60),
        _ => crate::tr!("queue-age-days", n = m / 1440),
    }
}
