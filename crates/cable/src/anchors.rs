//! Stable anchors of the page's elements (`field-subject`, `ref-B`, `p-4`) and the source spans
//! of the header's rows, shared by the components that show them and by the selection that
//! finds an element from a line of source.

use crate::span::Span;
use crate::tree::{Cable, Paragraph, Parse, Reference};
use crate::visit::{walk, walk_cable, Element, Node, Row};

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

/// Each header row's anchor and the source it came from, for the rows that have one: the cover
/// of every node the walk puts in that row.
pub fn header_fields(cable: &Cable) -> Vec<(String, Span)> {
    let mut covers: [Option<Span>; Row::ALL.len()] = [None; Row::ALL.len()];
    let mut origin: Option<Span> = None;
    walk_cable(cable, &mut |visit| {
        let span = visit.node.span();
        if let Element::Row(row) = visit.element {
            if let Some(cover) = Row::ALL
                .iter()
                .position(|known| *known == row)
                .and_then(|idx| covers.get_mut(idx))
            {
                *cover = Some(cover.map_or(span, |cover| cover.cover(span)));
            }
        }
        if visit.parent == Some(("classification", None)) && visit.step == ("origin", None) {
            origin = Some(span);
        }
    });
    // A cable without an `FM` line is from the station its classification line names.
    if let Some(from) = Row::ALL
        .iter()
        .position(|row| *row == Row::From)
        .and_then(|idx| covers.get_mut(idx))
    {
        *from = from.or(origin);
    }
    Row::ALL
        .iter()
        .zip(covers)
        .filter_map(|(row, cover)| Some((format!("field-{}", row.name()), cover?)))
        .collect()
}

/// `diag-<position>`: a parser note.
pub fn diagnostic(idx: usize) -> String {
    format!("diag-{}", idx + 1)
}

/// The source span of the element with `anchor` (a paragraph, a reference, a header field or a
/// parser note), if the parse has it: what a link that selects that element points at.
pub fn find(parse: &Parse, anchor: &str) -> Option<Span> {
    if anchor.starts_with("field-") {
        return header_fields(&parse.cable)
            .into_iter()
            .find(|(name, _)| name == anchor)
            .map(|(_, span)| span);
    }
    let mut found = None;
    walk(parse, &mut |visit| {
        let named = match (visit.element, visit.node) {
            (Element::Paragraph(idx), Node::Paragraph(node)) => paragraph(node, idx) == anchor,
            (Element::Reference(idx), Node::Reference(node)) => reference(node, idx) == anchor,
            (Element::Diagnostic(idx), Node::Diagnostic(_)) => diagnostic(idx) == anchor,
            _ => false,
        };
        if named && found.is_none() {
            found = Some(visit.node.span());
        }
    });
    found
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
