//! Caption lines under the classification line: handling controls, distribution instructions.

use crate::context::Context;
use crate::scan::controls;
use crate::scan::paragraph::paragraph_start;
use crate::tree::{Caption, CaptionKind};

/// A caption from the cleaned range `start..end`, with its kind.
pub(crate) fn caption(context: &Context<'_>, start: usize, end: usize) -> Caption {
    let text = context.cleaned.slice(start, end).trim();
    let upper = text.to_ascii_uppercase();
    let kind = if controls::is_controls_caption(&upper) {
        CaptionKind::Handling
    } else if upper.contains(" FOR ")
        || upper.starts_with("FOR ")
        || upper.contains("PASS TO")
        || upper.starts_with("ATTN")
    {
        CaptionKind::Distribution
    } else {
        CaptionKind::Other
    };
    Caption {
        span: context.span(start, end),
        raw: text.to_string(),
        value: upper.split_whitespace().collect::<Vec<_>>().join(" "),
        kind,
    }
}

/// A caption line under the classification line: short, and without lower case unless it says
/// where the cable goes (`Department for DS/ICI/CR, DS/IP/AF and CA/FPP`).
pub(crate) fn is_caption(text: &str) -> bool {
    text.len() <= 100
        && (!text.chars().any(|ch| ch.is_lowercase()) || is_distribution(text))
        && paragraph_start(text).is_none()
}

/// `Department for …`, `USDOC for …`, `Pass to …`, `Attn: …`: an office and who it is for.
fn is_distribution(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let office = words
        .next()
        .is_some_and(|word| word.chars().all(|ch| ch.is_alphabetic() || ch == '/'));
    let second = words.next().unwrap_or("");
    let upper = text.to_ascii_uppercase();
    (office && (second.eq_ignore_ascii_case("for") || second.eq_ignore_ascii_case("pass")))
        || upper.starts_with("PASS TO ")
        || upper.starts_with("ATTN")
}
