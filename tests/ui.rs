//! The terminal UI through the same `update` and `perform` the app uses, on a real store in a
//! temporary folder, drawn on ratatui's TestBackend: snapshots at 80×24 and 200×50, key
//! sequences, a colleague's conflicting change, outside text, and every size down to 1×1.

use crate::common;

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use spoc::desk::{Agent, Desk, ImportFormat, Session, TicketUpdate};
use spoc::domain::ticket::{Change, NewTicket};
use spoc::domain::{Status, TicketKind};
use spoc::ui::state::Screen;
use spoc::ui::{Keymap, Msg, State, Theme, handle};

struct Ui {
    _dir: tempfile::TempDir,
    desk: Desk,
    state: State,
    keys: Keymap,
}

fn now() -> DateTime<Utc> {
    common::at("2026-11-23T11:00:00+01:00")
}

fn call(title: &str, service: &str, participant: &str, impact: u8, urgency: u8) -> NewTicket {
    NewTicket {
        kind: TicketKind::Incident,
        title: title.into(),
        description: "Sinds vanochtend.".into(),
        caller: Some("Sanne de Boer".into()),
        participant: participant.into(),
        service: service.into(),
        impact,
        urgency,
        caller_id: None,
        link_to: None,
        solution: None,
    }
}

impl Ui {
    fn new() -> Ui {
        let dir = tempfile::tempdir().unwrap();
        let desk = Desk::open_with_clock(dir.path(), Box::new(now)).unwrap();
        let admin = Agent::new("admin");
        desk.import_registry(&admin, "small.toml", common::SMALL, ImportFormat::Toml, false).unwrap();
        desk.add_agent(&admin, "bram").unwrap();
        let logged = |new: NewTicket| desk.create_ticket(&Agent::new("bram"), new).unwrap();
        logged(call("Magister is down for the whole school", "Magister", "ZYL", 1, 1));
        logged(call("Printer on the second floor jams", "Printen", "GZW", 3, 3));
        logged(call("Notubiz agenda not published", "Notubiz", "GZW", 2, 2));
        let t = logged(call("Cijfers not visible", "Magister", "ZYL", 2, 2));
        desk.update_ticket(
            &Agent::new("bram"),
            t.id,
            TicketUpdate { changes: vec![Change::Status(Status::WaitingOnSupplier)], expected_version: None },
        )
        .unwrap();
        let state = State::new("anouk", now(), chrono_tz::Europe::Amsterdam);
        let mut ui = Ui { _dir: dir, desk, state, keys: Keymap::builtin() };
        ui.send(Msg::Tick(now()));
        ui
    }

    fn send(&mut self, msg: Msg) {
        let api = Session::new(&self.desk, Agent::new("anouk"));
        handle(&mut self.state, &self.keys, &api, msg);
    }

    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.send(Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn screen(&self, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| spoc::ui::frame::draw(f, &self.state, &Theme::builtin(true), &self.keys)).unwrap();
        let buffer = t.backend().buffer();
        (0..h)
            .map(|y| {
                // As a terminal shows it: a wide character covers the cell after it.
                let mut line = String::new();
                let mut x = 0;
                while x < w {
                    let symbol = buffer[(x, y)].symbol();
                    line.push_str(symbol);
                    x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
                }
                line.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[test]
fn the_queue_comes_most_urgent_first() {
    let ui = Ui::new();
    insta::assert_snapshot!("queue_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("queue_200x50", ui.screen(200, 50));
    let ids: Vec<u64> = ui.state.queue.rows.iter().map(|r| r.id).collect();
    assert_eq!(ids[0], 1, "the P1 with the nearest deadline first: {ids:?}");
}

#[test]
fn a_ticket_shows_both_layers_routing_and_journal() {
    let mut ui = Ui::new();
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Enter);
    assert_eq!(ui.state.screen(), Screen::Ticket);
    insta::assert_snapshot!("ticket_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("ticket_200x50", ui.screen(200, 50));
}

#[test]
fn filter_as_you_type_and_saved_views() {
    let mut ui = Ui::new();
    ui.keys("/prio:P1");
    assert!(ui.state.queue.rows.iter().all(|r| r.priority == spoc::domain::Priority::P1));
    assert_eq!(ui.state.queue.rows.len(), 1);
    ui.key(KeyCode::Esc);
    assert_eq!(ui.state.queue.rows.len(), 4, "esc clears the filter");
    ui.keys("/supplier:iddink notubiz");
    assert!(ui.state.queue.rows.is_empty(), "words and terms together");
    ui.key(KeyCode::Esc);
    ui.keys("5");
    assert_eq!(ui.state.queue.rows.len(), 1, "waiting on supplier");
    insta::assert_snapshot!("queue_waiting_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("queue_waiting_200x50", ui.screen(200, 50));
    ui.keys("3");
    assert_eq!(ui.state.queue.rows.len(), 4, "unassigned");
}

#[test]
fn an_agent_works_a_ticket_from_the_keyboard() {
    let mut ui = Ui::new();
    ui.key(KeyCode::Enter);
    ui.keys("a");
    ui.keys("c");
    ui.keys("Wij kijken ernaar");
    ui.key(KeyCode::Enter);
    ui.keys("s");
    insta::assert_snapshot!("status_prompt_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("status_prompt_200x50", ui.screen(200, 50));
    ui.keys("s"); // waiting_on_supplier: the same key from every status
    let t = ui.desk.ticket(1).unwrap();
    assert_eq!(t.assignee.as_deref(), Some("anouk"));
    assert_eq!(t.status, Status::WaitingOnSupplier);
    assert!(t.first_response_at.is_some(), "the reply is the first response");
    ui.keys("d");
    ui.keys("INC-4711");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.desk.ticket(1).unwrap().supplier_ref.as_deref(), Some("INC-4711"));
    assert!(ui.state.message.as_deref().unwrap().contains("saved"));
    // The supplier answers, then reports it solved: its clock stops and the ticket comes back.
    ui.keys("b");
    ui.keys("looking into it");
    ui.key(KeyCode::Enter);
    ui.keys("x");
    ui.keys("sync restarted");
    ui.key(KeyCode::Enter);
    let t = ui.desk.ticket(1).unwrap();
    assert_eq!(t.status, Status::InProgress);
    assert!(t.supplier_solved_at.is_some());
    assert!(ui.screen(120, 40).contains("supplier reports it solved: sync restarted"), "{}", ui.screen(120, 40));
}

#[test]
fn a_colleagues_change_first_is_a_conflict_shown_and_reloaded() {
    let mut ui = Ui::new();
    ui.key(KeyCode::Enter);
    let seen = ui.state.ticket.as_ref().unwrap().version;
    ui.desk
        .update_ticket(
            &Agent::new("bram"),
            1,
            TicketUpdate { changes: vec![Change::Note("I'll call Iddink".into())], expected_version: None },
        )
        .unwrap();
    ui.keys("n");
    ui.keys("mine");
    ui.key(KeyCode::Enter);
    let message = ui.state.message.clone().unwrap();
    assert!(message.contains("changed by bram") && message.contains("note: I'll call Iddink"), "{message}");
    assert_eq!(ui.state.ticket.as_ref().unwrap().version, seen + 1, "reloaded to show the colleague's change");
    assert_eq!(ui.desk.ticket(1).unwrap().journal.len(), 2, "the agent's note was not saved over it");
}

/// A menu opened on one version of the ticket decides nothing on a later one: a colleague's
/// dispatch in between (shown live on the screen) makes the agent's pick a conflict.
#[test]
fn a_menu_opened_before_a_colleagues_change_decides_nothing() {
    let mut ui = Ui::new();
    ui.key(KeyCode::Enter);
    ui.keys("s");
    let seen = ui.state.ticket.as_ref().unwrap().version;
    let dispatched = ui
        .desk
        .update_ticket(
            &Agent::new("bram"),
            1,
            TicketUpdate { changes: vec![Change::Status(Status::WaitingOnSupplier)], expected_version: None },
        )
        .unwrap();
    let notice = spoc::protocol::Notice::Ticket { id: 1, version: dispatched.version, by: "bram".into(), at: now() };
    ui.send(Msg::Notice(notice));
    assert_eq!(ui.state.ticket.as_ref().unwrap().version, seen + 1, "the screen shows the colleague's change");
    assert!(ui.state.prompt.is_some(), "the menu is still open");
    ui.keys("c"); // waiting on the caller, in the menu as it was opened (from new)
    let t = ui.desk.ticket(1).unwrap();
    assert_eq!(t.status, Status::WaitingOnSupplier, "not resolved on a screen the agent had not seen");
    let message = ui.state.message.clone().unwrap();
    assert!(message.contains("changed by bram"), "{message}");
}

/// `d` is a real dispatch: the desk hours shown, the reference (optional) and waiting on the
/// supplier in one change; `e` an email, `I` impact and urgency.
#[test]
fn dispatch_email_and_reclassify_from_the_ticket_screen() {
    let mut ui = Ui::new();
    ui.key(KeyCode::Enter);
    let before = ui.desk.ticket(1).unwrap();
    ui.keys("d");
    assert!(ui.screen(120, 40).contains("dispatch to Iddink (open now, until"), "{}", ui.screen(120, 40));
    ui.key(KeyCode::Enter); // no reference yet
    let t = ui.desk.ticket(1).unwrap();
    assert_eq!((t.status, t.version), (Status::WaitingOnSupplier, before.version + 1), "one change");
    assert!(t.dispatched_at.is_some());
    ui.keys("d"); // with the supplier now: only the reference is left
    ui.keys("INC-1");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.desk.ticket(1).unwrap().supplier_ref.as_deref(), Some("INC-1"));
    ui.keys("e");
    ui.keys("Storing is gemeld bij Iddink");
    ui.key(KeyCode::Enter);
    assert!(ui.desk.ticket(1).unwrap().first_response_at.is_some(), "an email is a first response");
    ui.keys("I");
    ui.keys("3 4");
    ui.key(KeyCode::Enter);
    let t = ui.desk.ticket(1).unwrap();
    assert_eq!((t.impact, t.urgency, t.priority), (3, 4, spoc::domain::Priority::P4));
    ui.keys("I");
    ui.keys("7 1");
    ui.key(KeyCode::Enter);
    assert!(ui.state.message.as_deref().unwrap_or("").contains("impact"), "{:?}", ui.state.message);
}

/// `#` and a number opens exactly that ticket, also when it is closed; a number that is no
/// ticket says so and stays on the queue.
#[test]
fn go_to_a_ticket_by_its_number() {
    let mut ui = Ui::new();
    let changes = vec![Change::Solution("vervangen".into()), Change::Status(Status::Resolved)];
    ui.desk.update_ticket(&Agent::new("bram"), 3, TicketUpdate { changes, expected_version: None }).unwrap();
    ui.keys("#3");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.state.screen(), Screen::Ticket);
    assert_eq!(ui.state.ticket.as_ref().map(|t| (t.id, t.status)), Some((3, Status::Resolved)));
    ui.key(KeyCode::Esc);
    ui.keys("#999");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.state.screen(), Screen::Queue);
    assert!(ui.state.message.as_deref().unwrap_or("").contains("999"), "{:?}", ui.state.message);
}

/// `H` searches all tickets, resolved ones too, by any word they said (here the solution), and
/// `enter` opens the one found.
#[test]
fn searching_all_tickets_finds_a_resolved_one_by_its_solution() {
    let mut ui = Ui::new();
    let changes = vec![Change::Solution("toner vervangen".into()), Change::Status(Status::Resolved)];
    ui.desk.update_ticket(&Agent::new("bram"), 2, TicketUpdate { changes, expected_version: None }).unwrap();
    ui.keys("H");
    assert_eq!(ui.state.screen(), Screen::Search);
    ui.keys("toner");
    assert_eq!(ui.state.search.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [2]);
    insta::assert_snapshot!("search_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("search_200x50", ui.screen(200, 50));
    ui.key(KeyCode::Enter);
    assert_eq!(ui.state.ticket.as_ref().map(|t| (t.id, t.status)), Some((2, Status::Resolved)));
    // Back to the words, which are kept; nothing holds nonsense.
    ui.key(KeyCode::Esc);
    ui.keys(" xyzzy");
    assert!(ui.screen(80, 24).contains("no ticket holds all these words"), "{}", ui.screen(80, 24));
}

#[test]
fn quick_lookup_shows_whom_to_call() {
    let mut ui = Ui::new();
    ui.keys("f");
    ui.keys("magi");
    assert_eq!(ui.state.lookup.card.as_ref().map(|c| c.supplier.name.as_str()), Some("Iddink"));
    insta::assert_snapshot!("lookup_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("lookup_200x50", ui.screen(200, 50));
}

#[test]
fn help_is_the_live_keymap() {
    let mut ui = Ui::new();
    ui.keys("?");
    let screen = ui.screen(80, 24);
    assert!(screen.contains("enter open") && screen.contains("ctrl-c quit"), "{screen}");
    insta::assert_snapshot!("help_80x24", screen);
    insta::assert_snapshot!("help_200x50", ui.screen(200, 50));
    // More keys than 80x24 holds: the rest is a scroll away, and the scroll stops at the end.
    (ui.state.rows, ui.state.cols) = (24, 80);
    assert!(!screen.contains("S regie"), "{screen}");
    ui.key(KeyCode::End);
    let end = ui.screen(80, 24);
    assert!(end.contains("S regie"), "{end}");
    ui.keys("j");
    assert_eq!(ui.screen(80, 24), end, "no further than the last screenful");
    ui.keys("k");
    assert_ne!(ui.screen(80, 24), end);
}

#[test]
fn outside_text_never_reaches_the_terminal_as_control_sequences() {
    let mut ui = Ui::new();
    ui.desk
        .create_ticket(&Agent::new("bram"), call("evil \u{1b}[2J\u{1b}]52;c;aGk=\u{7} title", "Printen", "ZYL", 1, 1))
        .unwrap();
    ui.send(Msg::Tick(now()));
    ui.keys("/evil");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    for (w, h) in [(80, 24), (200, 50)] {
        let screen = ui.screen(w, h);
        assert!(screen.contains("evil"), "{screen}");
        assert!(!screen.chars().any(|c| c.is_control() && c != '\n'), "{screen:?}");
    }
}

#[test]
fn every_size_down_to_one_by_one_draws_without_panicking() {
    let mut ui = Ui::new();
    let screens: [&dyn Fn(&mut Ui); 4] = [&|_| {}, &|u| u.key(KeyCode::Enter), &|u| u.keys("fmagi"), &|u| u.keys("?")];
    for go in screens {
        go(&mut ui);
        for w in [1, 2, 5, 20, 39, 40, 41, 79, 80, 109, 110, 300] {
            for h in [1, 2, 3, 7, 8, 9, 24, 100] {
                let screen = ui.screen(w, h);
                if w < 40 || h < 8 {
                    assert!(w < 10 || h < 2 || screen.contains("spoc"), "{w}×{h}: {screen}");
                }
            }
        }
    }
    assert_eq!(ui.screen(30, 5).lines().next(), Some("spoc needs 40×8; this is 30×5"));
}

#[test]
fn call_intake_previews_routing_and_due_times_before_saving() {
    let mut ui = Ui::new();
    ui.keys("n");
    assert_eq!(ui.state.screen(), Screen::Intake);
    ui.keys("Sanne de Boer");
    ui.key(KeyCode::Tab);
    ui.keys("zuyderzee");
    ui.key(KeyCode::Tab);
    ui.keys("cijfers"); // a keyword of Magister
    ui.key(KeyCode::Tab);
    ui.keys("2");
    ui.key(KeyCode::Tab);
    ui.keys("2");
    ui.key(KeyCode::Tab);
    ui.keys("Cijfers weg");
    insta::assert_snapshot!("intake_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("intake_200x50", ui.screen(200, 50));
    let screen = ui.screen(200, 50);
    assert!(screen.contains("Magister → Iddink (contract ICT-2024-017)"), "{screen}");
    // P2 on the helpdesk's office hours from Monday 11:00: respond in 30m, resolve in 8h.
    assert!(
        screen.contains("respond  by Mon 23 Nov 11:30") && screen.contains("resolve  by Tue 24 Nov 11:00"),
        "{screen}"
    );
    // With the server slow to answer, a second save asks nothing more: one call, one ticket.
    let save = || Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let mut waiting = ui.state.clone();
    let first = spoc::ui::update(&mut waiting, &ui.keys, save());
    let again = spoc::ui::update(&mut waiting, &ui.keys, save());
    assert_eq!((first.len(), again.len()), (1, 0), "{first:?} {again:?}");
    ui.send(save());
    assert_eq!(ui.state.screen(), Screen::Ticket);
    let t = ui.state.ticket.clone().unwrap();
    assert_eq!((t.participant.as_str(), t.service.as_str(), t.title.as_str()), ("ZYL", "Magister", "Cijfers weg"));
    assert_eq!(t.supplier.as_deref(), Some("Iddink"));
    assert_eq!(t.caller.as_deref(), Some("Sanne de Boer"));
    assert_eq!(t.created_by, "anouk");
}

#[test]
fn priority_call_override_satisfaction_and_copy_from_the_ticket_screen() {
    let mut ui = Ui::new();
    ui.keys("/Printer");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    ui.keys("p2");
    assert_eq!(ui.desk.ticket(2).unwrap().priority, spoc::domain::Priority::P2);
    ui.keys("l");
    ui.keys("Teruggebeld");
    ui.key(KeyCode::Enter);
    assert!(ui.desk.ticket(2).unwrap().first_response_at.is_some(), "a logged call is a response");
    // A name it does not know gets suggestions; a bare name says a reason is needed.
    ui.keys("o");
    ui.keys("Idink");
    ui.key(KeyCode::Enter);
    let said = ui.state.message.clone().unwrap();
    assert!(said.contains("no supplier \"Idink\"") && said.contains("did you mean Iddink"), "{said}");
    ui.key(KeyCode::Esc);
    ui.keys("o");
    ui.keys("Iddink");
    ui.key(KeyCode::Enter);
    assert!(ui.state.message.as_deref().unwrap().contains("needs a reason"), "{:?}", ui.state.message);
    ui.key(KeyCode::Esc);
    ui.keys("o");
    ui.keys("Iddink: WPN is failliet");
    ui.key(KeyCode::Enter);
    let t = ui.desk.ticket(2).unwrap();
    assert_eq!(t.supplier.as_deref(), Some("Iddink"));
    assert!(t.routing_overridden);
    // Each status has its own key; one not allowed now says why and decides nothing.
    ui.keys("s");
    ui.keys("x");
    assert!(ui.state.message.as_deref().unwrap().contains("cannot go from"), "{:?}", ui.state.message);
    assert!(ui.state.prompt.is_some(), "the menu stays open");
    // Resolving asks what solved it, then asks to confirm.
    ui.keys("r");
    ui.keys("WPN heeft de printer vervangen");
    ui.key(KeyCode::Enter);
    assert!(ui.screen(120, 40).contains("resolve #2 with: WPN heeft de printer vervangen? y: resolve"));
    assert_ne!(ui.desk.ticket(2).unwrap().status, Status::Resolved, "not before the agent says yes");
    ui.keys("y");
    let t = ui.desk.ticket(2).unwrap();
    assert_eq!((t.status, t.solution.as_deref()), (Status::Resolved, Some("WPN heeft de printer vervangen")));
    assert!(ui.screen(120, 40).contains("solution: WPN heeft de printer vervangen"), "{}", ui.screen(120, 40));
    // Closing asks to confirm; no keeps it resolved.
    ui.keys("s");
    ui.keys("x");
    assert!(ui.screen(120, 40).contains("close #2 (solution: WPN heeft de printer vervangen)? y: close"));
    ui.keys("n");
    assert_eq!(ui.desk.ticket(2).unwrap().status, Status::Resolved);
    ui.keys("v");
    ui.keys("4 snel geholpen");
    ui.key(KeyCode::Enter);
    let t = ui.desk.ticket(2).unwrap();
    assert_eq!((t.status, t.satisfaction), (Status::Resolved, Some(4)));
    assert_eq!(t.satisfaction_remark.as_deref(), Some("snel geholpen"));
    ui.keys("d");
    ui.keys("REF-9");
    ui.key(KeyCode::Enter);
    ui.keys("y");
    assert_eq!(ui.state.clipboard.as_deref(), Some("REF-9"));
    // In the lookup, ctrl-y copies the supplier's phone number.
    ui.keys("f");
    ui.keys("magi");
    ui.send(Msg::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL)));
    assert_eq!(ui.state.clipboard.as_deref(), Some("+31 85 000 1010"));
}

#[test]
fn vim_chords_through_update() {
    let mut ui = Ui::new();
    ui.keys = Keymap::load_with(true, None).unwrap();
    ui.keys("jjj");
    assert_eq!(ui.state.queue.selected, 3);
    ui.keys("g");
    assert_eq!(ui.state.queue.selected, 3, "waits for the rest of the chord");
    ui.keys("g");
    assert_eq!(ui.state.queue.selected, 0);
    ui.keys("gxj");
    assert_eq!(ui.state.queue.selected, 1, "a chord that goes nowhere drops; the next key counts");
}

#[test]
fn the_registry_screen_marks_contracts_that_need_attention() {
    let mut ui = Ui::new();
    ui.keys("R");
    assert_eq!(ui.state.screen(), Screen::Registry);
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    let suppliers = ui.screen(120, 30);
    assert!(suppliers.contains("Iddink") && suppliers.contains("no escalation contact"), "{suppliers}");
    ui.key(KeyCode::Tab);
    let contracts = ui.screen(120, 30);
    // NB-OLD ended in June 2026; none of the others ends within 90 days of 23 November 2026.
    assert!(contracts.contains("NB-OLD") && contracts.contains("expired"), "{contracts}");
    insta::assert_snapshot!("registry_contracts_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("registry_contracts_200x50", ui.screen(200, 50));
    ui.keys("j");
    assert_eq!(ui.state.registry_selected, 1);
}

/// The registry is searched by any word an entry holds (a contact's name, a location), and an
/// entry opens in full: every field, its contracts, the week in week order.
#[test]
fn the_registry_is_searched_and_shows_an_entry_in_full() {
    let mut ui = Ui::new();
    ui.keys("R");
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.keys("/");
    ui.keys("iddink");
    assert_eq!(ui.state.registry_len(), 1);
    let found = ui.screen(100, 24);
    assert!(found.contains("search iddink · 1 found"), "{found}");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    let full = ui.screen(100, 40);
    assert!(full.contains("in full") && full.contains("contacts (") && full.contains("contracts ("), "{full}");
    insta::assert_snapshot!("registry_supplier_in_full_80x24", ui.screen(80, 24));
    // esc: back to the list, then the search cleared, then off the screen.
    ui.key(KeyCode::Esc);
    assert!(!ui.state.registry_detail);
    ui.key(KeyCode::Esc);
    assert!(ui.state.registry_search.is_empty());
    // A phone number however it is typed.
    ui.keys("/");
    ui.keys("0850001010");
    assert_eq!(ui.state.registry_len(), 1, "the national form of +31 85 000 1010");
    ui.key(KeyCode::Esc);
    ui.keys("/");
    ui.keys("nothing-holds-this");
    assert!(ui.screen(100, 24).contains("nothing in suppliers holds"), "{}", ui.screen(100, 24));
    ui.key(KeyCode::Esc);
    // Calendars: the week in week order, in full.
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Enter);
    let calendar = ui.screen(100, 40);
    let monday = calendar.find("Monday").expect("the week");
    let sunday = calendar.find("Sunday").expect("the week");
    assert!(monday < sunday, "{calendar}");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    assert_eq!(ui.state.screen(), Screen::Queue);
}

#[test]
fn the_dashboard_counts_open_tickets_per_supplier_and_participant() {
    let mut ui = Ui::new();
    ui.keys("D");
    let d = ui.state.dashboard.clone().expect("loaded");
    assert_eq!((d.open.open, d.arrivals_today), (4, 4));
    let suppliers: Vec<(&str, u64)> = d.suppliers.iter().map(|c| (c.name.as_str(), c.open)).collect();
    assert_eq!(suppliers, [("Iddink", 2), ("WPN", 1), ("unrouted", 1)]);
    let participants: Vec<(&str, u64)> = d.participants.iter().map(|c| (c.name.as_str(), c.open)).collect();
    assert_eq!(participants, [("GZW", 2), ("ZYL", 2)]);
    insta::assert_snapshot!("dashboard_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("dashboard_200x50", ui.screen(200, 50));
    // A colleague's new call shows without a keystroke.
    ui.desk.create_ticket(&Agent::new("bram"), call("Printer weer", "Printen", "OBL", 3, 3)).unwrap();
    ui.send(Msg::Notice(spoc::protocol::Notice::Ticket { id: 5, version: 1, by: "bram".into(), at: now() }));
    assert_eq!(ui.state.dashboard.as_ref().unwrap().open.open, 5);
    // The load per agent, and enter on a row opens the queue of that row.
    let agents: Vec<(String, u64)> =
        ui.state.dashboard.as_ref().unwrap().agents.iter().map(|c| (c.name.clone(), c.open)).collect();
    assert_eq!(agents, [("unassigned".to_string(), 5)]);
    ui.key(KeyCode::Enter);
    assert_eq!(ui.state.screen(), Screen::Queue);
    assert_eq!(ui.state.view_supplier.as_deref(), Some("Iddink"));
    assert_eq!(ui.state.queue.rows.len(), 3, "Iddink's open tickets, the new call included");
    // The unrouted row: the tickets without a supplier.
    ui.keys("D");
    ui.keys("jj");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.state.queue.filter, "supplier:unrouted");
    assert!(!ui.state.queue.rows.is_empty() && ui.state.queue.rows.iter().all(|r| r.supplier.is_none()));
    ui.keys("/");
    ui.key(KeyCode::Esc);
    ui.keys("D");
    ui.keys("jjjj"); // past the three suppliers: the second participant
    ui.key(KeyCode::Enter);
    assert_eq!(ui.state.queue.filter, "participant:ZYL");
    assert!(ui.state.queue.rows.iter().all(|r| r.participant == "ZYL"));
}

#[test]
fn the_regie_screen_shows_met_percentages_the_trend_and_the_watch() {
    let mut ui = Ui::new();
    ui.keys("S");
    let regie = ui.state.regie.clone().expect("loaded");
    assert!(regie.year.iter().any(|c| c.supplier == "Iddink"), "{:?}", regie.year);
    assert_eq!(regie.trend.len(), 1, "one month with dispatches");
    insta::assert_snapshot!("regie_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("regie_200x50", ui.screen(200, 50));
    let wide = ui.screen(200, 50);
    assert!(wide.contains("resolution met %") && wide.contains("contract watch"), "{wide}");
    assert!(wide.contains("met % per priority"), "{wide}");
}

/// The regie screen scrolls: on a small terminal the watch at the bottom is reached by keys, and
/// the scroll stops at the last screenful.
#[test]
fn the_regie_screen_scrolls() {
    let mut ui = Ui::new();
    ui.keys("S");
    ui.state.rows = 12;
    let top = ui.screen(80, 12);
    assert!(top.contains("suppliers, 12 months") && !top.contains("contract watch"), "{top}");
    ui.key(KeyCode::End);
    let bottom = ui.screen(80, 12);
    assert!(bottom.contains("contract watch") && !bottom.contains("suppliers, 12 months"), "{bottom}");
    // One key up from the bottom moves the screen at once: no dead presses past the end.
    ui.keys("k");
    assert_ne!(ui.screen(80, 12), bottom);
    ui.keys("j");
    ui.keys("j");
    assert_eq!(ui.screen(80, 12), bottom);
    ui.key(KeyCode::Home);
    assert_eq!(ui.screen(80, 12), top);
}

#[test]
fn wide_and_combining_characters_are_measured_by_their_width() {
    use unicode_width::UnicodeWidthStr;
    let mut ui = Ui::new();
    let title = "打印机坏了 — cafe\u{301} Zoë";
    ui.desk.create_ticket(&Agent::new("bram"), call(title, "Printen", "ZYL", 1, 1)).unwrap();
    ui.send(Msg::Tick(now()));
    for (w, h) in [(80, 24), (200, 50), (41, 9)] {
        let screen = ui.screen(w, h);
        for line in screen.lines() {
            assert!(line.width() <= w as usize, "{w}×{h}: {line:?} is {} wide", line.width());
        }
        if w == 200 {
            assert!(screen.contains("打印机坏了"), "{screen}");
        }
    }
    ui.keys("/打印");
    assert_eq!(ui.state.queue.rows.len(), 1);
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    assert!(
        ui.screen(80, 24).contains("打印机坏了 — café Zoë")
            || ui.screen(80, 24).contains("打印机坏了 — cafe\u{301} Zoë")
    );
}

#[test]
fn assign_to_a_colleague_and_sort_by_any_column() {
    let mut ui = Ui::new();
    ui.key(KeyCode::Enter);
    // A typo is refused with the nearest known login, and nothing changes.
    ui.keys("A");
    ui.keys("brma");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.desk.ticket(1).unwrap().assignee, None);
    let screen = ui.screen(120, 40);
    assert!(screen.contains("no agent \"brma\"; did you mean bram?"), "{screen}");
    // The prompt is open again with what was typed, to mend.
    assert_eq!(ui.state.prompt.as_ref().map(|p| p.text.as_str()), Some("brma"));
    assert!(screen.contains("assign to (login): brma"), "{screen}");
    ui.key(KeyCode::Backspace);
    ui.key(KeyCode::Backspace);
    ui.keys("am");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.desk.ticket(1).unwrap().assignee.as_deref(), Some("bram"));
    ui.keys("A");
    ui.keys("none");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.desk.ticket(1).unwrap().assignee, None);
    // The supplier's desk and procedure are on the ticket, for the dispatch.
    assert!(ui.screen(120, 40).contains("report to    +31 85 000 1010"), "{}", ui.screen(120, 40));
    ui.key(KeyCode::Esc);
    let mut seen = Vec::new();
    for _ in 0..10 {
        ui.keys("s");
        seen.push(ui.state.sort.name());
    }
    for column in
        ["priority", "age", "status", "supplier", "assignee", "participant", "service", "id", "title", "SLA urgency"]
    {
        assert!(seen.contains(&column), "{column} in {seen:?}");
    }
    while ui.state.sort.name() != "title" {
        ui.keys("s");
    }
    let titles: Vec<String> = ui.state.queue.rows.iter().map(|r| r.title.to_lowercase()).collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[test]
fn a_view_per_supplier_follows_the_selection_and_cycles() {
    let mut ui = Ui::new();
    ui.keys("6");
    assert_eq!(ui.state.view_supplier.as_deref(), Some("Iddink"), "the selected ticket's supplier");
    assert!(ui.state.queue.rows.iter().all(|r| r.supplier.as_deref() == Some("Iddink")));
    assert_eq!(ui.state.queue.rows.len(), 2);
    assert!(ui.screen(80, 24).contains("queue · Iddink"));
    ui.keys("6");
    assert_eq!(ui.state.view_supplier.as_deref(), Some("WPN"), "the next in the registry");
    assert_eq!(ui.state.queue.rows.len(), 1);
}

/// The filter in force shows in the header with the count it leaves; an unknown term says so
/// instead of showing no tickets; plain words also find the participant, service, supplier and
/// assignee.
#[test]
fn the_filter_is_visible_and_an_unknown_term_is_an_error() {
    let mut ui = Ui::new();
    ui.keys("/gzw");
    ui.key(KeyCode::Enter);
    let screen = ui.screen(120, 20);
    assert!(screen.contains("filter gzw · 2 tickets"), "{screen}");
    ui.keys("/");
    ui.key(KeyCode::Esc);
    ui.keys("/iddink");
    assert_eq!(ui.state.queue.rows.len(), 2, "the supplier's name is found");
    ui.key(KeyCode::Esc);
    ui.keys("/foo:bar");
    let message = ui.state.message.clone().unwrap_or_default();
    assert!(message.contains("no filter term foo:"), "{message}");
    assert!(!ui.state.queue.rows.is_empty(), "the unknown term does not empty the queue");
    ui.key(KeyCode::Esc);
    ui.keys("/prio:p9");
    assert!(ui.state.message.clone().unwrap_or_default().contains("no priority"), "{:?}", ui.state.message);
    ui.key(KeyCode::Esc);
    // A term still being typed filters nothing yet (not "every ticket without a supplier").
    ui.keys("/supplier:");
    assert_eq!(ui.state.queue.rows.len(), 4, "{:?}", ui.state.queue.rows);
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// One line editor everywhere: a reopened lookup or filter is selected (typing replaces it),
/// the shell's editing keys work, and ctrl-f or ctrl-c work while typing.
#[test]
fn one_line_editor_everywhere() {
    let mut ui = Ui::new();
    ui.keys("f");
    ui.keys("magister");
    ui.key(KeyCode::Esc);
    ui.keys("f");
    assert!(ui.screen(120, 20).contains("find: magister▏  (typing replaces it)"), "{}", ui.screen(120, 20));
    ui.keys("notu");
    assert_eq!(ui.state.lookup.query, "notu", "replaced, not magisternotu");
    ui.send(Msg::Key(ctrl('a')));
    ui.keys("zyl ");
    ui.send(Msg::Key(ctrl('e')));
    ui.keys(" biz");
    assert_eq!(ui.state.lookup.query, "zyl notu biz");
    ui.send(Msg::Key(ctrl('w')));
    ui.send(Msg::Key(ctrl('w')));
    assert_eq!(ui.state.lookup.query, "zyl ");
    ui.send(Msg::Paste("Iddink\nsupport".into()));
    assert_eq!(ui.state.lookup.query, "zyl Iddink support");
    ui.key(KeyCode::Esc);
    // In a prompt: ctrl-u clears what is before the cursor; ctrl-f opens the lookup over it.
    ui.key(KeyCode::Enter);
    ui.keys("n");
    ui.keys("belt terug");
    ui.key(KeyCode::Left);
    ui.key(KeyCode::Left);
    ui.send(Msg::Key(ctrl('u')));
    assert_eq!(ui.state.prompt.as_ref().unwrap().text, "ug");
    ui.send(Msg::Key(ctrl('f')));
    assert_eq!(ui.state.screen(), Screen::Lookup, "ctrl-f works inside a prompt");
    ui.key(KeyCode::Esc);
    assert_eq!(ui.state.prompt.as_ref().unwrap().text, "ug", "the prompt waited");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    // The filter: reopened selected; ctrl-c quits even while typing.
    ui.keys("/gzw");
    ui.key(KeyCode::Enter);
    ui.keys("/iddink");
    assert_eq!(ui.state.queue.filter, "iddink");
    ui.send(Msg::Key(ctrl('c')));
    assert!(ui.state.quit);
}

/// From the lookup, ctrl-l logs a call about what is selected: the intake opens with the service
/// filled in; impact and urgency show what their numbers mean.
#[test]
fn a_call_from_the_lookup_and_the_meanings_of_impact_and_urgency() {
    let mut ui = Ui::new();
    ui.keys("f");
    ui.keys("magi");
    ui.send(Msg::Key(ctrl('l')));
    assert_eq!(ui.state.screen(), Screen::Intake);
    assert_eq!(ui.state.intake.values[2], "Magister");
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    let screen = ui.screen(120, 30);
    assert!(screen.contains("1 whole organisation") && screen.contains("3 one person"), "{screen}");
    ui.key(KeyCode::Tab);
    assert!(ui.screen(120, 30).contains("4 low"), "{}", ui.screen(120, 30));
}

/// Text back from $EDITOR goes into the line it came from, the filter and the lookup too, as
/// one line.
#[test]
fn text_from_the_editor_goes_where_the_agent_was_typing() {
    let mut ui = Ui::new();
    ui.keys("/");
    ui.send(Msg::Edited("iddink\n".into()));
    assert_eq!(ui.state.queue.filter, "iddink");
    assert_eq!(ui.state.queue.rows.len(), 2, "the queue follows");
    ui.key(KeyCode::Enter);
    ui.keys("f");
    ui.send(Msg::Edited("notu\nbiz".into()));
    assert_eq!(ui.state.lookup.query, "notu biz");
}

/// A call at intake: the caller found on file with their earlier call, the service's open major
/// incident linked, a standard solution applied; saved, it is solved on the line and linked.
#[test]
fn intake_finds_the_caller_links_the_major_incident_and_solves_on_the_line() {
    let mut ui = Ui::new();
    let admin = Agent::new("admin");
    let solution = "[[solution]]\ntitle = \"Magister cache legen\"\nservices = [\"Magister\"]\nsteps = \"Ctrl-F5 in de browser.\"\n";
    ui.desk.import_registry(&admin, "solutions.toml", solution, ImportFormat::Toml, false).unwrap();
    let major = TicketUpdate { changes: vec![Change::Major(true)], expected_version: None };
    ui.desk.update_ticket(&admin, 1, major).unwrap();
    let anouk = spoc::domain::caller::Caller {
        name: "Anouk de Vries".into(),
        phone: Some("06 1234 5678".into()),
        participant: "ZYL".into(),
        ..Default::default()
    };
    let anouk = ui.desk.save_caller(&admin, anouk).unwrap();
    let earlier = NewTicket { caller_id: Some(anouk.id), ..call("Cijfers weg", "Magister", "ZYL", 3, 3) };
    ui.desk.create_ticket(&admin, earlier).unwrap();
    ui.send(Msg::Registry(Ok(ui.desk.registry())));
    ui.keys("n");
    assert_eq!(ui.state.screen(), Screen::Intake);
    ui.keys("anouk");
    assert_eq!(ui.state.intake.callers.len(), 1, "found on file as the name is typed");
    assert!(ui.screen(120, 40).contains("› Anouk de Vries (06 1234 5678) · ZYL"), "{}", ui.screen(120, 40));
    ui.key(KeyCode::Tab);
    assert_eq!(ui.state.intake.caller.as_ref().map(|c| c.id), Some(anouk.id));
    assert_eq!(ui.state.intake.values[1], "ZYL", "the participant follows the caller");
    ui.key(KeyCode::Tab);
    ui.keys("magister");
    ui.key(KeyCode::Tab);
    ui.keys("2");
    ui.key(KeyCode::Tab);
    ui.keys("2");
    ui.send(Msg::Key(ctrl('l')));
    ui.send(Msg::Key(ctrl('o')));
    insta::assert_snapshot!("intake_caller_major_solution_80x24", ui.screen(80, 24));
    insta::assert_snapshot!("intake_caller_major_solution_120x40", ui.screen(120, 40));
    ui.send(Msg::Key(ctrl('s')));
    let t = ui.state.ticket.clone().expect("logged and shown");
    assert_eq!(
        (t.status, t.first_contact, t.linked_to, t.caller_id),
        (Status::Resolved, true, Some(1), Some(anouk.id))
    );
    assert!(t.solution.unwrap().starts_with("Magister cache legen"));
}

/// Every screen at 80×24 in Dutch: the words come from the catalogue, and they fit.
#[test]
fn every_screen_in_dutch_at_80x24() {
    spoc::i18n::set_for_thread(spoc::i18n::Lang::Nl);
    let mut ui = Ui::new();
    let mut shots: Vec<(&str, String)> = vec![("queue", ui.screen(80, 24))];
    ui.key(KeyCode::Enter);
    shots.push(("ticket", ui.screen(80, 24)));
    ui.key(KeyCode::Esc);
    ui.keys("n");
    ui.keys("Sanne");
    shots.push(("intake", ui.screen(80, 24)));
    ui.key(KeyCode::Esc);
    ui.keys("f");
    ui.keys("magi");
    shots.push(("lookup", ui.screen(80, 24)));
    ui.key(KeyCode::Esc);
    for (key, name) in [("D", "dashboard"), ("S", "regie"), ("R", "registry"), ("H", "search"), ("?", "help")] {
        ui.keys(key);
        if name == "search" {
            ui.keys("magister");
        }
        shots.push((name, ui.screen(80, 24)));
        ui.key(KeyCode::Esc);
        if name == "search" {
            ui.key(KeyCode::Esc);
        }
    }
    for (name, screen) in shots {
        insta::assert_snapshot!(format!("dutch_{name}_80x24"), screen);
    }
    // The filter takes the words of the language too.
    ui.keys("/leverancier:iddink status:nieuw");
    let ids: Vec<u64> = ui.state.queue.rows.iter().map(|r| r.id).collect();
    assert_eq!(ids, [1], "Iddink's new ticket only");
    assert_eq!(ui.state.filter_error(), None);
    spoc::i18n::set_for_thread(spoc::i18n::Lang::En);
}
