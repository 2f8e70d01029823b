//! How records are written: a version byte, then postcard. Older versions are migrated on read.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use super::migrate;
use super::records::{CallerV1, EntryRec, Secs, Text, TicketV4, TicketV5, TicketV6};
use crate::domain::Ticket;
use crate::domain::ticket::JournalEntry;

/// Version 1 had no satisfaction score; version 2 added it (see `migrate`); version 3 keeps
/// instants as seconds and nanoseconds instead of text; version 4 adds the supplier's own
/// events and the due instant a clock had when it stopped; version 5 adds the solution; version
/// 6 the caller on file, major incidents and their links, first contact, the call-back moment
/// and anonymisation. Each shape is in `records`.
pub const TICKET_VERSION: u8 = 6;
/// Version 2: instants as seconds and nanoseconds.
pub const JOURNAL_VERSION: u8 = 2;
pub const REGISTRY_VERSION: u8 = 1;

pub fn encode<T: Serialize + ?Sized>(version: u8, value: &T) -> Vec<u8> {
    let mut out = vec![version];
    postcard::to_io(value, &mut out).expect("writing to a Vec cannot fail");
    out
}

fn decode_body<T: DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, StoreError> {
    postcard::from_bytes(bytes).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub fn encode_ticket(t: &Ticket) -> Vec<u8> {
    encode(TICKET_VERSION, &TicketV6::from(t))
}

pub fn encode_journal(entries: &[JournalEntry]) -> Vec<u8> {
    let records: Vec<EntryRec<Secs>> = entries.iter().map(Into::into).collect();
    encode(JOURNAL_VERSION, &records)
}

pub fn decode_ticket(bytes: &[u8]) -> Result<Ticket, StoreError> {
    let v4 = match bytes.split_first() {
        Some((&TICKET_VERSION, body)) => return Ok(decode_body::<TicketV6>("ticket", body)?.into()),
        Some((&5, body)) => return Ok(decode_body::<TicketV5>("ticket (version 5)", body)?.into()),
        Some((&4, body)) => decode_body::<TicketV4>("ticket (version 4)", body)?,
        Some((&3, body)) => migrate::ticket_v3::<Secs>(decode_body("ticket (version 3)", body)?),
        Some((&2, body)) => migrate::ticket_v3::<Text>(decode_body("ticket (version 2)", body)?),
        Some((&1, body)) => migrate::ticket_v3(migrate::ticket_v1(decode_body("ticket (version 1)", body)?)),
        Some((v, _)) => {
            return Err(StoreError::Corrupt(format!(
                "ticket record of unknown version {v}: is this store from a newer spoc?"
            )));
        }
        None => return Err(StoreError::Corrupt("empty ticket record".into())),
    };
    Ok(v4.into())
}

/// A ticket's whole journal is one record: few keys per ticket keep sled small and fast.
pub fn decode_journal(bytes: &[u8]) -> Result<Vec<JournalEntry>, StoreError> {
    fn entries<A: super::records::At>(records: Vec<EntryRec<A>>) -> Vec<JournalEntry> {
        records.into_iter().map(Into::into).collect()
    }
    match bytes.split_first() {
        Some((&JOURNAL_VERSION, body)) => Ok(entries::<Secs>(decode_body("journal", body)?)),
        Some((&1, body)) => Ok(entries::<Text>(decode_body("journal (version 1)", body)?)),
        Some((v, _)) => Err(StoreError::Corrupt(format!("journal record of unknown version {v}"))),
        None => Err(StoreError::Corrupt("empty journal record".into())),
    }
}

/// The registry is kept as JSON: small, read once at start, and tolerant of added fields.
pub fn encode_registry(file: &crate::domain::registry::RegistryFile) -> Vec<u8> {
    let mut out = vec![REGISTRY_VERSION];
    serde_json::to_writer(&mut out, file).expect("a registry serializes");
    out
}

pub fn decode_registry(bytes: &[u8]) -> Result<crate::domain::registry::RegistryFile, StoreError> {
    match bytes.split_first() {
        Some((&REGISTRY_VERSION, body)) => {
            serde_json::from_slice(body).map_err(|e| StoreError::Corrupt(format!("registry: {e}")))
        }
        Some((v, _)) => Err(StoreError::Corrupt(format!("registry record of unknown version {v}"))),
        None => Err(StoreError::Corrupt("empty registry record".into())),
    }
}

/// Big-endian with the sign bit flipped, so byte order is numeric order.
pub fn ordered_i64(v: i64) -> [u8; 8] {
    ((v as u64) ^ (1 << 63)).to_be_bytes()
}

pub fn ticket_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

pub const CALLER_VERSION: u8 = 1;

pub fn encode_caller(c: &crate::domain::caller::Caller) -> Vec<u8> {
    encode(CALLER_VERSION, &CallerV1::from(c))
}

pub fn decode_caller(bytes: &[u8]) -> Result<crate::domain::caller::Caller, StoreError> {
    match bytes.split_first() {
        Some((&CALLER_VERSION, body)) => Ok(decode_body::<CallerV1>("caller", body)?.into()),
        Some((v, _)) => Err(StoreError::Corrupt(format!("caller record of unknown version {v}"))),
        None => Err(StoreError::Corrupt("empty caller record".into())),
    }
}
