//! Cables cited in the body's text rather than the `REF` block.

use crate::context::Context;
use crate::references::citation::{citations, date};
use crate::references::citing::Citing;
use crate::references::tokens::{tokenize, Token};
use crate::stations::Station;
use crate::tree::CitedCable;

/// Cables cited in the body's text, in the cleaned range `start..end`: in parentheses
/// (`(MOGADISHU 1520)`, `(08 STATE 1234)`) or after `SEE`, `REFTEL`, `PER` (`SEE RIYADH 29
/// (NOTAL)`). Only known stations count here, so that `(ARTICLE 12)` is not a cable.
pub(crate) fn inline(
    context: &mut Context<'_>,
    (start, end): (usize, usize),
    citing: Citing<'_>,
) -> Vec<CitedCable> {
    // Only the places a citation can start are read: a `(` before a letter or digit, and the
    // words `SEE`, `REFTEL(S)`, `PER`; each with the stretch after it.
    let text = context.cleaned.text.get(start..end).unwrap_or("");
    let bytes = text.as_bytes();
    let mut candidates: Vec<usize> = Vec::new();
    let mut from = 0;
    // Most bytes can start nothing: only those that can are looked at.
    while let Some(at) = next_start(bytes, from) {
        from = at + 1;
        let Some(byte) = bytes.get(at) else {
            break;
        };
        // A citation in parentheses holds a space and a digit before the `)`; a portion
        // marking (`(C)`, `(SBU)`) does not.
        let opens = *byte == b'('
            && bytes
                .get(at + 1)
                .is_some_and(|next| next.is_ascii_uppercase() || next.is_ascii_digit())
            && {
                let inside = bytes.get(at + 1..(at + 60).min(bytes.len())).unwrap_or(&[]);
                let inside = inside
                    .iter()
                    .position(|byte| *byte == b')')
                    .map_or(inside, |close| inside.get(..close).unwrap_or(&[]));
                inside.contains(&b' ') && inside.iter().any(u8::is_ascii_digit)
            };
        let word = matches!(byte, b'S' | b's' | b'R' | b'r' | b'P' | b'p')
            && (at == 0 || !bytes.get(at - 1).is_some_and(u8::is_ascii_alphanumeric))
            && ["SEE ", "REFTEL", "PER "].iter().any(|word| {
                text.get(at..at + word.len())
                    .is_some_and(|found| found.eq_ignore_ascii_case(word))
            });
        if opens || word {
            candidates.push(at);
        }
    }
    let mut cables: Vec<CitedCable> = Vec::new();
    for at in candidates {
        let window_end = (at + 90).min(text.len());
        let window_end = (window_end..=text.len())
            .find(|&idx| text.is_char_boundary(idx))
            .unwrap_or(text.len());
        let tokens = tokenize(context, &[(start + at, start + window_end)]);
        // The scan above chose `(…` or a word (`SEE`, …): a word is not part of the window.
        let see = !text.get(at..).is_some_and(|rest| rest.starts_with('('));
        let mut window: Vec<Token> = Vec::new();
        for next in tokens.iter().skip(usize::from(see)).take(7) {
            let closes = next.text.contains(')');
            let leading = next.text.len() - next.text.trim_start_matches('(').len();
            let bare = next
                .text
                .trim_start_matches('(')
                .trim_end_matches([')', ',', ';', '.', ':']);
            if !bare.is_empty() {
                window.push(Token {
                    start: next.start + leading,
                    end: next.start + leading + bare.len(),
                    text: bare.to_string(),
                    line_start: false,
                });
            }
            if closes {
                break;
            }
        }
        let (found, _) = citations(context, &window, None);
        for citation in found {
            let known = !matches!(citation.station, Station::Unknown(_));
            if !known || citation.digits.len() < 2 {
                continue;
            }
            let cited = date(context, citation, citing);
            let repeated = cables.iter().any(|cable| cable.span == cited.span);
            if !repeated && cited.canonical_id.as_deref() != citing.id {
                cables.push(cited);
            }
        }
    }
    cables
}

/// The first place from `from` on where a citation may start: a `(`, or an `S`, `R` or `P`
/// before an `E` (either case), as `SEE`, `REFTEL` and `PER` start (or a `Q` there). Letters alone would stop
/// the search every few bytes; the pair seldom does. Eight places at a time: the word of
/// bytes, and the word one byte on, folded to lower case (`| 0x20`, which takes only `S` and
/// `s` to `s`, and so on); a zero byte is marked exactly, so the marks can be combined.
fn next_start(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let zeros = |word: u64| !(((word & LOWS) + LOWS) | word | LOWS);
    let equal = |word: u64, byte: u8| zeros(word ^ (ONES * u64::from(byte)));
    let word_at = |at: usize| {
        let eight = bytes.get(at..at + 8)?;
        Some(u64::from_le_bytes(<[u8; 8]>::try_from(eight).ok()?))
    };
    let mut at = from;
    while let (Some(word), Some(next)) = (word_at(at), word_at(at + 1)) {
        let folded = word | (ONES * 0x20);
        let next = next | (ONES * 0x20);
        // `P`, `Q`, `R`, `S` in either case, in one test (`Q` is let through, and turned
        // down by the checks after).
        let letter = equal(folded & (ONES * 0xFC), 0x70);
        let found = equal(word, b'(') | (letter & equal(next, b'e'));
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&idx| match bytes.get(idx) {
        Some(b'(') => true,
        Some(byte) => {
            matches!(byte | 0x20, b's' | b'r' | b'p')
                && bytes.get(idx + 1).is_some_and(|next| next | 0x20 == b'e')
        }
        None => false,
    })
}
