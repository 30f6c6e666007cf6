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
    let first = bytes.first().map(u8::to_ascii_uppercase);
    // Most lines hold no colon, and so none of the forms that have one but at their start.
    let has_colon = bytes.contains(&b':');
    for &(word, keyword, place) in &KEYWORDS {
        // Most forms count only at the line's start: no search through the line for them.
        if place == Place::LineStart {
            // The first byte first: a call to compare the rest is dearer than the comparison.
            if first == word.as_bytes().first().copied() && written_at(0, word) {
                hits.push((0, keyword, word.len()));
            }
            continue;
        }
        if !has_colon && word.contains(':') {
            if first == word.as_bytes().first().copied() && written_at(0, word) {
                hits.push((0, keyword, word.len()));
            }
            continue;
        }
        for at in match_offsets(text, word) {
            let allowed = match place {
                _ if at == 0 => true,
                Place::LineStart => false,
                Place::AfterBlank => at
                    .checked_sub(1)
                    .is_some_and(|before| bytes.get(before) == Some(&b' ')),
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

/// Where `word` (upper-case) occurs in `text`, in any case, left to right and without overlaps,
/// as `match_indices` finds it in the upper-cased text. A line is short and most hold none of
/// the words: only the places of the word's rarest kind of byte are looked at (its first
/// punctuation, `.` of `E.O.`, `:` of `TAGS:`; else its first letter, in either case), eight
/// bytes at a time.
fn match_offsets<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (bytes, word) = (text.as_bytes(), word.as_bytes());
    let anchor_idx = word
        .iter()
        .position(|byte| !byte.is_ascii_alphabetic() && *byte != b' ')
        .unwrap_or(0);
    let anchor = word.get(anchor_idx).copied();
    let mut from = anchor_idx;
    // The next match must start here or after (the last one's end).
    let mut next_start = 0;
    std::iter::from_fn(move || {
        let anchor = anchor?;
        loop {
            let rest = bytes.get(from..)?;
            let found = from
                + find_any(
                    rest,
                    &[anchor.to_ascii_uppercase(), anchor.to_ascii_lowercase()],
                )?;
            from = found + 1;
            let Some(at) = found.checked_sub(anchor_idx) else {
                continue;
            };
            let matches = bytes
                .get(at..at + word.len())
                .is_some_and(|written| written.eq_ignore_ascii_case(word));
            if at >= next_start && matches {
                next_start = at + word.len();
                return Some(at);
            }
        }
    })
}
