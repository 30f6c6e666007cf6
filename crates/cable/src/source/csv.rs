//! Records of a `cables.csv` dump: eight double-quoted columns (row number, date, ID, origin,
//! classification, references, header, text), quotes inside escaped as `\"` and backslashes as
//! `\\`, line breaks inside a column kept as they are.

use crate::given::{Given, GivenId};
use crate::scan::bytes::find_any;
use crate::span::Span;

/// The columns of a `cables.csv` record, in order.
pub const CSV_COLUMNS: [&str; 8] = [
    "row",
    "date",
    "id",
    "origin",
    "classification",
    "references",
    "header",
    "text",
];

/// One record of a `cables.csv` dump, read from the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvRow<'a> {
    /// Each column's content as written, between its quotes, escapes kept.
    pub columns: [&'a str; 8],
    /// The record from its first quote to its last, in the text it was read from.
    pub span: Span,
}

impl CsvRow<'_> {
    /// The column at `idx` (see [`CSV_COLUMNS`]) with its escapes read: `\"` → `"`.
    pub fn column(&self, idx: usize) -> String {
        let written = self.columns.get(idx).copied().unwrap_or("");
        let mut column = String::with_capacity(written.len());
        let mut chars = written.chars();
        while let Some(ch) = chars.next() {
            match (ch, chars.clone().next()) {
                ('\\', Some(escaped @ ('"' | '\\' | '\''))) => {
                    column.push(escaped);
                    chars.next();
                }
                _ => column.push(ch),
            }
        }
        column
    }

    /// The cable's year from the date column (`9/23/2000 15:10`), when it has one.
    pub fn year(&self) -> Option<u16> {
        let date = self.columns.get(1)?.split_whitespace().next()?;
        let year: u16 = date.rsplit('/').next()?.parse().ok()?;
        (1900..=2099).contains(&year).then_some(year)
    }
}

/// Reads the record at the start of `text` (after blanks and a byte-order mark): eight quoted
/// columns, the first a row number. Whatever follows the record is not read.
pub fn csv_row(text: &str) -> Option<CsvRow<'_>> {
    let scanned = scan(text.as_bytes()).ok()?;
    let mut columns = [""; 8];
    for (column, (start, end)) in columns.iter_mut().zip(scanned.columns) {
        *column = text.get(start..end)?;
    }
    Some(CsvRow {
        columns,
        span: scanned.span,
    })
}

/// How far the `cables.csv` record at the start of some bytes reaches, for a reader that holds
/// only the start of a dump (see [`csv_extent`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvExtent {
    /// A whole record, from its first quote to its last (blanks before it left out).
    Record(Span),
    /// The bytes end inside a record, or before one starts: more bytes may make a record.
    Incomplete,
    /// No record starts here, whatever follows.
    NotARecord,
}

/// Where the `cables.csv` record at the start of `bytes` ends, read as [`csv_row`] reads it, on
/// bytes rather than text: a file is read in pieces and a piece may end inside a character, or
/// inside a record. `&bytes[span]`, decoded, is the record `csv_row` reads.
///
/// ```
/// use cable::{csv_extent, CsvExtent, Span};
/// let dump = b"\"1\",\"d\",\"id\",\"o\",\"c\",\"r\",\"h\",\"text\"\n\"2\",\"d";
/// assert_eq!(csv_extent(dump), CsvExtent::Record(Span::new(0, 35)));
/// assert_eq!(csv_extent(&dump[36..]), CsvExtent::Incomplete);
/// assert_eq!(csv_extent(b"UNCLAS ROME 001196\n"), CsvExtent::NotARecord);
/// ```
pub fn csv_extent(bytes: &[u8]) -> CsvExtent {
    match scan(bytes) {
        Ok(scanned) => CsvExtent::Record(scanned.span),
        Err(ScanStop::Incomplete) => CsvExtent::Incomplete,
        Err(ScanStop::NotARecord) => CsvExtent::NotARecord,
    }
}

/// A record's columns (content between the quotes) and the whole record, as byte ranges.
struct Scanned {
    columns: [(usize, usize); 8],
    span: Span,
}

/// Why [`scan`] found no record.
enum ScanStop {
    Incomplete,
    NotARecord,
}

/// The one reading of the dialect: blanks and a byte-order mark, then eight quoted columns
/// separated by commas, a backslash escaping the byte after it, the first column all digits.
fn scan(bytes: &[u8]) -> Result<Scanned, ScanStop> {
    let start = bytes
        .iter()
        .position(|byte| {
            !byte.is_ascii_whitespace() && *byte != 0xEF && *byte != 0xBB && *byte != 0xBF
        })
        .ok_or(ScanStop::Incomplete)?;
    let mut columns = [(0, 0); 8];
    let mut pos = start;
    for (idx, column) in columns.iter_mut().enumerate() {
        match bytes.get(pos) {
            Some(b'"') => {}
            Some(_) => return Err(ScanStop::NotARecord),
            None => return Err(ScanStop::Incomplete),
        }
        let content_start = pos + 1;
        let mut cursor = content_start;
        // Most of a record is plain text: jump from one quote or backslash to the next.
        loop {
            let rest = bytes.get(cursor..).ok_or(ScanStop::Incomplete)?;
            let found = find_any(rest, b"\"\\").ok_or(ScanStop::Incomplete)?;
            cursor += found;
            match bytes.get(cursor) {
                Some(b'\\') => cursor += 2,
                _ => break,
            }
        }
        *column = (content_start, cursor);
        // The row number is read first, so that a line that merely starts with a quote is
        // turned down at once.
        if idx == 0 {
            let row_number = bytes.get(content_start..cursor).unwrap_or_default();
            if row_number.is_empty() || !row_number.iter().all(u8::is_ascii_digit) {
                return Err(ScanStop::NotARecord);
            }
        }
        pos = cursor + 1;
        match bytes.get(pos) {
            _ if idx == 7 => {}
            Some(b',') => pos += 1,
            Some(_) => return Err(ScanStop::NotARecord),
            None => return Err(ScanStop::Incomplete),
        }
    }
    Ok(Scanned {
        columns,
        span: Span::new(start, pos),
    })
}

/// Every record of a whole `cables.csv` text, in order, each with its span in `text`; reading
/// stops at the first stretch that is no record.
pub fn csv_rows(text: &str) -> impl Iterator<Item = CsvRow<'_>> + '_ {
    let mut offset = 0;
    std::iter::from_fn(move || {
        let rest = text.get(offset..)?;
        let mut row = csv_row(rest)?;
        row.span = Span::new(offset + row.span.start, offset + row.span.end);
        offset = row.span.end;
        Some(row)
    })
}

/// The content ranges of a `cables.csv` record's header and text columns, and what its own
/// columns say of the cable: the publisher's ID and year.
pub(crate) struct CsvRecord {
    pub(crate) header: (usize, usize),
    pub(crate) body: (usize, usize),
    pub(crate) given: Given,
}

/// Recognises one `cables.csv` record at the start of `input`: the ranges of its header and text.
pub(crate) fn csv_record(input: &str) -> Option<CsvRecord> {
    let row = csv_row(input)?;
    let range = |idx: usize| {
        let column = row.columns.get(idx)?;
        let start = column.as_ptr() as usize - input.as_ptr() as usize;
        Some((start, start + column.len()))
    };
    Some(CsvRecord {
        header: range(6)?,
        body: range(7)?,
        given: Given {
            year: row.year(),
            id: GivenId::read(&row.column(2)),
        },
    })
}
