//! Records of a `cables.csv` dump: eight double-quoted columns (row number, date, ID, origin,
//! classification, references, header, text), quotes inside escaped as `\"` and backslashes as
//! `\\`, line breaks inside a column kept as they are.

use crate::given::{Given, GivenId};
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
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|byte| {
        !byte.is_ascii_whitespace() && *byte != 0xEF && *byte != 0xBB && *byte != 0xBF
    })?;
    let mut columns = [""; 8];
    let mut pos = start;
    for (idx, column) in columns.iter_mut().enumerate() {
        if bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let content_start = pos + 1;
        let mut cursor = content_start;
        loop {
            match bytes.get(cursor)? {
                b'\\' => cursor += 2,
                b'"' => break,
                _ => cursor += 1,
            }
        }
        *column = text.get(content_start..cursor)?;
        pos = cursor + 1;
        match bytes.get(pos) {
            Some(b',') if idx < 7 => pos += 1,
            _ if idx == 7 => {}
            _ => return None,
        }
    }
    let row_number = columns.first()?;
    if row_number.is_empty() || !row_number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some(CsvRow {
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
