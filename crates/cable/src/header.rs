//! Pass 3: the header — where it ends, and the classification line (3b) between the routing
//! lines (3a, `routing`) and the keyword fields (3c, `fields`).
//!
//! The header ends where the body begins: at the first line after the classification line that
//! is neither a handling caption nor part of a keyword field (`E.O.`, `TAGS`, `SUBJECT`, `REF`,
//! `Classified By`).

use crate::fields::{keyword_hits, read_fields};
use crate::lines::{tokens, Line};
use crate::routing::{date_time_group, read_routing, routing_kind, RoutingKind, RoutingState};
use crate::{Cable, Classification, ClassificationLine, Context, Field};

/// Reads the header into `cable` and returns the index of the first body line.
pub(crate) fn read(context: &mut Context<'_>, cable: &mut Cable) -> usize {
    let cleaned = &context.cleaned.text;
    let lines = context.lines;
    let is_classification_line = |line: &Line| {
        classification_line(line.text(cleaned)).is_some_and(|parts| parts.origin.is_some())
    };
    let mut classification_idx = lines.iter().position(is_classification_line);
    // A mail system's print-out puts a classification line above the routing block; the line
    // after that block is the cable's own.
    if let Some(first) = classification_idx {
        // Only up to the first keyword field: the cable's own line comes before its fields.
        let mut state = RoutingState::default();
        let mut has_routing = false;
        for (idx, line) in lines.iter().enumerate().skip(first + 1) {
            let text = line.text(cleaned);
            if keyword_hits(text)
                .first()
                .is_some_and(|&(at, _, _)| at == 0)
            {
                break;
            }
            if has_routing && is_classification_line(line) {
                classification_idx = Some(idx);
                break;
            }
            has_routing |= matches!(
                routing_kind(text, &mut state),
                Some(RoutingKind::From | RoutingKind::DateTime | RoutingKind::Station)
            );
        }
    }
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
    if cable.date_time().is_none() {
        cable.later_date_time = later_date_time(context);
    }
    let Some(classification_idx) = classification_idx else {
        // A snippet or a cable whose classification line is missing: its keyword fields, if
        // any, start right after the routing lines.
        return read_fields(context, cable, routing_end, context.lines.len(), false);
    };
    if let Some(line) = lines.get(classification_idx) {
        cable.classification = read_classification_line(context, *line);
    }
    // Before the fields: the references need the cable's own ID to recognise citing itself.
    set_canonical_id(context, cable);
    // Fields written above the classification line (a repeated header, a scraper's order) are
    // read first, and are then no longer notes.
    let first_field = lines.iter().take(classification_idx).position(|line| {
        keyword_hits(line.text(&context.cleaned.text))
            .first()
            .is_some_and(|&(at, _, _)| at == 0)
    });
    if let Some(first_field) = first_field {
        read_fields(context, cable, first_field, classification_idx, true);
        let fields = cable.field_spans();
        cable
            .notes
            .retain(|note| !fields.iter().any(|field| field.contains(note.span)));
    }
    let body_start = read_fields(
        context,
        cable,
        classification_idx + 1,
        context.lines.len(),
        true,
    );
    // After the fields: what they say about the year is the clue when it is missing.
    let has_station_and_serial = cable
        .classification
        .as_ref()
        .is_some_and(|line| line.origin.is_some() && line.serial.is_some());
    if cable.canonical_id.is_none() && has_station_and_serial {
        if let Some(span) = cable.classification.as_ref().map(|line| line.span) {
            context.note(span, &year_missing_message(cable));
        }
    }
    cross_check(context, cable);
    body_start
}

/// The parts of a classification line, as offsets into the line.
pub(crate) struct ClassificationParts {
    pub(crate) classification: Classification,
    /// End of the classification word(s) in the line.
    classification_end: usize,
    /// The line starts with an `UNCLASSIFIED` downgrade stamp before the original marking.
    downgraded: bool,
    controls: Vec<String>,
    section: Option<(usize, usize, u32, u32)>,
    pub(crate) origin: Option<(usize, usize)>,
    pub(crate) serial: Option<(usize, usize)>,
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
    // Cheaply, before any copy: the line must start with a classification word or its spaced
    // letters (`C O N…`, `CO N…`).
    let head: [u8; 4] = {
        let mut head = [b' '; 4];
        for (slot, byte) in head.iter_mut().zip(text.bytes()) {
            *slot = byte.to_ascii_uppercase();
        }
        head
    };
    let plausible = matches!(
        &head,
        b"UNCL" | b"CONF" | b"SECR" | b"LIMI" | b"TOP " | b"TOPS"
    ) || head[1] == b' '
        || head[2] == b' ' && head[0].is_ascii_alphabetic() && head[1].is_ascii_alphabetic();
    if !plausible {
        return None;
    }
    // A lower-cased copy (`S e c r e t state 015220`) is read like the original when its
    // classification is spaced out, which no sentence is.
    let spaced = text.as_bytes().get(1) == Some(&b' ') && text.as_bytes().get(3) == Some(&b' ');
    let upper;
    let text = if spaced {
        upper = text.to_ascii_uppercase();
        upper.as_str()
    } else {
        text
    };
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
    // `UNCLASSIFIED LIMITED OFFICIAL USE`: a downgrade stamp over the marking the cable was sent
    // with, which is the classification; `UNCLASSIFIED FOR OFFICIAL USE ONLY`: a control.
    let mut classification = classification;
    let mut classification_end = classification_end;
    let mut downgraded = false;
    if classification == Classification::Unclassified {
        let words: Vec<&str> = rest.iter().take(4).map(|&(_, _, word)| word).collect();
        if words.starts_with(&["LIMITED", "OFFICIAL", "USE"]) {
            classification = Classification::LimitedOfficialUse;
            classification_end = rest.get(2).map_or(classification_end, |token| token.1);
            downgraded = true;
            rest = rest.get(3..).unwrap_or(&[]);
        } else if words.starts_with(&["FOR", "OFFICIAL", "USE", "ONLY"]) {
            controls.push("FOR OFFICIAL USE ONLY".to_string());
            rest = rest.get(4..).unwrap_or(&[]);
        }
    }
    let mut parts = ClassificationParts {
        classification,
        downgraded,
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
    // Spaced letters, one of which may have lost its space (`CO N F I D E N T I A L`).
    let mut n_pairs = 0;
    let n_letters = tokens
        .iter()
        .take_while(|(_, _, token)| {
            let head = head(token);
            n_pairs += usize::from(head.len() == 2);
            (1..=2).contains(&head.len())
                && n_pairs <= 1
                && head.chars().all(|ch| ch.is_ascii_uppercase())
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

fn read_classification_line(context: &mut Context<'_>, line: Line) -> Option<ClassificationLine> {
    let text = line.text(&context.cleaned.text);
    let parts = classification_line(text)?;
    let at = |offset: usize| line.start + offset;
    if parts.downgraded {
        let span = context.span(line.start, at(parts.classification_end));
        context.note(
            span,
            "UNCLASSIFIED here is a downgrade stamp; the cable was sent LIMITED OFFICIAL USE, which is the classification shown.",
        );
    }
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

/// Old telegrams printed section by section repeat the routing header in every section
/// (`O 031203Z JUL 01` then `FM AMEMBASSY VATICAN`); when the cable's own header has lost its
/// date-time group, the first repeated one gives it.
fn later_date_time(context: &mut Context<'_>) -> Option<Field<crate::DateTime>> {
    let cleaned = &context.cleaned.text;
    let lines = context.lines;
    let (line, (start, end, date_time)) = lines.iter().enumerate().find_map(|(idx, line)| {
        let (precedence, date_time, start, end) = date_time_group(line.text(cleaned))?;
        precedence?;
        let next = lines.get(idx + 1..)?.iter().find(|line| !line.is_blank())?;
        next.text(cleaned)
            .starts_with("FM ")
            .then_some((line, (start, end, date_time)))
    })?;
    let field = context.field(line.start + start, line.start + end, date_time);
    context.note(
        field.span,
        &format!(
            "The header has no date-time group; the date comes from the one repeated in a later section's header ({}).",
            field.raw
        ),
    );
    Some(field)
}

/// The cable's year: from its date-time group, else from what the caller said.
pub(crate) fn cable_year(context: &Context<'_>, cable: &Cable) -> Option<u16> {
    cable
        .date_time()
        .map(|date_time| date_time.year)
        .or(context.options.year)
}

/// Says that the year is missing, with what the text does say about it: the declassification
/// date (by default ten years after the cable) and the latest year among the cables it cites.
/// Neither is certain enough to build an ID from, so the reader is told and decides.
fn year_missing_message(cable: &Cable) -> String {
    let mut message = "The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.".to_string();
    let decl = cable
        .declassification
        .as_ref()
        .and_then(|line| line.date.as_deref())
        .and_then(|date| date.get(..4));
    let cited = cable
        .references
        .iter()
        .filter_map(|reference| {
            reference
                .canonical_id
                .as_deref()?
                .get(..2)?
                .parse::<u16>()
                .ok()
        })
        .map(|yy| if yy >= 66 { 1900 + yy } else { 2000 + yy })
        .max();
    let mut hints = Vec::new();
    if let Some(decl) = decl {
        hints.push(format!(
            "it is to be declassified in {decl} (often ten years after it was written)"
        ));
    }
    if let Some(cited) = cited {
        hints.push(format!(
            "the latest cable it cites is from {cited}, so it is not older"
        ));
    }
    if !hints.is_empty() {
        message.push_str(" Clues: ");
        message.push_str(&hints.join("; "));
        message.push('.');
    }
    message
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
        return;
    };
    let station: String = origin.value.split_whitespace().collect();
    cable.canonical_id = Some(Field {
        span: origin.span.cover(serial.span),
        raw: format!("{} {}", origin.raw, serial.raw),
        value: format!("{:02}{}{}", year % 100, station, serial.value),
    });
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
        let parts = classification_line("CO N F I D E N T I A L SECTION 01 OF 06 PARIS 001501");
        assert!(parts.is_some_and(
            |p| p.classification == Classification::Confidential && p.origin.is_some()
        ));
        assert!(classification_line("TO SECSTATE WASHDC 4013").is_none());
        let parts =
            classification_line("UNCLASSIFIED LIMITED OFFICIAL USE SECTION 01 OF 09 ZAGREB  02038");
        assert!(
            parts.is_some_and(|p| p.classification == Classification::LimitedOfficialUse
                && p.downgraded
                && p.origin.is_some())
        );
        let parts = classification_line("UNCLASSIFIED FOR OFFICIAL USE ONLY STATE 001234");
        assert!(
            parts.is_some_and(|p| p.classification == Classification::Unclassified
                && p.controls == ["FOR OFFICIAL USE ONLY"])
        );
        let parts = classification_line("S E C R E T N O F O R N MOGADISHU 01643");
        assert!(parts.is_some_and(|p| p.controls == ["NOFORN"] && p.origin.is_some()));
        assert!(classification_line("Secret talks began on May 15").is_none());
        let parts = classification_line("SECRET//NOFORN BAGHDAD 000697");
        assert!(parts.is_some_and(|p| p.controls == ["NOFORN"] && p.origin.is_some()));
        assert!(classification_line("SECRET police arrested three people today.").is_none());
        assert!(classification_line("CONFIDENTIAL").is_some_and(|p| p.origin.is_none()));
    }
}
