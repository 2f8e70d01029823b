//! Callers: the people at the participants who call the desk. They are personal data
//! (AVG/GDPR): found by name, phone or email at intake, and let go of after the retention time.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::{Deserialize, Serialize};

use super::Registry;
use super::registry::file::{FileError, FileErrors};
use super::registry::lookup::{fold, in_order};
use super::registry::sheet::{Table, check_columns, read_table};
use crate::i18n::t;
use crate::tr;

/// A person who calls, as the desk keeps them. `id` 0 is a caller not saved yet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Caller {
    pub id: u64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The participant's code.
    pub participant: String,
    pub location: Option<String>,
    /// The participant's own id for the person (HR system or directory).
    pub directory_id: Option<String>,
}

impl Caller {
    /// The caller as a ticket names them: "Anouk de Vries (06 1234 5678)".
    pub fn label(&self) -> String {
        match self.phone.as_deref().or(self.email.as_deref()) {
            Some(reach) => format!("{} ({reach})", self.name),
            None => self.name.clone(),
        }
    }

    /// Checks the fields and writes them the way they are kept (trimmed, the participant's
    /// code); each error names its field.
    pub fn checked(mut self, reg: &Registry) -> Result<Caller, Vec<(&'static str, String)>> {
        let mut errors = Vec::new();
        self.name = self.name.trim().to_string();
        if self.name.is_empty() {
            errors.push(("name", t("rule-caller-needs-name")));
        } else if self.name.chars().count() > 100 {
            errors.push(("name", t("rule-caller-name-too-long")));
        }
        for (field, value) in [("name", Some(&self.name)), ("location", self.location.as_ref())] {
            if value.is_some_and(|v| v.chars().any(char::is_control)) {
                errors.push((field, t("rule-caller-control-character")));
            }
        }
        for field in [&mut self.phone, &mut self.email, &mut self.location, &mut self.directory_id] {
            *field = field.take().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        }
        if let Some(phone) = &self.phone
            && (!(3..=15).contains(&phone.chars().filter(char::is_ascii_digit).count())
                || phone.chars().any(|c| !(c.is_ascii_digit() || " +-().".contains(c))))
        {
            errors.push(("phone", tr!("rule-caller-bad-phone", phone = format!("{phone:?}"))));
        }
        if let Some(email) = &self.email
            && !is_email(email)
        {
            errors.push(("email", tr!("rule-caller-bad-email", email = format!("{email:?}"))));
        }
        match reg.participant_named(&self.participant) {
            Some(p) => self.participant = p.code.clone(),
            None if self.participant.trim().is_empty() => {
                errors.push(("participant", t("rule-caller-which-participant")))
            }
            None => errors.push((
                "participant",
                tr!("rule-caller-no-participant", participant = format!("{:?}", self.participant)),
            )),
        }
        if errors.is_empty() { Ok(self) } else { Err(errors) }
    }

    /// Whether this is the same person as `other` (the same directory id at the same
    /// participant, or the same email): an import updates such a caller instead of adding one.
    pub fn same_person(&self, other: &Caller) -> bool {
        let same = |a: &Option<String>, b: &Option<String>| {
            a.as_ref().zip(b.as_ref()).is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
        };
        (self.participant == other.participant && same(&self.directory_id, &other.directory_id))
            || same(&self.email, &other.email)
    }
}

fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Every caller, for finding one while they are on the line.
#[derive(Debug, Clone, Default)]
pub struct CallerBook {
    callers: Vec<Caller>,
    /// Per caller: the folded name and email, and the phone's digits.
    folded: Vec<(String, String, String)>,
}

impl CallerBook {
    pub fn new(callers: Vec<Caller>) -> Self {
        let folded = callers.iter().map(Self::fold_one).collect();
        CallerBook { callers, folded }
    }

    fn fold_one(c: &Caller) -> (String, String, String) {
        (
            fold(&c.name),
            c.email.as_deref().map(fold).unwrap_or_default(),
            c.phone.as_deref().map(digits).unwrap_or_default(),
        )
    }

    pub fn len(&self) -> usize {
        self.callers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.callers.is_empty()
    }

    pub fn get(&self, id: u64) -> Option<&Caller> {
        self.callers.iter().find(|c| c.id == id)
    }

    pub fn all(&self) -> &[Caller] {
        &self.callers
    }

    /// The book with `caller` added or replaced (by id).
    pub fn with(&self, caller: Caller) -> CallerBook {
        let mut callers = self.callers.clone();
        match callers.iter_mut().find(|c| c.id == caller.id) {
            Some(c) => *c = caller,
            None => callers.push(caller),
        }
        CallerBook::new(callers)
    }

    /// The callers that fit `query` best, best first: a fuzzy match on the name, the email's
    /// start or any part of it, or the phone's digits however they are typed. Callers of
    /// `participant` come first among equals.
    pub fn find(&self, query: &str, participant: Option<&str>, limit: usize) -> Vec<&Caller> {
        let query = fold(query.trim());
        if query.is_empty() {
            return Vec::new();
        }
        let wanted_digits = digits(&query);
        let by_phone = wanted_digits.len() >= 3 && wanted_digits.len() * 2 >= query.replace(' ', "").len();
        // +31 6 1234 5678 and 06 1234 5678 are one number: the last nine digits decide.
        let wanted_digits = wanted_digits[wanted_digits.len().saturating_sub(9)..].to_string();
        let skim = SkimMatcherV2::default().ignore_case();
        let wanted: Vec<char> = query.chars().collect();
        // Searchers made once: a hundred thousand callers are a hundred thousand searches.
        let finder = memchr::memmem::Finder::new(query.as_bytes());
        let digits_finder = memchr::memmem::Finder::new(wanted_digits.as_bytes());
        let mut scored: Vec<(i64, bool, &Caller)> = Vec::new();
        for (c, (name, email, phone)) in self.callers.iter().zip(&self.folded) {
            let score = if by_phone {
                // The tail of a number is what people read out; a match there weighs more.
                phone.ends_with(&wanted_digits).then_some(200).or(digits_finder.find(phone.as_bytes()).map(|_| 100))
            } else if let Some(at) = finder.find(name.as_bytes()) {
                // The words as typed: scored by where they stand, a word's start the best.
                let word_start = at == 0 || name[..at].ends_with(' ');
                Some(300 + if word_start { 100 } else { 0 } - at.min(99) as i64)
            } else if let Some(at) = finder.find(email.as_bytes()) {
                Some(150 + if at == 0 { 50 } else { 0 })
            } else if in_order(name, &wanted) {
                // Most names do not hold the letters in order at all: saying so is far cheaper
                // than scoring them.
                skim.fuzzy_match(name, &query)
            } else {
                None
            };
            if let Some(score) = score {
                let home = participant.is_some_and(|p| p.eq_ignore_ascii_case(&c.participant));
                scored.push((score, home, c));
            }
        }
        let order = |a: &(i64, bool, &Caller), b: &(i64, bool, &Caller)| {
            b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.name.cmp(&b.2.name))
        };
        // The best few in order; a broad query's thousands of others need not be sorted.
        if limit > 0 && scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_by(order);
        scored.into_iter().take(limit).map(|(_, _, c)| c).collect()
    }
}

const COLUMNS: &[&str] = &["name", "phone", "email", "participant", "location", "directory_id"];

/// Whether a CSV's header is that of a callers file (a `name` and a `participant`, no
/// `supplier` or `code` column as the registry's files have).
pub fn is_callers_sheet(text: &str) -> bool {
    // Read as an import reads it (after a byte-order mark or Excel's `sep=` line), but only
    // the header: the import reads the rows once, after this.
    let lines: Vec<&str> = text.lines().take(2).collect();
    let sep_line = lines.first().is_some_and(|l| l.trim_start_matches('\u{feff}').starts_with("sep="));
    let head = lines[..lines.len().min(if sep_line { 2 } else { 1 })].join("\n");
    let header = read_table("", &head).map(|t| t.columns).unwrap_or_default();
    let has = |c: &str| header.iter().any(|h| h == c);
    // A callers file without its participant column is still one, and says what it lacks.
    has("name") && (has("participant") || has("phone") || has("email")) && !has("supplier") && !has("code")
}

/// Reads a callers CSV (`name, phone, email, participant, location, directory_id`), each caller
/// checked against the registry. Every error names its line and field; one error refuses all.
/// Returns each caller with its line, and the columns the file has (it updates only those).
pub fn parse_callers(file: &str, text: &str, reg: &Registry) -> Result<CallersFile, FileErrors> {
    let table: Table = read_table(file, text)?;
    check_columns(file, &table, COLUMNS)?;
    let err = |line: usize, field: &str, message: String| FileError {
        file: file.to_string(),
        line,
        field: field.to_string(),
        message,
    };
    let mut errors = Vec::new();
    for needed in ["name", "participant"] {
        if !table.columns.iter().any(|c| c == needed) {
            errors.push(err(table.header_line, needed, t("rule-callers-needs-column")));
        }
    }
    if !errors.is_empty() {
        return Err(FileErrors(errors));
    }
    let mut callers: Vec<(usize, Caller)> = Vec::new();
    for (line, row) in &table.rows {
        let cell = |c: &str| table.cell(row, c).map(str::to_string);
        let caller = Caller {
            id: 0,
            name: cell("name").unwrap_or_default(),
            phone: cell("phone"),
            email: cell("email"),
            participant: cell("participant").unwrap_or_default(),
            location: cell("location"),
            directory_id: cell("directory_id"),
        };
        match caller.checked(reg) {
            Ok(caller) => {
                if let Some((earlier, _)) = callers.iter().find(|(_, c)| c.same_person(&caller)) {
                    let field = if caller.email.is_some() { "email" } else { "directory_id" };
                    errors.push(err(*line, field, tr!("rule-callers-same-person", line = *earlier)));
                }
                callers.push((*line, caller));
            }
            Err(list) => errors.extend(list.into_iter().map(|(field, message)| err(*line, field, message))),
        }
    }
    if errors.is_empty() { Ok(CallersFile { columns: table.columns, callers }) } else { Err(FileErrors(errors)) }
}

/// A callers file as read: its columns, and each caller with its line.
pub struct CallersFile {
    pub columns: Vec<String>,
    pub callers: Vec<(usize, Caller)>,
}

impl CallersFile {
    /// `row` as it updates `on_file`: the columns the file lacks keep what is on file.
    pub fn update(&self, on_file: &Caller, row: Caller) -> Caller {
        let has = |c: &str| self.columns.iter().any(|x| x == c);
        let keep = |c: &str, new: Option<String>, old: &Option<String>| if has(c) { new } else { old.clone() };
        Caller {
            id: on_file.id,
            phone: keep("phone", row.phone, &on_file.phone),
            email: keep("email", row.email, &on_file.email),
            location: keep("location", row.location, &on_file.location),
            directory_id: keep("directory_id", row.directory_id, &on_file.directory_id),
            name: row.name,
            participant: row.participant,
        }
    }
}

/// Whether every word typed starts a word of the caller's name, email or phone ("anouk zw" fits
/// Anouk Zwart): what an agent types for the one they mean.
pub fn fits_every_word(c: &Caller, typed: &str) -> bool {
    let theirs = fold(&format!("{} {} {}", c.name, c.email.as_deref().unwrap_or(""), c.phone.as_deref().unwrap_or("")));
    let words: Vec<&str> = theirs.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let typed = fold(typed);
    let mut wanted = typed.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).peekable();
    wanted.peek().is_some() && wanted.all(|w| words.iter().any(|x| x.starts_with(w)))
}

/// A caller as typed in one field: "Sanne Bakker 06 1234 5678 sanne@zyl.nl" (no participant).
pub fn from_typed(typed: &str) -> Caller {
    let (mut name, mut phone, mut email) = (Vec::new(), Vec::new(), None);
    for word in typed.split_whitespace() {
        let word = word.trim_matches(|c| c == ',' || c == ';' || c == '(' || c == ')');
        if word.contains('@') {
            email = Some(word.to_string());
        } else if word.chars().any(|c| c.is_ascii_digit())
            && word.chars().all(|c| c.is_ascii_digit() || "+-.".contains(c))
        {
            phone.push(word);
        } else if !word.is_empty() {
            name.push(word);
        }
    }
    let phone = (!phone.is_empty()).then(|| phone.join(" "));
    Caller { id: 0, name: name.join(" "), phone, email, ..Default::default() }
}

/// What stands in for a caller's personal data after the retention time.
pub const REMOVED: &str = "[caller]";

/// Takes a caller's personal data out of a closed ticket and its journal: the caller, and
/// their name, phone and email wherever the texts mention them. Everything reports count
/// (times, clocks, statuses, who of the desk did what) stays. Returns the journal entry that
/// records it; the ticket's version moves on.
pub fn anonymise(
    t: &mut super::Ticket,
    journal: &mut [super::ticket::JournalEntry],
    on_file: Option<&Caller>,
    at: chrono::DateTime<chrono::Utc>,
    by: &str,
) -> super::ticket::JournalEntry {
    use super::ticket::Event;
    let mut said = Said::default();
    if let Some(text) = t.caller.take() {
        said.add_typed(&text);
    }
    if let Some(c) = on_file {
        said.add_name(&c.name);
        said.phones.extend(c.phone.as_deref().map(digits));
        said.emails.extend(c.email.clone());
    }
    let scrub = |text: &mut String| {
        let scrubbed = said.scrub(text);
        if scrubbed != *text {
            *text = scrubbed;
        }
    };
    scrub(&mut t.title);
    scrub(&mut t.description);
    for text in t.solution.iter_mut().chain(t.satisfaction_remark.iter_mut()) {
        scrub(text);
    }
    for entry in journal.iter_mut() {
        match &mut entry.event {
            Event::Note { text }
            | Event::Contact { text, .. }
            | Event::SupplierReply { text }
            | Event::SupplierSolved { text }
            | Event::Solution { text } => scrub(text),
            Event::RoutingOverridden { reason, .. } => scrub(reason),
            Event::Satisfaction { remark: Some(r), .. } => scrub(r),
            _ => {}
        }
    }
    t.caller_id = None;
    t.anonymised = true;
    t.version += 1;
    t.updated_at = at;
    t.updated_by = by.to_string();
    t.journal_len += 1;
    super::ticket::JournalEntry { at, by: by.to_string(), event: Event::Anonymised }
}

/// Name parts that are not a person's name on their own ("Anouk van Dijk": `van` stays).
const PARTICLES: &[&str] = &["van", "der", "den", "ter", "ten", "het", "von", "del", "des", "les"];

/// What identifies a caller in free text: their whole name, its words, phone numbers (by their
/// digits, however written) and email addresses.
#[derive(Debug, Default)]
struct Said {
    names: Vec<String>,
    phones: Vec<String>,
    emails: Vec<String>,
}

impl Said {
    /// A caller as a ticket's free text names them: "Piet Jansen (06 1234 5678)".
    fn add_typed(&mut self, text: &str) {
        let typed = from_typed(text);
        self.add_name(&typed.name);
        self.phones.extend(typed.phone.as_deref().map(digits));
        self.emails.extend(typed.email);
    }

    fn add_name(&mut self, name: &str) {
        let name = name.trim();
        if name.chars().count() >= 3 {
            self.names.push(name.to_string());
        }
        for word in name.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.chars().count() >= 3 && !PARTICLES.contains(&word.to_lowercase().as_str()) {
                self.names.push(word.to_string());
            }
        }
    }

    fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        // The longest first: the whole name before its words.
        let mut words: Vec<&String> = self.names.iter().chain(&self.emails).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        for w in words {
            out = replace_word(&out, w);
        }
        for p in self.phones.iter().filter(|p| p.len() >= 6) {
            out = replace_phone(&out, p);
        }
        out
    }
}

/// `text` with every whole-word occurrence of `word` (case aside) replaced by [`REMOVED`].
fn replace_word(text: &str, word: &str) -> String {
    let hay: Vec<char> = text.chars().collect();
    let needle: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let lower: Vec<char> = hay.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    if needle.is_empty() || lower.len() != hay.len() {
        return text.to_string();
    }
    let boundary = |i: Option<&char>| i.is_none_or(|c| !c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < hay.len() {
        let fits = lower[i..].starts_with(&needle)
            && (i == 0 || boundary(hay.get(i - 1)))
            && boundary(hay.get(i + needle.len()));
        if fits {
            out.push_str(REMOVED);
            i += needle.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// `text` with every phone number whose digits are `wanted`'s replaced, however it is written
/// (`06-1234 5678`, `+31 6 12345678`: the last nine digits decide).
fn replace_phone(text: &str, wanted: &str) -> String {
    let same = |found: &str| {
        let tail = |d: &str| d[d.len().saturating_sub(9)..].to_string();
        found == wanted || (found.len() >= 9 && wanted.len() >= 9 && tail(found) == tail(wanted))
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || chars[i] == '+' {
            // A run of digits and the separators phone numbers are written with.
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || " +-.()".contains(chars[j])) {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            let trimmed = run.trim_end_matches([' ', '-', '.', '(']);
            if same(&digits(trimmed)) {
                out.push_str(REMOVED);
                out.push_str(&run[trimmed.len()..]);
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callers_name_phone_and_email_go_however_they_are_written() {
        let mut said = Said::default();
        said.add_typed("Anouk van Dijk (06 1234 5678)");
        said.emails.push("anouk@zyl.nl".into());
        let text = "ANOUK belde: van Dijk bereikbaar op +31 6 1234 5678 of Anouk@ZYL.nl; Januari-rooster, van de week";
        assert_eq!(
            said.scrub(text),
            "[caller] belde: van [caller] bereikbaar op [caller] of [caller]; Januari-rooster, van de week"
        );
        let mut short = Said::default();
        short.add_name("Jan");
        assert_eq!(short.scrub("Jan belt in januari"), "[caller] belt in januari");
    }
}
