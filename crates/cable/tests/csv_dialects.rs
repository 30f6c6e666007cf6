//! A `cables.csv` record reads the same in WikiLeaks' dialect (`\"`, `\\`) and in RFC 4180's, as
//! a spreadsheet writes it (`""`, backslashes as themselves).

// Test code: a missing corpus file should stop the run loudly.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fs;
use std::path::{Path, PathBuf};

fn variants_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/variants")
}

/// The record of a corpus file, as the page and the CLI read it.
fn read_record(path: &Path) -> String {
    cable::decode(&fs::read(path).expect("readable corpus file")).0
}

/// The same record written as a spreadsheet writes it: each column's content, escapes read, in
/// quotes, a quote inside doubled.
fn to_rfc_4180(record: &str) -> String {
    let row = cable::csv_row(record).expect("a cables.csv record");
    assert_eq!(row.dialect, cable::CsvDialect::WikiLeaks);
    let columns: Vec<String> = (0..cable::CSV_COLUMNS.len())
        .map(|idx| format!("\"{}\"", row.column(idx).replace('"', "\"\"")))
        .collect();
    columns.join(",")
}

/// A parse shown without its spans, which differ as the escapes differ in length.
fn without_spans(parse: &cable::Parse) -> String {
    let shown = format!("{parse:#?}");
    let mut kept = String::with_capacity(shown.len());
    let mut lines = shown.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.ends_with("Span {") {
            // `start: …,` `end: …,` and the closing brace.
            lines.nth(2);
            kept.push_str(line.trim_end_matches('{'));
            kept.push_str("..\n");
            continue;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

#[test]
fn a_cable_written_in_either_dialect_parses_the_same() {
    let wikileaks = read_record(&variants_dir().join("03OTTAWA202__cablescsv__row.csv"));
    assert!(wikileaks.contains("Canada\\'s"), "the record has escapes");
    let rfc = to_rfc_4180(&wikileaks);
    assert!(!rfc.contains("\\'"));
    let row = cable::csv_row(&rfc).expect("the RFC 4180 record reads");
    assert_eq!(
        row.dialect,
        cable::CsvDialect::WikiLeaks,
        "no quote in it to double"
    );
    let wikileaks_parse = cable::parse(&wikileaks);
    let rfc_parse = cable::parse(&rfc);
    assert!(cable::validate(&rfc, &rfc_parse).is_ok());
    assert_eq!(rfc_parse.input_form, cable::InputForm::CsvRecord);
    assert_eq!(without_spans(&wikileaks_parse), without_spans(&rfc_parse));
}

#[test]
fn every_corpus_record_with_a_quote_in_it_parses_the_same_written_as_a_spreadsheet_does() {
    let mut n_with_quotes = 0;
    for entry in fs::read_dir(variants_dir()).expect("corpus folder") {
        let path = entry.expect("readable entry").path();
        if !path.to_string_lossy().ends_with("__cablescsv__row.csv") {
            continue;
        }
        let wikileaks = read_record(&path);
        let rfc = to_rfc_4180(&wikileaks);
        let row = cable::csv_row(&rfc).expect("the RFC 4180 record reads");
        if rfc.contains("\"\"") && row.columns.iter().any(|column| column.contains("\"\"")) {
            n_with_quotes += 1;
            assert_eq!(
                row.dialect,
                cable::CsvDialect::Rfc4180,
                "{}",
                path.display()
            );
        }
        for idx in 0..cable::CSV_COLUMNS.len() {
            let written = cable::csv_row(&wikileaks).expect("a record").column(idx);
            assert_eq!(row.column(idx), written, "{} column {idx}", path.display());
        }
        let rfc_parse = cable::parse(&rfc);
        assert!(
            cable::validate(&rfc, &rfc_parse).is_ok(),
            "{}",
            path.display()
        );
        assert_eq!(
            without_spans(&cable::parse(&wikileaks)),
            without_spans(&rfc_parse),
            "{}",
            path.display()
        );
    }
    assert!(
        n_with_quotes > 10,
        "the corpus has records with quotes in them"
    );
}
