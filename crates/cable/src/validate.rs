//! The span invariant, checked after parsing by tests and fuzzers, over every node the walk
//! visits.

use std::fmt;

use crate::span::Span;
use crate::tree::{Paragraph, Parse};
use crate::visit::{walk, Node, Visit};

/// A span that breaks the invariant: in bounds, on character boundaries, inside the cable, and
/// paragraphs in order without overlap; inside a paragraph, where an item or a reading aid
/// stands in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanError {
    /// Where the node is in the tree, e.g. `paragraphs[2].items[0]`.
    pub node: String,
    /// The offending span.
    pub span: Span,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl fmt::Display for SpanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at {}..{}: {}",
            self.node, self.span.start, self.span.end, self.problem
        )
    }
}

/// Checks every span of `parse` against the `input` it was parsed from.
pub fn validate(input: &str, parse: &Parse) -> Result<(), SpanError> {
    let mut first_error: Option<SpanError> = None;
    let mut paragraph: Option<&Paragraph> = None;
    let mut previous_paragraph_end = 0;
    walk(parse, &mut |visit| {
        if first_error.is_some() {
            return;
        }
        let problem =
            span_problem(input, parse.cable.span, visit.node.span()).or_else(|| match visit.node {
                Node::Paragraph(this) => {
                    let problem = paragraph_problem(this, previous_paragraph_end);
                    previous_paragraph_end = this.span.end;
                    // The items and aids visited next are this paragraph's.
                    paragraph = Some(this);
                    problem
                }
                Node::Item(item) => text_problem(paragraph, visit, &item.text),
                Node::Aid(aid) => text_problem(paragraph, visit, &aid.raw),
                _ => None,
            });
        if let Some(problem) = problem {
            first_error = Some(SpanError {
                node: visit.path_text(),
                span: visit.node.span(),
                problem,
            });
        }
    });
    first_error.map_or(Ok(()), Err)
}

/// What is wrong with a span of the input, if anything.
fn span_problem(input: &str, cable: Span, span: Span) -> Option<&'static str> {
    if span.start > span.end {
        Some("starts after it ends")
    } else if span.end > input.len() {
        Some("ends past the input")
    } else if !input.is_char_boundary(span.start) || !input.is_char_boundary(span.end) {
        Some("is not on character boundaries")
    } else if !cable.contains(span) {
        Some("lies outside the cable")
    } else {
        None
    }
}

/// A paragraph starts after the one before it ends, and its breaks lie in its text, in order.
fn paragraph_problem(paragraph: &Paragraph, previous_end: usize) -> Option<&'static str> {
    let breaks = &paragraph.breaks;
    if paragraph.span.start < previous_end {
        Some("overlaps the paragraph before it")
    } else if breaks.iter().any(|&at| at > paragraph.text.len())
        || breaks.windows(2).any(|pair| pair.first() >= pair.get(1))
    {
        Some("a page break lies outside its text or out of order")
    } else {
        None
    }
}

/// An item or a reading aid records a stretch of its paragraph's text and what stands there.
fn text_problem(
    paragraph: Option<&Paragraph>,
    visit: &Visit<'_>,
    text: &str,
) -> Option<&'static str> {
    let in_text = visit.node.text_span()?;
    let stands = paragraph.and_then(|paragraph| paragraph.text.get(in_text.range()));
    (stands != Some(text)).then_some("its stretch of the paragraph's text is not its text")
}
