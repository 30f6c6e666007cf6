//! Fuzz target `link_decode`: see `checks/link.rs`, which plain `cargo test` also runs on the saved
//! regressions.
#![no_main]

#[path = "../checks/link.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::link_decode(bytes));
