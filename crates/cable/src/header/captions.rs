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

/// A handling caption line under the classification line: short and without lower case.
pub(crate) fn is_caption(text: &str) -> bool {
    text.len() <= 100
        && !text.chars().any(|ch| ch.is_lowercase())
        && paragraph_start(text).is_none()
}
