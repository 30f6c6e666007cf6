//! The first view: the seed's view the build writes into the page, painted before the wasm runs,
//! is the view the wasm then shows, element for element, so nothing moves when it takes over;
//! and a page that starts elsewhere (a link, a draft) does not show it first.

use crate::harness::browser::{devtools, session};
use crate::harness::page::{open_in_a_new_document, open_seed, page_url};
use crate::harness::repo::{cable_command_link, SEED_ID};
use crate::harness::waits::{wait_for_id, wait_for_script};

/// Compares the view in the served `index.html` (fetched again and parsed, as the browser first
/// painted it) with the live page: the same elements in the same order, with the same
/// attributes and texts, and the same text in the text area. Returns the first difference, with
/// the path to it, or null. Elements the page adds outside the view (the scripts and the
/// `noscript` of `index.html`) are left out of both, and so is what only the reader's browser
/// knows: the date-time group in the reader's own time zone (`.local-time`) and how long the
/// parse took in this tab (`#parse-time`, the view's last line).
const COMPARE: &str = r#"
const done = arguments[arguments.length - 1];
fetch(location.href, { cache: 'no-store' }).then((response) => response.text()).then((html) => {
  const served = new DOMParser().parseFromString(html, 'text/html');
  const prerendered = served.getElementById('prerendered');
  if (!prerendered) return done('no #prerendered in the served page');
  const kept = (node) => node.nodeType === 1
    ? !['SCRIPT', 'NOSCRIPT'].includes(node.tagName) && node.id !== 'prerendered'
      && !node.classList.contains('local-time') && node.id !== 'parse-time'
    : node.nodeType === 3 && node.textContent.trim() !== '';
  const children = (node) => [...node.childNodes].filter(kept);
  const attributes = (node) => [...node.attributes]
    .map((attribute) => `${attribute.name}=${attribute.value}`).sort().join(' ');
  const differ = (a, b, path) => {
    if (a.nodeType !== b.nodeType) return `${path}: a node of type ${a.nodeType} against ${b.nodeType}`;
    if (a.nodeType === 3) {
      return a.textContent.trim() === b.textContent.trim() ? null
        : `${path}: text ${JSON.stringify(a.textContent.slice(0, 80))} against ${JSON.stringify(b.textContent.slice(0, 80))}`;
    }
    const here = `${path}/${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}`;
    if (a.tagName !== b.tagName) return `${here}: <${a.tagName}> against <${b.tagName}>`;
    if (attributes(a) !== attributes(b)) return `${here}: attributes [${attributes(a)}] against [${attributes(b)}]`;
    if (a.tagName === 'TEXTAREA' && a.value !== b.value) return `${here}: the text area holds ${a.value.length} characters against ${b.value.length}`;
    const [ours, theirs] = [children(a), children(b)];
    for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
      if (!ours[i] || !theirs[i]) return `${here}: ${ours.length} children against ${theirs.length}; the first unmatched: ${(ours[i] || theirs[i]).outerHTML?.slice(0, 120) ?? (ours[i] || theirs[i]).textContent.slice(0, 80)}`;
      const found = differ(ours[i], theirs[i], here);
      if (found) return found;
    }
    return null;
  };
  const prerenderedBody = children(prerendered);
  const live = children(document.body);
  if (prerenderedBody.length !== live.length) return done(`body: ${prerenderedBody.length} elements prerendered against ${live.length} live`);
  for (let i = 0; i < live.length; i++) {
    const found = differ(prerenderedBody[i], live[i], 'body');
    if (found) return done(found);
  }
  done(null);
}).catch((error) => done(String(error)));
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_prerendered_view_is_the_first_view_and_gives_way_to_other_starts() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    wait_for_id(&client, SEED_ID).await;
    let difference = client
        .execute_async(COMPARE, vec![])
        .await
        .expect("compare the views");
    assert!(
        difference.is_null(),
        "the view written into the page differs from the page's first view: {difference}"
    );
    let state = client
        .execute(
            "return [!!document.getElementById('prerendered'), document.documentElement.classList.contains('starts-elsewhere')];",
            vec![],
        )
        .await
        .expect("state");
    assert_eq!(
        state,
        serde_json::json!([false, false]),
        "[prerendered kept, starts elsewhere]"
    );

    // A link: the seed's view is not painted first (boot.js marks the start before any paint).
    let link = cable_command_link(&page_url(port), "08STATE15220", &["--select", "p-4"]);
    open_in_a_new_document(&client, &link).await;
    wait_for_id(&client, "08STATE15220").await;
    let starts_elsewhere = client
        .execute(
            "return document.documentElement.classList.contains('starts-elsewhere');",
            vec![],
        )
        .await
        .expect("class");
    assert_eq!(
        starts_elsewhere,
        serde_json::json!(true),
        "a link's page starts elsewhere"
    );
    // Once the page runs, its own view and notices are all there is.
    let left = client
        .execute("return !!document.getElementById('opening-link');", vec![])
        .await
        .expect("notice");
    assert_eq!(left, serde_json::json!(false), "index.html's link notice");

    // Before the page's wasm runs (here it never arrives), a reader who opened a link is told
    // it is being opened, and sees no seed.
    client
        .issue_cmd(devtools("Network.enable", serde_json::json!({})))
        .await
        .expect("network events");
    // (The service worker would serve the wasm from its cache.)
    client
        .issue_cmd(devtools(
            "Network.setBypassServiceWorker",
            serde_json::json!({ "bypass": true }),
        ))
        .await
        .expect("no service worker");
    client
        .issue_cmd(devtools(
            "Network.setBlockedURLs",
            serde_json::json!({ "urls": ["*cablescope-*_bg.wasm"] }),
        ))
        .await
        .expect("the page's wasm blocked");
    open_in_a_new_document(&client, &link).await;
    wait_for_script(
        &client,
        "const notice = document.getElementById('opening-link');\
         const seed = document.querySelector('#prerendered #paragraphs');\
         const started = performance.getEntriesByName('cablescope-wasm-started').length > 0;\
         return [notice && notice.checkVisibility() && notice.textContent, !!seed && seed.checkVisibility(), started];",
        serde_json::json!(["Opening the cable this link carries…", false, false]),
    )
    .await;
    // A page opened without a link shows no such notice before its wasm runs (its stylesheet
    // once showed it on every start: .notice's display came later than the rule that hid it).
    open_in_a_new_document(&client, &page_url(port)).await;
    wait_for_script(
        &client,
        "const notice = document.getElementById('opening-link');\
         const started = performance.getEntriesByName('cablescope-wasm-started').length > 0;\
         return [!!notice && notice.checkVisibility(), document.readyState, started];",
        serde_json::json!([false, "complete", false]),
    )
    .await;
    client
        .issue_cmd(devtools(
            "Network.setBlockedURLs",
            serde_json::json!({ "urls": [] }),
        ))
        .await
        .expect("unblocked");
}
