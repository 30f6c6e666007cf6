//! What the collection's integration tests share: the repository's corpus read as docs, and
//! an index built from them in segments.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use collection::{Doc, Index, SegmentBuilder};

/// The repository's `corpus` folder.
pub fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"))
}

/// The corpus's cables as loose texts, then its `cables.csv` records as one dump with two
/// broken rows in it: the docs in order, and the skipped rows' lines.
pub fn corpus_docs() -> (Vec<Doc>, Vec<u32>) {
    let mut docs = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(corpus().join("cables"))
        .expect("corpus/cables")
        .map(|entry| entry.expect("entry").path())
        .collect();
    names.sort();
    for (idx, path) in names.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("a corpus cable");
        docs.push(Doc::read(idx as u32 + 1, text));
    }
    let mut rows: Vec<_> = std::fs::read_dir(corpus().join("variants"))
        .expect("corpus/variants")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.to_string_lossy().ends_with("__cablescsv__row.csv"))
        .collect();
    rows.sort();
    assert!(rows.len() > 50, "the corpus has its cables.csv rows");
    let mut dump = String::new();
    for (idx, path) in rows.iter().enumerate() {
        dump.push_str(std::fs::read_to_string(path).expect("a row").trim_end());
        dump.push('\n');
        if idx == 10 || idx == 40 {
            dump.push_str("this line is no record, \"and\",\"neither\"\n");
        }
    }
    let mut skipped = Vec::new();
    let mut rest = dump.as_str();
    let mut line = 1u32;
    while !rest.trim().is_empty() {
        let blanks = rest.len() - rest.trim_start().len();
        line += rest[..blanks].matches('\n').count() as u32;
        rest = &rest[blanks..];
        match cable::csv_extent(rest.as_bytes()) {
            cable::CsvExtent::Record(span) => {
                let record = &rest[span.start..span.end];
                docs.push(Doc::read(line, record.to_string()));
                line += record.matches('\n').count() as u32;
                rest = &rest[span.end..];
            }
            _ => {
                skipped.push(line);
                let end = rest.find('\n').map_or(rest.len(), |at| at + 1);
                line += 1;
                rest = &rest[end..];
            }
        }
    }
    assert_eq!(skipped.len(), 2);
    (docs, skipped)
}

/// The docs in segments of `per_segment`, each skipped row noted in the segment being built
/// when the reader met it (before the next record).
pub fn build(docs: &[Doc], skipped: &[u32], per_segment: usize) -> Index {
    let mut segments = Vec::new();
    let mut builder = SegmentBuilder::new();
    let mut pending = skipped.iter().peekable();
    for doc in docs {
        while let Some(&&line) = pending.peek() {
            if line > doc.entry.line {
                break;
            }
            builder.skip(line, 1);
            pending.next();
        }
        builder.push(doc.clone());
        if builder.len() == per_segment {
            segments.push(std::mem::take(&mut builder).finish());
        }
    }
    for &line in pending {
        builder.skip(line, 1);
    }
    segments.push(builder.finish());
    Index::build(segments)
}
