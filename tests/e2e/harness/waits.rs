//! Waits. Each looks at a condition (in the page, the address, the console, on disk) every
//! [`POLL`] until it holds, and fails the test after [`WAIT`] saying what it saw instead. No
//! test waits for time to pass: the page's pace varies with the machine's load, and a condition
//! is what a test really needs.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use super::browser::browser_log;

/// How long a condition may take before the test fails: far beyond what the page needs even on
/// a loaded machine, so that a failure means the condition never came.
pub const WAIT: Duration = Duration::from_secs(20);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(20);

/// Calls `check` every [`POLL`] until it returns `Ok`, for at most [`WAIT`]; then returns its
/// last `Err` (what it saw instead), for the caller's message. Every wait is built on this.
pub async fn poll_until<Found, Seen>(
    mut check: impl AsyncFnMut() -> Result<Found, Seen>,
) -> Result<Found, Seen> {
    let started = Instant::now();
    loop {
        match check().await {
            Ok(found) => return Ok(found),
            Err(seen) if started.elapsed() >= WAIT => return Err(seen),
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
}

/// Waits until the element at `css` exists and its text satisfies `condition`; returns the text.
pub async fn wait_for_text(client: &Client, css: &str, condition: impl Fn(&str) -> bool) -> String {
    let mut last = String::from("<no element>");
    let waited = poll_until(async || {
        let element = client.find(Locator::Css(css)).await.map_err(drop)?;
        let text = element.text().await.map_err(drop)?;
        if condition(&text) {
            Ok(text)
        } else {
            last = text;
            Err(())
        }
    })
    .await;
    match waited {
        Ok(text) => text,
        Err(()) => {
            // The page's console says why, when the page itself stopped (a trap, an error).
            let log = browser_log(client).await;
            panic!("waited {WAIT:?} for {css}; last text: {last:?}; the page's console: {log:#?}");
        }
    }
}

/// The text of the element at `css`, once there is one.
pub async fn text_of(client: &Client, css: &str) -> String {
    wait_for_text(client, css, |_| true).await
}

/// Waits until the page shows the cable `id`.
pub async fn wait_for_id(client: &Client, id: &str) {
    wait_for_text(client, "[data-field=canonical-id]", |text| text == id).await;
}

/// Waits until there is an element at `css`.
pub async fn wait_for_element(client: &Client, css: &str) {
    poll_until(async || client.find(Locator::Css(css)).await.map(drop))
        .await
        .unwrap_or_else(|error| panic!("waited {WAIT:?} for {css}: {error}"));
}

/// Waits until the element at `css` has attribute `name` satisfying `condition`.
pub async fn wait_for_attr(
    client: &Client,
    css: &str,
    name: &str,
    condition: impl Fn(&str) -> bool,
) {
    poll_until(async || {
        let element = client.find(Locator::Css(css)).await.map_err(|_| None)?;
        match element.attr(name).await {
            Ok(Some(value)) if condition(&value) => Ok(()),
            Ok(value) => Err(value),
            Err(_) => Err(None),
        }
    })
    .await
    .unwrap_or_else(|last| panic!("{css} [{name}] never matched; it was {last:?}"));
}

/// The property `name` of the element at `css` (a text box's `value`, say), once it satisfies
/// `condition`.
pub async fn wait_for_prop(
    client: &Client,
    css: &str,
    name: &str,
    condition: impl Fn(&str) -> bool,
) -> String {
    poll_until(async || {
        let element = client.find(Locator::Css(css)).await.map_err(|_| None)?;
        match element.prop(name).await {
            Ok(Some(value)) if condition(&value) => Ok(value),
            Ok(value) => Err(value),
            Err(_) => Err(None),
        }
    })
    .await
    .unwrap_or_else(|last| panic!("{css} [{name}] never had the value waited for; it was {last:?}"))
}

/// The value of property `name` of the element at `css`, once it has one.
pub async fn wait_for_prop_value(client: &Client, css: &str, name: &str) -> String {
    wait_for_prop(client, css, name, |value| !value.is_empty()).await
}

/// Waits until `script` (which may return a promise) returns `want`.
pub async fn wait_for_script(client: &Client, script: &str, want: serde_json::Value) {
    poll_until(async || {
        let got = client.execute(script, vec![]).await.expect("script");
        if got == want {
            Ok(())
        } else {
            Err(got)
        }
    })
    .await
    .unwrap_or_else(|got| panic!("waited {WAIT:?} for {script} to be {want}; it is {got}"));
}

/// The text of the download saved at `path`, once it is whole. Chromium writes a download into
/// a `.crdownload` file beside it, renamed when done, and the name itself can exist, empty,
/// before then (a run that read the file as soon as it existed found it empty): so the wait is
/// for no `.crdownload` left and a file with something in it.
pub async fn wait_for_download(path: &Path) -> String {
    let folder = path.parent().unwrap_or(path);
    poll_until(async || {
        let in_progress = std::fs::read_dir(folder).map_or(true, |entries| {
            entries.flatten().any(|entry| {
                entry
                    .path()
                    .extension()
                    .is_some_and(|ext| ext == "crdownload")
            })
        });
        match std::fs::read_to_string(path) {
            Ok(text) if !in_progress && !text.is_empty() => Ok(text),
            Ok(text) => Err(format!("{} bytes so far", text.len())),
            Err(error) => Err(error.to_string()),
        }
    })
    .await
    .unwrap_or_else(|seen| panic!("waited {WAIT:?} for {} to be whole: {seen}", path.display()))
}

/// The console lines containing `needle`, once there are `at_least` of them, or those there are
/// after [`WAIT`] (for the caller to judge).
pub async fn console_lines(client: &Client, needle: &str, at_least: usize) -> Vec<String> {
    let mut found = Vec::new();
    // Whether there were enough is the caller's to judge, from what was found.
    let _ = poll_until(async || {
        // Each line is handed out once, so they are gathered across looks.
        found.extend(
            browser_log(client)
                .await
                .into_iter()
                .filter(|line| line.contains(needle)),
        );
        if found.len() >= at_least {
            Ok(())
        } else {
            Err(())
        }
    })
    .await;
    found
}
