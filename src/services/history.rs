//! The address bar: the page's address, its fragment, what a fragment that comes into it asks
//! for, and writing the fragment with `history.replaceState`, never a new history entry (nor a
//! `hashchange`).

/// The page's address with `fragment` (or with none).
pub fn address(fragment: Option<&str>) -> String {
    let location = crate::services::window().map(|window| window.location());
    let base = location
        .map(|location| {
            format!(
                "{}{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    match fragment {
        Some(fragment) => format!("{base}#{fragment}"),
        None => base,
    }
}

/// The address's fragment, without its `#`.
pub fn current_fragment() -> String {
    crate::services::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Shows `fragment` in the address bar without adding to the history.
pub fn replace_fragment(fragment: Option<&str>) {
    if let Some(history) = crate::services::window().and_then(|window| window.history().ok()) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&address(fragment)),
        );
    }
}

/// What a fragment that came into the address asks for: read, and a link checked, once each
/// time one comes (the page's start, each `hashchange`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    /// An element's anchor: `p-4`, `ref-B`, `field-subject`.
    Anchor(String),
    /// A link its check passed; decoding it waits for the link model.
    Link(String),
    /// A link its check refused, and why.
    Refused(permalink::LinkError),
}

impl Arrival {
    /// What the address's fragment asks for now; `None` when it has none.
    pub fn read() -> Option<Arrival> {
        Arrival::of(current_fragment())
    }

    /// What `fragment` (without its `#`) asks for.
    fn of(fragment: String) -> Option<Arrival> {
        if fragment.is_empty() {
            return None;
        }
        if !permalink::is_link(&fragment) {
            return Some(Arrival::Anchor(fragment));
        }
        Some(match permalink::check(&fragment) {
            Ok(()) => Arrival::Link(fragment),
            Err(error) => Arrival::Refused(error),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_is_read_and_a_link_checked_once() {
        assert_eq!(Arrival::of(String::new()), None);
        assert_eq!(
            Arrival::of("p-4".to_string()),
            Some(Arrival::Anchor("p-4".to_string()))
        );
        let cut = "1.AAAAAAAAAA".to_string();
        let refused = permalink::check(&cut).err().map(Arrival::Refused);
        assert!(refused.is_some());
        assert_eq!(Arrival::of(cut), refused);
    }
}
