//! A segment: a batch of cables indexed on its own ([`SegmentBuilder`]) and stored as bytes
//! ([`Segment`]).
//!
//! **Invariant: a segment depends on nothing outside its batch.** Its documents are numbered
//! from 0, its terms and postings are its own, and it holds its cables' texts; so the browser can
//! build one in each Web Worker and write it out before the next, and the index numbers its
//! documents by adding the segment's base.
//!
//! Stored form (inside the [`crate::bytes::frame`], magic `CBLSEGMT`, checked by CRC-32):
//! the number of cables; their [`Entry`]s; each cable's number of words; the rows skipped; the
//! term table (terms sorted by bytes, concatenated, with fixed-width offsets, and for each its
//! document frequency and where its postings start, so a term is found by binary search
//! without reading the table); the postings; each cable's text, deflated, with the byte ranges
//! that are searched.
//!
//! A term's postings, for each cable that has it, in document order: the document as a delta
//! from the one before (varint), the term's count in it, the byte length of its positions,
//! then the positions as deltas (varints). The byte length lets a word query skip positions
//! without reading them, and a phrase read only the positions of the cables it checks.

use std::collections::HashMap;

use crate::bytes::{frame, open_framed, read_varint, write_varint, FormatError, Reader, Writer};
use crate::entry::{Doc, Entry};
use crate::tokens::for_each_token;

const MAGIC: &[u8; 8] = b"CBLSEGMT";

/// The version of the stored form; a change to it makes old stores unreadable (they are built
/// again from the CSV), and is refused with [`FormatError::Version`].
pub const SEGMENT_VERSION: u32 = 1;

/// How hard texts are deflated: 6 is zlib's default, within a few per cent of 9 on cable text
/// and twice as fast.
const DEFLATE_LEVEL: u8 = 6;

/// A term's postings while a segment is built.
#[derive(Default)]
struct TermPostings {
    n_docs: u32,
    last_doc: u32,
    bytes: Vec<u8>,
}

/// Builds one segment from cables handed to it in order.
#[derive(Default)]
pub struct SegmentBuilder {
    entries: Vec<Entry>,
    lengths: Vec<u32>,
    skipped: Vec<(u32, u32)>,
    terms: HashMap<String, TermPostings>,
    texts: Vec<u8>,
    text_ends: Vec<u32>,
    /// The positions of each term of the cable being added, kept between cables to save
    /// allocations.
    scratch: HashMap<String, Vec<u32>>,
}

impl SegmentBuilder {
    /// An empty segment.
    pub fn new() -> SegmentBuilder {
        SegmentBuilder::default()
    }

    /// How many cables were added.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no cable was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes of text added so far, deflated: a measure for when to end a segment.
    pub fn stored_text_bytes(&self) -> usize {
        self.texts.len()
    }

    /// Notes `n_lines` lines from `line` on that are no record: they are reported, not indexed.
    pub fn skip(&mut self, line: u32, n_lines: u32) {
        self.skipped.push((line, n_lines));
    }

    /// Adds the next cable.
    pub fn push(&mut self, doc: Doc) {
        let doc_idx = self.entries.len() as u32;
        for positions in self.scratch.values_mut() {
            positions.clear();
        }
        let mut position = 0;
        for &(start, end) in &doc.searched {
            let Some(searched) = doc.text.get(start..end) else {
                continue;
            };
            let scratch = &mut self.scratch;
            position = for_each_token(searched, position, |term, at, _, _| {
                match scratch.get_mut(term) {
                    Some(positions) => positions.push(at),
                    None => {
                        scratch.insert(term.to_string(), vec![at]);
                    }
                }
            });
            // A gap between the header and the text, so no phrase runs across.
            position += 1;
        }
        let mut encoded_positions = Vec::new();
        for (term, positions) in &self.scratch {
            if positions.is_empty() {
                continue;
            }
            encoded_positions.clear();
            let mut previous = 0;
            for &at in positions {
                write_varint(&mut encoded_positions, u64::from(at - previous));
                previous = at;
            }
            let postings = match self.terms.get_mut(term.as_str()) {
                Some(postings) => postings,
                None => self.terms.entry(term.clone()).or_default(),
            };
            let delta = if postings.n_docs == 0 {
                doc_idx
            } else {
                doc_idx - postings.last_doc
            };
            write_varint(&mut postings.bytes, u64::from(delta));
            write_varint(&mut postings.bytes, positions.len() as u64);
            write_varint(&mut postings.bytes, encoded_positions.len() as u64);
            postings.bytes.extend_from_slice(&encoded_positions);
            postings.n_docs += 1;
            postings.last_doc = doc_idx;
        }
        // The scratch keeps only the terms of recent cables, so it does not grow with the
        // segment's vocabulary.
        if self.scratch.len() > 20_000 {
            self.scratch.clear();
        }
        self.lengths.push(position);
        let mut stored = Writer::default();
        stored.varint(doc.searched.len() as u64);
        for &(start, end) in &doc.searched {
            stored.varint(start as u64);
            stored.varint(end as u64);
        }
        stored.blob(&miniz_oxide::deflate::compress_to_vec(
            doc.text.as_bytes(),
            DEFLATE_LEVEL,
        ));
        self.texts.extend_from_slice(&stored.bytes);
        self.text_ends.push(self.texts.len() as u32);
        self.entries.push(doc.entry);
    }

    /// The segment, stored.
    pub fn finish(self) -> Segment {
        let mut writer = Writer::default();
        writer.varint(self.entries.len() as u64);
        let mut entries = Writer::default();
        for entry in &self.entries {
            entry.write(&mut entries);
        }
        writer.blob(&entries.bytes);
        for &length in &self.lengths {
            writer.varint(u64::from(length));
        }
        writer.varint(self.skipped.len() as u64);
        for &(line, n_lines) in &self.skipped {
            writer.varint(u64::from(line));
            writer.varint(u64::from(n_lines));
        }
        let mut terms: Vec<(String, TermPostings)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        writer.varint(terms.len() as u64);
        let mut term_bytes = Vec::new();
        let mut term_offsets = Writer::default();
        let mut term_meta = Writer::default();
        let mut postings = Vec::new();
        for (term, term_postings) in &terms {
            term_offsets.u32_fixed(term_bytes.len() as u32);
            term_bytes.extend_from_slice(term.as_bytes());
            term_meta.u32_fixed(term_postings.n_docs);
            term_meta.u32_fixed(postings.len() as u32);
            postings.extend_from_slice(&term_postings.bytes);
        }
        term_offsets.u32_fixed(term_bytes.len() as u32);
        term_meta.u32_fixed(0);
        term_meta.u32_fixed(postings.len() as u32);
        writer.blob(&term_bytes);
        writer.blob(&term_offsets.bytes);
        writer.blob(&term_meta.bytes);
        writer.blob(&postings);
        drop(terms);
        let mut text_ends = Writer::default();
        for &end in &self.text_ends {
            text_ends.u32_fixed(end);
        }
        writer.blob(&text_ends.bytes);
        writer.blob(&self.texts);
        let bytes = frame(MAGIC, SEGMENT_VERSION, &writer.bytes);
        drop(writer);
        // Read back what was just written: one code path for a built and a loaded segment.
        match Segment::from_bytes(bytes) {
            Ok(segment) => segment,
            // Unreachable: the bytes were written above. An empty segment keeps it total.
            Err(_) => Segment::empty(),
        }
    }
}

/// Where each part of a segment is in its bytes.
#[derive(Debug, Clone, Default)]
struct Layout {
    term_bytes: (usize, usize),
    term_offsets: (usize, usize),
    term_meta: (usize, usize),
    postings: (usize, usize),
    text_ends: (usize, usize),
    texts: (usize, usize),
}

/// One segment, held as its stored bytes; its columns read out.
#[derive(Debug, Clone)]
pub struct Segment {
    bytes: Vec<u8>,
    /// Where the content starts in `bytes` (after the frame's header).
    content_start: usize,
    layout: Layout,
    n_terms: usize,
    entries: Vec<Entry>,
    lengths: Vec<u32>,
    skipped: Vec<(u32, u32)>,
}

/// One cable's entry in a term's postings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting<'a> {
    pub(crate) doc: u32,
    pub(crate) count: u32,
    /// The positions, delta-coded; read with [`positions`].
    pub(crate) positions: &'a [u8],
}

/// Reads a term's postings in document order.
pub(crate) struct Postings<'a> {
    bytes: &'a [u8],
    doc: u32,
    first: bool,
}

impl<'a> Iterator for Postings<'a> {
    type Item = Posting<'a>;

    fn next(&mut self) -> Option<Posting<'a>> {
        let (delta, len) = read_varint(self.bytes)?;
        let (count, count_len) = read_varint(self.bytes.get(len..)?)?;
        let (n_bytes, n_len) = read_varint(self.bytes.get(len + count_len..)?)?;
        let start = len + count_len + n_len;
        let end = start.checked_add(usize::try_from(n_bytes).ok()?)?;
        let positions = self.bytes.get(start..end)?;
        self.bytes = self.bytes.get(end..)?;
        self.doc = if self.first {
            delta as u32
        } else {
            self.doc.checked_add(u32::try_from(delta).ok()?)?
        };
        self.first = false;
        Some(Posting {
            doc: self.doc,
            count: count as u32,
            positions,
        })
    }
}

/// The positions of a posting, in order.
pub(crate) fn positions(mut bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut position = 0u32;
    std::iter::from_fn(move || {
        let (delta, len) = read_varint(bytes)?;
        bytes = bytes.get(len..)?;
        position = position.checked_add(u32::try_from(delta).ok()?)?;
        Some(position)
    })
}

impl Segment {
    fn empty() -> Segment {
        Segment {
            bytes: Vec::new(),
            content_start: 0,
            layout: Layout::default(),
            n_terms: 0,
            entries: Vec::new(),
            lengths: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Reads a stored segment, checking its frame (magic, version, length, CRC-32) first.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Segment, FormatError> {
        let (content, rest) = open_framed(&bytes, MAGIC, SEGMENT_VERSION)?;
        if !rest.is_empty() {
            return Err(FormatError::Length {
                declared: content.len() as u64,
                actual: (content.len() + rest.len()) as u64,
            });
        }
        let content_start = bytes.len() - content.len();
        let mut reader = Reader::new(content);
        let n_docs = reader.count()?;
        let mut entries_reader = Reader::new(reader.blob()?);
        let mut entries = Vec::with_capacity(n_docs);
        for _ in 0..n_docs {
            entries.push(Entry::read(&mut entries_reader)?);
        }
        let mut lengths = Vec::with_capacity(n_docs);
        for _ in 0..n_docs {
            lengths.push(reader.u32()?);
        }
        let n_skipped = reader.count()?;
        let mut skipped = Vec::with_capacity(n_skipped);
        for _ in 0..n_skipped {
            skipped.push((reader.u32()?, reader.u32()?));
        }
        let n_terms = reader.count()?;
        let range = |reader: &mut Reader<'_>| -> Result<(usize, usize), FormatError> {
            let blob = reader.blob()?;
            let start = blob.as_ptr() as usize - content.as_ptr() as usize;
            Ok((start, start + blob.len()))
        };
        let layout = Layout {
            term_bytes: range(&mut reader)?,
            term_offsets: range(&mut reader)?,
            term_meta: range(&mut reader)?,
            postings: range(&mut reader)?,
            text_ends: range(&mut reader)?,
            texts: range(&mut reader)?,
        };
        let sized = |(start, end): (usize, usize), len: usize| end - start == len;
        if !sized(layout.term_offsets, 4 * (n_terms + 1))
            || !sized(layout.term_meta, 8 * (n_terms + 1))
            || !sized(layout.text_ends, 4 * n_docs)
            || !reader.is_empty()
        {
            return Err(FormatError::Malformed(
                "the term table or text table is out of shape",
            ));
        }
        Ok(Segment {
            bytes,
            content_start,
            layout,
            n_terms,
            entries,
            lengths,
            skipped,
        })
    }

    /// The stored form, as [`Segment::from_bytes`] reads it.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// How many cables it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no cable.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Its cables' columns, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The stretches of lines that were no record: (first line, number of lines).
    pub fn skipped(&self) -> &[(u32, u32)] {
        &self.skipped
    }

    /// How many distinct terms it has.
    pub fn n_terms(&self) -> usize {
        self.n_terms
    }

    /// Each cable's number of words (positions).
    pub(crate) fn lengths(&self) -> &[u32] {
        &self.lengths
    }

    /// The bytes of the segment's content at `range`.
    fn part(&self, (start, end): (usize, usize)) -> &[u8] {
        self.bytes
            .get(self.content_start + start..self.content_start + end)
            .unwrap_or_default()
    }

    fn fixed_u32(&self, part: (usize, usize), idx: usize) -> Option<u32> {
        let bytes = self.part(part).get(4 * idx..4 * idx + 4)?;
        let mut array = [0; 4];
        array.copy_from_slice(bytes);
        Some(u32::from_le_bytes(array))
    }

    fn term(&self, idx: usize) -> Option<&[u8]> {
        let start = self.fixed_u32(self.layout.term_offsets, idx)? as usize;
        let end = self.fixed_u32(self.layout.term_offsets, idx + 1)? as usize;
        self.part(self.layout.term_bytes).get(start..end)
    }

    /// The term's index in the table, by binary search.
    fn find(&self, term: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.n_terms);
        while low < high {
            let middle = low + (high - low) / 2;
            match self.term(middle)?.cmp(term.as_bytes()) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }

    /// How many of its cables have `term`.
    pub(crate) fn document_frequency(&self, term: &str) -> u32 {
        self.find(term)
            .and_then(|idx| self.fixed_u32(self.layout.term_meta, 2 * idx))
            .unwrap_or(0)
    }

    /// The postings of `term` (none when it has no such term).
    pub(crate) fn postings(&self, term: &str) -> Postings<'_> {
        let bytes = self
            .find(term)
            .and_then(|idx| {
                let start = self.fixed_u32(self.layout.term_meta, 2 * idx + 1)? as usize;
                let end = self.fixed_u32(self.layout.term_meta, 2 * idx + 3)? as usize;
                self.part(self.layout.postings).get(start..end)
            })
            .unwrap_or_default();
        Postings {
            bytes,
            doc: 0,
            first: true,
        }
    }

    /// The text kept for cable `doc` and the byte ranges of it that are searched.
    pub fn text(&self, doc: usize) -> Result<(String, Vec<(usize, usize)>), FormatError> {
        let start = match doc {
            0 => 0,
            _ => self.fixed_u32(self.layout.text_ends, doc - 1).unwrap_or(0) as usize,
        };
        let end = self
            .fixed_u32(self.layout.text_ends, doc)
            .ok_or(FormatError::Malformed("no such cable in the segment"))?
            as usize;
        let stored = self
            .part(self.layout.texts)
            .get(start..end)
            .ok_or(FormatError::Malformed("a text's place is out of bounds"))?;
        let mut reader = Reader::new(stored);
        let n_ranges = reader.count()?;
        let mut searched = Vec::with_capacity(n_ranges);
        for _ in 0..n_ranges {
            let range_start = reader.varint()? as usize;
            let range_end = reader.varint()? as usize;
            searched.push((range_start, range_end));
        }
        let deflated = reader.blob()?;
        let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, 1 << 30)
            .map_err(|_| FormatError::Malformed("a text does not inflate"))?;
        let text = String::from_utf8(inflated)
            .map_err(|_| FormatError::Malformed("a text is not UTF-8"))?;
        Ok((text, searched))
    }

    /// Bytes of the stored form taken by the texts (deflated).
    pub fn text_bytes(&self) -> usize {
        self.layout.texts.1 - self.layout.texts.0
    }

    /// Bytes of the stored form taken by the term table and the postings.
    pub fn search_bytes(&self) -> usize {
        let span = |(start, end): (usize, usize)| end - start;
        span(self.layout.term_bytes)
            + span(self.layout.term_offsets)
            + span(self.layout.term_meta)
            + span(self.layout.postings)
    }
}
