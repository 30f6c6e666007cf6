//! Where a publisher dropped line breaks, find where they were.
//!
//! The first Cablegate release stripped every line break, gluing header lines together
//! (`…ZZHO 061748Z FEB 07FM AMEMBASSY BERLINTO SECSTATE…`, `TAGS: PREL GMSUBJECT: …`), and some
//! scrapers glued the classification line onto the last INFO addressee. This module returns the
//! byte offsets of the input where a line break belongs; the cleaning pass inserts one there as a
//! zero-width replacement, so spans still point into the original text.

use crate::scan::bytes::find_any;
use crate::scan::sort;
use crate::source::glued::{
    date_time_group_at, first_paragraph_start, glued_page_markers, glued_paragraph_numbers,
    routing_line,
};

/// Offsets in `input`, sorted and unique, before which a line break is missing; `true` when a
/// blank line is (a heading of the body, which stands between blank lines).
pub(crate) fn missing_line_breaks(input: &str) -> Vec<(usize, bool)> {
    let mut breaks = Vec::new();
    let mut blank_lines = Vec::new();
    let mut line_start = 0;
    // Nearly every text holds no `&`: then no line needs looking at for one. Nor, when the
    // text holds no ` E ` (which every spaced classification does), for a glued one.
    let has_ampersand = input.contains('&');
    let has_spaced_e = input.contains(" E ");
    let bytes = input.as_bytes();
    while line_start < input.len() {
        // The line with its `\n`, as `split_inclusive` gives it, found eight bytes at a time.
        let line_end = bytes
            .get(line_start..)
            .and_then(|rest| find_any(rest, b"\n"))
            .map_or(input.len(), |at| line_start + at + 1);
        let line = input.get(line_start..line_end).unwrap_or("");
        // In a cable page's HTML, `&#x000A;` is the line break.
        let mut logical_start = line_start;
        let mut read = |logical: &str| {
            let mut text = logical.trim_end_matches(['\n', '\r']);
            if text.ends_with(';') {
                text = text.trim_end_matches("&#x000A;").trim_end_matches("&#10;");
            }
            if has_spaced_e {
                glued_classification(text, logical_start, &mut breaks);
            }
            if is_flattened(text) {
                flattened_line(text, logical_start, &mut breaks);
                underlined_headings(text, logical_start, &mut breaks, &mut blank_lines);
            }
            logical_start += logical.len();
        };
        if has_ampersand && line.contains('&') {
            line.split_inclusive("&#x000A;")
                .flat_map(|part| part.split_inclusive("&#10;"))
                .for_each(read);
        } else {
            // No entity (nearly every line): the line is the logical line.
            read(line);
        }
        line_start = line_end;
    }
    let mut all: Vec<(usize, bool)> = breaks
        .into_iter()
        .map(|at| (at, false))
        .chain(blank_lines.into_iter().map(|at| (at, true)))
        .collect();
    // One break per offset, a blank line where any rule wants one.
    sort::sort_by_key(&mut all, |&(at, blank)| (at, !blank));
    all.dedup_by_key(|&mut (at, _)| at);
    all
}

/// Underlined headings in the body of a flattened text (`…End Summary.  OVERALL TREND: MAJOR
/// PARTIES IN DECLINE ------------  ¶2. (C) …`): a blank line before the heading, a line break
/// before its underline, and a blank line after it. The heading starts after the last double
/// space before the underline.
pub(crate) fn underlined_headings(
    text: &str,
    base: usize,
    breaks: &mut Vec<usize>,
    blank_lines: &mut Vec<usize>,
) {
    let body_start = first_paragraph_start(text).unwrap_or(text.len());
    let bytes = text.as_bytes();
    let mut at = body_start;
    while at < bytes.len() {
        let is_rule = |idx: usize| bytes.get(idx).is_some_and(|b| matches!(b, b'-' | b'='));
        if !is_rule(at) || (at > 0 && is_rule(at - 1)) {
            at += 1;
            continue;
        }
        // A rule, perhaps broken by single spaces (`-------- ----`).
        let mut end = at;
        while is_rule(end)
            || (bytes.get(end) == Some(&b' ') && is_rule(end + 1) && is_rule(end - 1))
        {
            end += 1;
        }
        // `---- Iran ----`: a rule, a short heading, a rule.
        if end - at >= 3 {
            let after = text.get(end..).unwrap_or("");
            let next_rule = after.find("---").or_else(|| after.find("==="));
            if let Some(offset) = next_rule.filter(|&offset| offset > 1 && offset <= 80) {
                let heading = after.get(..offset).unwrap_or("").trim();
                let second_start = end + offset;
                let mut second_end = second_start;
                while is_rule(second_end)
                    || (bytes.get(second_end) == Some(&b' ')
                        && is_rule(second_end + 1)
                        && is_rule(second_end.saturating_sub(1)))
                {
                    second_end += 1;
                }
                if !heading.is_empty() && !heading.contains("  ") && !heading.ends_with(['.', ','])
                {
                    blank_lines.push(base + at);
                    let rest = text.get(second_end..).unwrap_or("");
                    let next = second_end + (rest.len() - rest.trim_start().len());
                    if next < text.len() {
                        blank_lines.push(base + next);
                    }
                    at = second_end;
                    continue;
                }
            }
        }
        if end - at >= 5 {
            // The heading starts after the last double space, `]` or sentence end before the
            // rule (`…together.  GREENS: HOW TO STAY RELEVANT?  -----`,
            // `[DETAILS REMOVED]Ahmadi-Nejad's Election and the IRC-----`).
            let head = text.get(..at).unwrap_or("").trim_end();
            let window_start = head.len().saturating_sub(100);
            let window_start = (0..=window_start)
                .rev()
                .find(|&idx| head.is_char_boundary(idx))
                .unwrap_or(0);
            let heading_start = head.get(window_start..).and_then(|window| {
                let mut starts: Vec<usize> = [
                    window.rfind("  ").map(|idx| idx + 2),
                    window.rfind(']').map(|idx| idx + 1),
                    window.rfind(". ").map(|idx| idx + 2),
                ]
                .into_iter()
                .flatten()
                .collect();
                sort::sort_by(&mut starts, |a, b| a.cmp(b));
                // The nearest start that leaves a heading (`[DETAILS REMOVED]------`: all of it).
                starts
                    .into_iter()
                    .rev()
                    .find(|&idx| {
                        window
                            .get(idx..)
                            .is_some_and(|rest| !rest.trim().is_empty())
                    })
                    .map(|idx| window_start + idx)
            });
            if let Some(heading_start) = heading_start {
                let heading = text.get(heading_start..at).unwrap_or("").trim();
                let is_heading = !heading.is_empty()
                    && heading.len() <= 80
                    && !heading.ends_with(['.', ',', ';']);
                if is_heading {
                    blank_lines.push(base + heading_start);
                    breaks.push(base + at);
                    let after = text.get(end..).unwrap_or("");
                    let next = end + (after.len() - after.trim_start().len());
                    if next < text.len() {
                        blank_lines.push(base + next);
                    }
                }
            }
        }
        at = end;
    }
}

/// Spaced-letter classifications are unmistakable even when glued to the text before them.
pub(crate) const SPACED_CLASSIFICATIONS: [&str; 4] = [
    "C O N F I D E N T I A L",
    "S E C R E T",
    "U N C L A S S I F I E D",
    "T O P S E C R E T",
];

pub(crate) fn glued_classification(text: &str, base: usize, breaks: &mut Vec<usize>) {
    // Every spaced classification holds ` E `: most lines are rejected with one search.
    if !text.contains(" E ") {
        return;
    }
    for spaced in SPACED_CLASSIFICATIONS {
        if let Some(at) = text.find(spaced).filter(|&at| at > 0) {
            // Glued to words, not to markup (`<pre>`, `&#x000A;`), which the cleaning pass reads.
            let glued = text.get(..at).is_some_and(|before| {
                !before.trim().is_empty()
                    && before.ends_with(|ch: char| ch.is_ascii_alphanumeric() || ch == ' ')
            });
            if glued {
                breaks.push(base + at);
            }
        }
    }
}

/// Header keywords of the flattened form, each starting a line of its own. `SIPDIS` and `NOFORN`
/// are the only handling controls here: the first release glued those two captions onto the
/// classification line; the others stay where they are, since a break inside a subject would cut it.
pub(crate) const KEYWORDS: [&str; 15] = [
    "SIPDIS",
    "NOFORN",
    "E.O.",
    "EO 1",
    "TAGS:",
    "TAGS ",
    "SUBJECT:",
    "SUBJ:",
    "REF:",
    "REFS:",
    "REFTEL",
    "Classified By",
    "CLASSIFIED BY",
    "Classified by",
    "DECL:",
];

/// A line that holds what were several: long, not HTML, and either a glued routing header or at
/// least two header keywords.
pub(crate) fn is_flattened(text: &str) -> bool {
    let routing = (text.starts_with("VZCZC") || date_time_group_at(text, 0).is_some())
        && text.contains("FM ");
    if routing {
        return true;
    }
    if text.len() < 120 {
        return false;
    }
    // Two are enough: the rest are not looked for.
    KEYWORDS
        .iter()
        .filter(|keyword| text.contains(*keyword))
        .nth(1)
        .is_some()
}

pub(crate) fn flattened_line(text: &str, base: usize, breaks: &mut Vec<usize>) {
    if text.starts_with("VZCZC") || date_time_group_at(text, 0).is_some() {
        routing_line(text, base, breaks);
        return;
    }
    // Header fields end where the first paragraph starts.
    let header_end = first_paragraph_start(text).unwrap_or(text.len());
    let header = text.get(..header_end).unwrap_or("");
    for keyword in KEYWORDS.iter().filter(|keyword| **keyword != "DECL:") {
        for (at, _) in header.match_indices(keyword) {
            if at > 0 {
                breaks.push(base + at);
            }
        }
    }
    // `\n \n` became two spaces: in the header, that is where one field ended.
    let bytes = header.as_bytes();
    for at in 2..bytes.len() {
        if bytes.get(at - 2..at) == Some(b"  ") && bytes.get(at).is_some_and(|byte| *byte != b' ') {
            breaks.push(base + at);
        }
    }
    glued_page_markers(text, base, breaks);
    glued_paragraph_numbers(text, base, breaks);
    // A web page's promotion glued on at the end: `END COMMENT.Visit London's Classified Website`.
    for (at, _) in text.match_indices("Visit ") {
        let before = text.get(..at).unwrap_or("");
        if at > 0 && (before.ends_with('.') || before.ends_with("  ")) {
            breaks.push(base + at);
        }
    }
    // Paragraph and reference letters kept their pilcrows: `¶2.`, `¶B.`.
    for (at, _) in text.match_indices('¶') {
        if at > 0
            && text
                .get(at + '¶'.len_utf8()..)
                .is_some_and(|rest| rest.starts_with(|ch: char| ch.is_ascii_alphanumeric()))
        {
            breaks.push(base + at);
        }
    }
}
