//! The index: segments merged into one collection, and every question asked of it.
//!
//! Merging keeps each segment's bytes as they are (its postings and texts are not rewritten)
//! and derives from their entries what needs the whole collection: cable numbers (a segment's
//! base plus its own), the facet tables, the ID table and citation graph, the average length
//! for BM25. **Invariant: cables keep the order they were given in** (the file's order), across
//! segments and within each, and cable `n` is the `n`-th given.
//!
//! Stored form: a manifest (magic `CBLINDEX`, [`INDEX_VERSION`], CRC-32) naming how many
//! segments follow and each one's length and CRC-32, then the segments' own stored forms. The
//! browser can keep the manifest and each segment as files of their own ([`Index::manifest`],
//! [`Index::from_parts`]); [`Index::to_bytes`] writes them one after the other.

use crate::bytes::{frame, open_framed, FormatError, Reader, Writer};
use crate::citations::{recognise, Graph, IdMatch};
use crate::entry::{Entry, Place};
use crate::facets::{DocSet, FacetCounts, Facets, Filter};
use crate::search::{clauses, marks, matches, Clause, Corpus, Hit};
use crate::segment::Segment;

const MAGIC: &[u8; 8] = b"CBLINDEX";

/// The version of the manifest's stored form.
pub const INDEX_VERSION: u32 = 1;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Highest BM25 score first; ties in the collection's order.
    #[default]
    Relevance,
    /// Newest first; cables without a date last; ties in the collection's order.
    Date,
}

/// A search: words and phrases, facet values, an order and how many hits to return.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Words and `"quoted phrases"`; cable IDs in it are recognised and not searched as words.
    pub text: String,
    /// Facet values the hits must have.
    pub filter: Filter,
    /// How hits are ordered.
    pub order: Order,
    /// How many hits to return (all matches are counted).
    pub limit: usize,
    /// The year IDs written without one (`OTTAWA 372`) are read in.
    pub year: Option<u16>,
}

/// What a search found.
#[derive(Debug, Clone)]
pub struct Results {
    /// How many cables match.
    pub n_matches: usize,
    /// The first `limit` of them, in the order asked for.
    pub hits: Vec<Hit>,
    /// Every cable that matches, for facet counts under the search.
    pub matching: DocSet,
    /// The words and phrases searched for.
    pub clauses: Vec<Clause>,
    /// The cable IDs written in the query.
    pub ids: Vec<IdMatch>,
}

/// A stretch of a cable's text to show for a hit, and the words in it to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The cable's text, as kept.
    pub text: String,
    /// Bytes of `text` to show: up to 300 around the first mark, between words.
    pub window: (usize, usize),
    /// Bytes of `text` of every word matched, in order (those outside the window included).
    pub marks: Vec<(usize, usize)>,
}

/// One citation of a cable, from the citing side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The cited cable's canonical ID.
    pub id: String,
    /// The collection's first cable with that ID; `None`: not in this collection.
    pub doc: Option<u32>,
    /// Where the citing cable cites it.
    pub place: Place,
}

/// One citation of an ID, from the cited side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citing {
    /// The citing cable.
    pub doc: u32,
    /// Where it cites the ID.
    pub place: Place,
}

/// How the stored form's bytes divide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Every byte of [`Index::to_bytes`].
    pub total: usize,
    /// The texts, deflated.
    pub texts: usize,
    /// Term tables and postings.
    pub search: usize,
}

/// A collection of cables, indexed.
#[derive(Debug, Clone, Default)]
pub struct Index {
    segments: Vec<Segment>,
    bases: Vec<u32>,
    n_docs: usize,
    facets: Facets,
    graph: Graph,
    average_length: f64,
}

impl Index {
    /// Merges segments, in the order given, into one collection.
    pub fn build(segments: Vec<Segment>) -> Index {
        let mut bases = Vec::with_capacity(segments.len());
        let mut n_docs = 0usize;
        let mut total_length = 0u64;
        for segment in &segments {
            bases.push(n_docs as u32);
            n_docs += segment.len();
            total_length += segment.lengths().iter().map(|&n| u64::from(n)).sum::<u64>();
        }
        let entries = segments.iter().flat_map(|segment| segment.entries().iter());
        Index {
            facets: Facets::build(entries.clone()),
            graph: Graph::build(entries),
            average_length: if n_docs == 0 {
                0.0
            } else {
                total_length as f64 / n_docs as f64
            },
            segments,
            bases,
            n_docs,
        }
    }

    /// The manifest: how many segments, each one's length and CRC-32.
    pub fn manifest(&self) -> Vec<u8> {
        let mut writer = Writer::default();
        writer.varint(self.segments.len() as u64);
        for segment in &self.segments {
            writer.varint(segment.stored_len() as u64);
            writer.u32_fixed(segment.stored_crc());
        }
        frame(MAGIC, INDEX_VERSION, &writer.bytes)
    }

    /// The segments' stored forms, in order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The manifest, then every segment: all of the collection in one piece; `None` when a
    /// segment's texts were released (write each segment as it is built instead).
    pub fn to_bytes(&self) -> Option<Vec<u8>> {
        let mut bytes = self.manifest();
        for segment in &self.segments {
            bytes.extend_from_slice(segment.as_bytes()?);
        }
        Some(bytes)
    }

    /// Lets go of every segment's text blocks ([`Segment::release_texts`]): texts are then read
    /// with [`Index::text_block`] and [`Index::text_in_block`].
    pub fn release_texts(&mut self) {
        for segment in &mut self.segments {
            segment.release_texts();
        }
    }

    /// Reads what [`Index::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, FormatError> {
        let (declared, mut rest) = read_manifest(bytes)?;
        let mut segments = Vec::with_capacity(declared.len());
        for (len, _) in &declared {
            let available = rest.len() as u64;
            let segment = rest.get(..*len).ok_or(FormatError::Length {
                declared: *len as u64,
                actual: available,
            })?;
            rest = rest.get(*len..).unwrap_or_default();
            segments.push(segment.to_vec());
        }
        if !rest.is_empty() {
            return Err(FormatError::Malformed("bytes follow the last segment"));
        }
        Index::from_parts(bytes, segments)
    }

    /// Reads a manifest and the segments it names, each stored apart.
    pub fn from_parts(manifest: &[u8], segments: Vec<Vec<u8>>) -> Result<Index, FormatError> {
        let (declared, _) = read_manifest(manifest)?;
        if declared.len() != segments.len() {
            return Err(FormatError::Malformed(
                "the manifest names another number of segments",
            ));
        }
        let mut read = Vec::with_capacity(segments.len());
        for ((len, crc), bytes) in declared.into_iter().zip(segments) {
            if bytes.len() != len {
                return Err(FormatError::Length {
                    declared: len as u64,
                    actual: bytes.len() as u64,
                });
            }
            if crc32fast::hash(&bytes) != crc {
                return Err(FormatError::Checksum);
            }
            read.push(Segment::from_bytes(bytes)?);
        }
        Ok(Index::build(read))
    }

    /// How many cables it holds.
    pub fn len(&self) -> usize {
        self.n_docs
    }

    /// Whether it holds no cable.
    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    /// The segment of cable `doc` and its number there.
    fn locate(&self, doc: u32) -> Option<(&Segment, usize)> {
        if doc as usize >= self.n_docs {
            return None;
        }
        let idx = self
            .bases
            .partition_point(|&base| base <= doc)
            .checked_sub(1)?;
        let segment = self.segments.get(idx)?;
        let base = self.bases.get(idx)?;
        Some((segment, (doc - base) as usize))
    }

    /// The columns of cable `doc`.
    pub fn entry(&self, doc: u32) -> Option<&Entry> {
        let (segment, local) = self.locate(doc)?;
        segment.entries().get(local)
    }

    /// Every cable's columns, in order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.segments
            .iter()
            .flat_map(|segment| segment.entries().iter())
    }

    /// The text kept for cable `doc` and the byte ranges of it that are searched.
    pub fn text(&self, doc: u32) -> Result<(String, Vec<(usize, usize)>), FormatError> {
        let (segment, local) = self
            .locate(doc)
            .ok_or(FormatError::Malformed("no such cable"))?;
        segment.text(local)
    }

    /// Where cable `doc`'s deflated text block is: the segment's number and the bytes of its
    /// stored form.
    pub fn text_block(&self, doc: u32) -> Option<(usize, (usize, usize))> {
        let (segment, local) = self.locate(doc)?;
        let idx = self
            .bases
            .partition_point(|&base| base <= doc)
            .checked_sub(1)?;
        Some((idx, segment.text_block(local)?))
    }

    /// Cable `doc`'s text read from its deflated block (the bytes at [`Index::text_block`]).
    pub fn text_in_block(
        &self,
        doc: u32,
        deflated: &[u8],
    ) -> Result<(String, Vec<(usize, usize)>), FormatError> {
        let (segment, local) = self
            .locate(doc)
            .ok_or(FormatError::Malformed("no such cable"))?;
        segment.text_in_block(local, deflated)
    }

    /// The stretches of lines that were no record, over every segment: (first line, lines).
    pub fn skipped(&self) -> Vec<(u32, u32)> {
        self.segments
            .iter()
            .flat_map(|segment| segment.skipped().iter().copied())
            .collect()
    }

    /// The cables that pass `filter`.
    pub fn passing(&self, filter: &Filter) -> DocSet {
        self.facets
            .passing(filter, None)
            .unwrap_or_else(|| DocSet::full(self.n_docs))
    }

    /// Each facet's values with their counts under `filter`, among `within` (a search's
    /// matches) when given.
    pub fn facet_counts(&self, filter: &Filter, within: Option<&DocSet>) -> Vec<FacetCounts> {
        self.facets.counts(filter, within)
    }

    /// The cables that have `value` of `facet`, in order.
    pub fn facet_docs(&self, facet: crate::facets::Facet, value: &str) -> &[u32] {
        self.facets.docs(facet, value)
    }

    /// Searches: the query's words and phrases (all must match), its IDs recognised, its facet
    /// values applied.
    pub fn search(&self, query: &Query) -> Results {
        let ids = recognise(&query.text, query.year, &self.graph);
        let skip: Vec<std::ops::Range<usize>> = ids.iter().map(|id| id.range.clone()).collect();
        let clauses = clauses(&query.text, &skip);
        let passing = self.facets.passing(&query.filter, None);
        let allowed = |doc: u32| passing.as_ref().is_none_or(|set| set.contains(doc));
        let mut hits = if clauses.is_empty() {
            (0..self.n_docs as u32)
                .filter(|&doc| allowed(doc))
                .map(|doc| Hit { doc, score: 0.0 })
                .collect()
        } else {
            let corpus = Corpus {
                segments: &self.segments,
                bases: &self.bases,
                n_docs: self.n_docs,
                average_length: self.average_length,
            };
            matches(&corpus, &clauses, &allowed)
        };
        let mut matching = DocSet::empty(self.n_docs);
        for hit in &hits {
            matching.insert(hit.doc);
        }
        let n_matches = hits.len();
        let date = |doc: u32| self.entry(doc).and_then(|entry| entry.date);
        let compare = |a: &Hit, b: &Hit| match query.order {
            Order::Relevance => b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)),
            Order::Date => match (date(a.doc), date(b.doc)) {
                (Some(a_date), Some(b_date)) => b_date.cmp(&a_date),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then(a.doc.cmp(&b.doc)),
        };
        // Only the hits returned are sorted: the rest are counted.
        if query.limit < hits.len() {
            if query.limit > 0 {
                hits.select_nth_unstable_by(query.limit - 1, compare);
            }
            hits.truncate(query.limit);
        }
        hits.sort_unstable_by(compare);
        Results {
            n_matches,
            hits,
            matching,
            clauses,
            ids,
        }
    }

    /// The snippet of cable `doc` for a search's clauses.
    pub fn snippet(&self, doc: u32, clauses: &[Clause]) -> Result<Snippet, FormatError> {
        let (text, searched) = self.text(doc)?;
        Ok(snippet(text, &searched, clauses))
    }

    /// The cable IDs written in `text` that the collection knows, read as [`Query::year`] says.
    pub fn recognise_ids(&self, text: &str, year: Option<u16>) -> Vec<IdMatch> {
        recognise(text, year, &self.graph)
    }

    /// Every cable of the collection with canonical ID `id`, in order.
    pub fn docs_with_id(&self, id: &str) -> Vec<u32> {
        self.graph.docs(id)
    }

    /// What cable `doc` cites, in its text's order, each resolved to the collection.
    pub fn cites(&self, doc: u32) -> Vec<Cited> {
        self.graph
            .cites(doc)
            .iter()
            .map(|edge| {
                let id = self.graph.name(edge.cited).to_string();
                Cited {
                    doc: self.graph.first_doc(&id),
                    id,
                    place: edge.place,
                }
            })
            .collect()
    }

    /// The cables that cite `id` (canonical), by citing cable, each citation with its place.
    pub fn cited_by(&self, id: &str) -> Vec<Citing> {
        self.graph
            .cited_by(id)
            .into_iter()
            .map(|edge| Citing {
                doc: edge.citing,
                place: edge.place,
            })
            .collect()
    }

    /// The IDs most cited (by distinct cables) that no cable of the collection has.
    pub fn most_cited_missing(&self, limit: usize) -> Vec<(String, u32)> {
        self.graph.most_cited_missing(limit)
    }

    /// How the stored form's bytes divide.
    pub fn sizes(&self) -> Sizes {
        Sizes {
            total: self.manifest().len()
                + self.segments.iter().map(Segment::stored_len).sum::<usize>(),
            texts: self.segments.iter().map(Segment::text_bytes).sum(),
            search: self.segments.iter().map(Segment::search_bytes).sum(),
        }
    }
}

/// The snippet of a text (as [`Index::text`] or [`Index::text_in_block`] give it) for a
/// search's clauses.
pub fn snippet(text: String, searched: &[(usize, usize)], clauses: &[Clause]) -> Snippet {
    let marks = marks(&text, searched, clauses);
    let center = marks
        .first()
        .map(|&(start, _)| start)
        .or_else(|| searched.first().map(|&(start, _)| start))
        .unwrap_or(0);
    let mut start = center.saturating_sub(100);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    // The window starts and ends between words, where the text allows.
    if start > 0 {
        if let Some(blank) = text
            .get(start..center)
            .and_then(|before| before.find(char::is_whitespace))
        {
            start += blank;
        }
    }
    let mut end = (center + 200).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        if let Some(blank) = text
            .get(center..end)
            .and_then(|after| after.rfind(char::is_whitespace))
        {
            end = center + blank;
        }
    }
    Snippet {
        text,
        window: (start, end),
        marks,
    }
}

/// A segment as its manifest names it: length and CRC-32.
type Declared = (usize, u32);

/// The segments a manifest names, and the bytes after it.
fn read_manifest(bytes: &[u8]) -> Result<(Vec<Declared>, &[u8]), FormatError> {
    let (content, rest) = open_framed(bytes, MAGIC, INDEX_VERSION)?;
    let mut reader = Reader::new(content);
    let n_segments = reader.count()?;
    let mut declared = Vec::with_capacity(n_segments);
    for _ in 0..n_segments {
        let len = usize::try_from(reader.varint()?)
            .map_err(|_| FormatError::Malformed("a segment's length is too large"))?;
        declared.push((len, reader.u32_fixed()?));
    }
    if !reader.is_empty() {
        return Err(FormatError::Malformed("the manifest has bytes left over"));
    }
    Ok((declared, rest))
}
