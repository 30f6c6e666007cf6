//! The address bar: the page's address, its fragment, and writing the fragment with
//! `history.replaceState`, never a new history entry (nor a `hashchange`).

/// The page's address with `fragment` (or with none).
pub fn address(fragment: Option<&str>) -> String {
    let location = web_sys::window().map(|window| window.location());
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
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Shows `fragment` in the address bar without adding to the history.
pub fn replace_fragment(fragment: Option<&str>) {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&address(fragment)),
        );
    }
}
