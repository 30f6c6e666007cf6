//! Fuzz target `link_roundtrip`: see `checks/link.rs`, which plain `cargo test` also runs on the saved
//! regressions.
#![no_main]

#[path = "../checks/link.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::link_roundtrip(bytes));
