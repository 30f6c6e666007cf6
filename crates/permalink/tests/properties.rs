//! Properties of links, in the format written now (2) and in format 1, which must keep opening:
//! every text and view comes back exactly; every cut and every changed character of a link is
//! refused with a message, never decoded to another text.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use permalink::{decode, encode, Codec, LinkError, View};

/// xorshift64*: small, deterministic; a failing seed can be replayed.
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

const PIECES: [&str; 16] = [
    "C O N F I D E N T I A L ",
    "SIPDIS\n",
    "E.O. 12958: DECL: 03/14/2018\n",
    "RUEHC/SECSTATE WASHDC ",
    "Classified By: ",
    "\n\n",
    "\r\n",
    "¶",
    "’",
    "é",
    "\u{202E}",
    "\u{200B}",
    "\0",
    "<script>alert(1)</script>",
    "𝔘",
    "1. (C) ",
];

fn random_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(60) {
        match rng.below(3) {
            0 => text.push_str(PIECES[rng.below(PIECES.len())]),
            1 => {
                for _ in 0..rng.below(20) {
                    text.push(char::from(b' ' + rng.below(95) as u8));
                }
            }
            _ => {
                if let Some(ch) = char::from_u32(rng.below(0x11_0000) as u32) {
                    text.push(ch);
                }
            }
        }
    }
    text
}

fn random_view(rng: &mut Rng) -> View {
    let anchors = [
        "p-1",
        "p-12",
        "p-u3",
        "ref-A",
        "ref-b",
        "field-subject",
        "field-tags",
        "note-4",
    ];
    View {
        selected: (rng.below(2) == 0).then(|| anchors[rng.below(anchors.len())].to_string()),
        source_open: rng.below(2) == 0,
        as_written: rng.below(2) == 0,
        transmission_open: rng.below(2) == 0,
        notes_open: rng.below(2) == 0,
        all_paragraphs: rng.below(2) == 0,
        cable_id: (rng.below(3) == 0)
            .then(|| ["08OTTAWA372", "66STATE1", "09USUNNEWYORK234"][rng.below(3)].to_string()),
    }
}

/// A format-1 link, as format 1 made them.
fn encode_v1(text: &str, view: &View) -> Result<String, permalink::EncodeError> {
    Codec::builtin()
        .encode_v1(text, view)
        .expect("the built-in codec has format 1's model")
}

fn round_trip(text: &str, view: &View, what: &str) {
    for (version, fragment) in [(2, encode(text, view)), (1, encode_v1(text, view))] {
        let fragment = fragment.unwrap_or_else(|error| panic!("{what}: {error}"));
        assert!(fragment.starts_with(&format!("{version}.")), "{what}");
        let link = decode(&fragment).unwrap_or_else(|error| panic!("{what}: {error}"));
        assert!(
            link.text == text,
            "{what}: the text came back different (format {version})"
        );
        assert_eq!(&link.view, view, "{what}");
    }
}

#[test]
fn random_texts_and_views_come_back() {
    let mut rng = Rng(0x5EED_CAB1E);
    for case in 0..300 {
        let text = random_text(&mut rng);
        let view = random_view(&mut rng);
        round_trip(&text, &view, &format!("case {case}"));
    }
}

#[test]
fn every_corpus_cable_and_variant_comes_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut rng = Rng(7);
    let mut n = 0;
    for dir in ["cables", "variants"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("corpus directory")
            .flatten()
            .map(|entry| entry.path())
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("corpus file");
            // Variants include other encodings; a link carries the text the page decoded.
            let text = String::from_utf8_lossy(&bytes);
            round_trip(&text, &random_view(&mut rng), &path.display().to_string());
            n += 1;
        }
    }
    assert!(n > 300, "only {n} corpus files");
}

/// Every cut of `link` and every one-character change is refused, with a message.
fn check_rejects_damage(link: &str) {
    let (version, body) = link.split_once('.').expect("a link");
    for len in 0..link.len() {
        let cut = &link[..len];
        let result = decode(cut);
        assert!(result.is_err(), "the cut {cut:?} decoded");
        if len > version.len() + 1 {
            assert_eq!(result, Err(LinkError::Incomplete), "cut at {len}");
        }
    }
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~%"
        .chars()
        .collect();
    for (idx, original) in body.char_indices() {
        for &replacement in &alphabet {
            if replacement == original {
                continue;
            }
            let mut changed = String::with_capacity(link.len());
            changed.push_str(version);
            changed.push('.');
            changed.push_str(&body[..idx]);
            changed.push(replacement);
            changed.push_str(&body[idx + 1..]);
            match decode(&changed) {
                Ok(_) => panic!("{changed:?} (character {idx} changed) decoded"),
                Err(error) => assert!(!error.to_string().is_empty()),
            }
        }
    }
}

#[test]
fn cut_or_changed_links_are_refused() {
    let seed = include_str!("../../../corpus/seed/08OTTAWA372.txt");
    for (text, view) in [
        (
            "1. (C) SUMMARY: THE MINISTER AGREED. END SUMMARY.\n",
            View {
                selected: Some("p-1".into()),
                ..View::default()
            },
        ),
        ("", View::default()),
        (
            seed,
            View {
                source_open: true,
                ..View::default()
            },
        ),
    ] {
        check_rejects_damage(&encode(text, &view).expect("encodable"));
        check_rejects_damage(&encode_v1(text, &view).expect("encodable"));
    }
}

#[test]
fn a_link_from_a_later_version_says_so() {
    let link = encode("x", &View::default()).expect("encodable");
    let later = link.replacen("2.", "3.", 1);
    let error = decode(&later).expect_err("a later version");
    assert_eq!(error, LinkError::FutureVersion(3));
    assert!(error.to_string().contains("newer version"));
}

/// A payload behind a valid checksum, which random strings almost never reach: any bytes there
/// open to some text or are refused, in either format, never a panic; an opened one codes back.
#[test]
fn any_sealed_payload_opens_or_is_refused() {
    let mut rng = Rng(0xC0DE);
    let (mut opened, mut refused) = (0, 0);
    // Each decode copies a primed model (about 10 MB): a hundred cases keep this to seconds.
    for case in 0..100 {
        let mut rest = Vec::new();
        let len = rng.below(300);
        // The text length (a varint under 16,384), the view flags, then code.
        rest.push(0x80 | (len & 0x7F) as u8);
        rest.push((len >> 7) as u8);
        rest.push(if rng.below(2) == 0 {
            0
        } else {
            rng.below(256) as u8
        });
        for _ in 0..rng.below(200) {
            rest.push(rng.below(256) as u8);
        }
        for version in [1, 2] {
            let fragment = permalink::seal_version(version, &rest);
            match decode(&fragment) {
                Ok(link) => {
                    opened += 1;
                    let again = encode(&link.text, &link.view).expect("an opened link re-encodes");
                    assert_eq!(decode(&again), Ok(link), "case {case}, format {version}");
                }
                Err(error) => {
                    refused += 1;
                    assert!(!error.to_string().is_empty());
                }
            }
        }
    }
    assert!(
        opened > 0 && refused > 0,
        "opened {opened}, refused {refused}"
    );
}
