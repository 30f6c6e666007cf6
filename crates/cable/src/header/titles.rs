//! The words a classifier's line is made of besides names: title and office words, from
//! `data/titles.tsv`, and the words that introduce reasons.
//!
//! The table holds four kinds of words: `title` (a whole word: `ambassador`, `dcm`, `a.i.`,
//! misspellings seen in real cables included), `prefix` (the start of a title word's many
//! misspellings: `couns`, `direc`), `part` (a piece of the titles officers glue together:
//! `pol` + `couns` in `PolCouns`, `dep` + `pol` + `couns` in `DepPolCouns`, `econ` + `off` in
//! `Econoff`) and `after` (words in lower case written after a name: `as confidential`). The
//! code reads shapes; the words are data.

use std::sync::OnceLock;

/// Where the reasons start: the first of these, matched without regard to case.
pub(crate) const REASON_MARKERS: [&str; 14] = [
    " for rea",
    "reason",
    " rea \n",
    " based upon",
    " under 1",
    "e.o. 1",
    "eo 1",
    "; ",
    ": 1.",
    " for 1",
    " for 12958",
    " f0r ",
    " - reason",
    "-reason",
];

/// The table of title words, compiled in.
const TITLES_TSV: &str = include_str!("../../data/titles.tsv");

/// The table read once: title words, prefixes, parts and words written after a name, each lower
/// case.
struct Titles {
    words: Vec<&'static str>,
    prefixes: Vec<&'static str>,
    parts: Vec<&'static str>,
    after: Vec<&'static str>,
}

fn titles() -> &'static Titles {
    static TITLES: OnceLock<Titles> = OnceLock::new();
    TITLES.get_or_init(|| {
        let mut titles = Titles {
            words: Vec::new(),
            prefixes: Vec::new(),
            parts: Vec::new(),
            after: Vec::new(),
        };
        for line in TITLES_TSV.lines().skip(1) {
            let mut columns = line.split('\t');
            let (Some(word), Some(kind)) = (columns.next(), columns.next()) else {
                continue;
            };
            match kind {
                "title" => titles.words.push(word),
                "prefix" => titles.prefixes.push(word),
                "part" => titles.parts.push(word),
                "after" => titles.after.push(word),
                _ => {}
            }
        }
        titles
    })
}

/// Whether `word` is a title or office word rather than part of a name: in the table, begun
/// like a title word, made of glued title parts (`PolCouns`, `ADCM`), an office written with a
/// slash (`EUR/PRA`), or holding digits.
pub(crate) fn is_title_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let bare = lower.trim_matches([',', '.', ';', ':', '\'']);
    let titles = titles();
    titles.words.contains(&lower.as_str())
        || titles.words.contains(&bare)
        || titles.prefixes.iter().any(|prefix| bare.starts_with(prefix))
        || is_glued_title(bare)
        || is_hyphenated_title(bare)
        || word.contains(['/', ':'])
        // A zero typed for an O (`B0HLEN`) is a letter; other digits are not names.
        || word.chars().any(|ch| ch.is_ascii_digit() && ch != '0')
        || (!word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit()))
}

/// Whether `word`, in lower case, is one written after a classifier's name and no part of it:
/// `ECON Kenneth Merten as confidential`.
pub(crate) fn is_after_name(word: &str) -> bool {
    word == word.to_lowercase() && titles().after.contains(&word.trim_end_matches(['.', ',']))
}

/// Whether a lower-case word is title words joined by hyphens: `consul-general`,
/// `mins-couns`. A double surname (`hinson-jones`) has pieces that are not titles.
fn is_hyphenated_title(word: &str) -> bool {
    word.contains('-')
        && word
            .split('-')
            .all(|piece| !piece.is_empty() && is_title_word(piece))
}

/// Whether a lower-case word is title parts glued together, perhaps after the one-letter `a`
/// (acting, assistant) or `d` (deputy): `polcouns`, `deppolcouns`, `econchief`, `adcm`; the
/// last may be a whole title word of five letters or more (`polcounselor`, `econofficer`).
fn is_glued_title(word: &str) -> bool {
    fn split(rest: &str, parts: &[&str], words: &[&str], after_part: bool) -> bool {
        rest.is_empty()
            || (after_part && rest.len() >= 5 && words.contains(&rest))
            || parts.iter().any(|part| {
                rest.strip_prefix(part)
                    .is_some_and(|after| split(after, parts, words, true))
            })
    }
    let titles = titles();
    let (parts, words) = (&titles.parts, &titles.words);
    let glued = |word: &str| {
        let unprefixed = word.strip_prefix(['a', 'd']);
        (word.len() >= 3 && split(word, parts, words, false))
            || unprefixed.is_some_and(|rest| rest.len() >= 3 && split(rest, parts, words, false))
    };
    // A plural (`Econoffs`) is glued parts too.
    glued(word) || word.strip_suffix('s').is_some_and(glued)
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    /// Each word with whether it reads as a title or office word.
    fn check(words: &str, expect: Expect) {
        let shown: Vec<String> = words
            .split_whitespace()
            .map(|word| format!("{word}={}", super::is_title_word(word)))
            .collect();
        expect.assert_eq(&shown.join(" "));
    }

    #[test]
    fn hyphenated_titles_are_titles_and_double_surnames_are_not() {
        check(
            "Consul-General MINS-COUNS Minister-Counselor Hinson-Jones Zuniga-Brown",
            expect!["Consul-General=true MINS-COUNS=true Minister-Counselor=true Hinson-Jones=false Zuniga-Brown=false"],
        );
    }

    #[test]
    fn glued_parts_may_end_in_a_whole_title_word() {
        check(
            "POLCOUNSELOR EconOfficer PolCouns Polmiloff Pamela Demin Paolo Conrad",
            expect!["POLCOUNSELOR=true EconOfficer=true PolCouns=true Polmiloff=true Pamela=false Demin=false Paolo=false Conrad=false"],
        );
    }

    #[test]
    fn ranks_and_bureaus_are_titles() {
        check(
            "Col. COL LTC Capt. DATT INR EUR State Mision",
            expect!["Col.=true COL=true LTC=true Capt.=true DATT=true INR=true EUR=true State=true Mision=true"],
        );
    }
}
