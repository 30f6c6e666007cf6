//! Stations (posts) as canonical cable IDs write them, from `data/stations.tsv`: normalising the
//! station of a cited cable (`USUN NEW YORK` → `USUNNEWYORK`, `SECSTATE` → `STATE`, `HCMC` →
//! `HOCHIMINHCITY`) and mending typos by nearest spelling (`COLOMOBO` → `COLOMBO`).

use std::sync::OnceLock;

use crate::scan::letters::letters;

/// One line per key a station is found by, sorted by key, from `data/stations.tsv` by
/// `build.rs`: `STATION` for a station under its own name, `KEY<TAB>STATION` for an alias (its
/// key the alias's letters, see [`letters`]).
const STATION_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/station_keys.tsv"));

/// How a station was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Station {
    /// A known station or one of its aliases.
    Known(String),
    /// A known station, read from a misspelling or a truncation.
    Mended { station: String, written: String },
    /// Not in the table: kept as written, letters only.
    Unknown(String),
}

impl Station {
    pub(crate) fn value(&self) -> &str {
        match self {
            Station::Known(station) | Station::Unknown(station) => station,
            Station::Mended { station, .. } => station,
        }
    }
}

/// `(key, station)`: every station under its name and every alias under its letters, sorted by
/// key (by the build).
fn table() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        STATION_KEYS
            .lines()
            .map(|line| line.split_once('\t').unwrap_or((line, line)))
            .collect()
    })
}

fn lookup(key: &str) -> Option<&'static str> {
    let table = table();
    table
        .binary_search_by(|(entry, _)| (*entry).cmp(key))
        .ok()
        .and_then(|idx| table.get(idx))
        .map(|(_, station)| *station)
}

/// Whether `written` (one or more words) is a known station or alias.
pub(crate) fn is_known(written: &str) -> bool {
    lookup(&letters(written)).is_some()
}

/// The station as canonical IDs write it.
pub(crate) fn normalise(written: &str) -> Station {
    let key = letters(written);
    if let Some(station) = lookup(&key) {
        return Station::Known(station.to_string());
    }
    // A post's title glued on: `EMBASSYVIENNA`, `AMEMBASSY VIENNA`, `AMCONSUL …`.
    for title in ["AMEMBASSY", "EMBASSY", "AMCONSUL", "CONSULATE", "USMISSION"] {
        if let Some(rest) = key.strip_prefix(title).filter(|rest| rest.len() >= 3) {
            return match lookup(rest) {
                Some(station) => Station::Known(station.to_string()),
                None => Station::Unknown(rest.to_string()),
            };
        }
    }
    if let Some(station) = nearest(&key) {
        return Station::Mended {
            station: station.to_string(),
            written: written.to_string(),
        };
    }
    Station::Unknown(key)
}

/// The one known station a misspelled or cut key stands for: one letter added, dropped, changed
/// or two swapped (`COLOMOBO`, `BISHTEK`, `RIODEJANIERO`); the start of a longer name
/// (`KUALALUMP`, `SAOPAUL`); or a name with a country code or `WASH` after it (`MADRIDSP`,
/// `SECDEFWASH`). Short keys are never mended: too many posts are one letter apart.
fn nearest(key: &str) -> Option<&'static str> {
    if key.len() < 5 {
        return None;
    }
    let mut found: Option<&'static str> = None;
    for (entry, station) in table() {
        let close = one_edit_apart(key, entry)
            || (entry.len() > key.len() && entry.len() <= key.len() + 4 && entry.starts_with(key))
            || (entry.len() >= 5
                && key
                    .strip_prefix(*entry)
                    .is_some_and(|rest| rest.len() == 2 || rest == "WASH" || rest == "WASHDC"));
        if close {
            match found {
                Some(other) if other != *station => return None,
                _ => found = Some(station),
            }
        }
    }
    found
}

/// Whether two words are one insertion, deletion, substitution or swap of neighbours apart.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (
        a.get(prefix..).unwrap_or(&[]),
        b.get(prefix..).unwrap_or(&[]),
    );
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            a_rest.get(1..) == b_rest.get(1..)
                || (a_rest.len() >= 2
                    && a_rest.first() == b_rest.get(1)
                    && a_rest.get(1) == b_rest.first()
                    && a_rest.get(2..) == b_rest.get(2..))
        }
        std::cmp::Ordering::Less => {
            b.len() == a.len() + 1 && a_rest == b_rest.get(1..).unwrap_or(&[])
        }
        std::cmp::Ordering::Greater => {
            a.len() == b.len() + 1 && a_rest.get(1..).unwrap_or(&[]) == b_rest
        }
    }
}

/// A cable ID in canonical form: two-digit year, station as canonical IDs write it, serial
/// without leading zeros. Accepts what publishers and references write: `05RIO123`,
/// `06SECSTATE123`, `09USUNNEYORK234`, `07PORT-AU-PRINCE12`, `08 PARIS 1501`. `None` when the text
/// is not year, station and serial.
///
/// ```
/// assert_eq!(cable::canonicalize_id("05RIO123").as_deref(), Some("05RIODEJANEIRO123"));
/// assert_eq!(cable::canonicalize_id("06SECSTATE0123").as_deref(), Some("06STATE123"));
/// assert_eq!(cable::canonicalize_id("08 USUN NEW YORK 001").as_deref(), Some("08USUNNEWYORK1"));
/// assert_eq!(cable::canonicalize_id("PARIS 1501"), None);
/// ```
pub fn canonicalize_id(id: &str) -> Option<String> {
    let id = id.trim();
    let year: String = id.chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 2 {
        return None;
    }
    let rest = id.get(2..)?;
    let serial_at = rest
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_ascii_digit())
        .last()
        .map(|(at, _)| at)?;
    let station = rest.get(..serial_at)?;
    let serial = rest.get(serial_at..)?.trim_start_matches('0');
    let serial = if serial.is_empty() { "0" } else { serial };
    let station = normalise(station);
    (!station.value().is_empty()).then(|| format!("{year}{}{serial}", station.value()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_one_edit() {
        assert!(one_edit_apart("ABCD", "ABXD"));
        assert!(one_edit_apart("ABCD", "ABDC"));
        assert!(one_edit_apart("ABCD", "ABCDE"));
        assert!(one_edit_apart("ABCDE", "ABDE"));
        assert!(!one_edit_apart("ABCD", "ABCD"));
        assert!(!one_edit_apart("ABCD", "AXYD"));
    }
}
