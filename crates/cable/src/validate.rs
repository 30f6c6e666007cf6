//! The span invariant, checked after parsing by tests and fuzzers.

use crate::span::Span;
use crate::tree::Parse;
use std::fmt;

/// A span that breaks the invariant: in bounds, on character boundaries, inside the cable, and
/// paragraphs in order without overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanError {
    /// What the span belongs to, e.g. `paragraph 3`.
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
    let cable = &parse.cable;
    let mut spans: Vec<(String, Span)> = vec![("cable".to_string(), cable.span)];
    let mut add = |node: &str, span: Span| spans.push((node.to_string(), span));
    if let Some(id) = &cable.canonical_id {
        add("canonical ID", id.span);
    }
    if let Some(routing) = &cable.routing {
        add("routing header", routing.span);
        for field in [
            &routing.transmission_id,
            &routing.relay,
            &routing.station,
            &routing.from,
        ]
        .into_iter()
        .flatten()
        {
            add("routing field", field.span);
        }
        if let Some(field) = &routing.date_time {
            add("date-time group", field.span);
        }
        for addressee in routing.to.iter().chain(&routing.info) {
            add("addressee", addressee.span);
        }
    }
    if let Some(line) = &cable.classification {
        add("classification line", line.span);
        add("classification", line.classification.span);
    }
    for field in &cable.notes {
        add("note", field.span);
    }
    for caption in &cable.captions {
        add("caption", caption.span);
    }
    for tag in &cable.tags {
        add("tag", tag.span);
    }
    for field in [&cable.subject, &cable.classified_by, &cable.signature]
        .into_iter()
        .flatten()
    {
        add("header field", field.span);
    }
    if let Some(span) = cable.references_span {
        add("reference block", span);
    }
    for span in &cable.reference_spans {
        add("reference block", *span);
    }
    for reference in &cable.references {
        add("reference", reference.span);
        for cited in &reference.cables {
            add("cited cable", cited.span);
        }
    }
    for cited in &cable.inline_citations {
        add("cable cited in the text", cited.span);
    }
    for field in cable.summary.iter().chain(&cable.comments) {
        add("summary or comment", field.span);
    }
    if let Some(field) = &cable.later_date_time {
        add("later date-time group", field.span);
    }
    for span in &cable.page_breaks {
        add("page break", *span);
    }
    for diagnostic in &parse.diagnostics {
        add("diagnostic", diagnostic.span);
    }
    let mut previous_end = 0;
    for (idx, paragraph) in cable.paragraphs.iter().enumerate() {
        let node = format!("paragraph {}", idx + 1);
        if paragraph.span.start < previous_end {
            return Err(SpanError {
                node,
                span: paragraph.span,
                problem: "overlaps the paragraph before it",
            });
        }
        previous_end = paragraph.span.end;
        spans.push((node.clone(), paragraph.span));
        for field in [&paragraph.heading, &paragraph.marking]
            .into_iter()
            .flatten()
        {
            spans.push((node.clone(), field.span));
        }
        if let Some(number) = &paragraph.number {
            spans.push((node.clone(), number.span));
        }
        if paragraph.breaks.iter().any(|&at| at > paragraph.text.len())
            || paragraph
                .breaks
                .windows(2)
                .any(|pair| pair.first() >= pair.get(1))
        {
            return Err(SpanError {
                node: format!("{node}, page break"),
                span: paragraph.span,
                problem: "a break lies outside the text or out of order",
            });
        }
        // An item or a reading aid records a range of the paragraph's text and what stands there.
        let stands_in_text =
            |start: usize, end: usize, text: &str| paragraph.text.get(start..end) == Some(text);
        for item in &paragraph.items {
            if !stands_in_text(item.in_text.start, item.in_text.end, &item.text) {
                return Err(SpanError {
                    node: format!("{node}, item"),
                    span: item.span,
                    problem: "its range is not its text in the paragraph's text",
                });
            }
            spans.push((format!("{node}, item"), item.span));
        }
        for aid in &paragraph.aids {
            if !stands_in_text(aid.in_text.start, aid.in_text.end, &aid.raw) {
                return Err(SpanError {
                    node: format!("{node}, reading aid"),
                    span: aid.span,
                    problem: "its range is not its raw text in the paragraph's text",
                });
            }
            spans.push((format!("{node}, reading aid"), aid.span));
        }
    }
    for (node, span) in spans {
        let problem = if span.start > span.end {
            Some("starts after it ends")
        } else if span.end > input.len() {
            Some("ends past the input")
        } else if !input.is_char_boundary(span.start) || !input.is_char_boundary(span.end) {
            Some("is not on character boundaries")
        } else if !cable.span.contains(span) {
            Some("lies outside the cable")
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(SpanError {
                node,
                span,
                problem,
            });
        }
    }
    Ok(())
}
