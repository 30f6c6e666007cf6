//! Every input saved under `fuzz/regressions/parse/` (crashes the fuzzer found, once fixed, and
//! inputs that once took the parser a long time) goes through the fuzz target's own check.
#![allow(clippy::panic)]

#[path = "../../../fuzz/checks/parse.rs"]
mod checks;
#[path = "../../../fuzz/checks/replay.rs"]
mod replay;

#[test]
fn saved_fuzz_inputs_parse_with_valid_spans() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    replay::replay(root, "parse", checks::parse_bytes);
}
