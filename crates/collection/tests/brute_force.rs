//! Every answer of an index built from the repository's corpus (its cables, and its
//! `cables.csv` records as one dump with broken rows among them, in segments) against a
//! brute-force scan of the same parsed cables: facet counts under random filters, searches
//! for words and phrases (sets, scores and order), IDs in three spellings, cites and cited-by
//! of every cable. Deterministic: the random choices come from a fixed seed.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{build, corpus_docs};

use collection::{
    date_of_day, for_each_token, tokens, Doc, Entry, Facet, Filter, Index, Order, Place, Query,
    SegmentBuilder, FACETS,
};

/// xorshift64*: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// What the brute force knows of a doc: its terms in order, one list a searched range.
fn ranges_terms(doc: &Doc) -> Vec<Vec<String>> {
    doc.searched
        .iter()
        .map(|&(start, end)| {
            tokens(&doc.text[start..end])
                .into_iter()
                .map(|(term, _)| term)
                .collect()
        })
        .collect()
}

fn has_clause(ranges: &[Vec<String>], clause: &[String]) -> bool {
    ranges
        .iter()
        .any(|terms| terms.windows(clause.len()).any(|window| window == clause))
}

fn facet_values(facet: Facet, entry: &Entry) -> BTreeSet<String> {
    let date = entry
        .date
        .map(|minutes| date_of_day(minutes.div_euclid(1440)));
    match facet {
        Facet::Year => date
            .map(|(y, _, _)| format!("{y:04}"))
            .into_iter()
            .collect(),
        Facet::Month => date
            .map(|(y, m, _)| format!("{y:04}-{m:02}"))
            .into_iter()
            .collect(),
        Facet::Origin => entry.origin.iter().cloned().collect(),
        Facet::Classification => entry.classification.iter().cloned().collect(),
        Facet::Caveat => entry.caveats.iter().cloned().collect(),
        Facet::Tag => entry.tags.iter().cloned().collect(),
        Facet::Precedence => entry.precedence.iter().cloned().collect(),
    }
}

fn passes(filter: &Filter, entry: &Entry, except: Option<Facet>) -> bool {
    filter.selected.iter().all(|(facet, values)| {
        Some(*facet) == except || {
            let have = facet_values(*facet, entry);
            values.iter().any(|value| have.contains(value))
        }
    })
}

struct Fixture {
    docs: Vec<Doc>,
    skipped: Vec<u32>,
    index: Index,
    /// Each doc's terms, one list a searched range.
    terms: Vec<Vec<Vec<String>>>,
    /// Each doc's length as BM25 counts it: positions, a gap after each range.
    lengths: Vec<f64>,
}

/// Built once for all tests: parsing the corpus unoptimised takes seconds.
fn fixture() -> &'static Fixture {
    static FIXTURE: std::sync::OnceLock<Fixture> = std::sync::OnceLock::new();
    FIXTURE.get_or_init(|| {
        let (docs, skipped) = corpus_docs();
        let index = build(&docs, &skipped, 37);
        let terms = docs.iter().map(ranges_terms).collect();
        let lengths = docs
            .iter()
            .map(|doc| {
                let mut position = 0;
                for &(start, end) in &doc.searched {
                    position = for_each_token(&doc.text[start..end], position, |_, _, _, _| {}) + 1;
                }
                f64::from(position)
            })
            .collect();
        Fixture {
            docs,
            skipped,
            index,
            terms,
            lengths,
        }
    })
}

#[test]
fn cables_keep_their_order_and_columns_across_segments() {
    let fixture = fixture();
    let index = &fixture.index;
    assert_eq!(index.len(), fixture.docs.len());
    assert!(index.segments().len() > 5);
    for (doc_idx, doc) in fixture.docs.iter().enumerate() {
        assert_eq!(index.entry(doc_idx as u32), Some(&doc.entry));
        let (text, searched) = index.text(doc_idx as u32).expect("a text");
        assert_eq!(text, doc.text);
        assert_eq!(searched, doc.searched);
    }
    let entries: Vec<&Entry> = index.entries().collect();
    assert_eq!(entries.len(), fixture.docs.len());
    let skipped: Vec<u32> = index.skipped().iter().map(|&(line, _)| line).collect();
    assert_eq!(skipped, fixture.skipped);
    // The corpus's records are read with their own columns: most cables have an ID, a date
    // and an origin (loose texts without a date-time group have no date).
    let with_all = fixture
        .docs
        .iter()
        .filter(|doc| {
            doc.entry.id.is_some() && doc.entry.date.is_some() && doc.entry.origin.is_some()
        })
        .count();
    assert!(with_all * 5 > fixture.docs.len() * 4, "{with_all}");
}

#[test]
fn facet_counts_match_a_scan_under_random_filters() {
    let fixture = fixture();
    let index = &fixture.index;
    let mut rng = Rng(0x5eed_0001);
    for round in 0..300 {
        let mut filter = Filter::none();
        let n_facets = round % 4;
        for _ in 0..n_facets {
            let facet = FACETS[rng.below(FACETS.len())];
            for _ in 0..1 + rng.below(2) {
                let doc = &fixture.docs[rng.below(fixture.docs.len())];
                let values: Vec<String> = facet_values(facet, &doc.entry).into_iter().collect();
                if values.is_empty() {
                    continue;
                }
                filter.select(facet, &values[rng.below(values.len())]);
            }
        }
        let passing: Vec<u32> = (0..fixture.docs.len() as u32)
            .filter(|&doc| passes(&filter, &fixture.docs[doc as usize].entry, None))
            .collect();
        assert_eq!(
            index.passing(&filter).iter().collect::<Vec<_>>(),
            passing,
            "{filter:?}"
        );
        for counts in index.facet_counts(&filter, None) {
            let mut expected: BTreeMap<String, u32> = BTreeMap::new();
            for doc in &fixture.docs {
                for value in facet_values(counts.facet, &doc.entry) {
                    let count = expected.entry(value).or_default();
                    if passes(&filter, &doc.entry, Some(counts.facet)) {
                        *count += 1;
                    }
                }
            }
            let expected: Vec<(String, u32)> = expected.into_iter().collect();
            assert_eq!(
                counts.counts, expected,
                "{:?} under {filter:?}",
                counts.facet
            );
        }
    }
}

/// A query made of random words and phrases of one of the corpus's texts, so that at least
/// that text matches.
fn random_query(rng: &mut Rng, fixture: &Fixture) -> String {
    let mut query = Vec::new();
    let ranges = &fixture.terms[rng.below(fixture.terms.len())];
    for _ in 0..1 + rng.below(3) {
        let terms = &ranges[rng.below(ranges.len())];
        if terms.is_empty() {
            continue;
        }
        let start = rng.below(terms.len());
        let len = (1 + rng.below(3)).min(terms.len() - start);
        let words = terms[start..start + len].join(" ");
        query.push(if len > 1 {
            format!("\"{words}\"")
        } else {
            words
        });
    }
    query.join(" ")
}

fn bm25(fixture: &Fixture, clauses: &[Vec<String>]) -> BTreeMap<u32, f64> {
    let n_docs = fixture.docs.len() as f64;
    let average = fixture.lengths.iter().sum::<f64>() / n_docs;
    let terms: BTreeSet<&String> = clauses.iter().flatten().collect();
    let idf: BTreeMap<&String, f64> = terms
        .iter()
        .map(|&term| {
            let df = fixture
                .terms
                .iter()
                .filter(|ranges| ranges.iter().flatten().any(|t| t == term))
                .count() as f64;
            (term, (1.0 + (n_docs - df + 0.5) / (df + 0.5)).ln())
        })
        .collect();
    let mut scores = BTreeMap::new();
    for (doc_idx, ranges) in fixture.terms.iter().enumerate() {
        if !clauses.iter().all(|clause| has_clause(ranges, clause)) {
            continue;
        }
        let mut score = 0.0;
        for term in &terms {
            let tf = ranges.iter().flatten().filter(|t| t == term).count() as f64;
            let norm = 1.2 * (1.0 - 0.75 + 0.75 * fixture.lengths[doc_idx] / average);
            score += idf[term] * tf * 2.2 / (tf + norm);
        }
        scores.insert(doc_idx as u32, score);
    }
    scores
}

#[test]
fn searches_match_a_scan_in_set_score_and_order() {
    let fixture = fixture();
    let index = &fixture.index;
    let stored = Index::from_bytes(&index.to_bytes().expect("whole")).expect("read back");
    let mut rng = Rng(0x5eed_0002);
    let mut queries: Vec<String> = (0..150).map(|_| random_query(&mut rng, fixture)).collect();
    queries.extend(
        [
            "nuclear",
            "\"nuclear program\"",
            "iran's \"nuclear program\"",
            "non-proliferation",
            "NOFORN human rights",
            "zzzz-not-a-word",
        ]
        .map(String::from),
    );
    let mut n_nonempty = 0;
    for text in &queries {
        let query = Query {
            text: text.clone(),
            limit: usize::MAX,
            ..Query::default()
        };
        let results = index.search(&query);
        let expected = bm25(fixture, &results.clauses);
        let found: BTreeSet<u32> = results.hits.iter().map(|hit| hit.doc).collect();
        assert_eq!(found, expected.keys().copied().collect(), "{text}");
        assert_eq!(results.n_matches, expected.len());
        n_nonempty += usize::from(!expected.is_empty());
        for hit in &results.hits {
            let brute = expected[&hit.doc];
            assert!(
                (hit.score - brute).abs() < 1e-9 * brute.max(1.0),
                "{text}: {hit:?} {brute}"
            );
        }
        for pair in results.hits.windows(2) {
            assert!(
                pair[0].score > pair[1].score
                    || (pair[0].score == pair[1].score && pair[0].doc < pair[1].doc),
                "{text}: {pair:?}"
            );
        }
        // The stored and read-back index answers the same, in the same order.
        assert_eq!(stored.search(&query).hits, results.hits);
        // A limit returns the first hits of the whole order.
        let limited = index.search(&Query {
            limit: 3,
            ..query.clone()
        });
        assert_eq!(limited.hits, results.hits[..results.hits.len().min(3)]);
        // Snippets mark only words of the query.
        let terms: BTreeSet<&String> = results.clauses.iter().flatten().collect();
        for hit in results.hits.iter().take(3) {
            let snippet = index.snippet(hit.doc, &results.clauses).expect("a snippet");
            assert!(!snippet.marks.is_empty(), "{text}");
            for &(start, end) in &snippet.marks {
                let marked = tokens(&snippet.text[start..end]);
                assert_eq!(marked.len(), 1);
                assert!(terms.contains(&marked[0].0), "{text}: {marked:?}");
            }
        }
    }
    assert!(
        n_nonempty > 150,
        "the random queries find their texts: {n_nonempty}"
    );
}

#[test]
fn searches_with_facets_and_by_date_match_a_scan() {
    let fixture = fixture();
    let index = &fixture.index;
    let mut rng = Rng(0x5eed_0003);
    for _ in 0..60 {
        let text = random_query(&mut rng, fixture);
        let mut filter = Filter::none();
        let doc = &fixture.docs[rng.below(fixture.docs.len())];
        let facet = FACETS[rng.below(FACETS.len())];
        if let Some(value) = facet_values(facet, &doc.entry).into_iter().next() {
            filter.select(facet, &value);
        }
        let query = Query {
            text: text.clone(),
            filter: filter.clone(),
            order: Order::Date,
            limit: usize::MAX,
            year: None,
        };
        let results = index.search(&query);
        let expected: Vec<u32> = bm25(fixture, &results.clauses)
            .into_keys()
            .filter(|&doc| passes(&filter, &fixture.docs[doc as usize].entry, None))
            .collect();
        let mut found: Vec<u32> = results.hits.iter().map(|hit| hit.doc).collect();
        let dates: Vec<Option<i64>> = found
            .iter()
            .map(|&doc| fixture.docs[doc as usize].entry.date)
            .collect();
        for pair in dates.windows(2) {
            assert!(
                match (pair[0], pair[1]) {
                    (Some(a), Some(b)) => a >= b,
                    (None, Some(_)) => false,
                    _ => true,
                },
                "{text}: newest first, undated last"
            );
        }
        found.sort_unstable();
        assert_eq!(found, expected, "{text} {filter:?}");
        assert_eq!(results.matching.iter().collect::<Vec<_>>(), expected);
        // Counts under the search are the counts among its matches.
        for counts in index.facet_counts(&filter, Some(&results.matching)) {
            for (value, count) in counts.counts {
                let among = expected
                    .iter()
                    .filter(|&&doc| {
                        facet_values(counts.facet, &fixture.docs[doc as usize].entry)
                            .contains(&value)
                    })
                    .count();
                assert_eq!(count as usize, among, "{text}: {:?} {value}", counts.facet);
            }
        }
    }
}

/// The first doc of the collection with `id`, by scan.
fn first_with(docs: &[Doc], id: &str) -> Option<u32> {
    docs.iter()
        .position(|doc| doc.entry.id.as_deref() == Some(id))
        .map(|idx| idx as u32)
}

#[test]
fn ids_are_found_in_three_spellings() {
    let fixture = fixture();
    let index = &fixture.index;
    let mut checked = 0;
    for doc in &fixture.docs {
        let Some(id) = &doc.entry.id else {
            continue;
        };
        let expected = first_with(&fixture.docs, id);
        let two = &id[..2];
        let station = collection::station_of(id).expect("a station");
        let serial = &id[2 + station.len()..];
        let year: u16 = two.parse::<u16>().expect("digits") + if two >= "66" { 1900 } else { 2000 };
        for (text, year) in [
            (id.clone(), None),
            (format!("cable {two} {station} {serial} please"), None),
            (format!("{two} {station} 000{serial}"), None),
            (format!("see {station} {serial}"), Some(year)),
        ] {
            let found = index.recognise_ids(&text, year);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(&found[0].id, id, "{text}");
            assert_eq!(found[0].doc, expected, "{text}");
            assert_eq!(
                text[found[0].range.clone()].split_whitespace().last(),
                Some(
                    text.split_whitespace()
                        .rev()
                        .find(|w| w.chars().any(|c| c.is_ascii_digit()))
                        .expect("a number")
                )
            );
        }
        // Without a year, a station and serial are not an ID.
        assert!(index
            .recognise_ids(&format!("{station} {serial}"), None)
            .is_empty());
        assert_eq!(
            index.docs_with_id(id),
            (0..fixture.docs.len() as u32)
                .filter(|&d| fixture.docs[d as usize].entry.id.as_deref() == Some(id.as_str()))
                .collect::<Vec<_>>()
        );
        checked += 1;
    }
    assert!(checked > 200, "{checked}");
    // An ID in a search is recognised and not searched as words.
    let id = fixture.docs[0].entry.id.clone().expect("an ID");
    let results = index.search(&Query {
        text: format!("{id} the"),
        limit: 1,
        ..Query::default()
    });
    assert_eq!(results.ids.len(), 1);
    assert_eq!(results.clauses, [vec!["the".to_string()]]);
}

#[test]
fn cites_and_cited_by_match_a_scan_for_every_cable() {
    let fixture = fixture();
    let index = &fixture.index;
    let mut cited_by: BTreeMap<String, Vec<(u32, Place)>> = BTreeMap::new();
    let mut n_edges = 0;
    let mut n_in = 0;
    for (doc_idx, doc) in fixture.docs.iter().enumerate() {
        let cites = index.cites(doc_idx as u32);
        assert_eq!(cites.len(), doc.entry.citations.len());
        for (cited, citation) in cites.iter().zip(&doc.entry.citations) {
            assert_eq!(cited.id, citation.cited);
            assert_eq!(cited.place, citation.place);
            assert_eq!(cited.doc, first_with(&fixture.docs, &citation.cited));
            n_in += usize::from(cited.doc.is_some());
            cited_by
                .entry(citation.cited.clone())
                .or_default()
                .push((doc_idx as u32, citation.place));
            n_edges += 1;
        }
    }
    assert!(n_edges > 300, "{n_edges}");
    // The corpus is 154 cables from 45 years: few cite one another.
    assert!(n_in > 0, "some citations resolve in the collection: {n_in}");
    let mut kinds = BTreeSet::new();
    for (id, expected) in &cited_by {
        let found: Vec<(u32, Place)> = index
            .cited_by(id)
            .into_iter()
            .map(|citing| (citing.doc, citing.place))
            .collect();
        assert_eq!(&found, expected, "{id}");
        kinds.extend(
            found
                .iter()
                .map(|(_, place)| matches!(place, Place::Reference(_))),
        );
    }
    assert!(kinds.len() >= 2, "REF items and paragraphs both cite");
    assert!(index.cited_by("99NOWHERE1").is_empty());
    // The most cited IDs the collection lacks, by distinct citing cables.
    let mut missing: Vec<(String, u32)> = cited_by
        .iter()
        .filter(|(id, _)| first_with(&fixture.docs, id).is_none())
        .map(|(id, citing)| {
            let docs: BTreeSet<u32> = citing.iter().map(|(doc, _)| *doc).collect();
            (id.clone(), docs.len() as u32)
        })
        .collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    missing.truncate(25);
    assert_eq!(index.most_cited_missing(25), missing);
}

#[test]
fn damaged_stores_are_errors_never_panics() {
    let fixture = fixture();
    let small = build(&fixture.docs[..20], &[], 7);
    let bytes = small.to_bytes().expect("whole");
    assert_eq!(Index::from_bytes(&bytes).map(|index| index.len()), Ok(20));
    let mut rng = Rng(0x5eed_0004);
    for _ in 0..200 {
        let cut = rng.below(bytes.len());
        assert!(Index::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        let mut flipped = bytes.clone();
        let at = rng.below(bytes.len());
        flipped[at] ^= 1 << rng.below(8);
        assert!(Index::from_bytes(&flipped).is_err(), "flipped at {at}");
    }
    // Every byte of the manifest matters.
    let manifest = small.manifest();
    for at in 0..manifest.len() {
        let mut flipped = manifest.clone();
        flipped[at] ^= 0x10;
        let segments = small
            .segments()
            .iter()
            .map(|s| s.as_bytes().expect("whole").to_vec())
            .collect();
        assert!(
            Index::from_parts(&flipped, segments).is_err(),
            "manifest byte {at}"
        );
    }
    let mut extra = bytes.clone();
    extra.push(0);
    assert!(Index::from_bytes(&extra).is_err());
    // Segments out of order, or one missing, are refused.
    let mut segments: Vec<Vec<u8>> = small
        .segments()
        .iter()
        .map(|s| s.as_bytes().expect("whole").to_vec())
        .collect();
    segments.swap(0, 1);
    assert!(Index::from_parts(&manifest, segments.clone()).is_err());
    segments.pop();
    assert!(Index::from_parts(&manifest, segments).is_err());
    // Other files: a CSV, nothing, random bytes.
    for other in [&b"\"1\",\"2\",\"3\"\n"[..], b"", &[0xff; 64]] {
        assert!(Index::from_bytes(other).is_err());
        assert!(collection::Segment::from_bytes(other.to_vec()).is_err());
    }
    let error = Index::from_bytes(&bytes[..bytes.len() / 2]).expect_err("cut");
    assert!(error.to_string().contains("damaged"), "{error}");
}

#[test]
fn an_empty_collection_answers_nothing() {
    for index in [
        Index::build(Vec::new()),
        Index::build(vec![SegmentBuilder::new().finish()]),
    ] {
        assert!(index.is_empty());
        let results = index.search(&Query {
            text: "nuclear".to_string(),
            limit: 10,
            ..Query::default()
        });
        assert_eq!(results.n_matches, 0);
        assert!(index.search(&Query::default()).hits.is_empty());
        assert!(index
            .facet_counts(&Filter::none(), None)
            .iter()
            .all(|c| c.counts.is_empty()));
        assert!(index.cited_by("08OTTAWA372").is_empty());
        assert!(index.cites(0).is_empty());
        assert!(index.text(0).is_err());
        assert!(index.recognise_ids("08OTTAWA372", None).is_empty());
        let stored = Index::from_bytes(&index.to_bytes().expect("whole")).expect("read back");
        assert_eq!(stored.len(), 0);
    }
}

#[test]
fn text_of_another_shape_is_indexed_as_text() {
    // A CSV of another shape, binary-looking bytes read as text: no panic, a doc with what
    // little the parser finds, searchable by its words.
    let mut builder = SegmentBuilder::new();
    builder.push(Doc::read(1, "name,age\nalice,30\nbob,41\n".to_string()));
    builder.push(Doc::read(2, "\u{0}\u{1}\u{fffd}\u{fffd} ÿþ".to_string()));
    let index = Index::build(vec![builder.finish()]);
    assert_eq!(index.len(), 2);
    assert_eq!(index.entry(0).and_then(|entry| entry.id.clone()), None);
    let hits = index
        .search(&Query {
            text: "alice".to_string(),
            limit: 5,
            ..Query::default()
        })
        .hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc, 0);
}

/// Each segment's stored form, whole.
fn stored_segments(index: &Index) -> Vec<Vec<u8>> {
    index
        .segments()
        .iter()
        .map(|segment| segment.as_bytes().expect("whole").to_vec())
        .collect()
}

#[test]
fn texts_released_are_read_from_their_blocks() {
    let fixture = fixture();
    let stored = stored_segments(&fixture.index);
    let mut index = Index::from_parts(&fixture.index.manifest(), stored.clone()).expect("read");
    let query = Query {
        text: "\"human rights\"".to_string(),
        limit: usize::MAX,
        ..Query::default()
    };
    let before = index.search(&query).hits;
    index.release_texts();
    assert!(index.to_bytes().is_none());
    assert_eq!(index.manifest(), fixture.index.manifest());
    assert_eq!(index.search(&query).hits, before);
    for (doc_idx, doc) in fixture.docs.iter().enumerate() {
        let doc_idx = doc_idx as u32;
        assert_eq!(
            index.text(doc_idx),
            Err(collection::FormatError::TextsReleased)
        );
        let (segment, (start, end)) = index.text_block(doc_idx).expect("a block");
        let (text, searched) = index
            .text_in_block(doc_idx, &stored[segment][start..end])
            .expect("the text");
        assert_eq!(text, doc.text);
        assert_eq!(searched, doc.searched);
        // Another block's bytes are refused or give another text, never a panic.
        if let Ok((other, _)) = index.text_in_block(doc_idx, &stored[segment][..64]) {
            assert_ne!(other, doc.text);
        }
    }
}

#[test]
fn a_segment_read_without_its_texts_answers_as_one_released() {
    let fixture = fixture();
    let stored = stored_segments(&fixture.index);
    let mut released = Index::from_parts(&fixture.index.manifest(), stored.clone()).expect("read");
    released.release_texts();
    let without = Index::build(
        stored
            .iter()
            .map(|bytes| collection::Segment::from_bytes_without_texts(bytes).expect("read"))
            .collect(),
    );
    assert_eq!(without.manifest(), released.manifest());
    let query = Query {
        text: "\"human rights\" embassy".to_string(),
        limit: usize::MAX,
        ..Query::default()
    };
    assert_eq!(without.search(&query).hits, released.search(&query).hits);
    for (doc_idx, doc) in fixture.docs.iter().enumerate() {
        let doc_idx = doc_idx as u32;
        assert_eq!(without.entry(doc_idx), released.entry(doc_idx));
        let (segment, (start, end)) = without.text_block(doc_idx).expect("a block");
        assert_eq!(Some((segment, (start, end))), released.text_block(doc_idx));
        let (text, _) = without
            .text_in_block(doc_idx, &stored[segment][start..end])
            .expect("the text");
        assert_eq!(text, doc.text);
    }
    // A damaged copy is refused, as from_bytes refuses it.
    let mut damaged = stored[0].clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert!(collection::Segment::from_bytes_without_texts(&damaged).is_err());
    assert!(collection::Segment::from_bytes_without_texts(&stored[0][..100]).is_err());
}
