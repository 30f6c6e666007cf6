//! A stretch of a paragraph's text with its reading aids shown: an apostrophe typed as a comma
//! read as one (`POST,S` → `POST'S`), a redaction marked, a transmission garble struck through.
//! What was written is always one hover (and one screen-reader label) away.

use cable::{AidKind, ReadingAid};
use yew::prelude::*;

/// A discreet mark where a page break was removed; its glyph comes from the style sheet, so that
/// copied text does not carry it.
fn break_mark() -> Html {
    html! {
        <span class="page-break-mark" role="img" aria-label="page break" title="A page break stood here"></span>
    }
}

/// Plain text of `text[from..to]` with a page-break mark at each of `breaks` inside it.
fn plain(text: &str, from: usize, to: usize, breaks: &[usize], parts: &mut Vec<Html>) {
    let mut at = from;
    for &mark in breaks.iter().filter(|&&mark| mark > from && mark < to) {
        if let Some(piece) = text.get(at..mark) {
            parts.push(html! { { piece } });
        }
        parts.push(break_mark());
        at = mark;
    }
    if let Some(piece) = text.get(at..to) {
        parts.push(html! { { piece } });
    }
}

/// Renders `text[start..end]` with the aids and page-break marks that fall inside it;
/// `as_written` shows each aid's stretch as written, still marked, instead of its reading.
pub fn rich_text(
    text: &str,
    start: usize,
    end: usize,
    aids: &[ReadingAid],
    breaks: &[usize],
    as_written: bool,
) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut at = start;
    for aid in aids
        .iter()
        .filter(|aid| aid.start >= start && aid.end <= end)
    {
        if aid.start < at {
            continue;
        }
        plain(text, at, aid.start, breaks, &mut parts);
        parts.push(match aid.kind {
            AidKind::Apostrophe => html! {
                <span class="aid aid-apostrophe" title={format!("Written {}, read {}: the telegraph had no apostrophe", aid.raw, aid.reading)}>
                    { if as_written { &aid.raw } else { &aid.reading } }
                </span>
            },
            AidKind::Redaction => html! {
                <span class="aid aid-redaction" title={format!("Withheld by the publisher: {}", aid.raw)}>
                    { if as_written { aid.raw.as_str() } else { "[redacted]" } }
                </span>
            },
            AidKind::Garble => html! {
                <del class="aid aid-garble" title="Transmission garble: a Q, then a repeat of the text before it. The suggested reading leaves it out.">
                    { &aid.raw }
                </del>
            },
        });
        at = aid.end;
    }
    plain(text, at, end, breaks, &mut parts);
    html! { <>{ for parts }</> }
}
