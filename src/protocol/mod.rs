//! What clients and the server say to each other over the Unix socket: length-prefixed
//! postcard frames, a hello that names the protocol version, requests, replies and live notices.

pub mod frame;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use frame::{FrameError, MAX_FRAME, MAX_HELLO, MAX_REPLY, decode, read_frame, read_message, write_frame};

use crate::desk::{Conflict, DeskError, ErrorKind};
use crate::store::backup::BackupSummary;

/// Bumped whenever a message changes shape. `Hello` itself never changes, so that a client and
/// a server of different versions can always tell each other so.
pub const PROTOCOL: u32 = 8;

/// The first frame a client sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    pub protocol: u32,
    /// The spoc version, for the message when protocols differ.
    pub version: String,
    /// The language the agent reads: the server answers this connection in it.
    pub lang: crate::i18n::Lang,
}

/// What every hello begins with, whatever its protocol: enough to say that the protocols differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelloHead {
    pub protocol: u32,
    pub version: String,
}

impl Hello {
    pub fn ours() -> Self {
        Hello { protocol: PROTOCOL, version: env!("CARGO_PKG_VERSION").to_string(), lang: crate::i18n::lang() }
    }
}

/// The server's answer to a hello it accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Welcome {
    pub protocol: u32,
    pub version: String,
    pub pid: u32,
    /// The login the server knows this client as (from the socket's peer credentials).
    pub agent: String,
}

/// Every enum here is externally tagged: postcard cannot read internally tagged ones. The
/// requests themselves are defined, once each, in the desk's API.
pub use crate::desk::api::{Call, Request};

/// A piece of a backup, streamed from the server after `Backup`, or from the client after
/// the server has accepted a `Restore`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    Bytes(Vec<u8>),
    /// The end of an upload.
    End,
    /// The end of a download, with what it held.
    Done(BackupSummary),
}

/// The answer to every frame a client sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply<T> {
    Ok(T),
    Err(WireError),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireError {
    pub kind: ErrorKind,
    pub message: String,
    pub conflict: Option<Conflict>,
}

impl From<&DeskError> for WireError {
    fn from(e: &DeskError) -> Self {
        let conflict = match e {
            DeskError::Conflict(c) => Some(c.clone()),
            _ => None,
        };
        WireError { kind: e.kind(), message: e.to_string(), conflict }
    }
}

impl From<WireError> for DeskError {
    fn from(e: WireError) -> Self {
        match e.conflict {
            Some(c) => DeskError::Conflict(c),
            None => DeskError::Remote { kind: e.kind, message: e.message },
        }
    }
}

/// What the server pushes to subscribers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// A ticket was logged or changed; `version` is its new version.
    Ticket { id: u64, version: u64, by: String, at: DateTime<Utc> },
    /// The registry was imported or restored.
    Registry { by: String, at: DateTime<Utc> },
    /// Notices were dropped because this client fell behind: reload everything shown.
    Resync,
}

impl Notice {
    /// Roughly how many records the change wrote (a restore rewrote everything).
    pub fn writes(&self) -> u64 {
        match self {
            Notice::Ticket { .. } | Notice::Registry { .. } => 1,
            Notice::Resync => 1_000_000,
        }
    }
}

/// `spoc status`: who serves this folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerStatus {
    pub pid: u32,
    pub version: String,
    pub protocol: u32,
    pub data: PathBuf,
    pub started_at: DateTime<Utc>,
    pub uptime_secs: u64,
    /// Connections open now, this one included.
    pub clients: usize,
    pub subscribers: usize,
    pub tickets: usize,
    pub store_bytes: u64,
    /// An earlier restore did not finish: only `status` and `restore` are answered.
    pub restore_unfinished: bool,
    /// A restore is under way now: other requests are asked to wait for it.
    pub restoring: bool,
    /// The store cannot be read: why (only `status` and `restore --force` are answered).
    pub damaged: Option<String>,
}

/// A value sent as JSON text inside a frame: for the registry's types, whose serde form
/// (optional fields left out, coverage as "all" or a list) needs a self-describing format.
#[derive(Debug, Clone, PartialEq)]
pub struct Json<T>(pub T);

impl<T: Serialize> Serialize for Json<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&serde_json::to_string(&self.0).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Json<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        serde_json::from_str(&text).map(Json).map_err(serde::de::Error::custom)
    }
}
