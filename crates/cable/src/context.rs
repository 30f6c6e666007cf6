//! What every pass reads and writes: the cleaned text, its lines, the caller's options and the
//! diagnostics gathered so far.

use crate::lines::Line;
use crate::source::Cleaned;
use crate::span::{Field, Span};
use crate::tree::{Cable, Diagnostic};

/// What the caller knows that the text may not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// The cable's four-digit year, used when the text has no date-time group (a snippet, or a
    /// cable whose routing header was not published). A year in the text always wins.
    pub year: Option<u16>,
}

/// What every pass reads and writes.
pub(crate) struct Context<'a> {
    pub(crate) cleaned: &'a Cleaned,
    pub(crate) lines: &'a [Line],
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

    /// The span in the input of the cleaned range `start..end`.
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

    /// The cable's year: from its date-time group, else from what the caller said.
    pub(crate) fn cable_year(&self, cable: &Cable) -> Option<u16> {
        cable
            .date_time()
            .map(|date_time| date_time.year)
            .or(self.options.year)
    }
}
