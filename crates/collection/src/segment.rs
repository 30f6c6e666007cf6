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
//! without reading the table); the postings; for each cable, where its text is (block, start,
//! length) and the byte ranges of it that are searched; the texts, one after the other,
//! deflated in blocks of about 64 KB, and where each block ends.
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

/// How hard texts are deflated: on the bulk file level 3 stores 4 % more than zlib's default 6
/// and takes half the time (0.80 s against 1.44 s to index 8 MB on one core).
const DEFLATE_LEVEL: u8 = 3;

/// Texts are deflated in blocks of about this many bytes: cables repeat one another's header
/// lines and vocabulary, so a block of a dozen deflates far better than each alone (measured
/// on the bulk file: 2.2 times smaller alone, 3 times in 64 KB blocks), and a text is still
/// read by inflating one block (a fraction of a millisecond).
const TEXT_BLOCK: usize = 64 * 1024;

/// A term's postings while a segment is built.
#[derive(Default)]
struct TermPostings {
    n_docs: u32,
    last_doc: u32,
    bytes: Vec<u8>,
}

/// Builds one segment from cables handed to it in order.
///
/// A segment's parts are addressed with 32-bit offsets: keep a segment to a batch of records
/// of some megabytes (`cable index` uses about 8 MB), far below 4 GB of postings or texts.
#[derive(Default)]
pub struct SegmentBuilder {
    entries: Vec<Entry>,
    lengths: Vec<u32>,
    skipped: Vec<(u32, u32)>,
    /// Each term's number: its place in `postings`.
    term_ids: HashMap<String, u32>,
    postings: Vec<TermPostings>,
    /// The text block being filled, not yet deflated.
    block: Vec<u8>,
    /// The deflated blocks, one after the other, and where each ends.
    blocks: Vec<u8>,
    block_ends: Vec<u32>,
    /// For each cable: its block, where its text starts in it and its length, and the ranges
    /// searched (varints).
    doc_texts: Writer,
    /// The cable being added's terms and positions, kept between cables to save allocations.
    doc_terms: Vec<(u32, u32)>,
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

    /// Notes `n_lines` lines from `line` on that are no record: they are reported, not indexed.
    pub fn skip(&mut self, line: u32, n_lines: u32) {
        self.skipped.push((line, n_lines));
    }

    /// Adds the next cable.
    pub fn push(&mut self, doc: Doc) {
        let doc_idx = self.entries.len() as u32;
        self.doc_terms.clear();
        let mut position = 0;
        for &(start, end) in &doc.searched {
            let Some(searched) = doc.text.get(start..end) else {
                continue;
            };
            let (term_ids, postings, doc_terms) =
                (&mut self.term_ids, &mut self.postings, &mut self.doc_terms);
            position = for_each_token(searched, position, |term, at, _, _| {
                let id = match term_ids.get(term) {
                    Some(&id) => id,
                    None => {
                        let id = postings.len() as u32;
                        term_ids.insert(term.to_string(), id);
                        postings.push(TermPostings::default());
                        id
                    }
                };
                doc_terms.push((id, at));
            });
            // A gap between the header and the text, so no phrase runs across.
            position += 1;
        }
        // By term, then position: each term's positions together and in order.
        self.doc_terms.sort_unstable();
        let mut encoded_positions = Vec::new();
        let mut at = 0;
        while let Some(&(term, _)) = self.doc_terms.get(at) {
            let n_same = self
                .doc_terms
                .get(at..)
                .unwrap_or_default()
                .iter()
                .take_while(|(other, _)| *other == term)
                .count();
            encoded_positions.clear();
            let mut previous = 0;
            for &(_, position) in self.doc_terms.get(at..at + n_same).unwrap_or_default() {
                write_varint(&mut encoded_positions, u64::from(position - previous));
                previous = position;
            }
            at += n_same;
            let Some(postings) = self.postings.get_mut(term as usize) else {
                continue;
            };
            let delta = if postings.n_docs == 0 {
                doc_idx
            } else {
                doc_idx - postings.last_doc
            };
            write_varint(&mut postings.bytes, u64::from(delta));
            write_varint(&mut postings.bytes, n_same as u64);
            write_varint(&mut postings.bytes, encoded_positions.len() as u64);
            postings.bytes.extend_from_slice(&encoded_positions);
            postings.n_docs += 1;
            postings.last_doc = doc_idx;
        }
        self.lengths.push(position);
        self.doc_texts.varint(self.block_ends.len() as u64);
        self.doc_texts.varint(self.block.len() as u64);
        self.doc_texts.varint(doc.text.len() as u64);
        self.doc_texts.varint(doc.searched.len() as u64);
        for &(start, end) in &doc.searched {
            self.doc_texts.varint(start as u64);
            self.doc_texts.varint(end as u64);
        }
        self.block.extend_from_slice(doc.text.as_bytes());
        if self.block.len() >= TEXT_BLOCK {
            self.end_block();
        }
        self.entries.push(doc.entry);
    }

    /// Deflates the block being filled.
    fn end_block(&mut self) {
        if self.block.is_empty() {
            return;
        }
        let deflated = miniz_oxide::deflate::compress_to_vec(&self.block, DEFLATE_LEVEL);
        self.blocks.extend_from_slice(&deflated);
        self.block_ends.push(self.blocks.len() as u32);
        self.block.clear();
    }

    /// The segment, stored.
    pub fn finish(mut self) -> Segment {
        self.end_block();
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
        let mut terms: Vec<(String, u32)> = self.term_ids.into_iter().collect();
        terms.sort_unstable();
        writer.varint(terms.len() as u64);
        let mut term_bytes = Vec::new();
        let mut term_offsets = Writer::default();
        let mut term_meta = Writer::default();
        let mut postings = Vec::new();
        for (term, id) in &terms {
            let Some(term_postings) = self.postings.get(*id as usize) else {
                continue;
            };
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
        drop(self.postings);
        writer.blob(&self.doc_texts.bytes);
        let mut block_ends = Writer::default();
        for &end in &self.block_ends {
            block_ends.u32_fixed(end);
        }
        writer.blob(&block_ends.bytes);
        writer.blob(&self.blocks);
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

/// Where a cable's text is kept.
#[derive(Debug, Clone, Default)]
struct TextPlace {
    block: u32,
    start: u32,
    len: u32,
    searched: Vec<(usize, usize)>,
}

/// Where each part of a segment is in its bytes.
#[derive(Debug, Clone, Default)]
struct Layout {
    term_bytes: (usize, usize),
    term_offsets: (usize, usize),
    term_meta: (usize, usize),
    postings: (usize, usize),
    block_ends: (usize, usize),
    blocks: (usize, usize),
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
    texts: Vec<TextPlace>,
    n_blocks: usize,
    /// The stored form's length and CRC-32, as the manifest names them (kept when the texts
    /// are released).
    stored_len: usize,
    stored_crc: u32,
    /// Whether `bytes` still holds the text blocks.
    holds_texts: bool,
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
            texts: Vec::new(),
            n_blocks: 0,
            stored_len: 0,
            stored_crc: 0,
            holds_texts: true,
        }
    }

    /// Reads a stored segment, checking its frame (magic, version, length, CRC-32) first.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Segment, FormatError> {
        let mut segment = Segment::read(&bytes)?;
        segment.bytes = bytes;
        Ok(segment)
    }

    /// Reads a stored segment as [`Segment::from_bytes`] does, checked whole, but keeps a copy
    /// of all but its text blocks, as if [`Segment::release_texts`] had been called: the
    /// caller's buffer can be used again for the next segment. (A segment read whole, then
    /// released, leaves behind the hole its text blocks took; in wasm32, whose memory never
    /// shrinks, two hundred such holes at the scale were about 0.4 GB of a tab.)
    pub fn from_bytes_without_texts(stored: &[u8]) -> Result<Segment, FormatError> {
        let mut segment = Segment::read(stored)?;
        let kept = segment.content_start + segment.layout.blocks.0;
        segment.bytes = stored
            .get(..kept)
            .ok_or(FormatError::Malformed(
                "the text blocks are out of the segment",
            ))?
            .to_vec();
        segment.holds_texts = false;
        Ok(segment)
    }

    /// Reads a stored segment's tables from `bytes`, leaving the segment's own copy of them
    /// (`bytes`) for the caller to fill.
    fn read(bytes: &[u8]) -> Result<Segment, FormatError> {
        let (content, rest) = open_framed(bytes, MAGIC, SEGMENT_VERSION)?;
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
            block_ends: (0, 0),
            blocks: (0, 0),
        };
        let mut doc_texts = Reader::new(reader.blob()?);
        let mut texts = Vec::with_capacity(n_docs);
        for _ in 0..n_docs {
            let block = doc_texts.u32()?;
            let start = doc_texts.u32()?;
            let len = doc_texts.u32()?;
            let n_ranges = doc_texts.count()?;
            let mut searched = Vec::with_capacity(n_ranges);
            for _ in 0..n_ranges {
                let range_start = doc_texts.u32()? as usize;
                let range_end = doc_texts.u32()? as usize;
                if range_start > range_end || range_end > len as usize {
                    return Err(FormatError::Malformed(
                        "a searched range is out of its text",
                    ));
                }
                searched.push((range_start, range_end));
            }
            texts.push(TextPlace {
                block,
                start,
                len,
                searched,
            });
        }
        let layout = Layout {
            block_ends: range(&mut reader)?,
            blocks: range(&mut reader)?,
            ..layout
        };
        let n_blocks = (layout.block_ends.1 - layout.block_ends.0) / 4;
        let sized = |(start, end): (usize, usize), len: usize| end - start == len;
        if !sized(layout.term_offsets, 4 * (n_terms + 1))
            || !sized(layout.term_meta, 8 * (n_terms + 1))
            || !sized(layout.block_ends, 4 * n_blocks)
            || !reader.is_empty()
        {
            return Err(FormatError::Malformed(
                "the term table or text table is out of shape",
            ));
        }
        Ok(Segment {
            content_start,
            layout,
            n_terms,
            entries,
            lengths,
            skipped,
            texts,
            n_blocks,
            stored_len: bytes.len(),
            stored_crc: crc32fast::hash(bytes),
            holds_texts: true,
            bytes: Vec::new(),
        })
    }

    /// The stored form, as [`Segment::from_bytes`] reads it; `None` once the texts were
    /// released ([`Segment::release_texts`]).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        self.holds_texts.then_some(self.bytes.as_slice())
    }

    /// The stored form's length in bytes.
    pub fn stored_len(&self) -> usize {
        self.stored_len
    }

    /// The stored form's CRC-32.
    pub fn stored_crc(&self) -> u32 {
        self.stored_crc
    }

    /// Lets go of the text blocks, which the stored form keeps last: the segment still
    /// answers searches, facets and citations, and a text is read from its block's bytes
    /// ([`Segment::text_block`], [`Segment::text_in_block`]), fetched from wherever the stored
    /// form is kept. At full scale the blocks are 0.37 times the records' size, which a tab
    /// cannot spare.
    pub fn release_texts(&mut self) {
        if self.holds_texts {
            self.bytes
                .truncate(self.content_start + self.layout.blocks.0);
            self.bytes.shrink_to_fit();
            self.holds_texts = false;
        }
    }

    /// Whether the text blocks are held.
    pub fn holds_texts(&self) -> bool {
        self.holds_texts
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
        let (start, end) = self
            .text_block(doc)
            .ok_or(FormatError::Malformed("a text's block is out of bounds"))?;
        if !self.holds_texts {
            return Err(FormatError::TextsReleased);
        }
        let deflated = self
            .bytes
            .get(start..end)
            .ok_or(FormatError::Malformed("a text block is out of bounds"))?;
        self.text_in_block(doc, deflated)
    }

    /// Where the deflated block holding cable `doc`'s text is in the stored form (bytes).
    pub fn text_block(&self, doc: usize) -> Option<(usize, usize)> {
        let block = self.texts.get(doc)?.block as usize;
        if block >= self.n_blocks {
            return None;
        }
        let start = match block {
            0 => 0,
            _ => self.fixed_u32(self.layout.block_ends, block - 1)? as usize,
        };
        let end = self.fixed_u32(self.layout.block_ends, block)? as usize;
        let blocks_at = self.content_start + self.layout.blocks.0;
        (start <= end && self.layout.blocks.0 + end <= self.layout.blocks.1)
            .then_some((blocks_at + start, blocks_at + end))
    }

    /// Cable `doc`'s text and the ranges of it searched, read from its deflated block: the
    /// bytes of the stored form at [`Segment::text_block`].
    pub fn text_in_block(
        &self,
        doc: usize,
        deflated: &[u8],
    ) -> Result<(String, Vec<(usize, usize)>), FormatError> {
        let place = self
            .texts
            .get(doc)
            .ok_or(FormatError::Malformed("no such cable in the segment"))?;
        let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, 1 << 30)
            .map_err(|_| FormatError::Malformed("a text block does not inflate"))?;
        let text_start = place.start as usize;
        let text = inflated
            .get(text_start..text_start + place.len as usize)
            .ok_or(FormatError::Malformed("a text is out of its block"))?;
        let text = String::from_utf8(text.to_vec())
            .map_err(|_| FormatError::Malformed("a text is not UTF-8"))?;
        Ok((text, place.searched.clone()))
    }

    /// Bytes of the stored form taken by the texts (deflated) and where each is.
    pub fn text_bytes(&self) -> usize {
        let span = |(start, end): (usize, usize)| end - start;
        span(self.layout.blocks) + span(self.layout.block_ends)
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
