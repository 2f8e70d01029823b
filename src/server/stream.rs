//! Backups and restores move bytes over the connection, never paths: the server streams a
//! backup to the client, which writes the file with the agent's own rights, and a restore
//! streams the file from the client into a file of the server's own folder, checked whole
//! before anything is written.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream as StdStream;
use std::time::Duration;

use super::Shared;
use super::conn::no_desk;
use crate::desk::api::answer_frame;
use crate::desk::api::requests::Restore;
use crate::desk::{Agent, DeskError};
use crate::protocol::frame::write_encoded;
use crate::protocol::{MAX_FRAME, Notice, Part, Reply, decode, frame, read_message};

/// A client that stops reading a backup lets go of the store's writers after this long...
const STALLED: Duration = Duration::from_secs(60);
/// ...and one that reads it slowly, after this long waited for in all: the backup holds the
/// writers of every agent meanwhile.
const SLOW: Duration = Duration::from_secs(120);

/// Streams a backup as `Part::Bytes` frames; returns the closing frame (`Done` or an error).
pub fn backup(shared: &Shared, stream: &mut StdStream) -> Result<Vec<u8>, String> {
    stream.set_write_timeout(Some(STALLED)).map_err(|e| e.to_string())?;
    let mut out = Frames { stream, broken: None, waited: Duration::ZERO };
    let done = shared.keeper.with(|desk| desk.backup(&mut out));
    let broken = out.broken.take();
    stream.set_write_timeout(None).map_err(|e| e.to_string())?;
    if let Some(e) = broken {
        // Cut off for reading too slowly (not gone): it may still read why.
        if out_too_slow(&e) {
            let why = DeskError::Refused(format!(
                "the backup was stopped: it was taken too slowly (over {} s in all while every agent's changes waited); write it to a local disk and copy it from there",
                SLOW.as_secs()
            ));
            // Briefly: a reader this slow may not take even this.
            let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
            let _ = super::conn::write(stream, &answer_frame::<()>(Err(why)));
        }
        return Err(format!("the client stopped taking the backup: {e}"));
    }
    Ok(match done {
        Ok(Ok(summary)) => frame::encode(&Reply::Ok(Part::Done(summary))),
        Ok(Err(e)) => answer_frame::<()>(Err(e)),
        Err(no) => no_desk(shared, no),
    })
}

fn out_too_slow(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::TimedOut && e.to_string().contains("too slowly")
}

/// Each write as one frame.
struct Frames<'a> {
    stream: &'a mut StdStream,
    broken: Option<std::io::Error>,
    /// Time spent waiting for the client to take frames.
    waited: Duration,
}

impl Write for Frames<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let frame = frame::encode(&Reply::Ok(Part::Bytes(buf.to_vec())));
        let started = std::time::Instant::now();
        let written = write_encoded(self.stream, &frame);
        self.waited += started.elapsed();
        let written = written.and_then(|()| {
            if self.waited > SLOW {
                Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "it took the backup too slowly"))
            } else {
                Ok(())
            }
        });
        if let Err(e) = written {
            let kind = e.kind();
            self.broken = Some(e);
            return Err(kind.into());
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Says whether to send, takes the upload into the server's folder, then restores from it.
pub fn restore(shared: &Shared, stream: &mut StdStream, agent: &Agent, r: Restore) -> Result<Vec<u8>, String> {
    match shared.keeper.with(|desk| desk.refuse_restore(r.force)) {
        Ok(Ok(())) | Err(super::keeper::NoDesk::Unfinished | super::keeper::NoDesk::Damaged(_)) => {}
        Ok(Err(e)) => return Ok(answer_frame::<()>(Err(e))),
        Err(no) => return Ok(no_desk(shared, no)),
    }
    super::conn::write(stream, &frame::encode(&Reply::Ok(())))?;
    let mut upload = Upload { stream, ended: false, broken: false, part: Vec::new(), at: 0 };
    let spooled = match crate::store::backup::spool(shared.keeper.dir(), &mut upload, &r.name) {
        Ok(file) => file,
        // The client went away or sent nonsense: nothing was written, and nobody to answer.
        Err(e) if upload.broken => return Err(format!("the restore's upload broke off: {e}")),
        // Refused as it came (not a backup, no room): the client hears why at once, and the
        // connection closes rather than read the rest, which may never end.
        Err(e) => {
            let why = e.to_string();
            super::conn::write(stream, &answer_frame::<()>(Err(DeskError::from(e))))?;
            return Err(format!("refused a restore's upload: {why}"));
        }
    };
    let result = match shared.keeper.restore(spooled.path(), &r.name, r.force) {
        Ok(result) => result,
        Err(no) => return Ok(no_desk(shared, no)),
    };
    if result.is_ok() {
        tracing::info!("{agent} restored {}", r.name);
        // Everything may have changed: subscribers reload.
        shared.notify(Notice::Resync);
    }
    Ok(answer_frame(result))
}

/// The client's `Part::Bytes` frames as one stream, until `Part::End`.
struct Upload<'a> {
    stream: &'a mut StdStream,
    ended: bool,
    /// Reading the client failed (not writing the file).
    broken: bool,
    part: Vec<u8>,
    at: usize,
}

impl Upload<'_> {
    fn next_part(&mut self) -> std::io::Result<()> {
        let read = self.read_part();
        self.broken |= read.is_err();
        read
    }

    fn read_part(&mut self) -> std::io::Result<()> {
        let bad = |why: String| std::io::Error::new(std::io::ErrorKind::InvalidData, why);
        let payload = read_message(self.stream, MAX_FRAME)
            .map_err(|e| bad(e.to_string()))?
            .ok_or_else(|| bad("the client hung up in the middle of the upload".into()))?;
        match decode::<Part>(&payload).map_err(|e| bad(e.to_string()))? {
            Part::Bytes(bytes) => (self.part, self.at) = (bytes, 0),
            Part::End => self.ended = true,
            Part::Done(_) => return Err(bad("a client does not send `Done`".into())),
        }
        Ok(())
    }
}

impl Read for Upload<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.part.len() {
            if self.ended {
                return Ok(0);
            }
            self.next_part()?;
        }
        let n = buf.len().min(self.part.len() - self.at);
        buf[..n].copy_from_slice(&self.part[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
