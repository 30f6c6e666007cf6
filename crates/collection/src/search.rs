//! Full-text search over the segments: queries of words and phrases, all of which must match,
//! ranked by BM25 or by date, and snippets.
//!
//! A query is read by the same tokeniser as the texts (`tokens`): each blank-separated word
//! outside quotes is a clause, or a phrase when it reads as several terms
//! (`non-proliferation`); a quoted stretch (`"nuclear program"`) is one phrase. A cable matches
//! when it has every clause: each word, each phrase's terms at consecutive positions.
//!
//! Each segment has its own term table, so a term is looked up in each (a binary search over
//! its sorted terms) and its postings read there; document frequencies are summed over the
//! segments, so scores are those of one index over the whole collection. BM25 with k1 = 1.2
//! and b = 0.75, over every distinct term of the query (a phrase's terms included), each
//! counted in the cable as often as it occurs.

use std::collections::HashMap;

use crate::segment::{positions, Posting, Segment};
use crate::tokens::{for_each_token, tokens};

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A clause of a query: one term (a word) or several (a phrase, in order).
pub type Clause = Vec<String>;

/// Reads a query's words and phrases, leaving out the byte ranges in `skip` (cable IDs).
pub fn clauses(query: &str, skip: &[std::ops::Range<usize>]) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let kept = |start: usize| !skip.iter().any(|range| range.contains(&start));
    let mut at = 0;
    let mut quoted = false;
    for piece in query.split('"') {
        let piece_start = at;
        at += piece.len() + 1;
        if quoted {
            let phrase: Clause = tokens(piece)
                .into_iter()
                .filter(|(_, range)| kept(piece_start + range.start))
                .map(|(term, _)| term)
                .collect();
            if !phrase.is_empty() {
                clauses.push(phrase);
            }
        } else {
            let mut word_start = piece_start;
            for word in piece.split(char::is_whitespace) {
                let clause: Clause = tokens(word)
                    .into_iter()
                    .filter(|(_, range)| kept(word_start + range.start))
                    .map(|(term, _)| term)
                    .collect();
                word_start += word.len() + 1;
                if !clause.is_empty() {
                    clauses.push(clause);
                }
            }
        }
        quoted = !quoted;
    }
    clauses.dedup();
    clauses
}

/// A cable that matches, with its score (0 when the query has no words).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The cable's number in the collection.
    pub doc: u32,
    /// Its BM25 score.
    pub score: f64,
}

/// What the search needs of the collection beside the segments.
pub(crate) struct Corpus<'a> {
    pub(crate) segments: &'a [Segment],
    /// Each segment's first cable's number.
    pub(crate) bases: &'a [u32],
    pub(crate) n_docs: usize,
    pub(crate) average_length: f64,
}

/// Every cable that matches all `clauses` and passes `allowed`, with its score, in cable order.
pub(crate) fn matches(
    corpus: &Corpus<'_>,
    clauses: &[Clause],
    allowed: &dyn Fn(u32) -> bool,
) -> Vec<Hit> {
    let mut terms: Vec<&str> = clauses.iter().flatten().map(String::as_str).collect();
    terms.sort_unstable();
    terms.dedup();
    let idf: Vec<f64> = terms
        .iter()
        .map(|term| {
            let df: u64 = corpus
                .segments
                .iter()
                .map(|segment| u64::from(segment.document_frequency(term)))
                .sum();
            let n = corpus.n_docs as f64;
            let df = df as f64;
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        })
        .collect();
    let mut hits = Vec::new();
    for (segment, &base) in corpus.segments.iter().zip(corpus.bases) {
        // Each term's postings in this segment, the rarest first, so the candidates are few.
        let mut lists: Vec<(usize, Vec<Posting<'_>>)> = terms
            .iter()
            .enumerate()
            .map(|(idx, term)| (idx, segment.postings(term).collect()))
            .collect();
        if lists.iter().any(|(_, list)| list.is_empty()) {
            continue;
        }
        lists.sort_by_key(|(_, list)| list.len());
        let Some((_, rarest)) = lists.first() else {
            continue;
        };
        let mut cursors = vec![0usize; lists.len()];
        'candidates: for candidate in rarest {
            // Saturating: a forged store must not overflow (it then matches nothing).
            let doc = base.saturating_add(candidate.doc);
            if !allowed(doc) {
                continue;
            }
            let mut found: Vec<Option<&Posting<'_>>> = vec![None; terms.len()];
            for ((term_idx, list), cursor) in lists.iter().zip(cursors.iter_mut()) {
                let rest = list.get(*cursor..).unwrap_or_default();
                *cursor += rest.partition_point(|posting| posting.doc < candidate.doc);
                match list.get(*cursor) {
                    Some(posting) if posting.doc == candidate.doc => {
                        if let Some(slot) = found.get_mut(*term_idx) {
                            *slot = Some(posting);
                        }
                    }
                    _ => continue 'candidates,
                }
            }
            let term_posting = |term: &str| {
                let idx = terms.binary_search(&term).ok()?;
                found.get(idx).copied().flatten()
            };
            for clause in clauses.iter().filter(|clause| clause.len() > 1) {
                let lists: Option<Vec<Vec<u32>>> = clause
                    .iter()
                    .map(|term| {
                        term_posting(term).map(|posting| positions(posting.positions).collect())
                    })
                    .collect();
                if !lists.is_some_and(|lists| phrase_occurs(&lists)) {
                    continue 'candidates;
                }
            }
            let length = segment
                .lengths()
                .get(candidate.doc as usize)
                .copied()
                .unwrap_or(0) as f64;
            let norm = K1 * (1.0 - B + B * length / corpus.average_length.max(1.0));
            let score = found
                .iter()
                .zip(&idf)
                .map(|(posting, idf)| {
                    let count = posting.map_or(0.0, |posting| f64::from(posting.count));
                    idf * count * (K1 + 1.0) / (count + norm)
                })
                .sum();
            hits.push(Hit { doc, score });
        }
    }
    hits.sort_unstable_by_key(|hit| hit.doc);
    hits
}

/// Whether the terms occur at consecutive positions: some `p` in the first list with `p + i`
/// in the `i`-th.
pub(crate) fn phrase_occurs(lists: &[Vec<u32>]) -> bool {
    let Some((first, rest)) = lists.split_first() else {
        return false;
    };
    first.iter().any(|&start| {
        rest.iter().enumerate().all(|(offset, list)| {
            let wanted = start.checked_add(offset as u32 + 1);
            wanted.is_some_and(|wanted| list.binary_search(&wanted).is_ok())
        })
    })
}

/// Where a query's clauses occur in a text: the bytes of each word of each occurrence, in order.
pub fn marks(text: &str, searched: &[(usize, usize)], clauses: &[Clause]) -> Vec<(usize, usize)> {
    // The text's terms with their positions and byte ranges, numbered as the index numbers them.
    let mut words: Vec<(String, u32, usize, usize)> = Vec::new();
    let mut position = 0;
    for &(start, end) in searched {
        let Some(part) = text.get(start..end) else {
            continue;
        };
        position = for_each_token(part, position, |term, at, word_start, word_end| {
            words.push((term.to_string(), at, start + word_start, start + word_end));
        }) + 1;
    }
    let by_position: HashMap<u32, usize> = words
        .iter()
        .enumerate()
        .map(|(idx, word)| (word.1, idx))
        .collect();
    let mut marked = vec![false; words.len()];
    for clause in clauses {
        let Some(first) = clause.first() else {
            continue;
        };
        for (idx, word) in words.iter().enumerate() {
            if &word.0 != first {
                continue;
            }
            let rest: Option<Vec<usize>> = clause
                .iter()
                .enumerate()
                .skip(1)
                .map(|(offset, term)| {
                    by_position
                        .get(&(word.1 + offset as u32))
                        .copied()
                        .filter(|&at| words.get(at).is_some_and(|next| &next.0 == term))
                })
                .collect();
            if let Some(rest) = rest {
                for at in std::iter::once(idx).chain(rest) {
                    if let Some(mark) = marked.get_mut(at) {
                        *mark = true;
                    }
                }
            }
        }
    }
    words
        .iter()
        .zip(marked)
        .filter(|(_, marked)| *marked)
        .map(|(word, _)| (word.2, word.3))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // One range to leave out, as a slice: what `clauses` takes.
    #[allow(clippy::single_range_in_vec_init)]
    fn a_query_reads_as_words_and_phrases() {
        assert_eq!(
            clauses("Iran's \"nuclear  PROGRAM\" non-proliferation", &[]),
            [
                vec!["iran".to_string()],
                vec!["nuclear".to_string(), "program".to_string()],
                vec!["non".to_string(), "proliferation".to_string()],
            ]
        );
        assert_eq!(
            clauses("08OTTAWA372 oslo", &[0..11]),
            [vec!["oslo".to_string()]]
        );
        assert_eq!(clauses("\"unclosed quote", &[]).len(), 1);
    }

    #[test]
    fn phrases_need_consecutive_positions() {
        assert!(phrase_occurs(&[vec![1, 7], vec![3, 8], vec![9]]));
        assert!(!phrase_occurs(&[vec![1, 7], vec![3, 9]]));
    }

    #[test]
    fn marks_cover_words_and_whole_phrases() {
        let text = "THE NUCLEAR PROGRAM; A PROGRAM, NUCLEAR.";
        let clauses = [vec!["nuclear".to_string(), "program".to_string()]];
        let marked: Vec<&str> = marks(text, &[(0, text.len())], &clauses)
            .into_iter()
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(marked, ["NUCLEAR", "PROGRAM"]);
    }
}
