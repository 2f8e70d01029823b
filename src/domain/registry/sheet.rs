//! CSV files as people keep them in a spreadsheet: suppliers with contacts (one row per
//! contact, an empty supplier cell continues the supplier above) or participants. `,`, `;` or
//! tab between cells, told by the header. A CSV updates only the columns it has.

use std::collections::HashMap;

use super::file::{FileError, FileErrors};
use super::model::{Contact, ContactRole, Participant, Supplier};
use super::{RegistryFile, key, lookup};
use crate::domain::place::line_at;

/// What a CSV file holds, told by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Suppliers,
    Participants,
}

impl CsvKind {
    /// The registry table it updates.
    pub fn table(self) -> &'static str {
        match self {
            CsvKind::Suppliers => "supplier",
            CsvKind::Participants => "participant",
        }
    }
}

const SUPPLIER_COLUMNS: &[&str] = &[
    "supplier",
    "aliases",
    "phone",
    "email",
    "portal",
    "hours",
    "procedure",
    "contact_name",
    "contact_role",
    "contact_level",
    "contact_phone",
    "contact_email",
];
const PARTICIPANT_COLUMNS: &[&str] = &["code", "name", "kind", "locations"];

/// A parsed CSV file: its entries, its columns, and the rows each entry came from.
#[derive(Debug, Clone)]
pub struct CsvFile {
    pub kind: CsvKind,
    /// The entries as the file has them; fields of columns it lacks are empty.
    pub registry: RegistryFile,
    /// The header's columns, as the registry names them (`contact_name`).
    pub columns: Vec<String>,
    rows: HashMap<String, Rows>,
}

/// Where an entry is in the file, by its key.
#[derive(Debug, Clone, Default)]
struct Rows {
    first: usize,
    /// The row that gave each field its value.
    fields: HashMap<&'static str, usize>,
    /// Each contact's row, by the contact's key.
    contacts: HashMap<String, usize>,
}

/// Columns whose cells may hold several lines of text.
const MULTILINE: &[&str] = &["procedure"];

/// Where a quote opens that is never closed, if one does. As the csv crate reads: a quote
/// opens a quoted cell only at the cell's start; inside one, a doubled quote is a quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut opened = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match opened {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => opened = None,
            None if b == b'"' && (i == 0 || matches!(bytes[i - 1], b'\n' | b'\r') || bytes[i - 1] == delimiter) => {
                opened = Some(i)
            }
            _ => {}
        }
        i += 1;
    }
    opened
}

/// The separator of the header line: the one of `,` `;` tab it has most of, outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.split(['\n', '\r']).next().unwrap_or("");
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    // The first of the most frequent: `,` wins a tie, and a header of one column.
    counts.iter().fold((b',', 0), |best, c| if c.1 > best.1 { *c } else { best }).0
}

/// Excel's `sep=;` first line, which names the separator: where the header starts, and the separator.
fn separator_line(text: &str) -> Option<(usize, u8)> {
    let first = text.split(['\n', '\r']).next()?;
    let sep = first.trim().strip_prefix("sep=").or_else(|| first.trim().strip_prefix("SEP="))?;
    let &[d] = sep.as_bytes() else { return None };
    let rest = &text[first.len()..];
    let eol = if rest.starts_with("\r\n") { 2 } else { usize::from(!rest.is_empty()) };
    Some((first.len() + eol, d))
}

/// The line a record starts on, from its byte offset: the csv crate's own line count is one
/// too low after `\r\n` (rust-csv#395), and its offset may point at the `\n` of the line before.
fn record_line(text: &str, byte: u64) -> usize {
    let from = (byte as usize).min(text.len());
    let skip = text.as_bytes()[from..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
    line_at(text, from + skip)
}

/// A header cell as a column name: `Contact Name` is `contact_name`.
fn column(header: &str) -> String {
    header.trim().to_lowercase().replace([' ', '-'], "_")
}

/// A CSV file's header and rows, each row with its line in the file.
pub struct Table {
    pub columns: Vec<String>,
    pub header_line: usize,
    pub rows: Vec<(usize, csv::StringRecord)>,
}

impl Table {
    /// The cell of `column` in `row`, if the file has that column and the cell is not empty.
    pub fn cell<'r>(&self, row: &'r csv::StringRecord, column: &str) -> Option<&'r str> {
        let i = self.columns.iter().position(|c| c == column)?;
        row.get(i).filter(|s| !s.is_empty())
    }
}

/// Reads a CSV as spreadsheets write it: a byte-order mark, Excel's `sep=` line, `,` `;` or tab
/// told by the header, empty rows skipped. Rows that cannot be read are errors, with their line.
pub fn read_table(file: &str, text: &str) -> Result<Table, FileErrors> {
    let err =
        |line: usize, field: &str, message: String| FileError { file: file.into(), line, field: field.into(), message };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (start, delimiter) = match separator_line(text) {
        Some(found) => found,
        None => (0, sniff_delimiter(text)),
    };
    let header_line = line_at(text, start);
    // The csv crate reads an unclosed quote to the end of the file, silently taking the rows
    // after it into one cell.
    if let Some(at) = unclosed_quote(&text[start..], delimiter) {
        let why = crate::i18n::t("csv-unclosed-quote");
        return Err(FileErrors(vec![err(line_at(text, start + at), "", why)]));
    }
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).trim(csv::Trim::All).from_reader(&text.as_bytes()[start..]);
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| {
            FileErrors(vec![err(header_line, "", crate::tr!("csv-header-unreadable", error = e.to_string()))])
        })?
        .iter()
        .map(column)
        .collect();
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| record_line(text, start as u64 + p.byte())).unwrap_or(1);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => crate::tr!(
                        "csv-row-cells",
                        cells = *len,
                        expected = *expected_len,
                        delimiter = format!("{:?}", delimiter as char)
                    ),
                    _ => crate::tr!("csv-not-valid", error = e.to_string()),
                };
                errors.push(err(line, "", message));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue; // spreadsheets save the empty rows below the table too
        }
        let line = record.position().map(|p| record_line(text, start as u64 + p.byte())).unwrap_or(1);
        rows.push((line, record));
    }
    if errors.is_empty() { Ok(Table { columns, header_line, rows }) } else { Err(FileErrors(errors)) }
}

/// Checks a header against the columns a kind of file has: each known, none twice.
pub fn check_columns(file: &str, table: &Table, known: &[&str]) -> Result<(), FileErrors> {
    let mut errors = Vec::new();
    for (i, h) in table.columns.iter().enumerate() {
        let mut error = |message: String| {
            errors.push(FileError { file: file.into(), line: table.header_line, field: h.clone(), message })
        };
        if !known.contains(&h.as_str()) {
            let near = lookup::closest(h, known.iter().copied(), 1);
            let expected = known.join(", ");
            error(match near.first() {
                Some(n) => crate::tr!("csv-unknown-column-near", near = *n, expected = expected),
                None => crate::tr!("csv-unknown-column", expected = expected),
            });
        } else if table.columns[..i].contains(h) {
            error(crate::i18n::t("csv-column-twice"));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(FileErrors(errors)) }
}

/// Parses a CSV of suppliers or participants; lists in a cell are separated by `;`.
pub fn parse_csv(file: &str, text: &str) -> Result<CsvFile, FileErrors> {
    let err =
        |line: usize, field: &str, message: String| FileError { file: file.into(), line, field: field.into(), message };
    let table = read_table(file, text)?;
    let columns = table.columns.clone();
    let kind = if columns.iter().any(|h| h == "supplier") {
        CsvKind::Suppliers
    } else if columns.iter().any(|h| h == "code") {
        CsvKind::Participants
    } else {
        let near = columns
            .iter()
            .find_map(|h| lookup::closest(h, ["supplier", "code"].into_iter(), 1).first().map(|n| (h.clone(), *n)));
        let why = match near {
            Some((h, n)) => crate::tr!("csv-no-kind-near", near = n, column = h),
            None => crate::i18n::t("csv-no-kind"),
        };
        return Err(FileErrors(vec![err(table.header_line, "", why)]));
    };
    check_columns(file, &table, if kind == CsvKind::Suppliers { SUPPLIER_COLUMNS } else { PARTICIPANT_COLUMNS })?;
    let mut errors = Vec::new();
    let mut sheet = CsvFile { kind, registry: RegistryFile::default(), columns: Vec::new(), rows: HashMap::new() };
    let mut current: Option<usize> = None;
    for (line, record) in &table.rows {
        let line = *line;
        for (name, cell) in columns.iter().zip(record.iter()) {
            if cell.contains(['\n', '\r']) && !MULTILINE.contains(&name.as_str()) {
                errors.push(err(line, name, crate::i18n::t("csv-line-break-in-cell")));
            }
        }
        let row = Row { columns: &columns, record };
        let result = match kind {
            CsvKind::Suppliers => sheet.supplier_row(&row, line, &mut current),
            CsvKind::Participants => sheet.participant_row(&row, line, &mut current),
        };
        errors.extend(result.err().into_iter().flatten().map(|(field, message)| err(line, field, message)));
    }
    sheet.columns = columns;
    if errors.is_empty() { Ok(sheet) } else { Err(FileErrors(errors)) }
}

struct Row<'a> {
    columns: &'a [String],
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn cell(&self, name: &str) -> Option<String> {
        let i = self.columns.iter().position(|c| c == name)?;
        self.record.get(i).filter(|s| !s.is_empty()).map(str::to_string)
    }

    fn list(&self, name: &str) -> Vec<String> {
        self.cell(name)
            .map(|s| s.split(';').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
            .unwrap_or_default()
    }
}

type RowErrors = Vec<(&'static str, String)>;

/// Sets a field from a row, unless an earlier row of the entry gave it another value.
fn set(
    field: &'static str,
    value: Option<String>,
    slot: &mut Option<String>,
    rows: &mut Rows,
    line: usize,
    entry: &str,
    errors: &mut RowErrors,
) {
    let Some(v) = value else { return };
    match slot {
        Some(old) if *old != v => errors.push((
            field,
            crate::tr!("csv-differs", value = format!("{v:?}"), old = format!("{old:?}"), entry = format!("{entry:?}")),
        )),
        Some(_) => {}
        None => {
            *slot = Some(v);
            rows.fields.insert(field, line);
        }
    }
}

impl CsvFile {
    fn supplier_row(&mut self, row: &Row, line: usize, current: &mut Option<usize>) -> Result<(), RowErrors> {
        let mut errors = RowErrors::new();
        let idx = match row.cell("supplier") {
            Some(name) => match self.registry.supplier.iter().position(|s| key(&s.name) == key(&name)) {
                Some(i) => i,
                None => {
                    self.registry.supplier.push(Supplier {
                        name: name.clone(),
                        aliases: vec![],
                        phone: None,
                        email: None,
                        portal: None,
                        hours: None,
                        procedure: None,
                        contacts: vec![],
                    });
                    self.rows.insert(key(&name), Rows { first: line, ..Rows::default() });
                    self.registry.supplier.len() - 1
                }
            },
            None => match *current {
                Some(i) => i,
                None => {
                    return Err(vec![("supplier", crate::i18n::t("csv-no-supplier-above"))]);
                }
            },
        };
        *current = Some(idx);
        let sup = &mut self.registry.supplier[idx];
        let rows = self.rows.entry(key(&sup.name)).or_default();
        let name = sup.name.clone();
        set("phone", row.cell("phone"), &mut sup.phone, rows, line, &name, &mut errors);
        set("email", row.cell("email"), &mut sup.email, rows, line, &name, &mut errors);
        set("portal", row.cell("portal"), &mut sup.portal, rows, line, &name, &mut errors);
        set("hours", row.cell("hours"), &mut sup.hours, rows, line, &name, &mut errors);
        set("procedure", row.cell("procedure"), &mut sup.procedure, rows, line, &name, &mut errors);
        for alias in row.list("aliases") {
            if !sup.aliases.iter().any(|a| key(a) == key(&alias)) {
                rows.fields.entry("aliases").or_insert(line);
                sup.aliases.push(alias);
            }
        }
        if let Some(contact_name) = row.cell("contact_name") {
            let role_text = row.cell("contact_role").unwrap_or_else(|| "other".into());
            let role = ContactRole::parse(&role_text);
            if role.is_none() {
                let why = crate::tr!("csv-unknown-role", role = format!("{role_text:?}"));
                errors.push(("contact_role", why));
            }
            let level = match row.cell("contact_level").map(|l| l.parse::<u32>()) {
                None => None,
                Some(Ok(l)) => Some(l),
                Some(Err(_)) => {
                    errors.push(("contact_level", crate::i18n::t("csv-level-not-a-number")));
                    None
                }
            };
            if let Some(&other) = rows.contacts.get(&key(&contact_name)) {
                let why = crate::tr!(
                    "csv-contact-twice",
                    contact = format!("{contact_name:?}"),
                    supplier = format!("{name:?}"),
                    line = other
                );
                errors.push(("contact_name", why));
            }
            if let (Some(role), true) = (role, errors.is_empty()) {
                rows.contacts.insert(key(&contact_name), line);
                let (phone, email) = (row.cell("contact_phone"), row.cell("contact_email"));
                sup.contacts.push(Contact { name: contact_name, role, level, phone, email });
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    fn participant_row(&mut self, row: &Row, line: usize, current: &mut Option<usize>) -> Result<(), RowErrors> {
        let mut errors = RowErrors::new();
        let has_name = row.columns.iter().any(|c| c == "name");
        let idx = match row.cell("code") {
            Some(code) => match self.registry.participant.iter().position(|p| key(&p.code) == key(&code)) {
                Some(i) => i,
                None => {
                    if has_name && row.cell("name").is_none() {
                        return Err(vec![("name", crate::i18n::t("reg-must-not-be-empty"))]);
                    }
                    let name = String::new();
                    self.registry.participant.push(Participant {
                        code: code.clone(),
                        name,
                        kind: None,
                        locations: vec![],
                    });
                    self.rows.insert(key(&code), Rows { first: line, ..Rows::default() });
                    self.registry.participant.len() - 1
                }
            },
            None => match *current {
                Some(i) => i,
                None => {
                    return Err(vec![("code", crate::i18n::t("csv-no-participant-above"))]);
                }
            },
        };
        *current = Some(idx);
        let p = &mut self.registry.participant[idx];
        let rows = self.rows.entry(key(&p.code)).or_default();
        let code = p.code.clone();
        let mut name = Some(p.name.clone()).filter(|n| !n.is_empty());
        set("name", row.cell("name"), &mut name, rows, line, &code, &mut errors);
        p.name = name.unwrap_or_default();
        set("kind", row.cell("kind"), &mut p.kind, rows, line, &code, &mut errors);
        for place in row.list("locations") {
            if !p.locations.contains(&place) {
                rows.fields.entry("locations").or_insert(line);
                p.locations.push(place);
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    fn has(&self, column: &str) -> bool {
        self.columns.iter().any(|c| c == column)
    }

    /// The stored registry with this file applied: its entries updated in the columns the file
    /// has, new ones added; with `replace`, the entries of its table it does not list removed.
    /// Nothing else changes.
    pub fn apply(&self, stored: &RegistryFile, replace: bool) -> RegistryFile {
        let mut out = stored.clone();
        match self.kind {
            CsvKind::Suppliers => {
                out.supplier = merge(
                    &stored.supplier,
                    &self.registry.supplier,
                    replace,
                    |s| &s.name,
                    |old, new| self.update_supplier(old, new),
                )
            }
            CsvKind::Participants => {
                out.participant = merge(
                    &stored.participant,
                    &self.registry.participant,
                    replace,
                    |p| &p.code,
                    |old, new| {
                        // Matched by key; the stored spelling stays (a spreadsheet's `zyl` is
                        // no rename of ZYL).
                        let mut p = old.clone();
                        if self.has("name") {
                            p.name = new.name.clone();
                        }
                        if self.has("kind") {
                            p.kind = new.kind.clone();
                        }
                        if self.has("locations") {
                            p.locations = new.locations.clone();
                        }
                        p
                    },
                )
            }
        }
        out
    }

    fn update_supplier(&self, old: &Supplier, new: &Supplier) -> Supplier {
        // Matched by key; the stored spelling of the name stays, as of a contact's below.
        let mut s = old.clone();
        let fields: [(&str, &mut Option<String>, &Option<String>); 5] = [
            ("phone", &mut s.phone, &new.phone),
            ("email", &mut s.email, &new.email),
            ("portal", &mut s.portal, &new.portal),
            ("hours", &mut s.hours, &new.hours),
            ("procedure", &mut s.procedure, &new.procedure),
        ];
        for (column, slot, value) in fields {
            if self.has(column) {
                *slot = value.clone();
            }
        }
        if self.has("aliases") {
            s.aliases = new.aliases.clone();
        }
        for c in &new.contacts {
            match s.contacts.iter_mut().find(|x| key(&x.name) == key(&c.name)) {
                None => s.contacts.push(c.clone()),
                Some(slot) => {
                    if self.has("contact_role") {
                        slot.role = c.role;
                    }
                    if self.has("contact_level") {
                        slot.level = c.level;
                    }
                    if self.has("contact_phone") {
                        slot.phone = c.phone.clone();
                    }
                    if self.has("contact_email") {
                        slot.email = c.email.clone();
                    }
                }
            }
        }
        s
    }

    /// The column of this file that a registry field comes from, as the user knows it:
    /// `contact[2].level` is `contact_level`, a supplier's `name` is `supplier`.
    pub(super) fn column(&self, field: &str) -> String {
        if let Some(rest) = field.strip_prefix("contact[")
            && let Some((_, sub)) = rest.split_once("].")
        {
            return format!("contact_{sub}");
        }
        match (self.kind, field) {
            (CsvKind::Suppliers, "name") => "supplier".into(),
            _ => field.to_string(),
        }
    }

    /// The line in this file of `field` of the entry `entry` of `table` (in `merged`, at
    /// `index`), if this file holds that entry.
    pub(super) fn line(
        &self,
        table: &str,
        entry: &str,
        field: &str,
        merged: &RegistryFile,
        index: Option<usize>,
    ) -> Option<usize> {
        if table != self.kind.table() {
            return None;
        }
        let rows = self.rows.get(&key(entry))?;
        if let Some(rest) = field.strip_prefix("contact[") {
            let k: usize = rest.split(']').next()?.parse().ok()?;
            let contact = merged.supplier.get(index?)?.contacts.get(k.checked_sub(1)?)?;
            return Some(rows.contacts.get(&key(&contact.name)).copied().unwrap_or(rows.first));
        }
        let top = field.split(['.', '[']).next().unwrap_or("");
        Some(rows.fields.iter().find(|(f, _)| **f == top).map(|(_, l)| *l).unwrap_or(rows.first))
    }
}

/// `stored` with each of `new` merged into the entry of the same key, or added; with
/// `replace`, only the entries `new` has.
fn merge<T: Clone>(
    stored: &[T],
    new: &[T],
    replace: bool,
    name: impl Fn(&T) -> &String,
    update: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    let mut out: Vec<T> = if replace { Vec::new() } else { stored.to_vec() };
    for n in new {
        let k = key(name(n));
        let merged = match stored.iter().find(|s| key(name(s)) == k) {
            Some(old) => update(old, n),
            None => n.clone(),
        };
        match out.iter_mut().find(|s| key(name(s)) == k) {
            Some(slot) => *slot = merged,
            None => out.push(merged),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sniff_delimiter;

    #[test]
    fn the_header_tells_the_delimiter() {
        assert_eq!(sniff_delimiter("supplier,phone\n"), b',');
        assert_eq!(sniff_delimiter("supplier;phone;\"a,b\"\r\nx,y,z,w"), b';');
        assert_eq!(sniff_delimiter("supplier\tphone"), b'\t');
        assert_eq!(sniff_delimiter("code\n"), b',');
        assert_eq!(sniff_delimiter("\"x;y\",code"), b',', "quoted separators do not count");
    }

    #[test]
    fn excel_may_name_the_separator_on_a_line_of_its_own() {
        let sheet = super::parse_csv("s.csv", "sep=|\r\nsupplier|phone\r\nIddink|+31 1\r\n").unwrap();
        assert_eq!(sheet.registry.supplier[0].phone.as_deref(), Some("+31 1"));
        let err = super::parse_csv("s.csv", "sep=;\nsupplier;contact_name;contact_role\nIddink;X;boss\n").unwrap_err();
        assert_eq!(err.0[0].line, 3, "lines count the sep= line: {err}");
        let err = super::parse_csv("s.csv", "sep=;\nsuplier;phone\n").unwrap_err();
        assert_eq!(err.0[0].line, 2, "{err}");
        assert!(err.to_string().contains("did you mean supplier for suplier?"), "{err}");
    }
}
