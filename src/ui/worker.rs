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
    busy: Arc<Mutex<Busy>>,
}

/// Errands asked and not yet answered, and since when the server has kept the first of them
/// waiting. Counted when asked, so that the screen knows at once that an answer is due.
#[derive(Default)]
struct Busy {
    pending: usize,
    since: Option<Instant>,
}

impl Busy {
    fn done(&mut self, errands: usize) {
        self.pending = self.pending.saturating_sub(errands);
        self.since = (self.pending > 0).then(Instant::now);
    }
}

impl Worker {
    /// Runs errands on `client` (reconnecting to the server of `dir` when it went away); each
    /// answer comes back on `answers` as a message.
    pub fn start(dir: PathBuf, client: Client, answers: Sender<Msg>) -> Worker {
        let (errands, inbox) = mpsc::channel();
        let busy = Arc::new(Mutex::new(Busy::default()));
        let shared = busy.clone();
        std::thread::spawn(move || run(dir, Some(client), &inbox, &answers, &shared));
        Worker { errands, busy }
    }

    pub fn ask(&self, effect: Effect) {
        let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        if self.errands.send(effect).is_ok() {
            busy.pending += 1;
            busy.since.get_or_insert_with(Instant::now);
        }
    }

    /// How long the server has kept an errand waiting, while one is out.
    pub fn waiting(&self) -> Option<Duration> {
        self.busy.lock().unwrap_or_else(|e| e.into_inner()).since.map(|since| since.elapsed())
    }
}

fn run(dir: PathBuf, mut api: Option<Client>, inbox: &Receiver<Effect>, answers: &Sender<Msg>, busy: &Mutex<Busy>) {
    let mut last_try: Option<Instant> = None;
    let busy = || busy.lock().unwrap_or_else(|e| e.into_inner());
    while let Ok(first) = inbox.recv() {
        let asked: Vec<Effect> = std::iter::once(first).chain(inbox.try_iter()).collect();
        let batch = latest_only(asked.clone());
        busy().done(asked.len() - batch.len());
        // One try to reach the server per batch: with it gone or stuck, the rest of the batch
        // is answered at once, and what the agent asks meanwhile gathers into the next one.
        let mut tried = false;
        for effect in batch {
            if api.is_none() && !tried {
                if let Some(wait) = last_try.map(|t| RETRY_EVERY.saturating_sub(t.elapsed())) {
                    std::thread::sleep(wait);
                }
                last_try = Some(Instant::now());
                api = connect_or_start(&dir).ok();
                tried = true;
            }
            let (msg, lost) = match &api {
                Some(client) => {
                    let mut lost = false;
                    let asked = effect.clone();
                    // A bug in answering one errand must not end the thread every later one needs.
                    let msg =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| perform(client, effect, &mut lost)))
                            .unwrap_or_else(|_| asked.failed(crate::i18n::t("ui-answer-failed")));
                    (msg, lost)
                }
                None => (effect.failed(crate::tr!("ui-no-server", dir = dir.display().to_string())), true),
            };
            if lost {
                // The next batch connects anew, starting a server if none runs.
                api = None;
                tried = true;
            }
            busy().done(1);
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
