//! A whole `cables.csv` cut into records as its bytes arrive, with no I/O of its own: the command
//! line pushes what it reads from a file, the page what a `File.stream()` hands it, and both get
//! the same records and the same stretches passed over.
//!
//! Memory stays bounded however long the input: the splitter holds the record it is reading and
//! what was pushed after it, and drops what it handed on once that is half of what it holds.
//! Each record is looked for again only when the bytes after its start have doubled since the
//! last look (or the input ended), so pushing small pieces costs no more than pushing it whole.

use super::csv::{extent, ScanStop};
use crate::scan::bytes::{count_byte, find_any};
use crate::span::Span;

/// A record longer than this is taken for a quote that was never closed: no cable comes near
/// (the longest known is about 90 KB), and the splitter must not hold the rest of the input.
const MAX_RECORD: usize = 8 * 1024 * 1024;

/// What a CsvSplitter met next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvItem {
    /// A record: its first line in the input (from 1) and its bytes, from its first quote to its last.
    Record {
        /// The line the record's first quote is on, from 1.
        line: u64,
        /// The record, from its first quote to its last, as it was written.
        bytes: Vec<u8>,
    },
    /// A stretch that is no record, from `line`, `n_lines` lines long, passed over.
    Skipped {
        /// The stretch's first line, from 1.
        line: u64,
        /// How many lines it covers.
        n_lines: u64,
    },
}

/// The records of a `cables.csv`, cut from bytes pushed in pieces of any size.
///
/// Blanks (and a byte-order mark) before a record are passed over silently; a stretch that is
/// no record is passed over line by line until a line starts a record, and reported as
/// [`CsvItem::Skipped`]. A record is read in WikiLeaks' dialect or RFC 4180's (see
/// [`CsvDialect`](crate::CsvDialect)), as [`csv_extent`](crate::csv_extent) reads it.
///
/// A record is handed on once the bytes held after its start have doubled since the last look,
/// or the input ended: `next_item` may answer `None` while a whole record is held, until more is
/// pushed or `finish` is called. The items never depend on how the input was cut.
///
/// ```
/// use cable::{CsvItem, CsvSplitter};
/// let mut splitter = CsvSplitter::new();
/// splitter.push(b"\"1\",\"d\",\"id\",\"o\",\"c\",\"r\",\"h\",\"te");
/// assert_eq!(splitter.next_item(), None);
/// splitter.push(b"xt\"\nnot a record\n");
/// splitter.finish();
/// let record = br#""1","d","id","o","c","r","h","text""#.to_vec();
/// assert_eq!(splitter.next_item(), Some(CsvItem::Record { line: 1, bytes: record }));
/// assert_eq!(splitter.next_item(), Some(CsvItem::Skipped { line: 2, n_lines: 1 }));
/// assert_eq!(splitter.next_item(), None);
/// assert_eq!(splitter.looks_like_a_dump(), Some(false));
/// ```
#[derive(Debug, Clone)]
pub struct CsvSplitter {
    /// Bytes pushed and not yet dropped; `buffer[consumed..]` is the unread part.
    buffer: Vec<u8>,
    /// How much of `buffer` was handed on.
    consumed: usize,
    /// Bytes of the input before `buffer` (dropped, or skipped before a resume).
    dropped: u64,
    /// The line the unread part starts on.
    line: u64,
    /// Whether `finish` was called.
    finished: bool,
    /// How long the unread part must be before the record at its start is looked for again.
    unread_wanted: usize,
    /// The stretch being passed over, if one is.
    skipping: Option<Skipping>,
    /// How far the check of the first two records has come.
    dump: DumpCheck,
    /// [`MAX_RECORD`], smaller in tests.
    max_record: usize,
}

/// A stretch that is no record, being passed over line by line.
#[derive(Debug, Clone, Copy)]
struct Skipping {
    /// The stretch's first line.
    line: u64,
    /// The lines handed on so far.
    n_lines: u64,
    /// Whether a line was just handed on, so that the next looks for a record first.
    at_line_start: bool,
    /// How much of the unread part was searched for a line break without finding one.
    searched: usize,
}

/// The check of whether the input is a dump. Nothing is dropped until it is known, so its
/// offsets are in `buffer` and the input's start (or the resume point) is at 0.
#[derive(Debug, Clone, Copy)]
enum DumpCheck {
    /// Looking for the first record, worth a look when `wanted` bytes are held.
    First { wanted: usize },
    /// Looking for the second record, which starts after `from`.
    Second { from: usize, wanted: usize },
    /// Known: whether the first two records read as records.
    Known(bool),
}

/// What is at some place in the buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    /// A record, blanks before it included in neither end: its span in the buffer.
    Record(Span),
    /// No record starts there, whatever may follow.
    NoRecord,
    /// Not yet known: worth another look when this many bytes are held from there on.
    MoreNeeded(usize),
}

impl Default for CsvSplitter {
    fn default() -> CsvSplitter {
        CsvSplitter::new()
    }
}

impl CsvSplitter {
    /// A splitter at the start of an input.
    pub fn new() -> CsvSplitter {
        CsvSplitter::resume(0, 1)
    }

    /// A splitter for an input resumed at a record boundary: the caller skipped `offset` bytes that held `line - 1` lines.
    pub fn resume(offset: u64, line: u64) -> CsvSplitter {
        CsvSplitter {
            buffer: Vec::new(),
            consumed: 0,
            dropped: offset,
            line,
            finished: false,
            unread_wanted: 0,
            skipping: None,
            dump: DumpCheck::First { wanted: 0 },
            max_record: MAX_RECORD,
        }
    }

    /// A splitter that takes a record longer than `max_record` for an unclosed quote, so that
    /// tests need not push megabytes.
    #[cfg(test)]
    pub(crate) fn with_max_record(max_record: usize) -> CsvSplitter {
        CsvSplitter {
            max_record,
            ..CsvSplitter::new()
        }
    }

    /// More bytes of the input (any size, may end inside a record or a UTF-8 character).
    pub fn push(&mut self, chunk: &[u8]) {
        self.drop_handed_on();
        self.buffer.extend_from_slice(chunk);
        self.check_dump();
    }

    /// No more bytes will come.
    pub fn finish(&mut self) {
        self.finished = true;
        self.check_dump();
    }

    /// The next item, or None when more bytes are needed (or, after finish, when all is handed on).
    pub fn next_item(&mut self) -> Option<CsvItem> {
        if self.skipping.is_some() {
            return self.pass_over();
        }
        match self.lookup_unread() {
            Lookup::MoreNeeded(_) => None,
            Lookup::Record(span) => Some(self.hand_on_record(span)),
            Lookup::NoRecord if self.only_blanks_left() => None,
            Lookup::NoRecord => {
                // From the first line that is not blank.
                let blanks = self
                    .unread()
                    .iter()
                    .take_while(|byte| byte.is_ascii_whitespace())
                    .count();
                self.hand_on(blanks);
                self.skipping = Some(Skipping {
                    line: self.line,
                    n_lines: 0,
                    at_line_start: false,
                    searched: 0,
                });
                self.pass_over()
            }
        }
    }

    /// Bytes of the input handed on so far (records and skipped stretches), counted from the input's start (resume's offset included): where a resumed read starts.
    pub fn offset(&self) -> u64 {
        self.dropped + self.consumed as u64
    }

    /// The line the unread part starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Whether the input is a dump: its first two records read as records. None until enough is read to say (after finish it is always Some).
    pub fn looks_like_a_dump(&self) -> Option<bool> {
        match self.dump {
            DumpCheck::Known(looks_like_a_dump) => Some(looks_like_a_dump),
            DumpCheck::First { .. } | DumpCheck::Second { .. } => None,
        }
    }

    /// Bytes held and not yet handed on (memory the caller may want to bound).
    ///
    /// What the splitter holds in all is at most about twice this, plus the last piece pushed:
    /// what was handed on is dropped when it is half of the buffer.
    pub fn held(&self) -> usize {
        self.unread().len()
    }

    /// The part of the input not yet handed on.
    fn unread(&self) -> &[u8] {
        self.buffer.get(self.consumed..).unwrap_or_default()
    }

    /// Whether nothing but blanks is left, and nothing will come.
    fn only_blanks_left(&self) -> bool {
        self.finished && self.unread().iter().all(u8::is_ascii_whitespace)
    }

    /// Drops what was handed on once it is more than half of the buffer, so that each byte is
    /// moved a bounded number of times. Kept while the first two records are being checked.
    fn drop_handed_on(&mut self) {
        let dump_known = matches!(self.dump, DumpCheck::Known(_));
        if dump_known && self.consumed > self.buffer.len() / 2 {
            self.buffer.drain(..self.consumed);
            self.dropped += self.consumed as u64;
            self.consumed = 0;
        }
    }

    /// Hands on the first `n_bytes` of the unread part, counting their lines.
    fn hand_on(&mut self, n_bytes: usize) {
        let start = self.consumed;
        let end = start.saturating_add(n_bytes).min(self.buffer.len());
        let handed_on = self.buffer.get(start..end).unwrap_or_default();
        self.line += count_byte(handed_on, b'\n') as u64;
        self.consumed = end;
        self.unread_wanted = 0;
    }

    /// Hands on the blanks before a record (`span`, in the unread part), then the record.
    fn hand_on_record(&mut self, span: Span) -> CsvItem {
        self.hand_on(span.start);
        let line = self.line;
        let bytes = self
            .unread()
            .get(..span.end - span.start)
            .unwrap_or_default()
            .to_vec();
        self.hand_on(bytes.len());
        CsvItem::Record { line, bytes }
    }

    /// The record at the start of the unread part, looked for only when enough came since the
    /// last look: its span in the unread part.
    fn lookup_unread(&mut self) -> Lookup {
        let lookup = self.lookup(self.consumed, self.unread_wanted);
        match lookup {
            Lookup::Record(span) => Lookup::Record(Span::new(
                span.start - self.consumed,
                span.end - self.consumed,
            )),
            Lookup::MoreNeeded(wanted) => {
                self.unread_wanted = wanted;
                lookup
            }
            Lookup::NoRecord => lookup,
        }
    }

    /// Goes on passing over the stretch being skipped, a line at a time, until a line starts a
    /// record or the input ends.
    fn pass_over(&mut self) -> Option<CsvItem> {
        loop {
            let mut skipping = self.skipping?;
            if skipping.at_line_start {
                let stretch_ends = match self.lookup_unread() {
                    Lookup::MoreNeeded(_) => return None,
                    Lookup::Record(_) => true,
                    Lookup::NoRecord => self.only_blanks_left(),
                };
                if stretch_ends {
                    self.skipping = None;
                    return Some(CsvItem::Skipped {
                        line: skipping.line,
                        n_lines: skipping.n_lines,
                    });
                }
                skipping.at_line_start = false;
                self.skipping = Some(skipping);
                continue;
            }
            let unread = self.unread();
            let unread_len = unread.len();
            let searched = skipping.searched.min(unread_len);
            match find_any(unread.get(searched..).unwrap_or_default(), b"\n") {
                Some(newline) => {
                    self.hand_on(searched + newline + 1);
                    skipping.n_lines += 1;
                    skipping.at_line_start = true;
                    skipping.searched = 0;
                    self.skipping = Some(skipping);
                }
                None if self.finished => {
                    self.hand_on(unread_len);
                    self.skipping = None;
                    return Some(CsvItem::Skipped {
                        line: skipping.line,
                        n_lines: skipping.n_lines + 1,
                    });
                }
                None => {
                    skipping.searched = unread_len;
                    self.skipping = Some(skipping);
                    return None;
                }
            }
        }
    }

    /// Takes the check of the first two records as far as the bytes held allow.
    fn check_dump(&mut self) {
        loop {
            self.dump = match self.dump {
                DumpCheck::Known(_) => return,
                DumpCheck::First { wanted } => match self.lookup(0, wanted) {
                    Lookup::Record(span) => DumpCheck::Second {
                        from: span.end,
                        wanted: 0,
                    },
                    Lookup::NoRecord => DumpCheck::Known(false),
                    Lookup::MoreNeeded(wanted) => {
                        self.dump = DumpCheck::First { wanted };
                        return;
                    }
                },
                DumpCheck::Second { from, wanted } => match self.lookup(from, wanted) {
                    Lookup::Record(_) => DumpCheck::Known(true),
                    Lookup::NoRecord => DumpCheck::Known(false),
                    Lookup::MoreNeeded(wanted) => {
                        self.dump = DumpCheck::Second { from, wanted };
                        return;
                    }
                },
            };
        }
    }

    /// The record that starts at `from` in the buffer (after blanks), if one does: a record is
    /// at most `max_record` bytes from `from`, and a look is taken only when `wanted` bytes are
    /// held from `from` on (or the input ended), so that a long record is scanned a few times,
    /// not once a push.
    fn lookup(&self, from: usize, wanted: usize) -> Lookup {
        let available = self.buffer.get(from..).unwrap_or_default();
        if !self.finished && available.len() < wanted {
            return Lookup::MoreNeeded(wanted);
        }
        // One byte past the longest record: the byte that says whether a record ends there.
        let window = available
            .get(..self.max_record.saturating_add(1))
            .unwrap_or(available);
        let more_may_come = !self.finished || window.len() < available.len();
        match extent(window, more_may_come) {
            Ok(span) if span.end <= self.max_record => {
                Lookup::Record(Span::new(from + span.start, from + span.end))
            }
            Ok(_) | Err(ScanStop::NotARecord) => Lookup::NoRecord,
            Err(ScanStop::Incomplete) if self.finished || window.len() > self.max_record => {
                Lookup::NoRecord
            }
            Err(ScanStop::Incomplete) => Lookup::MoreNeeded(
                window
                    .len()
                    .saturating_mul(2)
                    .max(window.len() + 1)
                    .min(self.max_record.saturating_add(1)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::{CsvItem, CsvSplitter};

    /// A piece as the page reads a file, and the command line.
    const KB_64: usize = 64 * 1024;

    fn variants() -> Vec<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/variants");
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("corpus folder")
            .map(|entry| entry.expect("readable entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
            .collect();
        files.sort();
        files
    }

    /// The corpus's `cables.csv` records, each as written (blanks around it left out).
    fn corpus_records() -> Vec<Vec<u8>> {
        variants()
            .iter()
            .map(|path| {
                let bytes = std::fs::read(path).expect("readable corpus file");
                String::from_utf8_lossy(&bytes).trim().as_bytes().to_vec()
            })
            .collect()
    }

    /// Items shown short: a record by its line and length, a stretch by its lines.
    fn summary(items: &[CsvItem]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                CsvItem::Record { line, bytes } => {
                    format!("record line {line}, {} bytes", bytes.len())
                }
                CsvItem::Skipped { line, n_lines } => {
                    format!("skipped line {line}, {n_lines} lines")
                }
            })
            .collect()
    }

    /// Fails, showing both short, unless `items` are `expected`.
    fn assert_items(items: &[CsvItem], expected: &[CsvItem], context: &str) {
        assert_eq!(summary(items), summary(expected), "{context}");
        assert!(items == expected, "{context}: the records' bytes differ");
    }

    /// Every item of `input` pushed `chunk` bytes at a time, items taken after each push.
    fn split(splitter: CsvSplitter, input: &[u8], chunk: usize) -> Vec<CsvItem> {
        let mut splitter = splitter;
        let mut items = Vec::new();
        for piece in input.chunks(chunk.max(1)) {
            splitter.push(piece);
            items.extend(std::iter::from_fn(|| splitter.next_item()));
        }
        splitter.finish();
        items.extend(std::iter::from_fn(|| splitter.next_item()));
        assert_eq!(splitter.next_item(), None, "nothing after the end");
        assert!(splitter.looks_like_a_dump().is_some());
        items
    }

    /// A dump built from corpus rows, with what a damaged file holds: a byte-order mark, blank
    /// lines, lines that are no records, a record in RFC 4180's dialect, and a last record cut
    /// short. Its items, as they must come.
    fn damaged_dump() -> (Vec<u8>, Vec<CsvItem>) {
        let records = corpus_records();
        let mut dump = b"\xEF\xBB\xBF".to_vec();
        let mut expected = Vec::new();
        let mut line = 1;
        let push_record =
            |dump: &mut Vec<u8>, expected: &mut Vec<CsvItem>, line: &mut u64, record: &[u8]| {
                expected.push(CsvItem::Record {
                    line: *line,
                    bytes: record.to_vec(),
                });
                dump.extend_from_slice(record);
                dump.push(b'\n');
                *line += 1 + record.iter().filter(|&&byte| byte == b'\n').count() as u64;
            };
        for (idx, record) in records.iter().take(12).enumerate() {
            push_record(&mut dump, &mut expected, &mut line, record);
            match idx {
                2 => {
                    dump.extend_from_slice(b"\n  \r\n");
                    line += 2;
                }
                4 => {
                    dump.extend_from_slice(b"garbage, no record\n\"12\",\"x\" y\n");
                    expected.push(CsvItem::Skipped { line, n_lines: 2 });
                    line += 2;
                }
                6 => {
                    let rfc = br#""7","d","id","o","c","r","h ""x""","C:\ and ""y""""#;
                    push_record(&mut dump, &mut expected, &mut line, rfc);
                }
                8 => {
                    // A record cut short by the next: passed over up to the line that starts
                    // a record.
                    dump.extend_from_slice(b"\"99\",\"1/1/2000\",\"unclosed\nsecond line\n");
                    expected.push(CsvItem::Skipped { line, n_lines: 2 });
                    line += 2;
                }
                _ => {}
            }
        }
        let last = records.get(12).expect("a 13th corpus record");
        let cut = last.get(..last.len() / 2).expect("half a record");
        dump.extend_from_slice(cut);
        let n_lines = 1 + cut.iter().filter(|&&byte| byte == b'\n').count() as u64;
        expected.push(CsvItem::Skipped { line, n_lines });
        (dump, expected)
    }

    #[test]
    fn every_corpus_record_gives_the_same_item_whatever_the_pieces() {
        for path in variants() {
            let input = std::fs::read(&path).expect("readable corpus file");
            let whole = split(CsvSplitter::new(), &input, input.len());
            assert!(
                matches!(whole.as_slice(), [CsvItem::Record { line: 1, .. }]),
                "{}: {whole:?}",
                path.display()
            );
            for chunk in [1, 7, KB_64] {
                let items = split(CsvSplitter::new(), &input, chunk);
                assert_items(&items, &whole, &format!("{} by {chunk}", path.display()));
            }
        }
    }

    #[test]
    fn a_damaged_dump_gives_its_records_and_the_stretches_passed_over_whatever_the_pieces() {
        let (dump, expected) = damaged_dump();
        for chunk in [1, 7, 1000, KB_64, dump.len()] {
            let items = split(CsvSplitter::new(), &dump, chunk);
            assert_items(&items, &expected, &format!("by {chunk}"));
        }
    }

    #[test]
    fn resuming_at_each_record_boundary_gives_the_rest() {
        let (dump, expected) = damaged_dump();
        let mut splitter = CsvSplitter::new();
        splitter.push(&dump);
        splitter.finish();
        let mut n_taken = 0;
        while let Some(item) = splitter.next_item() {
            n_taken += 1;
            if !matches!(item, CsvItem::Record { .. }) {
                continue;
            }
            let offset = splitter.offset();
            let rest = dump
                .get(offset as usize..)
                .expect("the offset is in the input");
            let line = splitter.line();
            let newlines_before = dump
                .get(..offset as usize)
                .expect("the input before")
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count() as u64;
            assert_eq!(line, newlines_before + 1);
            for chunk in [7, KB_64] {
                let resumed = split(CsvSplitter::resume(offset, line), rest, chunk);
                let rest = expected.get(n_taken..).expect("the rest");
                assert_items(&resumed, rest, &format!("resumed at {offset} by {chunk}"));
            }
        }
        assert_eq!(n_taken, expected.len());
        assert_eq!(splitter.offset(), dump.len() as u64);
    }

    #[test]
    fn a_dump_is_two_records_to_start_with() {
        let records = corpus_records();
        let first = records.first().expect("a record");
        let second = records.get(1).expect("a record");
        let mut splitter = CsvSplitter::new();
        splitter.push(b"\n");
        splitter.push(first);
        assert_eq!(splitter.looks_like_a_dump(), None, "a quote may follow");
        splitter.push(b"\n");
        assert_eq!(splitter.looks_like_a_dump(), None, "the second is to come");
        splitter.push(second);
        splitter.push(b"\n");
        // Known once the bytes after the second record's start have doubled, or at the end.
        assert_ne!(splitter.looks_like_a_dump(), Some(false));
        let mut at_the_end = splitter.clone();
        splitter.push(records.get(2).expect("a record"));
        assert_eq!(splitter.looks_like_a_dump(), Some(true));
        at_the_end.finish();
        assert_eq!(at_the_end.looks_like_a_dump(), Some(true));

        let mut one_record = CsvSplitter::new();
        one_record.push(first);
        assert_eq!(one_record.looks_like_a_dump(), None);
        one_record.finish();
        assert_eq!(one_record.looks_like_a_dump(), Some(false));

        let mut text = CsvSplitter::new();
        text.push(b"UNCLAS ROME 001196\n");
        assert_eq!(text.looks_like_a_dump(), Some(false));

        let mut empty = CsvSplitter::new();
        assert_eq!(empty.looks_like_a_dump(), None);
        empty.finish();
        assert_eq!(empty.looks_like_a_dump(), Some(false));
        assert_eq!(empty.next_item(), None);
    }

    #[test]
    fn an_unclosed_quote_is_passed_over_after_the_longest_record_whatever_the_pieces() {
        let records = corpus_records();
        let short = records
            .iter()
            .min_by_key(|record| record.len())
            .expect("a record");
        let max_record = short.len() + 10;
        let mut dump = short.clone();
        dump.extend_from_slice(b"\n\"2\",\"never closed\n");
        let n_filler_lines = 3 * max_record / 10;
        for _ in 0..n_filler_lines {
            dump.extend_from_slice(b"filler...\n");
        }
        dump.extend_from_slice(short);
        let short_lines = short.iter().filter(|&&byte| byte == b'\n').count() as u64;
        let expected = vec![
            CsvItem::Record {
                line: 1,
                bytes: short.clone(),
            },
            CsvItem::Skipped {
                line: short_lines + 2,
                n_lines: 1 + n_filler_lines as u64,
            },
            CsvItem::Record {
                line: short_lines + 3 + n_filler_lines as u64,
                bytes: short.clone(),
            },
        ];
        for chunk in [1, 7, 1000, dump.len()] {
            let items = split(CsvSplitter::with_max_record(max_record), &dump, chunk);
            assert_items(&items, &expected, &format!("by {chunk}"));
        }
    }

    #[test]
    fn what_is_held_stays_bounded_over_a_long_input() {
        let records = corpus_records();
        let largest = records.iter().map(Vec::len).max().unwrap_or_default();
        let mut dump = Vec::new();
        while dump.len() < 8 * 1024 * 1024 {
            for record in &records {
                dump.extend_from_slice(record);
                dump.extend_from_slice(b"\n");
            }
            dump.extend_from_slice(b"a line that is no record\n");
        }
        let mut splitter = CsvSplitter::new();
        let (mut n_records, mut most_held, mut most_buffered) = (0, 0, 0);
        for piece in dump.chunks(KB_64) {
            splitter.push(piece);
            most_held = most_held.max(splitter.held());
            most_buffered = most_buffered.max(splitter.buffer.len());
            while let Some(item) = splitter.next_item() {
                n_records += usize::from(matches!(item, CsvItem::Record { .. }));
            }
        }
        splitter.finish();
        n_records += std::iter::from_fn(|| splitter.next_item()).count();
        assert!(n_records > 800, "{n_records} records");
        assert!(most_held < 2 * largest + KB_64, "held {most_held}");
        assert!(
            most_buffered < 4 * largest + 2 * KB_64,
            "buffered {most_buffered}"
        );
        assert_eq!(splitter.offset(), dump.len() as u64);
    }
}
