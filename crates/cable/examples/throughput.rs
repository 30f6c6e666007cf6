//! Prints how fast `cable::parse` reads the real corpus, natively.
//!
//! `cargo run --release -p cable --example throughput [ROUNDS]`

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
}
