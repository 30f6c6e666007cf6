//! Facets: for each value (a year, an origin, a TAG, …) the sorted list of cables that have it,
//! and counts under a filter.
//!
//! A sorted `u32` list per value, and a plain bitset ([`DocSet`]) for a filter, rather than
//! roaring bitmaps: at the scale (251,287 cables, about ten facet values a cable) the
//! lists take 4 bytes a membership, 10 MB in all, and a bitset 31 KB; counting every value of
//! every facet under a filter touches each membership once (a few milliseconds natively), and
//! the crate needs no dependency for it.
//!
//! A filter selects values: a cable passes when, for every facet with values selected, it has
//! one of them (AND across facets, OR within one). The count of a value is the number of cables
//! that would pass were the value's own facet's selection replaced by that value alone, and
//! the other facets' selections kept (the usual count beside a facet's checkboxes).

use crate::entry::{date_of_day, Entry};

/// A facet: a way of sorting cables into values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// The date's year, `2008`.
    Year,
    /// The date's year and month, `2008-03`.
    Month,
    /// The originating station, `OTTAWA`.
    Origin,
    /// `CONFIDENTIAL`, …
    Classification,
    /// A handling control: `NOFORN`, `SIPDIS`, …
    Caveat,
    /// A TAGS code: `PREL`.
    Tag,
    /// `IMMEDIATE`, …
    Precedence,
}

/// Every facet, in the order the page lists them.
pub const FACETS: [Facet; 7] = [
    Facet::Year,
    Facet::Month,
    Facet::Origin,
    Facet::Classification,
    Facet::Caveat,
    Facet::Tag,
    Facet::Precedence,
];

impl Facet {
    /// The facet's name, as the command line and links write it.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Year => "year",
            Facet::Month => "month",
            Facet::Origin => "origin",
            Facet::Classification => "classification",
            Facet::Caveat => "caveat",
            Facet::Tag => "tag",
            Facet::Precedence => "precedence",
        }
    }

    /// The facet named `name` (as [`Facet::name`] writes it).
    pub fn from_name(name: &str) -> Option<Facet> {
        FACETS.into_iter().find(|facet| facet.name() == name)
    }

    /// The facet's values for one cable (none when it lacks the field).
    pub fn values_of(self, entry: &Entry) -> Vec<String> {
        let date = entry
            .date
            .map(|minutes| date_of_day(minutes.div_euclid(1440)));
        match self {
            Facet::Year => date
                .map(|(year, _, _)| format!("{year:04}"))
                .into_iter()
                .collect(),
            Facet::Month => date
                .map(|(year, month, _)| format!("{year:04}-{month:02}"))
                .into_iter()
                .collect(),
            Facet::Origin => entry.origin.iter().cloned().collect(),
            Facet::Classification => entry.classification.iter().cloned().collect(),
            Facet::Caveat => entry.caveats.clone(),
            Facet::Tag => entry.tags.clone(),
            Facet::Precedence => entry.precedence.iter().cloned().collect(),
        }
    }
}

/// Selected facet values: AND across facets, OR within one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Each facet with values selected, and those values.
    pub selected: Vec<(Facet, Vec<String>)>,
}

impl Filter {
    /// No value selected: every cable passes.
    pub fn none() -> Filter {
        Filter::default()
    }

    /// Adds `value` to the values selected of `facet`.
    pub fn select(&mut self, facet: Facet, value: &str) {
        match self
            .selected
            .iter_mut()
            .find(|(selected, _)| *selected == facet)
        {
            Some((_, values)) => values.push(value.to_string()),
            None => self.selected.push((facet, vec![value.to_string()])),
        }
    }
}

/// A set of cables as a bitset, one bit a cable of the collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSet {
    words: Vec<u64>,
    n_docs: usize,
}

impl DocSet {
    /// No cable of `n_docs`.
    pub fn empty(n_docs: usize) -> DocSet {
        DocSet {
            words: vec![0; n_docs.div_ceil(64)],
            n_docs,
        }
    }

    /// Every cable of `n_docs`.
    pub fn full(n_docs: usize) -> DocSet {
        let mut set = DocSet {
            words: vec![u64::MAX; n_docs.div_ceil(64)],
            n_docs,
        };
        if let Some(last) = set.words.last_mut() {
            let used = n_docs % 64;
            if used != 0 {
                *last = (1u64 << used) - 1;
            }
        }
        set
    }

    /// Adds cable `doc` (ignored past the end).
    pub fn insert(&mut self, doc: u32) {
        if let Some(word) = self.words.get_mut(doc as usize / 64) {
            *word |= 1 << (doc % 64);
        }
    }

    /// Whether cable `doc` is in.
    pub fn contains(&self, doc: u32) -> bool {
        self.words
            .get(doc as usize / 64)
            .is_some_and(|word| word & (1 << (doc % 64)) != 0)
    }

    /// Keeps only the cables also in `other`.
    pub fn intersect(&mut self, other: &DocSet) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= other;
        }
    }

    /// How many cables are in.
    pub fn count(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    /// The cables in, in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(idx, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let bit = word.trailing_zeros();
                word &= word - 1;
                Some(idx as u32 * 64 + bit)
            })
        })
    }

    /// The number of cables the set is over.
    pub fn n_docs(&self) -> usize {
        self.n_docs
    }
}

/// One facet's values, sorted, each with its cables.
#[derive(Debug, Clone, Default)]
struct FacetTable {
    values: Vec<String>,
    docs: Vec<Vec<u32>>,
}

/// A facet's values and their counts under a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    /// The facet.
    pub facet: Facet,
    /// Every value the collection has for it, sorted, with its count (0 included).
    pub counts: Vec<(String, u32)>,
}

/// Every facet's table.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facets {
    tables: Vec<FacetTable>,
    n_docs: usize,
}

impl Facets {
    /// The tables of cables given in order, numbered from 0.
    pub(crate) fn build<'a>(entries: impl Iterator<Item = &'a Entry>) -> Facets {
        let mut maps: Vec<std::collections::BTreeMap<String, Vec<u32>>> =
            FACETS.iter().map(|_| Default::default()).collect();
        let mut n_docs = 0;
        for (doc, entry) in entries.enumerate() {
            n_docs = doc + 1;
            for (facet, map) in FACETS.iter().zip(maps.iter_mut()) {
                for value in facet.values_of(entry) {
                    let docs = map.entry(value).or_default();
                    // A value given twice (a TAG repeated) counts the cable once.
                    if docs.last() != Some(&(doc as u32)) {
                        docs.push(doc as u32);
                    }
                }
            }
        }
        Facets {
            tables: maps
                .into_iter()
                .map(|map| {
                    let (values, docs) = map.into_iter().unzip();
                    FacetTable { values, docs }
                })
                .collect(),
            n_docs,
        }
    }

    fn table(&self, facet: Facet) -> Option<&FacetTable> {
        let idx = FACETS.iter().position(|candidate| *candidate == facet)?;
        self.tables.get(idx)
    }

    /// The cables that have `value` of `facet`, in order.
    pub(crate) fn docs(&self, facet: Facet, value: &str) -> &[u32] {
        self.table(facet)
            .and_then(|table| {
                let idx = table
                    .values
                    .binary_search_by(|v| v.as_str().cmp(value))
                    .ok()?;
                table.docs.get(idx)
            })
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The cables that pass `filter`, leaving out the selection of `except`; `None` when
    /// nothing is selected (every cable passes).
    pub(crate) fn passing(&self, filter: &Filter, except: Option<Facet>) -> Option<DocSet> {
        let mut passing: Option<DocSet> = None;
        for (facet, values) in &filter.selected {
            if Some(*facet) == except {
                continue;
            }
            let mut any = DocSet::empty(self.n_docs);
            for value in values {
                for &doc in self.docs(*facet, value) {
                    any.insert(doc);
                }
            }
            match &mut passing {
                Some(set) => set.intersect(&any),
                None => passing = Some(any),
            }
        }
        passing
    }

    /// Each facet's values with their counts under `filter`, among `within` (all cables when
    /// `None`, else a search's matches).
    pub(crate) fn counts(&self, filter: &Filter, within: Option<&DocSet>) -> Vec<FacetCounts> {
        FACETS
            .iter()
            .zip(&self.tables)
            .map(|(&facet, table)| {
                let mut passing = self.passing(filter, Some(facet));
                if let Some(within) = within {
                    match &mut passing {
                        Some(set) => set.intersect(within),
                        None => passing = Some(within.clone()),
                    }
                }
                let counts = table
                    .values
                    .iter()
                    .zip(&table.docs)
                    .map(|(value, docs)| {
                        let count = match &passing {
                            Some(set) => docs.iter().filter(|&&doc| set.contains(doc)).count(),
                            None => docs.len(),
                        };
                        (value.clone(), count as u32)
                    })
                    .collect();
                FacetCounts { facet, counts }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doc_set_counts_and_lists_its_cables() {
        let mut set = DocSet::empty(130);
        for doc in [0, 63, 64, 129, 400] {
            set.insert(doc);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        assert_eq!(DocSet::full(130).count(), 130);
        let mut full = DocSet::full(130);
        full.intersect(&set);
        assert_eq!(full, set);
    }
}
