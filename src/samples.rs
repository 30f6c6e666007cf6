//! Real cables to try: the seed first (compiled in), then a handful that show what the parser
//! does with other eras and forms, fetched from the page's own `samples/` folder when chosen
//! (Trunk copies them there; `index.html` lists them), so they do not weigh on the page.

/// The cable the page opens with: 08OTTAWA372 as copied from a scraped cable page.
pub const SEED_CABLE: &str = include_str!("../corpus/seed/08OTTAWA372.txt");

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
pub async fn fetch(file: &str) -> Result<String, crate::services::fetch::FetchError> {
    let bytes = crate::services::fetch::fetch_bytes(&format!("samples/{file}")).await?;
    Ok(cable::decode(&bytes).0)
}
