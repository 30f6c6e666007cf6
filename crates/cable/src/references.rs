//! The reference block: split into items, classify each, build canonical IDs of cited cables.

use crate::{Context, Reference, ReferenceKind};

/// Whether a line starts with a reference item letter such as `B.`, `B)`, `(B)`.
pub(crate) fn starts_with_item_letter(text: &str) -> bool {
    item_marker(text).is_some()
}

/// `A.`, `A)`, `(A)`, `[A]`, `A:` or `A -` followed by a blank: returns the letter and the
/// marker's length.
fn item_marker(text: &str) -> Option<(char, usize)> {
    let (open, rest) = match text.chars().next()? {
        '(' => (1, text.get(1..)?),
        '[' => (1, text.get(1..)?),
        _ => (0, text),
    };
    let letter = rest.chars().next().filter(char::is_ascii_uppercase)?;
    let after = rest.get(1..)?;
    let close_len = if open == 1 {
        after.starts_with([')', ']']).then_some(1)?
    } else if after.starts_with(['.', ')', ':']) {
        1
    } else if after.starts_with(" -") {
        2
    } else {
        return None;
    };
    let marker_len = open + 1 + close_len;
    let followed_by_blank = text
        .get(marker_len..)
        .is_some_and(|tail| tail.is_empty() || tail.starts_with(char::is_whitespace));
    followed_by_blank.then_some((letter, marker_len))
}

/// Reads the items of a reference block whose value is the cleaned ranges `pieces`.
///
/// `year` is the cable's own year, used for cited cables whose year is not written.
pub(crate) fn read(
    context: &mut Context<'_>,
    pieces: &[(usize, usize)],
    year: Option<u16>,
    own_id: Option<&str>,
) -> Vec<Reference> {
    // Item markers follow the alphabet: only the next expected letter starts an item, so a
    // stray `A.` inside an item's text does not split it.
    let mut markers: Vec<(usize, usize, char)> = Vec::new();
    let mut expected = 'A';
    for &(start, end) in pieces {
        let text = context.cleaned.slice(start, end);
        for (offset, _) in text.char_indices() {
            let at_word_start = offset == 0
                || text
                    .get(..offset)
                    .is_some_and(|before| before.ends_with(' '));
            if !at_word_start {
                continue;
            }
            if let Some((letter, marker_len)) = text.get(offset..).and_then(item_marker) {
                if letter == expected {
                    markers.push((start + offset, start + offset + marker_len, letter));
                    expected = char::from(u8::try_from(u32::from(expected) + 1).unwrap_or(b'Z'));
                }
            }
        }
    }
    let block_start = pieces
        .iter()
        .find(|(start, end)| !context.cleaned.slice(*start, *end).trim().is_empty());
    let Some(&(block_start, _)) = block_start else {
        return Vec::new();
    };
    let block_end = pieces.last().map_or(block_start, |&(_, end)| end);
    let mut items = Vec::new();
    if markers.is_empty() {
        items.push(item(
            context,
            pieces,
            (block_start, block_start, None),
            block_end,
            year,
            own_id,
        ));
        return items;
    }
    for (idx, &marker) in markers.iter().enumerate() {
        let end = markers.get(idx + 1).map_or(block_end, |&(next, _, _)| next);
        items.push(item(
            context,
            pieces,
            (marker.0, marker.1, Some(marker.2)),
            end,
            year,
            own_id,
        ));
    }
    items
}

fn item(
    context: &mut Context<'_>,
    pieces: &[(usize, usize)],
    (start, text_start, letter): (usize, usize, Option<char>),
    end: usize,
    year: Option<u16>,
    own_id: Option<&str>,
) -> Reference {
    let text = pieces
        .iter()
        .filter_map(|&(piece_start, piece_end)| {
            let from = piece_start.max(text_start);
            let to = piece_end.min(end);
            (from < to).then(|| context.cleaned.slice(from, to).trim())
        })
        .filter(|piece| !piece.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.trim_end_matches([',', ';']).trim().to_string();
    // The span ends at the last non-blank byte before `end`.
    let trimmed_end = start + context.cleaned.slice(start, end).trim_end().len();
    let span = context.span(start, trimmed_end);
    let (kind, canonical_id) = classify(&text, year);
    if canonical_id.is_some() && canonical_id.as_deref() == own_id {
        context.note(span, "This reference cites the cable itself.");
    }
    Reference {
        span,
        letter: letter.map(String::from),
        text,
        kind,
        canonical_id,
    }
}

/// Decides what an item cites and, for a cable, its canonical ID.
pub(crate) fn classify(text: &str, cable_year: Option<u16>) -> (ReferenceKind, Option<String>) {
    if let Some(cable) = cited_cable(text, cable_year) {
        return (ReferenceKind::Cable, cable);
    }
    let upper = text.to_ascii_uppercase();
    let has = |words: &[&str]| words.iter().any(|word| upper.contains(word));
    let kind = if has(&["E-MAIL", "EMAIL"]) {
        ReferenceKind::Email
    } else if has(&["FAX"]) {
        ReferenceKind::Fax
    } else if has(&["TELCON", "TELECON", "PHONE"]) {
        ReferenceKind::Telcon
    } else if has(&["HTTP", "WWW."]) {
        ReferenceKind::Web
    } else if has(&["MEMO", "LETTER", "DIPNOTE", "NOTE VERBALE"]) {
        ReferenceKind::Memo
    } else if has(&["MEETING", "CONVERSATION", "MEMCON"]) {
        ReferenceKind::Meeting
    } else if has(&["REPORT"]) {
        ReferenceKind::Report
    } else if has(&[" MSG", "MSG ", "DTG", "CABLE"]) {
        ReferenceKind::Cable
    } else {
        ReferenceKind::Other
    };
    (kind, None)
}

/// `[YY ]STATION WORDS SERIAL[ (NOTAL)…]` → `Some(canonical ID)` (inner `None` when the year is
/// unknown); `None` when the text is not a cable citation.
fn cited_cable(text: &str, cable_year: Option<u16>) -> Option<Option<String>> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    // Annotations after the serial: `(NOTAL)`, `(EXDIS)`, a title in quotes.
    if let Some(annotation) = words
        .iter()
        .position(|word| word.starts_with(['(', '"', '\'']))
    {
        if annotation > 0 {
            words.truncate(annotation);
        }
    }
    let (&serial, station_and_year) = words.split_last()?;
    let serial = serial.trim_end_matches([',', ';', '.']);
    if serial.is_empty() || !serial.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let (year, station) = match station_and_year.split_first() {
        Some((first, rest)) if first.len() == 2 && first.chars().all(|ch| ch.is_ascii_digit()) => {
            (first.parse::<u16>().ok(), rest)
        }
        _ => (cable_year.map(|year| year % 100), station_and_year),
    };
    if station.is_empty()
        || station.len() > 4
        || !station
            .iter()
            .all(|word| word.chars().all(|ch| ch.is_ascii_uppercase()))
    {
        return None;
    }
    let mut station: String = station.concat();
    if station == "SECSTATE" {
        station = "STATE".to_string();
    }
    let serial = serial.trim_start_matches('0');
    let serial = if serial.is_empty() { "0" } else { serial };
    Some(year.map(|year| format!("{year:02}{station}{serial}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, year: Option<u16>, kind: ReferenceKind, canonical_id: Option<&str>) {
        assert_eq!(
            classify(text, year),
            (kind, canonical_id.map(str::to_string)),
            "{text}"
        );
    }

    #[test]
    fn classifies_items() {
        check(
            "STATE 24735",
            Some(2008),
            ReferenceKind::Cable,
            Some("08STATE24735"),
        );
        check(
            "07 STATE 164503",
            Some(2008),
            ReferenceKind::Cable,
            Some("07STATE164503"),
        );
        check(
            "USUN NEW YORK 00123 (NOTAL)",
            Some(2009),
            ReferenceKind::Cable,
            Some("09USUNNEWYORK123"),
        );
        check(
            "SECSTATE 1234",
            Some(2009),
            ReferenceKind::Cable,
            Some("09STATE1234"),
        );
        check(
            "E-MAIL BAKER-MATTEI MARCH 7",
            Some(2008),
            ReferenceKind::Email,
            None,
        );
        check(
            "FAX MATTEI-PICO MARCH 13",
            Some(2008),
            ReferenceKind::Fax,
            None,
        );
        check("OTTAWA 258", None, ReferenceKind::Cable, None);
    }

    #[test]
    fn recognises_item_markers() {
        assert_eq!(item_marker("A. STATE 1"), Some(('A', 2)));
        assert_eq!(item_marker("(B) STATE 1"), Some(('B', 3)));
        assert_eq!(item_marker("C) STATE 1"), Some(('C', 2)));
        assert_eq!(item_marker("D - STATE 1"), Some(('D', 3)));
        assert_eq!(item_marker("AB. STATE"), None);
        assert_eq!(item_marker("A.B"), None);
    }
}
