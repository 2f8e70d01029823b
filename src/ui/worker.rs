//! The desk's errand runner: every question and change the screen has for the server goes
//! through one thread beside the drawing one, so a slow or stuck server never freezes the
//! screen or the agent's typing.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Effect, Msg, perform};
use crate::client::{Client, connect_or_start};

/// At most one connection try every few seconds: with a stuck server each try waits its
/// patience, and the errands queued meanwhile must not each wait again.
const RETRY_EVERY: Duration = Duration::from_secs(3);

pub struct Worker {
    errands: Sender<Effect>,
    /// Since when the errand being run has waited for the server; `None` when idle.
    busy: Arc<Mutex<Option<Instant>>>,
}

impl Worker {
    /// Runs errands on `client` (reconnecting to the server of `dir` when it went away); each
    /// answer comes back on `answers` as a message.
    pub fn start(dir: PathBuf, client: Client, answers: Sender<Msg>) -> Worker {
        let (errands, inbox) = mpsc::channel();
        let busy = Arc::new(Mutex::new(None));
        let shared = busy.clone();
        std::thread::spawn(move || run(dir, Some(client), &inbox, &answers, &shared));
        Worker { errands, busy }
    }

    pub fn ask(&self, effect: Effect) {
        let _ = self.errands.send(effect);
    }

    /// How long the server has kept the current errand waiting.
    pub fn waiting(&self) -> Option<Duration> {
        self.busy.lock().unwrap_or_else(|e| e.into_inner()).map(|since| since.elapsed())
    }
}

fn run(
    dir: PathBuf,
    mut api: Option<Client>,
    inbox: &Receiver<Effect>,
    answers: &Sender<Msg>,
    busy: &Mutex<Option<Instant>>,
) {
    let mut last_try: Option<Instant> = None;
    while let Ok(first) = inbox.recv() {
        let batch = latest_only(std::iter::once(first).chain(inbox.try_iter()).collect());
        for effect in batch {
            *busy.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
            if api.is_none() {
                if let Some(wait) = last_try.map(|t| RETRY_EVERY.saturating_sub(t.elapsed())) {
                    std::thread::sleep(wait);
                }
                last_try = Some(Instant::now());
                api = connect_or_start(&dir).ok();
            }
            let (msg, lost) = match &api {
                Some(client) => {
                    let mut lost = false;
                    let msg = perform(client, effect, &mut lost);
                    (msg, lost)
                }
                None => (effect.failed(format!("no server answers for {}", dir.display())), true),
            };
            if lost {
                // The next errand connects anew, starting a server if none runs.
                api = None;
            }
            *busy.lock().unwrap_or_else(|e| e.into_inner()) = None;
            if answers.send(Msg::Answer { msg: Box::new(msg), lost }).is_err() {
                return;
            }
        }
    }
}

/// What queued up while the server was busy, with each question asked once, at its latest
/// (the filter typed on, a later lookup): a change is never dropped.
fn latest_only(batch: Vec<Effect>) -> Vec<Effect> {
    let superseded =
        |i: usize, e: &Effect| e.is_question() && batch[i + 1..].iter().any(|later| later.asks_the_same_as(e));
    batch.iter().enumerate().filter(|(i, e)| !superseded(*i, e)).map(|(_, e)| e.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::TicketQuery;

    #[test]
    fn a_later_question_of_the_same_kind_replaces_an_earlier_one_but_changes_stay() {
        let change = Effect::Change(1, Default::default());
        let batch = vec![
            Effect::Lookup("m".into()),
            change.clone(),
            Effect::LoadQueue(TicketQuery::default()),
            Effect::Lookup("ma".into()),
            change.clone(),
            Effect::LoadQueue(TicketQuery::default()),
        ];
        assert_eq!(
            latest_only(batch),
            vec![change.clone(), Effect::Lookup("ma".into()), change, Effect::LoadQueue(TicketQuery::default())]
        );
    }
}
