//! Stable anchors of the page's elements (`field-subject`, `ref-B`, `p-4`) and the source spans
//! of the header's rows, shared by the components that show them and by the selection that
//! finds an element from a line of source.

use crate::span::Span;
use crate::tree::{Cable, CaptionKind, Paragraph, Parse, Reference};

/// `p-<number>`, or `p-u<position>` for an unnumbered paragraph.
pub fn paragraph(paragraph: &Paragraph, idx: usize) -> String {
    match &paragraph.number {
        Some(number) => format!("p-{}", number.value),
        None => format!("p-u{}", idx + 1),
    }
}

/// `ref-<letter>`, or `ref-<position>` for an item without a letter.
pub fn reference(reference: &Reference, idx: usize) -> String {
    match &reference.letter {
        Some(letter) => format!("ref-{}", letter.value),
        None => format!("ref-{}", idx + 1),
    }
}

/// The spans covering several pieces, if any.
fn cover(spans: impl IntoIterator<Item = Span>) -> Option<Span> {
    spans.into_iter().reduce(Span::cover)
}

/// Each header row's anchor and the source it came from, for the rows that have one.
pub fn header_fields(cable: &Cable) -> Vec<(String, Span)> {
    let routing = cable.routing.as_ref();
    let mut fields: Vec<(&str, Option<Span>)> = vec![
        (
            "canonical-id",
            cable.canonical_id.as_ref().map(|id| id.span).or_else(|| {
                let line = cable.classification.as_ref()?;
                Some(line.origin.as_ref()?.span.cover(line.serial.as_ref()?.span))
            }),
        ),
        (
            "date-time",
            routing
                .and_then(|routing| routing.date_time.as_ref())
                .or(cable.later_date_time.as_ref())
                .map(|field| field.span),
        ),
        (
            "precedence",
            routing
                .and_then(|routing| routing.precedence.as_ref())
                .map(|field| field.span),
        ),
        (
            "from",
            routing
                .and_then(|routing| routing.from.as_ref())
                .map(|field| field.span)
                .or_else(|| {
                    cable
                        .classification
                        .as_ref()
                        .and_then(|line| line.origin.as_ref())
                        .map(|origin| origin.span)
                }),
        ),
        (
            "to",
            cover(
                routing
                    .into_iter()
                    .flat_map(|r| r.to.iter().map(|a| a.span)),
            ),
        ),
        (
            "info",
            cover(
                routing
                    .into_iter()
                    .flat_map(|r| r.info.iter().map(|a| a.span)),
            ),
        ),
        (
            "classification",
            cable.classification.as_ref().map(|line| line.span),
        ),
        (
            "caveats",
            cover(
                cable
                    .captions
                    .iter()
                    .filter(|caption| caption.kind == CaptionKind::Handling)
                    .map(|caption| caption.span),
            ),
        ),
        (
            "distribution",
            cover(
                cable
                    .captions
                    .iter()
                    .filter(|caption| caption.kind != CaptionKind::Handling)
                    .map(|caption| caption.span),
            ),
        ),
        (
            "section",
            cable
                .classification
                .as_ref()
                .and_then(|line| line.section.as_ref())
                .map(|section| section.span),
        ),
        (
            "declassification",
            cable.declassification.as_ref().map(|line| line.span),
        ),
        ("tags", cover(cable.tags.iter().map(|tag| tag.span))),
        ("subject", cable.subject.as_ref().map(|field| field.span)),
        (
            "classified-by",
            cable.classified_by.as_ref().map(|field| field.span),
        ),
        (
            "signature",
            cable.signature.as_ref().map(|field| field.span),
        ),
        ("transmission", routing.map(|routing| routing.span)),
    ];
    fields
        .drain(..)
        .filter_map(|(anchor, span)| Some((format!("field-{anchor}"), span?)))
        .collect()
}

/// `diag-<position>`: a parser note.
pub fn diagnostic(idx: usize) -> String {
    format!("diag-{}", idx + 1)
}

/// The source span of the element with `anchor` (a paragraph, a reference, a header field or a
/// parser note), if the parse has it: what a link that selects that element points at.
pub fn find(parse: &Parse, anchor: &str) -> Option<Span> {
    if let Some(position) = anchor.strip_prefix("diag-") {
        let idx = position.parse::<usize>().ok()?.checked_sub(1)?;
        return parse.diagnostics.get(idx).map(|diagnostic| diagnostic.span);
    }
    let cable = &parse.cable;
    let paragraphs = cable
        .paragraphs
        .iter()
        .enumerate()
        .find(|(idx, item)| paragraph(item, *idx) == anchor)
        .map(|(_, item)| item.span);
    paragraphs
        .or_else(|| {
            cable
                .references
                .iter()
                .enumerate()
                .find(|(idx, item)| reference(item, *idx) == anchor)
                .map(|(_, item)| item.span)
        })
        .or_else(|| {
            header_fields(cable)
                .into_iter()
                .find(|(name, _)| name == anchor)
                .map(|(_, span)| span)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind_of_element_by_its_anchor() {
        let text = "UNCLAS SECTION 01 OF 01 OTTAWA 000372\n\nSIPDIS\n\nSUBJECT: THE SUBJECT\n\nREF: A. STATE 12345\n\n1. FIRST.\n\n2. SECOND.\n";
        let parse = crate::parse(text);
        for anchor in ["p-1", "p-2", "ref-A", "field-subject"] {
            let span = find(&parse, anchor);
            assert!(span.is_some(), "{anchor} not found");
        }
        assert_eq!(find(&parse, "p-3"), None);
        assert_eq!(find(&parse, "ref-B"), None);
        let n_notes = parse.diagnostics.len();
        assert_eq!(find(&parse, &diagnostic(n_notes)), None);
        if n_notes > 0 {
            assert!(find(&parse, &diagnostic(0)).is_some());
        }
        assert_eq!(find(&parse, "diag-0"), None);
        assert_eq!(find(&parse, "diag-x"), None);
    }
}
