//! Where a publisher dropped line breaks, find where they were.
//!
//! The first Cablegate release stripped every line break, gluing header lines together
//! (`…ZZHO 061748Z FEB 07FM AMEMBASSY BERLINTO SECSTATE…`, `TAGS: PREL GMSUBJECT: …`), and some
//! scrapers glued the classification line onto the last INFO addressee. This module returns the
//! byte offsets of the input where a line break belongs; the cleaning pass inserts one there as a
//! zero-width replacement, so spans still point into the original text.

/// Offsets in `input`, sorted and unique, before which a line break is missing; `true` when a
/// blank line is (a heading of the body, which stands between blank lines).
pub(crate) fn missing_line_breaks(input: &str) -> Vec<(usize, bool)> {
    let mut breaks = Vec::new();
    let mut blank_lines = Vec::new();
    let mut line_start = 0;
    for line in input.split_inclusive('\n') {
        // In a cable page's HTML, `&#x000A;` is the line break.
        let mut logical_start = line_start;
        let mut read = |logical: &str| {
            let mut text = logical.trim_end_matches(['\n', '\r']);
            if text.ends_with(';') {
                text = text.trim_end_matches("&#x000A;").trim_end_matches("&#10;");
            }
            glued_classification(text, logical_start, &mut breaks);
            if is_flattened(text) {
                flattened_line(text, logical_start, &mut breaks);
                underlined_headings(text, logical_start, &mut breaks, &mut blank_lines);
            }
            logical_start += logical.len();
        };
        if line.contains('&') {
            line.split_inclusive("&#x000A;")
                .flat_map(|part| part.split_inclusive("&#10;"))
                .for_each(read);
        } else {
            // No entity (nearly every line): the line is the logical line.
            read(line);
        }
        line_start += line.len();
    }
    let mut all: Vec<(usize, bool)> = breaks
        .into_iter()
        .map(|at| (at, false))
        .chain(blank_lines.into_iter().map(|at| (at, true)))
        .collect();
    // One break per offset, a blank line where any rule wants one.
    crate::sort::sort_by_key(&mut all, |&(at, blank)| (at, !blank));
    all.dedup_by_key(|&mut (at, _)| at);
    all
}

/// Underlined headings in the body of a flattened text (`…End Summary.  OVERALL TREND: MAJOR
/// PARTIES IN DECLINE ------------  ¶2. (C) …`): a blank line before the heading, a line break
/// before its underline, and a blank line after it. The heading starts after the last double
/// space before the underline.
fn underlined_headings(
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
                crate::sort::sort_by(&mut starts, |a, b| a.cmp(b));
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
const SPACED_CLASSIFICATIONS: [&str; 4] = [
    "C O N F I D E N T I A L",
    "S E C R E T",
    "U N C L A S S I F I E D",
    "T O P S E C R E T",
];

fn glued_classification(text: &str, base: usize, breaks: &mut Vec<usize>) {
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

/// Header keywords of the flattened form, each starting a line of its own.
const KEYWORDS: [&str; 15] = [
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
fn is_flattened(text: &str) -> bool {
    let routing = (text.starts_with("VZCZC") || date_time_group_at(text, 0).is_some())
        && text.contains("FM ");
    if routing {
        return true;
    }
    if text.len() < 120 {
        return false;
    }
    let n_keywords = KEYWORDS
        .iter()
        .filter(|keyword| text.contains(*keyword))
        .count();
    n_keywords >= 2
}

fn flattened_line(text: &str, base: usize, breaks: &mut Vec<usize>) {
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

/// Page markers (`DUBAI 00000049 001.2 OF 003`) glued to the text around them
/// (`…IRGC, MOISDUBAI 00000049 001.2 OF 003CLASSIFIED BY…`): the station is the longest end of the
/// glued word that the text also writes before the same serial (`RPO DUBAI 000049`).
fn glued_page_markers(text: &str, base: usize, breaks: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let digits = |from: usize, n: usize| {
        bytes
            .get(from..from + n)
            .is_some_and(|run| run.iter().all(u8::is_ascii_digit))
    };
    for at in 1..bytes.len() {
        // ` 00000049 001` or ` 00000049  001.2`, then ` OF 003` (spaces may be doubled).
        if bytes.get(at - 1) != Some(&b' ') || !digits(at, 8) || bytes.get(at + 8) != Some(&b' ') {
            continue;
        }
        let skip_spaces = |mut idx: usize| {
            while bytes.get(idx) == Some(&b' ') {
                idx += 1;
            }
            idx
        };
        let page = skip_spaces(at + 8);
        if !digits(page, 3) {
            continue;
        }
        let mut end = page + 3;
        if bytes.get(end) == Some(&b'.') && digits(end + 1, 1) {
            end += 2;
        }
        let of = skip_spaces(end);
        if of == end || text.get(of..of + 3) != Some("OF ") {
            continue;
        }
        let count = skip_spaces(of + 2);
        if !digits(count, 3) {
            continue;
        }
        end = count + 3;
        let serial: u64 = text
            .get(at..at + 8)
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        let word_end = at - 1;
        let word_start =
            crate::lines::word_start(text, word_end, |ch: char| ch.is_ascii_uppercase());
        let word = text.get(word_start..word_end).unwrap_or("");
        // Not glued: the station is up to three words before the serial
        // (`…within BERLIN 00001197 002 OF 003 her party`).
        if word_start > 0 && bytes.get(word_start - 1) == Some(&b' ') {
            let mut from = word_start;
            let mut station_at = None;
            for _ in 0..3 {
                let candidate = text.get(from..word_end).unwrap_or("");
                if written_with_serial(text, from, candidate, serial) {
                    station_at = Some(from);
                }
                let Some(previous) = text
                    .get(..from.saturating_sub(1))
                    .and_then(|head| head.rfind(' '))
                    .map(|idx| idx + 1)
                else {
                    break;
                };
                if !text
                    .get(previous..from.saturating_sub(1))
                    .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_uppercase()))
                {
                    break;
                }
                from = previous;
            }
            if let Some(station_at) = station_at {
                breaks.push(base + station_at);
                let next = skip_spaces(end);
                if next < bytes.len() {
                    breaks.push(base + next);
                }
                continue;
            }
        }
        let station_at = (word_start + 1..word_end.saturating_sub(2)).find(|&from| {
            let station = text.get(from..word_end).unwrap_or("");
            text.match_indices(station).any(|(found, _)| {
                found != from
                    && text.get(found + station.len()..).is_some_and(|rest| {
                        let rest = rest.strip_prefix(' ').unwrap_or("");
                        let number: String =
                            rest.chars().take_while(char::is_ascii_digit).collect();
                        number.parse::<u64>().ok() == Some(serial)
                    })
            })
        });
        if let Some(station_at) = station_at.filter(|_| word.len() > 3) {
            breaks.push(base + station_at);
        }
        if bytes
            .get(end)
            .is_some_and(|byte| !byte.is_ascii_whitespace())
        {
            breaks.push(base + end);
        }
    }
}

/// Whether `station` is written elsewhere in `text` (not at `at`) before the serial `serial`:
/// `RPO DUBAI 000049` on the classification line for the page marker `DUBAI 00000049`.
fn written_with_serial(text: &str, at: usize, station: &str, serial: u64) -> bool {
    !station.is_empty()
        && text.match_indices(station).any(|(found, _)| {
            found != at
                && text.get(found + station.len()..).is_some_and(|rest| {
                    // The page marker may cut the station short: `UNVIE VIEN` for `UNVIE VIENNA`.
                    let rest = rest.trim_start_matches(|ch: char| ch.is_ascii_uppercase());
                    let rest = rest.strip_prefix(' ').unwrap_or("");
                    let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    number.len() < 8 && number.parse::<u64>().ok() == Some(serial)
                })
        })
}

/// A paragraph number and portion marking glued to the text before them
/// (`…[DETAILS REMOVED]12.(S) In 2007`): a line break before the number. Only past the header,
/// and only a number in sequence with a marking, so a decimal or a date is left alone.
fn glued_paragraph_numbers(text: &str, base: usize, breaks: &mut Vec<usize>) {
    let Some(body_start) = first_paragraph_start(text) else {
        return;
    };
    let bytes = text.as_bytes();
    for at in body_start.max(1)..bytes.len() {
        let Some(&byte) = bytes.get(at) else { break };
        let before = bytes.get(at - 1).copied().unwrap_or(b' ');
        // Glued to printable ASCII (`]`, a letter, a full stop), not after a pilcrow or a blank.
        if !byte.is_ascii_digit() || before.is_ascii_digit() || !before.is_ascii_graphic() {
            continue;
        }
        let n_digits = bytes
            .get(at..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=2).contains(&n_digits) || bytes.get(at + n_digits) != Some(&b'.') {
            continue;
        }
        let rest = text.get(at + n_digits + 1..).unwrap_or("");
        let rest = rest.trim_start();
        let marked = rest.starts_with('(')
            && rest
                .get(1..rest.find(')').unwrap_or(0))
                .is_some_and(|inner| {
                    !inner.is_empty()
                        && inner.len() <= 8
                        && inner.chars().all(|ch| ch.is_ascii_uppercase() || ch == '/')
                });
        if marked {
            breaks.push(base + at);
        }
    }
}

/// `¶1.` or two spaces then `1.` and a portion marking.
fn first_paragraph_start(text: &str) -> Option<usize> {
    let pilcrow = text.find("¶1").or_else(|| text.find("¶ 1"));
    let numbered = text
        .match_indices("  1. ")
        .map(|(at, _)| at + 2)
        .find(|&at| {
            text.get(at + 3..)
                .is_some_and(|rest| rest.trim_start().starts_with('('))
        });
    match (pilcrow, numbered) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Breaks in a glued routing header: after the transmission ID, around the `DE` line, after the
/// security line, around the date-time group, before `TO`, `INFO` and glued addressees.
fn routing_line(text: &str, base: usize, breaks: &mut Vec<usize>) {
    let mut push = |at: usize| {
        if at > 0 && at < text.len() {
            breaks.push(base + at);
        }
    };
    if text.starts_with("VZCZC") {
        // `VZCZC` + three letters + four digits.
        push(12.min(text.len()));
    }
    if let Some(de) = find_de_line(text) {
        push(de.start);
        push(de.end);
    }
    for security in ["ZNY ", "ZNR "] {
        if let Some(at) = text.find(security) {
            push(at);
            let after = at + security.len() + 5;
            let end = if text
                .get(after..)
                .is_some_and(|rest| rest.starts_with(" ZZH"))
            {
                after + 4
            } else {
                after
            };
            push(end);
        }
    }
    let Some((dtg_start, dtg_end)) = (0..text.len()).find_map(|at| date_time_group_at(text, at))
    else {
        return;
    };
    push(dtg_start);
    push(dtg_end);
    let rest = text.get(dtg_end..).unwrap_or("");
    // `FM` glued to what follows the date-time group (`ZDK CTG #00732FM AMEMBASSY RIYADH`).
    if let Some(fm) = rest
        .match_indices("FM ")
        .map(|(at, _)| at)
        .find(|&at| starts_addressee(rest.get(at + 3..).unwrap_or("")))
    {
        push(dtg_end + fm);
    }
    // `FM AMEMBASSY BERLINTO SECSTATE`: `TO` starts where an addressee follows it.
    let to = rest
        .match_indices("TO ")
        .map(|(at, _)| at)
        .find(|&at| at > 3 && starts_addressee(rest.get(at + 3..).unwrap_or("")));
    if let Some(to) = to {
        push(dtg_end + to);
    }
    let list_start = dtg_end + to.unwrap_or(0);
    let list = text.get(list_start..).unwrap_or("");
    for (at, _) in list.match_indices("INFO ") {
        if starts_addressee(list.get(at + 5..).unwrap_or("")) {
            push(list_start + at);
        }
    }
    // Glued addressees: a routing indicator (`RUEHBUL/`) or a post prefix right after a letter
    // or digit that is not part of it.
    for (at, _) in list.char_indices() {
        let glued = at > 0
            && list
                .as_bytes()
                .get(at - 1)
                .is_some_and(|byte| byte.is_ascii_alphanumeric());
        if glued
            && starts_addressee(list.get(at..).unwrap_or(""))
            && !list
                .get(..at)
                .is_some_and(|before| before.ends_with("INFO") || before.ends_with("TO"))
        {
            push(list_start + at);
        }
    }
}

/// Prefixes that start a plain-language addressee.
const ADDRESSEE_PREFIXES: [&str; 8] = [
    "AMEMBASSY ",
    "AMCONSUL ",
    "USMISSION ",
    "SECSTATE ",
    "SECDEF ",
    "AMEMB ",
    "USDEL ",
    "USINT ",
];

/// Whether `rest` starts with a routing indicator and slash, or a known addressee prefix.
fn starts_addressee(rest: &str) -> bool {
    let n_letters = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    let with_indicator = rest.starts_with('R')
        && (4..=7).contains(&n_letters)
        && rest.as_bytes().get(n_letters) == Some(&b'/');
    with_indicator
        || ADDRESSEE_PREFIXES
            .iter()
            .any(|prefix| rest.starts_with(prefix))
}

/// `DE RUEHRL #0242/01 0371748`: start and end offsets.
fn find_de_line(text: &str) -> Option<std::ops::Range<usize>> {
    text.match_indices("DE R").map(|(at, _)| at).find_map(|at| {
        let rest = text.get(at + 3..)?;
        let indicator = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let after = rest.get(indicator..)?.strip_prefix(" #")?;
        let serial = after
            .bytes()
            .take_while(|byte| byte.is_ascii_digit() || *byte == b'/')
            .count();
        let filing = after.get(serial..)?.strip_prefix(' ')?;
        let n_digits = filing.bytes().take_while(u8::is_ascii_digit).count().min(7);
        let end = at + 3 + indicator + 2 + serial + 1 + n_digits;
        Some(at..end)
    })
}

/// A date-time group with its precedence prosigns starting at `at`: `O 061748Z FEB 07`,
/// `P R 281848Z DEC 66`. Returns where it starts and ends.
fn date_time_group_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?;
    let mut pos = 0;
    let mut n_prosigns = 0;
    while let Some(prosign) = rest
        .get(pos..)
        .and_then(|r| r.chars().next())
        .filter(|ch| matches!(ch, 'Z' | 'O' | 'P' | 'R'))
    {
        if rest.get(pos + 1..)?.starts_with(' ') {
            pos += prosign.len_utf8() + 1;
            n_prosigns += 1;
        } else {
            break;
        }
    }
    if n_prosigns == 0 || n_prosigns > 2 {
        return None;
    }
    let group = rest.get(pos..pos + 16)?;
    let bytes = group.as_bytes();
    let digits = bytes.get(..6)?.iter().all(u8::is_ascii_digit);
    let shape = digits
        && bytes.get(6) == Some(&b'Z')
        && bytes.get(7) == Some(&b' ')
        && bytes.get(8..11)?.iter().all(u8::is_ascii_uppercase)
        && bytes.get(11) == Some(&b' ')
        && bytes.get(12..14)?.iter().all(u8::is_ascii_digit);
    shape.then_some((at, at + pos + 14))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reflowed(text: &str) -> Vec<&str> {
        let mut lines = Vec::new();
        let mut last = 0;
        for (at, _) in missing_line_breaks(text) {
            lines.push(text.get(last..at).unwrap_or("").trim());
            last = at;
        }
        lines.push(text.get(last..).unwrap_or("").trim());
        lines
    }

    #[test]
    fn restores_a_glued_routing_header() {
        let text = "VZCZCXYZ0015OO RUEHWEBDE RUEHRL #0242 0371748ZNY SSSSS ZZHO 061748Z FEB 07FM AMEMBASSY BERLINTO SECSTATE WASHDC IMMEDIATE 6940INFO RUEHZG/NATO EU COLLECTIVE PRIORITYRUEHBUL/AMEMBASSY KABUL PRIORITY 0564";
        assert_eq!(
            reflowed(text),
            [
                "VZCZCXYZ0015",
                "OO RUEHWEB",
                "DE RUEHRL #0242 0371748",
                "ZNY SSSSS ZZH",
                "O 061748Z FEB 07",
                "FM AMEMBASSY BERLIN",
                "TO SECSTATE WASHDC IMMEDIATE 6940",
                "INFO RUEHZG/NATO EU COLLECTIVE PRIORITY",
                "RUEHBUL/AMEMBASSY KABUL PRIORITY 0564",
            ]
        );
    }

    #[test]
    fn restores_glued_header_fields() {
        let text = "S E C R E T BERLIN 000242  SIPDIS  NOFORN SIPDIS  E.O. 12958: DECL: 02/06/2017 TAGS: KJUS PTER GMSUBJECT: AL-MASRI CASE  REF: A. BERLIN 230       \u{b6}B. BERLIN 200  Classified By: DCM John M. Koenig  \u{b6}1.  (S/NF) In a February 6 discussion.  \u{b6}2. (C) More.";
        assert_eq!(
            reflowed(text),
            [
                "S E C R E T BERLIN 000242",
                "SIPDIS",
                "NOFORN",
                "SIPDIS",
                "E.O. 12958: DECL: 02/06/2017",
                "TAGS: KJUS PTER GM",
                "SUBJECT: AL-MASRI CASE",
                "REF: A. BERLIN 230",
                "\u{b6}B. BERLIN 200",
                "Classified By: DCM John M. Koenig",
                "\u{b6}1.  (S/NF) In a February 6 discussion.",
                "\u{b6}2. (C) More.",
            ]
        );
    }

    #[test]
    fn ungles_a_classification_line_from_an_addressee() {
        let text = "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVEC O N F I D E N T I A L SECTION 01 OF 02 MADRID 000049";
        assert_eq!(
            reflowed(text),
            [
                "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE",
                "C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000049"
            ]
        );
    }

    #[test]
    fn leaves_ordinary_lines_alone() {
        assert!(missing_line_breaks(
            "1. (C) The SECRET police arrested E.O. TAGS: people.\nSUBJECT: X\n"
        )
        .is_empty());
        let html = "<pre>S E C R E T BERLIN 000242 &#x000A;&#x000A;SIPDIS &#x000A;E.O. 12958: DECL: 02/06/2017 &#x000A;TAGS: KJUS PTER GM &#x000A;SUBJECT: AL-MASRI CASE AND MORE TEXT HERE</pre>";
        assert!(missing_line_breaks(html).is_empty());
    }
}
