//! Timings in the browser, printed for BENCHMARKS.md, not asserted: navigation to the seed fully
//! rendered (top level, in a laptop's window, and in a frame); a link opened; a paste of the
//! largest corpus cable to fully rendered, beside the browser's own cost of holding that text in
//! the text area; a 1 MB paste to rendered, and the time the page then takes to answer a
//! keystroke. Each step prints its lines as BENCHMARKS.md quotes them (`browser: …`).

use std::path::PathBuf;

use cablescope::FIRST_VIEW_MARK;
use fantoccini::Client;
use serde_json::json;

use crate::harness::actions::{click, show_editor, PASTE_TEXT};
use crate::harness::browser::{resize, session, LAPTOP_WINDOW, TALL_WINDOW};
use crate::harness::page::{address, page_url, shown_paragraphs, wait_for_new_link};
use crate::harness::repo::{corpus_cable, repo, seed_text, SEED_ID};
use crate::harness::server::FRAME_TIMING_PAGE;
use crate::harness::timings::{
    median, median_and_best, milliseconds, when_paragraph_3_is_selected,
};
use crate::harness::waits::{text_of, wait_for_element};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_timings() {
    // The driver lives to the end: dropping it stops chromedriver.
    let (port, _driver, client) = session().await;
    let url = page_url(port);
    println!();
    time_navigation(&client, &url).await;
    time_navigation_in_a_frame(&client, &url).await;
    time_a_link_opened(&client, &url).await;
    time_pastes(&client, &url).await;
    time_a_megabyte_and_a_keystroke(&client).await;
    let _ = client.close().await;
}

/// Navigates to `url` and returns when the seed was fully rendered (its last paragraph and the
/// bottom banner painted), from the navigation's start, as the page's own timeline has it: the
/// page marks FIRST_VIEW_MARK after the frame that painted its first view. Read afterwards, so
/// that the driver's own latency (its navigation command returns after the load event, then its
/// script is sent in) is not counted; that time, when the driver saw the view, comes second, and
/// the first contentful paint (the view the build wrote into the page, before the wasm) third.
async fn navigate_to_the_seed(client: &Client, url: &str) -> (f64, f64, f64) {
    client.goto(url).await.expect("page");
    let [page, seen, painted] = client
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(function check() {{\
                   const mark = performance.getEntriesByName('{FIRST_VIEW_MARK}')[0];\
                   const paint = performance.getEntriesByName('first-contentful-paint')[0];\
                   if (mark && paint && document.getElementById('p-7') && document.getElementById('banner-bottom')) done([mark.startTime, performance.now(), paint.startTime]);\
                   else requestAnimationFrame(check);\
                 }});"
            ),
            vec![],
        )
        .await
        .expect("rendered")
        .as_array()
        .map(|all| [0, 1, 2].map(|i| all.get(i).map_or(f64::NAN, milliseconds)))
        .unwrap_or([f64::NAN; 3]);
    (page, seen, painted)
}

/// Five navigations to the seed: (the page's marks, when the driver saw the view, the first
/// contentful paints).
async fn five_navigations(client: &Client, url: &str) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (mut loads, mut loads_seen, mut paints) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        let (page, seen, painted) = navigate_to_the_seed(client, url).await;
        loads.push(page);
        loads_seen.push(seen);
        paints.push(painted);
    }
    (loads, loads_seen, paints)
}

/// Navigation to the seed, in the tests' tall window and then in a laptop's (1280 by 900: the
/// tall one is 2400 pixels high, so that every test sees the whole view).
async fn time_navigation(client: &Client, url: &str) {
    let (loads, loads_seen, paints) = five_navigations(client, url).await;
    resize(client, LAPTOP_WINDOW).await;
    let (laptop_loads, laptop_loads_seen, laptop_paints) = five_navigations(client, url).await;
    resize(client, TALL_WINDOW).await;
    println!(
        "browser: navigation to the seed rendered (the page's mark): {} (5 loads); seen by the driver: {}",
        median_and_best(&loads),
        median_and_best(&loads_seen)
    );
    println!(
        "browser: the same in a 1280 by 900 window: {} (5 loads); seen by the driver: {}",
        median_and_best(&laptop_loads),
        median_and_best(&laptop_loads_seen)
    );
    println!(
        "browser: the seed's view first painted (first contentful paint, from the HTML the build wrote): {} in the tall window, {} in 1280 by 900",
        median_and_best(&paints),
        median_and_best(&laptop_paints)
    );
}

/// The same, for the page loaded in a frame of a page the test server adds, on the frame's own
/// timeline: a top-level navigation also pays for tearing down the page before it and for the
/// driver's work on each new document, which a frame's navigation mostly does not.
async fn time_navigation_in_a_frame(client: &Client, url: &str) {
    client
        .goto(&format!("{url}{FRAME_TIMING_PAGE}"))
        .await
        .expect("frame timing page");
    let mut frame_loads = Vec::new();
    for n in 0..6 {
        let ms = client
            .execute_async(
                "const [n, done] = arguments; frameLoad(n).then(done);",
                vec![json!(n)],
            )
            .await
            .expect("frame rendered");
        // The first load compiles the wasm; the five after it are measured.
        if n > 0 {
            frame_loads.push(milliseconds(&ms));
        }
    }
    println!(
        "browser: navigation of a frame to the seed rendered: {} (5 loads after a first)",
        median_and_best(&frame_loads)
    );
}

/// Opens the page at `url` and waits until the seed is rendered to its last paragraph.
async fn open_the_seed_rendered(client: &Client, url: &str) {
    client.goto(url).await.expect("page");
    wait_for_element(client, "#p-7").await;
}

/// A link to the seed with paragraph 3 chosen, opened: from navigation to that paragraph
/// selected (the model's primer fetched and read, the link decoded, the view rendered).
async fn time_a_link_opened(client: &Client, url: &str) {
    open_the_seed_rendered(client, url).await;
    let before = address(client).await;
    click(client, "#p-3").await;
    let link = wait_for_new_link(client, &before).await;
    let mut link_loads = Vec::new();
    for _ in 0..3 {
        client.goto(url).await.expect("page");
        client.goto(&link).await.expect("the link");
        link_loads.push(when_paragraph_3_is_selected(client).await);
    }
    println!(
        "browser: navigation to a link to the seed ({} characters) with its paragraph selected: {} (3 loads)",
        link.len(),
        median_and_best(&link_loads)
    );
}

/// Pastes `text` as a browser does and returns the time to its header (`expect_id`) and its
/// first `paragraphs` in the page, and painted (read after the frame that shows them).
async fn time_a_paste(client: &Client, text: &str, expect_id: &str, paragraphs: usize) -> f64 {
    show_editor(client).await;
    let ms = client
        .execute_async(
            &format!(
                "const [text, id, paragraphs, done] = arguments;\
                 const start = performance.now();\
                 {PASTE_TEXT}\
                 (function check() {{\
                   const field = document.querySelector('[data-field=canonical-id]');\
                   if (field && field.textContent.startsWith(id) && document.querySelectorAll('li.paragraph').length === paragraphs) setTimeout(() => done(performance.now() - start), 0);\
                   else requestAnimationFrame(check);\
                 }})();"
            ),
            vec![json!(text), json!(expect_id), json!(paragraphs)],
        )
        .await
        .expect("pasted and rendered");
    milliseconds(&ms)
}

/// The browser's own share of a paste: `text` put in the text area with no input event, so the
/// page does nothing, to the next frame. No paste can be faster than this.
async fn time_the_text_area_alone(client: &Client, text: &str) -> f64 {
    show_editor(client).await;
    let ms = client
        .execute_async(
            "const [text, done] = arguments;\
             const area = document.getElementById('cable-input');\
             const before = area.value;\
             const start = performance.now();\
             area.value = text;\
             requestAnimationFrame(() => setTimeout(() => {\
               const ms = performance.now() - start;\
               area.value = before;\
               requestAnimationFrame(() => setTimeout(() => done(ms), 0));\
             }, 0));",
            vec![json!(text)],
        )
        .await
        .expect("text area alone");
    milliseconds(&ms)
}

/// Pastes of the longest corpus cable, each followed by one of the seed (so that the next
/// replaces a small text), in the tall window and in a laptop's, with the browser's share and
/// the parse's.
pub(crate) async fn time_pastes(client: &Client, url: &str) {
    open_the_seed_rendered(client, url).await;
    let largest = corpus_cable("00STATE228772");
    let seed = seed_text();
    let (largest_paragraphs, seed_paragraphs) =
        (shown_paragraphs(&largest), shown_paragraphs(&seed));
    let mut pastes = Vec::new();
    let mut parses = Vec::new();
    let mut areas = Vec::new();
    for _ in 0..5 {
        areas.push(time_the_text_area_alone(client, &largest).await);
        pastes.push(time_a_paste(client, &largest, "00STATE228772", largest_paragraphs).await);
        let parse_ms = client
            .execute(
                "return Number(document.getElementById('parse-time').dataset.ms);",
                vec![],
            )
            .await
            .expect("parse time");
        parses.push(milliseconds(&parse_ms));
        time_a_paste(client, &seed, SEED_ID, seed_paragraphs).await;
    }
    resize(client, LAPTOP_WINDOW).await;
    let mut laptop_pastes = Vec::new();
    for _ in 0..5 {
        laptop_pastes
            .push(time_a_paste(client, &largest, "00STATE228772", largest_paragraphs).await);
        time_a_paste(client, &seed, SEED_ID, seed_paragraphs).await;
    }
    resize(client, TALL_WINDOW).await;
    println!(
        "browser: paste of 00STATE228772 ({} bytes) to rendered: {} (5 pastes)",
        largest.len(),
        median_and_best(&pastes)
    );
    println!(
        "browser: the same paste in a 1280 by 900 window: {} (5 pastes)",
        median_and_best(&laptop_pastes)
    );
    println!(
        "browser: of which the browser's own text area (the same text, no input event): {}",
        median_and_best(&areas)
    );
    println!(
        "browser: of which the parse of 00STATE228772 in wasm: median {:.1} ms ({:.1} MB/s)",
        median(&parses),
        largest.len() as f64 / 1000.0 / median(&parses)
    );
}

/// About 1 MB: the corpus cables one after another; returns it and the first one's ID (the one
/// the page shows).
fn a_megabyte_of_cables() -> (String, String) {
    let mut big = String::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/cables"))
        .expect("corpus")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    names.sort();
    for name in names.iter().cycle() {
        if big.len() >= 1_000_000 {
            break;
        }
        big.push_str(&std::fs::read_to_string(name).expect("cable"));
        big.push_str("\n\n");
    }
    let first_id = names
        .first()
        .and_then(|path| path.file_stem())
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    (big, first_id)
}

/// A keystroke typed at the end of the text area as the browser inserts typing (`insertText`),
/// to the next paint; with `own` false, the same keystroke in a plain text area holding the same
/// text, which the page does not listen to: the browser's own share.
const KEYSTROKE: &str = "const [own, done] = arguments;\
     let area = document.getElementById('cable-input');\
     if (!own) {\
       const plain = document.createElement('textarea');\
       plain.className = area.className;\
       plain.style.cssText = getComputedStyle(area).cssText;\
       plain.value = area.value;\
       area.parentNode.insertBefore(plain, area);\
       area.style.display = 'none';\
       area = plain;\
     }\
     area.focus();\
     area.setSelectionRange(area.value.length, area.value.length);\
     requestAnimationFrame(() => setTimeout(() => {\
       const start = performance.now();\
       document.execCommand('insertText', false, 'x');\
       requestAnimationFrame(() => setTimeout(() => {\
         const ms = performance.now() - start;\
         if (!own) { area.remove(); document.getElementById('cable-input').style.display = ''; }\
         done(ms);\
       }, 0));\
     }, 0));";

/// A 1 MB paste to rendered (beside the text area alone), then a keystroke in it.
async fn time_a_megabyte_and_a_keystroke(client: &Client) {
    let (big, first_id) = a_megabyte_of_cables();
    let megabyte_area = time_the_text_area_alone(client, &big).await;
    let megabyte = time_a_paste(client, &big, &first_id, shown_paragraphs(&big)).await;
    // A megabyte shows its first paragraphs, and the rest on request.
    let more = text_of(client, "#show-all-paragraphs").await;
    assert!(more.starts_with("Show all "), "{more}");
    // Typing in the megabyte means asking for the text area ("Edit text") first.
    show_editor(client).await;
    let keystroke_plain = client
        .execute_async(KEYSTROKE, vec![json!(false)])
        .await
        .expect("keystroke in a plain text area");
    let keystroke = client
        .execute_async(KEYSTROKE, vec![json!(true)])
        .await
        .expect("keystroke");
    println!(
        "browser: paste of {} bytes (the corpus, cycled) to rendered: {:.0} ms (the text area alone: {:.0} ms); a keystroke then: {:.0} ms to the next paint (in a plain text area: {:.0} ms)",
        big.len(),
        megabyte,
        megabyte_area,
        milliseconds(&keystroke),
        milliseconds(&keystroke_plain)
    );
}
