//! The reference block: split into items, what each cites, and the canonical IDs of cited
//! cables.
//!
//! A block is read as tokens (cleaned offsets kept), in four steps: page furniture inside the block
//! is dropped (`TRIPOLI 00000402 001.2 OF 003`, `CONFIDENTIAL PAGE 02 ROME 01196 01 OF 02
//! 082030Z`); the block ends where something else begins (`Classified By`, `SENSITIVE BUT
//! UNCLASSIFIED`, a numbered paragraph); item letters split it (`A.`, `A)`, `(A)`, `[A]`, `A:`,
//! `A -`, a bare `A`, `a.`, `(1)`, with repeats such as `A. A)` or `A. REF A:`); and each item
//! is read for citations: `[YY] STATION SERIAL[-YY]`, with lists (`Kabul 692/317`, `Paris 7472 and
//! 7677`, `STATE 188314, 259032`) sharing station and year.

use crate::stations::{self, Station};
use crate::{CitedCable, Context, Reference, ReferenceKind, YearSource};

/// What the citing cable says about itself, to date and recognise what it cites.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Citing<'a> {
    /// Four-digit year of the citing cable.
    pub(crate) year: Option<u16>,
    /// Its station (`OTTAWA`) and serial (`372`), from the classification line.
    pub(crate) station: Option<&'a str>,
    pub(crate) serial: Option<u64>,
    /// Its canonical ID.
    pub(crate) id: Option<&'a str>,
}

/// What the citing cable says about itself, owned: built from the parse so far.
pub(crate) struct OwnCable {
    year: Option<u16>,
    station: Option<String>,
    serial: Option<u64>,
    id: Option<String>,
}

impl OwnCable {
    pub(crate) fn of(context: &Context<'_>, cable: &crate::Cable) -> OwnCable {
        let line = cable.classification.as_ref();
        OwnCable {
            year: crate::header::cable_year(context, cable),
            station: line
                .and_then(|line| line.origin.as_ref())
                .map(|origin| stations::normalise(&origin.value).value().to_string()),
            serial: line
                .and_then(|line| line.serial.as_ref())
                .and_then(|serial| serial.value.parse().ok()),
            id: cable.canonical_id.as_ref().map(|id| id.value.clone()),
        }
    }

    pub(crate) fn citing(&self) -> Citing<'_> {
        Citing {
            year: self.year,
            station: self.station.as_deref(),
            serial: self.serial,
            id: self.id.as_deref(),
        }
    }
}

/// Whether a line starts with a reference item letter such as `B.`, `B)`, `(B)`, `¶B.`.
pub(crate) fn starts_with_item_letter(text: &str) -> bool {
    let text = text.trim_start_matches(['¶', '-', ' ', '\t']);
    bullet(text).is_some_and(|(_, len)| {
        text.get(len..)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    })
}

/// Whether a line of a reference block stops inside an item: its last word is a two-digit year
/// or an upper-case word (a station's name) with no serial after it.
pub(crate) fn ends_inside_item(line: &str) -> bool {
    let Some(last) = line.split_whitespace().last() else {
        return false;
    };
    let year = last.len() == 2 && is_digits(last);
    let word = last.len() >= 2
        && last.chars().all(|ch| ch.is_ascii_alphabetic())
        && last
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_uppercase())
        && station_word(last);
    year || word
}

/// Whether a line can be the rest of a cut item: a serial (`00723  (C) Brasilia 01392`) or a
/// station and serial (`DE JANEIRO 1291`, `HANOI 2323 E. HANOI 336`), and no sentence.
pub(crate) fn continues_item(line: &str) -> bool {
    let line = line.trim();
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    let starts_right = is_digits(first) || first.chars().all(|ch| ch.is_ascii_uppercase());
    let has_number = line.chars().any(|ch| ch.is_ascii_digit());
    let n_lowercase_words = line
        .split_whitespace()
        .filter(|word| word.starts_with(|ch: char| ch.is_ascii_lowercase()))
        .count();
    starts_right && has_number && n_lowercase_words <= 2 && line.len() <= 100
}

/// A token: cleaned offsets and text.
#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    text: String,
    /// First token of a line.
    line_start: bool,
}

impl Token {
    fn upper(&self) -> String {
        self.text.to_ascii_uppercase()
    }

    fn is_separator(&self) -> bool {
        matches!(self.text.as_str(), "," | ";" | "&" | "/" | "-")
            || self.text.eq_ignore_ascii_case("and")
    }
}

/// `A.`, `A)`, `(A)`, `[A]`, `A:`, `(1)`, `1)`, lower case too: the letter (upper-cased) and the
/// bullet's length in bytes.
fn bullet(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let label = |byte: u8| byte.is_ascii_alphabetic() || byte.is_ascii_digit();
    match bytes {
        [open @ (b'(' | b'['), letter, close @ (b')' | b']'), ..]
            if label(*letter) && (*open == b'(') == (*close == b')') =>
        {
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

/// Splits the block's pieces into tokens; separators (`,`, `;`) become tokens of their own, and
/// glued bullets (`(A)05`, `A)STATE`, `D.01`, `¶B.`) are split off.
fn tokenize(context: &Context<'_>, pieces: &[(usize, usize)]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for &(piece_start, piece_end) in pieces {
        let text = context.cleaned.slice(piece_start, piece_end);
        let mut line_start = true;
        let mut pos = 0;
        while pos < text.len() {
            let rest = text.get(pos..).unwrap_or("");
            let Some(ch) = rest.chars().next() else { break };
            // A backslash left by an escaped line end (`\` or `\n` written out) is no text.
            if ch.is_whitespace() || ch == '\\' || ch == '¶' {
                let skip = if rest.starts_with("\\n") {
                    2
                } else {
                    ch.len_utf8()
                };
                pos += skip;
                continue;
            }
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '\\' || c == '¶')
                .unwrap_or(rest.len());
            let word = rest.get(..len).unwrap_or("");
            split_word(piece_start + pos, word, line_start, &mut tokens);
            line_start = false;
            pos += len;
        }
    }
    tokens
}

/// Pushes the tokens of one whitespace-separated word.
fn split_word(start: usize, word: &str, line_start: bool, tokens: &mut Vec<Token>) {
    let push = |from: usize, to: usize, tokens: &mut Vec<Token>, first: bool| {
        if let Some(text) = word.get(from..to).filter(|text| !text.is_empty()) {
            tokens.push(Token {
                start: start + from,
                end: start + to,
                text: text.to_string(),
                line_start: line_start && first,
            });
        }
    };
    let mut from = 0;
    // A glued bullet: `(A)05`, `(B)O4`, `A)STATE`, `D.01`.
    if let Some((_, len)) = bullet(word) {
        let rest = word.get(len..).unwrap_or("");
        let glued = rest.starts_with(|ch: char| ch.is_ascii_alphanumeric());
        let is_initial = word.get(1..2) == Some(".") && rest.starts_with(char::is_alphabetic);
        if glued && !is_initial {
            push(0, len, tokens, true);
            from = len;
        }
    }
    // Trailing commas and semicolons are separators; full stops stay (`K.`, `ST.`, `A.`).
    let body_end = word.trim_end_matches([',', ';']).len().max(from);
    push(from, body_end, tokens, from == 0);
    if let Some(tail) = word.get(body_end..) {
        for (offset, ch) in tail.char_indices() {
            push(
                body_end + offset,
                body_end + offset + ch.len_utf8(),
                tokens,
                false,
            );
        }
    }
}

const CLASSIFICATION_WORDS: [&str; 8] = [
    "UNCLASSIFIED",
    "UNCLAS",
    "UNCLASS",
    "CONFIDENTIAL",
    "SECRET",
    "LIMITED",
    "OFFICIAL",
    "USE",
];

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// Drops page furniture inside the block and cuts it where something else begins.
fn clean_tokens(mut tokens: Vec<Token>) -> Vec<Token> {
    let mut kept: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut idx = 0;
    while let Some(token) = tokens.get(idx) {
        let upper = token.upper();
        // `TRIPOLI 00000402 001.2 OF 003`: the page marker and the station words before it.
        if token.text.len() == 8 && is_digits(&token.text) && token.text.starts_with("00") {
            while kept.last().is_some_and(|last| {
                last.text
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch == '.')
                    && !is_digits(&last.text)
            }) {
                kept.pop();
            }
            idx += 1;
            let page = tokens.get(idx).is_some_and(|t| {
                t.text.chars().all(|ch| ch.is_ascii_digit() || ch == '.') && t.text.len() >= 3
            });
            if page && tokens.get(idx + 1).is_some_and(|t| t.text == "OF") {
                idx += 3;
            }
            continue;
        }
        // `CONFIDENTIAL PAGE 02 ROME 01196 01 OF 02 082030Z`.
        if upper == "PAGE" && tokens.get(idx + 1).is_some_and(|t| is_digits(&t.text)) {
            while kept
                .last()
                .is_some_and(|last| CLASSIFICATION_WORDS.contains(&last.upper().as_str()))
            {
                kept.pop();
            }
            let dtg_end = tokens
                .iter()
                .skip(idx)
                .take(12)
                .position(|t| {
                    let bytes = t.text.as_bytes();
                    bytes.len() == 7
                        && bytes.last() == Some(&b'Z')
                        && bytes.iter().take(6).all(u8::is_ascii_digit)
                })
                .map_or(idx + 2, |offset| idx + offset + 1);
            idx = dtg_end;
            continue;
        }
        if ends_block(&tokens, idx) {
            break;
        }
        kept.push(token.clone());
        idx += 1;
    }
    tokens.clear();
    kept
}

/// Whether the block ends at token `idx`: another field, a caption, a paragraph.
fn ends_block(tokens: &[Token], idx: usize) -> bool {
    let upper = |offset: usize| {
        tokens
            .get(idx + offset)
            .map(Token::upper)
            .unwrap_or_default()
    };
    let first = upper(0);
    let phrase = |words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(offset, word)| upper(offset).trim_end_matches([':', '.', ',']) == *word)
    };
    phrase(&["CLASSIFIED", "BY"])
        || phrase(&["SENSITIVE", "BUT", "UNCLASSIFIED"])
        || phrase(&["THIS", "MESSAGE"])
        || phrase(&["THIS", "CABLE"])
        || phrase(&["END", "SUMMARY"])
        || matches!(
            first.as_str(),
            "SUMMARY" | "SUMMARY:" | "SUMMARY." | "TAGS:" | "SUBJECT:" | "E.O." | "SIPDIS"
        )
        // A numbered paragraph: `1. (SBU)`, `1.(SBU)`, `1.  Summary`.
        || (first.len() <= 3
            && first.ends_with('.')
            && is_digits(first.trim_end_matches('.'))
            && tokens.get(idx).is_some_and(|t| t.line_start || idx > 0)
            && upper(1).starts_with('('))
        || (first.starts_with(|ch: char| ch.is_ascii_digit())
            && first.contains(".(")
            && first.len() <= 8)
        // Spaced letters of a classification line: `C O N F I D E N T I A L`.
        || (first.len() == 1 && {
            let letters: String = (0..12)
                .map(upper)
                .take_while(|word| word.len() == 1)
                .collect();
            letters.starts_with("CONFIDENTIAL")
                || letters.starts_with("SECRET")
                || letters.starts_with("UNCLASSIFIED")
        })
}

/// Words that are never part of a station's name in a citation.
const STOP_WORDS: [&str; 74] = [
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
];

const MONTHS: [&str; 24] = [
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
fn station_word(text: &str) -> bool {
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

/// A serial: digits, perhaps with a leading letter O for a zero (`O1512`) or a glued portion
/// marking (`(C)02293`); returns the digits.
fn serial_digits(text: &str) -> Option<String> {
    let text = text.trim_end_matches(['.', ':']);
    let text = match text.strip_prefix('(').and_then(|rest| rest.split_once(')')) {
        Some((marking, rest)) if marking.len() <= 3 && !rest.is_empty() => rest,
        _ => text,
    };
    let digits: String = text
        .chars()
        .enumerate()
        .map(|(idx, ch)| if idx == 0 && ch == 'O' { '0' } else { ch })
        .collect();
    (is_digits(&digits) && (1..=7).contains(&digits.len())).then_some(digits)
}

/// A two-digit year (`05`, `'05`, `(05)`, `O4`) or a four-digit one (`2005`) as a full year.
fn year_token(text: &str) -> Option<u16> {
    let bare = text
        .trim_start_matches(['\'', '(', '‘', '’'])
        .trim_end_matches([')', ',', '.', ':']);
    let bare: String = bare
        .chars()
        .enumerate()
        .map(|(idx, ch)| if idx == 0 && ch == 'O' { '0' } else { ch })
        .collect();
    if !is_digits(&bare) {
        return None;
    }
    match bare.len() {
        2 => bare.parse::<u16>().ok().map(full_year),
        4 => bare
            .parse::<u16>()
            .ok()
            .filter(|year| (1966..=2011).contains(year)),
        _ => None,
    }
}

fn full_year(yy: u16) -> u16 {
    if yy >= 66 {
        1900 + yy
    } else {
        2000 + yy
    }
}

/// One piece of an item read for citations.
#[derive(Debug, Clone)]
enum Part {
    /// A portion marking written inside a citation (`KUWAIT (C)02293`): skipped.
    Marking,
    Year(u16),
    Word,
    Serial {
        digits: String,
        suffix_year: Option<u16>,
    },
    Separator,
    Other,
}

/// Splits glued citation forms into (offset, length, part) pieces: `09CAIRO0561`,
/// `2005PANAMA2342`, `10-OTTAWA-57`, `09DHAHRAN`, `4525-91`, `00789/08`, `692/317/274`.
fn parts_of(token: &Token) -> Vec<(usize, usize, Part)> {
    let text = token.text.as_str();
    let whole = |part: Part| vec![(token.start, token.end, part)];
    if token.is_separator() {
        return whole(Part::Separator);
    }
    if text.len() <= 7
        && text.starts_with('(')
        && text.ends_with(')')
        && text
            .get(1..text.len() - 1)
            .is_some_and(|inner| inner.chars().all(|ch| ch.is_ascii_uppercase() || ch == '/'))
        && text.len() > 3
        || matches!(text, "(C)" | "(U)" | "(S)")
    {
        return whole(Part::Marking);
    }
    if let Some(year) = year_token(text) {
        if text.len() == 2 || text.len() == 4 || text.starts_with(['\'', '(']) {
            return whole(Part::Year(year));
        }
    }
    if let Some(digits) = serial_digits(text) {
        return whole(Part::Serial {
            digits,
            suffix_year: None,
        });
    }
    // `4525-91`, `00789/08`: a serial with its year after it.
    for separator in ['-', '/'] {
        if let Some((serial, year)) = text.split_once(separator) {
            // A date (`12/01`, `9-22`) is not: the serial has three digits or more.
            if let (Some(digits), true) = (
                serial_digits(serial).filter(|digits| digits.len() >= 3),
                year.len() == 2 && is_digits(year),
            ) {
                let suffix_year = year.parse().ok().map(full_year);
                return whole(Part::Serial {
                    digits,
                    suffix_year,
                });
            }
        }
    }
    // `692/317/274`: a list of serials.
    // A date (`2/22/08`) is not: every serial has three digits or more.
    if text.contains('/')
        && text
            .split('/')
            .all(|part| serial_digits(part).is_some_and(|digits| digits.len() >= 3))
    {
        let mut parts = Vec::new();
        let mut offset = 0;
        for piece in text.split('/') {
            if let Some(digits) = serial_digits(piece) {
                let start = token.start + offset;
                parts.push((
                    start,
                    start + piece.len(),
                    Part::Serial {
                        digits,
                        suffix_year: None,
                    },
                ));
            }
            offset += piece.len() + 1;
        }
        return parts;
    }
    // `10-OTTAWA-57`.
    let dashed: Vec<&str> = text.split('-').collect();
    if let [year_text, station, serial] = dashed.as_slice() {
        if let (Some(year), Some(digits)) = (year_token(year_text), serial_digits(serial)) {
            if station_word(station) {
                let year_end = token.start + year_text.len();
                let station_start = year_end + 1;
                let station_end = station_start + station.len();
                return vec![
                    (token.start, year_end, Part::Year(year)),
                    (station_start, station_end, Part::Word),
                    (
                        station_end + 1,
                        token.end,
                        Part::Serial {
                            digits,
                            suffix_year: None,
                        },
                    ),
                ];
            }
        }
    }
    // `09CAIRO0561`, `2005PANAMA2342`, `09DHAHRAN`.
    let n_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if n_digits == 2 || n_digits == 4 {
        let rest = text.get(n_digits..).unwrap_or("");
        let n_letters = rest.bytes().take_while(u8::is_ascii_uppercase).count();
        let tail = rest.get(n_letters..).unwrap_or("");
        if let (Some(year), true) = (
            text.get(..n_digits).and_then(year_token),
            n_letters >= 3 && (tail.is_empty() || is_digits(tail)),
        ) {
            let year_end = token.start + n_digits;
            let station_end = year_end + n_letters;
            let mut parts = vec![
                (token.start, year_end, Part::Year(year)),
                (year_end, station_end, Part::Word),
            ];
            if !tail.is_empty() {
                parts.push((
                    station_end,
                    token.end,
                    Part::Serial {
                        digits: tail.to_string(),
                        suffix_year: None,
                    },
                ));
            }
            return parts;
        }
    }
    if station_word(text) {
        whole(Part::Word)
    } else {
        whole(Part::Other)
    }
}

/// A citation found in an item, before dating.
struct Found {
    start: usize,
    end: usize,
    station_raw: String,
    station: Station,
    digits: String,
    year: Option<u16>,
    year_source: YearSource,
}

/// Reads the cables an item cites. `tokens` are the item's tokens without its bullet.
fn citations(
    context: &Context<'_>,
    tokens: &[Token],
    inherited: Option<(&str, &Station)>,
) -> (Vec<Found>, usize) {
    let parts: Vec<(usize, usize, Part)> = tokens.iter().flat_map(parts_of).collect();
    let mut found: Vec<Found> = Vec::new();
    // The station words being gathered, and a year written before them.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut pending_year: Option<u16> = None;
    // What a list continues: station and year of the last citation, and whether only
    // separators came since.
    let mut list_open = false;
    // An item that starts with a bare serial (`B. 2962 AND PREVIOUS`) continues the station of
    // the item before it: a stand-in citation opens the list, and is dropped at the end.
    let seeded = match (inherited, parts.first()) {
        (Some((station_raw, station)), Some((_, _, Part::Serial { .. }))) => {
            found.push(Found {
                start: 0,
                end: 0,
                station_raw: station_raw.to_string(),
                station: station.clone(),
                digits: String::new(),
                year: None,
                year_source: YearSource::Unknown,
            });
            list_open = true;
            true
        }
        _ => false,
    };
    // A serial written before its station: `377 KATHMANDU`.
    let mut orphan: Option<(usize, String)> = None;
    let mut last_end_part = 0;
    let mut idx = 0;
    while let Some((start, end, part)) = parts.get(idx) {
        match part {
            Part::Year(year) => {
                let next_is_word = matches!(parts.get(idx + 1), Some((_, _, Part::Word)));
                let after_serial = idx > 0
                    && matches!(parts.get(idx - 1), Some((_, _, Part::Serial { .. })))
                    && !next_is_word;
                match found.last_mut() {
                    // `AMMAN 07718 99,`: a year after the serial.
                    Some(last) if after_serial && last.year_source != YearSource::Written => {
                        last.year = Some(*year);
                        last.year_source = YearSource::Written;
                        last.end = *end;
                    }
                    _ if next_is_word => {
                        pending_year = Some(*year);
                        words.clear();
                    }
                    // A lone short number after a station (`HK 07053`? no: `UNVIE 89`): a serial.
                    _ if !words.is_empty() => {
                        let digits = context.cleaned.slice(*start, *end).to_string();
                        push_citation(
                            context,
                            &mut found,
                            &mut words,
                            &mut pending_year,
                            *end,
                            digits,
                            None,
                        );
                        list_open = true;
                        last_end_part = idx;
                    }
                    _ => {
                        list_open = false;
                    }
                }
            }
            Part::Word => {
                if words.len() >= 5 {
                    words.remove(0);
                }
                words.push((*start, *end));
                list_open = false;
            }
            Part::Serial {
                digits,
                suffix_year,
            } => {
                if !words.is_empty() {
                    push_citation(
                        context,
                        &mut found,
                        &mut words,
                        &mut pending_year,
                        *end,
                        digits.clone(),
                        *suffix_year,
                    );
                    orphan = None;
                    list_open = true;
                    last_end_part = idx;
                } else if list_open {
                    // Another serial of the same station: `Paris 7472 and 7677`.
                    if let Some(last) = found.last() {
                        let (year, year_source) = match suffix_year {
                            Some(year) => (Some(*year), YearSource::Written),
                            None if last.year_source == YearSource::Written
                                || last.year_source == YearSource::List =>
                            {
                                (last.year, YearSource::List)
                            }
                            None => (None, YearSource::Unknown),
                        };
                        let next = Found {
                            start: *start,
                            end: *end,
                            station_raw: last.station_raw.clone(),
                            station: last.station.clone(),
                            digits: digits.clone(),
                            year,
                            year_source,
                        };
                        found.push(next);
                        last_end_part = idx;
                    }
                } else {
                    pending_year = None;
                    orphan = Some((*start, digits.clone()));
                }
            }
            Part::Separator => {
                // `PRAGUE, 1228`: a comma between a known station and its serial.
                if !words.is_empty() {
                    let keep = matches!(parts.get(idx + 1), Some((_, _, Part::Serial { .. })))
                        && context.cleaned.slice(*start, *end) == ","
                        && stations::is_known(&station_text(context, &words));
                    if !keep {
                        if let Some((orphan_start, digits)) = orphan.take() {
                            push_reversed(context, &mut found, &words, orphan_start, digits);
                            last_end_part = idx.saturating_sub(1);
                        }
                        words.clear();
                        pending_year = None;
                    }
                }
            }
            Part::Marking => {}
            Part::Other => {
                // A word that is no station alone may end one: `RIO DE JAN`.
                let token_text = context.cleaned.slice(*start, *end);
                let mut with_word = station_text(context, &words);
                with_word.push(' ');
                with_word.push_str(token_text);
                if !words.is_empty() && stations::is_known(&with_word) {
                    words.push((*start, *end));
                } else {
                    words.clear();
                    pending_year = None;
                }
                list_open = false;
            }
        }
        idx += 1;
    }
    if let Some((orphan_start, digits)) = orphan.take() {
        if !words.is_empty() {
            push_reversed(context, &mut found, &words, orphan_start, digits);
            last_end_part = parts.len().saturating_sub(1);
        }
    }
    if seeded && !found.is_empty() {
        found.remove(0);
    }
    let consumed = parts.get(last_end_part).map_or(0, |(_, end, _)| *end);
    (found, consumed)
}

/// `377 KATHMANDU`: a serial, then the station's words.
fn push_reversed(
    context: &Context<'_>,
    found: &mut Vec<Found>,
    words: &[(usize, usize)],
    serial_start: usize,
    digits: String,
) {
    let raw = station_text(context, words);
    if !stations::is_known(&raw) {
        return;
    }
    let end = words.last().map_or(serial_start, |&(_, end)| end);
    found.push(Found {
        start: serial_start,
        end,
        station: stations::normalise(&raw),
        station_raw: raw,
        digits,
        year: None,
        year_source: YearSource::Unknown,
    });
}

fn station_text(context: &Context<'_>, words: &[(usize, usize)]) -> String {
    match (words.first(), words.last()) {
        (Some(&(start, _)), Some(&(_, end))) => context.cleaned.slice(start, end).to_string(),
        _ => String::new(),
    }
}

fn push_citation(
    context: &Context<'_>,
    found: &mut Vec<Found>,
    words: &mut Vec<(usize, usize)>,
    pending_year: &mut Option<u16>,
    serial_end: usize,
    digits: String,
    suffix_year: Option<u16>,
) {
    // The station is the longest run of the words before the serial that reads as one: a
    // known station if any ending of the run is one, else the last upper-case words.
    let texts: Vec<String> = words
        .iter()
        .map(|&(start, end)| context.cleaned.slice(start, end).to_string())
        .collect();
    let mut first_word = None;
    for from in 0..texts.len() {
        let joined = texts.get(from..).unwrap_or(&[]).join(" ");
        if stations::is_known(&joined) {
            first_word = Some(from);
            break;
        }
    }
    let first_word = first_word.unwrap_or_else(|| {
        // Unknown station: its upper-case words, at most three.
        let mut from = texts.len();
        while from > 0
            && texts.len() - from < 3
            && texts
                .get(from - 1)
                .is_some_and(|word| !word.chars().any(char::is_lowercase))
        {
            from -= 1;
        }
        if from == texts.len() {
            // A capitalised single word (`Montreal`, `Colomobo`).
            texts.len().saturating_sub(1)
        } else {
            from
        }
    });
    let Some(&(station_start, _)) = words.get(first_word) else {
        words.clear();
        return;
    };
    let station_end = words.last().map_or(station_start, |&(_, end)| end);
    let station_raw = context
        .cleaned
        .slice(station_start, station_end)
        .to_string();
    let station = stations::normalise(&station_raw);
    // One letter is not a station (`Appendix K, 406`).
    if station.value().len() < 2 {
        words.clear();
        *pending_year = None;
        return;
    }
    let (year, year_source) = match (pending_year.take(), suffix_year) {
        (Some(year), _) | (None, Some(year)) => (Some(year), YearSource::Written),
        (None, None) => (None, YearSource::Unknown),
    };
    found.push(Found {
        start: station_start,
        end: serial_end,
        station_raw,
        station,
        digits,
        year,
        year_source,
    });
    words.clear();
}

/// Cables cited in the body's text, in the cleaned range `start..end`: in parentheses
/// (`(MOGADISHU 1520)`, `(08 STATE 1234)`) or after `SEE`, `REFTEL`, `PER` (`SEE RIYADH 29
/// (NOTAL)`). Only known stations count here, so that `(ARTICLE 12)` is not a cable.
pub(crate) fn inline(
    context: &mut Context<'_>,
    (start, end): (usize, usize),
    citing: Citing<'_>,
) -> Vec<CitedCable> {
    // Only the places a citation can start are read: a `(` before a letter or digit, and the
    // words `SEE`, `REFTEL(S)`, `PER`; each with the stretch after it.
    let text = context.cleaned.text.get(start..end).unwrap_or("");
    let bytes = text.as_bytes();
    let mut candidates: Vec<usize> = Vec::new();
    for (at, byte) in bytes.iter().enumerate() {
        // A citation in parentheses holds a space and a digit before the `)`; a portion
        // marking (`(C)`, `(SBU)`) does not.
        let opens = *byte == b'('
            && bytes
                .get(at + 1)
                .is_some_and(|next| next.is_ascii_uppercase() || next.is_ascii_digit())
            && {
                let inside = bytes.get(at + 1..(at + 60).min(bytes.len())).unwrap_or(&[]);
                let inside = inside
                    .iter()
                    .position(|byte| *byte == b')')
                    .map_or(inside, |close| inside.get(..close).unwrap_or(&[]));
                inside.contains(&b' ') && inside.iter().any(u8::is_ascii_digit)
            };
        let word = matches!(byte, b'S' | b's' | b'R' | b'r' | b'P' | b'p')
            && (at == 0 || !bytes.get(at - 1).is_some_and(u8::is_ascii_alphanumeric))
            && ["SEE ", "REFTEL", "PER "].iter().any(|word| {
                text.get(at..at + word.len())
                    .is_some_and(|found| found.eq_ignore_ascii_case(word))
            });
        if opens || word {
            candidates.push(at);
        }
    }
    let mut cables: Vec<CitedCable> = Vec::new();
    for at in candidates {
        let window_end = (at + 90).min(text.len());
        let window_end = (window_end..=text.len())
            .find(|&idx| text.is_char_boundary(idx))
            .unwrap_or(text.len());
        let tokens = tokenize(context, &[(start + at, start + window_end)]);
        // The scan above chose `(…` or a word (`SEE`, …): a word is not part of the window.
        let see = !text.get(at..).is_some_and(|rest| rest.starts_with('('));
        let mut window: Vec<Token> = Vec::new();
        for next in tokens.iter().skip(usize::from(see)).take(7) {
            let closes = next.text.contains(')');
            let leading = next.text.len() - next.text.trim_start_matches('(').len();
            let bare = next
                .text
                .trim_start_matches('(')
                .trim_end_matches([')', ',', ';', '.', ':']);
            if !bare.is_empty() {
                window.push(Token {
                    start: next.start + leading,
                    end: next.start + leading + bare.len(),
                    text: bare.to_string(),
                    line_start: false,
                });
            }
            if closes {
                break;
            }
        }
        let (found, _) = citations(context, &window, None);
        for citation in found {
            let known = !matches!(citation.station, Station::Unknown(_));
            if !known || citation.digits.len() < 2 {
                continue;
            }
            let cited = date(context, citation, citing);
            let repeated = cables.iter().any(|cable| cable.span == cited.span);
            if !repeated && cited.canonical_id.as_deref() != citing.id {
                cables.push(cited);
            }
        }
    }
    cables
}

/// Reads the items of a reference block whose value is the cleaned ranges `pieces`.
pub(crate) fn read(
    context: &mut Context<'_>,
    pieces: &[(usize, usize)],
    citing: Citing<'_>,
) -> Vec<Reference> {
    let tokens = clean_tokens(tokenize(context, pieces));
    let items = split_items(&tokens);
    let mut references: Vec<Reference> = Vec::new();
    let mut last_station: Option<(String, Station)> = None;
    for (letter, item_tokens) in items {
        let inherited = last_station
            .as_ref()
            .map(|(raw, station)| (raw.as_str(), station));
        if let Some(reference) = read_item(context, letter, &item_tokens, citing, inherited) {
            if let Some(cable) = reference.cables.last() {
                last_station = Some((
                    cable.station_raw.clone(),
                    stations::normalise(&cable.station_raw),
                ));
            }
            references.push(reference);
        }
    }
    references
}

/// An item: its letter and the letter's token, and its tokens.
type Item = (Option<(char, Token)>, Vec<Token>);

/// Splits tokens into items by their letters. Without letters, `;` separates items.
fn split_items(tokens: &[Token]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut expected: Option<char> = None;
    let mut current: Option<char> = None;
    let mut just_bulleted = false;
    let mut idx = 0;
    while let Some(token) = tokens.get(idx) {
        let upper = token.upper();
        // `REF:`, `REFERENCE:` repeated inside the block, and the letter repeated after it.
        if matches!(
            upper.trim_end_matches([':', '.']),
            "REF" | "REFS" | "REFERENCE" | "REFERENCES" | "REFTEL"
        ) && (just_bulleted || items.last().is_none_or(|(_, toks)| toks.is_empty()))
        {
            idx += 1;
            just_bulleted = true;
            continue;
        }
        let marker = bullet(&token.text)
            .filter(|(_, len)| *len == token.text.len())
            .map(|(letter, _)| letter)
            .or_else(|| bare_letter(tokens, idx, expected, current));
        if let Some(letter) = marker {
            let next_letter = |ch: char| char::from_u32(u32::from(ch) + 1);
            let is_expected = expected.map_or(
                letter == 'A' || letter == '1' || items.is_empty(),
                |expected| letter == expected,
            );
            if just_bulleted && Some(letter) == current {
                // `A. A)`, `A. REF A:`: the same letter again.
                idx += 1;
                continue;
            }
            let repeat = Some(letter) == current && token.line_start;
            if is_expected || repeat {
                items.push((Some((letter, token.clone())), Vec::new()));
                current = Some(letter);
                expected = next_letter(letter);
                just_bulleted = true;
                idx += 1;
                continue;
            }
        }
        just_bulleted = false;
        match items.last_mut() {
            Some((_, item)) => item.push(token.clone()),
            None => items.push((None, vec![token.clone()])),
        }
        idx += 1;
    }
    // Without letters, `;` separates items: `05 STATE 1234; 06 STATE 1234; E-Mail Tralala`.
    if items.len() == 1 && items.first().is_some_and(|(letter, _)| letter.is_none()) {
        if let Some((_, all)) = items.pop() {
            for piece in all.split(|token| token.text == ";") {
                if !piece.is_empty() {
                    items.push((None, piece.to_vec()));
                }
            }
        }
    }
    items
}

/// A bare letter as an item's letter (`REF A WELLINGTON 721 B WELLINGTON 690`): only the letter
/// expected next, after a citation's end or at the start, and before a name or a number.
fn bare_letter(
    tokens: &[Token],
    idx: usize,
    expected: Option<char>,
    current: Option<char>,
) -> Option<char> {
    let token = tokens.get(idx)?;
    let letter = token.text.chars().next()?;
    if token.text.len() != 1 || !letter.is_ascii_uppercase() {
        return None;
    }
    let wanted = expected.unwrap_or('A');
    // `A -` is a bullet too.
    let dash = tokens.get(idx + 1).is_some_and(|next| next.text == "-");
    let next = tokens.get(idx + 1 + usize::from(dash))?;
    let before_ok = idx == 0
        || tokens.get(idx - 1).is_some_and(|before| {
            is_digits(before.text.trim_end_matches([',', ';']))
                || before.text.ends_with(')')
                || before.is_separator()
        })
        || current.is_some() && token.line_start;
    let next_ok = next
        .text
        .starts_with(|ch: char| ch.is_ascii_uppercase() || ch.is_ascii_digit());
    (letter == wanted && before_ok && next_ok).then_some(letter)
}

fn read_item(
    context: &mut Context<'_>,
    letter: Option<(char, Token)>,
    tokens: &[Token],
    citing: Citing<'_>,
    inherited: Option<(&str, &Station)>,
) -> Option<Reference> {
    let first = tokens.first();
    let last = tokens.last();
    let start = letter
        .as_ref()
        .map(|(_, token)| token.start)
        .or(first.map(|token| token.start))?;
    let end = last.map_or_else(
        || letter.as_ref().map_or(start, |(_, token)| token.end),
        |token| token.end,
    );
    // Empty for an item that is only a letter.
    let text = join_tokens(context, tokens);
    let text = text.trim_end_matches([',', ';']).trim().to_string();
    let span = context.span(start, end);
    let (found, consumed) = citations(context, tokens, inherited);
    let mut cables = Vec::new();
    for citation in found {
        cables.push(date(context, citation, citing));
    }
    let self_reference = citing.id.is_some()
        && cables
            .iter()
            .any(|cable| cable.canonical_id.as_deref() == citing.id);
    if self_reference {
        context.note(span, "This reference cites the cable itself.");
    }
    let annotation = annotation(context, tokens, consumed).filter(|_| !cables.is_empty());
    let kind = if cables.is_empty() {
        kind_of(&text)
    } else {
        ReferenceKind::Cable
    };
    Some(Reference {
        span,
        letter: letter.map(|(letter, _)| letter.to_string()),
        text,
        kind,
        canonical_id: cables.iter().find_map(|cable| cable.canonical_id.clone()),
        cables,
        annotation,
        self_reference,
    })
}

/// The item's text: its tokens as written, one space between, furniture left out.
fn join_tokens(context: &Context<'_>, tokens: &[Token]) -> String {
    let mut text = String::new();
    let mut previous_end: Option<usize> = None;
    for token in tokens {
        let glued = previous_end == Some(token.start) || matches!(token.text.as_str(), "," | ";");
        if !text.is_empty() && !glued {
            text.push(' ');
        }
        text.push_str(context.cleaned.slice(token.start, token.end));
        previous_end = Some(token.end);
    }
    text
}

/// What follows the last citation: `(NOTAL)`, `AND PREVIOUS`, `("A SPLENDID LITTLE VISIT")`.
fn annotation(context: &Context<'_>, tokens: &[Token], consumed: usize) -> Option<String> {
    let rest: Vec<Token> = tokens
        .iter()
        .filter(|token| token.start >= consumed)
        .cloned()
        .collect();
    let text = join_tokens(context, &rest);
    let text = text.trim_matches([',', ';', ' ']).to_string();
    (!text.is_empty()).then_some(text)
}

/// Dates a citation: the year written, else the list's, else the citing cable's (or the year
/// before it when the citing cable could not have cited that serial of its own station yet).
fn date(context: &mut Context<'_>, found: Found, citing: Citing<'_>) -> CitedCable {
    let serial = found.digits.trim_start_matches('0');
    let serial = if serial.is_empty() { "0" } else { serial }.to_string();
    let station = found.station.value().to_string();
    let (year, year_source) = match (found.year, found.year_source) {
        (Some(year), source) => (Some(year), source),
        (None, _) => match citing.year {
            Some(year) => {
                let own_station = citing.station == Some(station.as_str());
                let later_serial = citing
                    .serial
                    .zip(serial.parse::<u64>().ok())
                    .is_some_and(|(own, cited)| cited >= own);
                if own_station && later_serial && serial.parse::<u64>().ok() != citing.serial {
                    (Some(year - 1), YearSource::PreviousYear)
                } else {
                    (Some(year), YearSource::Cable)
                }
            }
            None => (None, YearSource::Unknown),
        },
    };
    let span = context.span(found.start, found.end);
    if let Station::Mended {
        station: mended,
        written,
    } = &found.station
    {
        context.note(
            span,
            &format!("Read the station {written} as {mended}, the nearest known spelling."),
        );
    }
    if year_source == YearSource::PreviousYear {
        context.note(
            span,
            &format!(
                "{station} {serial} is dated {}: in {} this post had not yet reached that serial when it sent this cable.",
                year.unwrap_or(0),
                citing.year.unwrap_or(0)
            ),
        );
    }
    CitedCable {
        span,
        station_raw: found.station_raw,
        canonical_id: year.map(|year| format!("{:02}{station}{serial}", year % 100)),
        station,
        serial,
        year,
        year_source,
    }
}

/// What a non-cable item cites, from its words.
fn kind_of(text: &str) -> ReferenceKind {
    let upper = text.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(|ch: char| !ch.is_ascii_alphanumeric() && ch != '-' && ch != '.')
        .filter(|word| !word.is_empty())
        .collect();
    let has_word = |options: &[&str]| words.iter().any(|word| options.contains(word));
    let has = |needles: &[&str]| needles.iter().any(|needle| upper.contains(needle));
    if has(&["HTTP", "WWW."]) {
        ReferenceKind::Web
    } else if has_word(&["E-MAIL", "EMAIL", "E-MAILS", "EMAILS", "EMAILED"]) {
        ReferenceKind::Email
    } else if has_word(&["FAX", "FAXES", "FAXED"]) {
        ReferenceKind::Fax
    } else if has_word(&[
        "TELCON",
        "TELCONS",
        "TELECON",
        "TELECONS",
        "PHONE",
        "TELEPHONE",
        "CALL",
    ]) {
        ReferenceKind::Telcon
    } else if has_word(&[
        "FAM", "FAH", "CFR", "U.S.C.", "USC", "ACT", "BOOK", "MANUAL", "STATUTE",
    ]) {
        ReferenceKind::Publication
    } else if has_word(&["REPORT", "REPORTS", "IIR"]) || has(&["TD-"]) {
        ReferenceKind::Report
    } else if has_word(&[
        "MEMO",
        "MEMORANDUM",
        "LETTER",
        "DIPNOTE",
        "NOTE",
        "NONPAPER",
        "NON-PAPER",
    ]) {
        ReferenceKind::Memo
    } else if has_word(&[
        "MEETING",
        "MEETINGS",
        "CONVERSATION",
        "MEMCON",
        "DISCUSSION",
    ]) {
        ReferenceKind::Meeting
    } else if has_word(&[
        "MSG",
        "DTG",
        "CABLE",
        "TELEGRAM",
        "TELEGRAMS",
        "SEPTEL",
        "REFTEL",
        "CIRCULAR",
        "AIRGRAM",
    ]) || dtg_word(&words)
    {
        ReferenceKind::Cable
    } else {
        ReferenceKind::Other
    }
}

/// `R162245Z`, `301601Z`: a date-time group, so a message.
fn dtg_word(words: &[&str]) -> bool {
    words.iter().any(|word| {
        let digits = word.trim_start_matches(['R', 'O', 'P', 'Z']);
        digits.len() == 7 && digits.ends_with('Z') && is_digits(digits.get(..6).unwrap_or(""))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_bullets() {
        assert_eq!(bullet("A. STATE 1"), Some(('A', 2)));
        assert_eq!(bullet("(B) STATE 1"), Some(('B', 3)));
        assert_eq!(bullet("[C] STATE 1"), Some(('C', 3)));
        assert_eq!(bullet("d) STATE 1"), Some(('D', 2)));
        assert_eq!(bullet("(1) 2005"), Some(('1', 3)));
        assert!(starts_with_item_letter("¶B. SANAA 151"));
        assert!(starts_with_item_letter("B) TALLINN 347"));
        assert!(!starts_with_item_letter("AB. STATE"));
        assert!(!starts_with_item_letter("A.B"));
    }

    #[test]
    fn reads_years_and_serials() {
        assert_eq!(year_token("05"), Some(2005));
        assert_eq!(year_token("'08"), Some(2008));
        assert_eq!(year_token("O4"), Some(2004));
        assert_eq!(year_token("1999"), Some(1999));
        assert_eq!(year_token("123"), None);
        assert_eq!(serial_digits("O1512").as_deref(), Some("01512"));
        assert_eq!(serial_digits("(C)02293").as_deref(), Some("02293"));
        assert_eq!(serial_digits("D328589"), None);
    }

    #[test]
    fn classifies_items_without_cables() {
        assert_eq!(kind_of("LAKHDHIR E-MAIL 12/01/09"), ReferenceKind::Email);
        assert_eq!(
            kind_of("MITCHELL/SIMS TELCON 02/16/2010"),
            ReferenceKind::Telcon
        );
        assert_eq!(
            kind_of("9 FAM Appendix K, 406 (6)"),
            ReferenceKind::Publication
        );
        assert_eq!(
            kind_of("2004 HUMAN RIGHTS REPORT FOR PANAMA"),
            ReferenceKind::Report
        );
        assert_eq!(kind_of("(S/NF) TD-314/21795-05"), ReferenceKind::Report);
        assert_eq!(
            kind_of("SECDEF MSG DTG 301601z SEP 08"),
            ReferenceKind::Cable
        );
        assert_eq!(kind_of("SECDEF R162245Z OCT 08"), ReferenceKind::Cable);
        assert_eq!(kind_of("FAX MATTEI-PICO MARCH 13"), ReferenceKind::Fax);
        assert_eq!(kind_of("PARIS POINTS JULY 15"), ReferenceKind::Other);
    }
}
