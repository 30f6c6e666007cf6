//! The keyboard: j and k select the next and previous paragraph, s opens the source view, /
//! focuses the text, ? shows the shortcuts, t changes the theme, c makes a link.

use fantoccini::Client;
use serde_json::json;

use crate::harness::actions::{click, run_script};
use crate::harness::browser::session;
use crate::harness::page::{open_seed, wait_for_selected};
use crate::harness::waits::{
    wait_for_element, wait_for_prop_value, wait_for_script, wait_for_text,
};

/// Presses `key` as the page hears it: a `keydown` on the document.
async fn press(client: &Client, key: &str) {
    client
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', { key: arguments[0], bubbles: true }));",
            vec![json!(key)],
        )
        .await
        .expect("key press");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keyboard_moves_through_the_page() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    // Keys act when no text box has the focus.
    let blur = "document.activeElement && document.activeElement.blur();";
    run_script(&client, "blur", blur).await;
    press(&client, "j").await;
    wait_for_selected(&client, "#p-1").await;
    press(&client, "j").await;
    wait_for_selected(&client, "#p-2").await;
    press(&client, "k").await;
    wait_for_selected(&client, "#p-1").await;
    press(&client, "s").await;
    wait_for_element(&client, "#source-pane").await;
    press(&client, "s").await;
    wait_for_element(&client, "#cable-input").await;
    press(&client, "/").await;
    wait_for_script(
        &client,
        "return document.activeElement && document.activeElement.id;",
        json!("cable-input"),
    )
    .await;
    run_script(&client, "blur", blur).await;
    // Each key acts on the page as it is now: pressed again, it undoes what it did.
    let shortcuts_shown = "return !!document.getElementById('shortcuts');";
    for shown in [true, false, true] {
        press(&client, "?").await;
        wait_for_script(&client, shortcuts_shown, json!(shown)).await;
    }
    wait_for_text(&client, "#shortcuts", |text| {
        text.contains("next paragraph")
    })
    .await;
    let theme_chosen = "return document.documentElement.getAttribute('data-theme');";
    for theme in [json!("light"), json!("dark"), json!(null)] {
        press(&client, "t").await;
        wait_for_script(&client, theme_chosen, theme).await;
    }
    press(&client, "c").await;
    wait_for_prop_value(&client, "#link-output", "value").await;
    click(&client, "#close-link-box").await;
    let _ = client.close().await;
}
