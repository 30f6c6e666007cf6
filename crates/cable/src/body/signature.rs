//! The end of the body: the signer's name and the trailer lines a publisher or printer added.

use crate::scan::classification::classification_line;
use crate::scan::controls;

/// Lines a publisher, a printer or a web page added after the cable: release stamps and their
/// continuation (`Systematic Review 05 JUL 2006`), end-of-message marks (`NNNN`, `BT`), print
/// stamps (`1995ZAGREB04339 - Classification: CONFIDENTIAL`, `v1.6.2`), communications-center
/// notes (`NOTE BY OC/T: …`), a lone classification or handling word, punctuation left alone.
pub(crate) fn is_trailer_line(text: &str) -> bool {
    let trimmed = text.trim();
    let upper = trimmed.to_ascii_uppercase();
    let starts = [
        "DECLASSIFIED/RELEASED",
        "THIS RECORD IS A PARTIAL EXTRACT",
        "NOTE BY OC/T",
        "NOTE BY OCT",
    ]
    .iter()
    .any(|start| upper.starts_with(start))
        || upper == "BT";
    let review_stamp = {
        let words: Vec<&str> = upper.split_whitespace().collect();
        let at = words.iter().position(|word| *word == "REVIEW");
        at.is_some_and(|at| {
            words.len() == at + 4
                && words.get(at + 3).is_some_and(|year| year.len() == 4)
                && words
                    .iter()
                    .take(at)
                    .all(|word| *word == "SYSTEMATIC" || *word == "EO")
        })
    };
    let end_marks = !upper.is_empty() && upper.len() <= 5 && upper.bytes().all(|b| b == b'N');
    // `2004CARACA01540 - UNCLASSIFIED`: year, station, serial, then a classification.
    let print_stamp = {
        let id = upper.split_whitespace().next().unwrap_or("");
        id.len() >= 10
            && id.bytes().take(4).all(|byte| byte.is_ascii_digit())
            && id.bytes().rev().take(4).all(|byte| byte.is_ascii_digit())
            && upper.contains(" - ")
    };
    let version = upper.starts_with('V')
        && upper.len() <= 10
        && upper.get(1..).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|byte| byte.is_ascii_digit() || byte == b'.')
        });
    let no_letters = !trimmed.is_empty() && !trimmed.chars().any(char::is_alphanumeric);
    let caption = controls::is_control(&upper);
    starts
        || review_stamp
        || end_marks
        || print_stamp
        || version
        || no_letters
        || caption
        || classification_line(text).is_some_and(|parts| parts.origin.is_none())
}

/// Where a signer's name starts at the end of a line that ends a sentence: one or two words in
/// capitals, or one capitalised word, after the sentence's last mark (`…CONSIDERED.  EAGLETON`;
/// in text whose line breaks were lost, `…END COMMENT. GFOELLER`, `…Munich. Murphy`).
pub(crate) fn signed_at_line_end(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    // Where each word starts.
    let starts: Vec<usize> = trimmed
        .char_indices()
        .filter(|&(at, ch)| {
            !ch.is_whitespace()
                && (at == 0
                    || trimmed
                        .get(..at)
                        .is_some_and(|head| head.ends_with(char::is_whitespace)))
        })
        .map(|(at, _)| at)
        .collect();
    for n_words in [2, 1] {
        let Some(&at) = starts
            .len()
            .checked_sub(n_words)
            .and_then(|idx| starts.get(idx))
        else {
            continue;
        };
        if at == 0 {
            continue;
        }
        let name = trimmed.get(at..).unwrap_or("");
        let before = trimmed.get(..at).unwrap_or("").trim_end();
        // A declassification code between the last sentence and the signer: `GP-3 SACCIO`.
        let before = match before.rsplit_once(' ') {
            Some((head, code))
                if code.starts_with("GP-") || code == "GDS" || code.starts_with("XGDS") =>
            {
                head.trim_end()
            }
            _ => before,
        };
        let after_sentence = before.ends_with(['.', '?', '!', '"', '*', ')', '”']);
        let capitals = !name.chars().any(char::is_lowercase);
        // A capitalised word (`Murphy`) only where line breaks were lost: a long line.
        let capitalised_word = n_words == 1
            && trimmed.len() > 80
            && name.len() >= 3
            && name.starts_with(|ch: char| ch.is_uppercase())
            && name.chars().skip(1).all(char::is_lowercase);
        let ok = after_sentence
            && (capitals || capitalised_word)
            && name.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
            && !COMMON_WORDS.contains(&name.to_ascii_uppercase().as_str())
            && signature_name(name) == Some(name);
        if ok {
            return Some(at);
        }
    }
    None
}

/// Capitalised words that end sentences and are no signer.
pub(crate) const COMMON_WORDS: [&str; 22] = [
    "THE",
    "AND",
    "BUT",
    "FOR",
    "THIS",
    "THAT",
    "THEY",
    "SHE",
    "WE",
    "ALSO",
    "GOVERNMENT",
    "EMBASSY",
    "DEPARTMENT",
    "STATES",
    "NATIONS",
    "UNION",
    "CONSIDERED",
    "ENDS",
    "TEXT",
    "ACTION",
    "INFORMATION",
    "PARTY",
];

/// A signer's name: one to four words of letters, e.g. `BREESE`, `SOBEL`, `Wilkins`, `DUNNIGAN/`,
/// `HORAN##`, `MCNAMARA.`.
pub(crate) fn signature_name(text: &str) -> Option<&str> {
    let name = text.trim().trim_end_matches(['-', '/', '_', '=', ' ', '#']);
    // A full stop after a one-word name is dropped (`MCNAMARA.`).
    let name = name
        .strip_suffix('.')
        .filter(|bare| !bare.contains(' '))
        .unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters_only = name
        .chars()
        .all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | '.' | '-' | '\''));
    let shouting = !name.chars().any(char::is_lowercase);
    let upper = name.to_ascii_uppercase();
    // Words that end a text but are no name: an end mark, a classification, a control.
    let is_phrase = upper.split_whitespace().any(|word| {
        let word = word.trim_matches('.');
        matches!(
            word,
            "END" | "COMMENT" | "SUMMARY" | "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET"
        ) || controls::is_control(word)
    });
    (!words.is_empty()
        && words.len() <= 4
        && name.len() <= 40
        && letters_only
        && !is_phrase
        && (shouting || words.len() <= 2))
        .then_some(name)
}
