//! Backups: one portable, versioned file with everything (registry, tickets, journals), checked
//! by counts and a CRC before a restore writes anything.
//!
//! ```text
//! SPOC-BACKUP 2
//! {"registry": {...}}
//! {"caller": {...}}                         one line per caller on file
//! {"ticket": {...}, "journal": [...]}      one line per ticket
//! {"end": {"tickets": N, "journal_entries": M, "callers": K, "crc32": C}}
//! ```
//! The CRC covers every byte before the `end` line, the header included.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::domain::Ticket;
use crate::domain::registry::RegistryFile;
use crate::domain::ticket::JournalEntry;
use crate::i18n::t;
use crate::tr;

const HEADER: &str = "SPOC-BACKUP";
/// Format 2 added callers on file (and the tickets' fields that go with them); format 1 reads
/// as it was.
const FORMAT: u32 = 2;
const READS: &[&str] = &["1", "2"];

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{what}: {source}")]
    Io { what: String, source: std::io::Error },
    #[error("{}", crate::tr!("store-backup-foreign", name = name.as_str(), header = HEADER))]
    Foreign { name: String },
    #[error(
        "{}",
        crate::tr!("store-backup-version", name = name.as_str(), found = found.as_str(), newest = FORMAT)
    )]
    Version { name: String, found: String },
    #[error("{}", crate::tr!("store-backup-damaged", name = name.as_str(), line = *line, why = why.as_str()))]
    Damaged { name: String, line: usize, why: String },
    /// Sound bytes, but content this spoc refuses (a registry that does not validate).
    #[error("{}", crate::tr!("store-backup-invalid", name = name.as_str(), line = *line, why = why.as_str()))]
    Invalid { name: String, line: usize, why: String },
    #[error("{}", crate::tr!("store-backup-not-empty", dir = .0.display().to_string()))]
    NotEmpty(PathBuf),
    #[error("{}", crate::tr!("store-backup-no-room", dir = dir.display().to_string(), keep = *keep_mib))]
    NoRoom { dir: PathBuf, keep_mib: u64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn io_error(what: &str) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io { what: what.to_string(), source }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupSummary {
    pub tickets: u64,
    pub journal_entries: u64,
    #[serde(default)]
    pub callers: u64,
    /// A restore: the tickets the store held before, which it replaced.
    #[serde(default)]
    pub replaced: u64,
    /// A restore: the number the next ticket gets (never one given before).
    #[serde(default)]
    pub next_ticket: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Line {
    Registry(Box<RegistryFile>),
    Caller(Box<crate::domain::caller::Caller>),
    Ticket {
        ticket: Box<Ticket>,
        journal: Vec<JournalEntry>,
    },
    End {
        tickets: u64,
        journal_entries: u64,
        /// Backups from before callers were kept have none.
        #[serde(default)]
        callers: u64,
        crc32: u32,
    },
}

/// Writes a backup to `out`. The caller keeps writers out meanwhile, and decides where the
/// bytes go: the server streams them to the client, which writes the file with its own rights.
pub fn write(store: &Store, out: &mut dyn Write) -> Result<BackupSummary, BackupError> {
    let what = t("store-backup-writing");
    let io = io_error(&what);
    let mut out = BufWriter::with_capacity(256 * 1024, out);
    let mut crc = crc32fast::Hasher::new();
    let mut put = |out: &mut BufWriter<&mut dyn Write>, text: &[u8]| -> Result<(), BackupError> {
        crc.update(text);
        out.write_all(text).map_err(&io)
    };
    put(&mut out, format!("{HEADER} {FORMAT}\n").as_bytes())?;
    let registry = store.registry()?.unwrap_or_default();
    put(&mut out, &json_line(&Line::Registry(Box::new(registry))))?;
    let mut summary = BackupSummary { tickets: 0, journal_entries: 0, callers: 0, replaced: 0, next_ticket: 0 };
    for caller in store.callers()? {
        summary.callers += 1;
        put(&mut out, &json_line(&Line::Caller(Box::new(caller))))?;
    }
    for kv in store.tickets.iter() {
        let (_, bytes) = kv.map_err(StoreError::from)?;
        let ticket = super::encoding::decode_ticket(&bytes)?;
        let journal = store.journal(ticket.id)?;
        summary.tickets += 1;
        summary.journal_entries += journal.len() as u64;
        put(&mut out, &json_line(&Line::Ticket { ticket: Box::new(ticket), journal }))?;
    }
    let end = Line::End {
        tickets: summary.tickets,
        journal_entries: summary.journal_entries,
        callers: summary.callers,
        crc32: crc.finalize(),
    };
    out.write_all(&json_line(&end)).map_err(&io)?;
    out.flush().map_err(&io)?;
    Ok(summary)
}

/// The longest line a backup may have: a ticket with its whole journal.
const MAX_LINE: u64 = 64 * 1024 * 1024;
/// How often an upload looks at the room left on the disk.
const ROOM_EVERY: u64 = 16 * 1024 * 1024;

/// Copies an incoming backup into a file of the store's own folder (the server's, with the
/// folder's rights), so that it can be checked whole before anything is written; `name` is what
/// the agent calls it. What cannot
/// be a backup is refused as it comes, so that nobody fills the shared disk: a first line that
/// is not the header, a line longer than any ticket, or more than the room the disk has left
/// beside the store.
pub fn spool(dir: &Path, input: &mut dyn Read, name: &str) -> Result<tempfile::NamedTempFile, BackupError> {
    let what = t("store-backup-receiving");
    let io = io_error(&what);
    let mut file = tempfile::Builder::new().prefix(".restore-").suffix(".incoming").tempfile_in(dir).map_err(&io)?;
    let name = name.to_string();
    let mut buf = vec![0u8; 1024 * 1024];
    let (mut header, mut header_done) = (Vec::new(), false);
    let (mut line, mut lines, mut total, mut look_again) = (0u64, 1usize, 0u64, 0u64);
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        let chunk = &buf[..n];
        if !header_done {
            let end = memchr::memchr(b'\n', chunk);
            header.extend_from_slice(&chunk[..end.unwrap_or(n)]);
            header_done = end.is_some();
            // The start of the header, on a first line of reasonable length: a later format's
            // longer version still reads as a backup (and `read` names its version).
            let fits = header.len() <= 256 && HEADER.as_bytes().starts_with(&header[..header.len().min(HEADER.len())]);
            if !fits || (header_done && !header.starts_with(HEADER.as_bytes())) {
                return Err(BackupError::Foreign { name });
            }
        }
        let newlines = memchr::memchr_iter(b'\n', chunk).count();
        line = match memchr::memrchr(b'\n', chunk) {
            Some(at) => (n - at - 1) as u64,
            None => line + n as u64,
        };
        lines += newlines;
        if line > MAX_LINE {
            let why = tr!("store-backup-line-too-long", mib = MAX_LINE / (1024 * 1024));
            return Err(BackupError::Damaged { name, line: lines, why });
        }
        total += n as u64;
        if total >= look_again {
            // Looked at again before a quarter of what is left could be written.
            look_again = total + (room_left(dir, n as u64, total)? / 4).clamp(1, ROOM_EVERY);
        }
        file.write_all(chunk).map_err(&io)?;
    }
    file.flush().map_err(&io)?;
    Ok(file)
}

/// The bytes that may still come after `coming`, when an upload of `total` bytes so far is to
/// fit beside the store it becomes (about one and a half times its size: twice is kept free)
/// and a twentieth of the disk (at most 256 MiB) stays free besides, for the folder is shared.
/// An upload that would not fit is refused as it comes.
fn room_left(dir: &Path, coming: u64, total: u64) -> Result<u64, BackupError> {
    let Ok(fs) = nix::sys::statvfs::statvfs(dir) else { return Ok(ROOM_EVERY) };
    // The widths of statvfs's fields differ between platforms.
    #[allow(clippy::unnecessary_cast)]
    let block = fs.fragment_size() as u64;
    #[allow(clippy::unnecessary_cast)]
    let (free, size) = (fs.blocks_available() as u64 * block, fs.blocks() as u64 * block);
    let keep = (size / 20).min(256 * 1024 * 1024);
    match free.checked_sub(coming.saturating_add(keep).saturating_add(total.saturating_mul(2))) {
        Some(left) => Ok(left),
        None => Err(BackupError::NoRoom { dir: dir.to_path_buf(), keep_mib: keep.div_ceil(1024 * 1024) }),
    }
}

/// The highest ticket number a backup may hold: what the word index counts to (2^31 - 1),
/// far beyond any servicedesk's.
const MAX_TICKET_ID: u64 = (1 << 31) - 1;

/// serde's message without its own "at line 1 column N": each backup line is read on its own,
/// and the line is the backup's, said beside it.
fn json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = text.rsplit_once(" at line ").map_or(text.as_str(), |(what, _)| what);
    format!("{what} (column {})", e.column())
}

fn json_line(line: &Line) -> Vec<u8> {
    let mut v = serde_json::to_vec(line).expect("backup lines serialize");
    v.push(b'\n');
    v
}

/// Reads the whole backup and checks it, calling `each` for every record in order.
/// `name` is what the user calls the file, for messages.
fn read(
    path: &Path,
    name: &str,
    mut each: impl FnMut(Line) -> Result<(), BackupError>,
) -> Result<BackupSummary, BackupError> {
    let io = io_error(name);
    let damaged = |line: usize, why: String| BackupError::Damaged { name: name.to_string(), line, why };
    let mut reader = BufReader::new(File::open(path).map_err(&io)?);
    let mut crc = crc32fast::Hasher::new();
    let mut buf = Vec::new();
    reader.read_until(b'\n', &mut buf).map_err(&io)?;
    let header = String::from_utf8_lossy(&buf).trim_end().to_string();
    let Some(version) = header.strip_prefix(HEADER) else {
        return Err(BackupError::Foreign { name: name.to_string() });
    };
    if !READS.contains(&version.trim()) {
        return Err(BackupError::Version { name: name.to_string(), found: version.trim().to_string() });
    }
    crc.update(&buf);
    let mut counted = BackupSummary { tickets: 0, journal_entries: 0, callers: 0, replaced: 0, next_ticket: 0 };
    let mut ids = std::collections::HashSet::new();
    let mut links: Vec<(usize, u64, u64)> = Vec::new();
    let mut line_no = 1;
    loop {
        buf.clear();
        line_no += 1;
        if reader.read_until(b'\n', &mut buf).map_err(&io)? == 0 {
            return Err(damaged(line_no, t("store-backup-truncated")));
        }
        if buf.last() != Some(&b'\n') {
            return Err(damaged(line_no, t("store-backup-cut-off")));
        }
        let line: Line = serde_json::from_slice(&buf).map_err(|e| damaged(line_no, json_error(&e)))?;
        match line {
            Line::End { tickets, journal_entries, callers, crc32 } => {
                // A call linked to a major incident the backup does not hold would point at
                // whatever ticket gets that number next.
                if let Some((at, id, major)) = links.iter().find(|(_, _, major)| !ids.contains(major)) {
                    let why = tr!("store-backup-link-missing", id = *id, major = *major);
                    return Err(BackupError::Invalid { name: name.to_string(), line: *at, why });
                }
                if crc32 != crc.finalize() {
                    return Err(damaged(line_no, t("store-backup-checksum")));
                }
                if callers != counted.callers {
                    let why = tr!("store-backup-callers-count", said = callers, held = counted.callers);
                    return Err(damaged(line_no, why));
                }
                if (tickets, journal_entries) != (counted.tickets, counted.journal_entries) {
                    return Err(damaged(
                        line_no,
                        tr!(
                            "store-backup-tickets-count",
                            tickets = tickets,
                            entries = journal_entries,
                            held_tickets = counted.tickets,
                            held_entries = counted.journal_entries
                        ),
                    ));
                }
                let mut rest = Vec::new();
                reader.read_until(b'\n', &mut rest).map_err(&io)?;
                if !rest.is_empty() {
                    return Err(damaged(line_no + 1, t("store-backup-content-after")));
                }
                return Ok(counted);
            }
            Line::Caller(_) => {
                counted.callers += 1;
                crc.update(&buf);
                each(line)?;
            }
            Line::Registry(_) if line_no != 2 => {
                return Err(damaged(line_no, t("store-backup-second-registry")));
            }
            Line::Ticket { ref ticket, ref journal } => {
                // Two lines of one ticket would restore as one; a ticket 0, or one beyond the
                // numbers spoc counts to, is none spoc gave.
                if ticket.id == 0 || ticket.id > MAX_TICKET_ID || !ids.insert(ticket.id) {
                    let why = if ticket.id == 0 || ticket.id > MAX_TICKET_ID {
                        tr!("store-backup-ticket-number", id = ticket.id)
                    } else {
                        tr!("store-backup-ticket-twice", id = ticket.id)
                    };
                    return Err(BackupError::Invalid { name: name.to_string(), line: line_no, why });
                }
                if let Some(major) = ticket.linked_to {
                    links.push((line_no, ticket.id, major));
                }
                if journal.len() as u32 != ticket.journal_len {
                    return Err(damaged(
                        line_no,
                        tr!(
                            "store-backup-journal-count",
                            id = ticket.id,
                            entries = journal.len(),
                            expected = ticket.journal_len
                        ),
                    ));
                }
                counted.tickets += 1;
                counted.journal_entries += journal.len() as u64;
                crc.update(&buf);
                each(line)?;
            }
            Line::Registry(ref file) => {
                // Checked here, so that a restore refuses it before it writes anything.
                if let Err(errors) = crate::domain::Registry::build((**file).clone()) {
                    let why = tr!("store-backup-registry-invalid", error = errors[0].to_string());
                    return Err(BackupError::Invalid { name: name.to_string(), line: line_no, why });
                }
                crc.update(&buf);
                each(line)?;
            }
        }
    }
}

/// Checks a backup, registry included, without restoring it.
pub fn verify(path: &Path, name: &str) -> Result<BackupSummary, BackupError> {
    read(path, name, |_| Ok(()))
}

/// Restores a backup into `store`. The whole file is checked first, registry included; nothing
/// is written unless it is sound. A non-empty store is refused unless `force`, which replaces
/// its content.
pub fn restore(store: &Store, path: &Path, name: &str, force: bool) -> Result<BackupSummary, BackupError> {
    verify(path, name)?;
    if !force && !store.is_empty()? {
        return Err(BackupError::NotEmpty(store.dir().to_path_buf()));
    }
    let replaced = store.ticket_count() as u64;
    store.begin_restore()?;
    let mut batch = Vec::with_capacity(10_000);
    let mut summary = read(path, name, |line| {
        match line {
            Line::Registry(r) => {
                store.meta.insert("registry", super::encoding::encode_registry(&r)).map_err(StoreError::from)?;
            }
            Line::Caller(c) => store.restore_caller(&c)?,
            Line::Ticket { ticket, journal } => {
                batch.push((*ticket, journal));
                if batch.len() == 10_000 {
                    store.insert_many(&batch)?;
                    batch.clear();
                }
            }
            Line::End { .. } => {}
        }
        Ok(())
    })?;
    store.insert_many(&batch)?;
    store.meta.insert("index_version", &super::index::INDEX_VERSION.to_be_bytes()).map_err(StoreError::from)?;
    store.meta.remove("restoring").map_err(StoreError::from)?;
    store.flush()?;
    summary.replaced = replaced;
    summary.next_ticket = store.next_ticket_id()?;
    Ok(summary)
}
