//! What the parser noticed: [`Diagnostic`]s, each pointing at the text concerned.

use crate::span::Span;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

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

impl Severity {
    /// The severity in words, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
        }
    }
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
