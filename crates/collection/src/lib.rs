//! A collection of parsed cables — up to the whole `cables.csv` release — indexed for browsing
//! by facets, full-text search and citations followed both ways.
//!
//! Plain Rust for `wasm32-unknown-unknown` and native alike: no threads, files or clocks. The
//! caller reads the records (the `cable` command, or the page's Web Workers), parses each into
//! a [`Doc`], hands batches of them to [`SegmentBuilder`]s, stores each [`Segment`] as bytes,
//! and merges the segments into an [`Index`].
//!
//! # Example
//!
//! ```
//! use collection::{Doc, Facet, Filter, Index, Query, SegmentBuilder};
//!
//! let ottawa = "\
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
//! 1. (C) Canada's view of the Oslo process.
//! ";
//! let mut segment = SegmentBuilder::new();
//! segment.push(Doc::read(1, ottawa.to_string()));
//! let index = Index::build(vec![segment.finish()]);
//!
//! let results = index.search(&Query { text: "\"oslo process\" canada".into(), limit: 10, ..Query::default() });
//! assert_eq!(results.hits.iter().map(|hit| hit.doc).collect::<Vec<_>>(), [0]);
//! assert_eq!(index.recognise_ids("see 08 OTTAWA 372", None)[0].doc, Some(0));
//! assert_eq!(index.cites(0)[0].id, "08STATE24735");
//! assert_eq!(index.cites(0)[0].doc, None); // not in this collection
//! assert_eq!(index.cited_by("08STATE24735")[0].doc, 0);
//!
//! let mut filter = Filter::none();
//! filter.select(Facet::Year, "2008");
//! assert_eq!(index.passing(&filter).count(), 1);
//!
//! let stored = index.to_bytes().unwrap_or_default();
//! assert_eq!(Index::from_bytes(&stored).map(|index| index.len()), Ok(1));
//! assert!(Index::from_bytes(&stored[..stored.len() - 1]).is_err());
//!
//! // Texts can stay in the store: read a cable's block from it when the text is shown.
//! let mut index = Index::from_bytes(&stored).unwrap_or_default();
//! index.release_texts();
//! let (segment, (start, end)) = index.text_block(0).unwrap_or_default();
//! let segment_at = stored.len() - index.segments()[segment].stored_len();
//! let (text, _) = index.text_in_block(0, &stored[segment_at + start..segment_at + end]).unwrap_or_default();
//! assert_eq!(text, ottawa);
//! ```
//!
//! # How it is built
//!
//! Modules, each importing only those above it in this list:
//!
//! - `bytes` — the stored form's varints and strings, the frame (magic, version, length,
//!   CRC-32) every stored part has, and [`FormatError`]: a damaged store is an error, never a
//!   panic.
//! - `tokens` — how text becomes terms, written once for the index, queries and snippets.
//! - `entry` — what is kept of a cable ([`Entry`]: ID, date, origin, classification,
//!   caveats, TAGS, precedence, subject, citations with their places) and its text ([`Doc`]).
//! - `segment` — a batch of cables indexed on its own: postings with positions, texts
//!   deflated. **Invariant: a segment depends on nothing outside its batch**, so one can be
//!   built in each worker and written out before the next is begun.
//! - `facets`, `citations` — tables over the whole collection, derived from the entries.
//! - `search` — word and phrase queries over the segments, BM25, snippet marks.
//! - `index` — [`Index`]: the segments merged, the stored form, every question.
//! - `map` — a cable's citation neighbourhood laid out on a time axis ([`neighbourhood`],
//!   [`CitationMap`]), asked of an [`Index`].
//! - `export` — a set of cables' columns written as CSV or JSON Lines ([`export`]), read
//!   from an [`Index`].
//!
//! # Choices, for the browser's limits
//!
//! - **Memory.** Building a segment needs only its own batch; a built segment holds its texts
//!   deflated in 64 KB blocks (0.37 times the records' size on the bulk file) and its postings
//!   (0.51 times). Merging rewrites nothing: the index keeps the segments' bytes and derives the
//!   facets, IDs and citations from their entries. So no text is held undeflated beyond the
//!   batch being built, and memory is the stored form's size: 0.91 times the records, 1.38 GB
//!   for 250,000 cables (`examples/bench.rs --repeat 22`). Within a tab's 1.5 GB that leaves
//!   too little: the page keeps each segment's stored form in the origin-private file system,
//!   lets go of the text blocks ([`Index::release_texts`]; the layout puts them last) and reads
//!   a cable's block when its text is shown ([`Index::text_block`], [`Index::text_in_block`]),
//!   holding the rest (0.55 times the records) in memory. `cable search` reads a folder so.
//! - **Latency.** A term is found in each segment by binary search over its sorted term table
//!   (fixed-width offsets, read in place: no `fst`, whose compression the sizes measured do not
//!   need); a word query reads doc numbers and counts and skips positions by their stored byte
//!   length; facets are sorted lists counted against a bitset.
//! - **Format version.** [`SEGMENT_VERSION`] and [`INDEX_VERSION`] are written in every stored
//!   part; a store of another version is refused ([`FormatError::Version`]) and built again
//!   from the CSV.
#![deny(missing_docs)]

mod bytes;
mod citations;
mod entry;
mod export;
mod facets;
mod index;
mod map;
mod search;
mod segment;
mod tokens;

pub use bytes::FormatError;
pub use citations::IdMatch;
pub use entry::{
    date_of_day, days_since_epoch, minutes_since_epoch, station_of, Citation, Doc, Entry, Place,
};
pub use export::{export, export_header, export_rows, ExportFormat, EXPORT_FIELDS};
pub use facets::{DocSet, Facet, FacetCounts, Filter, FACETS};
pub use index::{
    snippet, Cited, Citing, Index, Order, Query, Results, Sizes, Snippet, INDEX_VERSION,
};
pub use map::{
    neighbourhood, AxisTick, CitationMap, MapEdge, MapLimits, MapNode, LANE_HEIGHT, MAP_WIDTH,
    NODE_WIDTH,
};
pub use search::{clauses, Clause, Hit};
pub use segment::{Segment, SegmentBuilder, SEGMENT_VERSION};
pub use tokens::{for_each_token, tokens, MAX_TERM_BYTES};
