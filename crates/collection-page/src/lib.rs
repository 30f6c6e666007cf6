//! cablescope's collection page (`collection.html`): a reader's whole `cables.csv`, or a set of
//! cable files, read in Web Workers (`crates/collection-worker`), kept in the browser's
//! origin-private file system, and browsed, searched and cross-referenced with the
//! `collection` crate's index. Its own wasm, loaded only by this page: the single-cable page's
//! weight does not change.
//!
//! Modules, each importing only those above it in this list:
//!
//! - `address` — the view in the address's fragment, for links (pure).
//! - `kept` — the kept collection's state file (pure).
//! - `format` — numbers, dates, places and sizes as the page writes them (pure).
//! - `browser` — the browser's APIs: files, streams, storage, downloads, the address.
//! - `files` — where files are kept: the origin-private file system, else IndexedDB.
//! - `pool` — the workers that build segments.
//! - `store` — the collection in the origin-private file system.
//! - `reading` — a file read into kept segments, with progress, cancel and resume.
//! - `handoff` — a cable handed to the single-cable viewer.
//! - `state` — the page's state and messages.
//! - `views`, `views_cable`, `views_histogram`, `views_map` — what the page draws from the
//!   state (`views` above the other three).
//! - `app` — the component: how each message changes the state.
#![deny(missing_docs)]

// Every module builds natively too (web-sys answers nothing there), so that `cargo test`
// checks the pure ones and clippy sees them all; only the wasm runs the page.
pub mod address;
pub mod format;
pub mod kept;

mod app;
mod browser;
mod files;
mod handoff;
mod pool;
mod reading;
mod state;
mod store;
mod views;
mod views_cable;
mod views_histogram;
mod views_map;

/// Starts the page in the element `#collection`.
pub fn start() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("collection"));
    if let Some(root) = root {
        root.set_inner_html("");
        yew::Renderer::<state::App>::with_root(root).render();
    }
}
