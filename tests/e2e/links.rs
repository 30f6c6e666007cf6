//! Links: the address follows the view; a link made in one browser (or by the `cable` command)
//! opens in a fresh one to the same view; broken links say what is wrong and leave the text
//! alone.

use fantoccini::Client;
use serde_json::json;

use crate::harness::actions::{click, paste, run_script};
use crate::harness::browser::{browser, session};
use crate::harness::page::{
    address, first_frame, foreign_resources, open_in_a_new_document, open_seed, page_url,
    wait_for_link, wait_for_link_box_other_than, wait_for_link_where, wait_for_new_link,
    wait_for_selected, watch_first_frames,
};
use crate::harness::repo::{cable_command_link, copy_of_dist, SEED_ID};
use crate::harness::server::serve_static;
use crate::harness::waits::{
    text_of, wait_for_attr, wait_for_id, wait_for_prop_value, wait_for_text,
};

/// The links one view of the seed gives: the address, and the links to paragraph 5 and to the
/// subject row from their own buttons.
struct SeedLinks {
    address: String,
    paragraph: String,
    field: String,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_carry_the_cable_and_the_view() {
    let (port, driver, client) = session().await;
    open_seed(&client, port).await;
    let address = the_address_follows_the_view(&client, &page_url(port)).await;
    let links = the_link_box_shows_each_link(&client, address).await;
    // A fresh browser (new profile) opens each link to the same view.
    let other = browser(&driver).await;
    each_link_opens_to_its_view(&other, &links).await;
    the_cable_commands_link_opens_to_its_view(&other, &page_url(port)).await;
    a_format_1_link_still_opens(&other, &page_url(port)).await;
    let _ = other.close().await;
    let _ = client.close().await;
}

/// The untouched page carries no link. Unfolding the transmission details and choosing a
/// paragraph each write the address, replacing its entry rather than adding to the history;
/// returns the address with paragraph 3 chosen.
async fn the_address_follows_the_view(client: &Client, url: &str) -> String {
    assert_eq!(address(client).await, url);
    let history_length = client
        .execute("return history.length;", vec![])
        .await
        .expect("history");
    // One change at a time: two clicks within the address's pause could be written as one link
    // or as two.
    click(client, "#transmission summary").await;
    wait_for_attr(client, "#transmission", "open", |_| true).await;
    let unfolded = wait_for_link(client).await;
    click(client, "#p-3").await;
    let address = wait_for_new_link(client, &unfolded).await;
    click(client, "#p-4").await;
    wait_for_new_link(client, &address).await;
    click(client, "#p-3").await;
    wait_for_link_where(client, "the link to paragraph 3 again", |link| {
        link == address
    })
    .await;
    let after = client
        .execute("return history.length;", vec![])
        .await
        .expect("history");
    assert_eq!(
        after, history_length,
        "the view's changes added history entries"
    );
    address
}

/// "Copy link" shows the address's link, with its length; a paragraph's and a header field's
/// own buttons show links to them.
async fn the_link_box_shows_each_link(client: &Client, address: String) -> SeedLinks {
    click(client, "#copy-link").await;
    let shown = wait_for_prop_value(client, "#link-output", "value").await;
    let address = if shown == address {
        address
    } else {
        wait_for_link(client).await
    };
    assert_eq!(shown, address, "the link box and the address differ");
    let label = text_of(client, "#link-box label").await;
    assert_eq!(
        label,
        format!("Link ({} characters)", shown.chars().count())
    );
    let notice = text_of(client, "#notice").await;
    assert!(notice.contains("characters"), "{notice}");
    // A link to one paragraph, from its own button. The box shows the address's link until the
    // paragraph's is made, however long that takes: the wait is for a link other than that one,
    // and fails if none comes.
    run_script(
        client,
        "paragraph link",
        "document.querySelector('#p-5 .element-link').click();",
    )
    .await;
    let paragraph = wait_for_link_box_other_than(client, &shown).await;
    // And to a header field, from its row's "link" button.
    run_script(
        client,
        "field link",
        "document.querySelector('#field-subject [aria-label^=\"Copy a link\"]').click();",
    )
    .await;
    let field = wait_for_link_box_other_than(client, &paragraph).await;
    SeedLinks {
        address,
        paragraph,
        field,
    }
}

/// Each of the seed's links, opened in `other` (a fresh browser), shows its view.
async fn each_link_opens_to_its_view(other: &Client, links: &SeedLinks) {
    other.goto(&links.address).await.expect("open the link");
    wait_for_selected(other, "#p-3").await;
    wait_for_attr(other, "#transmission", "open", |_| true).await;
    assert_eq!(text_of(other, "[data-field=canonical-id]").await, SEED_ID);
    let source_shown = other
        .execute("return !!document.getElementById('source-pane');", vec![])
        .await
        .expect("source pane");
    assert_eq!(
        source_shown,
        json!(true),
        "choosing an element opens the source view"
    );
    // The deep link to paragraph 5, and the one to the subject row.
    open_in_a_new_document(other, &links.paragraph).await;
    wait_for_selected(other, "#p-5").await;
    open_in_a_new_document(other, &links.field).await;
    wait_for_selected(other, "#field-subject").await;
}

/// A link made by the `cable` command (to `url`'s page), with reference A chosen.
fn the_cable_commands_link(url: &str) -> String {
    cable_command_link(url, "08STATE15220", &["--select", "ref-A", "--as-written"])
}

/// A link made by the `cable` command opens the same way, in a new document whose first frame
/// that shows a cable shows the link's, never the seed while the link is decoded.
async fn the_cable_commands_link_opens_to_its_view(other: &Client, url: &str) {
    let cli_link = the_cable_commands_link(url);
    watch_first_frames(other).await;
    open_in_a_new_document(other, &cli_link).await;
    wait_for_id(other, "08STATE15220").await;
    assert_eq!(
        first_frame(other).await["id"],
        json!("08STATE15220"),
        "the first cable shown"
    );
    wait_for_selected(other, "#ref-A").await;
}

/// A link made by format 1 (the short link frozen in `crates/permalink/tests/frozen.rs`) still
/// opens: the page fetches and reads that format's primer for it.
async fn a_format_1_link_still_opens(other: &Client, url: &str) {
    open_in_a_new_document(other, &format!("{url}#1.IMW1HxEyIgNwLTG9Fow_EsYwgmWsEw")).await;
    wait_for_selected(other, "#p-1").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_links_say_what_is_wrong_and_keep_the_text() {
    let (port, driver, client) = session().await;
    let url = page_url(port);
    open_seed(&client, port).await;
    // A draft typed in the text area stays whatever the link; the message says what to do.
    let draft = "MY DRAFT: 1. (C) NOTES FOR TOMORROW.";
    paste(&client, draft).await;
    wait_for_text(&client, "#parse-time", |text| {
        text.starts_with("Read 36 bytes")
    })
    .await;
    // Once the draft rests the page writes its link to the address, and a hash set while that
    // write is under way is overwritten by it before the page reads the hash (the page then
    // opened the draft's own link: "Opened the cable this link carries (36 bytes)"). So the
    // broken links come after the write.
    wait_for_new_link(&client, &url).await;
    let cli_link = the_cable_commands_link(&url);
    let fragment = cli_link
        .split_once('#')
        .map(|(_, fragment)| fragment.to_string())
        .unwrap_or_default();
    for (broken, expect) in [
        (
            fragment[..fragment.len() / 2].to_string(),
            "This link is incomplete",
        ),
        (
            format!(
                "{}{}{}",
                &fragment[..40],
                if &fragment[40..41] == "A" { "B" } else { "A" },
                &fragment[41..]
            ),
            "This link is damaged",
        ),
        (
            format!("9{}", &fragment[1..]),
            "newer version of cablescope",
        ),
    ] {
        client
            .execute("location.hash = arguments[0];", vec![json!(broken)])
            .await
            .expect("set the hash");
        let notice = wait_for_text(&client, "#notice", |text| text.contains(expect)).await;
        assert!(notice.contains("Your text is unchanged"), "{notice}");
        // Read as it is: a broken link must not take the text area away either.
        let kept = client
            .execute(
                "return document.getElementById('cable-input').value;",
                vec![],
            )
            .await
            .expect("draft");
        assert_eq!(kept, json!(draft));
    }
    // A good link over the draft: the draft can be brought back.
    client
        .execute("location.hash = arguments[0];", vec![json!(fragment)])
        .await
        .expect("set the hash");
    let notice = wait_for_text(&client, "#notice", |text| {
        text.contains("Opened the cable this link carries")
    })
    .await;
    assert!(notice.contains("Undo brings it back"), "{notice}");
    click(&client, "#notice-undo").await;
    wait_for_text(&client, "#parse-time", |text| {
        text.starts_with("Read 36 bytes")
    })
    .await;

    // A broken link in a fresh browser: the sample shows, with the message.
    let fresh = browser(&driver).await;
    fresh
        .goto(&format!("{url}#1.AAAAAAAAAA"))
        .await
        .expect("open a broken link");
    wait_for_text(&fresh, "#notice", |text| text.contains("This link is")).await;
    assert_eq!(text_of(&fresh, "[data-field=canonical-id]").await, SEED_ID);
    // Links fetch nothing but the page's own files (the model's primer among them).
    assert_eq!(foreign_resources(&fresh).await, json!([]));
    let _ = fresh.close().await;
    let _ = client.close().await;
}

/// The frozen format-1 link to the seed (`crates/permalink/tests/frozen.rs`), opened in the page
/// that now makes format-2 links: its primer is fetched, the link worker reads it, and the seed
/// shows with the field the link chose.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_frozen_format_1_link_to_the_seed_still_opens() {
    let frozen = crate::harness::repo::repo_text("crates/permalink/tests/frozen.rs");
    let link = frozen
        .lines()
        .find_map(|line| line.strip_prefix("const SEED: &str = \""))
        .and_then(|rest| rest.strip_suffix("\";"))
        .expect("the frozen format-1 link to the seed");
    assert!(link.starts_with("1."), "{link}");
    let (port, _driver, client) = session().await;
    crate::harness::page::open_in_a_new_document(
        &client,
        &format!("{}#{link}", crate::harness::page::page_url(port)),
    )
    .await;
    wait_for_id(&client, SEED_ID).await;
    crate::harness::page::wait_for_selected(&client, "#field-subject").await;
}

/// A link opened when the link model's files do not load (a failed network, a cache that lost
/// them; here a copy of the page without one of them): the page says the model could not be
/// started and shows the seed, rather than wait; whether the worker's wasm or its start script
/// is missing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_whose_model_does_not_load_says_so() {
    let (_port, _driver, client) = session().await;
    for missing in ["link-worker_bg.wasm", "link-worker-start.js"] {
        let copy = copy_of_dist(&format!("without-{missing}"), Some(missing));
        let url = page_url(serve_static(copy.clone()));
        let link = cable_command_link(&url, "08STATE15220", &["--select", "p-4"]);
        open_in_a_new_document(&client, &link).await;
        let message = wait_for_text(&client, "#notice", |text| {
            text.contains("could not be started")
        })
        .await;
        assert!(
            message.contains("Reload the page") && message.contains("sample cable is shown"),
            "without {missing}: {message}"
        );
        wait_for_id(&client, SEED_ID).await;
        let _ = std::fs::remove_dir_all(&copy);
    }
    let _ = client.close().await;
}
