//! The citation grammar: `[YY] STATION SERIAL[-YY]`, glued forms (`09CAIRO0561`,
//! `10-OTTAWA-57`), lists sharing station and year (`Kabul 692/317`, `Paris 7472 and 7677`), a
//! serial before its station (`377 KATHMANDU`), and how each cited cable is dated.

use crate::context::Context;
use crate::glossary;
use crate::references::citing::Citing;
use crate::references::tokens::Token;
use crate::scan::reference_items::{is_digits, station_word, MONTHS};
use crate::stations::{self, Station};
use crate::tree::{CitedCable, YearSource};

/// A serial: digits, perhaps with a leading letter O for a zero (`O1512`) or a glued portion
/// marking (`(C)02293`); returns the digits.
pub(crate) fn serial_digits(text: &str) -> Option<String> {
    let text = text.trim_end_matches(['.', ':']);
    // `03 Panama 3294)`: a parenthesis closed after a serial of three digits or more (`1)` is
    // an item's number), none opened in it.
    let closed = text.trim_end_matches(')');
    let text = if !text.contains('(') && closed.len() >= 3 {
        closed
    } else {
        text
    };
    let text = match text.strip_prefix('(').and_then(|rest| rest.split_once(')')) {
        Some((marking, rest)) if marking.len() <= 3 && !rest.is_empty() => rest,
        _ => text,
    };
    let digits: String = text
        .chars()
        .enumerate()
        .map(|(idx, ch)| if idx == 0 && ch == 'O' { '0' } else { ch })
        .collect();
    // No cable is numbered 0: `WHITE HOUSE O P 261812Z`, `NATIONAL H 0`.
    let numbered = digits.bytes().any(|byte| byte != b'0');
    (is_digits(&digits) && (1..=7).contains(&digits.len()) && numbered).then_some(digits)
}

/// A two-digit year (`05`, `'05`, `(05)`, `O4`) or a four-digit one (`2005`) as a full year.
pub(crate) fn year_token(text: &str) -> Option<u16> {
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

pub(crate) fn full_year(yy: u16) -> u16 {
    if yy >= 66 {
        1900 + yy
    } else {
        2000 + yy
    }
}

/// Words for the kind of message that a citation may write between its station and its serial
/// (`TEGUCIGALPA TWX 01379 DATED 171658ZJUN04`, a teletype message): not part of the station.
const MESSAGE_WORDS: [&str; 1] = ["TWX"];

/// One piece of an item read for citations.
#[derive(Debug, Clone)]
pub(crate) enum Part {
    /// A portion marking written inside a citation (`KUWAIT (C)02293`): skipped.
    Marking,
    Year(u16),
    /// A date-time group with month and year (`281320ZMAY02`): the year.
    DateTimeGroup(u16),
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
pub(crate) fn parts_of(token: &Token) -> Vec<(usize, usize, Part)> {
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
    if let Some(year) = date_time_group_year(text) {
        return whole(Part::DateTimeGroup(year));
    }
    // `TEGUCIGALPA TWX 01379`: the kind of message, written between station and serial.
    if MESSAGE_WORDS.contains(&text) {
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
    // `4525-91`, `00789/08`, `3161-2003`: a serial with its year after it.
    for separator in ['-', '/'] {
        if let Some((serial, year)) = text.split_once(separator) {
            // A date (`12/01`, `9-22`) is not: the serial has three digits or more.
            if let (Some(digits), Some(suffix_year)) = (
                serial_digits(serial).filter(|digits| digits.len() >= 3),
                year_token(year).filter(|_| is_digits(year)),
            ) {
                return whole(Part::Serial {
                    digits,
                    suffix_year: Some(suffix_year),
                });
            }
        }
    }
    // `SANAA 593-MEDIA`: a serial with the cable's subject word after it.
    if let Some((serial, word)) = text.split_once('-') {
        if let (Some(digits), true) = (
            serial_digits(serial).filter(|digits| digits.len() >= 3),
            word.len() >= 3 && word.chars().all(|ch| ch.is_ascii_uppercase()),
        ) {
            return whole(Part::Serial {
                digits,
                suffix_year: None,
            });
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
        // `25OCT04`, `03APR2003`: a date, not a cable.
        let month = rest
            .get(..n_letters)
            .is_some_and(|letters| MONTHS.contains(&letters));
        if let (Some(year), true) = (
            text.get(..n_digits).and_then(year_token),
            n_letters >= 3 && !month && (tail.is_empty() || is_digits(tail)),
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
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) station_raw: String,
    pub(crate) station: Station,
    pub(crate) digits: String,
    pub(crate) year: Option<u16>,
    pub(crate) year_source: YearSource,
}

/// Reads the cables an item cites. `tokens` are the item's tokens without its bullet.
pub(crate) fn citations(
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
                // `DUBAI 1058 28 AUG 01`: a day after the serial is no year.
                let day = before_month(
                    context,
                    context.cleaned.slice(*start, *end),
                    parts.get(idx + 1),
                );
                let after_serial = idx > 0
                    && matches!(parts.get(idx - 1), Some((_, _, Part::Serial { .. })))
                    && !next_is_word
                    && !day;
                // `STATE 04 274600`: a two-digit year between the station and a serial.
                let before_serial = matches!(
                    parts.get(idx + 1),
                    Some((_, _, Part::Serial { digits, suffix_year: None })) if digits.len() >= 3
                );
                let two_digits = context.cleaned.slice(*start, *end).len() == 2;
                // `STATE 156430 AUG 02`, `DUBAI 1058 28 AUG 01`: the month (and day) and year
                // the cable was sent.
                let day_before_month = idx >= 3
                    && parts.get(idx - 2).is_some_and(|(day_start, day_end, _)| {
                        before_month(
                            context,
                            context.cleaned.slice(*day_start, *day_end),
                            parts.get(idx - 1),
                        )
                    });
                let after_month = idx >= 2
                    && (last_end_part + 2 == idx || last_end_part + 3 == idx && day_before_month)
                    && is_month(context, parts.get(idx - 1));
                match found.last_mut() {
                    Some(last) if after_month && last.year_source != YearSource::Written => {
                        last.year = Some(*year);
                        last.year_source = YearSource::Written;
                        last.end = *end;
                        last_end_part = idx;
                    }
                    _ if !words.is_empty() && before_serial && two_digits && !after_serial => {
                        pending_year = Some(*year);
                    }
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
                    // A lone short number after a station (`HK 07053`? no: `UNVIE 89`): a serial;
                    // not a year written as one (`KINSHASA '99`), nor a year after words that
                    // name no station (`QUARTER 2004`), nor a day (`NATION 19 MARCH`).
                    _ if !words.is_empty()
                        && is_digits(context.cleaned.slice(*start, *end))
                        && !before_month(
                            context,
                            context.cleaned.slice(*start, *end),
                            parts.get(idx + 1),
                        )
                        && (two_digits || stations::is_known(&station_text(context, &words))) =>
                    {
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
            // `DOELL-LOGSDON 15 JULY TELCON`: a day and its month, not a serial.
            Part::Serial { .. }
                if before_month(
                    context,
                    context.cleaned.slice(*start, *end),
                    parts.get(idx + 1),
                ) =>
            {
                words.clear();
                pending_year = None;
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
                } else if list_open && is_item_number(context, *start, *end, parts.get(idx + 1)) {
                    // `ROME 1902, 2. STATE 31565`: the list's next item number, no serial.
                    list_open = false;
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
            // `TEGUCIGALPA TWX 01588 DATED 281320ZMAY02`: the message's date-time group, right
            // after its citation, dates it.
            Part::DateTimeGroup(year) => {
                if let Some(last) = found.last_mut().filter(|last| {
                    last.year_source != YearSource::Written && idx <= last_end_part + 2
                }) {
                    last.year = Some(*year);
                    last.year_source = YearSource::Written;
                    last.end = *end;
                    last_end_part = idx;
                }
                words.clear();
                pending_year = None;
                list_open = false;
            }
            Part::Other => {
                // A word that is no station alone may end one: `RIO DE JAN`.
                let token_text = context.cleaned.slice(*start, *end);
                let mut with_word = station_text(context, &words);
                with_word.push(' ');
                with_word.push_str(token_text);
                // Nor one that starts one: `TEL AVIV`.
                let starts_station =
                    parts
                        .get(idx + 1)
                        .is_some_and(|(next_start, next_end, next)| {
                            matches!(next, Part::Word)
                                && stations::is_known(&format!(
                                    "{token_text} {}",
                                    context.cleaned.slice(*next_start, *next_end)
                                ))
                        });
                if !words.is_empty() && stations::is_known(&with_word) {
                    words.push((*start, *end));
                } else if starts_station {
                    words.clear();
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
pub(crate) fn push_reversed(
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

pub(crate) fn station_text(context: &Context<'_>, words: &[(usize, usize)]) -> String {
    match (words.first(), words.last()) {
        (Some(&(start, _)), Some(&(_, end))) => context.cleaned.slice(start, end).to_string(),
        _ => String::new(),
    }
}

pub(crate) fn push_citation(
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
    // One letter is not a station (`Appendix K, 406`), nor a TAGS code (`REF: KPRP 28`); words
    // that name no station before a year (`Labels Update 2002)`) cite no cable.
    let tag_code = !stations::is_known(&station_raw) && glossary::is_known_tag(&station_raw);
    let year_after_words = matches!(station, Station::Unknown(_))
        && suffix_year.is_none()
        && digits.len() == 4
        && year_token(&digits).is_some();
    if station.value().len() < 2 || tag_code || year_after_words {
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

/// More telegrams than the Department sends in a day, and days of slack, for dating a STATE
/// serial by the day of the year it is cited.
const STATE_SERIALS_A_DAY: u64 = 1_300;
const STATE_MARGIN_DAYS: u64 = 7;

/// Dates a citation: the year written, else the list's, else the citing cable's (or the year
/// before it when the citing cable could not have cited that serial of its own station yet).
pub(crate) fn date(context: &mut Context<'_>, found: Found, citing: Citing<'_>) -> CitedCable {
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
                // The Department numbers at most about 1,200 telegrams a day (the bulk STATE
                // cables' serials by date): `STATE 345287` cited in the first days of January
                // is last year's.
                let beyond_state = station == "STATE"
                    && citing
                        .day_of_year
                        .zip(serial.parse::<u64>().ok())
                        .is_some_and(|(day, cited)| {
                            cited > STATE_SERIALS_A_DAY * (u64::from(day) + STATE_MARGIN_DAYS)
                        });
                if own_station && later_serial && serial.parse::<u64>().ok() != citing.serial
                    || beyond_state
                {
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
                "{station} {serial} is dated {}: in {} that post had not yet reached that serial when this cable was sent.",
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

/// Whether the number `written` is a day before its month's name (`15 JULY`), not a serial; a
/// serial may be dated by month and year after it (`STATE 156430 AUG 02`).
fn before_month(context: &Context<'_>, written: &str, next: Option<&(usize, usize, Part)>) -> bool {
    let day = (1..=2).contains(&written.len())
        && written
            .parse::<u8>()
            .is_ok_and(|day| (1..=31).contains(&day));
    day && is_month(context, next)
}

fn is_month(context: &Context<'_>, part: Option<&(usize, usize, Part)>) -> bool {
    part.is_some_and(|(start, end, _)| {
        let word = context.cleaned.slice(*start, *end).to_ascii_uppercase();
        MONTHS.contains(&word.trim_end_matches([',', '.']))
    })
}

/// `DATED 281320ZMAY02`: a date-time group with its month and year; the year.
fn date_time_group_year(text: &str) -> Option<u16> {
    let text = text.trim_end_matches([',', '.', ';', ')']);
    let (time, rest) = text.split_at_checked(6)?;
    let month = rest.strip_prefix('Z')?.get(..3)?;
    let year = rest.get(4..)?;
    (is_digits(time) && MONTHS.contains(&month) && year.len() == 2 && is_digits(year))
        .then(|| year.parse().ok().map(full_year))
        .flatten()
}

/// Whether the number at `start..end` numbers the next item of a list (`2.` before `STATE
/// 31565`): one or two digits and a full stop, a station's word after it.
fn is_item_number(
    context: &Context<'_>,
    start: usize,
    end: usize,
    next: Option<&(usize, usize, Part)>,
) -> bool {
    let written = context.cleaned.slice(start, end);
    let number = written.strip_suffix('.').unwrap_or("");
    (1..=2).contains(&number.len()) && is_digits(number) && matches!(next, Some((_, _, Part::Word)))
}
