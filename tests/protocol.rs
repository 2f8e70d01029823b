//! The frame decoder against arbitrary and hostile input: it never panics, never allocates
//! more than the limit, and reads back exactly what was written.

use crate::common;

use std::io::Cursor;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use spoc::desk::api::requests;
use spoc::desk::{Agent, Desk, ImportFormat, ReportQuery, SearchQuery, Session, TicketQuery, TicketUpdate};
use spoc::domain::ticket::{Change, NewTicket, TicketKind};
use spoc::domain::{Priority, Status};
use spoc::protocol::frame::{encode, write_encoded};
use spoc::protocol::{
    FrameError, Hello, MAX_FRAME, MAX_HELLO, Notice, PROTOCOL, Part, Reply, Request, decode, read_frame, read_message,
};

/// What the server does with bytes from a client: frames, then messages, until an error.
fn consume(bytes: &[u8]) -> Result<usize, FrameError> {
    let mut r = Cursor::new(bytes);
    let mut messages = 0;
    while let Some(payload) = read_frame(&mut r)? {
        assert!(payload.len() <= MAX_FRAME);
        let _ = decode::<Request>(&payload);
        let _ = decode::<Hello>(&payload);
        let _ = decode::<Reply<Notice>>(&payload);
        messages += 1;
    }
    Ok(messages)
}

fn request() -> impl Strategy<Value = Request> {
    prop_oneof![
        any::<u64>().prop_map(|id| requests::Ticket { id }.into()),
        (".{0,40}", 0usize..100).prop_map(|(query, limit)| requests::Lookup { query, limit }.into()),
        ".{0,200}".prop_map(|supplier| requests::SupplierCard { supplier }.into()),
        Just(requests::Status {}.into()),
        Just(requests::Subscribe {}.into()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = consume(&bytes);
    }

    /// Valid frames with their length fields or payloads damaged.
    #[test]
    fn damaged_frames_are_errors_not_panics(
        reqs in proptest::collection::vec(request(), 1..5),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes: Vec<u8> = reqs.iter().flat_map(encode).collect();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let _ = consume(&bytes);
        let _ = consume(&bytes[..cut.index(bytes.len())]);
    }

    #[test]
    fn frames_read_back_what_was_written(reqs in proptest::collection::vec(request(), 0..8)) {
        let bytes: Vec<u8> = reqs.iter().flat_map(encode).collect();
        let mut r = Cursor::new(&bytes);
        for want in &reqs {
            let payload = read_frame(&mut r).unwrap().unwrap();
            prop_assert_eq!(&decode::<Request>(&payload).unwrap(), want);
        }
        prop_assert!(read_frame(&mut r).unwrap().is_none());
    }
}

#[test]
fn a_huge_length_is_refused_before_anything_is_allocated() {
    let mut r = Cursor::new([0xff, 0xff, 0xff, 0xff]);
    assert!(matches!(read_frame(&mut r), Err(FrameError::TooLarge(..))));
    let mut r = Cursor::new([0, 0, 0, 9, b'{']);
    assert!(matches!(read_frame(&mut r), Err(FrameError::Truncated)));
    let mut r = Cursor::new([0, 0]);
    assert!(matches!(read_frame(&mut r), Err(FrameError::Truncated)));
}

#[test]
fn a_large_message_goes_as_frames_no_larger_than_the_limit_and_reads_back_whole() {
    let big = vec![7u8; 3 * 1024 * 1024 + 5];
    let mut wire = Vec::new();
    write_encoded(&mut wire, &encode(&Part::Bytes(big.clone()))).unwrap();
    // Every frame's length is within the limit, and all but the last say "more".
    let mut at = 0;
    let mut frames = 0;
    while at < wire.len() {
        let header = u32::from_be_bytes(wire[at..at + 4].try_into().unwrap());
        assert!((header & 0x7fff_ffff) as usize <= 1024 * 1024);
        at += 4 + (header & 0x7fff_ffff) as usize;
        frames += 1;
    }
    assert!(frames >= 4);
    let payload = read_message(&mut Cursor::new(&wire), 8 * 1024 * 1024).unwrap().unwrap();
    assert_eq!(decode::<Part>(&payload).unwrap(), Part::Bytes(big));
    // The reader's limit holds for the message as a whole, not per frame.
    assert!(matches!(read_message(&mut Cursor::new(&wire), 2 * 1024 * 1024), Err(FrameError::TooLarge(..))));
    // A hello larger than a hello may be is refused before it is read.
    let mut r = Cursor::new(((MAX_HELLO + 1) as u32).to_be_bytes());
    assert!(matches!(read_message(&mut r, MAX_HELLO), Err(FrameError::TooLarge(..))));
}

fn fixed() -> DateTime<Utc> {
    common::at("2026-11-23T10:00:00+01:00")
}

/// One sample of every request, answered by a desk with a fixed clock: the bytes of each
/// request and its reply are pinned, so that a changed message cannot slip past an older
/// client. A change here means: bump `PROTOCOL`, then accept the new snapshot.
#[test]
fn every_request_and_reply_keeps_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open_with_clock(dir.path(), Box::new(fixed)).unwrap();
    let agent = Agent::new("anouk");
    desk.import_registry(&agent, "small.toml", common::SMALL, ImportFormat::Toml, false).unwrap();
    let sanne = spoc::domain::caller::Caller {
        name: "Sanne de Boer".into(),
        phone: Some("06 1234 5678".into()),
        participant: "ZYL".into(),
        ..Default::default()
    };
    desk.save_caller(&agent, sanne.clone()).unwrap();
    let session = Session::new(&desk, agent);
    let new = NewTicket {
        kind: TicketKind::Incident,
        title: "Magister is down".into(),
        description: "Sinds vanochtend.".into(),
        caller: Some("Sanne de Boer".into()),
        participant: "ZYL".into(),
        service: "Magister".into(),
        impact: 2,
        urgency: 2,
        caller_id: None,
        link_to: None,
        solution: None,
    };
    let query = ReportQuery::new(common::at("2026-11-01T00:00:00+01:00"), common::at("2026-12-01T00:00:00+01:00"));
    let samples: Vec<Request> = vec![
        requests::CreateTicket { ticket: new }.into(),
        requests::UpdateTicket {
            id: 1,
            update: TicketUpdate {
                changes: vec![Change::Status(Status::WaitingOnSupplier), Change::Priority(Priority::P1)],
                expected_version: Some(1),
            },
        }
        .into(),
        requests::Ticket { id: 1 }.into(),
        requests::ListTickets { query: TicketQuery::default() }.into(),
        requests::Lookup { query: "magi".into(), limit: 3 }.into(),
        requests::SupplierCard { supplier: "Iddink".into() }.into(),
        requests::Registry {}.into(),
        requests::ImportRegistry {
            source: "more.csv".into(),
            text: "code,name\nXYZ,Xyz College\n".into(),
            format: ImportFormat::Csv,
            replace: false,
        }
        .into(),
        requests::ExportRegistry {}.into(),
        requests::SupplierReport { query: ReportQuery { detail: true, monthly: true, ..query.clone() } }.into(),
        requests::ParticipantReport { query: query.clone() }.into(),
        requests::ServiceReport { query }.into(),
        requests::ContractWatch { within_days: 90 }.into(),
        requests::Dashboard {}.into(),
        requests::Backup {}.into(),
        requests::Restore { name: "nightly.spoc".into(), force: true }.into(),
        requests::Status {}.into(),
        requests::Subscribe {}.into(),
        requests::Agents {}.into(),
        requests::AddAgent { login: "bram".into() }.into(),
        requests::SearchTickets {
            query: SearchQuery { words: "magister down".into(), limit: 5, ..Default::default() },
        }
        .into(),
        requests::FindCallers { query: "sanne".into(), participant: Some("ZYL".into()), limit: 5 }.into(),
        requests::CallerCard { id: 1 }.into(),
        requests::SaveCaller {
            caller: spoc::domain::caller::Caller { id: 1, email: Some("s@zyl.nl".into()), ..sanne },
        }
        .into(),
        requests::ImportCallers {
            source: "callers.csv".into(),
            text: "name,phone,participant\nBram Jansen,020 555 0101,ZYL\n".into(),
        }
        .into(),
        requests::MajorIncidents {}.into(),
        requests::PurgeCallers { dry_run: true }.into(),
        requests::PersonalData { caller: 1 }.into(),
        requests::ForgetCaller { caller: 2 }.into(),
    ];
    let named: Vec<&str> = samples.iter().map(Request::name).collect();
    assert_eq!(named, Request::NAMES, "a sample of every request, in wire order");
    let mut pinned = format!("protocol {PROTOCOL}\n");
    for request in samples {
        let name = request.name();
        let sent = encode(&request);
        let (mut reply, _) = request.answer(&session);
        if name == "Agents" {
            // The answer names the folder's owner, who differs per machine: pin its shape.
            reply = spoc::protocol::frame::encode(&spoc::protocol::Reply::Ok(vec!["anouk".to_string()]));
        }
        pinned.push_str(&format!("{name}\n  request {}\n  reply   {}\n", digest(&sent), digest(&reply)));
    }
    let others = [
        ("Hello", encode(&Hello { protocol: PROTOCOL, version: "0.1.0".into(), lang: spoc::i18n::Lang::Nl })),
        ("Notice::Ticket", encode(&Notice::Ticket { id: 7, version: 3, by: "bram".into(), at: fixed() })),
        ("Notice::Registry", encode(&Notice::Registry { by: "bram".into(), at: fixed() })),
        ("Notice::Resync", encode(&Notice::Resync)),
        ("Part::Bytes", encode(&Part::Bytes(b"SPOC".to_vec()))),
        ("Part::End", encode(&Part::End)),
        // A backup's and a restore's last word comes through the stream: pinned here.
        (
            "Reply<BackupSummary>",
            encode(&spoc::protocol::Reply::Ok(spoc::store::backup::BackupSummary {
                tickets: 1101,
                journal_entries: 2202,
                callers: 3,
                replaced: 1158,
                next_ticket: 1159,
            })),
        ),
        // Only a server answers `status`: its reply is pinned here, whole.
        (
            "Reply<ServerStatus>",
            encode(&spoc::protocol::Reply::Ok(spoc::protocol::ServerStatus {
                pid: 4242,
                version: "0.1.0".into(),
                protocol: PROTOCOL,
                data: "/srv/spoc".into(),
                started_at: fixed(),
                uptime_secs: 3600,
                clients: 3,
                subscribers: 1,
                tickets: 120,
                store_bytes: 1 << 20,
                restore_unfinished: false,
                restoring: true,
                damaged: None,
            })),
        ),
    ];
    for (name, bytes) in others {
        pinned.push_str(&format!("{name}\n  {}\n", digest(&bytes)));
    }
    insta::assert_snapshot!(pinned);
}

/// Short messages in full; long ones by length, checksum and their first bytes.
fn digest(bytes: &[u8]) -> String {
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    if bytes.len() <= 48 {
        hex(bytes)
    } else {
        format!("{} bytes, crc32 {:08x}, {}…", bytes.len(), crc32fast::hash(bytes), hex(&bytes[..32]))
    }
}
