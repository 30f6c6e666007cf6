//! Writes the seed's view into the built page, so that it is painted from HTML and CSS before the
//! wasm has arrived: `prerender [INDEX.HTML]` (by default Trunk's staging folder's `index.html`,
//! as Trunk's post-build hook runs it; `Trunk.toml`).
//!
//! The view is the page's own `App` rendered natively by yew's server-side renderer, from the
//! state the page starts in when the address asks for nothing and no draft is kept (the seed),
//! inside `<div id="prerendered">`, which `static/style.css` lays out as if absent
//! (`display: contents`). The wasm removes it and renders the same view in its place before the
//! browser paints again (`src/main.rs`); `static/boot.js` hides it before the first paint when
//! the page will start on something else (a link, a draft).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let path = match std::env::args_os().nth(1) {
        Some(path) => std::path::PathBuf::from(path),
        None => {
            match std::env::var_os("TRUNK_STAGING_DIR") {
                Some(dir) => std::path::Path::new(&dir).join("index.html"),
                None => {
                    eprintln!("usage: prerender INDEX.HTML (or run by Trunk, which names its staging folder)");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(error) => {
            eprintln!("prerender: cannot read {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let view = futures::executor::block_on(
        yew::LocalServerRenderer::<cablescope::App>::new()
            .hydratable(false)
            .render(),
    );
    let Some(page) = cablescope::prerender::insert(&page, &view) else {
        eprintln!(
            "prerender: {} has no <body> to write the view into, or has one already",
            path.display()
        );
        return ExitCode::FAILURE;
    };
    if let Err(error) = std::fs::write(&path, page) {
        eprintln!("prerender: cannot write {}: {error}", path.display());
        return ExitCode::FAILURE;
    }
    println!(
        "prerender: the seed's view ({} bytes of HTML) written into {}",
        view.len(),
        path.display()
    );
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
