//! Pass 3: the header — routing lines, the classification line and the fields under it.
//!
//! The header ends where the body begins: at the first line after the classification line that
//! is neither a handling caption nor part of a keyword field (`E.O.`, `TAGS`, `SUBJECT`, `REF`,
//! `Classified By`).

use crate::lines::Line;
use crate::{
    references, Addressee, Cable, Classification, ClassificationLine, Context, DateTime,
    Declassification, Field, Precedence, Routing,
};

/// Reads the header into `cable` and returns the index of the first body line.
pub(crate) fn read(context: &mut Context<'_>, cable: &mut Cable) -> usize {
    let cleaned = &context.cleaned.text;
    let lines = context.lines;
    let classification_idx = lines.iter().position(|line| {
        classification_line(line.text(cleaned)).is_some_and(|parts| parts.origin.is_some())
    });
    let routing_end = classification_idx.unwrap_or_else(|| {
        // Without a classification line, the header is the run of routing lines at the top.
        let mut end = 0;
        let mut state = RoutingState::default();
        for (idx, line) in lines.iter().enumerate() {
            if line.is_blank() || routing_kind(line.text(cleaned), &mut state).is_some() {
                end = idx + 1;
            } else {
                break;
            }
        }
        end
    });
    read_routing(context, cable, routing_end);
    let Some(classification_idx) = classification_idx else {
        // A snippet or a cable whose classification line is missing: its keyword fields, if
        // any, start right after the routing lines.
        return read_fields(context, cable, routing_end, context.lines.len());
    };
    if let Some(line) = lines.get(classification_idx) {
        cable.classification = read_classification_line(context, *line);
    }
    set_canonical_id(context, cable);
    cross_check(context, cable);
    // Fields written above the classification line (a repeated header, a scraper's order) are
    // read first, and are then no longer notes.
    let first_field = lines.iter().take(classification_idx).position(|line| {
        keyword_hits(line.text(&context.cleaned.text))
            .first()
            .is_some_and(|&(at, _, _)| at == 0)
    });
    if let Some(first_field) = first_field {
        read_fields(context, cable, first_field, classification_idx);
        let fields = cable.field_spans();
        cable
            .notes
            .retain(|note| !fields.iter().any(|field| field.contains(note.span)));
    }
    read_fields(context, cable, classification_idx + 1, context.lines.len())
}

/// The parts of a classification line, as offsets into the line.
pub(crate) struct ClassificationParts {
    pub(crate) classification: Classification,
    /// End of the classification word(s) in the line.
    classification_end: usize,
    controls: Vec<String>,
    section: Option<(usize, usize, u32, u32)>,
    pub(crate) origin: Option<(usize, usize)>,
    serial: Option<(usize, usize)>,
}

/// Recognises `C O N F I D E N T I A L SECTION 01 OF 02 OTTAWA 000372` and its relatives.
///
/// The whole line must parse: classification, controls, section, origin and serial, each optional
/// after the first; a sentence that merely starts with `SECRET` is not a classification line.
pub(crate) fn classification_line(text: &str) -> Option<ClassificationParts> {
    // Every classification starts with one of these letters; most lines are rejected here.
    if !text.starts_with(['U', 'C', 'S', 'L', 'T', 'u', 'c', 's', 'l', 't']) {
        return None;
    }
    // A lower-cased copy (`S e c r e t state 015220`) is read like the original when its
    // classification is spaced out, which no sentence is.
    let upper = text.to_ascii_uppercase();
    let spaced = text.as_bytes().get(1) == Some(&b' ') && text.as_bytes().get(3) == Some(&b' ');
    let text = if spaced { upper.as_str() } else { text };
    let tokens = tokens(text);
    let (classification, mut controls, n_tokens) = leading_classification(&tokens)?;
    let classification_end = tokens.get(n_tokens.checked_sub(1)?)?.1;
    let mut rest = tokens.get(n_tokens..).unwrap_or(&[]);
    // Controls written as separate words: `SECRET NOFORN`, `CONFIDENTIAL //NOFORN`.
    while let Some((&(_, _, token), tail)) = rest.split_first() {
        let bare = token.trim_start_matches('/').trim_end_matches(',');
        if token.starts_with("//")
            || matches!(bare, "NOFORN" | "EXDIS" | "NODIS" | "LIMDIS" | "SIPDIS")
        {
            controls.extend(
                bare.split('/')
                    .filter(|part| !part.is_empty())
                    .map(str::to_string),
            );
            rest = tail;
        } else {
            break;
        }
    }
    let mut parts = ClassificationParts {
        classification,
        classification_end,
        controls,
        section: None,
        origin: None,
        serial: None,
    };
    if let [(start, _, "SECTION"), (_, _, this), (_, _, "OF"), (_, end, count), tail @ ..] = rest {
        if let (Ok(this), Ok(count)) = (this.parse(), count.parse()) {
            parts.section = Some((*start, *end, this, count));
            rest = tail;
        }
    }
    // Travel series numbers after the serial (`STATE 183691 TOSEC 140193`) are not the origin's.
    if let [head @ .., (_, _, series), (_, _, number)] = rest {
        if matches!(*series, "TOSEC" | "SECTO" | "TOAID" | "AIDTO")
            && number.chars().all(|ch| ch.is_ascii_digit())
        {
            rest = head;
        }
    }
    // What is left is the origin's words and the serial, or nothing.
    match rest {
        [] => Some(parts),
        [origin @ .., (serial_start, serial_end, serial)] => {
            let is_word = |word: &str| {
                !word.is_empty()
                    && word
                        .chars()
                        .all(|ch| ch.is_ascii_uppercase() || ch == '-' || ch == '.')
            };
            let (first, last) = (origin.first()?, origin.last()?);
            let fits = origin.len() <= 4
                && origin.iter().all(|(_, _, word)| is_word(word))
                && serial.len() >= 2
                && serial.chars().all(|ch| ch.is_ascii_digit());
            fits.then(|| {
                parts.origin = Some((first.0, last.1));
                parts.serial = Some((*serial_start, *serial_end));
                parts
            })
        }
    }
}

/// The classification at the start of a line, written as words or spaced letters: the
/// classification, controls glued on with `//`, and how many tokens it took.
fn leading_classification(
    tokens: &[(usize, usize, &str)],
) -> Option<(Classification, Vec<String>, usize)> {
    let head = |token: &str| {
        token
            .split_once("//")
            .map_or(token, |(head, _)| head)
            .to_string()
    };
    let tail = |token: &str| -> Vec<String> {
        token.split_once("//").map_or(Vec::new(), |(_, tail)| {
            tail.split('/')
                .filter(|part| !part.is_empty())
                .map(str::to_string)
                .collect()
        })
    };
    let n_letters = tokens
        .iter()
        .take_while(|(_, _, token)| {
            let head = head(token);
            head.len() == 1 && head.chars().all(|ch| ch.is_ascii_uppercase())
        })
        .count();
    let (word, n_tokens) = if n_letters >= 3 {
        let letters: String = tokens
            .get(..n_letters)?
            .iter()
            .map(|(_, _, token)| head(token))
            .collect();
        (letters, n_letters)
    } else {
        let words: Vec<String> = tokens
            .iter()
            .take(3)
            .map(|(_, _, token)| head(token))
            .collect();
        let joined = |n: usize| words.get(..n).map(|w| w.concat()).unwrap_or_default();
        if joined(3) == "LIMITEDOFFICIALUSE" {
            (joined(3), 3)
        } else if joined(2) == "TOPSECRET" {
            (joined(2), 2)
        } else {
            (joined(1), 1)
        }
    };
    // Spaced letters may run on into a control: `S E C R E T N O F O R N`.
    const CLASSIFICATIONS: [(&str, Classification); 6] = [
        ("UNCLASSIFIED", Classification::Unclassified),
        ("UNCLAS", Classification::Unclassified),
        ("LIMITEDOFFICIALUSE", Classification::LimitedOfficialUse),
        ("CONFIDENTIAL", Classification::Confidential),
        ("TOPSECRET", Classification::TopSecret),
        ("SECRET", Classification::Secret),
    ];
    let (classification, spelled_control) =
        CLASSIFICATIONS.iter().find_map(|(name, classification)| {
            let rest = word.strip_prefix(name)?;
            let control_ok = rest.is_empty()
                || (n_letters >= 3
                    && matches!(rest, "NOFORN" | "EXDIS" | "NODIS" | "LIMDIS" | "STADIS"));
            control_ok.then(|| (*classification, rest.to_string()))
        })?;
    let last = tokens.get(n_tokens.checked_sub(1)?)?.2;
    let mut controls = tail(last);
    if !spelled_control.is_empty() {
        controls.insert(0, spelled_control);
    }
    Some((classification, controls, n_tokens))
}

/// Whitespace-separated tokens with their byte offsets.
fn tokens(text: &str) -> Vec<(usize, usize, &str)> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (idx, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (ch.is_whitespace(), start) {
            (true, Some(token_start)) => {
                tokens.push((token_start, idx, text.get(token_start..idx).unwrap_or("")));
                start = None;
            }
            (false, None) => start = Some(idx),
            _ => {}
        }
    }
    tokens
}

fn read_classification_line(context: &mut Context<'_>, line: Line) -> Option<ClassificationLine> {
    let text = line.text(&context.cleaned.text);
    let parts = classification_line(text)?;
    let at = |offset: usize| line.start + offset;
    let serial = parts.serial.map(|(start, end)| {
        let digits = text.get(start..end).unwrap_or("");
        let trimmed = digits.trim_start_matches('0');
        context.field(
            at(start),
            at(end),
            if trimmed.is_empty() { "0" } else { trimmed }.to_string(),
        )
    });
    let origin = parts.origin.map(|(start, end)| {
        let words = text.get(start..end).unwrap_or("");
        context.field(
            at(start),
            at(end),
            words
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_uppercase(),
        )
    });
    Some(ClassificationLine {
        span: context.span(line.start, line.end),
        classification: context.field(
            line.start,
            at(parts.classification_end),
            parts.classification,
        ),
        controls: parts.controls,
        section: parts
            .section
            .map(|(start, end, this, count)| context.field(at(start), at(end), (this, count))),
        origin,
        serial,
    })
}

/// Where else the text writes the cable's origin and serial, and whether they agree with the
/// classification line: the `DE` line's serial, the `FM` line's post, the page breaks' serial.
pub(crate) fn cross_check(context: &mut Context<'_>, cable: &Cable) {
    let Some(line) = &cable.classification else {
        return;
    };
    let (Some(origin), Some(serial)) = (&line.origin, &line.serial) else {
        return;
    };
    let routing = cable.routing.as_ref();
    if let (Some(station), Some(de_serial)) = (
        routing.and_then(|r| r.station.as_ref()),
        routing.and_then(|r| r.station_serial.as_ref()),
    ) {
        // The DE line keeps only the last four digits: `#0163` for STATE 080163.
        let last_four = |digits: &str| digits.parse::<u64>().ok().map(|number| number % 10_000);
        if last_four(de_serial) != last_four(&serial.value) {
            context.warn(
                station.span,
                &format!("The DE line gives serial {de_serial}, the classification line {}: one of them is wrong.", serial.value),
            );
        }
    }
    if let Some(from) = routing.and_then(|r| r.from.as_ref()) {
        let post: String = from.value.split_whitespace().collect();
        let station: String = origin.value.split_whitespace().collect();
        // `STATE` is sent FM SECSTATE WASHDC; delegations and posts abbreviate in many ways, so
        // only a post that names a different place is reported.
        let same = post.contains(&station)
            || station.contains("STATE") && post.contains("SECSTATE")
            || station.len() < 4;
        let names_a_place = from.value.starts_with("AMEMBASSY")
            || from.value.starts_with("AMCONSUL")
            || from.value.starts_with("USINT");
        if !same && names_a_place {
            context.warn(
                from.span,
                &format!("The FM line names {}, but the classification line says {}: the header and the text may belong to different cables.", from.value, origin.value),
            );
        }
    }
}

/// The cable's year: from its date-time group, else from what the caller said.
pub(crate) fn cable_year(context: &Context<'_>, cable: &Cable) -> Option<u16> {
    cable
        .date_time()
        .map(|date_time| date_time.year)
        .or(context.options.year)
}

/// Canonical ID = two-digit year + origin without spaces + serial without leading zeros.
fn set_canonical_id(context: &mut Context<'_>, cable: &mut Cable) {
    let Some(line) = &cable.classification else {
        return;
    };
    let (Some(origin), Some(serial)) = (&line.origin, &line.serial) else {
        context.warn(
            line.span,
            "The classification line names no station and serial, so there is no canonical ID.",
        );
        return;
    };
    let Some(year) = cable_year(context, cable) else {
        context.note(
            line.span,
            "The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.",
        );
        return;
    };
    let station: String = origin.value.split_whitespace().collect();
    cable.canonical_id = Some(Field {
        span: origin.span.cover(serial.span),
        raw: format!("{} {}", origin.raw, serial.raw),
        value: format!("{:02}{}{}", year % 100, station, serial.value),
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoutingKind {
    TransmissionId,
    Relay,
    Station,
    Security,
    DateTime,
    From,
    To,
    Info,
    /// `XMT`: posts excluded from the collective addressee before it.
    Excluded,
    Other,
}

#[derive(Default)]
struct RoutingState {
    list: Option<RoutingKind>,
}

/// What kind of routing line `text` is, if any; `state` tracks TO/INFO continuation lines.
fn routing_kind(text: &str, state: &mut RoutingState) -> Option<RoutingKind> {
    let first = text.split_whitespace().next().unwrap_or("");
    let kind = if first.starts_with("VZCZC") {
        RoutingKind::TransmissionId
    } else if first == "DE" {
        RoutingKind::Station
    } else if matches!(first, "ZNY" | "ZNR") {
        RoutingKind::Security
    } else if first == "FM" {
        RoutingKind::From
    } else if first == "TO" {
        RoutingKind::To
    } else if first == "INFO" {
        RoutingKind::Info
    } else if first.starts_with("XMT") {
        RoutingKind::Excluded
    } else if matches!(first, "BT" | "NNNN" | "ZEN") {
        RoutingKind::Other
    } else if date_time_group(text).is_some() {
        RoutingKind::DateTime
    } else if is_relay_line(text) {
        RoutingKind::Relay
    } else if let Some(list) = state.list {
        if text.is_empty() || text.contains(['.', ':', ',']) && !text.contains('/') {
            return None;
        }
        return Some(list);
    } else {
        return None;
    };
    state.list = matches!(
        kind,
        RoutingKind::To | RoutingKind::Info | RoutingKind::Excluded
    )
    .then_some(kind);
    Some(kind)
}

/// `OO RUEHGA RUEHHA …`: precedence prosigns followed by routing indicators.
fn is_relay_line(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(prosigns) = words.next() else {
        return false;
    };
    prosigns.len() <= 2
        && prosigns
            .chars()
            .all(|ch| matches!(ch, 'Z' | 'O' | 'P' | 'R'))
        && words
            .next()
            .is_some_and(|word| word.starts_with('R') && word.len() >= 4)
}

/// `O 141423Z MAR 08` → precedence, date-time, and where the date-time starts and ends.
fn date_time_group(text: &str) -> Option<(Option<Precedence>, DateTime, usize, usize)> {
    let tokens = tokens(text);
    let dtg_idx = tokens.iter().position(|(_, _, token)| {
        token.len() == 7
            && token.ends_with('Z')
            && token
                .get(..6)
                .is_some_and(|d| d.chars().all(|ch| ch.is_ascii_digit()))
    })?;
    let prosigns = tokens.get(..dtg_idx)?;
    if prosigns.len() > 2
        || prosigns
            .iter()
            .any(|(_, _, p)| Precedence::from_prosign(p).is_none())
    {
        return None;
    }
    let precedence = prosigns
        .first()
        .and_then(|(_, _, p)| Precedence::from_prosign(p));
    let &(dtg_start, _, dtg) = tokens.get(dtg_idx)?;
    let &(_, _, month) = tokens.get(dtg_idx + 1)?;
    let &(_, year_end, year) = tokens.get(dtg_idx + 2)?;
    let number =
        |range: std::ops::Range<usize>| dtg.get(range).and_then(|digits| digits.parse::<u8>().ok());
    let month = month_number(month)?;
    let year: u16 = year.parse().ok()?;
    let year = match (year, year < 100) {
        (yy, true) if yy >= 66 => 1900 + yy,
        (yy, true) => 2000 + yy,
        (yyyy, false) => yyyy,
    };
    let date_time = DateTime {
        year,
        month,
        day: number(0..2)?,
        hour: number(2..4)?,
        minute: number(4..6)?,
    };
    let valid = (1..=31).contains(&date_time.day) && date_time.hour < 24 && date_time.minute < 60;
    valid.then_some((precedence, date_time, dtg_start, year_end))
}

fn month_number(month: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let upper = month.to_ascii_uppercase();
    MONTHS
        .iter()
        .position(|name| *name == upper)
        .and_then(|idx| u8::try_from(idx + 1).ok())
}

fn read_routing(context: &mut Context<'_>, cable: &mut Cable, end: usize) {
    let lines = context.lines.get(..end).unwrap_or(&[]);
    let mut routing = Routing::default();
    let mut state = RoutingState::default();
    let mut last_list: Option<RoutingKind> = None;
    let mut first_line: Option<Line> = None;
    let mut last_line: Option<Line> = None;
    for &line in lines {
        let text = line.text(&context.cleaned.text);
        if line.is_blank() {
            continue;
        }
        let Some(kind) = routing_kind(text, &mut state) else {
            cable
                .notes
                .push(context.field(line.start, line.end, text.to_string()));
            continue;
        };
        first_line.get_or_insert(line);
        last_line = Some(line);
        let whole = || text.to_string();
        match kind {
            RoutingKind::TransmissionId => {
                routing.transmission_id = Some(context.field(line.start, line.end, whole()))
            }
            RoutingKind::Relay => {
                routing.relay = Some(context.field(line.start, line.end, whole()))
            }
            RoutingKind::Station => {
                // `DE RUEHOT #0372/01 0741423`
                let mut words = text.split_whitespace().skip(1);
                let station = words.next().unwrap_or("").to_string();
                if let Some(number) = words.next().and_then(|word| word.strip_prefix('#')) {
                    let (serial, section) = number.split_once('/').unwrap_or((number, ""));
                    let serial = serial.trim_start_matches('0');
                    routing.station_serial = (!serial.is_empty()).then(|| serial.to_string());
                    routing.station_section = section.parse().ok();
                }
                routing.filing_time = words
                    .next()
                    .filter(|time| {
                        time.len() == 7 && time.bytes().all(|byte| byte.is_ascii_digit())
                    })
                    .and_then(|time| Some(format!("{} {}", time.get(..3)?, time.get(3..)?)));
                routing.station = Some(context.field(line.start, line.end, station));
            }
            RoutingKind::Security => {
                let letters = text.split_whitespace().nth(1).unwrap_or("");
                let classification = match letters.chars().next() {
                    Some('C') => Some(Classification::Confidential),
                    Some('S') => Some(Classification::Secret),
                    Some('U') => Some(Classification::Unclassified),
                    Some('E') => Some(Classification::EncryptForTransmissionOnly),
                    _ => None,
                };
                if let Some(classification) = classification {
                    routing.security = Some(context.field(line.start, line.end, classification));
                }
            }
            RoutingKind::DateTime => {
                if let Some((precedence, date_time, start, end)) = date_time_group(text) {
                    if let Some(precedence) = precedence {
                        let prosign_end = text.find(' ').unwrap_or(0);
                        routing.precedence =
                            Some(context.field(line.start, line.start + prosign_end, precedence));
                    }
                    routing.date_time =
                        Some(context.field(line.start + start, line.start + end, date_time));
                }
            }
            RoutingKind::From => {
                let name = text.get(2..).unwrap_or("").trim().to_string();
                routing.from = Some(context.field(line.start, line.end, name));
            }
            RoutingKind::Excluded => {
                let excluded = text
                    .trim_start_matches("XMT")
                    .trim_start_matches(['/', ' '])
                    .trim();
                let list = if last_list == Some(RoutingKind::Info) {
                    &mut routing.info
                } else {
                    &mut routing.to
                };
                if let (false, Some(addressee)) = (excluded.is_empty(), list.last_mut()) {
                    addressee.excluded.push(excluded.to_string());
                }
            }
            RoutingKind::To | RoutingKind::Info => {
                let keyword = if kind == RoutingKind::To {
                    "TO"
                } else {
                    "INFO"
                };
                let rest = text.strip_prefix(keyword).unwrap_or(text);
                if text.starts_with(keyword) {
                    last_list = Some(kind);
                }
                // `INFO XMT …` excludes without adding anyone.
                if rest.trim().is_empty() || rest.trim_start().starts_with("XMT") {
                    continue;
                }
                // An old-format page line caught in an addressee list.
                if crate::body::is_page_break(rest.trim()) {
                    cable.page_breaks.push(context.span(line.start, line.end));
                    continue;
                }
                let addressee = read_addressee(rest.trim(), context.span(line.start, line.end));
                if kind == RoutingKind::To {
                    routing.to.push(addressee);
                } else {
                    routing.info.push(addressee);
                }
            }
            RoutingKind::Other => {}
        }
    }
    if let (Some(first), Some(last)) = (first_line, last_line) {
        routing.span = context.span(first.start, last.end);
        cable.routing = Some(routing);
    }
}

/// `RUEHC/SECSTATE WASHDC IMMEDIATE 7513`.
fn read_addressee(text: &str, span: crate::Span) -> Addressee {
    let (routing_indicator, rest) = match text.split_once('/') {
        Some((ri, rest))
            if !ri.is_empty()
                && ri.len() <= 8
                && ri.chars().all(|ch| ch.is_ascii_alphanumeric()) =>
        {
            (Some(ri.to_string()), rest)
        }
        _ => (None, text),
    };
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    let serial = match words.last() {
        Some(last) if last.chars().all(|ch| ch.is_ascii_digit()) && words.len() > 1 => {
            let serial = last.to_string();
            words.pop();
            Some(serial)
        }
        _ => None,
    };
    let mut precedence = match words.last() {
        Some(last) if words.len() > 1 => match *last {
            "IMMEDIATE" | "PRIORITY" | "ROUTINE" | "FLASH" => Precedence::from_prosign(last),
            _ => None,
        },
        _ => None,
    };
    if precedence.is_some() {
        words.pop();
        if words.last() == Some(&"NIACT") {
            words.pop();
            precedence = Some(Precedence::Niact);
        }
    }
    Addressee {
        span,
        routing_indicator,
        name: words.join(" "),
        precedence,
        serial,
        excluded: Vec::new(),
    }
}

/// `03/14/2018` (month first, as State wrote them), `2020/02/23`, `12/31/34` → `2018-03-14`.
fn iso_date(decl: &str) -> Option<String> {
    let token = decl
        .split_whitespace()
        .next()?
        .trim_end_matches([',', '.', ';']);
    let parts: Vec<&str> = token.split(['/', '-', '.']).collect();
    let number = |text: &str| text.parse::<u16>().ok();
    let (year, month, day) = match parts.as_slice() {
        [year, month, day] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
        [month, day, year] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
        [month, day, year] if year.len() == 2 => {
            (2000 + number(year)?, number(month)?, number(day)?)
        }
        _ => return None,
    };
    let valid =
        (1..=12).contains(&month) && (1..=31).contains(&day) && (1900..=2099).contains(&year);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A keyword field of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    ExecutiveOrder,
    Tags,
    Subject,
    Reference,
    ClassifiedBy,
}

/// Where a keyword form may start a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Only at the start of a line.
    LineStart,
    /// At a line start or after a blank.
    AfterBlank,
    /// Anywhere, even glued to the word before (`UK PRIMEREF: A. LONDON 1939`).
    Anywhere,
}

/// Keyword forms, upper-cased, including misspellings seen in real cables.
const KEYWORDS: [(&str, Keyword, Place); 24] = [
    ("E.O.", Keyword::ExecutiveOrder, Place::AfterBlank),
    ("E. O.", Keyword::ExecutiveOrder, Place::LineStart),
    ("EO ", Keyword::ExecutiveOrder, Place::LineStart),
    ("EO:", Keyword::ExecutiveOrder, Place::LineStart),
    ("TAGS:", Keyword::Tags, Place::AfterBlank),
    ("TAGS ", Keyword::Tags, Place::LineStart),
    ("TAGS;", Keyword::Tags, Place::LineStart),
    ("TAGS,", Keyword::Tags, Place::LineStart),
    ("TABS:", Keyword::Tags, Place::LineStart),
    ("TGS:", Keyword::Tags, Place::LineStart),
    ("SUBJECT:", Keyword::Subject, Place::Anywhere),
    ("SUBJ:", Keyword::Subject, Place::LineStart),
    ("SUBJECT ", Keyword::Subject, Place::LineStart),
    ("SUBJ ", Keyword::Subject, Place::LineStart),
    ("UBJECT:", Keyword::Subject, Place::LineStart),
    ("REFS:", Keyword::Reference, Place::Anywhere),
    ("REF:", Keyword::Reference, Place::Anywhere),
    ("REF(S):", Keyword::Reference, Place::AfterBlank),
    ("REFTEL:", Keyword::Reference, Place::LineStart),
    ("REFERENCE:", Keyword::Reference, Place::LineStart),
    ("REFERENCES:", Keyword::Reference, Place::LineStart),
    ("REF ", Keyword::Reference, Place::LineStart),
    ("CLASSIFIED BY", Keyword::ClassifiedBy, Place::AfterBlank),
    ("CLASSIFIED:", Keyword::ClassifiedBy, Place::LineStart),
];

/// Finds where keyword fields start in a line: `(offset, keyword, keyword length)`, in order and
/// without overlaps.
fn keyword_hits(text: &str) -> Vec<(usize, Keyword, usize)> {
    let upper = text.to_ascii_uppercase();
    let mut hits: Vec<(usize, Keyword, usize)> = Vec::new();
    for &(word, keyword, place) in &KEYWORDS {
        for (at, _) in upper.match_indices(word) {
            let allowed = match place {
                _ if at == 0 => true,
                Place::LineStart => false,
                Place::AfterBlank => upper.get(..at).is_some_and(|before| before.ends_with(' ')),
                Place::Anywhere => true,
            };
            if allowed {
                hits.push((at, keyword, word.len()));
            }
        }
    }
    // Longest form first at one place; then drop hits inside an earlier hit's keyword.
    hits.sort_by_key(|&(at, _, len)| (at, std::cmp::Reverse(len)));
    let mut kept: Vec<(usize, Keyword, usize)> = Vec::new();
    for hit in hits {
        if kept.last().is_none_or(|&(at, _, len)| hit.0 >= at + len) {
            kept.push(hit);
        }
    }
    // `Classified By: This message classified by …`: the same keyword again on one line starts
    // the real field; what came before it is a preamble.
    let mut deduplicated: Vec<(usize, Keyword, usize)> = Vec::new();
    for hit in kept {
        let repeats = deduplicated
            .last()
            .is_some_and(|&(_, keyword, _)| keyword == hit.1);
        if repeats && matches!(hit.1, Keyword::ClassifiedBy | Keyword::Subject) {
            deduplicated.pop();
        }
        deduplicated.push(hit);
    }
    deduplicated
}

/// A keyword field being gathered: the keyword, where its value starts, and its lines' ranges.
struct FieldRanges {
    keyword: Keyword,
    start: usize,
    value_start: usize,
    pieces: Vec<(usize, usize)>,
}

/// Reads captions and keyword fields from line `first` up to line `end`; returns the index of the
/// first body line (or `end`).
fn read_fields(context: &mut Context<'_>, cable: &mut Cable, first: usize, end: usize) -> usize {
    let cleaned = &context.cleaned.text;
    let lines = context.lines.get(..end).unwrap_or(context.lines);
    let mut fields: Vec<FieldRanges> = Vec::new();
    let mut open = false;
    let mut body_start = lines.len();
    for (idx, line) in lines.iter().enumerate().skip(first) {
        let text = line.text(cleaned);
        if line.is_blank() {
            // `SUBJECT:` alone on its line: the subject is on the next non-blank line.
            open = fields
                .last()
                .is_some_and(|field| field.keyword == Keyword::Subject && field.is_empty(cleaned));
            continue;
        }
        // A page break inside the header fields neither ends nor joins a field.
        if crate::body::is_page_break(text) {
            cable.page_breaks.push(context.span(line.start, line.end));
            continue;
        }
        let hits = keyword_hits(text);
        if hits.is_empty() {
            let last = fields.last();
            let continues = open && last.is_some_and(|field| field.continues_with(text, cleaned));
            let reference_item = !open
                && last.is_some_and(|field| field.keyword == Keyword::Reference)
                && references::starts_with_item_letter(text);
            if continues || reference_item {
                if let Some(field) = fields.last_mut() {
                    field.pieces.push((line.start, line.end));
                    open = true;
                }
                continue;
            }
            // A caption between fields (`DEPARTMENT FOR WHA, M, T` after `Classified By`) is
            // still header when a keyword field follows it.
            let field_follows = || {
                lines
                    .iter()
                    .skip(idx + 1)
                    .find(|next| !next.is_blank())
                    .is_some_and(|next| {
                        keyword_hits(next.text(cleaned))
                            .first()
                            .is_some_and(|&(at, _, _)| at == 0)
                    })
            };
            if is_caption(text) && (fields.is_empty() || field_follows()) {
                cable
                    .captions
                    .push(context.field(line.start, line.end, text.to_string()));
                continue;
            }
            body_start = idx;
            break;
        }
        let before_first = hits.first().map_or(0, |&(at, _, _)| at);
        if before_first > 0 {
            let before = text.get(..before_first).unwrap_or("").trim_end();
            if open {
                if let Some(field) = fields.last_mut() {
                    field.pieces.push((line.start, line.start + before.len()));
                }
            } else if !before.is_empty() {
                cable.captions.push(context.field(
                    line.start,
                    line.start + before.len(),
                    before.to_string(),
                ));
            }
        }
        for (hit_idx, &(at, keyword, keyword_len)) in hits.iter().enumerate() {
            let end = hits
                .get(hit_idx + 1)
                .map_or(text.len(), |&(next, _, _)| next);
            let piece_text = text.get(at..end).unwrap_or("").trim_end();
            fields.push(FieldRanges {
                keyword,
                start: line.start + at,
                value_start: line.start + at + keyword_len,
                pieces: vec![(line.start + at, line.start + at + piece_text.len())],
            });
        }
        open = true;
    }
    for field in fields {
        store_field(context, cable, &field);
    }
    body_start
}

impl FieldRanges {
    /// The value written so far, after the keyword.
    fn value(&self, cleaned: &str) -> String {
        self.pieces
            .iter()
            .map(|&(start, end)| {
                cleaned
                    .get(start.max(self.value_start).min(end)..end)
                    .unwrap_or("")
                    .trim()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn is_empty(&self, cleaned: &str) -> bool {
        self.value(cleaned)
            .trim_start_matches([':', ' '])
            .is_empty()
    }

    /// Whether a line without keywords continues this field rather than starting the body.
    fn continues_with(&self, text: &str, cleaned: &str) -> bool {
        let paragraph = crate::body::paragraph_start(text);
        if paragraph.is_some_and(|start| start.marking.is_some()) {
            return false;
        }
        if self.keyword == Keyword::Tags {
            let previous = self
                .pieces
                .last()
                .map_or("", |&(start, end)| cleaned.get(start..end).unwrap_or(""));
            return crate::tags::continues(previous, text);
        }
        if self.keyword != Keyword::Subject {
            return true;
        }
        // A subject ends at a numbered paragraph, and an upper-case subject at a sentence in
        // mixed case (`This is an Action request.`).
        let value = self.value(cleaned);
        let shouting = !value.is_empty() && !value.chars().any(char::is_lowercase);
        let n_lowercase = text.chars().filter(|ch| ch.is_lowercase()).count();
        paragraph.is_none() && !(shouting && n_lowercase >= 3)
    }
}

/// A handling caption line under the classification line: short and without lower case.
fn is_caption(text: &str) -> bool {
    text.len() <= 100
        && !text.chars().any(|ch| ch.is_lowercase())
        && crate::body::paragraph_start(text).is_none()
}

fn store_field(context: &mut Context<'_>, cable: &mut Cable, field: &FieldRanges) {
    let end = field
        .pieces
        .last()
        .map_or(field.value_start, |&(_, end)| end);
    let span = context.span(field.start, end);
    // The value: every piece after the keyword, joined with single spaces.
    let value_pieces: Vec<(usize, usize)> = field
        .pieces
        .iter()
        .map(|&(start, end)| (start.max(field.value_start).min(end), end))
        .collect();
    // The value: every piece after the keyword, joined with single spaces (none after a
    // hyphen that ended a line), blanks collapsed.
    let mut joined = String::new();
    for piece in value_pieces
        .iter()
        .map(|&(start, end)| context.cleaned.slice(start, end).trim())
    {
        if piece.is_empty() {
            continue;
        }
        let word_hyphen = joined
            .strip_suffix('-')
            .is_some_and(|before| before.ends_with(|ch: char| ch.is_alphanumeric()));
        if !joined.is_empty() && !word_hyphen {
            joined.push(' ');
        }
        joined.push_str(piece);
    }
    let value = joined
        .trim_start_matches([':', ' ', ';', ',', '-'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let raw = context.cleaned.slice(field.start, end).to_string();
    match field.keyword {
        Keyword::Subject => {
            if cable.subject.is_none() {
                // A portion marking before the subject (`(C/NF) WHO WOULD…`) is not part of it.
                let value = match crate::body::paragraph_start(&value) {
                    Some(start) if start.number.is_none() => {
                        value.get(start.text_start..).unwrap_or("").to_string()
                    }
                    _ => value,
                };
                cable.subject = Some(Field { span, raw, value });
            }
        }
        Keyword::ClassifiedBy => {
            if cable.classified_by.is_none() {
                // The classifier reads the lines as written, to mend words broken across them.
                let after_keyword = context
                    .cleaned
                    .slice(field.value_start, end)
                    .trim_start_matches([':', ' ']);
                cable.classifier = Some(crate::classifier::read(after_keyword));
                cable.classified_by = Some(Field { span, raw, value });
            }
        }
        Keyword::ExecutiveOrder => {
            let order: String = value.chars().take_while(|ch| ch.is_ascii_digit()).collect();
            let decl = value
                .to_ascii_uppercase()
                .find("DECL")
                .and_then(|at| value.get(at + 4..))
                .map(|rest| rest.trim_start_matches([':', ' ']).trim().to_string())
                .filter(|decl| !decl.is_empty());
            let date = decl.as_deref().and_then(iso_date);
            cable.declassification = Some(Declassification {
                span,
                order: (!order.is_empty()).then_some(order),
                decl,
                date,
            });
        }
        Keyword::Tags => {
            for tag in crate::tags::read(context, &value_pieces) {
                if !cable.tags.iter().any(|known| known.value == tag.value) {
                    cable.tags.push(tag);
                }
            }
        }
        Keyword::Reference => {
            cable.references_span = Some(span);
            let year = cable_year(context, cable);
            let own_id = cable.canonical_id.as_ref().map(|id| id.value.clone());
            let items = references::read(context, &value_pieces, year, own_id.as_deref());
            cable.references.extend(items);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_classification_lines() {
        let parts = classification_line("C O N F I D E N T I A L SECTION 01 OF 02 OTTAWA 000372");
        assert!(parts
            .as_ref()
            .is_some_and(|p| p.classification == Classification::Confidential));
        assert!(parts
            .as_ref()
            .is_some_and(|p| p.section.map(|s| (s.2, s.3)) == Some((1, 2))));
        let parts = classification_line("UNCLAS SECTION 01 OF 03 USUN NEW YORK 000123");
        assert!(parts.is_some_and(
            |p| p.origin.is_some() && p.classification == Classification::Unclassified
        ));
        let parts = classification_line("S E C R E T STATE 012345");
        assert!(
            parts.is_some_and(|p| p.classification == Classification::Secret && p.serial.is_some())
        );
        let parts = classification_line("LIMITED OFFICIAL USE ROME 01196");
        assert!(parts.is_some_and(
            |p| p.classification == Classification::LimitedOfficialUse && p.origin.is_some()
        ));
        let parts = classification_line("S E C R E T STATE 183691 TOSEC 140193");
        assert!(parts.is_some_and(|p| p.serial.is_some() && p.origin.is_some()));
        let parts = classification_line("S e c r e t state 015220");
        assert!(
            parts.is_some_and(|p| p.classification == Classification::Secret && p.serial.is_some())
        );
        let parts = classification_line("S E C R E T N O F O R N MOGADISHU 01643");
        assert!(parts.is_some_and(|p| p.controls == ["NOFORN"] && p.origin.is_some()));
        assert!(classification_line("Secret talks began on May 15").is_none());
        let parts = classification_line("SECRET//NOFORN BAGHDAD 000697");
        assert!(parts.is_some_and(|p| p.controls == ["NOFORN"] && p.origin.is_some()));
        assert!(classification_line("SECRET police arrested three people today.").is_none());
        assert!(classification_line("CONFIDENTIAL").is_some_and(|p| p.origin.is_none()));
    }

    #[test]
    fn reads_date_time_groups() {
        let (precedence, date_time, _, _) = date_time_group("O 141423Z MAR 08")
            .unwrap_or_else(|| unreachable!("the seed's date-time group parses"));
        assert_eq!(precedence, Some(Precedence::Immediate));
        assert_eq!(date_time.to_string(), "2008-03-14 14:23Z");
        assert!(date_time_group("R 311843Z MAR 66").is_some_and(|(_, dt, _, _)| dt.year == 1966));
        assert!(date_time_group("O 141499Z MAR 08").is_none());
    }

    #[test]
    fn reads_addressees() {
        let addressee = read_addressee(
            "RUEHC/SECSTATE WASHDC IMMEDIATE 7513",
            crate::Span::default(),
        );
        assert_eq!(addressee.routing_indicator.as_deref(), Some("RUEHC"));
        assert_eq!(addressee.name, "SECSTATE WASHDC");
        assert_eq!(addressee.precedence, Some(Precedence::Immediate));
        assert_eq!(addressee.serial.as_deref(), Some("7513"));
        let addressee = read_addressee(
            "SECSTATE WASHDC NIACT IMMEDIATE 0732",
            crate::Span::default(),
        );
        assert_eq!(addressee.precedence, Some(Precedence::Niact));
        assert_eq!(addressee.name, "SECSTATE WASHDC");
    }
}
