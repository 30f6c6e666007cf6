//! Every corpus input beside its expected parse: `corpus/parses/<folder>/<file>.parse` holds the
//! outline (`cable::outline`) of `corpus/<folder>/<file>`, one line a node. The test fails on any
//! difference and shows the first lines that differ in each file. A change to the parser's output
//! is reviewed as a diff of those files: `UPDATE_EXPECT=1 cargo test -p cable --test snapshots`
//! rewrites them (the variable `expect-test` uses), then `git diff corpus/parses` shows what moved.
#![allow(clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

/// The folders of `corpus/` whose files are parsed: the seed, the cables, their variants, the
/// JSON records made from them, and the minimal inputs of each kind of mistake fixed.
const FOLDERS: [&str; 5] = ["seed", "cables", "variants", "records", "regressions"];

/// At most this many files' differences are shown; the count of all is always given.
const SHOWN_FILES: usize = 12;

/// At most this many differing lines are shown for a file.
const SHOWN_LINES: usize = 6;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// The text of a corpus file as every reader of files in cablescope reads it: UTF-8, else
/// ISO-8859-1.
fn read_text(path: &Path) -> String {
    let bytes = fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    cable::decode(&bytes).0
}

/// `-` lines expected, `+` lines found, around the first lines that differ.
fn differences(expected: &str, found: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let found: Vec<&str> = found.lines().collect();
    let mut shown = Vec::new();
    let longest = expected.len().max(found.len());
    for idx in 0..longest {
        let (old, new) = (expected.get(idx), found.get(idx));
        if old != new {
            if let Some(old) = old {
                shown.push(format!("    - {old}"));
            }
            if let Some(new) = new {
                shown.push(format!("    + {new}"));
            }
        }
        if shown.len() >= 2 * SHOWN_LINES {
            shown.push("    …".to_string());
            break;
        }
    }
    shown.join("\n")
}

#[test]
fn every_corpus_input_parses_as_its_snapshot_says() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut n_inputs = 0;
    let mut changed: Vec<String> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    let mut expected_files: Vec<PathBuf> = Vec::new();
    for folder in FOLDERS {
        let mut inputs: Vec<PathBuf> = fs::read_dir(corpus_dir().join(folder))
            .unwrap_or_else(|error| panic!("corpus/{folder}: {error}"))
            .map(|entry| entry.expect("a readable folder entry").path())
            .collect();
        inputs.sort();
        for input in inputs {
            let name = input
                .file_name()
                .and_then(|name| name.to_str())
                .expect("a file name");
            let snapshot = corpus_dir()
                .join("parses")
                .join(folder)
                .join(format!("{name}.parse"));
            let found = cable::outline(&cable::parse(&read_text(&input)));
            n_inputs += 1;
            expected_files.push(snapshot.clone());
            match fs::read_to_string(&snapshot) {
                Ok(expected) if expected == found => {}
                Ok(expected) => changed.push(format!(
                    "{folder}/{name}:\n{}",
                    differences(&expected, &found)
                )),
                Err(_) => missing.push(format!("{folder}/{name}")),
            }
            if update && fs::read_to_string(&snapshot).ok().as_deref() != Some(found.as_str()) {
                fs::create_dir_all(snapshot.parent().expect("a folder")).expect("writable corpus");
                fs::write(&snapshot, &found).expect("writable snapshot");
            }
        }
    }
    // A snapshot whose input is gone is stale.
    let mut stale: Vec<String> = Vec::new();
    for folder in FOLDERS {
        let Ok(entries) = fs::read_dir(corpus_dir().join("parses").join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a readable folder entry").path();
            if !expected_files.contains(&path) {
                if update {
                    fs::remove_file(&path).expect("removable snapshot");
                }
                stale.push(path.display().to_string());
            }
        }
    }
    println!(
        "snapshots: {n_inputs} inputs, {} changed, {} missing, {} stale{}",
        changed.len(),
        missing.len(),
        stale.len(),
        if update { " (rewritten)" } else { "" }
    );
    if update {
        return;
    }
    let mut report = String::new();
    for difference in changed.iter().take(SHOWN_FILES) {
        report.push_str(difference);
        report.push('\n');
    }
    if changed.len() > SHOWN_FILES {
        report.push_str(&format!(
            "… and {} more files\n",
            changed.len() - SHOWN_FILES
        ));
    }
    for name in missing.iter().chain(&stale).take(SHOWN_FILES) {
        report.push_str(&format!("no snapshot, or no input: {name}\n"));
    }
    assert!(
        changed.is_empty() && missing.is_empty() && stale.is_empty(),
        "{} of {n_inputs} parses differ from their snapshots, {} have none, {} snapshots are stale:\n{report}\
         If the change is intended, rewrite them with UPDATE_EXPECT=1 cargo test -p cable --test snapshots \
         and review git diff corpus/parses.",
        changed.len(),
        missing.len(),
        stale.len(),
    );
    assert!(n_inputs >= 400, "only {n_inputs} corpus inputs");
}
