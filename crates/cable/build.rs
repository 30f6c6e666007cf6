//! Picks, from the shared table of routing indicators (`data/routing_indicators.tsv`, copied
//! unchanged), the ones a reader of State Department cables meets: the State Department's own
//! network (`RUEH…`), the military and intelligence networks its cables are relayed to (`RUEK…`,
//! `RHEH…`, `RUCN…`, `RHMF…`), and every indicator seen in a corpus cable's header. One name per
//! indicator (the table's first), so the page carries a few kilobytes instead of 139.
//!
//! Also copies the TAGS glossary (`data/tags.tsv`) without its last column, each meaning's
//! source, which the parser does not use (the page carries 22 KB instead of 49).
//!
//! Each table is written sorted by the key it is searched by (the TAGS code upper-cased, the
//! routing indicator, the station's key), so that the page does not sort them as it starts: it
//! did, on the first parse, and that was half the work of parsing the seed cable.

use std::fmt::Write as _;

#[path = "src/scan/letters.rs"]
mod letters;

fn main() {
    let source = "data/routing_indicators.tsv";
    println!("cargo::rerun-if-changed={source}");
    let table = std::fs::read_to_string(source).unwrap_or_default();
    let mut kept: Vec<(&str, &str)> = Vec::new();
    for line in table.lines().skip(1) {
        let mut columns = line.split('\t');
        let (Some(ri), Some(name)) = (columns.next(), columns.next()) else {
            continue;
        };
        let sources = columns.next().unwrap_or("");
        let wanted = ["RUEH", "RUEK", "RHEH", "RUCN", "RHMF"]
            .iter()
            .any(|prefix| ri.starts_with(prefix))
            || sources.contains("corpus-header");
        if wanted {
            kept.push((ri, name));
        }
    }
    // Sorted stably: the table's first name for an indicator is the one kept.
    kept.sort_by_key(|&(ri, _)| ri);
    kept.dedup_by_key(|&mut (ri, _)| ri);
    let mut routing = String::new();
    for (ri, name) in kept {
        let _ = writeln!(routing, "{ri}\t{name}");
    }
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let _ = std::fs::write(format!("{out}/routing_indicators.tsv"), routing);

    let tags_source = "data/tags.tsv";
    println!("cargo::rerun-if-changed={tags_source}");
    let tags_table = std::fs::read_to_string(tags_source).unwrap_or_default();
    let mut rows: Vec<(String, [&str; 3])> = tags_table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut columns = line.split('\t');
            let code = columns.next()?;
            Some((
                code.to_uppercase(),
                [code, columns.next()?, columns.next()?],
            ))
        })
        .collect();
    // Stably: of a code listed twice, the lookup sees the table's order.
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut tags = String::new();
    for (key, [code, kind, meaning]) in rows {
        // The key in a fourth column only where it is not the code itself (five codes).
        if key == code {
            let _ = writeln!(tags, "{code}\t{kind}\t{meaning}");
        } else {
            let _ = writeln!(tags, "{code}\t{kind}\t{meaning}\t{key}");
        }
    }
    let _ = std::fs::write(format!("{out}/tags.tsv"), tags);

    // Stations: each station under its own name, and each alias under its letters.
    let stations_source = "data/stations.tsv";
    println!("cargo::rerun-if-changed={stations_source}");
    println!("cargo::rerun-if-changed=src/scan/letters.rs");
    let stations = std::fs::read_to_string(stations_source).unwrap_or_default();
    let mut keys: Vec<(String, &str)> = Vec::new();
    for line in stations.lines().skip(1) {
        let mut columns = line.split('\t');
        let Some(station) = columns.next().filter(|station| !station.is_empty()) else {
            continue;
        };
        keys.push((station.to_string(), station));
        for alias in columns.next().unwrap_or("").split(',') {
            let key = letters::letters(alias);
            if !key.is_empty() {
                keys.push((key, station));
            }
        }
    }
    // A key two stations share goes to the first in order.
    keys.sort();
    keys.dedup_by(|a, b| a.0 == b.0);
    let mut station_keys = String::new();
    for (key, station) in keys {
        // A station under its own name is one word on its line.
        if key == station {
            let _ = writeln!(station_keys, "{station}");
        } else {
            let _ = writeln!(station_keys, "{key}\t{station}");
        }
    }
    let _ = std::fs::write(format!("{out}/station_keys.tsv"), station_keys);
}
