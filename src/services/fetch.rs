//! The page's own static files (the samples, the link model's primer), fetched from its origin.

/// Fetches `path` from the page's own origin, relative to the page.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| "the page's server did not answer".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("the page's server answered {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| "the answer could not be read".to_string())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|_| "the answer could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Native builds (tests) have no server to fetch from.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    Err(format!("{path}: no browser"))
}
