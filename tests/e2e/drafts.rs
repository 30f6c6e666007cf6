//! Drafts: the reader's own text and view survive a visit, a reload and a link opened over
//! them, listed once each, and can be forgotten.

use fantoccini::{Client, Locator};

use crate::harness::actions::{click, click_by_text, editor_value, paste, run_script};
use crate::harness::browser::session;
use crate::harness::page::{
    first_frame, open_seed, page_url, wait_for_selected, watch_first_frames,
};
use crate::harness::repo::{cable_command_link, corpus_cable};
use crate::harness::waits::{text_of, wait_for_attr, wait_for_id, wait_for_text};

/// Waits until the page shows the reader's draft (`mine`, the note over 09BERLIN1167) with
/// paragraph 2 chosen, and checks the text area holds it exactly.
async fn wait_for_my_draft(client: &Client, mine: &str) {
    wait_for_id(client, "09BERLIN1167").await;
    wait_for_selected(client, "#p-2").await;
    assert_eq!(editor_value(client).await, mine);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_survive_a_reload_and_a_link_opened_over_them() {
    let (port, _driver, client) = session().await;
    let page = page_url(port);
    open_seed(&client, port).await;
    // The untouched sample is no draft.
    assert!(client.find(Locator::Id("drafts")).await.is_err());

    // The reader's own text: a cable with their note on top, and paragraph 2 chosen.
    let mine = format!(
        "MY NOTE: ASK ABOUT REF B.\n{}",
        corpus_cable("09BERLIN1167")
    );
    paste(&client, &mine).await;
    wait_for_id(&client, "09BERLIN1167").await;
    click(&client, "#p-2 .paragraph-number").await;
    wait_for_selected(&client, "#p-2").await;
    wait_for_attr(&client, "#drafts-list li.current", "data-draft", |id| {
        !id.is_empty()
    })
    .await;

    // A visit to the page's plain address (no link in it) brings back the text exactly, and
    // the view, from the first frame (the seed is never painted first).
    watch_first_frames(&client).await;
    client.goto(&page).await.expect("visit again");
    let first = first_frame(&client).await;
    assert!(
        first["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("09BERLIN1167")),
        "the first frame showed {first}"
    );
    wait_for_my_draft(&client, &mine).await;
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("Your draft is back"), "{notice}");
    // So does a reload, where the address holds the link to the draft's view.
    client.refresh().await.expect("reload");
    wait_for_my_draft(&client, &mine).await;

    // A link opened over the draft replaces what is shown, and says where the draft is.
    let link = cable_command_link(&page, "08STATE15220", &[]);
    client.goto(&link).await.expect("open the link");
    wait_for_id(&client, "08STATE15220").await;
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("Recent drafts"), "{notice}");

    // The draft is listed, with the link's cable; choosing it brings it back exactly.
    run_script(
        &client,
        "open the drafts list",
        "document.getElementById('drafts').open = true;",
    )
    .await;
    wait_for_text(&client, "#drafts-list", |text| {
        text.contains("09BERLIN1167") && text.contains("08STATE15220")
    })
    .await;
    click_by_text(&client, "#drafts-list .draft-open", "09BERLIN1167").await;
    wait_for_my_draft(&client, &mine).await;

    // A draft can be forgotten.
    run_script(
        &client,
        "forget a draft",
        "const item = [...document.querySelectorAll('#drafts-list li')].find((li) => li.textContent.includes('08STATE15220'));\
         item.querySelector('.draft-remove').click();",
    )
    .await;
    wait_for_text(&client, "#drafts-list", |text| {
        !text.contains("08STATE15220")
    })
    .await;
    // One entry per text, however often it was opened (from the link, the list, the address).
    let entries = client
        .find_all(Locator::Css("#drafts-list li"))
        .await
        .expect("drafts");
    assert_eq!(entries.len(), 1, "the same text kept twice");
    let _ = client.close().await;
}
