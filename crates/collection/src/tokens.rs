//! How cable text becomes search terms, written once: the index, the queries and the snippets
//! all read text through [`for_each_token`].
//!
//! - A **word** is a run of letters and digits (Unicode's `is_alphanumeric`); everything else
//!   separates words. Words are lowercased, so `NUCLEAR`, `Nuclear` and `nuclear` are one term:
//!   cables are mostly written in capitals.
//! - A **possessive** after a word is dropped with its mark: `IRAN'S`, `IRAN’S`, `IRAN\'S` (a
//!   `cables.csv` escape) and the telegraph's `IRAN,S` all give `iran`. Other apostrophes
//!   separate words: `DON'T` is `don`, `t`.
//! - A **hyphen** separates too: `NON-PROLIFERATION` is `non` then `proliferation`, at
//!   consecutive positions, so the query `non-proliferation` (read the same way) finds it as a
//!   phrase, and `proliferation` alone finds it as well.
//! - A **number** is a word of digits with its leading zeros dropped (`000372` is `372`, as in
//!   cable IDs, `0` stays `0`); `1.4(B)` is `1`, `4`, `b`. A word of letters and digits stays
//!   whole: `08OTTAWA372` is one term.
//! - A word longer than [`MAX_TERM_BYTES`] is no term (it still takes a position, so phrases do
//!   not join across it).

/// Words longer than this (in UTF-8 bytes, lowercased) are not indexed: runs of garble.
pub const MAX_TERM_BYTES: usize = 48;

/// Calls `each(term, position, start, end)` for every term of `text`, in order: `position`
/// counts words from `first_position`, `start..end` is the word's bytes in `text` (a dropped
/// possessive not included). Returns the position after the last word.
pub fn for_each_token(
    text: &str,
    first_position: u32,
    mut each: impl FnMut(&str, u32, usize, usize),
) -> u32 {
    let bytes = text.as_bytes();
    let mut term = String::new();
    let mut position = first_position;
    let mut at = 0;
    while at < bytes.len() {
        // Find the next word's start.
        let Some((start, _)) = text
            .get(at..)
            .and_then(|rest| rest.char_indices().find(|(_, ch)| ch.is_alphanumeric()))
            .map(|(offset, ch)| (at + offset, ch))
        else {
            break;
        };
        let end = text
            .get(start..)
            .and_then(|rest| {
                rest.char_indices()
                    .find(|(_, ch)| !ch.is_alphanumeric())
                    .map(|(offset, _)| start + offset)
            })
            .unwrap_or(text.len());
        let word = text.get(start..end).unwrap_or_default();
        term.clear();
        if word.is_ascii() {
            term.push_str(word);
            term.make_ascii_lowercase();
        } else {
            term.extend(word.chars().flat_map(char::to_lowercase));
        }
        if term.bytes().all(|byte| byte.is_ascii_digit()) {
            let zeros = term.len() - term.trim_start_matches('0').len();
            let keep = zeros.min(term.len() - 1);
            term.drain(..keep);
        }
        if term.len() <= MAX_TERM_BYTES {
            each(&term, position, start, end);
        }
        position += 1;
        let ends_in_letter = word.chars().next_back().is_some_and(char::is_alphabetic);
        at = end + possessive_len(text.get(end..).unwrap_or_default(), ends_in_letter);
    }
    position
}

/// The length of a possessive mark at the start of `rest` (`'S`, `’S`, `\'S`, `,S` after a
/// letter) followed by no letter or digit; 0 when there is none.
fn possessive_len(rest: &str, after_letter: bool) -> usize {
    let marks: &[&str] = if after_letter {
        &["'", "\u{2019}", "\\'", ","]
    } else {
        &["'", "\u{2019}", "\\'"]
    };
    for mark in marks {
        let Some(after_mark) = rest.strip_prefix(mark) else {
            continue;
        };
        let Some(after_s) = after_mark
            .strip_prefix('S')
            .or_else(|| after_mark.strip_prefix('s'))
        else {
            continue;
        };
        if !after_s.chars().next().is_some_and(char::is_alphanumeric) {
            return rest.len() - after_s.len();
        }
    }
    0
}

/// The terms of `text`, in order, each with its byte range.
pub fn tokens(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut terms = Vec::new();
    for_each_token(text, 0, |term, _, start, end| {
        terms.push((term.to_string(), start..end));
    });
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let terms: Vec<String> = tokens(text).into_iter().map(|(term, _)| term).collect();
        assert_eq!(terms, expect, "{text}");
    }

    #[test]
    fn words_are_lowercased_runs_of_letters_and_digits() {
        check(
            "SUBJECT: CANADA: DISCORD OVER OSLO",
            &["subject", "canada", "discord", "over", "oslo"],
        );
        check("Ça été", &["ça", "été"]);
        check(
            "08OTTAWA372 OTTAWA 000372",
            &["08ottawa372", "ottawa", "372"],
        );
        check(
            "1.4(B) and 0 and 00",
            &["1", "4", "b", "and", "0", "and", "0"],
        );
    }

    #[test]
    fn possessives_are_dropped_and_hyphens_split() {
        check(
            "IRAN'S IRAN’S IRAN\\'S IRAN,S NON-PROLIFERATION",
            &["iran", "iran", "iran", "iran", "non", "proliferation"],
        );
        check("DON'T A,SECOND 1,S", &["don", "t", "a", "second", "1", "s"]);
        check("POST'SCRIPT", &["post", "script"]);
    }

    #[test]
    fn spans_point_at_the_words() {
        let text = "(C) IRAN'S nuclear";
        let spans: Vec<&str> = tokens(text)
            .into_iter()
            .map(|(_, range)| &text[range])
            .collect();
        assert_eq!(spans, ["C", "IRAN", "nuclear"]);
    }

    #[test]
    fn over_long_words_take_a_position_but_are_no_term() {
        let long = "A".repeat(MAX_TERM_BYTES + 1);
        let mut seen = Vec::new();
        let next = for_each_token(&format!("one {long} two"), 5, |term, position, _, _| {
            seen.push((term.to_string(), position));
        });
        assert_eq!(seen, [("one".to_string(), 5), ("two".to_string(), 7)]);
        assert_eq!(next, 8);
    }
}
