//! The small recognisers and vocabularies that more than one pass needs, each written once.
//!
//! Everything here reads a `&str` and answers; nothing here knows a pass, the cleaned text's map
//! or the tree being built (beyond its value types).

pub(crate) mod bytes;
pub(crate) mod classification;
pub(crate) mod controls;
pub(crate) mod date_time;
pub(crate) mod letters;
pub(crate) mod paragraph;
pub(crate) mod reference_items;
pub(crate) mod sort;
pub(crate) mod words;
