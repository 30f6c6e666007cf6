//! cablescope: paste the raw text of a US diplomatic cable and read it decomposed, entirely in the
//! browser. The parsing lives in the `cable` crate; this crate is the yew front end.

mod app;
mod banner;
pub mod components;
pub mod export;
mod format;
mod hooks;
mod markup;
mod page_state;
pub mod prerender;
pub mod samples;
pub mod services;
pub mod state;

pub use app::App;
pub use samples::SEED_CABLE;
pub use services::clock::{
    mark, mark_after_next_frame, FIRST_VIEW_MARK, LINK_READ_MARK, WASM_STARTED_MARK,
};
