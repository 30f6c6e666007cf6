//! The keyword forms that start a header field (`E.O.`, `TAGS:`, `SUBJECT:`, `REF:`, `Classified
//! By`, and their misspellings), found in a line.

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
    let upper = text.to_ascii_uppercase();
    let mut hits: Vec<(usize, Keyword, usize)> = Vec::new();
    for &(word, keyword, place) in &KEYWORDS {
        // Most forms count only at the line's start: no search through the line for them.
        if place == Place::LineStart {
            // The first byte first: a call to compare the rest is dearer than the comparison.
            if upper.as_bytes().first() == word.as_bytes().first() && upper.starts_with(word) {
                hits.push((0, keyword, word.len()));
            }
            continue;
        }
        for at in match_offsets(&upper, word) {
            let allowed = match place {
                _ if at == 0 => true,
                Place::LineStart => false,
                Place::AfterBlank => upper.get(..at).is_some_and(|before| before.ends_with(' ')),
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

/// Where `word` occurs in `text`, left to right and without overlaps, as `match_indices` finds
/// it. A line is short and most hold none of the words: looking for the word's first byte is
/// cheaper than setting up a substring search for each word on each line.
fn match_offsets<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (bytes, word) = (text.as_bytes(), word.as_bytes());
    let first = word.first().copied();
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = first?;
        loop {
            let rest = bytes.get(from..)?;
            let at = from + rest.iter().position(|&byte| byte == first)?;
            if bytes.get(at..).is_some_and(|rest| rest.starts_with(word)) {
                from = at + word.len();
                return Some(at);
            }
            from = at + 1;
        }
    })
}
