//! chromedriver, the headless Chromium sessions it starts, and the commands fantoccini does not
//! wrap (the console log, network emulation, DevTools).

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

use super::repo::dist;
use super::server::serve_static;
use super::waits::{poll_until, WAIT};

/// The window every test runs in: tall enough for the whole view, so that what a test clicks is
/// on screen.
pub const TALL_WINDOW: (u32, u32) = (1280, 2400);

/// A laptop's window, for timings as a reader would see them.
pub const LAPTOP_WINDOW: (u32, u32) = (1280, 900);

/// chromedriver on a free port; killed when dropped.
pub struct Driver {
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

    /// Where this driver's browsers save downloads.
    pub fn downloads(&self) -> PathBuf {
        self.scratch().join("downloads")
    }
}

/// Starts chromedriver (`$CHROMEDRIVER`, or the one on the path) and waits until it listens.
pub async fn start_driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
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
    poll_until(async || TcpStream::connect(("127.0.0.1", port)).map(drop))
        .await
        .unwrap_or_else(|error| {
            panic!("chromedriver did not listen on port {port} within {WAIT:?}: {error}")
        });
    driver
}

/// A headless Chromium session of `driver`, in a profile of its own: a fresh browser, as a
/// colleague opening a link has.
pub async fn browser(driver: &Driver) -> Client {
    static SESSIONS: AtomicUsize = AtomicUsize::new(0);
    let profile = driver.scratch().join(format!(
        "profile-{}",
        SESSIONS.fetch_add(1, Ordering::Relaxed)
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
                "download.default_directory": driver.downloads().display().to_string(),
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

/// The built page served on loopback, chromedriver, and a headless Chromium session: what each
/// test starts with (about 1 s; the page's first load takes as long again).
pub async fn session() -> (u16, Driver, Client) {
    let port = serve_static(dist());
    let driver = start_driver().await;
    let client = browser(&driver).await;
    (port, driver, client)
}

/// Resizes the browser's window to `(width, height)`.
pub async fn resize(client: &Client, (width, height): (u32, u32)) {
    client
        .set_window_size(width, height)
        .await
        .expect("window size");
}

/// A chromedriver command fantoccini does not wrap: a POST of `body` to the session's `path`
/// (its console log, its network emulation, a DevTools command).
#[derive(Debug)]
pub struct DriverCommand {
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
pub fn devtools(cmd: &str, params: serde_json::Value) -> DriverCommand {
    DriverCommand {
        path: "goog/cdp/execute",
        body: json!({ "cmd": cmd, "params": params }),
    }
}

/// chromedriver's network emulation: offline, or back to a fast network.
pub fn network_conditions(offline: bool) -> DriverCommand {
    DriverCommand {
        path: "chromium/network_conditions",
        body: json!({ "network_conditions": {
            "offline": offline, "latency": 0,
            "download_throughput": 1_000_000_000, "upload_throughput": 1_000_000_000,
        }}),
    }
}

/// The console messages since the last call (chromedriver hands each out once).
pub async fn browser_log(client: &Client) -> Vec<String> {
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
