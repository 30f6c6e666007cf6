//! One component per file; each takes data and callbacks as `PartialEq` props.

pub mod cable_id_box;
pub mod diagnostics_list;
pub mod drafts_list;
pub mod header_card;
pub mod input_panel;
pub mod notice_bar;
pub mod paragraphs_list;
pub mod references_list;
pub mod rich_text;
pub mod source_pane;
pub mod source_snippet;
