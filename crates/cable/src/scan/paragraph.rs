//! Recognisers of the body's lines that the header reads too: a paragraph's start (number and
//! portion marking) and a page break.

use crate::scan::classification::classification_line;

/// Where the number, marking and text of a paragraph's first line are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ParagraphStart {
    /// The number's digits: end offset and value.
    pub(crate) number: Option<(usize, u32)>,
    /// The marking between its parentheses: start and end offsets.
    pub(crate) marking: Option<(usize, usize)>,
    /// Where the paragraph's own text starts.
    pub(crate) text_start: usize,
}

/// Recognises `1. (C/NF) Text`, `12. Text`, `(SBU) Text` at the start of a line.
pub(crate) fn paragraph_start(text: &str) -> Option<ParagraphStart> {
    // A number or a marking comes first (after blanks): a line that starts with anything else
    // (most lines: a word) is none, at one byte.
    if text
        .bytes()
        .next()
        .is_some_and(|byte| byte.is_ascii_graphic() && !byte.is_ascii_digit() && byte != b'(')
    {
        return None;
    }
    let n_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut pos = 0;
    let mut number = None;
    if (1..=3).contains(&n_digits) {
        let after = text.get(n_digits..)?;
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let after_spaces = after.get(spaces..)?;
        if after_spaces.starts_with(['.', ')']) {
            let rest = after_spaces.get(1..)?;
            if rest.is_empty() || rest.starts_with(char::is_whitespace) || rest.starts_with('(') {
                number = Some((n_digits, text.get(..n_digits)?.parse().ok()?));
                pos = n_digits + spaces + 1;
            }
        }
    }
    let after_number = text.get(pos..)?;
    let blank = after_number.len() - after_number.trim_start().len();
    let mut marking = None;
    if let Some(inside) = after_number
        .get(blank..)
        .and_then(|rest| rest.strip_prefix('('))
    {
        if let Some(close) = inside.find(')') {
            let candidate = inside.get(..close)?;
            if is_portion_marking(candidate) {
                let start = pos + blank + 1;
                marking = Some((start, start + close));
                pos = start + close + 1;
            }
        }
    }
    if number.is_none() && marking.is_none() {
        return None;
    }
    let rest = text.get(pos..)?;
    let text_start = pos + (rest.len() - rest.trim_start().len());
    Some(ParagraphStart {
        number,
        marking,
        text_start,
    })
}

/// `U`, `C`, `S`, `TS`, `SBU`, `C/NF`, `S//NF`, `C/REL UK`, `SBU/N`, `LOU`.
pub(crate) fn is_portion_marking(text: &str) -> bool {
    let head = text.split(['/', ' ']).next().unwrap_or("");
    matches!(
        head,
        "U" | "C"
            | "S"
            | "TS"
            | "SBU"
            | "LOU"
            | "FOUO"
            | "CONFIDENTIAL"
            | "SECRET"
            | "UNCLASSIFIED"
    ) && text.len() <= 30
        && text
            .chars()
            .all(|ch| ch.is_ascii_uppercase() || matches!(ch, '/' | ' ' | ',' | '-'))
}

/// A page or section break: `OTTAWA 00000372 002 OF 002`, a repeated classification line with a
/// section, or an old-format `PAGE 02 …` line.
pub(crate) fn is_page_break(text: &str) -> bool {
    // Every form is short, and starts with `PAGE` or ends with a number (the page count, the
    // serial): most lines are rejected here, by a look at their two ends.
    if text.len() > 120 {
        return false;
    }
    // A line's ends are nearly always plain ASCII: read as characters only when they are not.
    let bytes = text.as_bytes();
    let plain = |byte: Option<&u8>| byte.is_some_and(|byte| byte.is_ascii_graphic());
    let content = if plain(bytes.last()) {
        bytes
    } else {
        text.trim_end().as_bytes()
    };
    // The last word all digits and dots: the run of them at the end, after the start, an ASCII
    // blank (`\t`..=`\r` and the space, as `char::is_whitespace` has them), or (to be read the
    // long way) a byte above ASCII, which may end a blank.
    let digits = content
        .iter()
        .rev()
        .take_while(|byte| byte.is_ascii_digit() || **byte == b'.')
        .count();
    let before_digits = content
        .len()
        .checked_sub(digits + 1)
        .and_then(|idx| content.get(idx));
    let ends_with_number = digits > 0
        && before_digits
            .is_none_or(|byte| !byte.is_ascii() || matches!(byte, b'\t'..=b'\r' | b' '));
    let starts_with_page = if plain(bytes.first()) {
        bytes.starts_with(b"PAGE")
    } else {
        text.trim_start().starts_with("PAGE")
    };
    if !(ends_with_number || starts_with_page) {
        return false;
    }
    if !text.bytes().any(|byte| byte.is_ascii_digit()) {
        return false;
    }
    // Page numbers may carry a sub-page: `001.2 OF 003`.
    let all_digits =
        |word: &str| !word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
    // `STATION… SERIAL PAGE OF COUNT`, read from the end (no list of words made for each line).
    if text.as_bytes().windows(2).any(|pair| pair == b"OF") {
        let mut back = text.split_whitespace().rev();
        if let (Some(count), Some("OF"), Some(page), Some(serial)) =
            (back.next(), back.next(), back.next(), back.next())
        {
            let mut station = back.peekable();
            if serial.len() >= 5
                && all_digits(serial)
                && all_digits(page)
                && all_digits(count)
                && station.peek().is_some()
                && station.all(|word| word.chars().all(|ch| ch.is_ascii_uppercase()))
            {
                return true;
            }
        }
    }
    let mut words = text.split_whitespace();
    if words.next() == Some("PAGE") && words.next().is_some_and(all_digits) {
        return true;
    }
    text.contains("SECTION")
        && classification_line(text).is_some_and(|parts| parts.origin.is_some())
}
