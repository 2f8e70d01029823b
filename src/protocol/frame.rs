//! Frames: a 4-byte big-endian length, then that many bytes of postcard (compact binary serde:
//! a page of tickets decodes several times faster than as JSON, which mattered more than the
//! query itself). The length is checked before anything is allocated, so a hostile peer cannot
//! make us reserve gigabytes.

use std::io::{self, Read, Write};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Big enough for a 10,000-entry registry import; small enough to refuse nonsense.
pub const MAX_FRAME: usize = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("frame of {0} bytes is larger than the {MAX_FRAME}-byte limit")]
    TooLarge(usize),
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

/// The payload length a header announces, if it is acceptable.
pub fn frame_len(header: [u8; 4]) -> Result<usize, FrameError> {
    match u32::from_be_bytes(header) as usize {
        0 => Err(FrameError::Empty),
        n if n > MAX_FRAME => Err(FrameError::TooLarge(n)),
        n => Ok(n),
    }
}

/// Header and payload of one message, ready to write in one go.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    let mut buf = postcard::to_extend(message, vec![0; 4]).expect("messages serialize");
    let len = (buf.len() - 4) as u32;
    buf[..4].copy_from_slice(&len.to_be_bytes());
    buf
}

pub fn write_frame<T: Serialize>(w: &mut impl Write, message: &T) -> io::Result<()> {
    w.write_all(&encode(message))?;
    w.flush()
}

/// A frame's payload as a message.
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Result<T, FrameError> {
    postcard::from_bytes(payload).map_err(|e| FrameError::Malformed(e.to_string()))
}

/// The next frame's payload; `Ok(None)` at a clean end of the stream between frames.
pub fn read_frame(r: &mut impl Read) -> Result<Option<Vec<u8>>, FrameError> {
    let mut header = [0u8; 4];
    let mut got = 0;
    while got < 4 {
        match r.read(&mut header[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(FrameError::Truncated),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    let len = frame_len(header)?;
    let mut payload = vec![0; len];
    r.read_exact(&mut payload)?;
    Ok(Some(payload))
}
