//! The collection's figures over a real `cables.csv` (default `../shared/bulk/cables.csv.gz`):
//! build time on the cores given, stored size against the records' size, search, facet and
//! cited-by latencies, citation maps and exports (median and 95th percentile over a fixed set
//! of questions), reading the store back, and the memory peak (VmHWM).
//!
//! `cargo run --profile cli -p collection --example bench -- [CABLES.CSV[.gz]] [--jobs N]
//! [--repeat N]`; `--repeat N` indexes every record N times (parsed once), to see the
//! latencies at N times the cables.
#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

use std::io::Read;
use std::time::Instant;

use collection::{
    export, neighbourhood, Doc, ExportFormat, Facet, Filter, Index, MapLimits, Order, Query,
    Segment, SegmentBuilder,
};

/// Records a segment is built from, at most (about 8 MB of the bulk file, as `cable index`).
const SEGMENT_RECORDS: usize = 1300;

fn main() {
    let mut path = "../shared/bulk/cables.csv.gz".to_string();
    let mut jobs = 2;
    let mut repeat = 1;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--jobs" => {
                jobs = arguments
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--jobs N")
            }
            "--repeat" => {
                repeat = arguments
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--repeat N")
            }
            other => path = other.to_string(),
        }
    }
    let mut bytes = Vec::new();
    let file = std::fs::File::open(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let mut reader = std::io::BufReader::new(file);
    let mut magic = [0u8; 2];
    reader.read_exact(&mut magic).expect("read");
    let chained = std::io::Cursor::new(magic.to_vec()).chain(reader);
    if magic == [0x1f, 0x8b] {
        flate2::read::MultiGzDecoder::new(chained)
            .read_to_end(&mut bytes)
            .expect("gunzip");
    } else {
        let mut chained = chained;
        chained.read_to_end(&mut bytes).expect("read");
    }
    let mut records: Vec<(u32, String)> = Vec::new();
    let mut at = 0;
    let mut line = 1u32;
    while at < bytes.len() {
        match cable::csv_extent(&bytes[at..]) {
            cable::CsvExtent::Record(span) => {
                line += bytes[at..at + span.start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count() as u32;
                let record = &bytes[at + span.start..at + span.end];
                records.push((line, String::from_utf8_lossy(record).into_owned()));
                line += record.iter().filter(|&&b| b == b'\n').count() as u32;
                at += span.end;
            }
            _ => break,
        }
    }
    let record_bytes: usize = records.iter().map(|(_, text)| text.len()).sum();
    drop(bytes);
    println!(
        "{path}: {} records, {record_bytes} bytes; {jobs} workers, each record {repeat} time(s)",
        records.len()
    );

    // Build: each worker parses a batch and builds its segment; the batches keep their order.
    let started = Instant::now();
    let batches: Vec<&[(u32, String)]> = records.chunks(SEGMENT_RECORDS).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut built: Vec<(usize, Vec<Segment>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let idx = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(batch) = batches.get(idx) else {
                            return mine;
                        };
                        let docs: Vec<Doc> = batch
                            .iter()
                            .map(|(line, text)| Doc::read(*line, text.clone()))
                            .collect();
                        let mut segments = Vec::new();
                        for _ in 0..repeat {
                            let mut builder = SegmentBuilder::new();
                            for doc in &docs {
                                builder.push(doc.clone());
                            }
                            segments.push(builder.finish());
                        }
                        mine.push((idx, segments));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a worker"))
            .collect()
    });
    built.sort_by_key(|(idx, _)| *idx);
    // With --repeat, the copies follow the whole collection in turn, as more files would.
    let mut by_copy: Vec<Vec<Segment>> = (0..repeat).map(|_| Vec::new()).collect();
    for (_, segments) in built {
        for (copy, segment) in segments.into_iter().enumerate() {
            by_copy[copy].push(segment);
        }
    }
    let segments: Vec<Segment> = by_copy.into_iter().flatten().collect();
    let built_at = started.elapsed();
    let index = Index::build(segments);
    let build_seconds = started.elapsed().as_secs_f64();
    let sizes = index.sizes();
    println!(
        "build: {} cables in {} segments, {build_seconds:.2} s ({:.2} s to segments, {:.2} s to merge), {:.0} cables/s",
        index.len(),
        index.segments().len(),
        built_at.as_secs_f64(),
        build_seconds - built_at.as_secs_f64(),
        index.len() as f64 / build_seconds
    );
    let stored_against = (record_bytes * repeat) as f64;
    println!(
        "stored: {} bytes, {:.3} times the records (texts {} = {:.3}, search {} = {:.3}, columns and the rest {})",
        sizes.total,
        sizes.total as f64 / stored_against,
        sizes.texts,
        sizes.texts as f64 / stored_against,
        sizes.search,
        sizes.search as f64 / stored_against,
        sizes.total - sizes.texts - sizes.search
    );

    println!("memory peak after the build: {}", memory_peak());
    let stored = index.to_bytes().expect("texts held");
    let started = Instant::now();
    let reread = Index::from_bytes(&stored).expect("read back");
    println!(
        "read back from bytes (checks, columns, facets, citations): {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    drop(reread);
    drop(stored);

    let queries = [
        "nuclear",
        "iran",
        "\"nuclear program\"",
        "human rights",
        "\"human rights\" china",
        "election fraud",
        "terrorism financing",
        "\"prime minister\"",
        "oil",
        "embassy",
        "the",
        "\"the united states\"",
        "corruption police",
        "visa fraud",
        "non-proliferation",
        "\"free trade agreement\"",
        "hizballah",
        "refugees darfur",
        "avian influenza",
        "\"in the\"",
    ];
    let mut year = Filter::none();
    year.select(Facet::Year, "2004");
    let mut combined = Filter::none();
    combined.select(Facet::Year, "2004");
    combined.select(Facet::Year, "2003");
    combined.select(Facet::Classification, "CONFIDENTIAL");
    combined.select(Facet::Tag, "PREL");
    let filters = [Filter::none(), year.clone(), combined.clone()];

    let mut search_times = Vec::new();
    let mut date_times = Vec::new();
    for _ in 0..3 {
        for text in queries {
            for filter in &filters {
                let mut query = Query {
                    text: text.to_string(),
                    filter: filter.clone(),
                    limit: 20,
                    ..Query::default()
                };
                let started = Instant::now();
                let results = index.search(&query);
                for hit in &results.hits {
                    std::hint::black_box(index.snippet(hit.doc, &results.clauses).ok());
                }
                search_times.push(started.elapsed().as_secs_f64());
                query.order = Order::Date;
                let started = Instant::now();
                std::hint::black_box(index.search(&query));
                date_times.push(started.elapsed().as_secs_f64());
            }
        }
    }
    report("search, ranked, 20 hits with snippets", &mut search_times);
    report("search, by date, 20 hits", &mut date_times);

    let mut facet_times = Vec::new();
    let mut search_facet_times = Vec::new();
    for _ in 0..20 {
        for filter in &filters {
            let started = Instant::now();
            std::hint::black_box(index.facet_counts(filter, None));
            facet_times.push(started.elapsed().as_secs_f64());
        }
        let results = index.search(&Query {
            text: "nuclear".to_string(),
            limit: 20,
            ..Query::default()
        });
        let started = Instant::now();
        std::hint::black_box(index.facet_counts(&combined, Some(&results.matching)));
        search_facet_times.push(started.elapsed().as_secs_f64());
    }
    report("facet counts, every facet", &mut facet_times);
    report(
        "facet counts among a search's matches",
        &mut search_facet_times,
    );

    let most_cited = most_cited(&index, 20);
    let mut cited_by_times = Vec::new();
    for _ in 0..20 {
        for id in &most_cited {
            let started = Instant::now();
            std::hint::black_box(index.cited_by(id));
            cited_by_times.push(started.elapsed().as_secs_f64());
        }
    }
    if let Some(top) = most_cited.first() {
        println!(
            "most cited: {top}, by {} citations",
            index.cited_by(top).len()
        );
    }
    report("cited-by, the 20 most cited IDs", &mut cited_by_times);

    // The citation map of the most-cited cables the collection has (hundreds of citers).
    let mapped: Vec<u32> = self::most_cited(&index, usize::MAX)
        .iter()
        .filter_map(|id| index.docs_with_id(id).first().copied())
        .take(20)
        .collect();
    let mut map_times = Vec::new();
    for _ in 0..20 {
        for &doc in &mapped {
            let started = Instant::now();
            std::hint::black_box(neighbourhood(&index, doc, MapLimits::default()));
            map_times.push(started.elapsed().as_secs_f64());
        }
    }
    if let Some(&top) = mapped.first() {
        let map = neighbourhood(&index, top, MapLimits::default());
        println!(
            "most-cited cable of the collection: {}, cited by {} cables; its map: {} nodes, {} edges, {} left out",
            map.nodes.iter().find(|node| node.hops == 0).map_or("", |node| node.label.as_str()),
            index.cited_by(&index.entry(top).and_then(|entry| entry.id.clone()).unwrap_or_default()).len(),
            map.nodes.len(),
            map.edges.len(),
            map.left_out
        );
    }
    report(
        "citation map (depth 2, 40 nodes), the 20 most-cited cables held",
        &mut map_times,
    );

    for (format, name) in [
        (ExportFormat::Csv, "CSV"),
        (ExportFormat::JsonLines, "JSON Lines"),
    ] {
        let mut export_times = Vec::new();
        let mut bytes = 0;
        for _ in 0..10 {
            let mut out = Vec::new();
            let started = Instant::now();
            export(&index, 0..index.len() as u32, format, &mut out);
            export_times.push(started.elapsed().as_secs_f64());
            bytes = out.len();
        }
        report(
            &format!("export of every cable as {name} ({bytes} bytes)"),
            &mut export_times,
        );
    }

    println!(
        "memory peak at the end (a second copy of the store was read back): {}",
        memory_peak()
    );
    // What a page holds once the text blocks stay in its store: the stored form up to them.
    let held = sizes.total - sizes.texts;
    println!(
        "held once the text blocks stay in the store (Index::release_texts): about {held} bytes, {:.3} times the records",
        held as f64 / stored_against
    );
}

/// The process's peak resident memory (VmHWM).
fn memory_peak() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|line| line.starts_with("VmHWM"))
        .map_or("unknown".to_string(), |line| {
            line.trim_start_matches("VmHWM:").trim().to_string()
        })
}

/// The IDs cited most often, whether in the collection or not.
fn most_cited(index: &Index, limit: usize) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for entry in index.entries() {
        for citation in &entry.citations {
            *counts.entry(citation.cited.clone()).or_default() += 1;
        }
    }
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.into_iter().take(limit).map(|(id, _)| id).collect()
}

fn report(what: &str, seconds: &mut [f64]) {
    seconds.sort_by(f64::total_cmp);
    let at = |share: f64| seconds[((seconds.len() - 1) as f64 * share).round() as usize] * 1000.0;
    println!(
        "{what}: median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} runs)",
        at(0.5),
        at(0.95),
        at(1.0),
        seconds.len()
    );
}
