//! Rows of text as CSV for spreadsheets, or as aligned columns for people.

use unicode_width::UnicodeWidthStr;

use crate::cli::Failure;
use crate::domain::sanitize_line;

pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Columns wider than this are cut in the text form (never in CSV).
const MAX_WIDTH: usize = 32;

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The same table under other column names: the words a person reads for each (a CSV
    /// keeps the stable names scripts know).
    pub fn relabelled(&self, name: impl Fn(&str) -> String) -> Table {
        Table { header: self.header.iter().map(|h| name(h.as_str())).collect(), rows: self.rows.clone() }
    }

    pub fn header(&self) -> &[String] {
        &self.header
    }

    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    pub fn csv(&self) -> Result<String, Failure> {
        self.csv_as(b',', |_, c| c.to_string())
    }

    /// CSV as Dutch Excel opens it by a double click: `;` between cells, a decimal comma in
    /// numbers, and UTF-8 with a byte order mark (so that "Noël" stays Noël).
    /// Text that Excel would run as a formula (`=`, `+`, `-`, `@` first) is kept text with a
    /// leading `'`; only columns of numbers get the comma.
    pub fn csv_excel(&self) -> Result<String, Failure> {
        let number = |c: &str| c.parse::<f64>().is_ok() && !c.contains(['e', 'E', 'n', 'N', 'i', 'I']);
        let numeric: Vec<bool> =
            (0..self.header.len()).map(|i| self.rows.iter().all(|r| r[i].is_empty() || number(&r[i]))).collect();
        let cell = |i: usize, c: &str| {
            if numeric[i] {
                c.replace('.', ",")
            } else if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{c}")
            } else {
                c.to_string()
            }
        };
        Ok(format!("\u{feff}{}", self.csv_as(b';', cell)?))
    }

    fn csv_as(&self, delimiter: u8, cell: impl Fn(usize, &str) -> String) -> Result<String, Failure> {
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
        let fail = |e: csv::Error| Failure::Runtime(e.to_string());
        w.write_record(&self.header).map_err(fail)?;
        for row in &self.rows {
            w.write_record(row.iter().enumerate().map(|(i, c)| cell(i, c))).map_err(fail)?;
        }
        let bytes = w.into_inner().map_err(|e| Failure::Runtime(e.to_string()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Left-aligned columns, numbers on the right; outside text has its control characters shown.
    pub fn text(&self) -> String {
        self.text_within(MAX_WIDTH, 2)
    }

    /// As [`Table::text_within`], with cells cut shorter (down to 8 columns) until every line
    /// fits in `total` columns: a report for people stays readable in a 120-column terminal.
    pub fn text_fitting(&self, total: usize, max: usize, gap: usize) -> String {
        let mut cut = max;
        loop {
            let text = self.text_within(cut, gap);
            if cut <= 8 || text.lines().all(|l| l.width() <= total) {
                return text;
            }
            cut -= 1;
        }
    }

    /// As [`Table::text`], cells cut at `max` columns and `gap` spaces between them.
    pub fn text_within(&self, max: usize, gap: usize) -> String {
        let cells: Vec<Vec<String>> = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|r| r.iter().map(|c| clip(&sanitize_line(c), max)).collect())
            .collect();
        let widths: Vec<usize> =
            (0..self.header.len()).map(|i| cells.iter().map(|r| r[i].width()).max().unwrap_or(0)).collect();
        // Figures on the right: numbers, and cells that start with one ("40% 2/5").
        let figure = |c: &str| c.parse::<f64>().is_ok() || c.starts_with(|ch: char| ch.is_ascii_digit() || ch == '-');
        let numeric: Vec<bool> =
            (0..self.header.len()).map(|i| self.rows.iter().all(|r| r[i].is_empty() || figure(&r[i]))).collect();
        let mut s = String::new();
        for row in &cells {
            let line: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let pad = " ".repeat(widths[i] - c.width());
                    if numeric[i] { format!("{pad}{c}") } else { format!("{c}{pad}") }
                })
                .collect();
            s.push_str(line.join(&" ".repeat(gap)).trim_end());
            s.push('\n');
        }
        s
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 1 >= max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::Table;

    #[test]
    fn excel_gets_commas_in_numbers_only_and_no_formulas() {
        let mut t = Table::new(&["ref", "hours", "title"]);
        t.push(vec!["2024.10".into(), "1.5".into(), "=HYPERLINK(\"x\")".into()]);
        t.push(vec!["INC-7".into(), "-2.25".into(), "-weg".into()]);
        let csv = t.csv_excel().unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[1], "2024.10;1,5;\"'=HYPERLINK(\"\"x\"\")\"", "a reference stays as written");
        assert_eq!(lines[2], "INC-7;-2,25;'-weg");
    }
}
