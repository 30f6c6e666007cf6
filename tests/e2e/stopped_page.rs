//! A stopped page: when the wasm traps, the page says so and keeps the text typed as a draft,
//! which the next visit opens.

use fantoccini::Locator;
use serde_json::json;

use crate::harness::actions::{editor_value, show_editor};
use crate::harness::browser::session;
use crate::harness::page::{first_frame, open_seed, watch_first_frames};
use crate::harness::waits::wait_for_text;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_page_says_so_and_keeps_the_text() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    // Text typed that the page has not seen yet (no input event), then a wasm trap reaches the
    // page as the page's own would (the release page aborts on a panic with `unreachable`):
    // here from a module of one function that is just that, called from a timer.
    show_editor(&client).await;
    let typed = "UNCLASSIFIED\n\nSUBJECT: NOTES TYPED JUST BEFORE THE PAGE STOPPED\n\n1. (U) None of this reached the page.\n";
    client
        .execute(
            "document.getElementById('cable-input').value = arguments[0];\
             const trap = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,\
               7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);\
             WebAssembly.instantiate(trap).then(({ instance }) => setTimeout(instance.exports.f, 0));",
            vec![json!(typed)],
        )
        .await
        .expect("the wasm stops");
    let said = wait_for_text(&client, "#stopped", |text| !text.is_empty()).await;
    assert!(said.contains("kept as a draft"), "{said}");
    let kept = client
        .execute(
            "const id = localStorage.getItem('cablescope-drafts').split(',')[0];\
             return localStorage.getItem('cablescope-draft-' + id);",
            vec![],
        )
        .await
        .expect("the newest draft");
    let kept = kept.as_str().unwrap_or_default();
    assert!(
        kept.contains("\ntitle Kept when the page stopped\n") && kept.ends_with(typed),
        "{kept}"
    );
    // After a reload the page opens that text, and its drafts list names it. Read in the first
    // frame: once the text has rested (400 ms) the page saves it again under its own title,
    // so a later look races that save (on a loaded machine, WebDriver's round trips lost it).
    watch_first_frames(&client).await;
    client.refresh().await.expect("reload");
    wait_for_text(&client, "[data-field=subject]", |text| {
        text.contains("NOTES TYPED JUST BEFORE")
    })
    .await;
    assert_eq!(editor_value(&client).await, typed);
    let listed = first_frame(&client).await["drafts"].clone();
    assert!(
        listed
            .as_str()
            .is_some_and(|list| list.contains("Kept when the page stopped")),
        "{listed}"
    );
    assert!(
        client.find(Locator::Id("stopped")).await.is_err(),
        "the notice outlived the reload"
    );
    let _ = client.close().await;
}
