//! A total, span-preserving parser for the raw text of US diplomatic cables.
//!
//! [`parse`] takes whatever a user pasted — a cable copied from a web page, with link debris and
//! page breaks — and returns a [`Cable`] tree plus [`Diagnostic`]s. It never fails and never
//! panics: malformed input gives a smaller tree and more diagnostics. Every node carries a
//! [`Span`], byte offsets into the input, so `&input[node.span.range()]` is the text it came from.
//!
//! # Example
//!
//! ```
//! let text = "\
//! O 141423Z MAR 08
//! FM AMEMBASSY OTTAWA
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 7513
//!
//! C O N F I D E N T I A L OTTAWA 000372
//!
//! SUBJECT: CANADA: DISCORD OVER OSLO PROCESS
//!
//! REF: A. STATE 24735
//!
//! 1. (C) Summary: text.
//! ";
//! let parse = cable::parse(text);
//! let cable = &parse.cable;
//! assert_eq!(cable.canonical_id.as_ref().map(|id| id.value.as_str()), Some("08OTTAWA372"));
//! assert_eq!(cable.references[0].canonical_id.as_deref(), Some("08STATE24735"));
//! assert_eq!(cable.paragraphs[0].marking.as_ref().map(|m| m.value.as_str()), Some("C"));
//! assert_eq!(&text[cable.paragraphs[0].span.range()], "1. (C) Summary: text.");
//! assert!(cable::validate(text, &parse).is_ok());
//! ```
#![deny(missing_docs)]

mod aids;
pub mod anchors;
mod body;
mod classifier;
mod fields;
mod furniture;
pub mod glossary;
mod header;
mod letters;
mod lines;
mod references;
mod reflow;
mod routing;
mod sections;
mod sort;
mod source;
mod stations;
mod tags;
mod validate;

pub use classifier::normalize_name;
pub use stations::canonicalize_id;
pub use validate::{validate, SpanError};

use std::fmt;
use std::ops::Range;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// Byte offsets `start..end` into the text given to [`parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, for slicing the input.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value read from the text, with where it was and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Field<T> {
    /// Where the value was written.
    pub span: Span,
    /// The text as written, after removing page debris (link markup, pilcrows).
    pub raw: String,
    /// The normalised value.
    pub value: T,
}

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
    /// One record of a `cables.csv` dump: eight quoted columns, quotes escaped as `\"`.
    CsvRecord,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    /// The parser made a choice the reader may want to check.
    Note,
    /// Something expected is missing or inconsistent.
    Warning,
}

/// A problem found while parsing, with the text it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The text concerned.
    pub span: Span,
    /// One sentence for the reader.
    pub message: String,
}

impl Diagnostic {
    /// A note about `span`: a choice the parser made.
    pub fn note(span: Span, message: String) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            span,
            message,
        }
    }

    /// A warning about `span`: something missing or inconsistent.
    pub fn warning(span: Span, message: String) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            span,
            message,
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
    /// The span of everything above the body: routing header, classification line, captions and
    /// keyword fields.
    pub fn header_span(&self) -> Option<Span> {
        let mut spans = self.field_spans();
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

/// The ACP-127 transmission header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Routing {
    /// The whole header.
    pub span: Span,
    /// `VZCZCXRO5278`.
    pub transmission_id: Option<Field<String>>,
    /// The precedence and relay line, e.g. `OO RUEHGA RUEHHA`.
    pub relay: Option<Field<String>>,
    /// The routing indicators of the relay line, e.g. `["RUEHGA", "RUEHHA"]`.
    pub relay_indicators: Vec<String>,
    /// The `DE` line; `value` is the station's routing indicator, e.g. `RUEHOT`.
    pub station: Option<Field<String>>,
    /// The station serial number on the `DE` line without leading zeros: `#0372/01` → `372`.
    pub station_serial: Option<String>,
    /// The section number on the `DE` line: `#0372/01` → `1`.
    pub station_section: Option<u32>,
    /// The filing time on the `DE` line as day of the year and UTC time: `0741423` → `074 1423`.
    pub filing_time: Option<String>,
    /// Classification from the security line (`ZNY CCCCC`).
    pub security: Option<Field<Classification>>,
    /// Precedence of the message, from the date-time group line.
    pub precedence: Option<Field<Precedence>>,
    /// Precedence for the info addressees, when the line gives a second prosign (`P R`).
    pub info_precedence: Option<Precedence>,
    /// The date-time group.
    pub date_time: Option<Field<DateTime>>,
    /// `FM` line: the originator.
    pub from: Option<Field<String>>,
    /// Action addressees.
    pub to: Vec<Addressee>,
    /// Information addressees.
    pub info: Vec<Addressee>,
}

/// One addressee of a `TO` or `INFO` list, e.g. `RUEHC/SECSTATE WASHDC IMMEDIATE 7513`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Addressee {
    /// The addressee's line.
    pub span: Span,
    /// Routing indicator before the slash, e.g. `RUEHC`.
    pub routing_indicator: Option<String>,
    /// Plain-language address, e.g. `SECSTATE WASHDC`.
    pub name: String,
    /// Precedence given to this addressee.
    pub precedence: Option<Precedence>,
    /// Message serial number for this addressee, as written.
    pub serial: Option<String>,
    /// Posts excluded from this (collective) addressee by an `XMT` line.
    pub excluded: Vec<String>,
}

/// How urgently a cable was to be delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Precedence {
    /// `Z`.
    Flash,
    /// `NIACT IMMEDIATE`: night action, wake the officer.
    Niact,
    /// `O`.
    Immediate,
    /// `P`.
    Priority,
    /// `R`.
    Routine,
}

impl Precedence {
    /// The prosign letter (`Z`, `O`, `P`, `R`) or word.
    pub fn from_prosign(prosign: &str) -> Option<Precedence> {
        Some(match prosign {
            "Z" | "FLASH" => Precedence::Flash,
            "NIACT" => Precedence::Niact,
            // `0` is how a retyped or scanned copy often renders `O`.
            "O" | "0" | "IMMEDIATE" => Precedence::Immediate,
            "P" | "PRIORITY" => Precedence::Priority,
            "R" | "ROUTINE" => Precedence::Routine,
            _ => return None,
        })
    }

    /// The precedence in words, as a reader knows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Precedence::Flash => "FLASH",
            Precedence::Niact => "NIACT IMMEDIATE",
            Precedence::Immediate => "IMMEDIATE",
            Precedence::Priority => "PRIORITY",
            Precedence::Routine => "ROUTINE",
        }
    }
}

/// A date and time in UTC, as written in a date-time group (`141423Z MAR 08`).
///
/// In JSON it is an ISO 8601 string, `"2008-03-14T14:23Z"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
    /// 0–23.
    pub hour: u8,
    /// 0–59.
    pub minute: u8,
}

impl fmt::Display for DateTime {
    /// `2008-03-14 14:23Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

impl DateTime {
    /// `2008-03-14T14:23Z`.
    pub fn to_iso8601(self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }

    /// Reads what [`DateTime::to_iso8601`] writes.
    pub fn from_iso8601(text: &str) -> Option<DateTime> {
        let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
        let mut date = date.splitn(3, '-');
        let (hour, minute) = time.split_once(':')?;
        let date_time = DateTime {
            year: date.next()?.parse().ok()?,
            month: date.next()?.parse().ok()?,
            day: date.next()?.parse().ok()?,
            hour: hour.parse().ok()?,
            minute: minute.parse().ok()?,
        };
        let valid = (1..=12).contains(&date_time.month)
            && (1..=31).contains(&date_time.day)
            && date_time.hour < 24
            && date_time.minute < 60;
        valid.then_some(date_time)
    }
}

#[cfg(feature = "serde")]
impl Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso8601())
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::from_iso8601(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("not a date-time like 2008-03-14T14:23Z: {text}"))
        })
    }
}

/// Security classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "SCREAMING_SNAKE_CASE"))]
pub enum Classification {
    /// `UNCLAS`, `UNCLASSIFIED`.
    Unclassified,
    /// `UNCLASSIFIED//FOR OFFICIAL USE ONLY` and `SENSITIVE BUT UNCLASSIFIED`.
    UnclassifiedForOfficialUseOnly,
    /// `EFTO`: unclassified, encrypted for transmission only.
    EncryptForTransmissionOnly,
    /// `LIMITED OFFICIAL USE`.
    LimitedOfficialUse,
    /// `CONFIDENTIAL`.
    Confidential,
    /// `SECRET`.
    Secret,
    /// `TOP SECRET`.
    TopSecret,
}

impl Classification {
    /// The marking in words, as printed on a banner.
    pub fn as_str(self) -> &'static str {
        match self {
            Classification::Unclassified => "UNCLASSIFIED",
            Classification::UnclassifiedForOfficialUseOnly => "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
            Classification::EncryptForTransmissionOnly => "UNCLASSIFIED//EFTO",
            Classification::LimitedOfficialUse => "LIMITED OFFICIAL USE",
            Classification::Confidential => "CONFIDENTIAL",
            Classification::Secret => "SECRET",
            Classification::TopSecret => "TOP SECRET",
        }
    }
}

/// The classification line under the routing header.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ClassificationLine {
    /// The whole line.
    pub span: Span,
    /// The classification.
    pub classification: Field<Classification>,
    /// Dissemination controls written with the classification, e.g. `NOFORN` in `SECRET//NOFORN`.
    pub controls: Vec<String>,
    /// `SECTION 01 OF 02`: this section and the count.
    pub section: Option<Field<(u32, u32)>>,
    /// Originating station, e.g. `OTTAWA`, `USUN NEW YORK`.
    pub origin: Option<Field<String>>,
    /// Station serial number without leading zeros, e.g. `372`.
    pub serial: Option<Field<String>>,
}

/// The `E.O.` line: which executive order classified the cable and until when.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Declassification {
    /// The whole line.
    pub span: Span,
    /// `12958`.
    pub order: Option<String>,
    /// What follows `DECL:`, e.g. `03/14/2018`, `OADR`.
    pub decl: Option<String>,
    /// The declassification date in ISO form, `2018-03-14`, when `decl` is a date.
    pub date: Option<String>,
}

/// Who classified a cable and why: `Classified By: PolMinCouns Scott Bellard, reasons 1.4 (b)
/// and (d).`
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Classifier {
    /// The names of the classifying officials as written, e.g. `Scott Bellard`.
    pub names: Vec<String>,
    /// Their title or office as written, e.g. `PolMinCouns`.
    pub title: Option<String>,
    /// The classification reasons, e.g. `["1.4(b)", "1.4(d)"]`.
    pub reasons: Vec<String>,
}

/// A caption line under the classification line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Caption {
    /// The line.
    pub span: Span,
    /// As written.
    pub raw: String,
    /// Upper-cased, blanks collapsed: `NOFORN`, `DEPT FOR EUR/RPM`.
    pub value: String,
    /// What it does.
    pub kind: CaptionKind,
}

/// What a caption does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum CaptionKind {
    /// A handling or dissemination control: `SIPDIS`, `NOFORN`, `EXDIS`, `NODIS`, `SENSITIVE`.
    Handling,
    /// Who should get it: `DEPT FOR WHA`, `PASS TO USAID`, `STATE FOR EUR/RUS`.
    Distribution,
    /// Anything else: `C O R R E C T E D COPY`, a publisher's line.
    Other,
}

/// A TAGS code, with what the glossary says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Tag {
    /// Where the code (or the words of a multi-word tag) was written.
    pub span: Span,
    /// As written, after removing page debris.
    pub raw: String,
    /// The code, upper-cased: `PREL`, `STEINBERG, JAMES B.`, `HUMAN RIGHTS`.
    pub value: String,
    /// The glossary's kind: `subject`, `program`, `geo`, `organization`, `person`, `other`.
    pub kind: Option<String>,
    /// The glossary's meaning, e.g. `Political Affairs--External Political Relations`.
    pub meaning: Option<String>,
}

/// One item of the reference block, e.g. `A. STATE 24735` or `B) Kabul 692/317 (NOTAL)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Reference {
    /// The item, letter included.
    pub span: Span,
    /// `A`, `B`, … (upper-cased) or `1`, `2`, … when the item has one.
    pub letter: Option<String>,
    /// The item's text without its letter, e.g. `07 STATE 164503`.
    pub text: String,
    /// What kind of document is cited.
    pub kind: ReferenceKind,
    /// Canonical ID of the first cable the item cites, e.g. `07STATE164503`.
    pub canonical_id: Option<String>,
    /// Every cable the item cites, in order (`Kabul 692/317` cites two).
    pub cables: Vec<CitedCable>,
    /// What follows the citation: `(NOTAL)`, `AND PREVIOUS`, a title in quotes or parentheses.
    pub annotation: Option<String>,
    /// The item cites the cable itself.
    pub self_reference: bool,
}

/// A cable cited in a reference item.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CitedCable {
    /// The citation: year (when written), station and serial.
    pub span: Span,
    /// The station as written, e.g. `USUN NEW YORK`, `Colomobo`.
    pub station_raw: String,
    /// The station as canonical IDs write it, e.g. `USUNNEWYORK`, `COLOMBO`.
    pub station: String,
    /// The serial without leading zeros.
    pub serial: String,
    /// The four-digit year, when known.
    pub year: Option<u16>,
    /// Where the year came from.
    pub year_source: YearSource,
    /// `07STATE164503`, when the year is known.
    pub canonical_id: Option<String>,
}

/// Where the year of a cited cable came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum YearSource {
    /// Written with the citation: `07 STATE 1234`, `'08`, `2007`, `QUITO 4525-91`, `00789/08`.
    Written,
    /// Shared with the citation before it in a list: `06 Kabul 5353/5194`.
    List,
    /// The citing cable's own year (from its date-time group or the caller).
    Cable,
    /// The year before the citing cable's: the same station with a serial at or above the
    /// citing cable's own, which it cannot have sent yet that year.
    PreviousYear,
    /// Not known: no year written and the citing cable's year unknown.
    Unknown,
}

/// What a reference cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum ReferenceKind {
    /// Another cable.
    Cable,
    /// An e-mail.
    Email,
    /// A fax.
    Fax,
    /// A telephone call.
    Telcon,
    /// A memorandum or letter.
    Memo,
    /// A meeting or conversation.
    Meeting,
    /// A report (including intelligence reports, `TD-314/…`, `IIR …`).
    Report,
    /// A web page.
    Web,
    /// A manual, law or other publication (`9 FAM Appendix K`).
    Publication,
    /// Anything else.
    Other,
}

impl ReferenceKind {
    /// The kind in words.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceKind::Cable => "cable",
            ReferenceKind::Email => "e-mail",
            ReferenceKind::Fax => "fax",
            ReferenceKind::Telcon => "telcon",
            ReferenceKind::Memo => "memo",
            ReferenceKind::Meeting => "meeting",
            ReferenceKind::Report => "report",
            ReferenceKind::Web => "web",
            ReferenceKind::Publication => "publication",
            ReferenceKind::Other => "other",
        }
    }
}

/// A paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Paragraph {
    /// From its number (or first line) to its last line, page breaks included.
    pub span: Span,
    /// The paragraph number; `raw` keeps what was written (`14` for a garbled `¶4`).
    pub number: Option<Field<u32>>,
    /// Portion marking without parentheses, e.g. `C/NF`.
    pub marking: Option<Field<String>>,
    /// The portion marking read: level and controls.
    pub portion: Option<PortionMarking>,
    /// A sub-heading written just above the paragraph, e.g. `Comment`.
    pub heading: Option<Field<String>>,
    /// Reading text: number and marking removed, wrapped lines joined, page breaks removed.
    pub text: String,
    /// List items inside the paragraph: `-- …`, `A. …`, `(1) …`.
    pub items: Vec<SubItem>,
    /// Reading aids for the text: apostrophes typed as commas, redactions, transmission garbles.
    pub aids: Vec<ReadingAid>,
    /// Where page breaks were removed from the text: byte offsets in `text`, in order.
    pub breaks: Vec<usize>,
}

/// A portion marking read: `C/NF` → level `C` (confidential), controls `NOFORN`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct PortionMarking {
    /// The level as written, upper-cased: `U`, `SBU`, `C`, `S`, `TS`, `LOU`, `FOUO`.
    pub level: String,
    /// The classification the level stands for.
    pub classification: Option<Classification>,
    /// Controls after the level, abbreviations spelled out: `NOFORN`, `ORCON`, `REL UK`.
    pub controls: Vec<String>,
}

impl PortionMarking {
    /// Reads a marking written without its parentheses: `C/NF`, `S//NF`, `C/REL UK`, `SBU/N`,
    /// `C - ENTIRE TEXT`.
    pub fn read(marking: &str) -> PortionMarking {
        let upper = marking.trim().to_ascii_uppercase();
        let (level, rest) = match upper.find(['/', ' ', '-']) {
            Some(at) => (upper.get(..at).unwrap_or(""), upper.get(at..).unwrap_or("")),
            None => (upper.as_str(), ""),
        };
        let classification = match level {
            "U" | "UNCLASSIFIED" => Some(Classification::Unclassified),
            "SBU" | "FOUO" => Some(Classification::UnclassifiedForOfficialUseOnly),
            "LOU" => Some(Classification::LimitedOfficialUse),
            "C" | "CONFIDENTIAL" => Some(Classification::Confidential),
            "S" | "SECRET" => Some(Classification::Secret),
            "TS" => Some(Classification::TopSecret),
            _ => None,
        };
        let controls = rest
            .split('/')
            .map(|part| part.trim().trim_start_matches('-').trim())
            .filter(|part| !part.is_empty())
            .map(|part| {
                match part {
                    "NF" | "N" => "NOFORN",
                    "OC" => "ORCON",
                    "PR" => "PROPIN",
                    "NC" => "NOCONTRACT",
                    other => other,
                }
                .to_string()
            })
            .collect();
        PortionMarking {
            level: level.to_string(),
            classification,
            controls,
        }
    }
}

/// A list item inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct SubItem {
    /// The item, marker included.
    pub span: Span,
    /// The marker as written: `--`, `-`, `A.`, `(1)`.
    pub label: String,
    /// The item's text without its marker.
    pub text: String,
    /// Where `text` is in the paragraph's `text`: byte offsets, `end` exclusive.
    pub start: usize,
    /// See `start`.
    pub end: usize,
}

/// A reading aid: a stretch of a paragraph's text, what it is, and how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ReadingAid {
    /// What the stretch is.
    pub kind: AidKind,
    /// The stretch in the input.
    pub span: Span,
    /// The stretch in the paragraph's `text`: byte offsets, `end` exclusive.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The stretch as written.
    pub raw: String,
    /// The suggested reading: `POST'S` for `POST,S`, `[redacted]` for `XXXXXXXXXXXX`, empty for a
    /// garble that repeats the text before it.
    pub reading: String,
}

/// What a reading aid marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum AidKind {
    /// An apostrophe the telegraph could not send, typed as a comma: `POST,S`.
    Apostrophe,
    /// Text the publisher withheld: `XXXXXXXXXXXX`.
    Redaction,
    /// A transmission garble: a `Q` followed by a repeat of the text before it.
    Garble,
}

/// How [`decode`] read a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark, if any, removed).
    Utf8,
    /// Not UTF-8: read as ISO-8859-1, one character per byte, as old cable dumps were written.
    Latin1,
}

/// Turns a file's bytes into text the way cablescope reads files everywhere: UTF-8 when it is
/// valid (without a byte-order mark), else ISO-8859-1 byte for byte, which never fails.
///
/// ```
/// assert_eq!(cable::decode(b"CAF\xc9"), ("CAF\u{c9}".to_string(), cable::Encoding::Latin1));
/// assert_eq!(cable::decode("\u{feff}UNCLAS".as_bytes()), ("UNCLAS".to_string(), cable::Encoding::Utf8));
/// ```
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&byte| char::from(byte)).collect(),
            Encoding::Latin1,
        ),
    }
}

/// What the caller knows that the text may not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// The cable's four-digit year, used when the text has no date-time group (a snippet, or a
    /// cable whose routing header was not published). A year in the text always wins.
    pub year: Option<u16>,
}

/// Parses the text of a cable. Never fails: see the crate documentation.
pub fn parse(input: &str) -> Parse {
    parse_with(input, Options::default())
}

/// Parses the text of a cable with context it may lack, such as its year.
///
/// ```
/// let snippet = "UNCLAS STATE 000123\n\nREF: A. ROME 456\n";
/// let parse = cable::parse_with(snippet, cable::Options { year: Some(2009) });
/// assert_eq!(parse.cable.canonical_id.map(|id| id.value).as_deref(), Some("09STATE123"));
/// assert_eq!(parse.cable.references[0].canonical_id.as_deref(), Some("09ROME456"));
/// ```
pub fn parse_with(input: &str, options: Options) -> Parse {
    let cleaned = source::Cleaned::new(input);
    let lines = lines::split(&cleaned.text);
    let mut diagnostics = Vec::new();
    let whole = Span::new(0, input.len());
    if cleaned.n_debris > 0 {
        diagnostics.push(Diagnostic::note(
            whole,
            format!(
                "Removed {} of web-page debris (link markup, pilcrows) before reading.",
                plural(cleaned.n_debris, "piece", "pieces")
            ),
        ));
    }
    if cleaned.n_line_breaks_restored > 0 {
        diagnostics.push(Diagnostic::note(whole, format!(
                "Put back {} that were missing (lines glued together, as in the first Cablegate release).",
                plural(cleaned.n_line_breaks_restored, "line break", "line breaks")
            )));
    }
    let mut cable = Cable {
        span: whole,
        ..Cable::default()
    };
    let mut context = Context {
        cleaned: &cleaned,
        lines: &lines,
        diagnostics: &mut diagnostics,
        options,
    };
    let body_start = header::read(&mut context, &mut cable);
    body::read(&mut context, &mut cable, body_start);
    Parse {
        input_form: cleaned.form,
        cable,
        diagnostics,
    }
}

/// `1 piece`, `2 pieces`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What every pass reads and writes.
pub(crate) struct Context<'a> {
    pub(crate) cleaned: &'a source::Cleaned,
    pub(crate) lines: &'a [lines::Line],
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
    pub(crate) options: Options,
}

impl Context<'_> {
    /// A field from the cleaned range `start..end`.
    pub(crate) fn field<T>(&self, start: usize, end: usize, value: T) -> Field<T> {
        Field {
            span: self.cleaned.span(start, end),
            raw: self.cleaned.slice(start, end).to_string(),
            value,
        }
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        self.cleaned.span(start, end)
    }

    pub(crate) fn note(&mut self, span: Span, message: &str) {
        self.diagnostics
            .push(Diagnostic::note(span, message.to_string()));
    }

    pub(crate) fn warn(&mut self, span: Span, message: &str) {
        self.diagnostics
            .push(Diagnostic::warning(span, message.to_string()));
    }
}
