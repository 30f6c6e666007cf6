//! The root of the tree: [`Parse`], what [`crate::parse`] returns, and the [`Cable`] in it.

use crate::span::{Field, Span};
use crate::tree::body::Paragraph;
use crate::tree::diagnostic::Diagnostic;
use crate::tree::header::{
    Caption, Classification, ClassificationLine, Classifier, DateTime, Declassification, Routing,
    Tag,
};
use crate::tree::references::{CitedCable, Reference};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The result of [`parse`]: a tree, always, and what was odd about the input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Parse {
    /// What form the input was recognised as.
    pub input_form: InputForm,
    /// The decomposed cable; fields the text does not have are `None` or empty.
    pub cable: Cable,
    /// Problems found, each pointing at the text concerned.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parse {
    /// Whether anything cable-like was found: a header field, a reference or a numbered paragraph.
    pub fn looks_like_cable(&self) -> bool {
        let cable = &self.cable;
        cable.routing.is_some()
            || cable.classification.is_some()
            || cable.subject.is_some()
            || !cable.tags.is_empty()
            || !cable.references.is_empty()
            || cable
                .paragraphs
                .iter()
                .any(|paragraph| paragraph.number.is_some())
    }
}

/// What form the input was recognised as; every form gives the same decomposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum InputForm {
    /// Plain text, possibly with web-page debris such as `[PARM](#)` or `¶`.
    #[default]
    Plain,
    /// HTML from a cable page: `<pre>` blocks, `&#x000A;` entities, `<a>` links.
    Html,
    /// One record of a `cables.csv` dump: eight quoted columns, quotes escaped as `\"` (WikiLeaks)
    /// or `""` (RFC 4180, as spreadsheets write it).
    CsvRecord,
    /// One record of a JSON dump (`{"header": "…", "content": "…"}`), strings escaped as JSON.
    JsonRecord,
}

impl InputForm {
    /// The form in words, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            InputForm::Plain => "plain",
            InputForm::Html => "html",
            InputForm::CsvRecord => "csv_record",
            InputForm::JsonRecord => "json_record",
        }
    }
}

/// A decomposed cable.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Cable {
    /// The whole input.
    pub span: Span,
    /// Canonical ID such as `08OTTAWA372`: year of the date-time group, station, serial.
    pub canonical_id: Option<Field<String>>,
    /// The transmission (routing) header above the classification line.
    pub routing: Option<Routing>,
    /// When the routing header has no date-time group: the one repeated in a later section's
    /// header (old telegrams printed section by section).
    pub later_date_time: Option<Field<DateTime>>,
    /// The classification line (`C O N F I D E N T I A L SECTION 01 OF 02 OTTAWA 000372`).
    pub classification: Option<ClassificationLine>,
    /// Caption lines under the classification line: `SIPDIS`, `NOFORN`, `DEPT FOR EUR/RPM`.
    pub captions: Vec<Caption>,
    /// The `E.O.` declassification line.
    pub declassification: Option<Declassification>,
    /// `TAGS:` codes.
    pub tags: Vec<Tag>,
    /// `SUBJECT:` text, joined across lines.
    pub subject: Option<Field<String>>,
    /// The whole reference block (`REF:` and its items).
    pub references_span: Option<Span>,
    /// Cables cited in the body's text rather than the `REF` block: `(MOGADISHU 1520)`,
    /// `SEE RIYADH 29 (NOTAL)`.
    pub inline_citations: Vec<CitedCable>,
    /// Every `REF` block, in order (a second one may follow `Classified By`).
    pub reference_spans: Vec<Span>,
    /// Items of the reference block.
    pub references: Vec<Reference>,
    /// `Classified By:` text.
    pub classified_by: Option<Field<String>>,
    /// Who classified the cable and why, read from `classified_by`.
    pub classifier: Option<Classifier>,
    /// Paragraphs of the body, numbered or not.
    pub paragraphs: Vec<Paragraph>,
    /// Page and section breaks removed from the body text.
    pub page_breaks: Vec<Span>,
    /// The summary: the text between `Summary:` and `End summary`, or a paragraph that is
    /// the summary; `value` is the text without those markers, lines joined.
    pub summary: Option<Field<String>>,
    /// The comments: `Comment:` … `End comment.`, or a paragraph that is a comment; `value` as
    /// for the summary.
    pub comments: Vec<Field<String>>,
    /// The signer's name, e.g. `BREESE`.
    pub signature: Option<Field<String>>,
    /// Lines that are not part of the cable: publisher notes, page furniture after the signature.
    pub notes: Vec<Field<String>>,
}

impl Cable {
    /// The cables the `REF` blocks cite that have no year: none written, and the cable's own
    /// year unknown.
    pub fn undated_citations(&self) -> impl Iterator<Item = &CitedCable> {
        self.references
            .iter()
            .flat_map(|reference| &reference.cables)
            .filter(|cited| cited.year.is_none())
    }

    /// The span of everything above the body: routing header, classification line, captions and
    /// keyword fields.
    pub fn header_span(&self) -> Option<Span> {
        // A field read from the text (a `Classified By` statement in a paragraph) is the
        // cable's, but not part of its header.
        let body_start = self
            .paragraphs
            .first()
            .map(|paragraph| paragraph.span.start);
        let mut spans: Vec<Span> = self
            .field_spans()
            .into_iter()
            .filter(|span| body_start.is_none_or(|start| span.start < start))
            .collect();
        spans.extend(self.routing.as_ref().map(|routing| routing.span));
        spans.extend(self.classification.as_ref().map(|line| line.span));
        spans.into_iter().reduce(Span::cover)
    }

    /// The spans of the keyword fields and captions.
    pub fn field_spans(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = self.captions.iter().map(|field| field.span).collect();
        spans.extend(self.tags.iter().map(|tag| tag.span));
        spans.extend(
            [&self.subject, &self.classified_by]
                .into_iter()
                .flatten()
                .map(|field| field.span),
        );
        spans.extend(self.declassification.as_ref().map(|line| line.span));
        spans.extend(self.references_span);
        spans
    }

    /// The classification: from the classification line, else from the routing security line.
    pub fn classification(&self) -> Option<Classification> {
        self.classification
            .as_ref()
            .map(|line| line.classification.value)
            .or_else(|| {
                self.routing
                    .as_ref()
                    .and_then(|routing| routing.security.as_ref())
                    .map(|field| field.value)
            })
    }

    /// The date-time group's value, when the text has one: the routing header's, else one
    /// repeated in a later section.
    pub fn date_time(&self) -> Option<DateTime> {
        self.routing
            .as_ref()
            .and_then(|routing| routing.date_time.as_ref())
            .or(self.later_date_time.as_ref())
            .map(|field| field.value)
    }
}
