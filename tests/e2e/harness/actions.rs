//! What a reader does: clicks, pastes, files chosen, the text area brought back and read.

use std::path::PathBuf;

use fantoccini::{Client, Locator};
use serde_json::json;

use super::waits::{wait_for_attr, wait_for_element};

/// Clicks the element at `css`.
pub async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("{css}: {error}"))
        .click()
        .await
        .unwrap_or_else(|error| panic!("click {css}: {error}"));
}

/// Clicks the first element at `css` whose text contains `needle`.
pub async fn click_by_text(client: &Client, css: &str, needle: &str) {
    let elements = client
        .find_all(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("{css}: {error}"));
    for element in elements {
        if element.text().await.unwrap_or_default().contains(needle) {
            element
                .click()
                .await
                .unwrap_or_else(|error| panic!("click {css} with {needle:?}: {error}"));
            return;
        }
    }
    panic!("no {css} contains {needle:?}");
}

/// Brings the text area back if the source view took its place, and waits for it.
pub async fn show_editor(client: &Client) {
    // "Edit text" is enabled only while the source view is shown.
    client
        .execute(
            "const edit = document.getElementById('show-editor'); if (edit && !edit.disabled) edit.click();",
            vec![],
        )
        .await
        .expect("show the text area");
    wait_for_element(client, "#cable-input").await;
}

/// Replaces the text area's content the way a paste does: set the value, fire `input`.
pub async fn paste(client: &Client, text: &str) {
    // The text area is in the left column unless the source view took its place.
    show_editor(client).await;
    client
        .execute(
            "const area = document.getElementById('cable-input');\
             area.value = arguments[0];\
             area.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(text)],
        )
        .await
        .expect("paste into the text area");
}

/// Script statements that paste the string `text` over the text area's whole content as a
/// browser does: a cancellable `paste` event carrying it, then, unless the page took it, the
/// insertion and an `input` event. Scripts define `text` first and add their own waiting.
pub const PASTE_TEXT: &str = "const area = document.getElementById('cable-input');\
     area.focus();\
     area.select();\
     const data = new DataTransfer();\
     data.setData('text/plain', text);\
     const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });\
     if (area.dispatchEvent(paste)) {\
       area.value = text;\
       area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));\
     }";

/// Chooses `files` in the page's file picker, as a reader would.
pub async fn choose_files(client: &Client, files: &[PathBuf]) {
    choose_files_in(client, "#file-input", files).await;
}

/// Chooses `files` in the file input at `css` (the page's picker, or one a test added).
pub async fn choose_files_in(client: &Client, css: &str, files: &[PathBuf]) {
    let paths: Vec<String> = files
        .iter()
        .map(|file| file.display().to_string())
        .collect();
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("{css}: {error}"))
        .send_keys(&paths.join("\n"))
        .await
        .expect("choose files");
}

/// The text area's value, exactly (the text area shown first).
pub async fn editor_value(client: &Client) -> String {
    show_editor(client).await;
    let value = client
        .execute(
            "return document.getElementById('cable-input').value;",
            vec![],
        )
        .await
        .expect("text area value");
    value.as_str().unwrap_or_default().to_string()
}

/// Clicks the theme button once (system, light, dark, then system again) and waits for
/// `theme`, the one that comes next.
pub async fn toggle_theme_to(client: &Client, theme: &str) {
    click(client, "#theme-toggle").await;
    wait_for_attr(client, "html", "data-theme", |chosen| chosen == theme).await;
}

/// Runs `script` in the page, whatever it returns; `what` names it if it fails.
pub async fn run_script(client: &Client, what: &str, script: &str) {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|error| panic!("{what}: {error}"));
}
