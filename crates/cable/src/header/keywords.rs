//! The keyword forms that start a header field (`E.O.`, `TAGS:`, `SUBJECT:`, `REF:`, `Classified
//! By`, and their misspellings), found in a line.

use crate::scan::bytes::find_any;
use crate::scan::sort;

/// A keyword field of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyword {
    ExecutiveOrder,
    Tags,
    Subject,
    Reference,
    ClassifiedBy,
}

/// Where a keyword form may start a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Only at the start of a line.
    LineStart,
    /// At a line start or after a blank.
    AfterBlank,
    /// Anywhere, even glued to the word before (`UK PRIMEREF: A. LONDON 1939`).
    Anywhere,
}

/// Keyword forms, upper-cased, including misspellings seen in real cables.
pub(crate) const KEYWORDS: [(&str, Keyword, Place); 28] = [
    ("E.O.", Keyword::ExecutiveOrder, Place::AfterBlank),
    ("E. O.", Keyword::ExecutiveOrder, Place::LineStart),
    ("EO ", Keyword::ExecutiveOrder, Place::LineStart),
    ("EO:", Keyword::ExecutiveOrder, Place::LineStart),
    ("TAGS:", Keyword::Tags, Place::AfterBlank),
    ("TAGS ", Keyword::Tags, Place::LineStart),
    ("TAGS;", Keyword::Tags, Place::LineStart),
    ("TAGS,", Keyword::Tags, Place::LineStart),
    ("TABS:", Keyword::Tags, Place::LineStart),
    ("TGS:", Keyword::Tags, Place::LineStart),
    ("SUBJECT:", Keyword::Subject, Place::Anywhere),
    ("SUBJ:", Keyword::Subject, Place::LineStart),
    ("SUBJECT ", Keyword::Subject, Place::LineStart),
    ("SUBJ ", Keyword::Subject, Place::LineStart),
    ("UBJECT:", Keyword::Subject, Place::LineStart),
    ("REFS:", Keyword::Reference, Place::Anywhere),
    ("REF:", Keyword::Reference, Place::Anywhere),
    ("REF(S):", Keyword::Reference, Place::AfterBlank),
    ("REFTEL:", Keyword::Reference, Place::LineStart),
    ("REFTELS:", Keyword::Reference, Place::LineStart),
    ("REFERENCE:", Keyword::Reference, Place::LineStart),
    ("REFERENCES:", Keyword::Reference, Place::LineStart),
    ("REF ", Keyword::Reference, Place::LineStart),
    ("REF.", Keyword::Reference, Place::LineStart),
    ("REFS :", Keyword::Reference, Place::LineStart),
    ("REF :", Keyword::Reference, Place::LineStart),
    ("CLASSIFIED BY", Keyword::ClassifiedBy, Place::AfterBlank),
    ("CLASSIFIED:", Keyword::ClassifiedBy, Place::LineStart),
];

/// How many forms may start a field after a line's start (`Place::AfterBlank`, `Place::Anywhere`);
/// a test checks it against [`KEYWORDS`].
const N_ANYWHERE: usize = 7;

/// The bytes that anchor the search for the forms allowed after a line's start (see
/// [`anchor`]), in both cases; a test checks it against [`KEYWORDS`].
const ANCHOR_BYTES: [u8; 5] = *b":.(Cc";

/// Where the search for `word` looks first: its first byte that is no letter and no blank (`.`
/// of `E.O.`, `:` of `TAGS:`, `(` of `REF(S):`), which few bytes of a line are; else its
/// first letter.
fn anchor(word: &str) -> usize {
    word.bytes()
        .position(|byte| !byte.is_ascii_alphabetic() && byte != b' ')
        .unwrap_or(0)
}

/// Finds where keyword fields start in a line: `(offset, keyword, keyword length)`, in order and
/// without overlaps.
pub(crate) fn keyword_hits(text: &str) -> Vec<(usize, Keyword, usize)> {
    let mut hits: Vec<(usize, Keyword, usize)> = Vec::new();
    let bytes = text.as_bytes();
    // Forms are matched in any case, on the line as written (no upper-cased copy of it).
    let written_at = |at: usize, word: &str| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|written| written.eq_ignore_ascii_case(word.as_bytes()))
    };
    // Where each form's next match may start: after the last, as `match_indices` has them.
    let mut next_start = [1; KEYWORDS.len()];
    // At the line's start, every form; the first byte first: a call to compare the rest is
    // dearer than the comparison.
    let first = bytes.first().map(u8::to_ascii_uppercase);
    for (&(word, keyword, _), next) in KEYWORDS.iter().zip(next_start.iter_mut()) {
        if first == word.as_bytes().first().copied() && written_at(0, word) {
            hits.push((0, keyword, word.len()));
            *next = word.len();
        }
    }
    // After it, the forms allowed there, all found in one pass over the line from their
    // anchors' places: each form's index, anchor byte and anchor's place in it.
    let mut anchored = [(0, 0, 0); N_ANYWHERE];
    let forms = KEYWORDS
        .iter()
        .enumerate()
        .filter(|(_, &(_, _, place))| place != Place::LineStart);
    for (slot, (idx, &(word, _, _))) in anchored.iter_mut().zip(forms) {
        let anchor_idx = anchor(word);
        *slot = (
            idx,
            word.as_bytes().get(anchor_idx).copied().unwrap_or(0),
            anchor_idx,
        );
    }
    let mut from = 1;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| find_any(rest, &ANCHOR_BYTES))
    {
        let found = from + found;
        from = found + 1;
        let Some(anchor_byte) = bytes.get(found).map(u8::to_ascii_uppercase) else {
            break;
        };
        for &(idx, byte, anchor_idx) in &anchored {
            let (Some(&(word, keyword, place)), Some(next)) =
                (KEYWORDS.get(idx), next_start.get_mut(idx))
            else {
                continue;
            };
            if byte != anchor_byte {
                continue;
            }
            let Some(at) = found.checked_sub(anchor_idx).filter(|&at| at >= *next) else {
                continue;
            };
            if !written_at(at, word) {
                continue;
            }
            *next = at + word.len();
            let allowed = match place {
                Place::LineStart => false,
                Place::AfterBlank => bytes.get(at - 1) == Some(&b' '),
                Place::Anywhere => true,
            };
            if allowed {
                hits.push((at, keyword, word.len()));
            }
        }
    }
    // Longest form first at one place; then drop hits inside an earlier hit's keyword.
    sort::sort_by_key(&mut hits, |&(at, _, len)| (at, std::cmp::Reverse(len)));
    let mut kept: Vec<(usize, Keyword, usize)> = Vec::new();
    for hit in hits {
        if kept.last().is_none_or(|&(at, _, len)| hit.0 >= at + len) {
            kept.push(hit);
        }
    }
    // `Classified By: This message classified by …`: the same keyword again on one line starts
    // the real field; what came before it is a preamble.
    let mut deduplicated: Vec<(usize, Keyword, usize)> = Vec::new();
    for hit in kept {
        let repeats = deduplicated
            .last()
            .is_some_and(|&(_, keyword, _)| keyword == hit.1);
        if repeats && matches!(hit.1, Keyword::ClassifiedBy | Keyword::Subject) {
            deduplicated.pop();
        }
        // `REF: A. REF: KATHMANDU 2282`: the repeat is inside the first block's item.
        if repeats && hit.1 == Keyword::Reference {
            continue;
        }
        deduplicated.push(hit);
    }
    deduplicated
}

#[cfg(test)]
mod tests {
    use super::{anchor, Place, ANCHOR_BYTES, KEYWORDS};

    #[test]
    fn counts_the_forms_after_a_line_start() {
        let n_anywhere = KEYWORDS
            .iter()
            .filter(|(_, _, place)| *place != Place::LineStart)
            .count();
        assert_eq!(n_anywhere, super::N_ANYWHERE);
    }

    #[test]
    fn every_form_after_a_line_start_is_anchored_by_one_of_the_anchor_bytes() {
        for (word, _, place) in KEYWORDS {
            if place == Place::LineStart {
                continue;
            }
            let byte = word
                .as_bytes()
                .get(anchor(word))
                .copied()
                .unwrap_or_default();
            assert!(ANCHOR_BYTES.contains(&byte), "{word}");
            assert!(ANCHOR_BYTES.contains(&byte.to_ascii_lowercase()), "{word}");
        }
    }
}
