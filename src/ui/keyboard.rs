//! The agent's keys, read on their own thread, which steps aside while `$EDITOR` has the
//! terminal: a thread still reading would take the editor's keys.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::Msg;

/// How often the reader looks whether it should step aside.
const LOOK_EVERY: Duration = Duration::from_millis(50);

/// A pause asked of the reader: it says it has stopped on the first, and waits on the second
/// until the pause ends.
type Pause = (Sender<()>, Receiver<()>);

pub struct Keyboard {
    control: Sender<Pause>,
}

/// The reader stays aside while this lives.
pub struct Paused {
    _resume: Sender<()>,
}

impl Keyboard {
    pub fn start(keys: Sender<Msg>) -> Keyboard {
        let (control, asks) = mpsc::channel();
        std::thread::spawn(move || read(&keys, &asks));
        Keyboard { control }
    }

    /// Returns once the reader has stopped reading; it reads again when `Paused` is dropped.
    pub fn pause(&self) -> Paused {
        let (ack, stopped) = mpsc::channel();
        let (resume, wait) = mpsc::channel();
        if self.control.send((ack, wait)).is_ok() {
            // A reader that has ended has stopped too.
            let _ = stopped.recv();
        }
        Paused { _resume: resume }
    }
}

fn read(keys: &Sender<Msg>, asks: &Receiver<Pause>) {
    loop {
        if let Ok((ack, wait)) = asks.try_recv() {
            let _ = ack.send(());
            // Until the pause is dropped.
            let _ = wait.recv();
            continue;
        }
        match event::poll(LOOK_EVERY) {
            Ok(false) => continue,
            Ok(true) => {}
            Err(_) => return,
        }
        let msg = match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => Msg::Key(k),
            Ok(Event::Resize(..)) => Msg::Resize,
            Ok(Event::Paste(text)) => Msg::Paste(text),
            Ok(_) => continue,
            Err(_) => return,
        };
        if keys.send(msg).is_err() {
            return;
        }
    }
}
