//! Every input saved under `fuzz/regressions/link_decode/` and `link_roundtrip/` goes through its
//! fuzz target's own check.
#![allow(clippy::panic, clippy::expect_used)]

#[path = "../../../fuzz/checks/link.rs"]
mod checks;
#[path = "../../../fuzz/checks/replay.rs"]
mod replay;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

#[test]
fn saved_link_decode_inputs() {
    replay::replay(ROOT, "link_decode", checks::link_decode);
}

#[test]
fn saved_link_roundtrip_inputs() {
    replay::replay(ROOT, "link_roundtrip", checks::link_roundtrip);
}
