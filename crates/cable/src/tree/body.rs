//! The body's nodes: paragraphs, their portion markings, list items and reading aids.

use crate::span::{Field, Span, TextSpan};
use crate::tree::header::Classification;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

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
    /// Where `text` is in the paragraph's `text` (in JSON, its `start` and `end` beside `text`).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub in_text: TextSpan,
}

/// A reading aid: a stretch of a paragraph's text, what it is, and how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ReadingAid {
    /// What the stretch is.
    pub kind: AidKind,
    /// The stretch in the input.
    pub span: Span,
    /// The stretch in the paragraph's `text` (in JSON, its `start` and `end`).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub in_text: TextSpan,
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

impl AidKind {
    /// The kind in words, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            AidKind::Apostrophe => "apostrophe",
            AidKind::Redaction => "redaction",
            AidKind::Garble => "garble",
        }
    }
}
