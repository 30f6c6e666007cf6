//! What TAGS codes mean, from `data/tags.tsv` (each meaning's source is in its last column,
//! explained in `data/GLOSSARY-SOURCES.md`; the build keeps the first three columns and sorts
//! the lines by the code upper-cased).

use crate::scan::sort;
use std::sync::OnceLock;

/// `code<TAB>kind<TAB>meaning`, sorted by the code upper-cased, which follows in a fourth
/// column where it differs from the code (by `build.rs`).
const TAGS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/tags.tsv"));

/// A TAGS code and what a source says it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TagEntry {
    /// The code as cables write it, e.g. `PREL`.
    pub code: &'static str,
    /// `subject`, `program`, `geo`, `organization`, `person` or `other`.
    pub kind: &'static str,
    /// The source's meaning, or empty when no source gives one.
    pub meaning: &'static str,
}

/// The table, sorted by upper-cased code (sorted by the build; read on first use).
fn tags() -> &'static [(&'static str, TagEntry)] {
    static TAGS: OnceLock<Vec<(&'static str, TagEntry)>> = OnceLock::new();
    TAGS.get_or_init(|| {
        TAGS_TSV
            .lines()
            .filter_map(|line| {
                let mut columns = line.split('\t');
                let entry = TagEntry {
                    code: columns.next()?,
                    kind: columns.next()?,
                    meaning: columns.next()?,
                };
                Some((columns.next().unwrap_or(entry.code), entry))
            })
            .collect()
    })
}

/// The glossary entry for a TAGS code, matched without regard to case. A code listed twice
/// (`AL`, `BP`: a country and an organisation) gives the entry with a meaning.
pub fn tag(code: &str) -> Option<TagEntry> {
    // Most codes are written in ASCII capitals already: no upper-cased copy of them.
    let upper: std::borrow::Cow<'_, str> = if code
        .bytes()
        .all(|byte| byte.is_ascii() && !byte.is_ascii_lowercase())
    {
        std::borrow::Cow::Borrowed(code)
    } else {
        std::borrow::Cow::Owned(code.to_uppercase())
    };
    let upper = upper.as_ref();
    let table = tags();
    let start = table.partition_point(|(key, _)| *key < upper);
    let matching = table
        .get(start..)?
        .iter()
        .take_while(|(key, _)| *key == upper)
        .map(|(_, entry)| *entry);
    let mut best: Option<TagEntry> = None;
    for entry in matching {
        if best.is_none_or(|best| best.meaning.is_empty() && !entry.meaning.is_empty()) {
            best = Some(entry);
        }
    }
    best
}

/// Whether `code` is a known TAGS code.
pub fn is_known_tag(code: &str) -> bool {
    tag(code).is_some()
}

/// Routing indicators and the stations they name, chosen by `build.rs` from
/// `data/routing_indicators.tsv`: sorted, one line each, `RI<TAB>name`.
const ROUTING_INDICATORS: &str = include_str!(concat!(env!("OUT_DIR"), "/routing_indicators.tsv"));

/// The station a routing indicator names (`RUEHOT` → `AMEMBASSY OTTAWA`), for the ones a reader of
/// State Department cables meets.
///
/// ```
/// assert_eq!(cable::glossary::routing_indicator("RUEHOT"), Some("AMEMBASSY OTTAWA"));
/// assert_eq!(cable::glossary::routing_indicator("ZZZZZZ"), None);
/// ```
pub fn routing_indicator(ri: &str) -> Option<&'static str> {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        ROUTING_INDICATORS
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .collect()
    });
    table
        .binary_search_by_key(&ri, |&(ri, _)| ri)
        .ok()
        .and_then(|idx| table.get(idx))
        .map(|&(_, name)| name)
}

/// Whether `word` names a place, or a part of one: a word of a country's name in the glossary
/// (`Sudan`, `Afghanistan`, `Arab`) or of a region (`Central`, `Asia`), or `and` between two.
pub fn is_place_word(word: &str) -> bool {
    const REGIONS: [&str; 22] = [
        "and",
        "central",
        "asia",
        "asian",
        "east",
        "eastern",
        "west",
        "western",
        "north",
        "northern",
        "south",
        "southern",
        "middle",
        "near",
        "europe",
        "european",
        "africa",
        "african",
        "america",
        "americas",
        "pacific",
        "caribbean",
    ];
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: Vec<String> = tags()
            .iter()
            .filter(|(_, entry)| entry.kind == "geo")
            .flat_map(|(_, entry)| entry.meaning.split([' ', ',', '(', ')']))
            .filter(|word| word.chars().count() >= 4)
            .map(str::to_lowercase)
            .chain(REGIONS.iter().map(|word| word.to_string()))
            .collect();
        sort::sort_by(&mut words, |a, b| a.cmp(b));
        words.dedup();
        words
    });
    let lower = word.trim_matches([',', '.', ';']).to_lowercase();
    words.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_codes_and_meanings() {
        assert_eq!(
            tag("PREL").map(|entry| entry.meaning),
            Some("Political Affairs--External Political Relations")
        );
        assert_eq!(tag("prel").map(|entry| entry.code), Some("PREL"));
        assert_eq!(tag("CA").map(|entry| entry.kind), Some("geo"));
        assert!(tag("ZZZZQ").is_none());
    }

    /// Lookups search the tables the build sorted: each must be in order.
    #[test]
    fn the_built_tables_are_sorted() {
        let codes: Vec<&str> = tags().iter().map(|(key, _)| *key).collect();
        assert!(codes.len() > 900);
        assert!(codes.windows(2).all(|pair| pair[0] <= pair[1]));
        assert!(tags()
            .iter()
            .all(|(key, entry)| *key == entry.code.to_uppercase()));
        let indicators: Vec<&str> = ROUTING_INDICATORS
            .lines()
            .filter_map(|line| line.split_once('\t').map(|(ri, _)| ri))
            .collect();
        assert!(indicators.len() > 300);
        assert!(indicators.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
