//! A text that states no year: the reader gives its cable ID (offered from a file's name), the
//! cables it cites are dated, and the link carries the ID to a fresh browser.

use serde_json::json;

use crate::harness::actions::{choose_files, click, run_script};
use crate::harness::browser::{browser, session};
use crate::harness::page::{open_in_a_new_document, open_seed};
use crate::harness::repo::repo;
use crate::harness::waits::{wait_for_prop_value, wait_for_script, wait_for_text};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readers_cable_id_dates_what_the_text_cites() {
    let (port, driver, client) = session().await;
    open_seed(&client, port).await;

    // A real cable whose text has no date-time group, in a file named by its ID: the page reads
    // it undated and offers the name as its ID, without using it yet.
    choose_files(&client, &[repo().join("corpus/cables/03OTTAWA202.txt")]).await;
    wait_for_text(&client, "#notice", |text| {
        text.contains("its name, 03OTTAWA202, is offered")
    })
    .await;
    wait_for_text(&client, "#references", |text| {
        text.contains("STATE 13788 (year?)")
    })
    .await;
    assert_eq!(
        wait_for_prop_value(&client, "#cable-id-input", "value").await,
        "03OTTAWA202"
    );

    // What is not an ID is refused (Enter in the field uses it), and the text stays as it is.
    run_script(
        &client,
        "write a wrong ID and press Enter",
        "const input = document.getElementById('cable-id-input'); input.value = 'last Tuesday';\
         input.dispatchEvent(new Event('input', { bubbles: true }));\
         input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));",
    )
    .await;
    wait_for_text(&client, "#notice", |text| {
        text.contains("is not a cable ID")
    })
    .await;
    wait_for_text(&client, "#references", |text| text.contains("(year?)")).await;

    // The ID, as a reader may write it: the citation is dated, the header has the whole ID.
    run_script(
        &client,
        "write the ID",
        "const input = document.getElementById('cable-id-input'); input.value = '03 ottawa 202';\
         input.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .await;
    click(&client, "#use-cable-id").await;
    wait_for_text(&client, "#references", |text| text.contains("03STATE13788")).await;
    wait_for_text(&client, "#cable-id-given", |text| text == "03OTTAWA202").await;
    wait_for_text(&client, "[data-field=canonical-id]", |text| {
        text.contains("03OTTAWA202")
    })
    .await;

    // The link carries the ID: a fresh browser shows the same dated view.
    click(&client, "#copy-link").await;
    let link = wait_for_prop_value(&client, "#link-output", "value").await;
    let other = browser(&driver).await;
    open_in_a_new_document(&other, &link).await;
    wait_for_text(&other, "#references", |text| text.contains("03STATE13788")).await;
    wait_for_text(&other, "#cable-id-given", |text| text == "03OTTAWA202").await;
    let _ = other.close().await;

    // Forgotten: undated again, and the field back.
    click(&client, "#forget-cable-id").await;
    wait_for_text(&client, "#references", |text| {
        text.contains("STATE 13788 (year?)")
    })
    .await;
    wait_for_script(
        &client,
        "return !!document.getElementById('cable-id-input');",
        json!(true),
    )
    .await;
    let _ = client.close().await;
}
