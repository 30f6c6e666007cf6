//! Prints how fast `cable::parse` reads the real corpus, natively; and, when the bulk file
//! `../shared/bulk/cables.csv.gz` is beside the repository, its 11,380 records on one core and
//! on all (the parse alone: no file reading, no JSON; `./x bench` times the `cable` command).
//!
//! `cargo run --profile cli -p cable --example throughput [ROUNDS]`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(20);
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/cables");
    let Ok(entries) = std::fs::read_dir(folder) else {
        return eprintln!("cannot read {folder}");
    };
    let mut texts: Vec<(String, String)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            std::fs::read_to_string(entry.path())
                .ok()
                .map(|text| (name, text))
        })
        .collect();
    texts.sort();
    let total_bytes: usize = texts.iter().map(|(_, text)| text.len()).sum();

    let started = Instant::now();
    let mut n_paragraphs = 0;
    for _ in 0..rounds {
        for (_, text) in &texts {
            n_paragraphs += cable::parse(text).cable.paragraphs.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = (total_bytes * rounds) as f64 / 1_000_000.0;
    println!(
        "corpus: {} cables, {} bytes, {rounds} rounds: {:.1} MB/s ({} paragraphs a round)",
        texts.len(),
        total_bytes,
        megabytes / seconds,
        n_paragraphs / rounds
    );

    if let Some((name, text)) = texts.iter().max_by_key(|(_, text)| text.len()) {
        let started = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(cable::parse(text));
        }
        let millis = started.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
        println!(
            "largest: {name}, {} bytes: {millis:.2} ms a parse",
            text.len()
        );
    }
    bulk(rounds.clamp(1, 3));
}

/// The bulk file's records parsed (each with its own ID and date columns, as `cable diff` and
/// `cable parse` read them), on one core and then on every core: MB/s, the best of `rounds`.
fn bulk(rounds: usize) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/bulk/cables.csv.gz"
    );
    if !std::path::Path::new(path).exists() {
        return println!("bulk: no ../shared/bulk/cables.csv.gz beside the repository, skipped");
    }
    let unzipped = match std::process::Command::new("gzip")
        .args(["-dc", path])
        .output()
    {
        Ok(output) if output.status.success() => output.stdout,
        _ => return println!("bulk: gzip -dc could not read {path}, skipped"),
    };
    let (text, _) = cable::decode(&unzipped);
    let records: Vec<&str> = cable::csv_rows(&text)
        .filter_map(|row| text.get(row.span.range()))
        .collect();
    let total_bytes: usize = records.iter().map(|record| record.len()).sum();
    let megabytes = total_bytes as f64 / 1_000_000.0;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    for threads in [1, cores] {
        let best = (0..rounds)
            .map(|_| {
                let next = AtomicUsize::new(0);
                let started = Instant::now();
                std::thread::scope(|scope| {
                    for _ in 0..threads {
                        scope.spawn(|| {
                            while let Some(record) =
                                records.get(next.fetch_add(1, Ordering::Relaxed))
                            {
                                std::hint::black_box(cable::parse(record));
                            }
                        });
                    }
                });
                started.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "bulk: {} records, {total_bytes} bytes, {threads} thread(s): {:.1} MB/s ({best:.2} s, best of {rounds})",
            records.len(),
            megabytes / best
        );
    }
}
