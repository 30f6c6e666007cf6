//! The routing header: the ACP-127 transmission lines above the classification line.

use crate::context::Context;
use crate::lines::Line;
use crate::scan::date_time::date_time_group;
use crate::scan::paragraph::is_page_break;
use crate::span::Span;
use crate::tree::{Addressee, Cable, Classification, Precedence, Routing};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoutingKind {
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
pub(crate) struct RoutingState {
    list: Option<RoutingKind>,
    last: Option<RoutingKind>,
}

/// What kind of routing line `text` is, if any; `state` tracks TO/INFO continuation lines.
pub(crate) fn routing_kind(text: &str, state: &mut RoutingState) -> Option<RoutingKind> {
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
    } else if state.last == Some(RoutingKind::Relay) && is_indicator_line(text) {
        // The relay line's indicators wrap onto the next lines.
        RoutingKind::Relay
    } else if let Some(list) = state.list {
        if text.is_empty() || text.contains(['.', ':', ',']) && !text.contains('/') {
            return None;
        }
        return Some(list);
    } else {
        return None;
    };
    state.last = Some(kind);
    state.list = matches!(
        kind,
        RoutingKind::To | RoutingKind::Info | RoutingKind::Excluded
    )
    .then_some(kind);
    Some(kind)
}

/// `OO RUEHGA RUEHHA …`: precedence prosigns followed by routing indicators.
pub(crate) fn is_relay_line(text: &str) -> bool {
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

/// `RUEHRN RUEHROV RUEHSR RUEHTRO`: routing indicators only (four to seven capitals from `R`).
pub(crate) fn is_indicator_line(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|word| {
            (4..=7).contains(&word.len())
                && word.starts_with('R')
                && word.chars().all(|ch| ch.is_ascii_uppercase())
        })
}

pub(crate) fn read_routing(context: &mut Context<'_>, cable: &mut Cable, end: usize) {
    let lines = context.lines.get(..end).unwrap_or(&[]);
    let mut routing = Routing::default();
    let mut state = RoutingState::default();
    let mut last_list: Option<RoutingKind> = None;
    let mut first_line: Option<Line> = None;
    let mut relay_start: Option<usize> = None;
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
                // `OO RUEHGA RUEHHA …`: the stations that relay the message, perhaps wrapped
                // onto further lines of indicators only.
                let words = text.split_whitespace().map(str::to_string);
                let start = match relay_start {
                    Some(start) if !is_relay_line(text) => {
                        routing.relay_indicators.extend(words);
                        start
                    }
                    _ => {
                        routing.relay_indicators = words.skip(1).collect();
                        line.start
                    }
                };
                relay_start = Some(start);
                let mut relay = context.field(start, line.end, String::new());
                relay.value = relay.raw.split_whitespace().collect::<Vec<_>>().join(" ");
                routing.relay = Some(relay);
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
                        let field = context.field(line.start, line.start + prosign_end, precedence);
                        if field.raw == "0" {
                            context.note(
                                field.span,
                                "The precedence is written 0, read as the letter O (IMMEDIATE).",
                            );
                        }
                        routing.precedence = Some(field);
                    }
                    // `P R 281848Z DEC 66`: the second prosign is for the info addressees.
                    let mut prosigns = text.get(..start).unwrap_or("").split_whitespace();
                    routing.info_precedence = prosigns.nth(1).and_then(Precedence::from_prosign);
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
                if is_page_break(rest.trim()) {
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
pub(crate) fn read_addressee(text: &str, span: Span) -> Addressee {
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
