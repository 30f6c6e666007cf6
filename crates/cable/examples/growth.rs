//! Prints how `cable::parse`'s time grows with its input, from 10 KB to 10 MB, for five shapes of
//! input: real cables one after another, one line without a break, a million short lines,
//! thousands of reference letters, and a paragraph numbering running past 100 000. Time per MB
//! should stay flat as the input grows (linear time); the last column is each size's time per MB
//! over the 10 KB one's.
//!
//! `cargo run --release -p cable --example growth [--check] [LARGEST_MB]`
//!
//! With `--check` it fails when any ratio passes `CHECK_RATIO`: quadratic work over a thousandfold
//! growth shows as hundreds, noise on a busy machine as less than two.

use std::time::{Duration, Instant};

const KB: usize = 1_000;
const MB: usize = 1_000_000;
const CHECK_RATIO: f64 = 4.0;

/// A shape of input: its name and a function that makes at least `len` bytes of it.
type Shape = (&'static str, fn(usize) -> String);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|arg| arg == "--check");
    let largest_mb: usize = args.iter().find_map(|arg| arg.parse().ok()).unwrap_or(10);
    let mut worst: f64 = 0.0;
    let shapes: [Shape; 5] = [
        ("repeated cables", repeated_cables),
        ("one long line", one_line),
        ("short lines", short_lines),
        ("reference letters", reference_letters),
        ("numbered paragraphs", numbered_paragraphs),
    ];
    let mut sizes = vec![10 * KB, 100 * KB, MB];
    sizes.extend((largest_mb >= 10).then_some(10 * MB));
    println!(
        "{:<20} {:>9} {:>10} {:>10} {:>7}",
        "input", "bytes", "ms", "ms per MB", "ratio"
    );
    for (name, make) in shapes {
        let mut first_per_mb = None;
        for &size in &sizes {
            let text = make(size);
            let elapsed = best_of(&text, if size >= MB { 2 } else { 10 });
            let ms = elapsed.as_secs_f64() * 1000.0;
            let per_mb = ms / (text.len() as f64 / MB as f64);
            let ratio = per_mb / *first_per_mb.get_or_insert(per_mb);
            worst = worst.max(ratio);
            println!(
                "{name:<20} {:>9} {ms:>10.2} {per_mb:>10.1} {ratio:>7.2}",
                text.len()
            );
        }
    }
    println!("largest ratio: {worst:.2}");
    if check && worst > CHECK_RATIO {
        eprintln!("time per MB grew {worst:.2}-fold (limit {CHECK_RATIO}): not linear");
        std::process::exit(1);
    }
}

/// The fastest of `rounds` parses: the least disturbed by the rest of the machine.
fn best_of(text: &str, rounds: usize) -> Duration {
    (0..rounds)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(cable::parse(text));
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn repeated_cables(len: usize) -> String {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/cables");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let cables: Vec<String> = paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    let mut text = String::with_capacity(len + 100 * KB);
    while text.len() < len && !cables.is_empty() {
        for cable in &cables {
            text.push_str(cable);
            text.push('\n');
            if text.len() >= len {
                break;
            }
        }
    }
    text
}

fn one_line(len: usize) -> String {
    let words = "THE EMBASSY NOTED THAT THE MINISTER, ASKED ABOUT REF A, SAID ";
    let mut text = String::from("SUBJECT: ONE LINE\n\n1. (C) ");
    while text.len() < len {
        text.push_str(words);
    }
    text
}

fn short_lines(len: usize) -> String {
    let mut text = String::with_capacity(len);
    for line in ["OK\n", "-- \n", "A\n", "(C)\n", "1.\n"].iter().cycle() {
        if text.len() >= len {
            break;
        }
        text.push_str(line);
    }
    text
}

fn reference_letters(len: usize) -> String {
    let mut text = String::from("UNCLAS STATE 000001\n\nSUBJECT: MANY REFERENCES\n\nREF: ");
    let mut n = 0usize;
    while text.len() < len {
        text.push_str(&letters(n));
        text.push_str(&format!(". STATE {} ", 1000 + n));
        n += 1;
        if n.is_multiple_of(8) {
            text.push('\n');
        }
    }
    text
}

/// A, B, …, Z, AA, AB, …: reference letters as far as they go.
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn numbered_paragraphs(len: usize) -> String {
    let mut text = String::from("UNCLAS STATE 000001\n\nSUBJECT: MANY PARAGRAPHS\n\n");
    let mut n = 0usize;
    while text.len() < len {
        n += 1;
        text.push_str(&format!("{n}. (U) POINT {n}.\n\n"));
    }
    text
}
