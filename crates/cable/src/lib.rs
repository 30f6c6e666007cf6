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

//!
//! # How it is built
//!
//! The crate is a house of floors, each importing only the floors below it:
//!
//! - [`Span`] and [`Field`] (`span`), then every node type (`tree`);
//! - `scan`: small recognisers and vocabularies that more than one pass needs, each written once
//!   (a classification line, a paragraph's start, a page break, a date-time group, handling
//!   controls); the `glossary` and `stations` tables;
//! - `source`: every input form (plain text, a cable page's HTML, a `cables.csv` record), cleaned
//!   into one text with a map back to the input; then `lines`;
//! - the passes, which never import one another: `header` (routing lines, classification line,
//!   keyword fields, classifier, TAGS), `references` (the `REF` block, the citation grammar,
//!   citations in the text) and `body` (paragraphs, page furniture, summary and comments,
//!   reading aids, signature);
//! - `parse`, the driver, on top; this file only re-exports.

pub mod anchors;
mod banner;
mod body;
mod context;
mod given;
pub mod glossary;
pub(crate) mod header;
mod lines;
mod outline;
mod parse;
mod references;
mod scan;
mod source;
mod span;
mod stations;
#[cfg(test)]
mod testing;
mod tree;
mod validate;
pub mod visit;

pub use banner::banner;
pub use context::Options;
pub use header::normalize_name;
pub use outline::outline;
pub use parse::{parse, parse_with};
pub use source::{
    csv_extent, csv_row, csv_rows, decode, CsvDialect, CsvExtent, CsvItem, CsvRow, CsvSplitter,
    Encoding, CSV_COLUMNS,
};
pub use span::{Field, Span, TextSpan};
pub use stations::canonicalize_id;
pub use tree::*;
pub use validate::{validate, SpanError};
