//! Real cables to try: the seed first (compiled in), then a handful that show what the parser
//! does with other eras and forms, fetched from the page's own `samples/` folder when chosen
//! (Trunk copies them there; `index.html` lists them), so they do not weigh on the page.

/// `(label, file)` of each sample; the seed has no file: it is compiled in.
pub const SAMPLES: [(&str, Option<&str>); 6] = [
    (
        "08OTTAWA372 — Canada and cluster munitions, copied from a web page",
        None,
    ),
    (
        "79TEHRAN11260 — Soviet views of Iran, 1979",
        Some("79TEHRAN11260.txt"),
    ),
    (
        "66BUENOSAIRES2481 — from the National Archives, 1966",
        Some("66BUENOSAIRES2481.txt"),
    ),
    (
        "08STATE15220 — as a cable page's HTML",
        Some("08STATE15220__chillicoder-2010__pre.html"),
    ),
    (
        "03OTTAWA202 — as a cables.csv record, header lost",
        Some("03OTTAWA202__cablescsv__row.csv"),
    ),
    (
        "09HAVANA132 — a Havana header on a Moscow cable",
        Some("09HAVANA132.txt"),
    ),
];

/// Fetches sample file `file` from the page's own origin.
pub async fn fetch(file: &str) -> Result<String, String> {
    let bytes = fetch_bytes(&format!("samples/{file}")).await?;
    Ok(cable::decode(&bytes).0)
}

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
