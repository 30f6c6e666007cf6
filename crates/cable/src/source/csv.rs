//! Records of a `cables.csv` dump: eight double-quoted columns (row number, date, ID, origin,
//! classification, references, header, text), line breaks inside a column kept as they are.
//!
//! Two dialects are read, decided record by record ([`CsvDialect`]): WikiLeaks' own, where a quote
//! inside a column is written `\"` and a backslash `\\`, and RFC 4180's, as spreadsheets write
//! it, where a quote is written `""` and a backslash is itself. A quote followed by a quote inside
//! a column is never a closing quote in WikiLeaks' dialect (a closing quote is followed by a comma
//! or ends the record), so a record with one in it is read in RFC 4180's, its backslashes literal.
//!
//! Not supported: in a record with no `""` in it, a column that ends in a backslash (`"C:\"`)
//! is read as WikiLeaks' escaped quote, unless that reading finds no record at all.

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

/// How a record writes a quote inside a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvDialect {
    /// WikiLeaks' `cables.csv`: `\"` for a quote, `\\` for a backslash (and `\'` for `'`).
    #[default]
    WikiLeaks,
    /// RFC 4180, as spreadsheets write it: `""` for a quote, a backslash written as itself.
    Rfc4180,
}

/// One record of a `cables.csv` dump, read from the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvRow<'a> {
    /// Each column's content as written, between its quotes, escapes kept.
    pub columns: [&'a str; 8],
    /// The record from its first quote to its last, in the text it was read from.
    pub span: Span,
    /// How the record escapes a quote.
    pub dialect: CsvDialect,
}

impl CsvRow<'_> {
    /// The column at `idx` (see [`CSV_COLUMNS`]) with its escapes read: `\"` → `"` (or, in
    /// RFC 4180's dialect, `""` → `"`).
    pub fn column(&self, idx: usize) -> String {
        let written = self.columns.get(idx).copied().unwrap_or("");
        match self.dialect {
            CsvDialect::WikiLeaks => unescape_wikileaks(written),
            CsvDialect::Rfc4180 => written.replace("\"\"", "\""),
        }
    }

    /// The cable's year from the date column (`9/23/2000 15:10`), when it has one.
    pub fn year(&self) -> Option<u16> {
        let date = self.columns.get(1)?.split_whitespace().next()?;
        let year: u16 = date.rsplit('/').next()?.parse().ok()?;
        (1900..=2099).contains(&year).then_some(year)
    }
}

/// A column written in WikiLeaks' dialect, its escapes read: `\"`, `\\` and `\'`.
fn unescape_wikileaks(written: &str) -> String {
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

/// Reads the record at the start of `text` (after blanks and a byte-order mark): eight quoted
/// columns, the first a row number. Whatever follows the record is not read.
pub fn csv_row(text: &str) -> Option<CsvRow<'_>> {
    let scanned = scan(text.as_bytes(), false).ok()?;
    let mut columns = [""; 8];
    for (column, (start, end)) in columns.iter_mut().zip(scanned.columns) {
        *column = text.get(start..end)?;
    }
    Some(CsvRow {
        columns,
        span: scanned.span,
        dialect: scanned.dialect,
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
/// Bytes that end just after a closing quote end the record there. In RFC 4180's dialect one
/// more quote would have made it an escaped quote and the record longer: a reader that holds only
/// a piece of its input should read more before it trusts a record that reaches the piece's end
/// ([`CsvSplitter`](crate::CsvSplitter) does).
///
/// ```
/// use cable::{csv_extent, CsvExtent, Span};
/// let dump = b"\"1\",\"d\",\"id\",\"o\",\"c\",\"r\",\"h\",\"text\"\n\"2\",\"d";
/// assert_eq!(csv_extent(dump), CsvExtent::Record(Span::new(0, 35)));
/// assert_eq!(csv_extent(&dump[36..]), CsvExtent::Incomplete);
/// assert_eq!(csv_extent(b"UNCLAS ROME 001196\n"), CsvExtent::NotARecord);
/// ```
pub fn csv_extent(bytes: &[u8]) -> CsvExtent {
    match scan(bytes, false) {
        Ok(scanned) => CsvExtent::Record(scanned.span),
        Err(ScanStop::Incomplete) => CsvExtent::Incomplete,
        Err(ScanStop::NotARecord) => CsvExtent::NotARecord,
    }
}

/// A record's columns (content between the quotes) and the whole record, as byte ranges.
struct Scanned {
    columns: [(usize, usize); 8],
    span: Span,
    dialect: CsvDialect,
}

/// Why [`scan`] found no record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScanStop {
    /// The bytes end inside a record, or before one starts.
    Incomplete,
    /// No record starts here, whatever follows.
    NotARecord,
}

/// The record at the start of `bytes`, in whichever dialect it is written: WikiLeaks' first
/// (the dump's own, and the reading `csv_extent` has always given), RFC 4180's when the record
/// holds a `""` escape, or when WikiLeaks' reading finds no record.
/// `more_may_come`: whether bytes may follow `bytes` (then a record that reaches their end is
/// [`ScanStop::Incomplete`]: a quote may follow its last).
fn scan(bytes: &[u8], more_may_come: bool) -> Result<Scanned, ScanStop> {
    let stop = match scan_as(bytes, more_may_come, CsvDialect::WikiLeaks) {
        Ok(scanned) => return Ok(scanned),
        Err(Stop::Incomplete) => return Err(ScanStop::Incomplete),
        Err(Stop::NotARecord | Stop::DoubledQuote) => {
            // RFC 4180's reading is asked to the end (its `Incomplete` too), so that the answer
            // never depends on where the bytes were cut.
            scan_as(bytes, more_may_come, CsvDialect::Rfc4180)
        }
    };
    match stop {
        Ok(scanned) => Ok(scanned),
        Err(Stop::Incomplete) => Err(ScanStop::Incomplete),
        Err(Stop::NotARecord | Stop::DoubledQuote) => Err(ScanStop::NotARecord),
    }
}

/// The extent of the record at the start of `bytes`, for a reader of pieces (see [`scan`]).
pub(crate) fn extent(bytes: &[u8], more_may_come: bool) -> Result<Span, ScanStop> {
    scan(bytes, more_may_come).map(|scanned| scanned.span)
}

/// Why one reading of a record stopped.
enum Stop {
    /// As [`ScanStop::Incomplete`].
    Incomplete,
    /// As [`ScanStop::NotARecord`].
    NotARecord,
    /// WikiLeaks' reading met a quote followed by a quote: the record is RFC 4180's.
    DoubledQuote,
}

/// One reading of the record: blanks and a byte-order mark, then eight quoted columns separated
/// by commas, the first all digits. In WikiLeaks' dialect a backslash escapes the byte after it
/// and a quote followed by a quote stops the reading; in RFC 4180's that is an escaped quote.
fn scan_as(bytes: &[u8], more_may_come: bool, dialect: CsvDialect) -> Result<Scanned, Stop> {
    let start = bytes
        .iter()
        .position(|byte| {
            !byte.is_ascii_whitespace() && *byte != 0xEF && *byte != 0xBB && *byte != 0xBF
        })
        .ok_or(Stop::Incomplete)?;
    let mut columns = [(0, 0); 8];
    let mut pos = start;
    for (idx, column) in columns.iter_mut().enumerate() {
        match bytes.get(pos) {
            Some(b'"') => {}
            Some(_) => return Err(Stop::NotARecord),
            None => return Err(Stop::Incomplete),
        }
        let content_start = pos + 1;
        let is_last = idx == 7;
        let cursor = closing_quote(bytes, content_start, is_last && !more_may_come, dialect)?;
        *column = (content_start, cursor);
        // The row number is read first, so that a line that merely starts with a quote is
        // turned down at once.
        if idx == 0 {
            let row_number = bytes.get(content_start..cursor).unwrap_or_default();
            if row_number.is_empty() || !row_number.iter().all(u8::is_ascii_digit) {
                return Err(Stop::NotARecord);
            }
        }
        pos = cursor + 1;
        match bytes.get(pos) {
            _ if is_last => {}
            Some(b',') => pos += 1,
            Some(_) => return Err(Stop::NotARecord),
            None => return Err(Stop::Incomplete),
        }
    }
    Ok(Scanned {
        columns,
        span: Span::new(start, pos),
        dialect,
    })
}

/// Where the closing quote is of the column whose content starts at `cursor`. `may_end_bytes`:
/// whether the quote may be the last byte (the record's last, with no byte to come after it).
fn closing_quote(
    bytes: &[u8],
    mut cursor: usize,
    may_end_bytes: bool,
    dialect: CsvDialect,
) -> Result<usize, Stop> {
    // Most of a record is plain text: jump from one quote (or backslash) to the next.
    loop {
        let rest = bytes.get(cursor..).ok_or(Stop::Incomplete)?;
        let found = match dialect {
            CsvDialect::WikiLeaks => find_any(rest, b"\"\\"),
            CsvDialect::Rfc4180 => find_any(rest, b"\""),
        };
        cursor += found.ok_or(Stop::Incomplete)?;
        match (bytes.get(cursor), bytes.get(cursor + 1)) {
            (Some(b'\\'), _) => cursor += 2,
            (_, Some(b'"')) if dialect == CsvDialect::WikiLeaks => return Err(Stop::DoubledQuote),
            (_, Some(b'"')) => cursor += 2,
            (_, None) if !may_end_bytes => return Err(Stop::Incomplete),
            _ => return Ok(cursor),
        }
    }
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
    pub(crate) dialect: CsvDialect,
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
        dialect: row.dialect,
    })
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::{csv_extent, csv_row, scan, CsvExtent, ScanStop};
    use crate::span::Span;

    /// The record at the start of `input`: its dialect, its span, and each column with its
    /// escapes read; or why there is none.
    fn check(input: &str, expect: Expect) {
        let shown = match csv_row(input) {
            Some(row) => {
                let mut shown = format!("{:?} {}..{}\n", row.dialect, row.span.start, row.span.end);
                for idx in 0..8 {
                    shown.push_str(&format!("{:?}\n", row.column(idx)));
                }
                shown
            }
            None => format!("{:?}\n", csv_extent(input.as_bytes())),
        };
        expect.assert_eq(&shown);
    }

    #[test]
    fn a_record_in_wikileaks_dialect_reads_backslash_escapes() {
        check(
            r#""1","d","id","o","c","r","h","a \"quote\", a \\ and \'s""#,
            expect![[r#"
                WikiLeaks 0..56
                "1"
                "d"
                "id"
                "o"
                "c"
                "r"
                "h"
                "a \"quote\", a \\ and 's"
            "#]],
        );
    }

    #[test]
    fn a_record_in_rfc_4180_dialect_reads_doubled_quotes_and_keeps_backslashes() {
        check(
            r#""1","d","id","o","c","r","h ""x""","a ""quote"", a \ and \'s""#,
            expect![[r#"
                Rfc4180 0..61
                "1"
                "d"
                "id"
                "o"
                "c"
                "r"
                "h \"x\""
                "a \"quote\", a \\ and \\'s"
            "#]],
        );
    }

    #[test]
    fn an_empty_field_is_no_escaped_quote() {
        check(
            r#""1","","id","","c","","h",""
"2""#,
            expect![[r#"
                WikiLeaks 0..28
                "1"
                ""
                "id"
                ""
                "c"
                ""
                "h"
                ""
            "#]],
        );
    }

    #[test]
    fn a_field_of_four_quotes_holds_one_quote() {
        check(
            r#""1","""","id","""a""","c","r","h","text""#,
            expect![[r#"
                Rfc4180 0..40
                "1"
                "\""
                "id"
                "\"a\""
                "c"
                "r"
                "h"
                "text"
            "#]],
        );
    }

    #[test]
    fn line_breaks_inside_a_field_are_kept_in_both_dialects() {
        check(
            "\"1\",\"d\",\"id\",\"o\",\"c\",\"r\",\"h\n\",\"line \"\"one\"\"\r\nline two\n\"\n\"2\"",
            expect![[r#"
                Rfc4180 0..55
                "1"
                "d"
                "id"
                "o"
                "c"
                "r"
                "h\n"
                "line \"one\"\r\nline two\n"
            "#]],
        );
        check(
            "\"1\",\"d\",\"id\",\"o\",\"c\",\"r\",\"h\n\",\"line \\\"one\\\"\r\nline two\n\"\n\"2\"",
            expect![[r#"
                WikiLeaks 0..55
                "1"
                "d"
                "id"
                "o"
                "c"
                "r"
                "h\n"
                "line \"one\"\r\nline two\n"
            "#]],
        );
    }

    #[test]
    fn a_field_ending_in_a_backslash_reads_in_rfc_4180_dialect_when_wikileaks_reading_fails() {
        // WikiLeaks' reading takes `\",` for an escaped quote and finds no record: RFC 4180's does.
        check(
            r#""1","C:\","id","o","c","r","h","t""#,
            expect![[r#"
                Rfc4180 0..34
                "1"
                "C:\\"
                "id"
                "o"
                "c"
                "r"
                "h"
                "t"
            "#]],
        );
        // With a doubled quote anywhere in it, the record is RFC 4180's throughout.
        check(
            r#""1","d","id","o","c","r","""h""","C:\""#,
            expect![[r#"
                Rfc4180 0..38
                "1"
                "d"
                "id"
                "o"
                "c"
                "r"
                "\"h\""
                "C:\\"
            "#]],
        );
    }

    #[test]
    fn a_record_that_reaches_the_end_of_a_piece_waits_for_the_next_byte() {
        let record = br#""1","d","id","o","c","r","h","text""#;
        // A whole text ends the record at its last byte ...
        assert_eq!(csv_extent(record), CsvExtent::Record(Span::new(0, 35)));
        // ... a piece may be followed by a quote, which would make the last an escaped quote.
        assert!(matches!(scan(record, true), Err(ScanStop::Incomplete)));
        let mut longer = record.to_vec();
        longer.extend_from_slice(b"\" more\"\n");
        let scanned = scan(&longer, true).ok().map(|scanned| scanned.span);
        assert_eq!(scanned, Some(Span::new(0, 42)));
    }

    #[test]
    fn lines_that_merely_start_with_a_quote_are_no_records() {
        check(
            "\"12\",\"x\" y\n",
            expect![[r#"
                NotARecord
            "#]],
        );
        check(
            "\"\",\"\",\"\"\n",
            expect![[r#"
                NotARecord
            "#]],
        );
        check(
            "\"1\",\"d\",\"id",
            expect![[r#"
                Incomplete
            "#]],
        );
    }
}
