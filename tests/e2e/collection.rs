//! The collection page: a `cables.csv` made from the corpus opened, read with progress, kept
//! across a reload, filtered by each facet, searched for words, phrases and IDs, references
//! followed both ways and on the citation map, exported, handed to the viewer, shared with a
//! colleague, and forgotten; bad files refused without losing what is kept. The page's answers
//! are checked against the same records indexed natively (`harness::collection`).

use collection::{Facet, Filter, Index, Order, Query};
use fantoccini::{Client, Locator};

use crate::harness::actions::{choose_files_in, click, click_by_text, run_script};
use crate::harness::browser::{browser, resize, session, TALL_WINDOW};
use crate::harness::collection::{corpus_collection, Fixture};
use crate::harness::page::{address, page_url};
use crate::harness::waits::{
    poll_until, text_of, wait_for_element, wait_for_id, wait_for_script, wait_for_text,
};

fn collection_url(port: u16) -> String {
    format!("{}collection.html", page_url(port))
}

fn scratch(label: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "cablescope-collection-{label}-{}",
        std::process::id()
    ))
}

/// "12,345" as a number.
fn number(text: &str) -> usize {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(usize::MAX)
}

/// The count the page shows: "N of M cables".
async fn shown_count(client: &Client) -> (usize, usize) {
    let text = text_of(client, "#collection-count").await;
    let (shown, of) = text.split_once(" of ").unwrap_or(("", ""));
    (number(shown), number(of))
}

async fn wait_for_count(client: &Client, expected: usize, total: usize) {
    let wanted = format!("{} of {} cables", group(expected), group(total));
    wait_for_text(client, "#collection-count", |text| text == wanted).await;
}

fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (idx, ch) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Opens the collection page, with no collection in it yet.
async fn open_empty_page(client: &Client, port: u16) {
    client
        .goto(&collection_url(port))
        .await
        .expect("open the collection page");
    wait_for_element(client, "#open-file").await;
}

/// Forgets the collection and finds nothing kept, after a reload too.
async fn forget_and_find_nothing(client: &Client) {
    click(client, "#forget").await;
    wait_for_element(client, "#open-file").await;
    client.refresh().await.expect("reload");
    wait_for_element(client, "#open-file").await;
}

/// Opens the collection page and reads `file` into it, checking that progress was shown.
async fn open_collection(client: &Client, port: u16, file: &std::path::Path, fixture: &Fixture) {
    open_empty_page(client, port).await;
    run_script(
        client,
        "watch for the progress bar",
        "window.sawProgress = false;\
         new MutationObserver(() => { if (document.getElementById('reading-progress')) window.sawProgress = true; })\
           .observe(document.body, { childList: true, subtree: true });",
    )
    .await;
    choose_files_in(client, "#open-file", &[file.to_path_buf()]).await;
    wait_for_count(client, fixture.n_records, fixture.n_records).await;
    let saw = client
        .execute("return window.sawProgress;", vec![])
        .await
        .expect("progress");
    assert_eq!(
        saw,
        serde_json::json!(true),
        "no progress bar was shown while reading"
    );
}

/// Types `text` over what the search box holds, as a reader does: all of it selected
/// (Control+A), then the keys. (WebDriver's clear empties the box without an input event, which
/// the page never sees from a reader.)
async fn replace_search(client: &Client, text: &str) {
    let search = client
        .find(Locator::Id("collection-search"))
        .await
        .expect("search box");
    search
        .send_keys(&format!("\u{E009}a\u{E009}{text}"))
        .await
        .expect("type a search");
}

/// The cables passing `filter` and `text`, natively.
fn native_count(index: &Index, text: &str, filter: Filter) -> usize {
    index
        .search(&Query {
            text: text.to_string(),
            filter,
            order: Order::Relevance,
            limit: 0,
            year: None,
        })
        .n_matches
}

/// A cable of the fixture that cites another cable of it, and that one.
fn cable_citing_another(index: &Index) -> (String, String) {
    (0..index.len() as u32)
        .find_map(|doc| {
            let id = index.entry(doc)?.id.clone()?;
            let cited = index
                .cites(doc)
                .into_iter()
                .find(|cited| cited.doc.is_some() && cited.id != id)?;
            Some((id, cited.id))
        })
        .expect("a corpus cable that cites another corpus cable")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_collection_is_read_kept_browsed_searched_and_followed() {
    let folder = scratch("read");
    let fixture = corpus_collection(&folder);
    let (port, driver, client) = session().await;
    open_collection(&client, port, &fixture.gz, &fixture).await;
    // The broken rows are reported by line, and every record around them was read.
    let notice = text_of(&client, "#collection-notice").await;
    assert!(
        notice.contains(&format!(
            "{} line(s) that are no cables.csv record",
            fixture.n_broken_lines
        )),
        "{notice}"
    );

    // Kept: a reload finds the collection without the file.
    client.refresh().await.expect("reload");
    wait_for_count(&client, fixture.n_records, fixture.n_records).await;
    wait_for_text(&client, "#space-used", |text| {
        text.contains("The browser keeps")
    })
    .await;

    // A new filter shows its first cables, however far the list was scrolled.
    run_script(
        &client,
        "scroll the list",
        "const list = document.getElementById('cable-list'); list.scrollTop = 2000; list.dispatchEvent(new Event('scroll'));",
    )
    .await;
    click(&client, "#facet-classification input").await;
    wait_for_script(
        &client,
        "return document.getElementById('cable-list').scrollTop;",
        serde_json::json!(0),
    )
    .await;
    wait_for_element(&client, ".cable-row[style=\"top:0px\"]").await;
    click(&client, "#facet-classification input").await;
    wait_for_count(&client, fixture.n_records, fixture.n_records).await;

    // Each facet filters as the native index does.
    for facet in [
        Facet::Classification,
        Facet::Caveat,
        Facet::Origin,
        Facet::Tag,
        Facet::Precedence,
    ] {
        let counts = fixture.index.facet_counts(&Filter::none(), None);
        let Some((value, n)) = counts
            .iter()
            .find(|c| c.facet == facet)
            .and_then(|c| c.counts.iter().max_by_key(|(_, n)| *n))
            .cloned()
        else {
            continue;
        };
        let checkbox = format!("#facet-{} input[data-value=\"{value}\"]", facet.name());
        click(&client, &checkbox).await;
        wait_for_count(&client, n as usize, fixture.n_records).await;
        click(&client, &checkbox).await;
        wait_for_count(&client, fixture.n_records, fixture.n_records).await;
    }
    // A year on the histogram, then the years around it brushed.
    let years = fixture.index.facet_counts(&Filter::none(), None);
    let years = &years
        .iter()
        .find(|c| c.facet == Facet::Year)
        .expect("years")
        .counts;
    let (year, n_year) = years
        .iter()
        .max_by_key(|(_, n)| *n)
        .cloned()
        .expect("a year");
    click(&client, &format!("#facet-year .bar[data-value=\"{year}\"]")).await;
    wait_for_count(&client, n_year as usize, fixture.n_records).await;
    wait_for_element(&client, "#facet-month .bar").await;
    click(&client, ".clear-filter").await;
    wait_for_count(&client, fixture.n_records, fixture.n_records).await;

    // Words and a phrase, counted as natively.
    for query in ["embassy", "\"prime minister\"", "nuclear iran"] {
        let expected = native_count(&fixture.index, query, Filter::none());
        replace_search(&client, query).await;
        wait_for_count(&client, expected, fixture.n_records).await;
    }
    // An ID typed, as cables write it, opens its cable.
    let (citing, cited) = cable_citing_another(&fixture.index);
    let serial_at = citing.len() - citing.bytes().rev().take_while(u8::is_ascii_digit).count();
    let spaced = format!(
        "{} {} {}",
        &citing[..2],
        &citing[2..serial_at],
        &citing[serial_at..]
    );
    replace_search(&client, &spaced).await;
    wait_for_text(&client, "#cable-title", |title| title == citing).await;
    wait_for_element(&client, "#excerpt").await;

    // Its reference, followed; and back by "cited by".
    click_by_text(&client, "#cites .link-button", &cited).await;
    wait_for_text(&client, "#cable-title", |title| title == cited).await;
    let cited_by = text_of(&client, "#cited-by").await;
    assert!(
        cited_by.contains(&citing),
        "{cited} is cited by {citing}: {cited_by}"
    );
    // The citation map's nodes are links; the citing cable's node opens it.
    wait_for_element(&client, &format!("#citation-map a[data-id=\"{citing}\"]")).await;
    click(&client, &format!("#citation-map a[data-id=\"{citing}\"]")).await;
    wait_for_text(&client, "#cable-title", |title| title == citing).await;
    assert!(address(&client).await.contains(&format!("cable={citing}")));
    if let Ok(folder) = std::env::var("CABLESCOPE_SCREENSHOTS") {
        // The README's picture of the collection page, a laptop's window wide.
        resize(&client, (1440, 1000)).await;
        let png = client.screenshot().await.expect("a screenshot");
        std::fs::write(
            std::path::Path::new(&folder).join("screenshot-collection.png"),
            png,
        )
        .expect("write the screenshot");
        resize(&client, TALL_WINDOW).await;
    }

    // Exported: the cables shown, as CSV rows.
    click(&client, "#export-csv").await;
    let exported = driver.downloads().join("cables-parsed.csv");
    let csv = poll_until(async || std::fs::read_to_string(&exported))
        .await
        .expect("the export is downloaded");
    assert!(csv.starts_with("id,"), "{}", &csv[..csv.len().min(200)]);
    // And as JSON Lines: a line a cable shown (every cable: the search is an ID), each JSON.
    let (shown, _) = shown_count(&client).await;
    click(&client, "#export-jsonl").await;
    let exported = driver.downloads().join("cables.jsonl");
    let lines = poll_until(async || std::fs::read_to_string(&exported))
        .await
        .expect("the export is downloaded");
    let rows: Vec<serde_json::Value> = lines
        .lines()
        .map(|line| serde_json::from_str(line).expect("a line of JSON"))
        .collect();
    assert_eq!(rows.len(), shown);
    assert!(rows
        .iter()
        .any(|row| row["id"] == serde_json::json!(citing)));

    // Handed to the viewer exactly as if pasted.
    wait_for_element(&client, "#excerpt").await;
    click(&client, "#open-in-viewer").await;
    wait_for_id(&client, &citing).await;
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("from your collection"), "{notice}");

    // The single-cable page links back; the collection is still there.
    click(&client, "#collection-link").await;
    wait_for_count(&client, fixture.n_records, fixture.n_records).await;
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_search_shows_the_same_and_a_fresh_browser_is_told_which_cable() {
    let folder = scratch("share");
    let fixture = corpus_collection(&folder);
    let (port, driver, client) = session().await;
    open_collection(&client, port, &fixture.csv, &fixture).await;
    let (citing, _) = cable_citing_another(&fixture.index);
    let search = client
        .find(Locator::Id("collection-search"))
        .await
        .expect("search box");
    search.send_keys("embassy").await.expect("type a search");
    let expected = native_count(&fixture.index, "embassy", Filter::none());
    wait_for_count(&client, expected, fixture.n_records).await;
    let row = client
        .find(Locator::Css(".cable-row"))
        .await
        .expect("a row");
    row.click().await.expect("choose a cable");
    wait_for_element(&client, "#cable-panel h2").await;
    let link = address(&client).await;
    assert!(link.contains("q=embassy"), "{link}");

    // The same browser, the link opened anew: the same view.
    client.goto("about:blank").await.expect("leave");
    client.goto(&link).await.expect("open the link");
    wait_for_count(&client, expected, fixture.n_records).await;
    let title = text_of(&client, "#cable-title").await;
    assert!(!title.is_empty());

    // A colleague without the collection: told which cable, and given its public page.
    let colleague = browser(&driver).await;
    let link_to_cable = format!("{}#cable={citing}", collection_url(port));
    colleague.goto(&link_to_cable).await.expect("open the link");
    let arrived = text_of(&colleague, "#arrived").await;
    assert!(arrived.contains(&citing), "{arrived}");
    let plusd = colleague
        .find(Locator::Css("#arrived a"))
        .await
        .expect("a link to the public page")
        .attr("href")
        .await
        .expect("href")
        .unwrap_or_default();
    assert_eq!(
        plusd,
        format!("https://search.wikileaks.org/plusd/cables/{citing}_a.html")
    );
    // Opening the collection then shows the cable the link names.
    choose_files_in(&colleague, "#open-file", std::slice::from_ref(&fixture.csv)).await;
    wait_for_text(&colleague, "#cable-title", |title| title == citing).await;
    let _ = colleague.close().await;
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_files_are_refused_and_lose_nothing_kept_and_forget_forgets() {
    let folder = scratch("bad");
    let fixture = corpus_collection(&folder);
    let (port, _driver, client) = session().await;
    open_collection(&client, port, &fixture.csv, &fixture).await;

    // A binary file, a CSV of another shape, a gzipped file cut short.
    let binary = folder.join("picture.csv");
    std::fs::write(
        &binary,
        (0..4096u32)
            .map(|n| (n * 7 % 256) as u8)
            .collect::<Vec<u8>>(),
    )
    .expect("write");
    let other = folder.join("people.csv");
    std::fs::write(&other, "name,age\nAda,36\nGrace,45\n").expect("write");
    let cut = folder.join("cut.csv.gz");
    let gz = std::fs::read(&fixture.gz).expect("read the gzip");
    std::fs::write(&cut, &gz[..gz.len() / 2]).expect("write");
    for (file, says) in [
        (&binary, "is not a cables.csv"),
        (&other, "is not a cables.csv"),
    ] {
        choose_files_in(&client, "#open-another", std::slice::from_ref(file)).await;
        wait_for_text(&client, "#collection-notice", |text| text.contains(says)).await;
        wait_for_count(&client, fixture.n_records, fixture.n_records).await;
        click(&client, "#collection-notice .button").await;
    }
    choose_files_in(&client, "#open-another", std::slice::from_ref(&cut)).await;
    let notice = wait_for_text(&client, "#collection-notice", |text| {
        text.contains("could not be read to its end")
    })
    .await;
    assert!(notice.contains("kept"), "{notice}");
    // What the cut file gave is the collection now, marked as read in part.
    client.refresh().await.expect("reload");
    wait_for_element(&client, ".half-read").await;
    let (shown, total) = shown_count(&client).await;
    assert!(
        shown == total && total < fixture.n_records,
        "{shown} of {total}"
    );
    // The rest, read from the whole file (the cut file's name and size differ: refused).
    choose_files_in(&client, "#resume-file", std::slice::from_ref(&fixture.gz)).await;
    wait_for_text(&client, "#collection-notice", |text| {
        text.contains("is not the file")
    })
    .await;

    // Forgotten: nothing is kept, after a reload too.
    forget_and_find_nothing(&client).await;
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loose_cable_files_make_a_collection_that_a_full_disk_does_not_lose() {
    let folder = scratch("loose");
    let fixture = corpus_collection(&folder);
    let (port, _driver, client) = session().await;
    open_empty_page(&client, port).await;
    // Five cable files chosen at once: a cable each.
    let files: Vec<std::path::PathBuf> = [
        "08OTTAWA372",
        "09BERLIN1167",
        "79TEHRAN11260",
        "66BUENOSAIRES2481",
        "09HAVANA132",
    ]
    .iter()
    .map(|id| crate::harness::repo::repo().join(format!("corpus/cables/{id}.txt")))
    .filter(|path| path.is_file())
    .collect();
    choose_files_in(&client, "#open-file", &files).await;
    wait_for_count(&client, files.len(), files.len()).await;
    let search = client
        .find(Locator::Id("collection-search"))
        .await
        .expect("search box");
    search
        .send_keys("09 BERLIN 1167")
        .await
        .expect("type an ID");
    wait_for_text(&client, "#cable-title", |title| title == "09BERLIN1167").await;

    // The page's share of the disk made smaller than the next collection: reading it stops
    // with a message, and the collection kept before is still the collection, after a reload.
    let usage = client
        .execute_async(
            "const [done] = arguments; navigator.storage.estimate().then((e) => done(e.usage));",
            vec![],
        )
        .await
        .expect("usage")
        .as_f64()
        .unwrap_or(0.0);
    client
        .issue_cmd(crate::harness::browser::devtools(
            "Storage.overrideQuotaForOrigin",
            serde_json::json!({ "origin": format!("http://127.0.0.1:{port}"), "quotaSize": usage + 100_000.0 }),
        ))
        .await
        .expect("a smaller quota");
    choose_files_in(&client, "#open-another", std::slice::from_ref(&fixture.csv)).await;
    wait_for_text(&client, "#collection-notice", |text| {
        text.contains("storage for this page is full")
    })
    .await;
    wait_for_count(&client, files.len(), files.len()).await;
    client.refresh().await.expect("reload");
    wait_for_count(&client, files.len(), files.len()).await;
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_origin_private_file_system_the_collection_is_kept_in_indexeddb() {
    let folder = scratch("indexeddb");
    let fixture = corpus_collection(&folder);
    let (port, _driver, client) = session().await;
    // A browser without the origin-private file system, as older ones are: hidden from every
    // document of the session before its scripts run.
    client
        .issue_cmd(crate::harness::browser::devtools(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": "delete StorageManager.prototype.getDirectory;" }),
        ))
        .await
        .expect("hide the origin-private file system");
    open_collection(&client, port, &fixture.csv, &fixture).await;
    client.refresh().await.expect("reload");
    wait_for_count(&client, fixture.n_records, fixture.n_records).await;
    let opfs = client
        .execute("return 'getDirectory' in navigator.storage;", vec![])
        .await
        .expect("the storage's methods");
    assert_eq!(opfs, serde_json::json!(false));
    wait_for_text(&client, "#space-used", |text| text.contains("in IndexedDB")).await;
    // Its texts are read back from there.
    replace_search(&client, "embassy").await;
    let expected = native_count(&fixture.index, "embassy", Filter::none());
    wait_for_count(&client, expected, fixture.n_records).await;
    wait_for_element(&client, ".row-snippet mark").await;
    click(&client, ".cable-row").await;
    wait_for_element(&client, "#excerpt mark").await;
    // Forgotten there too.
    forget_and_find_nothing(&client).await;
    let _ = std::fs::remove_dir_all(folder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_stopped_part_way_is_kept_and_resumed_from_the_same_file() {
    let folder = scratch("resume");
    let fixture = corpus_collection(&folder);
    // The corpus collection's records eighty times over (about 140 MB, without the record cut
    // short at its end), so that the read takes seconds and can be stopped part way.
    let text = std::fs::read_to_string(&fixture.csv).expect("the collection");
    let records = &text[..text.rfind("\"99999\"").expect("the record cut short")];
    let big = folder.join("cables-eighty.csv");
    std::fs::write(&big, records.repeat(80)).expect("write the large file");
    let total = 80 * fixture.n_records;

    let (port, _driver, client) = session().await;
    open_empty_page(&client, port).await;
    choose_files_in(&client, "#open-file", std::slice::from_ref(&big)).await;
    // Stopped once some cables are kept.
    wait_for_text(&client, ".reading-figures", |text| {
        text.split(' ')
            .next()
            .is_some_and(|n| number(n) > 0 && number(n) != usize::MAX)
    })
    .await;
    click(&client, "#cancel-reading").await;
    wait_for_element(&client, ".half-read").await;
    let (kept, of) = shown_count(&client).await;
    assert!(
        kept == of && kept > 0 && kept < total,
        "{kept} of {of}, {total} in the file"
    );
    // Kept, and said to be read in part, after a reload.
    client.refresh().await.expect("reload");
    wait_for_element(&client, ".half-read").await;
    wait_for_count(&client, kept, kept).await;
    // The rest, from the same file: every cable once.
    choose_files_in(&client, "#resume-file", std::slice::from_ref(&big)).await;
    wait_for_count(&client, total, total).await;
    client.refresh().await.expect("reload");
    wait_for_count(&client, total, total).await;
    assert!(client.find(Locator::Css(".half-read")).await.is_err());
    let _ = std::fs::remove_dir_all(folder);
}
