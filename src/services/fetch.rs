//! The page's own static files (the samples, the link model's primer), fetched from its origin.

use std::fmt;

/// Why one of the page's own files could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// No window to fetch from (native builds, tests).
    NoWindow,
    /// The request failed: offline, or the server is gone.
    NoAnswer,
    /// What came back was not a response.
    NotAResponse,
    /// The server answered with this HTTP status, not the file.
    Status(u16),
    /// The response's body could not be read.
    Unreadable,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NoWindow => f.write_str("no window"),
            FetchError::NoAnswer => f.write_str("the page's server did not answer"),
            FetchError::NotAResponse => f.write_str("no response"),
            FetchError::Status(status) => write!(f, "the page's server answered {status}"),
            FetchError::Unreadable => f.write_str("the answer could not be read"),
        }
    }
}

/// Fetches `path` from the page's own origin, relative to the page.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, FetchError> {
    use wasm_bindgen::JsCast;
    let window = crate::services::window().ok_or(FetchError::NoWindow)?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::NoAnswer)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::NotAResponse)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| FetchError::Unreadable)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|_| FetchError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Native builds (tests) have no window, nor a server to fetch from.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_bytes(_path: &str) -> Result<Vec<u8>, FetchError> {
    Err(FetchError::NoWindow)
}
