//! The citation map and the export over the repository's corpus, and the export's round trip
//! through an RFC 4180 reader written here and `serde_json`.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::HashSet;

use collection::{
    date_of_day, export, minutes_since_epoch, neighbourhood, Citation, Doc, Entry, ExportFormat,
    Index, MapLimits, Place, SegmentBuilder, EXPORT_FIELDS, NODE_WIDTH,
};
use common::{build, corpus_docs};

/// The corpus as one index, built once for all tests.
fn corpus_index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let (docs, skipped) = corpus_docs();
        build(&docs, &skipped, 37)
    })
}

/// `2008-03-14T14:23Z`, written apart from the crate's own.
fn iso_date(minutes: i64) -> String {
    let (year, month, day) = date_of_day(minutes.div_euclid(1440));
    let minute = minutes.rem_euclid(1440);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}Z",
        minute / 60,
        minute % 60
    )
}

/// Splits RFC 4180 CSV (CRLF line ends) into records of fields, as a spreadsheet reads it.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, ch) => field.push(ch),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, ch) => field.push(ch),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "the text ends a record"
    );
    records
}

/// A field as parsed again: the formula guard's `'` dropped.
fn unguarded(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => field,
    }
}

/// What a row should say of `entry`, as strings, lists `;`-joined.
fn expected(entry: &Entry) -> Vec<String> {
    let mut cites: Vec<String> = Vec::new();
    for citation in &entry.citations {
        if !cites.contains(&citation.cited) {
            cites.push(citation.cited.clone());
        }
    }
    vec![
        entry.id.clone().unwrap_or_default(),
        entry.published_id.clone(),
        entry.date.map(iso_date).unwrap_or_default(),
        entry.origin.clone().unwrap_or_default(),
        entry.classification.clone().unwrap_or_default(),
        entry.caveats.join(";"),
        entry.tags.join(";"),
        entry.precedence.clone().unwrap_or_default(),
        entry.subject.clone(),
        cites.join(";"),
        entry.line.to_string(),
    ]
}

/// A JSON Lines row read back into the same strings.
fn from_json(line: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
    let object = value.as_object().expect("an object");
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    let mut sorted_fields = EXPORT_FIELDS.to_vec();
    sorted_fields.sort_unstable();
    assert_eq!(keys, sorted_fields);
    EXPORT_FIELDS
        .iter()
        .map(|&field| match &object[field] {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Number(number) => number.to_string(),
            serde_json::Value::Array(values) => values
                .iter()
                .map(|value| value.as_str().expect("strings").to_string())
                .collect::<Vec<_>>()
                .join(";"),
            other => panic!("{field}: {other}"),
        })
        .collect()
}

/// [`check_index`] on an index of `docs`.
fn check(docs: Vec<Doc>) {
    let mut segment = SegmentBuilder::new();
    for doc in docs {
        segment.push(doc);
    }
    check_index(&Index::build(vec![segment.finish()]));
}

/// Exports every cable of `index` both ways, and checks that each row reads back as its entry.
fn check_index(index: &Index) {
    let all = 0..index.len() as u32;
    let entries: Vec<Vec<String>> = index.entries().map(expected).collect();

    let mut csv = Vec::new();
    export(index, all.clone(), ExportFormat::Csv, &mut csv);
    let records = parse_csv(std::str::from_utf8(&csv).expect("UTF-8"));
    assert_eq!(
        records.first().map(Vec::as_slice),
        Some(&EXPORT_FIELDS.map(String::from)[..])
    );
    let rows: Vec<Vec<String>> = records
        .iter()
        .skip(1)
        .map(|record| {
            record
                .iter()
                .map(|field| unguarded(field).to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows, entries);

    let mut json = Vec::new();
    export(index, all, ExportFormat::JsonLines, &mut json);
    let text = std::str::from_utf8(&json).expect("UTF-8");
    assert!(text.is_empty() || text.ends_with('\n'));
    let rows: Vec<Vec<String>> = text.lines().map(from_json).collect();
    assert_eq!(rows, entries);
}

fn doc_with_subject(line: u32, subject: &str) -> Doc {
    Doc {
        entry: Entry {
            line,
            published_id: format!("08OTTAWA{line}"),
            id: Some(format!("08OTTAWA{line}")),
            date: Some(minutes_since_epoch(2008, 3, 14, 14, 23)),
            origin: Some("OTTAWA".to_string()),
            classification: Some("CONFIDENTIAL".to_string()),
            caveats: vec!["NOFORN".to_string(), "SIPDIS".to_string()],
            tags: vec!["PREL".to_string(), "CA".to_string()],
            precedence: Some("IMMEDIATE".to_string()),
            subject: subject.to_string(),
            citations: ["08STATE24735", "08OTTAWA1", "08STATE24735"]
                .iter()
                .map(|&cited| Citation {
                    cited: cited.to_string(),
                    place: Place::Elsewhere,
                })
                .collect(),
        },
        text: String::new(),
        searched: Vec::new(),
    }
}

#[test]
fn subjects_with_odd_characters_survive_both_formats() {
    let subjects = [
        "CANADA: DISCORD OVER \"OSLO\", AGAIN",
        "two\nlines\r\nand a CR\ralone",
        " spaces at both ends ",
        "Ñandú, São Paulo — 北京 😀",
        "bell \u{7} nul \u{0} escape \u{1b} tab\tdel \u{7f} \u{1f}",
        "back\\slash and /slash",
        "=SUM(A1:A2)",
        "+1 -1 @user",
        "-DASH",
        "@HOME",
        "\tTAB FIRST",
        "",
        "\"",
    ];
    let docs = subjects
        .iter()
        .enumerate()
        .map(|(idx, subject)| doc_with_subject(idx as u32 + 1, subject))
        .collect();
    check(docs);
}

#[test]
fn every_corpus_cable_is_exported_and_reads_back() {
    let index = corpus_index();
    assert!(index.len() > 150);
    check_index(index);
}

#[test]
fn every_edge_of_every_corpus_cables_map_is_a_real_citation() {
    let index = corpus_index();
    let mut n_edges = 0;
    for doc in 0..index.len() as u32 {
        let map = neighbourhood(index, doc, MapLimits::default());
        assert!(map.nodes.len() <= 40);
        assert_eq!(map.nodes.iter().filter(|node| node.hops == 0).count(), 1);
        let keys: HashSet<(&str, Option<u32>)> = map
            .nodes
            .iter()
            .map(|node| (node.id.as_str(), node.doc))
            .collect();
        assert_eq!(keys.len(), map.nodes.len(), "nodes are distinct");
        for node in &map.nodes {
            assert!(node.hops.abs() <= 2, "{node:?}");
        }
        for edge in &map.edges {
            let (from, to) = (&map.nodes[edge.from], &map.nodes[edge.to]);
            let citing = from.doc.expect("a citing node is in the collection");
            assert!(
                index.cites(citing).iter().any(|cited| cited.id == to.id),
                "{from:?} cites {to:?}"
            );
            assert!(index.cited_by(&to.id).iter().any(|by| by.doc == citing));
            n_edges += 1;
        }
        // Each node but the central one is joined to the rest by at least one edge.
        for (idx, node) in map
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.hops != 0)
        {
            assert!(
                map.edges
                    .iter()
                    .any(|edge| edge.from == idx || edge.to == idx),
                "{node:?}"
            );
        }
        let mut lanes: std::collections::HashMap<u32, f32> = std::collections::HashMap::new();
        for node in &map.nodes {
            if let Some(last) = lanes.insert(node.y.to_bits(), node.x) {
                assert!(last + NODE_WIDTH <= node.x, "{map:?}");
            }
        }
    }
    assert!(n_edges > 100, "the corpus's maps have edges: {n_edges}");
}
