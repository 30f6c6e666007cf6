//! Fuzz target `parse`: see `checks/parse.rs`, which plain `cargo test` also runs on the saved
//! regressions.
#![no_main]

#[path = "../checks/parse.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::parse_bytes(bytes));
