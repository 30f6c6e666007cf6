//! What the tests ask the page about itself: the seed opened, the address and the links it
//! holds, the first frame that shows the view, and what the page fetched.

use fantoccini::Client;
use serde_json::json;

use super::browser::devtools;
use super::repo::SEED_ID;
use super::waits::{poll_until, wait_for_attr, wait_for_id, wait_for_prop, WAIT};

/// The page served on `port`.
pub fn page_url(port: u16) -> String {
    format!("http://127.0.0.1:{port}/")
}

/// Opens the page served on `port` and waits for the seed.
pub async fn open_seed(client: &Client, port: u16) {
    client.goto(&page_url(port)).await.expect("open the page");
    wait_for_id(client, SEED_ID).await;
}

/// Opens `link` in a new document, as a link followed from elsewhere is. (Opened over the page
/// at the same address it would be a hash change in the same document, which races the page's
/// own rewrite of the address after the view last changed: the page's link, encoded while the
/// test navigated, can replace the test's before the page reads it.)
pub async fn open_in_a_new_document(client: &Client, link: &str) {
    client.goto("about:blank").await.expect("leave the page");
    client
        .goto(link)
        .await
        .unwrap_or_else(|error| panic!("open {link}: {error}"));
}

/// The address as it is now.
pub async fn address(client: &Client) -> String {
    let href = client
        .execute("return location.href;", vec![])
        .await
        .expect("location");
    href.as_str().unwrap_or_default().to_string()
}

/// The address, once its fragment holds a link that satisfies `condition`; `expected` says
/// what was waited for if it never does.
pub async fn wait_for_link_where(
    client: &Client,
    expected: &str,
    condition: impl Fn(&str) -> bool,
) -> String {
    poll_until(async || {
        let href = address(client).await;
        // The page writes links in the current format.
        let written = format!("#{}.", permalink::FORMAT_VERSION);
        if href.contains(&written) && condition(&href) {
            Ok(href)
        } else {
            Err(href)
        }
    })
    .await
    .unwrap_or_else(|href| panic!("waited {WAIT:?} for {expected}; the address is {href}"))
}

/// The address's fragment, once it holds a link (the page writes it after the view rests).
pub async fn wait_for_link(client: &Client) -> String {
    wait_for_link_where(client, "a link in the address", |_| true).await
}

/// The address, once its fragment holds a link other than `before` (the address as it was
/// before a change: the page writes the new link only after the view rests, so until then the
/// old one is there to be read).
pub async fn wait_for_new_link(client: &Client, before: &str) -> String {
    wait_for_link_where(client, "a new link", |link| link != before).await
}

/// The link the link box shows, once it shows one other than `before` (the box is filled when
/// the link is made, so until then it may still show the link asked for before).
pub async fn wait_for_link_box_other_than(client: &Client, before: &str) -> String {
    wait_for_prop(client, "#link-output", "value", |value| {
        !value.is_empty() && value != before
    })
    .await
}

/// Run in every new document before its own scripts: notes what the first frame that shows the
/// view shows (the animation frame after the decomposition's paragraphs are in the page and
/// shown; yew puts the whole view in before the browser gets a frame, and the view the build
/// wrote into the page is hidden when the page starts elsewhere): its theme and what the theme
/// button says, the text in the text area (when the text area is shown), the canonical ID and
/// the drafts list (whose entry for the text shown is saved again, under the text's own title,
/// once the text has rested).
const FIRST_FRAME: &str = "new MutationObserver((records, observer) => {
  if (window.__firstFrame || !document.getElementById('paragraphs')) return;
  requestAnimationFrame(() => {
    const shown = [...document.querySelectorAll('#paragraphs')].some((list) => list.checkVisibility());
    if (window.__firstFrame || !shown) return;
    observer.disconnect();
    const area = document.getElementById('cable-input');
    window.__firstFrame = {
      theme: document.documentElement.getAttribute('data-theme') || 'system',
      themeButton: (document.getElementById('theme-toggle') || {}).textContent || null,
      text: area ? area.value : null,
      id: (document.querySelector('[data-field=canonical-id]') || {}).textContent || null,
      drafts: (document.querySelector('.drafts') || {}).textContent || null,
    };
  });
}).observe(document, { childList: true, subtree: true });";

/// Has Chromium run [`FIRST_FRAME`] in every new document of `client`'s browser.
pub async fn watch_first_frames(client: &Client) {
    client
        .issue_cmd(devtools(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": FIRST_FRAME }),
        ))
        .await
        .expect("a script for each new document");
}

/// What [`FIRST_FRAME`] noted of the current page's first frame showing the view.
pub async fn first_frame(client: &Client) -> serde_json::Value {
    poll_until(async || {
        let seen = client
            .execute("return window.__firstFrame || null;", vec![])
            .await
            .expect("the first frame");
        if seen.is_null() {
            Err(())
        } else {
            Ok(seen)
        }
    })
    .await
    .unwrap_or_else(|()| panic!("no frame showed the view"))
}

/// Waits until the element at `css` (a paragraph, a reference, a header row) is the one
/// selected.
pub async fn wait_for_selected(client: &Client, css: &str) {
    wait_for_attr(client, css, "class", |class| class.contains("selected")).await;
}

/// The addresses the page fetched that are not its own files (none, when all is well).
pub async fn foreign_resources(client: &Client) -> serde_json::Value {
    client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));",
            vec![],
        )
        .await
        .expect("resource entries")
}

/// How many paragraphs the view shows at first for `text` (the rest of a long text waits for
/// "Show all").
pub fn shown_paragraphs(text: &str) -> usize {
    cable::parse(text)
        .cable
        .paragraphs
        .len()
        .min(cablescope::components::paragraphs_list::PARAGRAPHS_AT_FIRST)
}
