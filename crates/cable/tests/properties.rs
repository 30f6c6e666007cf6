//! Property: `parse` never panics and its spans are always valid, on random text and on real
//! cables mutated at random (lines deleted, doubled and shuffled, bytes and markup inserted,
//! text truncated at every kind of place). Deterministic: a failing seed can be replayed.
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
        match rng.below(6) {
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

#[test]
fn mutated_corpus_cables_never_break_the_parser() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/cables");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("corpus")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("corpus cable");
        for round in 0..8 {
            let mutated = mutate(&mut rng, &text);
            check(&mutated, &format!("{} mutation {round}", path.display()));
        }
        // Truncation at every line boundary of the header, where parsing decides most.
        let header_end = text.find("\n\n").map_or(text.len(), |at| at + 2).min(4000);
        for (at, _) in text[..header_end].match_indices('\n') {
            check(
                &text[..at],
                &format!("{} truncated at {at}", path.display()),
            );
        }
    }
}
