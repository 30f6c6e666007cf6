//! A static file server on loopback, one per test, that logs every request and can be taken
//! "down" (for the offline test).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use cablescope::FIRST_VIEW_MARK;

/// Every request the test servers answered: (port, path with its query).
static REQUESTS: Mutex<Vec<(u16, String)>> = Mutex::new(Vec::new());

/// Ports whose server is "down": it closes every connection without answering.
static DOWN: Mutex<Vec<u16>> = Mutex::new(Vec::new());

/// Takes the server on `port` down (every connection closed unanswered), or brings it back.
pub fn set_down(port: u16, down: bool) {
    if let Ok(mut ports) = DOWN.lock() {
        ports.retain(|&other| other != port);
        if down {
            ports.push(port);
        }
    }
}

/// The paths (with queries) requested from the server on `port`, in order.
pub fn requests(port: u16) -> Vec<String> {
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
pub fn serve_static(root: PathBuf) -> u16 {
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

/// The path of [`frame_timing_page`], which only the test server has.
pub const FRAME_TIMING_PAGE: &str = "__frame_timing.html";

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
    let read = if path == FRAME_TIMING_PAGE {
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
