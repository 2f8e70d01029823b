//! The keys of the screen below, from the live keymap: it cannot disagree with what keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::keymap::{Keymap, Mode};
use crate::ui::state::{Screen, State};
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, s: &State, theme: &Theme, keys: &Keymap, r: Rect) {
    let below = s.screens.iter().rev().nth(1).copied().unwrap_or(Screen::Queue);
    let mode = below.mode();
    let head = crate::tr!("help-header", screen = screen_name(mode));
    let head = Line::from(Span::styled(head, theme.style("ui.header")));
    f.render_widget(Paragraph::new(head), Rect { height: 1, ..r });
    // As few columns as it takes for every key to show, a description wrapping under its key
    // (indented) rather than cut.
    let rows = r.height.saturating_sub(1).max(1) as usize;
    let bindings = keys.bindings(mode);
    let layout = (1..=6)
        .map(|columns| (columns, lay_out(&bindings, (r.width / columns as u16) as usize, rows, columns)))
        .find(|(_, fits)| fits.is_some())
        .and_then(|(columns, fits)| Some((columns, fits?)));
    // Too many to fit: two long columns, scrolled (j/k, page keys) to the last screenful.
    let (columns, chunks, scroll) = match layout {
        Some((columns, chunks)) => (columns, chunks, 0),
        None => {
            let halves = halves(&bindings, (r.width / 2) as usize);
            let last = halves.iter().map(Vec::len).max().unwrap_or(0).saturating_sub(rows);
            (2, halves, usize::from(s.help_scroll).min(last))
        }
    };
    let width = r.width / columns as u16;
    for (c, lines) in chunks.into_iter().enumerate() {
        let lines: Vec<Line> = lines
            .into_iter()
            .skip(scroll)
            .map(|(key, text)| Line::from(vec![Span::styled(key, theme.style("ui.key")), Span::raw(text)]))
            .collect();
        let area = Rect { x: r.x + width * c as u16, y: r.y + 1, width, height: r.height.saturating_sub(1) };
        f.render_widget(Paragraph::new(lines), area);
    }
}

/// The bindings in two columns of `width` as long as they need to be.
fn halves(bindings: &[(String, crate::ui::action::Action)], width: usize) -> Vec<Vec<Shown>> {
    let all = lay_out(bindings, width, usize::MAX, 1).unwrap_or_default().concat();
    // Split at a key, not inside a wrapped description.
    let mut at = all.len().div_ceil(2);
    while at < all.len() && all[at].0.trim().is_empty() {
        at += 1;
    }
    let (a, b) = all.split_at(at);
    vec![a.to_vec(), b.to_vec()]
}

/// How many lines the help's longest column has when it does not fit in `rows` (`None` when it
/// fits and does not scroll).
pub fn overflow(s: &State, keys: &Keymap, cols: u16, rows: usize) -> Option<usize> {
    let below = s.screens.iter().rev().nth(1).copied().unwrap_or(Screen::Queue);
    let bindings = keys.bindings(below.mode());
    let fits = (1..=6).any(|columns| lay_out(&bindings, (cols / columns as u16) as usize, rows, columns).is_some());
    (!fits).then(|| halves(&bindings, (cols / 2) as usize).iter().map(Vec::len).max().unwrap_or(0))
}

type Shown = (String, String);

fn line_of((key, action): &(String, crate::ui::action::Action)) -> Shown {
    (format!("{key:>9} "), action.describe())
}

/// The screen whose keys are shown, as the header names it.
fn screen_name(mode: Mode) -> String {
    match mode {
        Mode::Global => crate::i18n::t("help-screen-global"),
        Mode::Queue => crate::i18n::t("help-screen-queue"),
        Mode::Intake => crate::i18n::t("help-screen-intake"),
        Mode::Registry => crate::i18n::t("help-screen-registry"),
        Mode::Dashboard => crate::i18n::t("help-screen-dashboard"),
        Mode::Regie => crate::i18n::t("help-screen-regie"),
        Mode::Ticket => crate::i18n::t("help-screen-ticket"),
        Mode::Lookup => crate::i18n::t("help-screen-lookup"),
        Mode::Search => crate::i18n::t("help-screen-search"),
        Mode::Help => crate::i18n::t("help-screen-help"),
        Mode::Status => crate::i18n::t("help-screen-status"),
        Mode::Input => crate::i18n::t("help-screen-input"),
    }
}

/// The bindings in columns of `width`, each description wrapped at words under its key; `None`
/// when they need more than `most` columns of `rows` lines.
fn lay_out(
    bindings: &[(String, crate::ui::action::Action)],
    width: usize,
    rows: usize,
    most: usize,
) -> Option<Vec<Vec<Shown>>> {
    let text_width = width.checked_sub(11).filter(|w| *w >= 12)?;
    let mut columns: Vec<Vec<Shown>> = vec![Vec::new()];
    for b in bindings {
        let (key, text) = line_of(b);
        let mut lines = Vec::new();
        let mut current = String::new();
        for word in text.split(' ') {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > text_width {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        lines.push(current);
        let last = columns.last_mut().expect("one column at least");
        if last.len() + lines.len() > rows {
            if lines.len() > rows {
                return None;
            }
            columns.push(Vec::new());
        }
        let column = columns.last_mut().expect("one column at least");
        for (i, line) in lines.into_iter().enumerate() {
            let k = if i == 0 { key.clone() } else { " ".repeat(10) };
            column.push((k, line));
        }
    }
    (columns.len() <= most).then_some(columns)
}
