//! The browser's local storage, where the page keeps the reader's theme and drafts. A browser
//! may give a page none (storage turned off, some private windows): every caller copes.

/// The page's local storage, if the browser gives it one.
pub fn local() -> Option<web_sys::Storage> {
    crate::services::window()?.local_storage().ok().flatten()
}
