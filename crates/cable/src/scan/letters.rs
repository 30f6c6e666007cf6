//! The key a station is looked up by, shared with `build.rs`, which sorts the station table
//! by it when the crate is built.

/// Upper-case letters only: `Port-au-Prince` → `PORTAUPRINCE`; a zero between letters is an O
/// (`0TTAWA`, `SANTIAG0`, `COTON0U`).
pub(crate) fn letters(written: &str) -> String {
    written
        .chars()
        .filter_map(|ch| match ch {
            '0' => Some('O'),
            ch if ch.is_ascii_alphabetic() => Some(ch.to_ascii_uppercase()),
            _ => None,
        })
        .collect()
}
