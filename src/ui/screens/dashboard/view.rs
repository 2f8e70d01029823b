//! At a glance: open tickets by SLA level per supplier and per participant, arrivals today.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

use crate::domain::report::{LevelCounts, UNASSIGNED, UNROUTED};
use crate::ui::frame::clean;
use crate::ui::state::State;
use crate::ui::theme::Theme;

/// How many open major incidents the dashboard names, each on a line.
const MAJORS_SHOWN: usize = 3;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, r: Rect) {
    let Some(d) = &s.dashboard else {
        f.render_widget(Paragraph::new(crate::i18n::t("dashboard-counting")), r);
        return;
    };
    // Open major incidents first: they explain many calls at once (a few lines at most).
    let shown = d.majors.len().min(MAJORS_SHOWN);
    let [head, majors, body] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(shown as u16), Constraint::Min(1)]).areas(r);
    let summary = crate::tr!(
        "dashboard-summary",
        open = d.open.open,
        warning = d.open.warning,
        breached = d.open.breached,
        today = d.arrivals_today
    );
    f.render_widget(Paragraph::new(summary).style(theme.style("ui.title")), head);
    let lines: Vec<ratatui::text::Line> = d
        .majors
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, m)| {
            let line = crate::present::major_line(m, true);
            let text = if i + 1 == shown && d.majors.len() > shown {
                crate::tr!("dashboard-major-more", line = line, more = d.majors.len() - shown)
            } else {
                crate::tr!("dashboard-major", line = line)
            };
            ratatui::text::Line::styled(clean(&text), theme.style("sla.breached"))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), majors);
    let [left, right] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
    let [top, bottom] = Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
    // One selection runs through the three tables, in this order.
    let at = s.dashboard_selected;
    let (n_sup, n_part) = (d.suppliers.len(), d.participants.len());
    // Each table scrolls to keep its selected row in sight.
    let parts = [
        (crate::i18n::t("dashboard-per-supplier"), &d.suppliers, Some(at), left),
        (crate::i18n::t("dashboard-per-participant"), &d.participants, at.checked_sub(n_sup), top),
        (crate::i18n::t("dashboard-per-agent"), &d.agents, at.checked_sub(n_sup + n_part), bottom),
    ];
    for (title, rows, selected, area) in parts {
        let selected = selected.filter(|i| *i < rows.len());
        let mut state = ratatui::widgets::TableState::default().with_selected(selected);
        f.render_stateful_widget(table(title, rows, theme, selected), area, &mut state);
    }
}

fn table<'a>(title: String, rows: &'a [LevelCounts], theme: &Theme, selected: Option<usize>) -> Table<'a> {
    let count = |n: u64, role: &str| {
        let style = if n > 0 { theme.style(role) } else { theme.style("ui.dim") };
        Cell::from(Span::styled(format!("{n:>6}"), style))
    };
    let body = rows.iter().enumerate().map(move |(i, c)| {
        // The rows of the tickets without a supplier or an agent, in words.
        let name = match c.name.as_str() {
            UNROUTED => crate::i18n::t("dashboard-unrouted"),
            UNASSIGNED => crate::i18n::t("dashboard-unassigned"),
            name => clean(name),
        };
        let row = Row::new(vec![
            Cell::from(name),
            Cell::from(format!("{:>6}", c.open)),
            count(c.warning, "sla.warning"),
            count(c.breached, "sla.breached"),
        ]);
        if selected == Some(i) { row.style(theme.style("ui.selected")) } else { row }
    });
    Table::new(body, [Constraint::Min(12), Constraint::Length(6), Constraint::Length(7), Constraint::Length(8)])
        .header(
            Row::new([
                String::new(),
                crate::i18n::t("dashboard-col-open"),
                crate::i18n::t("dashboard-col-warning"),
                crate::i18n::t("dashboard-col-breached"),
            ])
            .style(theme.style("ui.header")),
        )
        .block(Block::default().borders(Borders::TOP).title(title))
        .column_spacing(1)
}
