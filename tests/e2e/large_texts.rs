//! Large texts: a paste over 32 KB is shown line by line in the source view; a 10 MB paste or
//! file is held unparsed, keeps the page answering, and is parsed on request.

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::harness::actions::{choose_files, click, editor_value, paste, PASTE_TEXT};
use crate::harness::browser::session;
use crate::harness::page::open_seed;
use crate::harness::repo::{corpus_cable, seed_text, SEED_ID};
use crate::harness::waits::{text_of, wait_for_attr, wait_for_id, wait_for_script, wait_for_text};

/// A paste too large for the text area (over 32 KB) goes to the source view, read-only, where
/// only the lines on screen are rendered; "Edit text" puts it in the text area.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_paste_is_shown_line_by_line() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    let largest = corpus_cable("00STATE228772");
    client
        .execute(
            &format!("const text = arguments[0]; {PASTE_TEXT}"),
            vec![json!(largest)],
        )
        .await
        .expect("paste");
    wait_for_id(&client, "00STATE228772").await;
    let note = text_of(&client, "#large-text-note").await;
    assert!(note.starts_with("This text is 89 KB"), "{note}");
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("Pasted 89 KB"), "{notice}");
    // The source view has every line's place but only the lines on screen in the page.
    let (n_rendered, height) = {
        let value = client
            .execute(
                "return [document.querySelectorAll('#source-pane .src-line').length, document.querySelector('#source-pane .source-view').offsetHeight];",
                vec![],
            )
            .await
            .expect("source lines");
        (
            value[0].as_u64().unwrap_or(0),
            value[1].as_u64().unwrap_or(0),
        )
    };
    let n_lines = largest.split('\n').count() as u64;
    assert!(
        n_rendered > 20 && n_rendered < 400,
        "{n_rendered} lines rendered"
    );
    assert_eq!(height, n_lines * 18, "the spacer stands for every line");
    // Scrolling to the end renders the last lines.
    client
        .execute("const pane = document.getElementById('source-pane'); pane.scrollTop = pane.scrollHeight;", vec![])
        .await
        .expect("scroll");
    wait_for_attr(
        &client,
        "#source-pane .src-line:last-child",
        "data-line",
        |line| line == n_lines.to_string(),
    )
    .await;
    // Choosing the last paragraph scrolls the source to it and highlights it.
    client
        .execute(
            "const all = document.getElementById('show-all-paragraphs'); if (all) all.click();",
            vec![],
        )
        .await
        .expect("every paragraph");
    wait_for_script(
        &client,
        "return !document.getElementById('show-all-paragraphs');",
        json!(true),
    )
    .await;
    let last_paragraph = client
        .execute(
            "const all = document.querySelectorAll('.paragraph'); return all[all.length - 1].id;",
            vec![],
        )
        .await
        .expect("last paragraph");
    let last_paragraph = last_paragraph.as_str().unwrap_or_default().to_string();
    client
        .execute(
            "document.getElementById('source-pane').scrollTop = 0;",
            vec![],
        )
        .await
        .expect("scroll to top");
    click(&client, &format!("#{last_paragraph} > .paragraph-body")).await;
    wait_for_text(&client, "#source-selection", |text| !text.is_empty()).await;
    // "Edit text" puts the whole text in the text area.
    assert_eq!(
        editor_value(&client).await.encode_utf16().count(),
        largest.encode_utf16().count()
    );
    // A small paste still goes into the text area.
    paste(&client, &seed_text()).await;
    wait_for_id(&client, SEED_ID).await;
    let editor = client
        .execute("return !!document.getElementById('cable-input');", vec![])
        .await
        .expect("editor");
    assert_eq!(editor, json!(true));
    let _ = client.close().await;
}

/// Waits until the page holds a text of about 10 MB unparsed, and says so.
async fn wait_for_ten_megabytes_held(client: &Client) {
    let held = wait_for_text(client, "#parse-held", |text| text.contains("MB")).await;
    assert!(
        held.contains("This text is 9.") || held.contains("This text is 10."),
        "{held}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_megabyte_paste_or_file_keeps_the_page_usable() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    let largest = corpus_cable("00STATE228772");
    let copies = 10_000_000 / largest.len() + 1;
    // Pasted (the text made in the page: 10 MB through WebDriver would time the transfer),
    // then timed until the page has shown it.
    client
        .execute(
            &format!(
                "const text = arguments[0].repeat(arguments[1]);\
                 window.__started = performance.now();\
                 {PASTE_TEXT}\
                 (function check() {{\
                   if (document.getElementById('parse-held')) window.__shown = performance.now() - window.__started;\
                   else requestAnimationFrame(check);\
                 }})();"
            ),
            vec![json!(largest), json!(copies)],
        )
        .await
        .expect("paste 10 MB");
    wait_for_ten_megabytes_held(&client).await;
    wait_for_script(&client, "return window.__shown !== undefined;", json!(true)).await;
    let shown = client
        .execute("return window.__shown;", vec![])
        .await
        .expect("time");
    // The page answers at once: the next frame comes, and scrolling the source view to its end
    // shows the last lines.
    let frame = client
        .execute(
            "const start = performance.now();\
             return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));",
            vec![],
        )
        .await
        .expect("a frame");
    let scroll = client
        .execute(
            "const start = performance.now();\
             const pane = document.getElementById('source-pane'); pane.scrollTop = pane.scrollHeight;\
             const want = String(pane.querySelector('.source-view').offsetHeight / 18);\
             return new Promise((resolve) => (function check() {\
               const last = document.querySelector('#source-pane .src-line:last-child');\
               if (last && last.dataset.line === want) resolve(performance.now() - start);\
               else if (performance.now() - start > 10000) resolve('last line shown: ' + (last && last.dataset.line) + ' of ' + want);\
               else requestAnimationFrame(check);\
             })());",
            vec![],
        )
        .await
        .expect("scroll to the end");
    assert!(scroll.is_number(), "{scroll}");
    // Nothing else was lost: the drafts list says why this one is not kept.
    let problem = text_of(&client, "#draft-problem").await;
    assert!(problem.contains("drafts keep texts up to"), "{problem}");
    // Parsed on request: timed in the page.
    let parsed = client
        .execute(
            "const start = performance.now();\
             document.getElementById('parse-held-text').click();\
             return new Promise((resolve) => (function check() {\
               const id = document.querySelector('[data-field=canonical-id]');\
               if (id && id.textContent.includes('00STATE228772')) resolve(performance.now() - start); else requestAnimationFrame(check);\
             })());",
            vec![],
        )
        .await
        .expect("parse on request");
    assert!(client.find(Locator::Id("parse-held")).await.is_err());
    // A 10 MB file is held the same way.
    let big = std::env::temp_dir().join(format!("cablescope-e2e-10mb-{}.txt", std::process::id()));
    std::fs::write(&big, largest.repeat(copies)).expect("write a 10 MB file");
    open_seed(&client, port).await;
    choose_files(&client, std::slice::from_ref(&big)).await;
    wait_for_ten_megabytes_held(&client).await;
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("Opened cablescope-e2e-10mb-"), "{notice}");
    let _ = std::fs::remove_file(&big);
    let megabytes = (largest.len() * copies) as f64 / 1_000_000.0;
    let parsed_ms = parsed.as_f64().unwrap_or(0.0);
    println!(
        "browser: 10 MB paste ({megabytes:.1} MB): shown (source view, parse held) in {:.0} ms; next frame {:.0} ms; scroll to the last line {:.0} ms; parsed on request and rendered in {parsed_ms:.0} ms ({:.1} MB/s)",
        shown.as_f64().unwrap_or(0.0),
        frame.as_f64().unwrap_or(0.0),
        scroll.as_f64().unwrap_or(0.0),
        megabytes / (parsed_ms / 1000.0)
    );
    let _ = client.close().await;
}
