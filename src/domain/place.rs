//! Where a byte offset of a user's file is, as their editor shows it: line and column, 1 first.
//! Lines end at `\n`, `\r\n` or a lone `\r` (old Mac and some Excel exports); columns count
//! characters, not bytes, so `Coördinator` does not shift the column of what follows.

/// Line and column of byte `offset` of `text` (clamped to the text, and to a character start).
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in bytes[..offset].iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = text[line_start..offset].chars().filter(|&c| c != '\r').count() + 1;
    (line, column)
}

/// The line (1 first) that byte `offset` of `text` is on.
pub fn line_at(text: &str, offset: usize) -> usize {
    position(text, offset).0
}

/// The lines of `text` as [`position`] counts them: ended by `\n`, `\r\n` or a lone `\r`.
pub fn lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{line_at, lines, position};

    #[test]
    fn lines_split_as_positions_count_them() {
        assert_eq!(lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n"), ["a"], "a last line end adds no line");
        assert_eq!(lines("a\n\nb"), ["a", "", "b"]);
        assert!(lines("").is_empty());
        let text = "x = 1\ry = 2\rz = 3";
        let at = text.find('z').unwrap();
        assert_eq!(lines(text)[line_at(text, at) - 1], "z = 3");
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        assert_eq!(line_at("a\nb\nc", 4), 3);
        assert_eq!(line_at("a\r\nb\r\nc", 6), 3);
        assert_eq!(line_at("a\r\nb", 1), 1, "the \\r of a \\r\\n does not end a line by itself");
        assert_eq!(line_at("a\rb\rc", 4), 3);
        assert_eq!(line_at("", 0), 1);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(position("name = \"Coördinator\"\nx = 1", 22), (2, 1));
        assert_eq!(position("name = \"Coördinator\" x", 22), (1, 22), "one column per character");
        assert_eq!(position("ö = 1", 2), (1, 2), "after one two-byte character");
        assert_eq!(position("ab\r\ncd", 5), (2, 2));
        assert_eq!(position("ö", 1), (1, 1), "inside a character: its start");
        assert_eq!(position("abc", 99), (1, 4), "past the end: the end");
    }
}
