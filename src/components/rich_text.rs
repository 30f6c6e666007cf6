//! A stretch of a paragraph's text with its reading aids shown: an apostrophe typed as a comma
//! read as one (`POST,S` → `POST'S`), a redaction marked, a transmission garble struck through.
//! What was written is always one hover (and one screen-reader label) away.

use cable::{AidKind, ReadingAid};

use crate::markup::Markup;

/// A discreet mark where a page break was removed; its glyph comes from the style sheet, so that
/// copied text does not carry it.
fn break_mark(out: &mut Markup) {
    out.element(
        "span",
        &[
            ("class", Some("page-break-mark")),
            ("role", Some("img")),
            ("aria-label", Some("page break")),
            ("title", Some("A page break stood here")),
        ],
        "",
    );
}

/// Plain text of `text[from..to]` with a page-break mark at each of `breaks` inside it.
fn plain(text: &str, from: usize, to: usize, breaks: &[usize], out: &mut Markup) {
    let mut at = from;
    for &mark in breaks.iter().filter(|&&mark| mark > from && mark < to) {
        if let Some(piece) = text.get(at..mark) {
            out.text(piece);
        }
        break_mark(out);
        at = mark;
    }
    if let Some(piece) = text.get(at..to) {
        out.text(piece);
    }
}

/// Writes `text[start..end]` with the aids and page-break marks that fall inside it;
/// `as_written` shows each aid's stretch as written, still marked, instead of its reading.
pub fn rich_text(
    out: &mut Markup,
    text: &str,
    (start, end): (usize, usize),
    (aids, breaks): (&[ReadingAid], &[usize]),
    as_written: bool,
) {
    let mut at = start;
    for aid in aids
        .iter()
        .filter(|aid| aid.in_text.start >= start && aid.in_text.end <= end)
    {
        if aid.in_text.start < at {
            continue;
        }
        plain(text, at, aid.in_text.start, breaks, out);
        match aid.kind {
            AidKind::Apostrophe => out.element(
                "span",
                &[
                    ("class", Some("aid aid-apostrophe")),
                    (
                        "title",
                        Some(&format!(
                            "Written {}, read {}: the telegraph had no apostrophe",
                            aid.raw, aid.reading
                        )),
                    ),
                ],
                if as_written { &aid.raw } else { &aid.reading },
            ),
            AidKind::Redaction => out.element(
                "span",
                &[
                    ("class", Some("aid aid-redaction")),
                    ("title", Some(&format!("Withheld by the publisher: {}", aid.raw))),
                ],
                if as_written { &aid.raw } else { "[redacted]" },
            ),
            AidKind::Garble => out.element(
                "del",
                &[
                    ("class", Some("aid aid-garble")),
                    ("title", Some("Transmission garble: a Q, then a repeat of the text before it. The suggested reading leaves it out.")),
                ],
                &aid.raw,
            ),
        }
        at = aid.in_text.end;
    }
    plain(text, at, end, breaks, out);
}
