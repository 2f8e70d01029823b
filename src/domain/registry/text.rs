//! Text as people's tools save it: UTF-8 (with or without a byte order mark), UTF-16 with one
//! (Excel's "Unicode text"), and anything else as Windows-1252 (Excel's "CSV" on Windows).
//! Lines are counted as editors count them: `\r\n`, `\n` and a lone `\r` each end one.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::file::FileError;
use crate::domain::place::line_at;

/// The text of a registry or CSV file, or why it is not text, with the line.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, FileError> {
    let err = |line: usize, message: String| FileError { file: file.into(), line, field: String::new(), message };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(err(1, crate::i18n::t("reg-text-spreadsheet")));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The byte order mark says UTF-8, so bytes that are not are a damaged file, not another encoding.
        std::str::from_utf8(rest).map(str::to_string).map_err(|e| {
            let good = String::from_utf8_lossy(&rest[..e.valid_up_to()]);
            err(line_at(&good, good.len()), crate::i18n::t("reg-text-bad-utf8-bom"))
        })?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(UTF_16LE, rest).ok_or_else(|| err(1, crate::i18n::t("reg-text-bad-utf16-le")))?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(UTF_16BE, rest).ok_or_else(|| err(1, crate::i18n::t("reg-text-bad-utf16-be")))?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        }
    };
    let odd = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if let Some((at, c)) = text.char_indices().find(|(_, c)| odd(*c)) {
        let character = format!("{c:?}");
        let message = if c == '\0' {
            crate::tr!("reg-text-nul-character", character = character)
        } else {
            crate::tr!("reg-text-control-character", character = character)
        };
        return Err(err(line_at(&text, at), message));
    }
    Ok(text)
}

fn utf16(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned())
}
