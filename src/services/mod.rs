//! The browser's services, each a few small functions the hooks and callbacks call: its clocks,
//! the clipboard, files (read, decoded, saved), the page's own static files, the address bar,
//! local storage, and on top of them the kept drafts and the links.

pub mod clipboard;
pub mod clock;
pub mod drafts;
pub mod fetch;
pub mod files;
pub mod history;
pub mod link;
pub mod storage;

/// The browser's window: none outside a browser, where the page is rendered to HTML by the build
/// (`src/bin/prerender.rs`) and the same components run natively.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    return None;
}
