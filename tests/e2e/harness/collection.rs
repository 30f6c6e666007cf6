//! A collection made from the corpus for the collection page's tests: every cable of
//! `corpus/cables` as a `cables.csv` record (the real records of `corpus/variants/*row.csv`
//! where the corpus has one), each text variant of a cable as a record of its own, and a few
//! broken rows among them; the same records indexed natively, to check the page's answers.

use std::io::Write;
use std::path::{Path, PathBuf};

use collection::{Doc, Index, SegmentBuilder};

use super::repo::repo;

/// The collection's files and what is known of them.
pub struct Fixture {
    /// The `cables.csv`, in WikiLeaks' dialect.
    pub csv: PathBuf,
    /// The same, gzipped.
    pub gz: PathBuf,
    /// How many records it holds.
    pub n_records: usize,
    /// How many lines are no record.
    pub n_broken_lines: usize,
    /// The records indexed natively, as the page's workers index them.
    pub index: Index,
}

/// A record in WikiLeaks' dialect: eight quoted columns, `\"` and `\\` escaped.
fn record(row: usize, id: &str, text: &str) -> String {
    let escape = |column: &str| column.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "\"{row}\",\"\",\"{}\",\"\",\"\",\"\",\"\",\"{}\"\n",
        escape(id),
        escape(text)
    )
}

fn sorted_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("a corpus folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    files.sort();
    files
}

/// Writes the collection into `folder` and indexes it natively.
pub fn corpus_collection(folder: &Path) -> Fixture {
    let corpus = repo().join("corpus");
    let variants = sorted_files(&corpus.join("variants"));
    let mut records: Vec<String> = Vec::new();
    for file in sorted_files(&corpus.join("cables")) {
        let id = file
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default()
            .to_string();
        let real_row = variants.iter().find(|variant| {
            variant
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| {
                    name.starts_with(&format!("{id}__")) && name.ends_with("row.csv")
                })
        });
        match real_row {
            Some(row) => {
                let text = std::fs::read_to_string(row).expect("a corpus record");
                records.push(format!("{}\n", text.trim_end()));
            }
            None => {
                let text = cable::decode(&std::fs::read(&file).expect("a corpus cable")).0;
                records.push(record(records.len() + 1, &id, &text));
            }
        }
    }
    for variant in &variants {
        let name = variant
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        if !name.ends_with(".txt") {
            continue;
        }
        let id = name.split("__").next().unwrap_or_default();
        // A Latin-1 variant is written into the (UTF-8) file as the page reads it.
        let text = cable::decode(&std::fs::read(variant).expect("a corpus variant")).0;
        records.push(record(records.len() + 1, id, &text));
    }
    // Broken rows: a line of prose, a row of five columns, and (last) a record never closed.
    let broken = [
        (
            records.len() / 3,
            "THIS LINE IS NO RECORD, BUT A NOTE LEFT IN THE FILE\n",
        ),
        (2 * records.len() / 3, "\"1\",\"2\",\"3\",\"4\",\"5\"\n"),
    ];
    let mut text = String::new();
    let mut builder = SegmentBuilder::new();
    let mut line = 1u32;
    let mut n_broken_lines = 0;
    for (idx, record) in records.iter().enumerate() {
        for (at, row) in broken {
            if at == idx {
                text.push_str(row);
                line += 1;
                n_broken_lines += 1;
            }
        }
        let bytes = record.trim_end_matches('\n');
        builder.push(Doc::read(line, bytes.to_string()));
        text.push_str(record);
        line += record.matches('\n').count() as u32;
    }
    text.push_str("\"99999\",\"\",\"99NOWHERE1\",\"\",\"\",\"\",\"\",\"A RECORD CUT SHORT");
    n_broken_lines += 1;
    std::fs::create_dir_all(folder).expect("a scratch folder");
    let csv = folder.join("cables.csv");
    std::fs::write(&csv, &text).expect("write cables.csv");
    let gz = folder.join("cables.csv.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).expect("create cables.csv.gz"),
        flate2::Compression::fast(),
    );
    encoder.write_all(text.as_bytes()).expect("gzip");
    encoder.finish().expect("gzip");
    Fixture {
        csv,
        gz,
        n_records: records.len(),
        n_broken_lines,
        index: Index::build(vec![builder.finish()]),
    }
}
