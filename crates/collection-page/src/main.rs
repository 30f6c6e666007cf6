//! The collection page's entry: `collection.html` loads this wasm (built by Trunk as
//! `collection-page.js` and `collection-page_bg.wasm`) and it renders into `#collection`.

fn main() {
    // Natively (cargo test builds every target) there is no page to start.
    #[cfg(target_arch = "wasm32")]
    collection_page::start();
}
