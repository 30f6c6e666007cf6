//! `./x bench`'s collection figures: the bulk file (`../shared/bulk/cables.csv.gz`, 11,380
//! cables) opened in the collection page until it is searchable, then searches and facet
//! changes timed in the page, and the kept collection read back after a reload. Printed, never
//! asserted; ignored by `./x test`. Skipped with a line saying so when the bulk file is not
//! beside the repository (it is not part of it).

use std::path::PathBuf;

use fantoccini::{Client, Locator};

use crate::harness::actions::choose_files_in;
use crate::harness::browser::session;
use crate::harness::page::page_url;
use crate::harness::repo::repo;
use crate::harness::timings::median;
use crate::harness::waits::{wait_for_element, wait_for_text};

/// The bulk file, when it is there.
fn bulk() -> Option<PathBuf> {
    let path = std::env::var_os("CABLESCOPE_BULK").map_or_else(
        || repo().join("../shared/bulk/cables.csv.gz"),
        PathBuf::from,
    );
    path.canonicalize().ok().filter(|path| path.is_file())
}

/// Milliseconds since the page's time origin.
async fn now(client: &Client) -> f64 {
    client
        .execute("return performance.now();", vec![])
        .await
        .expect("now")
        .as_f64()
        .unwrap_or(f64::NAN)
}

/// Types `query` as one input event and returns the milliseconds until the count changes from
/// what it was (the search waits 150 ms after the last keystroke: that wait is subtracted).
async fn time_search(client: &Client, query: &str) -> f64 {
    let ms = client
        .execute_async(
            "const [query, done] = arguments;\
             const input = document.getElementById('collection-search');\
             const count = document.getElementById('collection-count');\
             const before = count.textContent;\
             const started = performance.now();\
             input.value = query;\
             input.dispatchEvent(new InputEvent('input', { bubbles: true }));\
             requestAnimationFrame(function check() {\
               if (count.textContent !== before) requestAnimationFrame(() => done(performance.now() - started));\
               else if (performance.now() - started > 20000) done(null);\
               else requestAnimationFrame(check);\
             });",
            vec![serde_json::json!(query)],
        )
        .await
        .expect("a timed search");
    ms.as_f64().map_or(f64::NAN, |ms| ms - 150.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: ./x bench runs it"]
async fn bench_collection() {
    let Some(bulk) = bulk() else {
        println!("bench: collection: ../shared/bulk/cables.csv.gz is not there; skipped");
        return;
    };
    let (port, _driver, client) = session().await;
    client
        .goto(&format!("{}collection.html", page_url(port)))
        .await
        .expect("open the collection page");
    wait_for_element(&client, "#open-file").await;
    let started = now(&client).await;
    choose_files_in(&client, "#open-file", std::slice::from_ref(&bulk)).await;
    let done = client
        .execute_async(
            "const [done] = arguments;\
             requestAnimationFrame(function check() {\
               const count = document.getElementById('collection-count');\
               if (count) done(performance.now()); else setTimeout(check, 20);\
             });",
            vec![],
        )
        .await
        .expect("the collection opens")
        .as_f64()
        .unwrap_or(f64::NAN);
    let count = wait_for_text(&client, "#collection-count", |_| true).await;
    println!(
        "bench: collection: {} opened and searchable in {:.1} s ({count}; file {} MB gzipped)",
        bulk.display(),
        (done - started) / 1000.0,
        std::fs::metadata(&bulk).map_or(0, |meta| meta.len()) / 1_000_000
    );
    let queries = [
        "embassy",
        "nuclear",
        "\"prime minister\"",
        "iran sanctions",
        "oil",
        "human rights",
        "\"in the\"",
        "ambassador visit",
        "terrorism",
        "election",
    ];
    let mut times = Vec::new();
    for round in 0..3 {
        for query in queries {
            // Each query typed after another, so that the count changes.
            let _ = time_search(
                &client,
                if round % 2 == 0 {
                    "zzzzunseen"
                } else {
                    "qqqqunseen"
                },
            )
            .await;
            times.push(time_search(&client, query).await);
        }
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let p95 = sorted
        .get(((sorted.len() as f64) * 0.95) as usize)
        .copied()
        .unwrap_or(f64::NAN);
    println!(
        "bench: collection: a search until its count is shown, {} searches: median {:.0} ms, 95th percentile {p95:.0} ms, slowest {:.0} ms",
        times.len(),
        median(&times),
        sorted.last().copied().unwrap_or(f64::NAN)
    );
    // A facet change: the busiest classification's checkbox.
    let _ = time_search(&client, "").await;
    let mut facet_times = Vec::new();
    for _ in 0..5 {
        for css in ["#facet-classification input", "#facet-classification input"] {
            let started = now(&client).await;
            client
                .find(Locator::Css(css))
                .await
                .expect("a classification")
                .click()
                .await
                .expect("click");
            let _ = client
                .execute_async(
                    "const [done] = arguments; requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                    vec![],
                )
                .await;
            facet_times.push(now(&client).await - started);
        }
    }
    println!(
        "bench: collection: a facet value checked or unchecked, until drawn: median {:.0} ms ({} changes, WebDriver's click included)",
        median(&facet_times),
        facet_times.len()
    );
    // Read back after a reload.
    let started = now(&client).await;
    let _ = started;
    client.refresh().await.expect("reload");
    let reopened = client
        .execute_async(
            "const [done] = arguments;\
             (function check() {\
               if (document.getElementById('collection-count')) done(performance.now()); else setTimeout(check, 20);\
             })();",
            vec![],
        )
        .await
        .expect("reopened")
        .as_f64()
        .unwrap_or(f64::NAN);
    println!(
        "bench: collection: the kept collection read back after a reload in {:.1} s",
        reopened / 1000.0
    );
}
