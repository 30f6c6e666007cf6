//! Lines glued together in a flattened text: page markers, paragraph numbers and the routing
//! header's lines, each found where the next one starts.

use crate::scan::words;

/// Page markers (`DUBAI 00000049 001.2 OF 003`) glued to the text around them
/// (`…IRGC, MOISDUBAI 00000049 001.2 OF 003CLASSIFIED BY…`): the station is the longest end of the
/// glued word that the text also writes before the same serial (`RPO DUBAI 000049`).
pub(crate) fn glued_page_markers(text: &str, base: usize, breaks: &mut Vec<usize>) {
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
        let word_start = words::word_start(text, word_end, |ch: char| ch.is_ascii_uppercase());
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
pub(crate) fn written_with_serial(text: &str, at: usize, station: &str, serial: u64) -> bool {
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
pub(crate) fn glued_paragraph_numbers(text: &str, base: usize, breaks: &mut Vec<usize>) {
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
pub(crate) fn first_paragraph_start(text: &str) -> Option<usize> {
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
pub(crate) fn routing_line(text: &str, base: usize, breaks: &mut Vec<usize>) {
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
pub(crate) const ADDRESSEE_PREFIXES: [&str; 8] = [
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
pub(crate) fn starts_addressee(rest: &str) -> bool {
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
pub(crate) fn find_de_line(text: &str) -> Option<std::ops::Range<usize>> {
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
pub(crate) fn date_time_group_at(text: &str, at: usize) -> Option<(usize, usize)> {
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
