//! Hostile input: cables with markup, script, `javascript:` and `data:` addresses in every field
//! (`tests/hostile/`), as text, HTML, CSV and a link. Nothing runs, nothing but the page's own
//! files is fetched, and the CSP is enforced.

use std::path::PathBuf;

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::harness::actions::{choose_files, click, click_by_text, paste, run_script, show_editor};
use crate::harness::browser::{browser_log, session};
use crate::harness::page::{
    address, foreign_resources, open_in_a_new_document, open_seed, wait_for_new_link,
};
use crate::harness::repo::{dist, repo};
use crate::harness::server::requests;
use crate::harness::waits::{console_lines, text_of, wait_for_text};

/// What the page would show if anything it was given had run or reached out: the flag every
/// hostile payload sets, inline handlers, elements that load or run things, and every link's
/// address.
const EXPOSURE: &str = "return {
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  handlers: [...document.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => el.tagName + ' ' + a.name)),
  active: [...document.querySelectorAll('iframe, object, embed, img, form, base, svg, video, audio, link[href*=\"evil\"], meta[http-equiv=\"refresh\"]')].map((el) => el.outerHTML.slice(0, 80)),
  scripts: [...document.scripts].map((s) => s.getAttribute('src')),
  hrefs: [...document.querySelectorAll('[href]')].filter((el) => el.tagName !== 'LINK').map((el) => el.getAttribute('href')),
  srcs: [...document.querySelectorAll('[src], [srcdoc], [action], [formaction]')].filter((el) => el.tagName !== 'SCRIPT').map((el) => el.outerHTML.slice(0, 80)),
};";

/// Checks that nothing hostile ran or was built into the page (see `EXPOSURE`).
async fn assert_unexposed(client: &Client, what: &str) {
    let found = client.execute(EXPOSURE, vec![]).await.expect("exposure");
    assert_eq!(
        found["pwned"],
        json!(null),
        "{what}: a payload ran: {found}"
    );
    assert_eq!(
        found["handlers"],
        json!([]),
        "{what}: inline handlers: {found}"
    );
    assert_eq!(
        found["active"],
        json!([]),
        "{what}: active elements: {found}"
    );
    assert_eq!(found["srcs"], json!([]), "{what}: sources: {found}");
    assert_eq!(
        found["scripts"],
        json!(["boot.js", "/start.js"]),
        "{what}: scripts: {found}"
    );
    for href in found["hrefs"].as_array().into_iter().flatten() {
        let href = href.as_str().unwrap_or_default();
        let plusd = href.strip_prefix("https://search.wikileaks.org/plusd/cables/");
        let plusd_ok = plusd.is_some_and(|rest| {
            rest.strip_suffix("_a.html")
                .is_some_and(|id| !id.is_empty() && id.chars().all(|ch| ch.is_ascii_alphanumeric()))
        });
        let anchor_ok = href.starts_with('#')
            && href[1..]
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '.');
        // The page's own collection page, in its header.
        let own_page = href == "collection.html";
        assert!(
            plusd_ok || anchor_ok || own_page,
            "{what}: a link to {href:?}"
        );
    }
    assert!(
        client.get_alert_text().await.is_err(),
        "{what}: a dialog opened"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_never_runs() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    assert_unexposed(&client, "the seed").await;
    hostile_files_run_nothing_with_every_fold_open(&client).await;
    a_pasted_hostile_cable_and_its_link_run_nothing(&client).await;
    nothing_but_the_page_was_fetched_or_refused(&client, port).await;
    the_csp_is_enforced(&client).await;
    let _ = client.close().await;
}

/// The hostile files, chosen at once through the picker, then each shown in turn with every
/// fold open: transmission details, notes, source view. The one with a NUL byte is refused.
async fn hostile_files_run_nothing_with_every_fold_open(client: &Client) {
    let files = [
        "all-fields.txt",
        "saved-page.html",
        "cables-row.csv",
        "nul-byte.txt",
    ];
    let paths: Vec<PathBuf> = files.iter().map(|name| hostile_file(name)).collect();
    choose_files(client, &paths).await;
    wait_for_text(client, "#opened-files", |text| {
        files[..3].iter().all(|name| text.contains(name))
    })
    .await;
    let notice = text_of(client, "#notice").await;
    assert!(
        notice.contains("nul-byte.txt") && notice.contains("binary"),
        "{notice}"
    );
    for (name, subject) in [
        ("all-fields.txt", "JAVASCRIPT:window.__pwned"),
        ("saved-page.html", "<img src=x onerror="),
        ("cables-row.csv", "CSV"),
    ] {
        click_by_text(client, "#opened-files button", name).await;
        wait_for_text(client, "[data-field=subject]", |text| {
            text.contains(subject)
        })
        .await;
        // Every fold open: transmission details, notes, each element's source lines.
        run_script(
            client,
            "open the folds",
            "document.querySelectorAll('details').forEach((d) => { d.open = true; });",
        )
        .await;
        click(client, "#show-source").await;
        wait_for_text(client, "#source-pane", |text| text.contains("__pwned")).await;
        // Select every reference, so each is rendered selected and highlighted in the source.
        let references = client
            .find_all(Locator::Css("[id^=ref-] .reference-letter"))
            .await
            .unwrap_or_default();
        for reference in references {
            let _ = reference.click().await;
        }
        assert_unexposed(client, name).await;
        show_editor(client).await;
    }
}

/// The file `name` of `tests/hostile/`.
fn hostile_file(name: &str) -> PathBuf {
    repo().join("tests/hostile").join(name)
}

/// Pasted, with its external addresses and NUL bytes: still nothing runs. Then a link to it
/// (the address follows the view), opened afresh: the same.
async fn a_pasted_hostile_cable_and_its_link_run_nothing(client: &Client) {
    let hostile = std::fs::read_to_string(hostile_file("all-fields.txt"))
        .expect("hostile cable")
        .replace("zero widths:", "NUL bytes: [\0\0]; zero widths:");
    let before = address(client).await;
    paste(client, &hostile).await;
    wait_for_text(client, "[data-field=subject]", |text| {
        text.contains("JAVASCRIPT:")
    })
    .await;
    let body = client
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text");
    assert!(
        body.contains("evil.example"),
        "the addresses are shown as text"
    );
    assert_unexposed(client, "the pasted cable").await;
    // The address held the CSV file's link until the pasted cable's view rested.
    let link = wait_for_new_link(client, &before).await;
    open_in_a_new_document(client, &link).await;
    wait_for_text(client, "[data-field=subject]", |text| {
        text.contains("JAVASCRIPT:")
    })
    .await;
    assert_unexposed(client, "the hostile link").await;
}

/// After all of that: the CSP held without a single violation, and nothing was asked of any
/// server but the page's own files (in the page's timeline and in the test server's log).
async fn nothing_but_the_page_was_fetched_or_refused(client: &Client, port: u16) {
    let log = browser_log(client).await;
    let violations: Vec<&String> = log
        .iter()
        .filter(|line| {
            line.contains("Content Security Policy") || line.contains("Content-Security-Policy")
        })
        .collect();
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    assert_eq!(
        foreign_resources(client).await,
        json!([]),
        "requests beyond the page's own files"
    );
    let dist = dist();
    for path in requests(port) {
        let file = path
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_start_matches('/');
        let own = file.is_empty() || file == "favicon.ico" || dist.join(file).is_file();
        assert!(
            own,
            "requested {path}, which is not one of the page's files"
        );
        assert!(
            !path.contains("evil") && !path.contains("attacker"),
            "requested {path}"
        );
    }
}

/// The CSP is really enforced: markup injected by hand (as a bug in the page would) does not
/// run, and the console says why.
async fn the_csp_is_enforced(client: &Client) {
    run_script(
        client,
        "inject",
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,x\" onerror=\"window.__probe = 1\">');\
         const s = document.createElement('script'); s.textContent = 'window.__probe = 2'; document.body.appendChild(s);",
    )
    .await;
    let reported = console_lines(client, "Content Security Policy", 2).await;
    assert!(
        reported.len() >= 2,
        "the CSP did not report the probe: {reported:?}"
    );
    let probe = client
        .execute("return window.__probe === undefined;", vec![])
        .await
        .expect("probe");
    assert_eq!(
        probe,
        json!(true),
        "injected script ran: the CSP is not enforced"
    );
}
