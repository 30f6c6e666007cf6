//! Picks, from the shared table of routing indicators (`data/routing_indicators.tsv`, copied
//! unchanged), the ones a reader of State Department cables meets: the State Department's own
//! network (`RUEH…`), the military and intelligence networks its cables are relayed to (`RUEK…`,
//! `RHEH…`, `RUCN…`, `RHMF…`), and every indicator seen in a corpus cable's header. One name per
//! indicator (the table's first), so the page carries a few kilobytes instead of 139.
//!
//! Also copies the TAGS glossary (`data/tags.tsv`) without its last column, each meaning's
//! source, which the parser does not use (the page carries 22 KB instead of 49).

use std::fmt::Write as _;

fn main() {
    let source = "data/routing_indicators.tsv";
    println!("cargo::rerun-if-changed={source}");
    let table = std::fs::read_to_string(source).unwrap_or_default();
    let mut kept = String::new();
    let mut last = String::new();
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
        if wanted && ri != last {
            let _ = writeln!(kept, "{ri}\t{name}");
            last = ri.to_string();
        }
    }
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let _ = std::fs::write(format!("{out}/routing_indicators.tsv"), kept);

    let tags_source = "data/tags.tsv";
    println!("cargo::rerun-if-changed={tags_source}");
    let mut tags = String::new();
    for line in std::fs::read_to_string(tags_source)
        .unwrap_or_default()
        .lines()
    {
        let columns: Vec<&str> = line.split('\t').take(3).collect();
        let _ = writeln!(tags, "{}", columns.join("\t"));
    }
    let _ = std::fs::write(format!("{out}/tags.tsv"), tags);
}
