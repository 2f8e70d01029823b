//! The frame decoder against arbitrary and hostile input: it never panics, never allocates
//! more than the limit, and reads back exactly what was written.

use std::io::Cursor;

use proptest::prelude::*;
use spoc::protocol::frame::encode;
use spoc::protocol::{FrameError, Hello, MAX_FRAME, Notice, Reply, Request, decode, read_frame};

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
        any::<u64>().prop_map(|id| Request::Ticket { id }),
        (".{0,40}", 0usize..100).prop_map(|(query, limit)| Request::Lookup { query, limit }),
        ".{0,200}".prop_map(|supplier| Request::SupplierCard { supplier }),
        Just(Request::Status),
        Just(Request::Subscribe),
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
    assert!(matches!(read_frame(&mut r), Err(FrameError::TooLarge(n)) if n == u32::MAX as usize));
    let mut r = Cursor::new([0, 0, 0, 9, b'{']);
    assert!(matches!(read_frame(&mut r), Err(FrameError::Truncated)));
    let mut r = Cursor::new([0, 0]);
    assert!(matches!(read_frame(&mut r), Err(FrameError::Truncated)));
}
