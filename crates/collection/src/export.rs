//! A set of cables written out as CSV or JSON Lines: one row a cable, its columns as parsed
//! ([`crate::Entry`]), never its text, so a quarter of a million rows take a moment.
//!
//! Fields, in this order: `id`, `published_id`, `date`, `origin`, `classification`, `caveats`,
//! `tags`, `precedence`, `subject`, `cites`, `line` ([`EXPORT_FIELDS`]). `date` is ISO 8601 in
//! UTC to the minute (`2008-03-14T14:23Z`); `cites` is the IDs the cable cites, each once, in
//! the order it first cites them.
//!
//! **CSV** follows RFC 4180: a header line, then one record a cable, every line ended with CRLF
//! (the RFC's line end, and what spreadsheets expect); a field is quoted when it holds `,`, `"`,
//! CR or LF, or starts or ends with a space, and a `"` inside is written `""`. Lists are joined
//! with `;`, missing values are empty. **Formula guard:** a field starting with `=`, `+`, `-`,
//! `@`, a tab or CR is written with a `'` before it, so a spreadsheet opening the file shows the
//! text instead of running it as a formula (OWASP's advice on CSV injection); a reader wanting
//! the value as parsed drops that `'`.
//!
//! **JSON Lines:** one JSON object a line, ended with LF; missing values are `null`, lists are
//! arrays of strings, `line` is a number. No formula guard: JSON is not opened by spreadsheets.

use crate::entry::{date_of_day, Entry};
use crate::index::Index;

/// The fields of every row, in order: the CSV header's names and the JSON objects' keys.
pub const EXPORT_FIELDS: [&str; 11] = [
    "id",
    "published_id",
    "date",
    "origin",
    "classification",
    "caveats",
    "tags",
    "precedence",
    "subject",
    "cites",
    "line",
];

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// RFC 4180 CSV with a header line, CRLF line ends and the formula guard.
    Csv,
    /// One JSON object a line.
    JsonLines,
}

/// Writes the header (for CSV), then a row for each cable of `docs` that the index has.
pub fn export(
    index: &Index,
    docs: impl Iterator<Item = u32>,
    format: ExportFormat,
    out: &mut Vec<u8>,
) {
    export_header(format, out);
    export_rows(index, docs, format, out);
}

/// Writes the CSV header line; nothing for JSON Lines.
pub fn export_header(format: ExportFormat, out: &mut Vec<u8>) {
    if format == ExportFormat::Csv {
        out.extend_from_slice(EXPORT_FIELDS.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    }
}

/// Writes a row for each cable of `docs` that the index has (others are skipped), without the
/// header: a page can write a large set in pieces.
pub fn export_rows(
    index: &Index,
    docs: impl Iterator<Item = u32>,
    format: ExportFormat,
    out: &mut Vec<u8>,
) {
    for entry in docs.filter_map(|doc| index.entry(doc)) {
        match format {
            ExportFormat::Csv => csv_row(entry, out),
            ExportFormat::JsonLines => json_row(entry, out),
        }
    }
}

/// A row's fields as text, lists still apart.
struct Fields<'a> {
    date: String,
    cites: Vec<&'a str>,
    line: String,
}

impl Fields<'_> {
    fn of(entry: &Entry) -> Fields<'_> {
        let mut cites: Vec<&str> = Vec::with_capacity(entry.citations.len());
        for citation in &entry.citations {
            if !cites.contains(&citation.cited.as_str()) {
                cites.push(&citation.cited);
            }
        }
        Fields {
            date: entry.date.map(iso_date).unwrap_or_default(),
            cites,
            line: entry.line.to_string(),
        }
    }
}

/// `2008-03-14T14:23Z` for minutes since the epoch.
fn iso_date(minutes: i64) -> String {
    let (year, month, day) = date_of_day(minutes.div_euclid(1440));
    let minute_of_day = minutes.rem_euclid(1440);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}Z",
        minute_of_day / 60,
        minute_of_day % 60
    )
}

fn csv_row(entry: &Entry, out: &mut Vec<u8>) {
    let fields = Fields::of(entry);
    let row: [&str; 11] = [
        entry.id.as_deref().unwrap_or(""),
        &entry.published_id,
        &fields.date,
        entry.origin.as_deref().unwrap_or(""),
        entry.classification.as_deref().unwrap_or(""),
        &entry.caveats.join(";"),
        &entry.tags.join(";"),
        entry.precedence.as_deref().unwrap_or(""),
        &entry.subject,
        &fields.cites.join(";"),
        &fields.line,
    ];
    for (idx, field) in row.iter().enumerate() {
        if idx > 0 {
            out.push(b',');
        }
        csv_field(field, out);
    }
    out.extend_from_slice(b"\r\n");
}

/// One CSV field: guarded against formulas, then quoted if it must be.
fn csv_field(field: &str, out: &mut Vec<u8>) {
    let guard = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote =
        field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ');
    if quote {
        out.push(b'"');
    }
    if guard {
        out.push(b'\'');
    }
    for (idx, part) in field.split('"').enumerate() {
        if idx > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(part.as_bytes());
    }
    if quote {
        out.push(b'"');
    }
}

fn json_row(entry: &Entry, out: &mut Vec<u8>) {
    let fields = Fields::of(entry);
    out.push(b'{');
    json_key("id", out);
    json_option(entry.id.as_deref(), out);
    json_key("published_id", out);
    json_string(&entry.published_id, out);
    json_key("date", out);
    json_option(entry.date.map(|_| fields.date.as_str()), out);
    json_key("origin", out);
    json_option(entry.origin.as_deref(), out);
    json_key("classification", out);
    json_option(entry.classification.as_deref(), out);
    json_key("caveats", out);
    json_list(entry.caveats.iter().map(String::as_str), out);
    json_key("tags", out);
    json_list(entry.tags.iter().map(String::as_str), out);
    json_key("precedence", out);
    json_option(entry.precedence.as_deref(), out);
    json_key("subject", out);
    json_string(&entry.subject, out);
    json_key("cites", out);
    json_list(fields.cites.iter().copied(), out);
    json_key("line", out);
    out.extend_from_slice(fields.line.as_bytes());
    out.extend_from_slice(b"}\n");
}

/// `"key":`, after a comma unless it is the object's first.
fn json_key(key: &str, out: &mut Vec<u8>) {
    if out.last() != Some(&b'{') {
        out.push(b',');
    }
    json_string(key, out);
    out.push(b':');
}

fn json_option(value: Option<&str>, out: &mut Vec<u8>) {
    match value {
        Some(value) => json_string(value, out),
        None => out.extend_from_slice(b"null"),
    }
}

fn json_list<'a>(values: impl Iterator<Item = &'a str>, out: &mut Vec<u8>) {
    out.push(b'[');
    for (idx, value) in values.enumerate() {
        if idx > 0 {
            out.push(b',');
        }
        json_string(value, out);
    }
    out.push(b']');
}

/// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`;
/// everything else (non-ASCII included) as UTF-8.
fn json_string(value: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let mut clean_from = 0;
    for (at, byte) in value.bytes().enumerate() {
        let escape: Option<&[u8]> = match byte {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0..=0x1f => Some(b""),
            _ => None,
        };
        let Some(escape) = escape else {
            continue;
        };
        out.extend_from_slice(value.as_bytes().get(clean_from..at).unwrap_or_default());
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{byte:04x}").as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        clean_from = at + 1;
    }
    out.extend_from_slice(value.as_bytes().get(clean_from..).unwrap_or_default());
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::Doc;
    use crate::segment::SegmentBuilder;

    #[test]
    fn a_field_that_could_run_as_a_formula_gets_a_quote_mark_before_it() {
        let mut out = Vec::new();
        for field in ["=1+1", "+1", "-1", "@A", "\tx", "plain", "a=b"] {
            csv_field(field, &mut out);
            out.push(b'|');
        }
        assert_eq!(
            String::from_utf8_lossy(&out),
            "'=1+1|'+1|'-1|'@A|'\tx|plain|a=b|"
        );
    }

    #[test]
    fn rows_give_the_columns_as_parsed_and_missing_values_empty_or_null() {
        let ottawa = "O 141423Z MAR 08\nFM AMEMBASSY OTTAWA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7513\n\nC O N F I D E N T I A L OTTAWA 000372\n\nSUBJECT: CANADA: DISCORD OVER OSLO PROCESS\n\nREF: A. STATE 24735\n\n1. (C) Canada's view.\n";
        let mut segment = SegmentBuilder::new();
        segment.push(Doc::read(1, ottawa.to_string()));
        segment.push(Doc::read(2, "no cable at all".to_string()));
        let index = Index::build(vec![segment.finish()]);
        let mut csv = Vec::new();
        export(&index, [0, 1, 7].into_iter(), ExportFormat::Csv, &mut csv);
        assert_eq!(
            String::from_utf8_lossy(&csv),
            "id,published_id,date,origin,classification,caveats,tags,precedence,subject,cites,line\r\n\
             08OTTAWA372,,2008-03-14T14:23Z,OTTAWA,CONFIDENTIAL,,,IMMEDIATE,CANADA: DISCORD OVER OSLO PROCESS,08STATE24735,1\r\n\
             ,,,,,,,,,,2\r\n"
        );
        let mut json = Vec::new();
        export(&index, [1].into_iter(), ExportFormat::JsonLines, &mut json);
        assert_eq!(
            String::from_utf8_lossy(&json),
            "{\"id\":null,\"published_id\":\"\",\"date\":null,\"origin\":null,\"classification\":null,\"caveats\":[],\"tags\":[],\"precedence\":null,\"subject\":\"\",\"cites\":[],\"line\":2}\n"
        );
        let mut header = Vec::new();
        export_header(ExportFormat::JsonLines, &mut header);
        assert!(header.is_empty());
    }

    #[test]
    fn rows_written_in_pieces_equal_rows_written_at_once() {
        let docs: Vec<Doc> = (1..=5)
            .map(|line| {
                Doc::read(
                    line,
                    format!("SUBJECT: CABLE {line}\n\nREF: A. 08 STATE {line}\n"),
                )
            })
            .collect();
        let mut segment = SegmentBuilder::new();
        for doc in docs {
            segment.push(doc);
        }
        let index = Index::build(vec![segment.finish()]);
        for format in [ExportFormat::Csv, ExportFormat::JsonLines] {
            let mut whole = Vec::new();
            export(&index, 0..5, format, &mut whole);
            let mut pieces = Vec::new();
            export_header(format, &mut pieces);
            export_rows(&index, 0..2, format, &mut pieces);
            export_rows(&index, 2..5, format, &mut pieces);
            assert_eq!(whole, pieces);
        }
    }

    #[test]
    fn dates_are_iso_to_the_minute_in_utc() {
        assert_eq!(iso_date(0), "1970-01-01T00:00Z");
        assert_eq!(
            iso_date(crate::entry::minutes_since_epoch(2008, 3, 14, 14, 23)),
            "2008-03-14T14:23Z"
        );
        assert_eq!(iso_date(-1), "1969-12-31T23:59Z");
    }
}
