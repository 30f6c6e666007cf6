//! The decomposition: the seed's header, references, paragraphs and sources as the page shows
//! them, its export, a pasted cable, a cables.csv record, text that is not a cable, and the
//! reading aids. `./x screenshots` takes the README's pictures here too.

use std::path::Path;

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::harness::actions::{click, paste};
use crate::harness::browser::{browser, resize, session, Driver, TALL_WINDOW};
use crate::harness::page::{foreign_resources, open_seed, page_url};
use crate::harness::repo::{corpus_cable, repo_text, SEED_ID};
use crate::harness::waits::{
    text_of, wait_for_attr, wait_for_download, wait_for_id, wait_for_text,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_decomposes_the_seed_then_a_pasted_cable() {
    let (port, driver, client) = session().await;
    open_seed(&client, port).await;
    // As a reader first sees the seed, and again once source snippets are open: their lines
    // are wider than a phone, and scroll within the snippet rather than widen the page.
    nothing_is_wider_than_a_phone(&client).await;
    the_seed_header_is_decomposed(&client).await;
    the_export_is_the_whole_decomposition(&client, &driver).await;
    the_seed_references_are_decomposed(&client).await;
    the_seed_paragraphs_are_decomposed(&client).await;
    each_part_shows_its_source(&client).await;
    nothing_is_wider_than_a_phone(&client).await;
    a_pasted_cable_is_decomposed(&client).await;
    a_cables_csv_record_is_read_as_one(&client).await;
    text_that_is_not_a_cable_gets_a_message(&client).await;
    reading_aids_show_what_was_meant_and_what_was_written(&client).await;
    // After all of that, the page asked for nothing but its own files.
    assert_eq!(
        foreign_resources(&client).await,
        json!([]),
        "requests beyond the page's own files"
    );
    // `./x screenshots` sets this: the README's pictures, taken from the real page.
    if let Ok(folder) = std::env::var("CABLESCOPE_SCREENSHOTS") {
        take_the_readme_screenshots(&driver, port, Path::new(&folder)).await;
    }
    let _ = client.close().await;
}

/// The seed's header: date, banners, transmission details, addressees, TAGS with their
/// glossary meanings, subject and classification authority.
async fn the_seed_header_is_decomposed(client: &Client) {
    // UTC as written, then the reader's own time (the test browser's zone is UTC).
    let date_time = text_of(client, "[data-field=date-time]").await;
    assert!(
        date_time.starts_with("2008-03-14 14:23Z · your time: "),
        "{date_time}"
    );
    assert_eq!(text_of(client, "#banner-top").await, "CONFIDENTIAL//NOFORN");
    assert_eq!(
        text_of(client, "#banner-bottom").await,
        "CONFIDENTIAL//NOFORN"
    );
    // Transmission details are folded away, and explained when opened.
    click(client, "#transmission summary").await;
    let transmission = wait_for_text(client, "#transmission dl", |text| !text.is_empty()).await;
    assert!(
        transmission.contains("sent from station RUEHOT (AMEMBASSY OTTAWA)"),
        "{transmission}"
    );
    assert_eq!(
        text_of(client, "[data-field=from]").await,
        "AMEMBASSY OTTAWA"
    );
    assert_eq!(
        text_of(client, "[data-field=classification]").await,
        "CONFIDENTIAL"
    );
    assert!(text_of(client, "[data-field=to]")
        .await
        .contains("SECSTATE WASHDC"));
    assert!(text_of(client, "[data-field=info]")
        .await
        .contains("USMISSION USUN NEW YORK"));
    let caveats = text_of(client, "[data-field=caveats]").await;
    assert!(
        caveats.contains("NOFORN") && caveats.contains("SIPDIS"),
        "{caveats}"
    );
    assert_eq!(
        texts_of_all(client, "[data-field=tags] .tag").await,
        ["PARM", "PREL", "NATO", "MOPS", "CA"]
    );
    assert_eq!(
        text_of(client, "[data-field=subject]").await,
        "CANADA: DISCORD OVER OSLO PROCESS AND NATO INTEROPERABILITY"
    );
    // Each TAGS chip has the glossary's meaning beside it.
    assert_eq!(
        text_of(client, "[data-field=tags] li:nth-child(2)").await,
        "PREL Political Affairs--External Political Relations"
    );
    let classified_by = text_of(client, "[data-field=classified-by]").await;
    assert!(
        classified_by.contains("name: Scott Bellard") && classified_by.contains("1.4(b), 1.4(d)"),
        "{classified_by}"
    );
}

/// The texts of every element at `css`, in order (all there are now: call it once they are in).
async fn texts_of_all(client: &Client, css: &str) -> Vec<String> {
    let mut texts = Vec::new();
    for element in client
        .find_all(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("{css}: {error}"))
    {
        texts.push(element.text().await.expect("an element's text"));
    }
    texts
}

/// Export: the JSON file is the whole decomposition, in the CLI's shape; the reading text is
/// copied with a notice.
async fn the_export_is_the_whole_decomposition(client: &Client, driver: &Driver) {
    click(client, "#export-json").await;
    let saved = wait_for_download(&driver.downloads().join("08OTTAWA372.json")).await;
    let exported: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
    assert_eq!(exported["cable"]["canonical_id"]["value"], "08OTTAWA372");
    assert_eq!(
        exported["cable"]["paragraphs"].as_array().map(Vec::len),
        Some(7)
    );
    assert_eq!(exported["cable"]["signature"]["value"], "BREESE");
    click(client, "#copy-text").await;
    wait_for_text(client, "#notice", |text| {
        text.contains("Copied the reading text")
    })
    .await;
}

/// References: letter, kind, original text, canonical ID and its public page.
async fn the_seed_references_are_decomposed(client: &Client) {
    for (letter, kind, written, id) in [
        ("A", "cable", "STATE 24735", "08STATE24735"),
        ("B", "e-mail", "E-MAIL BAKER-MATTEI MARCH 7", ""),
        ("C", "fax", "FAX MATTEI-PICO MARCH 13", ""),
        ("D", "cable", "OTTAWA 258", "08OTTAWA258"),
        ("E", "cable", "07 STATE 164503", "07STATE164503"),
    ] {
        let row = format!("#ref-{letter}");
        assert_eq!(
            text_of(client, &format!("{row} .reference-kind")).await,
            kind
        );
        assert_eq!(
            text_of(client, &format!("{row} .reference-text")).await,
            written
        );
        let found = text_of(client, &format!("{row} .reference-id")).await;
        if id.is_empty() {
            assert_eq!(found, "");
        } else {
            // The ID, and a link to its public page that opens in a new tab, no referrer.
            assert_eq!(text_of(client, &format!("{row} .cited-id")).await, id);
            let link = client
                .find(Locator::Css(&format!("{row} a.cited-link")))
                .await
                .expect("PlusD link");
            assert_eq!(
                link.attr("href").await.expect("href").as_deref(),
                Some(format!("https://search.wikileaks.org/plusd/cables/{id}_a.html").as_str())
            );
            assert_eq!(
                link.attr("rel").await.expect("rel").as_deref(),
                Some("noopener noreferrer")
            );
        }
    }
}

/// Paragraphs 1–7 with their markings (14–17 were pilcrow debris), and the structure issue 4
/// added: summary and comment set apart, the marking explained, the garble in paragraph 4
/// struck through, the signer, and paragraph 6 whole again across the page break.
async fn the_seed_paragraphs_are_decomposed(client: &Client) {
    assert_eq!(
        texts_of_all(client, ".paragraph-number").await,
        ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    );
    assert_eq!(text_of(client, "#p-6 .marking").await, "(C)");
    assert_eq!(text_of(client, "#p-4 .marking").await, "(C/NF)");
    assert!(text_of(client, "#p-1 .paragraph-text")
        .await
        .starts_with("Summary: Embassy discussions"));
    // Shown in capitals by the style sheet.
    let role =
        |selector: &'static str| async move { text_of(client, selector).await.to_lowercase() };
    assert_eq!(role("#p-1 .paragraph-role").await, "summary");
    assert_eq!(role("#p-7 .paragraph-role").await, "comment");
    let marking_title = client
        .find(Locator::Css("#p-4 .marking"))
        .await
        .expect("marking")
        .attr("title")
        .await
        .expect("title");
    assert_eq!(
        marking_title.as_deref(),
        Some("Portion marking: CONFIDENTIAL, NOFORN")
    );
    assert!(text_of(client, "#p-4 del.aid-garble")
        .await
        .starts_with("Qpolicy, Turcotte responded"));
    assert_eq!(
        text_of(client, "#paragraphs .signature strong").await,
        "BREESE"
    );
    // Where the page break was, paragraph 6 shows a discreet mark.
    client
        .find(Locator::Css("#p-6 .page-break-mark"))
        .await
        .expect("the page-break mark in paragraph 6");
    let sixth = text_of(client, "#p-6 .paragraph-text").await;
    assert!(
        sixth.contains("he would like to discuss with U.S. experts"),
        "{sixth}"
    );
}

/// Each part's source snippet opens beside it: paragraph 6's shows the page break, the
/// header's and the references' their own lines.
async fn each_part_shows_its_source(client: &Client) {
    for (part, expected) in [
        ("#p-6 details.source", "OTTAWA 00000372 002 OF 002"),
        ("#header > details.source", "SUBJECT:"),
        ("#references > details.source", "REF:"),
    ] {
        click(client, &format!("{part} summary")).await;
        let source = wait_for_text(client, &format!("{part} .source-text"), |text| {
            !text.is_empty()
        })
        .await;
        assert!(source.contains(expected), "{part}: {source}");
    }
}

/// A 360-pixel phone: nothing wider than the screen.
async fn nothing_is_wider_than_a_phone(client: &Client) {
    resize(client, (360, 800)).await;
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .expect("widths");
    assert!(overflow.as_i64().unwrap_or(1) <= 0, "{overflow}");
    resize(client, TALL_WINDOW).await;
}

/// Another real cable pasted: its ID, classification and first paragraph appear.
async fn a_pasted_cable_is_decomposed(client: &Client) {
    paste(client, &corpus_cable("08BERLIN1387")).await;
    wait_for_id(client, "08BERLIN1387").await;
    assert_eq!(
        text_of(client, "[data-field=classification]").await,
        "CONFIDENTIAL"
    );
    let first = text_of(client, "#p-1 .paragraph-text").await;
    assert!(
        first.starts_with("SUMMARY: The Bundestag is expected to approve on October 16"),
        "{first}"
    );
}

/// A cables.csv record is read as such and gives the same cable.
async fn a_cables_csv_record_is_read_as_one(client: &Client) {
    paste(
        client,
        &repo_text("corpus/variants/03OTTAWA202__cablescsv__row.csv"),
    )
    .await;
    wait_for_text(client, "#input-form", |text| {
        text.contains("cables.csv record")
    })
    .await;
    wait_for_text(client, "[data-field=subject]", |text| {
        text == "CANADA: ARF STATEMENT SHOULD REFLECT CONSENSUS"
    })
    .await;
}

/// Text that is not a cable gets a message, not a blank page; so does no text.
async fn text_that_is_not_a_cable_gets_a_message(client: &Client) {
    paste(client, "Dear colleague, here are my notes from Tuesday.").await;
    let message = text_of(client, "#status-message").await;
    assert!(message.contains("does not look like a cable"), "{message}");
    paste(client, "").await;
    let message = wait_for_text(client, "#status-message", |text| text.contains("empty")).await;
    assert!(message.contains("Paste the raw text"), "{message}");
}

/// Reading aids: an apostrophe typed as a comma reads as one, a redaction says so; the raw form
/// is one toggle away. Any header row can be copied on its own.
async fn reading_aids_show_what_was_meant_and_what_was_written(client: &Client) {
    paste(
        client,
        "UNCLASSIFIED STATE 000123\n\nSUBJECT: A TEST OF THE POST,S VIEW\n\n1. (U) The post,s view, said XXXXXXXXXXXX.\n",
    )
    .await;
    wait_for_text(client, "#p-1 .aid-apostrophe", |text| text == "post's").await;
    assert_eq!(text_of(client, "#p-1 .aid-redaction").await, "[redacted]");
    click(client, "#toggle-written").await;
    wait_for_text(client, "#p-1 .aid-apostrophe", |text| text == "post,s").await;
    assert_eq!(text_of(client, "#p-1 .aid-redaction").await, "XXXXXXXXXXXX");
    click(client, "#field-subject .copy-field").await;
    wait_for_text(client, "#notice", |text| text.contains("Copied Subject")).await;
}

/// The README's pictures (light, dark, phone), in a first visit's page: a fresh profile, so
/// that no draft of the test's own pastes is restored.
async fn take_the_readme_screenshots(driver: &Driver, port: u16, folder: &Path) {
    let client = browser(driver).await;
    for (name, theme, width, height) in [
        ("screenshot-light.png", "light", 1280, 1500),
        ("screenshot-dark.png", "dark", 1280, 1500),
        ("screenshot-phone.png", "light", 390, 1400),
    ] {
        resize(&client, (width, height)).await;
        client.goto(&page_url(port)).await.expect("reload");
        client
            .execute(
                "localStorage.setItem('cablescope-theme', arguments[0]); location.reload();",
                vec![json!(theme)],
            )
            .await
            .expect("theme");
        wait_for_attr(&client, "html", "data-theme", |found| found == theme).await;
        wait_for_id(&client, SEED_ID).await;
        let png = client.screenshot().await.expect("screenshot");
        std::fs::write(folder.join(name), png).expect("write screenshot");
    }
    let _ = client.close().await;
}
