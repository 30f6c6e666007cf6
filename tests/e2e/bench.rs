//! `./x bench`'s browser figures, each beside its anchor measured in the same run, in the same
//! browser, served by the same server: cablescope's first view against a minimal yew page built
//! the same way (`bench/minimal-yew`), a link to the seed opened against the seed's text carried
//! as zlib deflate + base64url and decoded by the browser itself, and the 90 KB paste. Ignored
//! by `./x test` (timings are printed, never asserted); `./x bench` runs it with `--ignored`.

use std::path::PathBuf;

use cablescope::{FIRST_VIEW_MARK, LINK_READ_MARK, WASM_STARTED_MARK};
use fantoccini::Client;

use crate::harness::browser::{resize, session, LAPTOP_WINDOW};
use crate::harness::page::page_url;
use crate::harness::repo::{cable_command_link_to, copy_of_dist, dist, seed_text};
use crate::harness::server::serve_static;
use crate::harness::timings::{median, milliseconds, when_paragraph_3_is_selected};

/// Navigations of each kind, alternated so that the machine's moods fall on both alike.
const ROUNDS: usize = 9;

/// Where `./x bench` built the minimal yew page (and the zlib page beside it).
fn minimal_dist() -> PathBuf {
    PathBuf::from(
        std::env::var_os("CABLESCOPE_BENCH_MINIMAL")
            .expect("CABLESCOPE_BENCH_MINIMAL: the minimal yew page's dist (./x bench builds it)"),
    )
}

/// Opens `url` in a new document and returns, on its timeline, when the element `css` was in a
/// shown frame (the first-view mark when `css` is the page's own), the first contentful paint,
/// and when the wasm started running (NaN for a page that does not mark it).
async fn open_and_time(client: &Client, url: &str, css: &str) -> (f64, f64, f64) {
    client.goto("about:blank").await.expect("leave the page");
    client.goto(url).await.expect("open");
    let times = client
        .execute_async(
            &format!(
                "const [css, done] = arguments;\
                 requestAnimationFrame(function check() {{\
                   const mark = performance.getEntriesByName('{FIRST_VIEW_MARK}')[0];\
                   const paint = performance.getEntriesByName('first-contentful-paint')[0];\
                   const element = document.querySelector(css);\
                   const started = performance.getEntriesByName('{WASM_STARTED_MARK}')[0];\
                   if (mark && paint && element && element.checkVisibility()) done([mark.startTime, paint.startTime, started ? started.startTime : null]);\
                   else requestAnimationFrame(check);\
                 }});"
            ),
            vec![serde_json::json!(css)],
        )
        .await
        .expect("shown");
    let at = |i: usize| times.get(i).map_or(f64::NAN, milliseconds);
    (at(0), at(1), at(2))
}

/// A copy of the built page whose `index.html` lacks the seed's view the build wrote into it
/// (`src/bin/prerender.rs`), in a folder of its own: the page as it started before issue 21, to
/// weigh what the prerendered view gains and costs.
fn dist_without_the_prerendered_view() -> PathBuf {
    let copy = copy_of_dist("bench", None);
    let page = std::fs::read_to_string(dist().join("index.html")).expect("index.html");
    let start = page
        .find("<div id=\"prerendered\">")
        .expect("the prerendered view");
    let end = start + page[start..].find("</main></div>").expect("its end") + "</main></div>".len();
    std::fs::write(
        copy.join("index.html"),
        format!("{}{}", &page[..start], &page[end..]),
    )
    .expect("write index.html");
    copy
}

/// A link opened: when the selected paragraph was shown, on the page's timeline.
/// Opens `link` in a new document and returns, on its timeline, when paragraph 3 was shown
/// selected, when the link worker had read the link and when the wasm started.
async fn open_link_and_time(client: &Client, link: &str) -> (f64, f64, f64) {
    client.goto("about:blank").await.expect("leave the page");
    client.goto(link).await.expect("the link");
    let shown = when_paragraph_3_is_selected(client).await;
    let marks = client
        .execute(
            &format!(
                "return ['{LINK_READ_MARK}', '{WASM_STARTED_MARK}']\
                   .map((name) => (performance.getEntriesByName(name)[0] || {{}}).startTime ?? null);"
            ),
            vec![],
        )
        .await
        .expect("marks");
    let at = |i: usize| marks.get(i).map_or(f64::NAN, milliseconds);
    (shown, at(0), at(1))
}

/// The seed as zlib deflate (level 9) in base64url without padding.
fn zlib_fragment(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 9);
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &byte)| n | u32::from(byte) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

fn figure(what: &str, ours: &[f64], anchor_name: &str, anchor: &[f64]) {
    println!(
        "bench: {what}: median {:.0} ms (best {:.0}) | {anchor_name}: median {:.0} ms (best {:.0}) | {ROUNDS} each, alternated",
        median(ours),
        ours.iter().copied().fold(f64::INFINITY, f64::min),
        median(anchor),
        anchor.iter().copied().fold(f64::INFINITY, f64::min),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: ./x bench runs it"]
async fn bench_page_against_its_anchors() {
    let (port, _driver, client) = session().await;
    let minimal_port = serve_static(minimal_dist());
    let bare_port = serve_static(dist_without_the_prerendered_view());
    resize(&client, LAPTOP_WINDOW).await;
    let url = page_url(port);
    let minimal = page_url(minimal_port);
    let bare = page_url(bare_port);

    // Warm both (the wasm compiled and cached once), then alternate.
    open_and_time(&client, &url, "#p-7").await;
    open_and_time(&client, &minimal, "main h1").await;
    open_and_time(&client, &bare, "#p-7").await;
    let (mut ours, mut ours_painted, mut ours_started, mut theirs, mut theirs_painted) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut bare_views, mut bare_painted, mut bare_started) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let (view, painted, started) = open_and_time(&client, &bare, "#p-7").await;
        bare_views.push(view);
        bare_painted.push(painted);
        bare_started.push(started);
        let (view, painted, started) = open_and_time(&client, &url, "#p-7").await;
        ours.push(view);
        ours_painted.push(painted);
        ours_started.push(started);
        let (view, painted, _) = open_and_time(&client, &minimal, "main h1").await;
        theirs.push(view);
        theirs_painted.push(painted);
    }
    figure(
        "first view painted (first contentful paint: the seed's view written into the page)",
        &ours_painted,
        "a minimal yew page's first contentful paint",
        &theirs_painted,
    );
    figure(
        "the page running (its wasm's first view, interactive)",
        &ours,
        "the minimal yew page's view",
        &theirs,
    );
    let own_start: Vec<f64> = ours
        .iter()
        .zip(&ours_started)
        .map(|(view, started)| view - started)
        .collect();
    println!(
        "bench: of which the wasm loaded and started: median {:.0} ms; its own start (parse, render, a frame): median {:.0} ms",
        median(&ours_started),
        median(&own_start)
    );
    println!(
        "bench: the same page without the view written into it: first contentful paint median {:.0} ms, wasm started {:.0}, its view {:.0}",
        median(&bare_painted),
        median(&bare_started),
        median(&bare_views)
    );

    let link = cable_command_link_to(&url, "corpus/seed/08OTTAWA372.txt", &["--select", "p-3"]);
    let zlib = format!("{minimal}zlib.html#{}", zlib_fragment(&seed_text()));
    open_link_and_time(&client, &link).await;
    open_and_time(&client, &zlib, "#text").await;
    let (mut links, mut zlibs, mut reads, mut link_starts) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let (shown, read, started) = open_link_and_time(&client, &link).await;
        links.push(shown);
        reads.push(read);
        link_starts.push(started);
        zlibs.push(open_and_time(&client, &zlib, "#text").await.0);
    }
    let fragment = link
        .split_once('#')
        .map_or(0, |(_, fragment)| fragment.len());
    figure(
        &format!(
            "a link to the seed opened, paragraph 3 selected ({} characters, fragment {fragment})",
            link.len()
        ),
        &links,
        &format!(
            "the seed as zlib + base64url decoded and shown (fragment {})",
            zlib.split_once('#')
                .map_or(0, |(_, fragment)| fragment.len())
        ),
        &zlibs,
    );

    println!(
        "bench: of which the link read by its worker (started in <head>): median {:.0} ms; the page's wasm started: median {:.0} ms",
        median(&reads),
        median(&link_starts)
    );

    crate::timings::time_pastes(&client, &url).await;
    let _ = client.close().await;
}
