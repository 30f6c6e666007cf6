//! Property: `parse` never panics and its spans are always valid, on random text and on every
//! corpus cable and variant mutated at random (lines deleted, doubled and swapped, blocks of lines
//! doubled, paragraphs shuffled, bytes and markup inserted, text truncated at every header line and
//! at random). Deterministic: a failing seed can be replayed.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

/// xorshift64*: small, deterministic, good enough to explore inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces that steer the parser into its rarer paths.
const FRAGMENTS: [&str; 24] = [
    "\n",
    "\r\n",
    " ",
    "  ",
    "[1](#)",
    "[PREL](#)",
    "¶",
    "<a href='#'>",
    "</a>",
    "&#x000A;",
    "&amp;",
    "\\\"",
    "C O N F I D E N T I A L ",
    "SECTION 01 OF 02 ",
    "SUBJECT:",
    "TAGS: ",
    "REF: A. STATE 1",
    "Classified By: ",
    "1. (C) ",
    "O 141423Z MAR 08\n",
    "FM AMEMBASSY X\nTO ",
    "VZCZC",
    "\u{202e}",
    "é",
];

fn check(text: &str, what: &str) {
    let parse = cable::parse(text);
    if let Err(error) = cable::validate(text, &parse) {
        panic!("{what}: {error}\ninput: {text:?}");
    }
}

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..1 + rng.below(6) {
        let n = lines.len().max(1);
        match rng.below(8) {
            0 if !lines.is_empty() => {
                lines.remove(rng.below(n));
            }
            1 if !lines.is_empty() => {
                let line = lines[rng.below(n)].clone();
                lines.insert(rng.below(n), line);
            }
            2 if lines.len() > 1 => {
                let (a, b) = (rng.below(n), rng.below(n));
                lines.swap(a, b);
            }
            3 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                let at = rng.below(n);
                if let Some(line) = lines.get_mut(at) {
                    let mut cut = rng.below(line.len() + 1);
                    while !line.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    line.insert_str(cut, fragment);
                } else {
                    lines.push(fragment.to_string());
                }
            }
            // Glue two lines, as the first release did.
            4 if lines.len() > 1 => {
                let at = rng.below(n - 1);
                let next = lines.remove(at + 1);
                lines[at].push_str(&next);
            }
            // Double a block of up to 30 lines, as a bad copy and paste does.
            5 if !lines.is_empty() => {
                let start = rng.below(n);
                let end = (start + 1 + rng.below(30)).min(n);
                let block: Vec<String> = lines[start..end].to_vec();
                let at = rng.below(n + 1);
                lines.splice(at..at, block);
            }
            // Shuffle the blank-line-separated blocks (paragraphs) after the first.
            6 => {
                let joined = lines.join("\n");
                let mut blocks: Vec<&str> = joined.split("\n\n").collect();
                for i in (2..blocks.len()).rev() {
                    let j = 1 + rng.below(i);
                    blocks.swap(i, j);
                }
                lines = blocks.join("\n\n").lines().map(str::to_string).collect();
            }
            _ => {}
        }
    }
    let mut mutated = lines.join(if rng.below(4) == 0 { "\r\n" } else { "\n" });
    if rng.below(3) == 0 {
        let mut cut = rng.below(mutated.len() + 1);
        while !mutated.is_char_boundary(cut) {
            cut -= 1;
        }
        mutated.truncate(cut);
    }
    mutated
}

#[test]
fn random_text_never_breaks_the_parser() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let mut text = String::new();
        for _ in 0..rng.below(40) {
            match rng.below(3) {
                0 => text.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]),
                1 => text.push(char::from_u32(rng.below(0x800) as u32).unwrap_or('?')),
                _ => text.push(char::from(b' ' + rng.below(95) as u8)),
            }
        }
        check(&text, &format!("random round {round}"));
    }
}

/// Every file of a corpus folder, in name order.
fn corpus_files(folder: &str) -> Vec<std::path::PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("corpus folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    paths
}

#[test]
fn mutated_corpus_cables_never_break_the_parser() {
    mutate_every_file("cables", 0xD1B5_4A32_D192_ED03, 8);
}

#[test]
fn mutated_corpus_variants_never_break_the_parser() {
    mutate_every_file("variants", 0x6A09_E667_F3BC_C908, 4);
}

#[test]
fn mutated_json_records_never_break_the_parser() {
    mutate_every_file("records", 0xBB67_AE85_84CA_A73B, 64);
}

fn mutate_every_file(folder: &str, seed: u64, rounds: usize) {
    let paths = corpus_files(folder);
    assert!(!paths.is_empty(), "{folder}: no files");
    let mut rng = Rng(seed);
    for path in &paths {
        let bytes = std::fs::read(path).expect("corpus file");
        // Variants are read as the page reads a file: UTF-8, else Latin-1.
        let text = String::from_utf8(bytes.clone())
            .unwrap_or_else(|_| bytes.iter().map(|&b| char::from(b)).collect());
        check(&text, &format!("{}", path.display()));
        for round in 0..rounds {
            let mutated = mutate(&mut rng, &text);
            check(&mutated, &format!("{} mutation {round}", path.display()));
        }
        // Truncation at every line boundary of the header, where parsing decides most.
        let mut header_end = text.find("\n\n").map_or(text.len(), |at| at + 2).min(4000);
        while !text.is_char_boundary(header_end) {
            header_end -= 1;
        }
        for (at, _) in text[..header_end].match_indices('\n') {
            check(
                &text[..at],
                &format!("{} truncated at {at}", path.display()),
            );
        }
    }
}
