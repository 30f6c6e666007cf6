//! Pass 3: the header — where it ends, and the classification line between the routing lines
//! (`routing`) and the keyword fields (`fields`).
//!
//! The header ends where the body begins: at the first line after the classification line that
//! is neither a handling caption nor part of a keyword field (`E.O.`, `TAGS`, `SUBJECT`, `REF`,
//! `Classified By`).

mod captions;
pub(crate) mod classifier;
mod fields;
mod identity;
mod keywords;
mod routing;
mod tags;
#[cfg(test)]
mod tests;
mod titles;

pub use classifier::normalize_name;

use crate::context::Context;
use crate::lines::Line;
use crate::scan::classification::classification_line;
use crate::scan::date_time::date_time_group;
use crate::span::Field;
use crate::tree::{Cable, DateTime};
use fields::read_fields;
use identity::{cross_check, read_classification_line, set_canonical_id, year_missing_message};
use keywords::keyword_hits;
use routing::{read_routing, routing_kind, RoutingKind, RoutingState};

/// What the header pass leaves for the driver.
pub(crate) struct Header {
    /// The index of the first body line.
    pub(crate) body_start: usize,
    /// Each `REF` block's value, as cleaned ranges (its lines after the keyword), in order: the
    /// references pass reads them.
    pub(crate) reference_blocks: Vec<Vec<(usize, usize)>>,
}

/// Reads the header into `cable`: routing lines, classification line, captions and keyword
/// fields. The `REF` blocks are left for the references pass; [`check`] runs after it.
pub(crate) fn read(context: &mut Context<'_>, cable: &mut Cable) -> Header {
    let mut reference_blocks = Vec::new();
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
        let body_start = read_fields(
            context,
            cable,
            (routing_end, context.lines.len()),
            false,
            &mut reference_blocks,
        );
        return Header {
            body_start,
            reference_blocks,
        };
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
        read_fields(
            context,
            cable,
            (first_field, classification_idx),
            true,
            &mut reference_blocks,
        );
        let fields = cable.field_spans();
        cable
            .notes
            .retain(|note| !fields.iter().any(|field| field.contains(note.span)));
    }
    let body_start = read_fields(
        context,
        cable,
        (classification_idx + 1, context.lines.len()),
        true,
        &mut reference_blocks,
    );
    Header {
        body_start,
        reference_blocks,
    }
}

/// What the header says, checked once the references are read: the year's clues when it is
/// missing (the latest cable cited among them), and whether the routing lines agree with the
/// classification line.
pub(crate) fn check(context: &mut Context<'_>, cable: &Cable) {
    let has_station_and_serial = cable
        .classification
        .as_ref()
        .is_some_and(|line| line.origin.is_some() && line.serial.is_some());
    if cable.canonical_id.is_none() && has_station_and_serial {
        if let Some(span) = cable.classification.as_ref().map(|line| line.span) {
            context.note(span, &year_missing_message(cable));
        }
    }
    let undated: Vec<_> = cable.undated_citations().collect();
    if let Some(first) = undated.first() {
        let message = format!(
            "{} no year written, and this cable's own year is not known, so {} undated. Give the cable's ID (or its year) to date {}.",
            if undated.len() == 1 { "A cited cable has".to_string() } else { format!("{} cited cables have", undated.len()) },
            if undated.len() == 1 { "it stays" } else { "they stay" },
            if undated.len() == 1 { "it" } else { "them" },
        );
        context.note(first.span, &message);
    }
    if let (Some(own), Some(given)) = (&cable.canonical_id, &context.given.id) {
        let own_canonical = crate::stations::canonicalize_id(&own.value);
        if own_canonical.as_deref() != Some(given.canonical.as_str()) {
            context.warn(
                own.span,
                &format!(
                    "The text's ID is {}, but the ID given for it is {}: the text's is used.",
                    own.value, given.canonical
                ),
            );
        }
    }
    cross_check(context, cable);
}

/// Old telegrams printed section by section repeat the routing header in every section
/// (`O 031203Z JUL 01` then `FM AMEMBASSY VATICAN`); when the cable's own header has lost its
/// date-time group, the first repeated one gives it.
pub(crate) fn later_date_time(context: &mut Context<'_>) -> Option<Field<DateTime>> {
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
