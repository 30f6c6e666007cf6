//! Pass 2: split the cleaned text into lines.

use crate::scan::bytes::find_any;

/// One line of the cleaned text, without its terminator and trailing blanks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// First byte of the line's content, after leading blanks.
    pub(crate) start: usize,
    /// One past the last non-blank byte (equal to `start` for a blank line).
    pub(crate) end: usize,
}

impl Line {
    pub(crate) fn text(self, cleaned: &str) -> &str {
        cleaned.get(self.start..self.end).unwrap_or("")
    }

    pub(crate) fn is_blank(self) -> bool {
        self.start == self.end
    }
}

/// Splits on `\n`, `\r\n` and lone `\r`, trimming blanks (spaces, tabs, no-break spaces) at both
/// ends of each line.
pub(crate) fn split(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = 0;
    loop {
        let rest = bytes.get(line_start..).unwrap_or_default();
        let Some(offset) = find_any(rest, b"\n\r") else {
            lines.push(trimmed(text, line_start, bytes.len()));
            return lines;
        };
        let end = line_start + offset;
        lines.push(trimmed(text, line_start, end));
        let crlf = bytes.get(end..end + 2) == Some(b"\r\n");
        line_start = end + if crlf { 2 } else { 1 };
    }
}

fn trimmed(text: &str, start: usize, end: usize) -> Line {
    let mut content = text.get(start..end).unwrap_or("");
    // Most lines start and end with ASCII, perhaps after ASCII blanks (a cable's lines often
    // end in spaces): trimmed as bytes, not read as characters. (`\t`..=`\r` and the space are
    // the ASCII characters `char::is_whitespace` takes.) Anything else (a no-break space, a
    // backslash at the end) goes the long way below.
    let is_blank = |byte: &&u8| matches!(byte, b'\t'..=b'\r' | b' ');
    let bytes = content.as_bytes();
    let leading = bytes.iter().take_while(is_blank).count();
    if leading == bytes.len() {
        return Line { start, end: start };
    }
    let trailing = bytes.iter().rev().take_while(is_blank).count();
    let first = bytes.get(leading).copied().unwrap_or(0);
    let last = bytes
        .len()
        .checked_sub(trailing + 1)
        .and_then(|idx| bytes.get(idx))
        .copied()
        .unwrap_or(0);
    if first.is_ascii() && last.is_ascii() && last != b'\\' {
        return Line {
            start: start + leading,
            end: end - trailing,
        };
    }
    // Some dumps end lines with an escaped-newline backslash (`SESSION \`): not text.
    if let Some(without) = content.trim_end().strip_suffix('\\') {
        if without.is_empty() || without.ends_with(char::is_whitespace) {
            content = without;
        }
    }
    let end = start + content.len();
    let leading = content.len() - content.trim_start().len();
    let trailing = content.len() - content.trim_end().len();
    if leading == content.len() {
        return Line { start, end: start };
    }
    Line {
        start: start + leading,
        end: end - trailing,
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    /// Each line of `text` with where its content starts and ends.
    fn check(text: &str, expect: Expect) {
        let shown: String = super::split(text)
            .into_iter()
            .map(|line| format!("{}..{} {:?}\n", line.start, line.end, line.text(text)))
            .collect();
        expect.assert_eq(&shown);
    }

    #[test]
    fn splits_every_line_ending_and_trims() {
        check(
            "  a \r\nb\rc\n\n d",
            expect![[r#"
            2..3 "a"
            6..7 "b"
            8..9 "c"
            10..10 ""
            12..13 "d"
        "#]],
        );
        // A backslash left at a line's end by an escaped line break is no text.
        check(
            "SESSION \\\nNEXT",
            expect![[r#"
            0..7 "SESSION"
            10..14 "NEXT"
        "#]],
        );
    }
}
