//! Cable IDs and the citation graph: every canonical ID the collection knows (its cables' and
//! those they cite) in one sorted table, and the citations as two sorted edge lists, "cites" in
//! the citing cables' order and "cited by" in the cited IDs' order.

use crate::entry::{Entry, Place};

/// A cable number that is no cable of the collection.
const NONE: u32 = u32::MAX;

/// One citation: a cable of the collection citing an ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edge {
    pub(crate) citing: u32,
    /// Index into the ID table.
    pub(crate) cited: u32,
    pub(crate) place: Place,
}

/// The IDs and citations of a collection.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    /// Every canonical ID, sorted, each once.
    names: Vec<String>,
    /// For each name, the first cable of the collection with that ID, or [`NONE`].
    first_doc: Vec<u32>,
    /// (name, cable) for every cable with an ID, sorted: all cables of one ID.
    docs_by_name: Vec<(u32, u32)>,
    /// Citations in the citing cables' order, each cable's in its text's order.
    forward: Vec<Edge>,
    /// Indices into `forward`, sorted by cited ID, then citing cable, then order.
    backward: Vec<u32>,
}

impl Graph {
    pub(crate) fn build<'a>(entries: impl Iterator<Item = &'a Entry> + Clone) -> Graph {
        let mut names: Vec<String> = entries
            .clone()
            .flat_map(|entry| {
                entry
                    .id
                    .iter()
                    .chain(entry.citations.iter().map(|citation| &citation.cited))
                    .cloned()
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        let name_of = |id: &str| names.binary_search_by(|name| name.as_str().cmp(id)).ok();
        let mut first_doc = vec![NONE; names.len()];
        let mut docs_by_name = Vec::new();
        let mut forward = Vec::new();
        for (doc, entry) in entries.enumerate() {
            let doc = doc as u32;
            if let Some(name) = entry.id.as_deref().and_then(name_of) {
                docs_by_name.push((name as u32, doc));
                if let Some(first) = first_doc.get_mut(name) {
                    if *first == NONE {
                        *first = doc;
                    }
                }
            }
            for citation in &entry.citations {
                if let Some(cited) = name_of(&citation.cited) {
                    forward.push(Edge {
                        citing: doc,
                        cited: cited as u32,
                        place: citation.place,
                    });
                }
            }
        }
        docs_by_name.sort_unstable();
        let mut backward: Vec<u32> = (0..forward.len() as u32).collect();
        backward.sort_by_key(|&idx| {
            forward
                .get(idx as usize)
                .map(|edge| (edge.cited, edge.citing, idx))
        });
        Graph {
            names,
            first_doc,
            docs_by_name,
            forward,
            backward,
        }
    }

    pub(crate) fn name_idx(&self, id: &str) -> Option<u32> {
        self.names
            .binary_search_by(|name| name.as_str().cmp(id))
            .ok()
            .map(|idx| idx as u32)
    }

    pub(crate) fn name(&self, idx: u32) -> &str {
        self.names.get(idx as usize).map_or("", String::as_str)
    }

    /// Whether the collection knows `id` at all: one of its cables, or cited by one.
    pub(crate) fn knows(&self, id: &str) -> bool {
        self.name_idx(id).is_some()
    }

    /// The first cable of the collection with canonical ID `id`.
    pub(crate) fn first_doc(&self, id: &str) -> Option<u32> {
        let idx = self.name_idx(id)?;
        self.first_doc
            .get(idx as usize)
            .copied()
            .filter(|&doc| doc != NONE)
    }

    /// Every cable of the collection with canonical ID `id`, in order.
    pub(crate) fn docs(&self, id: &str) -> Vec<u32> {
        let Some(idx) = self.name_idx(id) else {
            return Vec::new();
        };
        let start = self.docs_by_name.partition_point(|&(name, _)| name < idx);
        self.docs_by_name
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(name, _)| name == idx)
            .map(|&(_, doc)| doc)
            .collect()
    }

    /// The citations of cable `doc`, in its text's order.
    pub(crate) fn cites(&self, doc: u32) -> &[Edge] {
        let start = self.forward.partition_point(|edge| edge.citing < doc);
        let end = self.forward.partition_point(|edge| edge.citing <= doc);
        self.forward.get(start..end).unwrap_or_default()
    }

    /// The citations of `id`, by citing cable.
    pub(crate) fn cited_by(&self, id: &str) -> Vec<Edge> {
        let Some(idx) = self.name_idx(id) else {
            return Vec::new();
        };
        let edge = |position: &u32| self.forward.get(*position as usize).copied();
        let start = self
            .backward
            .partition_point(|position| edge(position).is_some_and(|edge| edge.cited < idx));
        self.backward
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map_while(|position| edge(position).filter(|edge| edge.cited == idx))
            .collect()
    }

    /// The IDs cited that no cable of the collection has, with how many cables cite each, most
    /// cited first (ties by ID); at most `limit`.
    pub(crate) fn most_cited_missing(&self, limit: usize) -> Vec<(String, u32)> {
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let mut at = 0;
        while let Some(&first) = self.backward.get(at) {
            let Some(cited) = self.forward.get(first as usize).map(|edge| edge.cited) else {
                break;
            };
            let mut citing_docs = 0;
            let mut last_citing = NONE;
            while let Some(edge) = self
                .backward
                .get(at)
                .and_then(|&position| self.forward.get(position as usize))
                .filter(|edge| edge.cited == cited)
            {
                if edge.citing != last_citing {
                    citing_docs += 1;
                    last_citing = edge.citing;
                }
                at += 1;
            }
            if self.first_doc.get(cited as usize) == Some(&NONE) {
                counts.push((cited, citing_docs));
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
            .into_iter()
            .take(limit)
            .map(|(cited, n)| (self.name(cited).to_string(), n))
            .collect()
    }
}

/// A cable ID recognised in a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdMatch {
    /// Where it is written in the query (bytes).
    pub range: std::ops::Range<usize>,
    /// Its canonical form.
    pub id: String,
    /// The first cable of the collection with that ID, when there is one.
    pub doc: Option<u32>,
}

/// The cable IDs written in `text`, each known to the collection (one of its cables, or cited
/// by one): `08OTTAWA372`, `08 OTTAWA 372`, `08 OTTAWA 000372`, and, when `year` is given (the
/// cable's or the query's), `OTTAWA 372`. Stations of several words (`USUN NEW YORK 123`) and
/// the `cable` crate's spellings of stations (`cable::canonicalize_id`) are read.
pub(crate) fn recognise(text: &str, year: Option<u16>, graph: &Graph) -> Vec<IdMatch> {
    let words: Vec<(usize, usize)> = word_ranges(text);
    let word = |idx: usize| -> &str {
        words
            .get(idx)
            .and_then(|&(start, end)| text.get(start..end))
            .unwrap_or("")
    };
    let mut found = Vec::new();
    let mut idx = 0;
    'words: while idx < words.len() {
        // The longest reading starting at this word wins: up to six words in all (a year, a
        // station of up to four words, a serial).
        for n_words in (1..=6).rev() {
            let Some(last) = idx
                .checked_add(n_words - 1)
                .filter(|&last| last < words.len())
            else {
                continue;
            };
            let (Some(&(start, _)), Some(&(_, end))) = (words.get(idx), words.get(last)) else {
                continue;
            };
            if !word(last).bytes().any(|byte| byte.is_ascii_digit()) {
                continue;
            }
            let written: String = (idx..=last).map(word).collect::<Vec<_>>().join(" ");
            let first = word(idx);
            let has_year = first.len() >= 2
                && first.bytes().take(2).all(|byte| byte.is_ascii_digit())
                && (first.len() == 2 || !first.bytes().all(|byte| byte.is_ascii_digit()));
            let candidate = if has_year {
                Some(written)
            } else {
                year.filter(|_| n_words >= 2 && first.bytes().all(|b| !b.is_ascii_digit()))
                    .map(|year| format!("{:02} {written}", year % 100))
            };
            let Some(id) = candidate.and_then(|candidate| cable::canonicalize_id(&candidate))
            else {
                continue;
            };
            if graph.knows(&id) {
                found.push(IdMatch {
                    range: start..end,
                    doc: graph.first_doc(&id),
                    id,
                });
                idx = last + 1;
                continue 'words;
            }
        }
        idx += 1;
    }
    found
}

/// The byte ranges of the words of `text`: runs of letters, digits, `/`, `-` and `.` between
/// blanks and punctuation, so `08OTTAWA372` and `USUN NEW YORK 123` read as a cable ID's parts.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (at, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if ch.is_alphanumeric() {
            start.get_or_insert(at);
        } else if let Some(word_start) = start.take() {
            ranges.push((word_start, at));
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{Citation, Entry};

    fn check(text: &str, year: Option<u16>, expect: &[(&str, &str, Option<u32>)]) {
        let entries = [
            Entry {
                id: Some("08OTTAWA372".to_string()),
                citations: vec![Citation {
                    cited: "08USUNNEWYORK123".to_string(),
                    place: Place::Reference(0),
                }],
                ..Entry::default()
            },
            Entry {
                id: Some("08OTTAWA372".to_string()),
                ..Entry::default()
            },
        ];
        let graph = Graph::build(entries.iter());
        let found: Vec<(&str, String, Option<u32>)> = recognise(text, year, &graph)
            .into_iter()
            .map(|found| (&text[found.range], found.id, found.doc))
            .collect();
        let expect: Vec<(&str, String, Option<u32>)> = expect
            .iter()
            .map(|&(written, id, doc)| (written, id.to_string(), doc))
            .collect();
        assert_eq!(found, expect, "{text}");
    }

    #[test]
    fn ids_are_read_in_every_spelling_and_only_when_known() {
        check(
            "08OTTAWA372",
            None,
            &[("08OTTAWA372", "08OTTAWA372", Some(0))],
        );
        check(
            "see 08 Ottawa 000372, and USUN NEW YORK 123.",
            Some(2008),
            &[
                ("08 Ottawa 000372", "08OTTAWA372", Some(0)),
                ("USUN NEW YORK 123", "08USUNNEWYORK123", None),
            ],
        );
        check(
            "in 2008 the OTTAWA 372 cable",
            Some(2008),
            &[("OTTAWA 372", "08OTTAWA372", Some(0))],
        );
        // Without a year, or with another, a station and serial name no known cable.
        check("OTTAWA 372", None, &[]);
        check("OTTAWA 372", Some(2007), &[]);
        check("08 OTTAWA 373 and 2008", None, &[]);
    }
}
