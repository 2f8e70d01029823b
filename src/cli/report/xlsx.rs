//! `--format xlsx`: a workbook for the meeting, one sheet per section, numbers as numbers and
//! the detail's instants as dates, written by rust_xlsxwriter.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::table::Table;
use crate::cli::Failure;

/// Writes each table on a sheet of its own, through a temporary file renamed when complete.
pub fn write(path: &Path, sheets: &[(&str, &Table)]) -> Result<(), Failure> {
    let fail = |e: rust_xlsxwriter::XlsxError| Failure::Runtime(format!("{}: {e}", path.display()));
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (name, table) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).map_err(fail)?;
        for (c, h) in table.header().iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &bold).map_err(fail)?;
        }
        // Numbers only in columns of numbers: a supplier's reference "2024.10" stays text.
        let numeric: Vec<bool> =
            (0..table.header().len()).map(|c| table.rows().iter().all(|r| blank(&r[c]) || is_figure(&r[c]))).collect();
        for (r, row) in table.rows().iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                if blank(cell) {
                    continue;
                }
                if let Some(n) = cell.parse::<f64>().ok().filter(|_| numeric[c as usize]) {
                    sheet.write_number(r, c, n).map_err(fail)?;
                } else if let Some(t) = local_instant(cell) {
                    sheet.write_datetime_with_format(r, c, &t, &when).map_err(fail)?;
                } else {
                    sheet.write_string(r, c, cell).map_err(fail)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
        sheet.autofit();
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".report.")
        .suffix(".xlsx.partial")
        .tempfile_in(folder)
        .map_err(|e| Failure::Runtime(format!("cannot write in {}: {e}", folder.display())))?;
    book.save(tmp.path()).map_err(fail)?;
    tmp.persist(path).map_err(|e| Failure::Runtime(format!("{}: {}", path.display(), e.error)))?;
    Ok(())
}

/// No value: empty, or the dash a table for people shows.
fn blank(cell: &str) -> bool {
    matches!(cell, "" | "-" | "–")
}

/// A figure, not a code that happens to be digits: finite, no leading zero ("000123" is a
/// reference), and short enough to be exact in a spreadsheet.
fn is_figure(cell: &str) -> bool {
    let digits = cell.trim_start_matches('-');
    let leading_zero = digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.");
    cell.parse::<f64>().is_ok_and(f64::is_finite) && !leading_zero && cell.len() <= 15
}

/// An RFC 3339 instant with its offset, as the detail writes them, as the wall-clock time it
/// names (Excel keeps no zones: the helpdesk's zone is the sheet's).
fn local_instant(cell: &str) -> Option<ExcelDateTime> {
    let local = match chrono::DateTime::parse_from_rfc3339(cell) {
        Ok(t) => t.naive_local(),
        // A wall-clock time as the tables for people write it, already in the helpdesk's zone.
        Err(_) => chrono::NaiveDateTime::parse_from_str(cell, "%Y-%m-%d %H:%M").ok()?,
    };
    ExcelDateTime::from_timestamp(local.and_utc().timestamp()).ok()
}
