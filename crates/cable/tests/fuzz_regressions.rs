//! Every input saved under `fuzz/regressions/parse/` (crashes the fuzzer found, once fixed, and
//! inputs that once took the parser a long time) goes through the fuzz target's own check.
#![allow(clippy::expect_used, clippy::panic)]

#[path = "../../../fuzz/checks/parse.rs"]
mod checks;

#[test]
fn saved_fuzz_inputs_parse_with_valid_spans() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/regressions/parse");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("fuzz/regressions/parse")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no saved inputs in {folder}");
    for path in paths {
        let bytes = std::fs::read(&path).expect("saved input");
        let outcome = std::panic::catch_unwind(|| checks::parse_bytes(&bytes));
        if outcome.is_err() {
            panic!("{} fails again", path.display());
        }
    }
}
