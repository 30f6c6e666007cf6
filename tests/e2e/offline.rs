//! Offline and updates: after one visit the service worker serves the page with no network,
//! and a new build replaces the old one, its cache included.

use std::path::Path;

use serde_json::json;

use crate::harness::actions::paste;
use crate::harness::browser::{browser, network_conditions, start_driver};
use crate::harness::page::{open_seed, page_url};
use crate::harness::repo::{corpus_cable, dist, SEED_ID};
use crate::harness::server::{requests, serve_static, set_down};
use crate::harness::waits::{wait_for_id, wait_for_script, wait_for_text};

/// Copies the files of `from` into `to`, folders included.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_one_visit_the_page_works_offline_and_a_new_build_replaces_the_old() {
    // The build served from a copy, so that a "new deployment" can be made in place.
    let root = std::env::temp_dir().join(format!("cablescope-e2e-offline-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_tree(&dist(), &root);
    let port = serve_static(root.clone());
    let driver = start_driver().await;
    let client = browser(&driver).await;
    open_seed(&client, port).await;
    // The worker takes the page over and has the build's files cached.
    wait_for_script(
        &client,
        "return !!navigator.serviceWorker.controller;",
        json!(true),
    )
    .await;
    let wasm = client
        .execute(
            "return document.getElementById('cablescope-start').dataset.wasm;",
            vec![],
        )
        .await
        .expect("wasm name");
    let cache = format!("cablescope-{}", wasm.as_str().unwrap_or_default());
    wait_for_script(&client, "return caches.keys();", json!([cache])).await;

    // Offline: the page comes back whole. Chromium's emulation does not cover the worker's own
    // requests, so the server is taken down too; the worker's tries for a fresh page and loader
    // fail and everything comes from its cache.
    client
        .issue_cmd(network_conditions(true))
        .await
        .expect("go offline");
    set_down(port, true);
    let heard = requests(port).len();
    client.refresh().await.expect("reload offline");
    wait_for_id(&client, SEED_ID).await;
    wait_for_text(&client, "#p-7", |text| !text.is_empty()).await;
    let online = client
        .execute("return navigator.onLine;", vec![])
        .await
        .expect("onLine");
    assert_eq!(online, json!(false), "the network was not emulated offline");
    let tried: Vec<String> = requests(port).split_off(heard);
    assert!(
        tried
            .iter()
            .all(|path| ["/", "/start.js", "/boot.js"].contains(&path.as_str())),
        "requested while offline: {tried:?}"
    );
    // Parsing works offline too.
    paste(&client, &corpus_cable("09BERLIN1167")).await;
    wait_for_id(&client, "09BERLIN1167").await;

    // A new deployment (the wasm under a new name, as a new build has): back online, the next
    // visit shows it, its worker takes over, and the old build's cache is gone.
    let old_name = wasm
        .as_str()
        .unwrap_or_default()
        .trim_start_matches('/')
        .to_string();
    let new_name = format!("next-{old_name}");
    std::fs::rename(root.join(&old_name), root.join(&new_name)).expect("rename the wasm");
    let index = std::fs::read_to_string(root.join("index.html")).expect("index");
    std::fs::write(root.join("index.html"), index.replace(&old_name, &new_name)).expect("index");
    client
        .issue_cmd(network_conditions(false))
        .await
        .expect("back online");
    set_down(port, false);
    client
        .goto(&page_url(port))
        .await
        .expect("visit the new build");
    wait_for_text(&client, "[data-field=canonical-id]", |text| {
        !text.is_empty()
    })
    .await;
    let new_cache = format!("cablescope-/{new_name}");
    wait_for_script(&client, "return caches.keys();", json!([new_cache])).await;
    wait_for_script(
        &client,
        "return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL.includes('next-');",
        json!(true),
    )
    .await;
    let _ = client.close().await;
    let _ = std::fs::remove_dir_all(&root);
}
