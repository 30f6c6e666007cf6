//! End to end: the release build served on loopback, driven in headless Chromium through
//! chromedriver. Every wait is for a DOM condition, never a fixed sleep.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cablescope::FIRST_VIEW_MARK;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The release build, made by `./x test` (or `trunk build --release`) before this test runs.
fn dist() -> PathBuf {
    let dist =
        std::env::var_os("CABLESCOPE_DIST").map_or_else(|| repo().join("dist"), PathBuf::from);
    assert!(
        dist.join("index.html").is_file(),
        "no release build in {}: run `./x test`, which builds it first",
        dist.display()
    );
    dist
}

/// Every request the test servers answered: (port, path with its query).
static REQUESTS: std::sync::Mutex<Vec<(u16, String)>> = std::sync::Mutex::new(Vec::new());

/// Ports whose server is "down": it closes every connection without answering.
static DOWN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());

fn set_down(port: u16, down: bool) {
    if let Ok(mut ports) = DOWN.lock() {
        ports.retain(|&other| other != port);
        if down {
            ports.push(port);
        }
    }
}

/// The paths (with queries) requested from the server on `port`, in order.
fn requests(port: u16) -> Vec<String> {
    REQUESTS
        .lock()
        .map(|log| {
            log.iter()
                .filter(|(on, _)| *on == port)
                .map(|(_, path)| path.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Serves `root` over HTTP on 127.0.0.1, one thread per connection, for the life of the test.
fn serve_static(root: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().expect("local address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || respond(stream, &root, port));
        }
    });
    port
}

/// A page (served by the test server only) that loads the app in a frame and reports how long
/// the frame took from its navigation to the seed fully rendered: the frame's own mark
/// ([`FIRST_VIEW_MARK`]), on the frame's timeline.
fn frame_timing_page() -> String {
    format!(
        r#"<!doctype html><meta charset="utf-8"><body style="margin:0"><script>
window.frameLoad = (n) => new Promise((resolve) => {{
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1280px;height:900px;border:0';
  frame.src = '/?load=' + n;
  document.body.appendChild(frame);
  (function check() {{
    const doc = frame.contentDocument;
    const mark = doc && frame.contentWindow.performance.getEntriesByName('{FIRST_VIEW_MARK}')[0];
    if (mark && doc.getElementById('p-7') && doc.getElementById('banner-bottom')) {{
      frame.remove();
      resolve(mark.startTime);
    }} else requestAnimationFrame(check);
  }})();
}});
</script>"#
    )
}

fn respond(mut stream: TcpStream, root: &Path, port: u16) {
    let mut request_line = String::new();
    let Ok(clone) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the request's header lines.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    if let Ok(mut log) = REQUESTS.lock() {
        log.push((port, path.to_string()));
    }
    if DOWN.lock().is_ok_and(|ports| ports.contains(&port)) {
        return;
    }
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    let file = root.join(path);
    let inside = !path.split('/').any(|part| part == "..");
    let read = if path == "__frame_timing.html" {
        Ok(frame_timing_page().into_bytes())
    } else {
        std::fs::read(&file)
    };
    let (status, body, content_type) = match read {
        Ok(body) if inside => {
            let content_type = match file.extension().and_then(|ext| ext.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("txt" | "csv") => "text/plain; charset=utf-8",
                _ => "application/octet-stream",
            };
            ("200 OK", body, content_type)
        }
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&body));
}

/// chromedriver on a free port; killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // chromedriver and the browsers it started share a process group of their own: killing
        // the group leaves no browser behind, even when a failed test never closed its session
        // (stray browsers, some still animating, slowed every later timing).
        // (`--` before the negative id: without it procps' kill reads `-KILL -<id>` otherwise.)
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        // The browsers' profiles and downloads: about 4 MB a session, 1.6 GB after a day's runs.
        let _ = std::fs::remove_dir_all(self.scratch());
    }
}

impl Driver {
    /// The folder holding this driver's browser profiles and downloads, removed with it.
    fn scratch(&self) -> PathBuf {
        std::env::temp_dir().join(format!(
            "cablescope-e2e-{}-{}",
            std::process::id(),
            self.port
        ))
    }
}

fn start_driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_string());
    let child = Command::new(&binary)
        .process_group(0)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {binary}: {error}; `./x test` installs it"));
    let driver = Driver { child, port };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < WAIT,
            "chromedriver did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    driver
}

/// Where the browser of `driver` saves downloads.
fn downloads_dir(driver: &Driver) -> PathBuf {
    driver.scratch().join("downloads")
}

async fn browser(driver: &Driver) -> Client {
    // Each session its own profile: a fresh browser, as a colleague opening a link has.
    static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let profile = driver.scratch().join(format!(
        "profile-{}",
        SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_string(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                format!("--window-size={},{}", TALL_WINDOW.0, TALL_WINDOW.1),
                format!("--user-data-dir={}", profile.display()),
            ],
            // Downloads land where the test can read them.
            "prefs": {
                "download.default_directory": downloads_dir(driver).display().to_string(),
                "download.prompt_for_download": false,
            }
        }),
    );
    // The console is read back (browser_log): CSP violations are reported there.
    capabilities.insert("goog:loggingPrefs".to_string(), json!({ "browser": "ALL" }));
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a headless Chromium session")
}

/// A chromedriver command fantoccini does not wrap: a POST of `body` to the session's `path`
/// (its console log, its network emulation, a DevTools command).
#[derive(Debug)]
struct DriverCommand {
    path: &'static str,
    body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DriverCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// A DevTools command, `cmd` with `params`, through chromedriver.
fn devtools(cmd: &str, params: serde_json::Value) -> DriverCommand {
    DriverCommand {
        path: "goog/cdp/execute",
        body: json!({ "cmd": cmd, "params": params }),
    }
}

/// chromedriver's network emulation: offline, or back to a fast network.
fn network_conditions(offline: bool) -> DriverCommand {
    DriverCommand {
        path: "chromium/network_conditions",
        body: json!({ "network_conditions": {
            "offline": offline, "latency": 0,
            "download_throughput": 1_000_000_000, "upload_throughput": 1_000_000_000,
        }}),
    }
}

/// The console messages since the last call (chromedriver hands each out once).
async fn browser_log(client: &Client) -> Vec<String> {
    let entries = client
        .issue_cmd(DriverCommand {
            path: "se/log",
            body: json!({ "type": "browser" }),
        })
        .await
        .expect("the browser's console log");
    entries
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|entry| {
                    format!(
                        "{} {}",
                        entry["level"].as_str().unwrap_or_default(),
                        entry["message"].as_str().unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until the element at `css` exists and its text satisfies `condition`; returns the text.
async fn wait_for_text(client: &Client, css: &str, condition: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    let mut last = String::from("<no element>");
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if condition(&text) {
                    return text;
                }
                last = text;
            }
        }
        if started.elapsed() >= WAIT {
            // The page's console says why, when the page itself stopped (a trap, an error).
            let log = browser_log(client).await;
            panic!("waited {WAIT:?} for {css}; last text: {last:?}; the page's console: {log:#?}");
        }
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Chooses `files` in the page's file picker, as a reader would.
async fn choose_files(client: &Client, files: &[PathBuf]) {
    let paths: Vec<String> = files
        .iter()
        .map(|file| file.display().to_string())
        .collect();
    client
        .find(Locator::Css("#file-input"))
        .await
        .expect("file input")
        .send_keys(&paths.join("\n"))
        .await
        .expect("choose files");
}

/// The window every test runs in: tall enough for the whole view, so that what a test clicks is
/// on screen.
const TALL_WINDOW: (u32, u32) = (1280, 2400);

/// A laptop's window, for timings as a reader would see them.
const LAPTOP_WINDOW: (u32, u32) = (1280, 900);

/// Resizes the browser's window to `(width, height)`.
async fn resize(client: &Client, (width, height): (u32, u32)) {
    client
        .set_window_size(width, height)
        .await
        .expect("window size");
}

/// The median of some timings (NaN for none).
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Some timings as BENCHMARKS.md quotes them: `median 42 ms, best 30 ms`.
fn median_and_best(values: &[f64]) -> String {
    let best = values.iter().copied().fold(f64::INFINITY, f64::min);
    format!("median {:.0} ms, best {best:.0} ms", median(values))
}

/// How many paragraphs the view shows at first for `text` (the rest of a long text waits for
/// "Show all").
fn shown_paragraphs(text: &str) -> usize {
    cable::parse(text)
        .cable
        .paragraphs
        .len()
        .min(cablescope::components::paragraphs_list::PARAGRAPHS_AT_FIRST)
}

/// Waits until the page shows the cable `id`.
async fn wait_for_id(client: &Client, id: &str) {
    wait_for_text(client, "[data-field=canonical-id]", |text| text == id).await;
}

/// Opens the page served on `port` and waits for the seed.
async fn open_seed(client: &Client, port: u16) {
    client
        .goto(&format!("http://127.0.0.1:{port}/"))
        .await
        .expect("open the page");
    wait_for_id(client, "08OTTAWA372").await;
}

async fn text_of(client: &Client, css: &str) -> String {
    wait_for_text(client, css, |_| true).await
}

/// The built page served on loopback, chromedriver, and a headless Chromium session.
async fn session() -> (u16, Driver, Client) {
    let port = serve_static(dist());
    let driver = start_driver();
    let client = browser(&driver).await;
    (port, driver, client)
}

/// Clicks the element at `css`.
async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|error| panic!("{css}: {error}"))
        .click()
        .await
        .unwrap_or_else(|error| panic!("click {css}: {error}"));
}

/// Clicks the first element at `css` whose text contains `needle`.
async fn click_by_text(client: &Client, css: &str, needle: &str) {
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

/// Waits until the element at `css` has attribute `name` satisfying `condition`.
async fn wait_for_attr(client: &Client, css: &str, name: &str, condition: impl Fn(&str) -> bool) {
    let started = Instant::now();
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(Some(value)) = element.attr(name).await {
                if condition(&value) {
                    return;
                }
            }
        }
        assert!(started.elapsed() < WAIT, "{css} [{name}] never matched");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Brings the text area back if the source view took its place.
async fn show_editor(client: &Client) {
    client
        .execute(
            "const edit = document.getElementById('show-editor'); if (edit && !edit.disabled) edit.click();",
            vec![],
        )
        .await
        .expect("show the text area");
    for _ in 0..100 {
        if client.find(Locator::Id("cable-input")).await.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Replaces the text area's content the way a paste does: set the value, fire `input`.
async fn paste(client: &Client, text: &str) {
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
const PASTE_TEXT: &str = "const area = document.getElementById('cable-input');\
     area.focus();\
     area.select();\
     const data = new DataTransfer();\
     data.setData('text/plain', text);\
     const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });\
     if (area.dispatchEvent(paste)) {\
       area.value = text;\
       area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));\
     }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_decomposes_the_seed_then_a_pasted_cable() {
    let (port, driver, client) = session().await;
    let result = run(&client, port, downloads_dir(&driver)).await;
    // `./x screenshots` sets this: the README's pictures, taken from the real page.
    if let Ok(folder) = std::env::var("CABLESCOPE_SCREENSHOTS") {
        // A first visit's page: a fresh profile, so no draft of the run above is restored.
        let client = browser(&driver).await;
        for (name, theme, width, height) in [
            ("screenshot-light.png", "light", 1280, 1500),
            ("screenshot-dark.png", "dark", 1280, 1500),
            ("screenshot-phone.png", "light", 390, 1400),
        ] {
            resize(&client, (width, height)).await;
            client
                .goto(&format!("http://127.0.0.1:{port}/"))
                .await
                .expect("reload");
            client
                .execute(
                    "localStorage.setItem('cablescope-theme', arguments[0]); location.reload();",
                    vec![json!(theme)],
                )
                .await
                .expect("theme");
            wait_for_attr(&client, "html", "data-theme", |found| found == theme).await;
            wait_for_id(&client, "08OTTAWA372").await;
            let png = client.screenshot().await.expect("screenshot");
            std::fs::write(Path::new(&folder).join(name), png).expect("write screenshot");
        }
        let _ = client.close().await;
    }
    let _ = client.close().await;
    result
}

async fn run(client: &Client, port: u16, downloads: PathBuf) {
    client
        .goto(&format!("http://127.0.0.1:{port}/"))
        .await
        .expect("open the page");

    // The seed, decomposed: header.
    wait_for_id(client, "08OTTAWA372").await;
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
    // Export: the JSON file is the whole decomposition, in the CLI's shape.
    click(client, "#export-json").await;
    let saved = downloads.join("08OTTAWA372.json");
    let started = Instant::now();
    while !saved.exists() && started.elapsed() < WAIT {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("the exported file"))
            .expect("JSON");
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
    let mut tags = Vec::new();
    for chip in client
        .find_all(Locator::Css("[data-field=tags] .tag"))
        .await
        .expect("TAGS chips")
    {
        tags.push(chip.text().await.expect("a chip's text"));
    }
    assert_eq!(tags, ["PARM", "PREL", "NATO", "MOPS", "CA"]);
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

    // References: letter, kind, original text, canonical ID.
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

    // Paragraphs 1–7 with their markings; 14–17 were pilcrow debris.
    let numbers = client
        .find_all(Locator::Css(".paragraph-number"))
        .await
        .expect("paragraph numbers");
    let mut seen = Vec::new();
    for number in numbers {
        seen.push(number.text().await.expect("number text"));
    }
    assert_eq!(seen, ["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
    assert_eq!(text_of(client, "#p-6 .marking").await, "(C)");
    assert_eq!(text_of(client, "#p-4 .marking").await, "(C/NF)");
    assert!(text_of(client, "#p-1 .paragraph-text")
        .await
        .starts_with("Summary: Embassy discussions"));
    // The structure issue 4 adds: summary and comment set apart, the marking explained, the
    // garble in paragraph 4 struck through with its explanation, the signer.
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
    // Paragraph 6 is whole again across the page break, and its source shows the break.
    let sixth = text_of(client, "#p-6 .paragraph-text").await;
    assert!(
        sixth.contains("he would like to discuss with U.S. experts"),
        "{sixth}"
    );
    click(client, "#p-6 details.source summary").await;
    let source = wait_for_text(client, "#p-6 .source-text", |text| !text.is_empty()).await;
    assert!(source.contains("OTTAWA 00000372 002 OF 002"), "{source}");
    // The header's and the references' snippets open the same way.
    click(client, "#header > details.source summary").await;
    let header = wait_for_text(client, "#header > details.source .source-text", |text| {
        !text.is_empty()
    })
    .await;
    assert!(header.contains("SUBJECT:"), "{header}");
    click(client, "#references > details.source summary").await;
    let references = wait_for_text(
        client,
        "#references > details.source .source-text",
        |text| !text.is_empty(),
    )
    .await;
    assert!(references.contains("REF:"), "{references}");

    // Paste another real cable: its ID, classification and first paragraph appear.
    let berlin = std::fs::read_to_string(repo().join("corpus/cables/08BERLIN1387.txt"))
        .expect("corpus cable");
    paste(client, &berlin).await;
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

    // A cables.csv record is read as such and gives the same cable.
    let record =
        std::fs::read_to_string(repo().join("corpus/variants/03OTTAWA202__cablescsv__row.csv"))
            .expect("variant");
    paste(client, &record).await;
    wait_for_text(client, "#input-form", |text| {
        text.contains("cables.csv record")
    })
    .await;
    wait_for_text(client, "[data-field=subject]", |text| {
        text == "CANADA: ARF STATEMENT SHOULD REFLECT CONSENSUS"
    })
    .await;

    // Text that is not a cable gets a message, not a blank page.
    paste(client, "Dear colleague, here are my notes from Tuesday.").await;
    let message = text_of(client, "#status-message").await;
    assert!(message.contains("does not look like a cable"), "{message}");
    paste(client, "").await;
    let message = wait_for_text(client, "#status-message", |text| text.contains("empty")).await;
    assert!(message.contains("Paste the raw text"), "{message}");

    // A .txt file through the picker.
    let file = repo().join("corpus/cables/09BERLIN1167.txt");
    choose_files(client, &[file]).await;
    wait_for_id(client, "09BERLIN1167").await;
    wait_for_text(client, "#notice", |text| {
        text.contains("Opened 09BERLIN1167.txt")
    })
    .await;

    // Two real files dropped on the page at once (an HTML page and a cables.csv record): each
    // is read, listed, and can be shown again.
    client
        .execute(
            "const input = document.createElement('input');\
             input.type = 'file'; input.multiple = true; input.id = 'drop-helper';\
             input.style.display = 'none'; document.body.appendChild(input);",
            vec![],
        )
        .await
        .expect("a helper file input");
    let html_page = repo().join("corpus/variants/09BERLIN1176__chillicoder-2010__pre.html");
    let csv_record = repo().join("corpus/variants/03OTTAWA202__cablescsv__row.csv");
    client
        .find(Locator::Id("drop-helper"))
        .await
        .expect("helper")
        .send_keys(&format!(
            "{}\n{}",
            html_page.display(),
            csv_record.display()
        ))
        .await
        .expect("choose two files");
    client
        .execute(
            "const transfer = new DataTransfer();\
             for (const file of document.getElementById('drop-helper').files) transfer.items.add(file);\
             document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
            vec![],
        )
        .await
        .expect("drop the files");
    let opened = wait_for_text(client, "#opened-files", |text| {
        text.contains("09BERLIN1176__chillicoder-2010__pre.html")
            && text.contains("03OTTAWA202__cablescsv__row.csv")
    })
    .await;
    assert!(opened.contains("09BERLIN1167.txt"), "{opened}");
    let buttons = client
        .find_all(Locator::Css("#opened-files button"))
        .await
        .expect("opened files");
    for button in buttons {
        if button.text().await.unwrap_or_default() == "09BERLIN1176__chillicoder-2010__pre.html" {
            button.click().await.expect("show the HTML page again");
            break;
        }
    }
    wait_for_id(client, "09BERLIN1176").await;
    wait_for_text(client, "#input-form", |text| text.contains("HTML")).await;

    // Keyboard: j and k select the next and previous paragraph, s opens the source view, /
    // focuses the text, ? shows the shortcuts, t changes the theme, c makes a link.
    client
        .execute(
            "document.activeElement && document.activeElement.blur();",
            vec![],
        )
        .await
        .expect("blur");
    let press = |key: &'static str| async move {
        client
            .execute(
                "document.dispatchEvent(new KeyboardEvent('keydown', { key: arguments[0], bubbles: true }));",
                vec![json!(key)],
            )
            .await
            .expect("key press");
    };
    press("j").await;
    wait_for_attr(client, "#p-1", "class", |class| class.contains("selected")).await;
    press("j").await;
    wait_for_attr(client, "#p-2", "class", |class| class.contains("selected")).await;
    press("k").await;
    wait_for_attr(client, "#p-1", "class", |class| class.contains("selected")).await;
    press("s").await;
    client
        .find(Locator::Id("source-pane"))
        .await
        .expect("source view by keyboard");
    press("s").await;
    client
        .find(Locator::Id("cable-input"))
        .await
        .expect("editor back by keyboard");
    press("/").await;
    wait_for_script(
        client,
        "return document.activeElement && document.activeElement.id;",
        json!("cable-input"),
    )
    .await;
    client
        .execute("document.activeElement.blur();", vec![])
        .await
        .expect("blur");
    // Each key acts on the page as it is now: pressed again, it undoes what it did.
    let shortcuts_shown = "return !!document.getElementById('shortcuts');";
    for shown in [true, false, true] {
        press("?").await;
        wait_for_script(client, shortcuts_shown, json!(shown)).await;
    }
    wait_for_text(client, "#shortcuts", |text| text.contains("next paragraph")).await;
    let theme_chosen = "return document.documentElement.getAttribute('data-theme');";
    for theme in [json!("light"), json!("dark"), json!(null)] {
        press("t").await;
        wait_for_script(client, theme_chosen, theme).await;
    }
    press("c").await;
    wait_for_attr_value(client, "#link-output", "value").await;
    click(client, "#close-link-box").await;

    // Theme: system, then light, then dark; the page's colours follow.
    let background = || async {
        client
            .execute(
                "return getComputedStyle(document.body).backgroundColor;",
                vec![],
            )
            .await
            .expect("background")
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    click(client, "#theme-toggle").await;
    wait_for_attr(client, "html", "data-theme", |theme| theme == "light").await;
    let light = background().await;
    click(client, "#theme-toggle").await;
    wait_for_attr(client, "html", "data-theme", |theme| theme == "dark").await;
    let dark = background().await;
    assert_ne!(light, dark);
    assert_eq!(dark, "rgb(21, 23, 26)");
    // Print, with the dark theme chosen: black on white in the light palette, both banners kept
    // as bordered lines, nothing to click, and every paragraph laid out.
    let print_media =
        |media: &str| devtools("Emulation.setEmulatedMedia", json!({ "media": media }));
    client
        .issue_cmd(print_media("print"))
        .await
        .expect("print media");
    let printed = client
        .execute(
            "const style = sel => getComputedStyle(document.querySelector(sel));\
             const shown = sel => [...document.querySelectorAll(sel)].filter(el => getComputedStyle(el).display !== 'none').length;\
             return {\
               body: [style('body').color, style('body').backgroundColor],\
               banners: ['#banner-top', '#banner-bottom'].map(sel => [style(sel).display, style(sel).color, style(sel).borderTopWidth]),\
               muted: style('.fields dt').color,\
               shown: shown('button:not(.show-rest, #show-all-paragraphs)') + shown('.toolbar') + shown('.left-column') + shown('#shortcuts'),\
               skipped: [...document.querySelectorAll('.paragraph')].filter(el => getComputedStyle(el).contentVisibility !== 'visible').length,\
             };",
            vec![],
        )
        .await
        .expect("print styles");
    client
        .issue_cmd(print_media(""))
        .await
        .expect("screen media");
    assert_eq!(
        printed,
        json!({
            "body": ["rgb(0, 0, 0)", "rgb(255, 255, 255)"],
            "banners": [["block", "rgb(0, 0, 0)", "2px"], ["block", "rgb(0, 0, 0)", "2px"]],
            "muted": "rgb(89, 96, 107)",
            "shown": 0,
            "skipped": 0,
        }),
        "printed"
    );
    // The choice is remembered for the next visit; "system" forgets it.
    let stored = "return localStorage.getItem('cablescope-theme');";
    wait_for_script(client, stored, json!("dark")).await;
    click(client, "#theme-toggle").await;
    wait_for_script(client, stored, json!(null)).await;

    // The samples menu.
    client
        .execute(
            "const menu = document.getElementById('samples');\
             menu.value = '1'; menu.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("choose a sample");
    wait_for_id(client, "79TEHRAN11260").await;

    // Reading aids: an apostrophe typed as a comma reads as one; the raw form is one toggle away.
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
    // Any header row can be copied on its own.
    click(client, "#field-subject .copy-field").await;
    wait_for_text(client, "#notice", |text| text.contains("Copied Subject")).await;

    // Contrast: body text, muted text and links meet WCAG AA (4.5:1) in both themes.
    for theme in ["light", "dark"] {
        let ratios = client
            .execute(
                "document.documentElement.setAttribute('data-theme', arguments[0]);\
                 const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);\
                 const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };\
                 const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };\
                 const bg = rgb(getComputedStyle(document.body).backgroundColor);\
                 return ['.tagline', '.fields dt', '.fields dd', '.paragraph-text', '.hint']\
                   .map(sel => document.querySelector(sel)).filter(Boolean)\
                   .map(el => ratio(rgb(getComputedStyle(el).color), bg));",
                vec![json!(theme)],
            )
            .await
            .expect("contrast ratios");
        for ratio in ratios.as_array().expect("ratios") {
            let ratio = ratio.as_f64().unwrap_or(0.0);
            assert!(ratio >= 4.5, "{theme}: contrast {ratio:.2} < 4.5");
        }
    }
    client
        .execute(
            "document.documentElement.removeAttribute('data-theme');",
            vec![],
        )
        .await
        .expect("theme back");

    // The sample comes back with one click.
    click(client, "#restore-sample").await;
    wait_for_id(client, "08OTTAWA372").await;

    // The page asked for nothing but its own files.
    let foreign = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));",
            vec![],
        )
        .await
        .expect("resource entries");
    assert_eq!(foreign, json!([]), "requests beyond the page's own files");

    // A 360-pixel phone: nothing wider than the screen.
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

    // The source round trip: choosing paragraph 4 opens the source view with its exact span
    // highlighted; clicking the source line of reference B selects reference B.
    click(client, "#p-4 .paragraph-number").await;
    let highlighted = wait_for_text(client, "#source-selection", |text| !text.is_empty()).await;
    assert!(
        highlighted.starts_with("14. (C/NF) After listening to ref A points"),
        "{highlighted}"
    );
    click_by_text(client, ".src-line", "B. E-MAIL BAKER-MATTEI").await;
    wait_for_attr(client, "#ref-B", "class", |class| {
        class.contains("selected")
    })
    .await;
    assert!(text_of(client, "#source-selection")
        .await
        .contains("E-MAIL BAKER-MATTEI MARCH 7"));
    // A parser note is linked the same way: the garble's note highlights the garble.
    client
        .execute(
            "document.querySelector('#diagnostics details').open = true;",
            vec![],
        )
        .await
        .expect("open the notes");
    click_by_text(client, "#diagnostics li.diagnostic", "Transmission garble").await;
    wait_for_text(client, "#source-selection", |text| {
        text.starts_with("Qpolicy")
    })
    .await;
    // And back to editing.
    click(client, "#show-editor").await;
    client
        .find(Locator::Id("cable-input"))
        .await
        .expect("the text area is back");
}

/// The address, once its fragment holds a link that satisfies `condition`; `expected` says
/// what was waited for if it never does.
async fn wait_for_link_where(
    client: &Client,
    expected: &str,
    condition: impl Fn(&str) -> bool,
) -> String {
    let started = Instant::now();
    loop {
        let link = wait_for_link(client).await;
        if condition(&link) {
            return link;
        }
        assert!(
            started.elapsed() < WAIT,
            "waited {WAIT:?} for {expected}; the address is {link}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The address, once its fragment holds a link other than `before` (the address as it was
/// before a change: the page writes the new link only after the view rests, so until then the
/// old one is there to be read).
async fn wait_for_new_link(client: &Client, before: &str) -> String {
    wait_for_link_where(client, "a new link", |link| link != before).await
}

/// The address as it is now.
async fn address(client: &Client) -> String {
    let href = client
        .execute("return location.href;", vec![])
        .await
        .expect("location");
    href.as_str().unwrap_or_default().to_string()
}

/// The address's fragment, once it holds a link (the page writes it after the view rests).
async fn wait_for_link(client: &Client) -> String {
    wait_for_script(client, "return location.href.includes('#1.');", json!(true)).await;
    address(client).await
}

/// A link made in one browser opens in another to the same view; a link made by the `cable`
/// command opens too; broken links say what is wrong and leave the text alone.
/// Run in every new document before its own scripts: notes what the first frame that shows the
/// view shows (the animation frame after the decomposition's paragraphs are in the page; yew
/// puts the whole view in before the browser gets a frame): its theme, the text in the text area
/// (when the text area is shown) and the canonical ID.
const FIRST_FRAME: &str = "new MutationObserver((records, observer) => {
  if (!document.getElementById('paragraphs')) return;
  observer.disconnect();
  requestAnimationFrame(() => {
    const area = document.getElementById('cable-input');
    window.__firstFrame = {
      theme: document.documentElement.getAttribute('data-theme') || 'system',
      text: area ? area.value : null,
      id: (document.querySelector('[data-field=canonical-id]') || {}).textContent || null,
    };
  });
}).observe(document, { childList: true, subtree: true });";

/// Has Chromium run [`FIRST_FRAME`] in every new document of `client`'s browser.
async fn watch_first_frames(client: &Client) {
    client
        .issue_cmd(devtools(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": FIRST_FRAME }),
        ))
        .await
        .expect("a script for each new document");
}

/// What [`FIRST_FRAME`] noted of the current page's first frame showing the view.
async fn first_frame(client: &Client) -> serde_json::Value {
    let started = Instant::now();
    loop {
        let seen = client
            .execute("return window.__firstFrame || null;", vec![])
            .await
            .expect("the first frame");
        if !seen.is_null() {
            return seen;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no frame showed the view"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The first frame that shows the view is whole: a reader who chose a theme never sees the page
/// in the other one first, and the text area holds the cable from the start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_frame_has_the_chosen_theme_and_the_text() {
    let (port, _driver, client) = session().await;
    let url = format!("http://127.0.0.1:{port}/");
    client.goto(&url).await.expect("page");
    watch_first_frames(&client).await;
    let seed = crate_seed();
    for theme in ["dark", "light", "dark"] {
        client
            .execute(
                "localStorage.setItem('cablescope-theme', arguments[0]);",
                vec![json!(theme)],
            )
            .await
            .expect("theme chosen");
        client.goto(&url).await.expect("page again");
        let first = first_frame(&client).await;
        assert_eq!(first["theme"], json!(theme), "the first frame's theme");
        assert_eq!(
            first["text"].as_str(),
            Some(seed.as_str()),
            "the first frame's text area"
        );
    }
    let _ = client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_carry_the_cable_and_the_view() {
    let (port, driver, client) = session().await;
    let url = format!("http://127.0.0.1:{port}/");
    client.goto(&url).await.expect("page");
    wait_for_id(&client, "08OTTAWA372").await;
    // The untouched page carries no link.
    assert_eq!(address(&client).await, url);
    let history_length = client
        .execute("return history.length;", vec![])
        .await
        .expect("history");
    // Unfold the transmission details and choose paragraph 3: the address follows each,
    // replacing its entry rather than adding to the history. (One change at a time: two clicks
    // within the address's pause could be written as one link or as two.)
    click(&client, "#transmission summary").await;
    wait_for_attr(&client, "#transmission", "open", |_| true).await;
    let unfolded = wait_for_link(&client).await;
    click(&client, "#p-3").await;
    let address = wait_for_new_link(&client, &unfolded).await;
    click(&client, "#p-4").await;
    wait_for_new_link(&client, &address).await;
    click(&client, "#p-3").await;
    wait_for_link_where(&client, "the link to paragraph 3 again", |link| {
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
    // Copy link shows the same link, with its length.
    click(&client, "#copy-link").await;
    let shown = wait_for_attr_value(&client, "#link-output", "value").await;
    let address = if shown == address {
        address
    } else {
        wait_for_link(&client).await
    };
    assert_eq!(shown, address, "the link box and the address differ");
    let label = text_of(&client, "#link-box label").await;
    assert_eq!(
        label,
        format!("Link ({} characters)", shown.chars().count())
    );
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("characters"), "{notice}");
    // A link to one paragraph, from its own button.
    client
        .execute(
            "document.querySelector('#p-5 .element-link').click();",
            vec![],
        )
        .await
        .expect("paragraph link");
    let paragraph_link = wait_for_attr_value(&client, "#link-output", "value").await;
    let paragraph_link = if paragraph_link == shown {
        tokio::time::sleep(Duration::from_millis(300)).await;
        wait_for_attr_value(&client, "#link-output", "value").await
    } else {
        paragraph_link
    };
    assert_ne!(paragraph_link, shown);
    // And to a header field, from its row's "link" button.
    client
        .execute(
            "document.querySelector('#field-subject [aria-label^=\"Copy a link\"]').click();",
            vec![],
        )
        .await
        .expect("field link");
    let started = Instant::now();
    let field_link = loop {
        let value = wait_for_attr_value(&client, "#link-output", "value").await;
        if value != paragraph_link {
            break value;
        }
        assert!(started.elapsed() < WAIT, "the field's link never showed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };

    // A fresh browser (new profile) opens the link to the same view.
    let other = browser(&driver).await;
    other.goto(&address).await.expect("open the link");
    wait_for_attr(&other, "#p-3", "class", |class| class.contains("selected")).await;
    wait_for_attr(&other, "#transmission", "open", |_| true).await;
    assert_eq!(
        text_of(&other, "[data-field=canonical-id]").await,
        "08OTTAWA372"
    );
    let source_shown = other
        .execute("return !!document.getElementById('source-pane');", vec![])
        .await
        .expect("source pane");
    assert_eq!(
        source_shown,
        json!(true),
        "choosing an element opens the source view"
    );
    // The deep link to paragraph 5.
    other
        .goto(&paragraph_link)
        .await
        .expect("open the paragraph link");
    wait_for_attr(&other, "#p-5", "class", |class| class.contains("selected")).await;
    other.goto(&field_link).await.expect("open the field link");
    wait_for_attr(&other, "#field-subject", "class", |class| {
        class.contains("selected")
    })
    .await;

    // A link made by the `cable` command opens the same way.
    let cli = std::process::Command::new(env!("CARGO"))
        .args([
            "run",
            "-q",
            "-p",
            "cable-cli",
            "--",
            "link",
            "--base",
            &url,
            "--select",
            "ref-A",
            "--as-written",
        ])
        .arg(repo().join("corpus/cables/08STATE15220.txt"))
        .current_dir(repo())
        .output()
        .expect("run the cable command");
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    let cli_link = String::from_utf8_lossy(&cli.stdout).trim().to_string();
    // Opened in a new document: the first frame that shows a cable shows the link's, never
    // the seed while the link is decoded.
    other.goto("about:blank").await.expect("leave");
    watch_first_frames(&other).await;
    other
        .goto(&cli_link)
        .await
        .expect("open the command's link");
    wait_for_id(&other, "08STATE15220").await;
    assert_eq!(
        first_frame(&other).await["id"],
        json!("08STATE15220"),
        "the first cable shown"
    );
    wait_for_attr(&other, "#ref-A", "class", |class| {
        class.contains("selected")
    })
    .await;

    // Broken links: a draft typed in the text area stays; the message says what to do.
    click(&other, "#show-editor").await;
    paste(&other, "MY DRAFT: 1. (C) NOTES FOR TOMORROW.").await;
    wait_for_text(&other, "#parse-time", |text| {
        text.starts_with("Read 36 bytes")
    })
    .await;
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
        other
            .execute("location.hash = arguments[0];", vec![json!(broken)])
            .await
            .expect("set the hash");
        let notice = wait_for_text(&other, "#notice", |text| text.contains(expect)).await;
        assert!(notice.contains("Your text is unchanged"), "{notice}");
        let draft = other
            .execute(
                "return document.getElementById('cable-input').value;",
                vec![],
            )
            .await
            .expect("draft");
        assert_eq!(draft, json!("MY DRAFT: 1. (C) NOTES FOR TOMORROW."));
    }
    // A good link over the draft: the draft can be brought back.
    other
        .execute("location.hash = arguments[0];", vec![json!(fragment)])
        .await
        .expect("set the hash");
    let notice = wait_for_text(&other, "#notice", |text| {
        text.contains("Opened the cable this link carries")
    })
    .await;
    assert!(notice.contains("Undo brings it back"), "{notice}");
    click(&other, "#notice-undo").await;
    wait_for_text(&other, "#parse-time", |text| {
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
    assert_eq!(
        text_of(&fresh, "[data-field=canonical-id]").await,
        "08OTTAWA372"
    );
    // Links fetch nothing but the page's own files (the model's primer among them).
    let foreign = fresh
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));",
            vec![],
        )
        .await
        .expect("resources");
    assert_eq!(foreign, json!([]));
    let _ = fresh.close().await;
    let _ = other.close().await;
    let _ = client.close().await;
}

/// A paste too large for the text area (over 32 KB) goes to the source view, read-only, where
/// only the lines on screen are rendered; "Edit text" puts it in the text area.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_paste_is_shown_line_by_line() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    let largest =
        std::fs::read_to_string(repo().join("corpus/cables/00STATE228772.txt")).expect("cable");
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
    click(&client, "#show-editor").await;
    let value_len = client
        .execute(
            "return document.getElementById('cable-input').value.length;",
            vec![],
        )
        .await
        .expect("text area");
    assert_eq!(
        value_len.as_u64(),
        Some(largest.encode_utf16().count() as u64)
    );
    // A small paste still goes into the text area.
    paste(&client, &crate_seed()).await;
    wait_for_id(&client, "08OTTAWA372").await;
    let editor = client
        .execute("return !!document.getElementById('cable-input');", vec![])
        .await
        .expect("editor");
    assert_eq!(editor, json!(true));
    let _ = client.close().await;
}

/// The value of attribute `name` of the element at `css`, once it has one.
async fn wait_for_attr_value(client: &Client, css: &str, name: &str) -> String {
    let started = Instant::now();
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(Some(value)) = element.prop(name).await {
                if !value.is_empty() {
                    return value;
                }
            }
        }
        assert!(started.elapsed() < WAIT, "{css} [{name}] never had a value");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Timings in the browser, printed for BENCHMARKS.md, not asserted: navigation to the seed fully
/// rendered (top level, and in a frame); a paste of the largest corpus cable to fully rendered,
/// beside the browser's own cost of holding that text in the text area; a 1 MB paste to
/// rendered, and the time the page then takes to answer a keystroke.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_timings() {
    // The driver lives to the end: dropping it stops chromedriver.
    let (port, _driver, client) = session().await;
    let url = format!("http://127.0.0.1:{port}/");
    // Navigation to the seed fully rendered (its last paragraph and the bottom banner painted),
    // from the navigation's start, as the page's own timeline has it: the page marks
    // FIRST_VIEW_MARK after the frame that painted its first view. Read afterwards, so that the
    // driver's own latency (its navigation command returns after the load event, then its script
    // is sent in) is not counted; that time, when the driver saw the view, is kept beside it.
    let navigate = || async {
        client.goto(&url).await.expect("page");
        let [page, seen] = client
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1];\
                     requestAnimationFrame(function check() {{\
                       const mark = performance.getEntriesByName('{FIRST_VIEW_MARK}')[0];\
                       if (mark && document.getElementById('p-7') && document.getElementById('banner-bottom')) done([mark.startTime, performance.now()]);\
                       else requestAnimationFrame(check);\
                     }});"
                ),
                vec![],
            )
            .await
            .expect("rendered")
            .as_array()
            .map(|both| [0, 1].map(|i| both.get(i).and_then(|ms| ms.as_f64()).unwrap_or(f64::NAN)))
            .unwrap_or([f64::NAN; 2]);
        (page, seen)
    };
    let (mut loads, mut loads_seen) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let (page, seen) = navigate().await;
        loads.push(page);
        loads_seen.push(seen);
    }
    // The same in a laptop's window (1280 by 900): the window above is 2400 pixels tall, so
    // that every test sees the whole view.
    resize(&client, LAPTOP_WINDOW).await;
    let (mut laptop_loads, mut laptop_loads_seen) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let (page, seen) = navigate().await;
        laptop_loads.push(page);
        laptop_loads_seen.push(seen);
    }
    resize(&client, TALL_WINDOW).await;
    // The same, for the page loaded in a frame of a page the test server adds, on the frame's own
    // timeline: a top-level navigation also pays for tearing down the page before it and for
    // the driver's work on each new document, which a frame's navigation mostly does not.
    client
        .goto(&format!("{url}__frame_timing.html"))
        .await
        .expect("frame timing page");
    let mut frame_loads = Vec::new();
    for n in 0..6 {
        let ms = client
            .execute_async(
                "const [n, done] = arguments; frameLoad(n).then(done);",
                vec![json!(n)],
            )
            .await
            .expect("frame rendered")
            .as_f64()
            .unwrap_or(f64::NAN);
        // The first load compiles the wasm; the five after it are measured.
        if n > 0 {
            frame_loads.push(ms);
        }
    }
    // A link to the seed with paragraph 3 chosen, opened: from navigation to that paragraph
    // selected (the model's primer fetched and read, the link decoded, the view rendered).
    client.goto(&url).await.expect("page");
    wait_for_text(&client, "#p-7", |_| true).await;
    let before = address(&client).await;
    click(&client, "#p-3").await;
    let link = wait_for_new_link(&client, &before).await;
    let mut link_loads = Vec::new();
    for _ in 0..3 {
        client.goto(&url).await.expect("page");
        client.goto(&link).await.expect("the link");
        let ms = client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(function check() {\
                   const p = document.getElementById('p-3');\
                   if (p && p.classList.contains('selected')) setTimeout(() => done(performance.now()), 0);\
                   else requestAnimationFrame(check);\
                 });",
                vec![],
            )
            .await
            .expect("link opened")
            .as_f64()
            .unwrap_or(f64::NAN);
        link_loads.push(ms);
    }
    client.goto(&url).await.expect("page");
    wait_for_text(&client, "#p-7", |_| true).await;
    // A paste of the longest corpus cable, to its header and every paragraph in the page, and
    // painted (the time is read after the frame that shows them).
    let largest = std::fs::read_to_string(repo().join("corpus/cables/00STATE228772.txt"))
        .expect("corpus cable");
    let paste_timing = |text: String, expect_id: &'static str, paragraphs: usize| {
        let client = client.clone();
        async move {
            show_editor(&client).await;
            client
                .execute_async(
                    &format!(
                        "const [text, id, paragraphs, done] = arguments;\
                         const start = performance.now();\
                         {PASTE_TEXT}\
                         (function check() {{\
                           const field = document.querySelector('[data-field=canonical-id]');\
                           if (field && field.textContent.startsWith(id) && document.querySelectorAll('li.paragraph').length === paragraphs) setTimeout(() => done(performance.now() - start), 0);\
                           else requestAnimationFrame(check);\
                         }})();"
                    ),
                    vec![json!(text), json!(expect_id), json!(paragraphs)],
                )
                .await
                .expect("pasted and rendered")
                .as_f64()
                .unwrap_or(f64::NAN)
        }
    };
    // The browser's own share: the same text put in the text area with no input event, so the
    // page does nothing, to the next frame. No paste can be faster than this.
    let area_only = |text: String| {
        let client = client.clone();
        async move {
            show_editor(&client).await;
            client
                .execute_async(
                    "const [text, done] = arguments;\
                     const area = document.getElementById('cable-input');\
                     const before = area.value;\
                     const start = performance.now();\
                     area.value = text;\
                     requestAnimationFrame(() => setTimeout(() => {\
                       const ms = performance.now() - start;\
                       area.value = before;\
                       requestAnimationFrame(() => setTimeout(() => done(ms), 0));\
                     }, 0));",
                    vec![json!(text)],
                )
                .await
                .expect("text area alone")
                .as_f64()
                .unwrap_or(f64::NAN)
        }
    };
    let (largest_paragraphs, seed_paragraphs) =
        (shown_paragraphs(&largest), shown_paragraphs(&crate_seed()));
    let mut pastes = Vec::new();
    let mut parses = Vec::new();
    let mut areas = Vec::new();
    for _ in 0..5 {
        areas.push(area_only(largest.clone()).await);
        pastes.push(paste_timing(largest.clone(), "00STATE228772", largest_paragraphs).await);
        let parse_ms = client
            .execute(
                "return Number(document.getElementById('parse-time').dataset.ms);",
                vec![],
            )
            .await
            .expect("parse time")
            .as_f64()
            .unwrap_or(f64::NAN);
        parses.push(parse_ms);
        paste_timing(crate_seed(), "08OTTAWA372", seed_paragraphs).await;
    }
    // The same paste in a laptop's window.
    resize(&client, LAPTOP_WINDOW).await;
    let mut laptop_pastes = Vec::new();
    for _ in 0..5 {
        laptop_pastes
            .push(paste_timing(largest.clone(), "00STATE228772", largest_paragraphs).await);
        paste_timing(crate_seed(), "08OTTAWA372", seed_paragraphs).await;
    }
    resize(&client, TALL_WINDOW).await;
    // About 1 MB: the corpus cables one after another (the first one's ID shows).
    let mut big = String::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/cables"))
        .expect("corpus")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    names.sort();
    for name in names.iter().cycle() {
        if big.len() >= 1_000_000 {
            break;
        }
        big.push_str(&std::fs::read_to_string(name).expect("cable"));
        big.push_str("\n\n");
    }
    let first_id = names
        .first()
        .and_then(|path| path.file_stem())
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let first_id: &'static str = Box::leak(first_id.into_boxed_str());
    let megabyte_area = area_only(big.clone()).await;
    let megabyte = paste_timing(big.clone(), first_id, shown_paragraphs(&big)).await;
    // A megabyte shows its first paragraphs, and the rest on request.
    let more = text_of(&client, "#show-all-paragraphs").await;
    assert!(more.starts_with("Show all "), "{more}");
    // A keystroke after it, typed at the end as the browser inserts typing (`insertText`), to the
    // next paint.
    // And the same keystroke in a plain text area holding the same text, which the page does not
    // listen to: the browser's own share.
    let keystroke_js = "const [own, done] = arguments;\
         let area = document.getElementById('cable-input');\
         if (!own) {\
           const plain = document.createElement('textarea');\
           plain.className = area.className;\
           plain.style.cssText = getComputedStyle(area).cssText;\
           plain.value = area.value;\
           area.parentNode.insertBefore(plain, area);\
           area.style.display = 'none';\
           area = plain;\
         }\
         area.focus();\
         area.setSelectionRange(area.value.length, area.value.length);\
         requestAnimationFrame(() => setTimeout(() => {\
           const start = performance.now();\
           document.execCommand('insertText', false, 'x');\
           requestAnimationFrame(() => setTimeout(() => {\
             const ms = performance.now() - start;\
             if (!own) { area.remove(); document.getElementById('cable-input').style.display = ''; }\
             done(ms);\
           }, 0));\
         }, 0));";
    // Typing in the megabyte means asking for the text area ("Edit text") first.
    show_editor(&client).await;
    let keystroke_plain = client
        .execute_async(keystroke_js, vec![json!(false)])
        .await
        .expect("keystroke in a plain text area")
        .as_f64()
        .unwrap_or(f64::NAN);
    let keystroke = client
        .execute_async(keystroke_js, vec![json!(true)])
        .await
        .expect("keystroke")
        .as_f64()
        .unwrap_or(f64::NAN);
    let _ = client.close().await;
    println!();
    println!(
        "browser: navigation to the seed rendered (the page's mark): {} (5 loads); seen by the driver: {}",
        median_and_best(&loads),
        median_and_best(&loads_seen)
    );
    println!(
        "browser: the same in a 1280 by 900 window: {} (5 loads); seen by the driver: {}",
        median_and_best(&laptop_loads),
        median_and_best(&laptop_loads_seen)
    );
    println!(
        "browser: navigation of a frame to the seed rendered: {} (5 loads after a first)",
        median_and_best(&frame_loads)
    );
    println!(
        "browser: navigation to a link to the seed ({} characters) with its paragraph selected: {} (3 loads)",
        link.len(),
        median_and_best(&link_loads)
    );
    println!(
        "browser: paste of 00STATE228772 ({} bytes) to rendered: {} (5 pastes)",
        largest.len(),
        median_and_best(&pastes)
    );
    println!(
        "browser: the same paste in a 1280 by 900 window: {} (5 pastes)",
        median_and_best(&laptop_pastes)
    );
    println!(
        "browser: of which the browser's own text area (the same text, no input event): {}",
        median_and_best(&areas)
    );
    println!(
        "browser: of which the parse of 00STATE228772 in wasm: median {:.1} ms ({:.1} MB/s)",
        median(&parses),
        largest.len() as f64 / 1000.0 / median(&parses)
    );
    println!(
        "browser: paste of {} bytes (the corpus, cycled) to rendered: {:.0} ms (the text area alone: {:.0} ms); a keystroke then: {:.0} ms to the next paint (in a plain text area: {:.0} ms)",
        big.len(),
        megabyte,
        megabyte_area,
        keystroke,
        keystroke_plain
    );
}

/// The seed, as the page opens with it.
fn crate_seed() -> String {
    std::fs::read_to_string(repo().join("corpus/seed/08OTTAWA372.txt")).expect("seed")
}

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
        json!(["/start.js"]),
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
        assert!(plusd_ok || anchor_ok, "{what}: a link to {href:?}");
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

    // The three hostile files at once through the picker, then each shown in turn with every
    // fold open: transmission details, notes, source view.
    let folder = repo().join("tests/hostile");
    let files = [
        "all-fields.txt",
        "saved-page.html",
        "cables-row.csv",
        "nul-byte.txt",
    ];
    let paths: Vec<PathBuf> = files.iter().map(|name| folder.join(name)).collect();
    choose_files(&client, &paths).await;
    wait_for_text(&client, "#opened-files", |text| {
        files[..3].iter().all(|name| text.contains(name))
    })
    .await;
    let notice = text_of(&client, "#notice").await;
    assert!(
        notice.contains("nul-byte.txt") && notice.contains("binary"),
        "{notice}"
    );
    for (name, subject) in [
        ("all-fields.txt", "JAVASCRIPT:window.__pwned"),
        ("saved-page.html", "<img src=x onerror="),
        ("cables-row.csv", "CSV"),
    ] {
        click_by_text(&client, "#opened-files button", name).await;
        wait_for_text(&client, "[data-field=subject]", |text| {
            text.contains(subject)
        })
        .await;
        // Every fold open: transmission details, notes, each element's source lines.
        client
            .execute(
                "document.querySelectorAll('details').forEach((d) => { d.open = true; });",
                vec![],
            )
            .await
            .expect("open the folds");
        click(&client, "#show-source").await;
        wait_for_text(&client, "#source-pane", |text| text.contains("__pwned")).await;
        // Select every reference, so each is rendered selected and highlighted in the source.
        let references = client
            .find_all(Locator::Css("[id^=ref-] .reference-letter"))
            .await
            .unwrap_or_default();
        for reference in references {
            let _ = reference.click().await;
        }
        assert_unexposed(&client, name).await;
        click(&client, "#show-editor").await;
    }

    // Pasted, with its external addresses and NUL bytes: still nothing runs and nothing is
    // requested.
    let hostile = std::fs::read_to_string(folder.join("all-fields.txt"))
        .expect("hostile cable")
        .replace("zero widths:", "NUL bytes: [\0\0]; zero widths:");
    let before = address(&client).await;
    paste(&client, &hostile).await;
    wait_for_text(&client, "[data-field=subject]", |text| {
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
    assert_unexposed(&client, "the pasted cable").await;
    // A link to the hostile cable (the address follows the view), opened afresh: the same. The
    // address held the CSV file's link until the pasted cable's view rested.
    let link = wait_for_new_link(&client, &before).await;
    client.goto("about:blank").await.expect("leave");
    client.goto(&link).await.expect("open the hostile link");
    wait_for_text(&client, "[data-field=subject]", |text| {
        text.contains("JAVASCRIPT:")
    })
    .await;
    assert_unexposed(&client, "the hostile link").await;

    // The CSP held without a single violation.
    let log = browser_log(&client).await;
    let violations: Vec<&String> = log
        .iter()
        .filter(|line| {
            line.contains("Content Security Policy") || line.contains("Content-Security-Policy")
        })
        .collect();
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    // Nothing was asked of any server but the page's own files.
    let foreign = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));",
            vec![],
        )
        .await
        .expect("resource entries");
    assert_eq!(foreign, json!([]), "requests beyond the page's own files");
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

    // The CSP is really enforced: markup injected by hand (as a bug in the page would) does
    // not run, and the console says why.
    client
        .execute(
            "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,x\" onerror=\"window.__probe = 1\">');\
             const s = document.createElement('script'); s.textContent = 'window.__probe = 2'; document.body.appendChild(s);",
            vec![],
        )
        .await
        .expect("inject");
    let started = Instant::now();
    let mut reported = Vec::new();
    while reported.len() < 2 && started.elapsed() < WAIT {
        reported.extend(
            browser_log(&client)
                .await
                .into_iter()
                .filter(|line| line.contains("Content Security Policy")),
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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

    let _ = client.close().await;
}

/// Copies the files of `from` into `to`, folders included.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Waits until `script` (which may return a promise) returns `want`.
async fn wait_for_script(client: &Client, script: &str, want: serde_json::Value) {
    let started = Instant::now();
    loop {
        let got = client.execute(script, vec![]).await.expect("script");
        if got == want {
            return;
        }
        assert!(
            started.elapsed() < WAIT,
            "waited {WAIT:?} for {script} to be {want}; it is {got}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_one_visit_the_page_works_offline_and_a_new_build_replaces_the_old() {
    // The build served from a copy, so that a "new deployment" can be made in place.
    let root = std::env::temp_dir().join(format!("cablescope-e2e-offline-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_tree(&dist(), &root);
    let port = serve_static(root.clone());
    let driver = start_driver();
    let client = browser(&driver).await;
    let page = format!("http://127.0.0.1:{port}/");
    client.goto(&page).await.expect("first visit");
    wait_for_id(&client, "08OTTAWA372").await;
    // The worker takes the page over and has the build's files cached.
    wait_for_script(
        &client,
        "return !!navigator.serviceWorker.controller;",
        json!(true),
    )
    .await;
    let wasm = client
        .execute(
            "return document.getElementById('cablescope-start').dataset.wasm;",
            vec![],
        )
        .await
        .expect("wasm name");
    let cache = format!("cablescope-{}", wasm.as_str().unwrap_or_default());
    wait_for_script(&client, "return caches.keys();", json!([cache])).await;

    // Offline: the page comes back whole. Chromium's emulation does not cover the worker's own
    // requests, so the server is taken down too; the worker's tries for a fresh page and loader
    // fail and everything comes from its cache.
    client
        .issue_cmd(network_conditions(true))
        .await
        .expect("go offline");
    set_down(port, true);
    let heard = requests(port).len();
    client.refresh().await.expect("reload offline");
    wait_for_id(&client, "08OTTAWA372").await;
    wait_for_text(&client, "#p-7", |text| !text.is_empty()).await;
    let online = client
        .execute("return navigator.onLine;", vec![])
        .await
        .expect("onLine");
    assert_eq!(online, json!(false), "the network was not emulated offline");
    let tried: Vec<String> = requests(port).split_off(heard);
    assert!(
        tried.iter().all(|path| path == "/" || path == "/start.js"),
        "requested while offline: {tried:?}"
    );
    // Parsing works offline too.
    paste(
        &client,
        &std::fs::read_to_string(repo().join("corpus/cables/09BERLIN1167.txt")).expect("cable"),
    )
    .await;
    wait_for_id(&client, "09BERLIN1167").await;

    // A new deployment (the wasm under a new name, as a new build has): back online, the next
    // visit shows it, its worker takes over, and the old build's cache is gone.
    let old_name = wasm
        .as_str()
        .unwrap_or_default()
        .trim_start_matches('/')
        .to_string();
    let new_name = format!("next-{old_name}");
    std::fs::rename(root.join(&old_name), root.join(&new_name)).expect("rename the wasm");
    let index = std::fs::read_to_string(root.join("index.html")).expect("index");
    std::fs::write(root.join("index.html"), index.replace(&old_name, &new_name)).expect("index");
    client
        .issue_cmd(network_conditions(false))
        .await
        .expect("back online");
    set_down(port, false);
    client.goto(&page).await.expect("visit the new build");
    wait_for_text(&client, "[data-field=canonical-id]", |text| {
        !text.is_empty()
    })
    .await;
    let new_cache = format!("cablescope-/{new_name}");
    wait_for_script(&client, "return caches.keys();", json!([new_cache])).await;
    wait_for_script(
        &client,
        "return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL.includes('next-');",
        json!(true),
    )
    .await;
    let _ = client.close().await;
    let _ = std::fs::remove_dir_all(&root);
}

/// The text area's value, exactly (the text area shown first).
async fn editor_value(client: &Client) -> String {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_printed_cable_has_every_paragraph_whole() {
    let counts = "return [document.querySelectorAll('li.paragraph').length,\
                   document.querySelectorAll('.show-rest').length,\
                   document.querySelectorAll('#show-all-paragraphs').length];";
    // The longest corpus cable, whose longest paragraphs are shown cut, with "show the whole
    // paragraph"; and a text of more paragraphs than are shown before "Show all".
    let largest = std::fs::read_to_string(repo().join("corpus/cables/00STATE228772.txt"))
        .expect("corpus cable");
    let mut many = String::from("UNCLASSIFIED\n\nSUBJECT: SEVENTY PARAGRAPHS\n\n");
    for n in 1..=70 {
        many.push_str(&format!("{n}. (U) Paragraph {n} of seventy.\n\n"));
    }
    // Each in a browser of its own: headless Chromium answers only the first print() of a page.
    for text in [largest, many] {
        let (port, _driver, client) = session().await;
        open_seed(&client, port).await;
        // Printed with the page's Print button: what the page holds as the browser begins to print
        // is noted (its `beforeprint`; headless Chromium prints nothing and sends no `afterprint`).
        client
            .execute(
                &format!("addEventListener('beforeprint', () => {{ window.printed = (() => {{ {counts} }})(); }});"),
                vec![],
            )
            .await
            .expect("a note of what was printed");
        let total = cable::parse(&text).cable.paragraphs.len();
        let shown = shown_paragraphs(&text);
        paste(&client, &text).await;
        wait_for_script(
            &client,
            "return document.querySelectorAll('li.paragraph').length;",
            json!(shown),
        )
        .await;
        let on_screen = client.execute(counts, vec![]).await.expect("counts");
        assert!(
            on_screen[1].as_u64().unwrap_or(0) + on_screen[2].as_u64().unwrap_or(0) > 0,
            "nothing left out on screen: {on_screen}"
        );
        click(&client, "#print").await;
        wait_for_script(&client, "return window.printed;", json!([total, 0, 0])).await;
        // Printing over, the page is as it was.
        wait_for_script(&client, counts, on_screen).await;
        let _ = client.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_page_says_so_and_keeps_the_text() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    // Text typed that the page has not seen yet (no input event), then a wasm trap reaches the
    // page as the page's own would (the release page aborts on a panic with `unreachable`):
    // here from a module of one function that is just that, called from a timer.
    show_editor(&client).await;
    let typed = "UNCLASSIFIED\n\nSUBJECT: NOTES TYPED JUST BEFORE THE PAGE STOPPED\n\n1. (U) None of this reached the page.\n";
    client
        .execute(
            "document.getElementById('cable-input').value = arguments[0];\
             const trap = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,\
               7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);\
             WebAssembly.instantiate(trap).then(({ instance }) => setTimeout(instance.exports.f, 0));",
            vec![json!(typed)],
        )
        .await
        .expect("the wasm stops");
    let said = wait_for_text(&client, "#stopped", |text| !text.is_empty()).await;
    assert!(said.contains("kept as a draft"), "{said}");
    let kept = client
        .execute(
            "const id = localStorage.getItem('cablescope-drafts').split(',')[0];\
             return localStorage.getItem('cablescope-draft-' + id);",
            vec![],
        )
        .await
        .expect("the newest draft");
    let kept = kept.as_str().unwrap_or_default();
    assert!(
        kept.contains("\ntitle Kept when the page stopped\n") && kept.ends_with(typed),
        "{kept}"
    );
    // After a reload the page opens that text, and its drafts list names it.
    client.refresh().await.expect("reload");
    wait_for_text(&client, "[data-field=subject]", |text| {
        text.contains("NOTES TYPED JUST BEFORE")
    })
    .await;
    assert_eq!(editor_value(&client).await, typed);
    let listed = client
        .execute(
            "return document.querySelector('.drafts').textContent;",
            vec![],
        )
        .await
        .expect("drafts list");
    assert!(
        listed
            .as_str()
            .is_some_and(|list| list.contains("Kept when the page stopped")),
        "{listed}"
    );
    assert!(
        client.find(Locator::Id("stopped")).await.is_err(),
        "the notice outlived the reload"
    );
    let _ = client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drafts_survive_a_reload_and_a_link_opened_over_them() {
    let (port, _driver, client) = session().await;
    let page = format!("http://127.0.0.1:{port}/");
    client.goto(&page).await.expect("open the page");
    wait_for_id(&client, "08OTTAWA372").await;
    // The untouched sample is no draft.
    assert!(client.find(Locator::Id("drafts")).await.is_err());

    // The reader's own text: a cable with their note on top, and paragraph 2 chosen.
    let mine = format!(
        "MY NOTE: ASK ABOUT REF B.\n{}",
        std::fs::read_to_string(repo().join("corpus/cables/09BERLIN1167.txt")).expect("cable")
    );
    paste(&client, &mine).await;
    wait_for_id(&client, "09BERLIN1167").await;
    click(&client, "#p-2 .paragraph-number").await;
    wait_for_attr(&client, "#p-2", "class", |class| class.contains("selected")).await;
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
    wait_for_id(&client, "09BERLIN1167").await;
    wait_for_attr(&client, "#p-2", "class", |class| class.contains("selected")).await;
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("Your draft is back"), "{notice}");
    assert_eq!(editor_value(&client).await, mine);
    // So does a reload, where the address holds the link to the draft's view.
    client.refresh().await.expect("reload");
    wait_for_id(&client, "09BERLIN1167").await;
    wait_for_attr(&client, "#p-2", "class", |class| class.contains("selected")).await;
    assert_eq!(editor_value(&client).await, mine);

    // A link opened over the draft replaces what is shown, and says where the draft is.
    let cli = std::process::Command::new(env!("CARGO"))
        .args([
            "run",
            "-q",
            "-p",
            "cable-cli",
            "--",
            "link",
            "--base",
            &page,
        ])
        .arg(repo().join("corpus/cables/08STATE15220.txt"))
        .current_dir(repo())
        .output()
        .expect("run the cable command");
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    let link = String::from_utf8_lossy(&cli.stdout).trim().to_string();
    client.goto(&link).await.expect("open the link");
    wait_for_id(&client, "08STATE15220").await;
    let notice = text_of(&client, "#notice").await;
    assert!(notice.contains("Recent drafts"), "{notice}");

    // The draft is listed, with the link's cable; choosing it brings it back exactly.
    client
        .execute("document.getElementById('drafts').open = true;", vec![])
        .await
        .expect("open the drafts list");
    wait_for_text(&client, "#drafts-list", |text| {
        text.contains("09BERLIN1167") && text.contains("08STATE15220")
    })
    .await;
    click_by_text(&client, "#drafts-list .draft-open", "09BERLIN1167").await;
    wait_for_id(&client, "09BERLIN1167").await;
    wait_for_attr(&client, "#p-2", "class", |class| class.contains("selected")).await;
    assert_eq!(editor_value(&client).await, mine);

    // A draft can be forgotten.
    client
        .execute(
            "const item = [...document.querySelectorAll('#drafts-list li')].find((li) => li.textContent.includes('08STATE15220'));\
             item.querySelector('.draft-remove').click();",
            vec![],
        )
        .await
        .expect("forget a draft");
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_megabyte_paste_or_file_keeps_the_page_usable() {
    let (port, _driver, client) = session().await;
    open_seed(&client, port).await;
    let largest =
        std::fs::read_to_string(repo().join("corpus/cables/00STATE228772.txt")).expect("cable");
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
    let held = wait_for_text(&client, "#parse-held", |text| text.contains("MB")).await;
    assert!(
        held.contains("This text is 9.") || held.contains("This text is 10."),
        "{held}"
    );
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
    let held = wait_for_text(&client, "#parse-held", |text| text.contains("MB")).await;
    assert!(
        held.contains("This text is 9.") || held.contains("This text is 10."),
        "{held}"
    );
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
