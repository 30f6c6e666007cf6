//! cablescope: paste the raw text of a US diplomatic cable and read it decomposed, entirely in the
//! browser. The parsing lives in the `cable` crate; this crate is the yew front end.

pub use cable::anchors;
mod app;
mod banner;
pub mod components;
pub mod export;
mod format;
mod hooks;
mod markup;
mod page_state;
pub mod samples;
pub mod services;
pub mod state;

pub use app::App;
pub use services::clock::{mark_after_next_frame, FIRST_VIEW_MARK};

/// The cable the page opens with: 08OTTAWA372 as copied from a scraped cable page.
pub const SEED_CABLE: &str = include_str!("../corpus/seed/08OTTAWA372.txt");
