//! `cable index`, `search`, `cites`, `cited-by` and `missing` as a user runs them, on a dump made
//! of the corpus's `cables.csv` rows with a broken row among them.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn cable(arguments: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cable"))
        .args(arguments)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run cable");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A folder of its own for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cable-index-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// The corpus's `cables.csv` rows as one dump, a broken row after the third; and the broken
/// row's line.
fn dump(dir: &Path) -> (PathBuf, usize) {
    let variants = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/variants"
    ));
    let mut rows: Vec<PathBuf> = std::fs::read_dir(variants)
        .expect("corpus/variants")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.to_string_lossy().ends_with("__cablescsv__row.csv"))
        .collect();
    rows.sort();
    let mut text = String::new();
    let mut broken_line = 0;
    for (idx, row) in rows.iter().enumerate() {
        text.push_str(std::fs::read_to_string(row).expect("a row").trim_end());
        text.push('\n');
        if idx == 2 {
            broken_line = text.matches('\n').count() + 1;
            text.push_str("not a record\n");
        }
    }
    let path = dir.join("cables.csv");
    std::fs::write(&path, text).expect("write the dump");
    (path, broken_line)
}

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn a_dump_is_indexed_and_questioned() {
    let dir = scratch("questioned");
    let (csv, broken_line) = dump(&dir);
    let out = dir.join("index");
    let (code, _, stderr) = cable(&["index", path(&csv), "--out", path(&out), "--jobs", "2"]);
    // A skipped row is reported and makes the exit code 1; the rest is indexed.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "line {broken_line}: 1 line(s) that are no cables.csv record"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("cable index: 101 records"), "{stderr}");
    assert!(stderr.contains("101 cables in 1 segments"), "{stderr}");
    assert!(
        stderr.contains("1 stretch(es) of rows skipped (1 lines)"),
        "{stderr}"
    );
    assert!(out.join("manifest.bin").exists());

    let (code, stdout, stderr) = cable(&[
        "search",
        path(&out),
        "\"greek response\"",
        "--facet",
        "year=2000",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("1 matches\n"), "{stdout}");
    assert!(stdout.contains("00ATHENS1501 2000-09-23"), "{stdout}");
    assert!(stdout.contains("[GREEK] [RESPONSE]"), "{stdout}");

    // IDs in three spellings name the same cable.
    for query in ["00ATHENS1501", "00 ATHENS 1501"] {
        let (_, stdout, _) = cable(&["search", path(&out), query]);
        assert!(
            stdout.starts_with("ID 00ATHENS1501: cable 0, 2000-09-23\n"),
            "{stdout}"
        );
    }
    let (_, stdout, _) = cable(&["search", path(&out), "ATHENS 1501", "--year", "2000"]);
    assert!(stdout.starts_with("ID 00ATHENS1501: cable 0,"), "{stdout}");

    let (code, stdout, _) = cable(&["cites", path(&out), "00ATHENS1501"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("00STATE70789\tREF item 2\tnot in this collection"),
        "{stdout}"
    );
    let (code, stdout, _) = cable(&["cited-by", path(&out), "00 STATE 70789"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("00ATHENS1501\t2000-09-23\tREF item 2"),
        "{stdout}"
    );
    let (code, stdout, _) = cable(&["missing", path(&out), "--limit", "3"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");

    let (code, stdout, _) = cable(&[
        "search",
        path(&out),
        "the",
        "--by-date",
        "--limit",
        "2",
        "--counts",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("\nyear: "), "{stdout}");
    assert!(stdout.contains("\ntag: "), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_is_reported_clearly() {
    let dir = scratch("bad");
    let out = dir.join("index");
    let (code, _, stderr) = cable(&[
        "index",
        "corpus/cables/08BERLIN1387.txt",
        "--out",
        path(&out),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("is not a cables.csv"), "{stderr}");
    let other = dir.join("other.csv");
    std::fs::write(&other, "name,age\nalice,30\nbob,41\n").expect("write");
    let (code, _, stderr) = cable(&["index", path(&other), "--out", path(&out)]);
    assert_eq!(code, 1);
    assert!(stderr.contains("is not a cables.csv"), "{stderr}");

    let (code, _, stderr) = cable(&["search", path(&dir.join("nothing")), "oslo"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read"), "{stderr}");

    // A damaged segment is named as damaged, not read.
    let (csv, _) = dump(&dir);
    let (_, _, stderr) = cable(&["index", path(&csv), "--out", path(&out)]);
    let segment = out.join("segment-00000.bin");
    let mut bytes = std::fs::read(&segment).unwrap_or_else(|_| panic!("{stderr}"));
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&segment, &bytes).expect("write");
    let (code, _, stderr) = cable(&["cites", path(&out), "00ATHENS1501"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("damaged"), "{stderr}");

    let (code, _, stderr) = cable(&["search", path(&out)]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("search takes a folder and a query"),
        "{stderr}"
    );
    let (code, _, stderr) = cable(&["cites", path(&out), "not-an-id"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("takes a cable ID"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
