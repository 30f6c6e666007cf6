//! What every end-to-end test stands on: the build served on loopback (`server`), chromedriver
//! and its browsers (`browser`), waits for a condition in the page (`waits`), what a reader
//! does (`actions`), what the page is asked about itself (`page`), the repository's files
//! (`repo`), the corpus as a collection (`collection`) and the arithmetic of printed timings
//! (`timings`).

pub mod actions;
pub mod browser;
pub mod collection;
pub mod page;
pub mod repo;
pub mod server;
pub mod timings;
pub mod waits;
