//! The page's effects, one hook each: what it watches, what it does to the browser through
//! `services`, and the little it must remember between renders.

pub mod use_address_sync;
pub mod use_debounced_parse;
pub mod use_drafts;
pub mod use_link_box;
pub mod use_print;
pub mod use_scroll_to_selection;
pub mod use_shortcuts;
pub mod use_theme;
