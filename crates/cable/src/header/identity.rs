//! The classification line read into the tree, the canonical ID built from it, and what else the
//! text says of origin, serial and year, checked against it.

use crate::context::Context;
use crate::lines::Line;
use crate::scan::classification::classification_line;
use crate::span::Field;
use crate::tree::{Cable, ClassificationLine};

pub(crate) fn read_classification_line(
    context: &mut Context<'_>,
    line: Line,
) -> Option<ClassificationLine> {
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

/// Says that the year is missing, with what the text does say about it: the declassification
/// date (by default ten years after the cable) and the latest year among the cables it cites.
/// Neither is certain enough to build an ID from, so the reader is told and decides.
pub(crate) fn year_missing_message(cable: &Cable) -> String {
    let mut message = "The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.".to_string();
    let decl = cable
        .declassification
        .as_ref()
        .and_then(|line| line.date.as_ref())
        .map(|date| date.value.as_str())
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
pub(crate) fn set_canonical_id(context: &mut Context<'_>, cable: &mut Cable) {
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
    let Some(year) = context.cable_year(cable) else {
        return;
    };
    let station: String = origin.value.split_whitespace().collect();
    cable.canonical_id = Some(Field {
        span: origin.span.cover(serial.span),
        raw: format!("{} {}", origin.raw, serial.raw),
        value: format!("{:02}{}{}", year % 100, station, serial.value),
    });
}
