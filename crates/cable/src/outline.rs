//! A parse written as an outline: one line a node, in the tree's order, with its path, span, raw
//! text and value. Compact and diff-friendly: the corpus's expected parses are kept in this form,
//! and a change to the parser is reviewed as a diff of them.
//!
//! ```text
//! canonical_id 1043..1056 "OTTAWA 000372" = "08OTTAWA372"
//! references[0].letter 1201..1203 "A." = "A"
//! paragraphs[3].aids[0] 4410..4417 @12..19 "POST,S" kind=apostrophe reading="POST'S"
//! ```

use std::fmt::Write as _;

use crate::tree::{
    Addressee, CitedCable, ClassificationLine, Classifier, Diagnostic, Paragraph, Parse,
    PortionMarking, ReadingAid, Reference, Routing, SubItem, Tag,
};
use crate::tree::{Caption, Precedence};
use crate::visit::{walk, Node, Visit};

/// The outline of `parse`: its input form, then one line for every node.
///
/// ```
/// let parse = cable::parse("UNCLAS STATE 000123\n\nSUBJECT: A TEST\n");
/// let outline = cable::outline(&parse);
/// assert!(outline.contains("\nsubject 21..36 \"SUBJECT: A TEST\" = \"A TEST\"\n"));
/// ```
pub fn outline(parse: &Parse) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "input_form {}", parse.input_form.as_str());
    walk(parse, &mut |visit| line(&mut out, visit));
    out
}

fn line(out: &mut String, visit: &Visit<'_>) {
    let span = visit.node.span();
    let _ = write!(out, "{} {}..{}", visit.path_text(), span.start, span.end);
    if let Some(in_text) = visit.node.text_span() {
        let _ = write!(out, " @{}..{}", in_text.start, in_text.end);
    }
    describe(out, &visit.node);
    out.push('\n');
}

/// Writes a node's raw text and value (the raw text only where it differs), then the rest of
/// what it holds, each member named.
fn describe(out: &mut String, node: &Node<'_>) {
    match *node {
        Node::Cable(_) | Node::Stretch(_) => {}
        Node::Routing(routing) => routing_facts(out, routing),
        Node::Addressee(addressee) => addressee_facts(out, addressee),
        Node::ClassificationLine(line) => {
            let ClassificationLine {
                span: _,
                classification: _,
                controls,
                section: _,
                origin: _,
                serial: _,
            } = line;
            list(out, "controls", controls);
        }
        Node::Caption(caption) => {
            let Caption {
                span: _,
                raw,
                value,
                kind,
            } = caption;
            raw_and_value(out, raw, value);
            fact(out, "kind", kind.as_str());
        }
        Node::Declassification(_) => {}
        Node::Tag(tag) => {
            let Tag {
                span: _,
                raw,
                value,
                kind,
                meaning,
            } = tag;
            raw_and_value(out, raw, value);
            if let Some(kind) = kind {
                fact(out, "kind", kind);
            }
            if let Some(meaning) = meaning {
                quoted_fact(out, "meaning", meaning);
            }
        }
        Node::Classifier(classifier) => {
            let Classifier {
                span: _,
                raw,
                names,
                title,
                reasons,
            } = classifier;
            let _ = write!(out, " {}", quote(raw));
            quoted_list(out, "names", names);
            if let Some(title) = title {
                quoted_fact(out, "title", title);
            }
            list(out, "reasons", reasons);
        }
        Node::Reference(reference) => reference_facts(out, reference),
        Node::CitedCable(cited) => cited_facts(out, cited),
        Node::Paragraph(paragraph) => paragraph_facts(out, paragraph),
        Node::Item(item) => {
            // The item's text is its stretch of the paragraph's text (`validate` checks it),
            // which the paragraph's line shows.
            let SubItem {
                span: _,
                label,
                text: _,
                in_text: _,
            } = item;
            quoted_fact(out, "label", label);
        }
        Node::Aid(aid) => {
            let ReadingAid {
                kind,
                span: _,
                in_text: _,
                raw,
                reading,
            } = aid;
            let _ = write!(out, " {}", quote(raw));
            fact(out, "kind", kind.as_str());
            quoted_fact(out, "reading", reading);
        }
        Node::Diagnostic(diagnostic) => {
            let Diagnostic {
                severity,
                span: _,
                message,
            } = diagnostic;
            let _ = write!(out, " {}: {}", severity.as_str(), message);
        }
        Node::Text(field) => raw_and_value(out, &field.raw, &field.value),
        Node::DateTime(field) => raw_and_plain(out, &field.raw, &field.value.to_iso8601()),
        Node::Precedence(field) => raw_and_plain(out, &field.raw, field.value.as_str()),
        Node::Classification(field) => raw_and_plain(out, &field.raw, field.value.as_str()),
        Node::Section(field) => {
            let (this, count) = field.value;
            raw_and_plain(out, &field.raw, &format!("{this}/{count}"));
        }
        Node::Number(field) => raw_and_plain(out, &field.raw, &field.value.to_string()),
    }
}

fn routing_facts(out: &mut String, routing: &Routing) {
    let Routing {
        span: _,
        transmission_id: _,
        relay: _,
        relay_indicators,
        station: _,
        station_serial,
        station_section,
        filing_time,
        security: _,
        precedence: _,
        info_precedence,
        date_time: _,
        from: _,
        to: _,
        info: _,
    } = routing;
    list(out, "relay_indicators", relay_indicators);
    if let Some(serial) = station_serial {
        fact(out, "station_serial", serial);
    }
    if let Some(section) = station_section {
        fact(out, "station_section", &section.to_string());
    }
    if let Some(time) = filing_time {
        quoted_fact(out, "filing_time", time);
    }
    if let Some(precedence) = info_precedence {
        fact(out, "info_precedence", precedence.as_str());
    }
}

fn addressee_facts(out: &mut String, addressee: &Addressee) {
    let Addressee {
        span: _,
        routing_indicator,
        name,
        precedence,
        serial,
        excluded,
    } = addressee;
    if let Some(indicator) = routing_indicator {
        fact(out, "ri", indicator);
    }
    quoted_fact(out, "name", name);
    if let Some(precedence) = precedence {
        fact(out, "precedence", Precedence::as_str(*precedence));
    }
    if let Some(serial) = serial {
        fact(out, "serial", serial);
    }
    quoted_list(out, "excluded", excluded);
}

fn reference_facts(out: &mut String, reference: &Reference) {
    let Reference {
        span: _,
        letter: _,
        text,
        kind,
        canonical_id,
        cables: _,
        annotation: _,
        self_reference,
    } = reference;
    quoted_fact(out, "text", text);
    fact(out, "kind", kind.as_str());
    if let Some(id) = canonical_id {
        fact(out, "id", id);
    }
    if *self_reference {
        out.push_str(" self_reference");
    }
}

fn cited_facts(out: &mut String, cited: &CitedCable) {
    let CitedCable {
        span: _,
        station_raw,
        station,
        serial,
        year,
        year_source,
        canonical_id,
    } = cited;
    let _ = write!(out, " {}", quote(station_raw));
    if let Some(id) = canonical_id {
        let _ = write!(out, " = {}", quote(id));
    }
    fact(out, "station", station);
    fact(out, "serial", serial);
    if let Some(year) = year {
        fact(out, "year", &year.to_string());
    }
    fact(out, "year_source", year_source.as_str());
}

fn paragraph_facts(out: &mut String, paragraph: &Paragraph) {
    let Paragraph {
        span: _,
        number: _,
        marking: _,
        portion,
        heading: _,
        text,
        items: _,
        aids: _,
        breaks,
    } = paragraph;
    if let Some(PortionMarking {
        level,
        classification,
        controls,
    }) = portion
    {
        fact(out, "level", level);
        if let Some(classification) = classification {
            fact(out, "classification", classification.as_str());
        }
        list(out, "controls", controls);
    }
    if !breaks.is_empty() {
        let breaks: Vec<String> = breaks.iter().map(usize::to_string).collect();
        list(out, "breaks", &breaks);
    }
    quoted_fact(out, "text", text);
}

/// ` "raw" = "value"`, or ` = "value"` when they are the same.
fn raw_and_value(out: &mut String, raw: &str, value: &str) {
    if raw != value {
        let _ = write!(out, " {}", quote(raw));
    }
    let _ = write!(out, " = {}", quote(value));
}

/// ` "raw" = value` for a value that is not text (a date, a number, a word).
fn raw_and_plain(out: &mut String, raw: &str, value: &str) {
    let _ = write!(out, " {} = {value}", quote(raw));
}

fn fact(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}={value}");
}

fn quoted_fact(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}={}", quote(value));
}

/// ` name=[a, b]`, nothing for an empty list.
fn list(out: &mut String, name: &str, items: &[String]) {
    if !items.is_empty() {
        let _ = write!(out, " {name}=[{}]", items.join(", "));
    }
}

/// ` name=["a", "b"]`, nothing for an empty list.
fn quoted_list(out: &mut String, name: &str, items: &[String]) {
    if !items.is_empty() {
        let quoted: Vec<String> = items.iter().map(|item| quote(item)).collect();
        let _ = write!(out, " {name}=[{}]", quoted.join(", "));
    }
}

/// `text` in double quotes, with quotes, backslashes and control characters escaped, so that
/// every node stays on one line.
fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for ch in text.chars() {
        match ch {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            ch if ch.is_control() => {
                let _ = write!(quoted, "\\u{{{:x}}}", u32::from(ch));
            }
            ch => quoted.push(ch),
        }
    }
    quoted.push('"');
    quoted
}
