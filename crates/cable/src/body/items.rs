//! List items inside a paragraph (`-- …`, `A. …`, `(1) …`), and the map from a paragraph's text
//! back to its lines that items and reading aids are placed by.

use crate::context::Context;
use crate::span::TextSpan;
use crate::tree::{Paragraph, SubItem};

/// Where each line of a paragraph's text came from: `(offset in the text, cleaned start, length)`.
pub(crate) type PieceMap = Vec<(usize, usize, usize)>;

/// A list item's marker at the start of a line: dashes (`--`, `-`), a bullet, or a letter or number
/// in sequence form (`A.`, `(a)`, `1)`); returns the marker's length.
pub(crate) fn item_marker(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    // Dashes, bullets and stars start with one of three bytes (`•` is E2 80 A2).
    let dashed = matches!(trimmed.as_bytes().first(), Some(b'-' | b'*' | 0xE2));
    for dash in ["--", "-", "•", "*"].into_iter().filter(|_| dashed) {
        if let Some(rest) = trimmed.strip_prefix(dash) {
            if rest.starts_with(char::is_whitespace) || (dash == "--" && !rest.starts_with('-')) {
                return Some(indent + dash.len());
            }
        }
    }
    let bytes = trimmed.as_bytes();
    let label = |byte: u8| byte.is_ascii_alphabetic() || byte.is_ascii_digit();
    let len = match bytes {
        [b'(', l, b')', b' ', ..] if label(*l) => 3,
        [l, b'.' | b')', b' ', ..] if l.is_ascii_alphabetic() => 2,
        [l, b')', b' ', ..] if label(*l) => 2,
        _ => return None,
    };
    Some(indent + len)
}

/// The paragraph's list items, from its lines that start with an item marker.
pub(crate) fn items(context: &Context<'_>, paragraph: &Paragraph, map: &PieceMap) -> Vec<SubItem> {
    let mut starts: Vec<(usize, usize, String)> = Vec::new();
    for (idx, &(offset, _, len)) in map.iter().enumerate() {
        // The first line is an item only in a paragraph without a number.
        if idx == 0 && paragraph.number.is_some() {
            continue;
        }
        let line = paragraph.text.get(offset..offset + len).unwrap_or("");
        if let Some(marker_len) = item_marker(line) {
            let label = line.get(..marker_len).unwrap_or("").trim().to_string();
            starts.push((offset, offset + marker_len, label));
        }
    }
    // Letters and numbers count only in sequence from the first (`A.`, `B.`; `1)`, `2)`), so a
    // sentence that starts `I.` is no item.
    let lettered = |label: &str| {
        label
            .chars()
            .find(|ch| ch.is_ascii_alphanumeric())
            .filter(|_| !label.starts_with('-'))
    };
    let mut kept: Vec<(usize, usize, String)> = Vec::new();
    let mut expected: Option<char> = None;
    for start in starts {
        match lettered(&start.2) {
            Some(letter) => {
                let first = matches!(letter, 'A' | 'a' | '1');
                if expected == Some(letter) || (expected.is_none() && first) {
                    expected = char::from_u32(u32::from(letter) + 1);
                    kept.push(start);
                }
            }
            None => kept.push(start),
        }
    }
    let mut items = Vec::new();
    for (idx, (offset, text_start, label)) in kept.iter().enumerate() {
        let end = kept
            .get(idx + 1)
            .map_or(paragraph.text.len(), |next| next.0);
        let raw = paragraph.text.get(*text_start..end).unwrap_or("");
        let text = raw.trim().to_string();
        let text_from = *text_start + (raw.len() - raw.trim_start().len());
        let last_byte = paragraph
            .text
            .get(..end)
            .map_or(end, |head| head.trim_end().len());
        let span_start = to_cleaned(map, *offset);
        let span_end = to_cleaned(map, last_byte);
        let (Some(span_start), Some(span_end)) = (span_start, span_end) else {
            continue;
        };
        items.push(SubItem {
            span: context.span(span_start, span_end.max(span_start)),
            label: label.clone(),
            in_text: TextSpan::new(text_from, text_from + text.len()),
            text,
        });
    }
    items
}

/// The cleaned offset of byte `offset` of a paragraph's text (an offset between two lines maps
/// to the end of the earlier one).
pub(crate) fn to_cleaned(map: &[(usize, usize, usize)], offset: usize) -> Option<usize> {
    // The pieces are in order of both offsets: the last that starts at or before `offset`.
    let after = map.partition_point(|&(start, _, _)| start <= offset);
    let &(start, cleaned, len) = map.get(after.checked_sub(1)?)?;
    Some(cleaned + (offset - start).min(len))
}
