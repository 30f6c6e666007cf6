//! What every pass reads and writes: the cleaned text, its lines, the caller's options and the
//! diagnostics gathered so far.

use crate::given::Given;
use crate::lines::Line;
use crate::source::Cleaned;
use crate::span::{Field, Span};
use crate::tree::{Cable, Diagnostic};

/// What the caller knows that the text may not say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// The cable's four-digit year, used when the text has no date-time group (a snippet, or a
    /// cable whose routing header was not published). A year in the text always wins.
    pub year: Option<u16>,
    /// The cable's ID as the caller knows it (`08OTTAWA372`, `08 OTTAWA 372`: a file's name, a
    /// catalogue's entry). When the text states no year, it gives the year (unless `year` is set)
    /// that dates what the text cites; when the classification line names no station and serial,
    /// it names the citing cable. A `cables.csv` record's own ID and date columns are used the
    /// same way when the caller gives neither. What the text says always wins.
    pub id: Option<String>,
}

impl Options {
    /// Options for the cable with the ID `id`.
    ///
    /// ```
    /// let snippet = "REF: A. STATE 24735\n";
    /// let parse = cable::parse_with(snippet, cable::Options::with_id("08OTTAWA372"));
    /// assert_eq!(parse.cable.references[0].canonical_id.as_deref(), Some("08STATE24735"));
    /// ```
    pub fn with_id(id: &str) -> Options {
        Options {
            year: None,
            id: Some(id.to_string()),
        }
    }

    /// Options for a cable of the year `year`.
    pub fn with_year(year: u16) -> Options {
        Options {
            year: Some(year),
            id: None,
        }
    }
}

/// What every pass reads and writes.
pub(crate) struct Context<'a> {
    pub(crate) cleaned: &'a Cleaned,
    pub(crate) lines: &'a [Line],
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
    /// The year and ID from the caller's options or the record's own columns.
    pub(crate) given: Given,
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

    /// The cable's year: from its date-time group, else from what the caller (or the record)
    /// said.
    pub(crate) fn cable_year(&self, cable: &Cable) -> Option<u16> {
        cable
            .date_time()
            .map(|date_time| date_time.year)
            .or(self.given.year)
    }
}
