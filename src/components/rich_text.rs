//! A stretch of a paragraph's text with its reading aids shown: an apostrophe typed as a comma
//! read as one (`POST,S` → `POST'S`), a redaction marked, a transmission garble struck through.
//! What was written is always one hover (and one screen-reader label) away.

use cable::{AidKind, ReadingAid};
use yew::prelude::*;

/// Renders `text[start..end]` with the aids that fall inside it; `as_written` shows each aid's
/// stretch as written, still marked, instead of its reading.
pub fn rich_text(
    text: &str,
    start: usize,
    end: usize,
    aids: &[ReadingAid],
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
        if let Some(plain) = text.get(at..aid.start) {
            parts.push(html! { { plain } });
        }
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
    if let Some(plain) = text.get(at..end) {
        parts.push(html! { { plain } });
    }
    html! { <>{ for parts }</> }
}
