//! The source round trip: choosing a part of the decomposition shows its exact span in the
//! source view, and clicking a source line or a parser note chooses what it belongs to.

use crate::harness::actions::{click, click_by_text, run_script};
use crate::harness::browser::session;
use crate::harness::page::{open_seed, wait_for_selected};
use crate::harness::waits::{text_of, wait_for_element, wait_for_text};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_source_view_and_the_decomposition_point_at_each_other() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    // Choosing paragraph 4 opens the source view with its exact span highlighted.
    click(&client, "#p-4 .paragraph-number").await;
    let highlighted = wait_for_text(&client, "#source-selection", |text| !text.is_empty()).await;
    assert!(
        highlighted.starts_with("14. (C/NF) After listening to ref A points"),
        "{highlighted}"
    );
    // Clicking the source line of reference B selects reference B.
    click_by_text(&client, ".src-line", "B. E-MAIL BAKER-MATTEI").await;
    wait_for_selected(&client, "#ref-B").await;
    assert!(text_of(&client, "#source-selection")
        .await
        .contains("E-MAIL BAKER-MATTEI MARCH 7"));
    // A parser note is linked the same way: the garble's note highlights the garble.
    run_script(
        &client,
        "open the notes",
        "document.querySelector('#diagnostics details').open = true;",
    )
    .await;
    click_by_text(&client, "#diagnostics li.diagnostic", "Transmission garble").await;
    wait_for_text(&client, "#source-selection", |text| {
        text.starts_with("Qpolicy")
    })
    .await;
    // And back to editing.
    click(&client, "#show-editor").await;
    wait_for_element(&client, "#cable-input").await;
    let _ = client.close().await;
}
