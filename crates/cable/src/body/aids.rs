//! Reading aids for a paragraph's text, each keeping the text as written: apostrophes the
//! telegraph could not send (`POST,S` → `POST'S`, `DON,T` → `DON'T`), redactions
//! (`XXXXXXXXXXXX`), and transmission garbles (`…plenary are Qpolicy, Turcotte responded, "my
//! remarks to the plenary are what matter."`: a `Q`, then a repeat of the text before it).

use crate::body::items::to_cleaned;
use crate::context::Context;
use crate::scan::bytes::find_any;
use crate::scan::{sort, words};
use crate::span::TextSpan;
use crate::tree::{AidKind, ReadingAid};

/// What follows an apostrophe typed as a comma: `,S`, `,T` (`DON,T`), `,LL`, `,RE`, `,VE`, `,D`,
/// `,M`.
pub(crate) const CONTRACTIONS: [&str; 7] = ["S", "T", "LL", "RE", "VE", "D", "M"];

/// The shortest repeat a garble must have to be flagged.
pub(crate) const MIN_GARBLE_REPEAT: usize = 12;

/// How far back a garble's repeat may start.
pub(crate) const GARBLE_WINDOW: usize = 400;

/// Finds the aids in `text`, a paragraph's text whose lines came from the cleaned text as `map`
/// says (see `body::to_cleaned`).
pub(crate) fn find(
    context: &mut Context<'_>,
    text: &str,
    map: &[(usize, usize, usize)],
) -> Vec<ReadingAid> {
    let mut found: Vec<(AidKind, usize, usize, String)> = Vec::new();
    apostrophes(text, &mut found);
    redactions(text, &mut found);
    garbles(text, &mut found);
    sort::sort_by_key(&mut found, |&(_, start, _, _)| start);
    let mut aids = Vec::new();
    for (kind, start, end, reading) in found {
        let (Some(from), Some(to)) = (to_cleaned(map, start), to_cleaned(map, end)) else {
            continue;
        };
        let span = context.span(from, to.max(from));
        let raw = text.get(start..end).unwrap_or("").to_string();
        if kind == AidKind::Garble {
            context.note(
                span,
                &format!(
                    "Transmission garble: a Q and then a repeat of the text before it. Suggested reading leaves out \"{}\".",
                    raw.trim()
                ),
            );
        }
        aids.push(ReadingAid {
            kind,
            span,
            in_text: TextSpan::new(start, end),
            raw,
            reading,
        });
    }
    aids
}

/// `POST,S` → `POST'S`: a letter, a comma, a contraction's letters, then no letter.
pub(crate) fn apostrophes(text: &str, found: &mut Vec<(AidKind, usize, usize, String)>) {
    let bytes = text.as_bytes();
    for at in byte_offsets(bytes, b',') {
        let before = at.checked_sub(1).and_then(|idx| bytes.get(idx));
        if !before.is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let rest = text.get(at + 1..).unwrap_or("");
        let Some(tail) = CONTRACTIONS.iter().find(|tail| {
            rest.get(..tail.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(tail))
                && !rest
                    .as_bytes()
                    .get(tail.len())
                    .is_some_and(u8::is_ascii_alphabetic)
        }) else {
            continue;
        };
        // The word before: its start, for the stretch shown.
        let word_start = words::word_start(text, at, char::is_alphanumeric);
        let end = at + 1 + tail.len();
        let written = text.get(word_start..end).unwrap_or("");
        // `A,S` between list items (`IRAN,S. KOREA`) is rare; a one-letter word is no owner.
        if at - word_start < 2 {
            continue;
        }
        let reading = written.replacen(',', "'", 1);
        found.push((AidKind::Apostrophe, word_start, end, reading));
    }
}

/// `XXXXXXXXXXXX`: four or more X (either case) standing as a word or glued to punctuation.
pub(crate) fn redactions(text: &str, found: &mut Vec<(AidKind, usize, usize, String)>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let is_x = |idx: usize| {
            bytes
                .get(idx)
                .is_some_and(|byte| matches!(byte, b'X' | b'x'))
        };
        // Most bytes are no X: go straight to the next.
        let Some(next_x) = find_any(bytes.get(at..).unwrap_or_default(), b"Xx") else {
            break;
        };
        at += next_x;
        let mut end = at;
        while is_x(end) {
            end += 1;
        }
        let before_ok = at == 0 || !bytes.get(at - 1).is_some_and(u8::is_ascii_alphanumeric);
        let after_ok = !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        if end - at >= 4 && before_ok && after_ok {
            found.push((AidKind::Redaction, at, end, "[redacted]".to_string()));
        }
        at = end;
    }
}

/// A `Q` starting a word, followed by text that repeats what came just before it: the repeat
/// is the garble, and the suggested reading drops it.
pub(crate) fn garbles(text: &str, found: &mut Vec<(AidKind, usize, usize, String)>) {
    let bytes = text.as_bytes();
    for q in byte_offsets(bytes, b'Q') {
        let starts_word = q == 0
            || bytes
                .get(q - 1)
                .is_some_and(|byte| !byte.is_ascii_alphanumeric());
        let next_is_letter = bytes.get(q + 1).is_some_and(u8::is_ascii_lowercase)
            || bytes.get(q + 1).is_some_and(u8::is_ascii_uppercase)
                && bytes.get(q + 2).is_some_and(u8::is_ascii_uppercase);
        if !starts_word || !next_is_letter {
            continue;
        }
        let before = text.get(..q).unwrap_or("").trim_end();
        let window_start = before.len().saturating_sub(GARBLE_WINDOW);
        let window = floor_boundary(before, window_start);
        let Some(recent) = before.get(window..) else {
            continue;
        };
        let after = text.get(q + 1..).unwrap_or("");
        // The longest start of `after` that the text before the Q ends with.
        let mut best = 0;
        // A start that `recent` ends with ends with `recent`'s last byte: the others are
        // passed over without a comparison.
        let last_byte = recent.as_bytes().last();
        for (len, _) in after.char_indices().skip(1).take(GARBLE_WINDOW) {
            if after.as_bytes().get(len - 1) != last_byte {
                continue;
            }
            let candidate = after.get(..len).unwrap_or("");
            if recent.ends_with(candidate) {
                best = len;
            }
        }
        if after.len() <= GARBLE_WINDOW && recent.ends_with(after) {
            best = after.len();
        }
        if best >= MIN_GARBLE_REPEAT {
            // The garble takes the space after the repeat with it.
            let mut end = q + 1 + best;
            if bytes.get(end) == Some(&b' ') {
                end += 1;
            }
            found.push((AidKind::Garble, q, end, String::new()));
        }
    }
}

/// Every offset of the ASCII byte `byte` in `bytes`, found eight bytes at a time.
fn byte_offsets(bytes: &[u8], byte: u8) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + find_any(bytes.get(from..)?, &[byte])?;
        from = at + 1;
        Some(at)
    })
}

pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
