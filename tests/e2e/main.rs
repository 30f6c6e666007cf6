//! End to end: the release build served on loopback, driven in headless Chromium through
//! chromedriver, as a reader uses it.
//!
//! `harness/` starts the pieces (a static server per test, chromedriver, a browser with a
//! profile of its own) and holds what every test does (waits, clicks, pastes, DevTools
//! commands, timings). Each other module is one area of the page, and each of its tests starts
//! its own server, driver and browser and loads the page (2.5 to 3 s on a busy 2-core machine),
//! so that a test begins from a first visit and a failure names its area. Every wait is for a
//! condition (the DOM, the address, the console, a file), never for time to pass.
//!
//! Run after building the page (`./x test` does both):
//!
//! ```text
//! trunk build --release   # with the release toolchain, as `./x` has it
//! CHROMEDRIVER=/usr/bin/chromedriver CABLESCOPE_DIST=$PWD/dist \
//!   cargo test -p cablescope --test e2e -- --nocapture --test-threads 1
//! ```
//!
//! One test at a time, since `timings::browser_timings` prints timings (quoted in
//! BENCHMARKS.md) that a second browser would disturb. `./x screenshots` runs
//! `the_page_decomposes_the_seed_then_a_pasted_cable` with `CABLESCOPE_SCREENSHOTS` set to take
//! the README's pictures.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

mod appearance;
mod bench;
mod bench_collection;
mod cable_id;
mod collection;
mod decomposition;
mod drafts;
mod first_view;
mod hostile;
mod keyboard;
mod large_texts;
mod links;
mod offline;
mod opening;
mod printing;
mod source_view;
mod stopped_page;
mod timings;
