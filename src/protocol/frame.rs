//! Frames: a 4-byte big-endian length, then that many bytes of postcard (compact binary serde:
//! a page of tickets decodes several times faster than as JSON, which mattered more than the
//! query itself). The length is checked before anything is allocated, so a hostile peer cannot
//! make us reserve gigabytes. A message larger than a megabyte goes as several frames whose
//! headers have the top bit set, but the last: no single frame ever passes the limit.

use std::io::{self, Read, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The most one frame may carry, and the most a request may be in all: big enough for a
/// 10,000-entry registry import; small enough to refuse nonsense.
pub const MAX_FRAME: usize = 16 * 1024 * 1024;
/// A hello is small; a caller not yet admitted may send no more.
pub const MAX_HELLO: usize = 4 * 1024;
/// The most a reply may be in all (its frames together): years of report detail.
pub const MAX_REPLY: usize = 1024 * 1024 * 1024;
/// Larger messages go as several frames of this size, each but the last marked "more".
const PART: usize = 1024 * 1024;
/// The header's top bit: another frame of the same message follows.
const MORE: u32 = 1 << 31;

#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("a message of {0} bytes or more is larger than the {1}-byte limit")]
    TooLarge(usize, usize),
    #[error("empty frame")]
    Empty,
    #[error("the connection closed in the middle of a frame")]
    Truncated,
    #[error("not a valid message: {0}")]
    Malformed(String),
    #[error(transparent)]
    Io(io::Error),
}

impl From<io::Error> for FrameError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::UnexpectedEof { FrameError::Truncated } else { FrameError::Io(e) }
    }
}

/// Header and payload of one message, ready to write in one go with [`write_encoded`].
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    let mut buf = postcard::to_extend(message, vec![0; 4]).expect("messages serialize");
    let len = (buf.len() - 4) as u32;
    buf[..4].copy_from_slice(&len.to_be_bytes());
    buf
}

/// Writes an encoded message: as it is, or as several frames when it is large.
pub fn write_encoded(w: &mut impl Write, encoded: &[u8]) -> io::Result<()> {
    let payload = &encoded[4..];
    if payload.len() <= PART {
        w.write_all(encoded)?;
    } else {
        let mut parts = payload.chunks(PART).peekable();
        while let Some(part) = parts.next() {
            let more = if parts.peek().is_some() { MORE } else { 0 };
            w.write_all(&(part.len() as u32 | more).to_be_bytes())?;
            w.write_all(part)?;
        }
    }
    w.flush()
}

pub fn write_frame<T: Serialize>(w: &mut impl Write, message: &T) -> io::Result<()> {
    write_encoded(w, &encode(message))
}

/// A frame's payload as a message.
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Result<T, FrameError> {
    postcard::from_bytes(payload).map_err(|e| FrameError::Malformed(e.to_string()))
}

/// The next message's payload, at most [`MAX_FRAME`] bytes; `Ok(None)` at a clean end of the
/// stream between messages.
pub fn read_frame(r: &mut impl Read) -> Result<Option<Vec<u8>>, FrameError> {
    read_message(r, MAX_FRAME)
}

/// The next message's payload, its frames joined, refused once it passes `limit` bytes: the
/// length is checked before anything is allocated, so a hostile peer cannot make us reserve
/// more than the limit.
pub fn read_message(r: &mut impl Read, limit: usize) -> Result<Option<Vec<u8>>, FrameError> {
    let mut payload = Vec::new();
    loop {
        let Some(header) = read_header(r, payload.is_empty())? else { return Ok(None) };
        let more = header & MORE != 0;
        let len = (header & !MORE) as usize;
        if len == 0 {
            return Err(FrameError::Empty);
        }
        if len > MAX_FRAME.min(limit) || payload.len() + len > limit {
            return Err(FrameError::TooLarge(payload.len() + len, limit));
        }
        let start = payload.len();
        payload.resize(start + len, 0);
        r.read_exact(&mut payload[start..])?;
        if !more {
            return Ok(Some(payload));
        }
    }
}

/// A frame's header; `None` at a clean end, which only the first frame of a message may meet.
fn read_header(r: &mut impl Read, first: bool) -> Result<Option<u32>, FrameError> {
    let mut header = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match r.read(&mut header[got..]) {
            Ok(0) if got == 0 && first => return Ok(None),
            Ok(0) => return Err(FrameError::Truncated),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(Some(u32::from_be_bytes(header)))
}
