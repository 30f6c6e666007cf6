//! Recognisers of reference-block items, shared by the header (which gathers a block's lines) and
//! the references pass (which reads them): item letters, a line cut inside an item, a station's
//! words.

/// Whether a line starts with a reference item letter such as `B.`, `B)`, `(B)`, `¶B.`; not a
/// paragraph that opens with its portion marking (`(U) We delivered reftel points …`).
pub(crate) fn starts_with_item_letter(text: &str) -> bool {
    let text = text.trim_start_matches(['¶', '-', ' ', '\t']);
    bullet(text).is_some_and(|(_, len)| {
        // `(B)STATE 264368`, `b.03 Maputo 1275`: a letter may be glued to its citation, one in
        // parentheses to a word, any to a year.
        let glued = text.get(len..).is_some_and(|rest| {
            rest.starts_with(|ch: char| ch.is_ascii_digit())
                || text.starts_with('(') && rest.starts_with(|ch: char| ch.is_ascii_uppercase())
        });
        text.get(len..).is_some_and(|rest| {
            (rest.is_empty() || rest.starts_with(char::is_whitespace) || glued)
                && !opens_with_marking(text.get(..len).unwrap_or(""), rest)
        })
    })
}

/// Whether `bullet` is a portion marking that opens a paragraph of text, `rest`: `(U)` before
/// any words (a reference block has no twenty-first item), `(C)` and `(S)` before a sentence
/// (three words in lower case), where an item would name a cable.
fn opens_with_marking(bullet: &str, rest: &str) -> bool {
    let n_lowercase_words = rest
        .split_whitespace()
        .filter(|word| word.starts_with(|ch: char| ch.is_ascii_lowercase()))
        .count();
    match bullet {
        "(U)" | "(u)" => !rest.trim().is_empty(),
        "(C)" | "(c)" | "(S)" | "(s)" => n_lowercase_words >= 3,
        _ => false,
    }
}

/// Whether a line of a reference block stops inside an item: its last word is a two-digit year
/// or an upper-case word (a station's name) with no serial after it.
pub(crate) fn ends_inside_item(line: &str) -> bool {
    let Some(last) = line.split_whitespace().last() else {
        return false;
    };
    // `C) 2003` / `TAIPEI 03339`: a year of two or four digits.
    let year = (last.len() == 2
        || last.len() == 4 && (last.starts_with("19") || last.starts_with("20")))
        && is_digits(last);
    // `D)` / `SANAA 1072`: an item's letter, its citation on the next line.
    let letter = bullet(last).is_some_and(|(_, len)| len == last.len())
        && line.split_whitespace().count() > 1;
    let word = last.len() >= 2
        && last.chars().all(|ch| ch.is_ascii_alphabetic())
        && last
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_uppercase())
        && station_word(last);
    // `C) SAINZ E-MAIL` / `OF 10/6 D) STATE 215870`: what a non-cable item names, its date on
    // the next line.
    let names_a_document = matches!(
        last.to_ascii_uppercase().as_str(),
        "E-MAIL" | "EMAIL" | "MEMO" | "LETTER" | "TELCON" | "FAX" | "NOTE"
    );
    // `98 Frankfurt 6465; 00 Frankfurt 3078;`: a list that goes on.
    let separator = line.trim_end().ends_with([';', ',']);
    year || word || letter || names_a_document || separator || letterless_first_citation(line)
}

/// `REF: 03 TEGUCIGALPA 2844` / `03 TEGUCIGALPA 2938`: a block whose items have no letters may
/// give each its own line, blank lines between.
fn letterless_first_citation(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let keyword = words.next().is_some_and(|first| {
        matches!(
            first.to_ascii_uppercase().trim_end_matches([':', '.']),
            "REF" | "REFS" | "REFTEL" | "REFTELS"
        )
    });
    let rest: Vec<&str> = words.collect();
    let ends_on_serial = rest
        .last()
        .is_some_and(|last| is_digits(last) && last.len() >= 3);
    let lettered = rest
        .iter()
        .any(|word| bullet(word).is_some_and(|(_, len)| len == word.len()));
    keyword && ends_on_serial && !lettered && rest.len() <= 4
}

/// Whether a line can be the rest of a cut item: a serial (`00723  (C) Brasilia 01392`) or a
/// station and serial (`DE JANEIRO 1291`, `HANOI 2323 E. HANOI 336`), and no sentence.
/// `is_station` says whether a capitalised word is a known station (the stations table stands
/// above this floor, so the caller lends it).
pub(crate) fn continues_item(line: &str, is_station: impl Fn(&str) -> bool) -> bool {
    let line = line.trim();
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    // `1004; D) 03 Lilongwe 1121`: the serial may carry its separator.
    let first = first.trim_end_matches([',', ';']);
    // `Quebec 51 (NOTAL)`: a station's name may be capitalised.
    let starts_right = is_digits(first)
        || first.chars().all(|ch| ch.is_ascii_uppercase())
        || first.starts_with(|ch: char| ch.is_ascii_uppercase()) && is_station(first);
    let has_number = line.chars().any(|ch| ch.is_ascii_digit());
    // Item letters (`d)`, `e.`) are no words of a sentence.
    let n_lowercase_words = line
        .split_whitespace()
        .filter(|word| word.starts_with(|ch: char| ch.is_ascii_lowercase()))
        .filter(|word| bullet(word).is_none_or(|(_, len)| len != word.len()))
        .count();
    // A sentence in capitals (`IN 1993 THERE WERE NO REPORTED INCIDENTS OF …`) is the body: a
    // list of citations has its items' letters (`(C)`, `D)`) or a number every fourth word.
    let n_words = line.split_whitespace().count();
    let n_numbers = line
        .split_whitespace()
        .filter(|word| word.chars().any(|ch| ch.is_ascii_digit()))
        .count();
    let lettered = line
        .split_whitespace()
        .any(|word| word.ends_with(')') && bullet(word).is_some_and(|(_, len)| len == word.len()));
    starts_right
        && has_number
        && (lettered || n_numbers * 4 >= n_words)
        && n_lowercase_words <= 2
        && line.len() <= 100
}

/// `A.`, `A)`, `(A)`, `[A]`, `A:`, `(1)`, `1)`, lower case too: the letter (upper-cased) and the
/// bullet's length in bytes.
pub(crate) fn bullet(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let label = |byte: u8| byte.is_ascii_alphabetic() || byte.is_ascii_digit();
    match bytes {
        [open @ (b'(' | b'['), letter, close @ (b')' | b']'), ..]
            if label(*letter) && (*open == b'(') == (*close == b')') =>
        {
            Some((char::from(*letter).to_ascii_uppercase(), 3))
        }
        // `A.)`.
        [letter, b'.', b')', ..] if letter.is_ascii_alphabetic() => {
            Some((char::from(*letter).to_ascii_uppercase(), 3))
        }
        // `1.` starts a paragraph, not an item: numbers need a parenthesis.
        [letter, b'.' | b':', ..] if letter.is_ascii_alphabetic() => {
            Some((char::from(*letter).to_ascii_uppercase(), 2))
        }
        [letter, b')', ..] if label(*letter) => Some((char::from(*letter).to_ascii_uppercase(), 2)),
        _ => None,
    }
}

pub(crate) const CLASSIFICATION_WORDS: [&str; 8] = [
    "UNCLASSIFIED",
    "UNCLAS",
    "UNCLASS",
    "CONFIDENTIAL",
    "SECRET",
    "LIMITED",
    "OFFICIAL",
    "USE",
];

pub(crate) fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// Words that are never part of a station's name in a citation.
pub(crate) const STOP_WORDS: [&str; 76] = [
    "AND",
    "OR",
    "REF",
    "REFS",
    "REFTEL",
    "REFTELS",
    "PREVIOUS",
    "NOTAL",
    "EMAIL",
    "E-MAIL",
    "EMAILS",
    "E-MAILS",
    "TELCON",
    "TELCONS",
    "TELECON",
    "MEMO",
    "MEMCON",
    "LETTER",
    "REPORT",
    "POINTS",
    "MSG",
    "DTG",
    "CIRCULAR",
    "FROM",
    "THRU",
    "TO",
    "OF",
    "IIR",
    "FAX",
    "CABLE",
    "TELEGRAM",
    "TELEGRAMS",
    "SEPTEL",
    "PARA",
    "PARAS",
    "PARAGRAPH",
    "DATED",
    "ON",
    "AT",
    "IN",
    "FOR",
    "BY",
    "NO",
    "NR",
    "NUMBER",
    "SBU",
    "ANNEX",
    "SECTION",
    "APPENDIX",
    "FAM",
    "FAH",
    "ACT",
    "CFR",
    "USC",
    "EXP",
    "LIC",
    "DAILY",
    "THE",
    "ALSO",
    "SEE",
    "VIA",
    "AIRGRAM",
    "UNSCR",
    "UNSC",
    "RESOLUTION",
    "RES",
    "NOTICE",
    "ARTICLE",
    "LAW",
    "DECREE",
    "CHAPTER",
    "PAGE",
    "POC",
    "TEL",
    // A travel document's number (`ATD 0987`, beside the CDC telegram it goes with).
    "ATD",
    "ITEM",
];

pub(crate) const MONTHS: [&str; 24] = [
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUL",
    "AUG",
    "SEP",
    "SEPT",
    "OCT",
    "NOV",
    "DEC",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// A word that can be part of a station's name: letters (and `.`, `-`, `'`), not a stop word or
/// a month; upper case, capitalised, or a particle (`de`, `au`) inside a name.
pub(crate) fn station_word(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    let bare = upper.trim_end_matches(['.', '-', ':']);
    let letters_only = !bare.is_empty()
        && bare
            .chars()
            .all(|ch| ch.is_ascii_alphabetic() || matches!(ch, '.' | '-' | '\'' | '0'))
        && bare.chars().any(|ch| ch.is_ascii_alphabetic());
    let month = MONTHS.contains(&bare);
    letters_only && !STOP_WORDS.contains(&bare) && !CLASSIFICATION_WORDS.contains(&bare) && !month
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for the stations table, which stands above this floor.
    fn known_station(word: &str) -> bool {
        matches!(word, "Quebec" | "Lilongwe" | "Brasilia")
    }

    #[test]
    fn tells_items_from_marked_paragraphs() {
        assert!(starts_with_item_letter("(C) Sao Paulo 42"));
        assert!(starts_with_item_letter("(C) STATE 1234 AND PREVIOUS"));
        assert!(starts_with_item_letter("B. Embassy e-mail"));
        assert!(!starts_with_item_letter(
            "(U) We delivered reftel talking points on April 11"
        ));
        assert!(!starts_with_item_letter(
            "(U) AMBASSADOR DELIVERED REFTEL POINTS"
        ));
        assert!(!starts_with_item_letter(
            "(C) Poloff met the minister on May 3 to discuss"
        ));
    }

    #[test]
    fn sees_an_item_cut_by_a_line_end() {
        assert!(ends_inside_item("REFS: A) 03 Lilongwe 332; C) 03 Lilongwe"));
        assert!(ends_inside_item("REF: A) 2004 STATE 23762 C) 2003"));
        assert!(ends_inside_item("REF: A) SECSTATE 12430 B) SANAA 963 D)"));
        assert!(!ends_inside_item("REF: A) SECSTATE 12430 B) SANAA 963"));
        assert!(continues_item(
            "1004; D) 03 Lilongwe 1121; E) 03 Lilongwe 1202",
            known_station,
        ));
        assert!(continues_item("SANAA 1072 E) SANAA 1080", known_station));
        assert!(!continues_item(
            "1. (C) Summary: the minister said on May 3",
            known_station,
        ));
        // A letterless citation on its own line; a non-cable item's date on the next line.
        assert!(ends_inside_item("REF: 03 TEGUCIGALPA 2844"));
        assert!(continues_item("03 TEGUCIGALPA 2938", known_station));
        assert!(ends_inside_item(
            "REF: A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL"
        ));
        assert!(continues_item("OF 10/6 D) STATE 215870", known_station));
        // A sentence in capitals is the body.
        assert!(!continues_item(
            "IN 1993 THERE WERE NO REPORTED INCIDENTS OF INTERNATIONAL",
            known_station,
        ));
        assert!(!continues_item(
            "FURTHER TO REFTEL, POST RECEIVED CONFIRMATION ON JANUARY 12",
            known_station,
        ));
        // A list that goes on after its separator; a capitalised station after a blank line,
        // not a capitalised sentence.
        assert!(ends_inside_item(
            "REF:  98 Frankfurt 6465; 00 Frankfurt 3078;"
        ));
        assert!(continues_item("Quebec 51 (NOTAL)", known_station));
        assert!(!continues_item(
            "Effective May 25, 2005, the 53rd Weather Reconnaissance",
            known_station,
        ));
        // `A.)` and a letter glued to a year.
        assert_eq!(bullet("A.) State 180557"), Some(('A', 3)));
        assert!(starts_with_item_letter("C.) State 270359"));
        assert!(starts_with_item_letter("b.03 Maputo 1275"));
        // A letter in parentheses glued to its citation.
        assert!(starts_with_item_letter(
            "(B)STATE 264368. CURRENT FAX: 386-1-200-5535."
        ));
    }
}
