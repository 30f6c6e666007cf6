//! The browser's APIs the page uses, each behind a function that answers a plain Rust value or
//! an error message a reader can act on: the origin-private file system, streams, workers,
//! downloads, the address.

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, HtmlAnchorElement, ReadableStream, ReadableStreamDefaultReader,
    StorageEstimate, Url, WritableStream, WritableStreamDefaultWriter,
};

/// The message of a JavaScript error, or what was thrown.
pub fn message(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an error the browser did not describe".to_string())
}

/// The name of a JavaScript error (`QuotaExceededError`, `NotFoundError`).
pub fn error_name(error: &JsValue) -> String {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// Awaits a promise.
pub async fn wait(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// The browser window; `None` in a worker.
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Milliseconds since the page started, for rates and times left.
pub fn now_ms() -> f64 {
    window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Why something could not be kept or read back, as the page says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives the page no origin-private file system.
    Unavailable(String),
    /// The page's share of the disk is full.
    Full,
    /// A file or folder that should be there is not.
    Missing,
    /// Anything else.
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(
                f,
                "This browser keeps no files for the page ({why}), so the collection cannot be kept: it stays open until the page is closed."
            ),
            StoreError::Full => f.write_str(
                "The browser's storage for this page is full: what was read before is kept, and the rest can be read after space is freed.",
            ),
            StoreError::Missing => f.write_str("Part of the kept collection is gone from the browser's storage."),
            StoreError::Other(why) => write!(f, "The browser could not keep the collection: {why}."),
        }
    }
}

/// What a storage error means for the reader.
pub fn store_error(error: JsValue) -> StoreError {
    match error_name(&error).as_str() {
        "QuotaExceededError" => StoreError::Full,
        "NotFoundError" => StoreError::Missing,
        "SecurityError" | "NotAllowedError" => StoreError::Unavailable(message(&error)),
        _ => StoreError::Other(message(&error)),
    }
}

/// The bytes of a blob copied into `into` (whose allocation is used again: a collection's
/// segments are read one after another through one buffer).
pub async fn blob_into(blob: &Blob, into: &mut Vec<u8>) -> Result<(), String> {
    let buffer = wait(blob.array_buffer())
        .await
        .map_err(|error| message(&error))?;
    copy_into(&Uint8Array::new(&buffer), into);
    Ok(())
}

/// Copies a JavaScript array into `into`, replacing what it held.
pub fn copy_into(array: &Uint8Array, into: &mut Vec<u8>) {
    into.clear();
    into.resize(array.length() as usize, 0);
    array.copy_to(into);
}

/// The bytes of a blob, or of its range `start..end`.
pub async fn blob_bytes(blob: &Blob, range: Option<(usize, usize)>) -> Result<Vec<u8>, String> {
    let blob = match range {
        Some((start, end)) => blob
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(|error| message(&error))?,
        None => blob.clone(),
    };
    let buffer = wait(blob.array_buffer())
        .await
        .map_err(|error| message(&error))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// How much the page's origin stores, and may store, in bytes.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = window()?.navigator().storage();
    let estimate: StorageEstimate = wait(storage.estimate().ok()?).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// A reader of a file's bytes, unzipped by the browser when `gzipped`, and a counter of the
/// file's own bytes read so far (to show progress through a gzipped file).
pub struct ByteStream {
    reader: ReadableStreamDefaultReader,
    /// The file's bytes read so far (before unzipping), updated as the browser reads.
    pub file_bytes_read: std::rc::Rc<std::cell::Cell<f64>>,
}

impl ByteStream {
    /// Opens `blob` for reading from its start.
    pub fn open(blob: &Blob, gzipped: bool) -> Result<ByteStream, String> {
        let counted = std::rc::Rc::new(std::cell::Cell::new(0.0));
        let raw = blob.stream();
        let stream = if gzipped {
            let unzipper = new_decompression_stream()?;
            let writable: WritableStream = Reflect::get(&unzipper, &"writable".into())
                .map_err(|error| message(&error))?
                .unchecked_into();
            let readable: ReadableStream = Reflect::get(&unzipper, &"readable".into())
                .map_err(|error| message(&error))?
                .unchecked_into();
            let writer = writable.get_writer().map_err(|error| message(&error))?;
            let reader = ReadableStreamDefaultReader::new(&raw).map_err(|error| message(&error))?;
            wasm_bindgen_futures::spawn_local(feed(reader, writer, counted.clone()));
            readable
        } else {
            raw
        };
        let reader = ReadableStreamDefaultReader::new(&stream).map_err(|error| message(&error))?;
        Ok(ByteStream {
            reader,
            file_bytes_read: counted,
        })
    }

    /// The next piece of the file; `None` at its end.
    pub async fn next(&mut self, count_read: bool) -> Result<Option<Vec<u8>>, String> {
        let result = wait(self.reader.read())
            .await
            .map_err(|error| unzip_message(&error))?;
        let done = Reflect::get(&result, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(None);
        }
        let value = Reflect::get(&result, &"value".into()).map_err(|error| message(&error))?;
        let bytes = value.unchecked_into::<Uint8Array>().to_vec();
        if count_read {
            self.file_bytes_read
                .set(self.file_bytes_read.get() + bytes.len() as f64);
        }
        Ok(Some(bytes))
    }

    /// Stops reading.
    pub fn cancel(&self) {
        let _ = self.reader.cancel();
    }
}

fn unzip_message(error: &JsValue) -> String {
    let text = message(error);
    if error_name(error) == "TypeError" {
        format!("the file could not be unzipped ({text}): it may be truncated or not gzip")
    } else {
        text
    }
}

/// A `DecompressionStream("gzip")`, made through the global constructor (web-sys marks it
/// unstable).
fn new_decompression_stream() -> Result<JsValue, String> {
    let global = js_sys::global();
    let constructor = Reflect::get(&global, &"DecompressionStream".into())
        .ok()
        .filter(|value| value.is_function())
        .ok_or("this browser cannot unzip files (no DecompressionStream): unzip it first")?;
    Reflect::construct(
        constructor.unchecked_ref::<js_sys::Function>(),
        &js_sys::Array::of1(&"gzip".into()),
    )
    .map_err(|error| message(&error))
}

/// Copies the raw file into the unzipper, counting its bytes.
async fn feed(
    reader: ReadableStreamDefaultReader,
    writer: WritableStreamDefaultWriter,
    counted: std::rc::Rc<std::cell::Cell<f64>>,
) {
    loop {
        let Ok(result) = wait(reader.read()).await else {
            let _ = writer.abort();
            return;
        };
        let done = Reflect::get(&result, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            let _ = writer.close();
            return;
        }
        let Ok(value) = Reflect::get(&result, &"value".into()) else {
            return;
        };
        let n = value
            .dyn_ref::<Uint8Array>()
            .map_or(0.0, |array| f64::from(array.length()));
        if wait(writer.write_with_chunk(&value)).await.is_err() {
            // The unzipper failed (not gzip, or truncated): the reading side says why.
            let _ = reader.cancel();
            return;
        }
        counted.set(counted.get() + n);
    }
}

/// Offers `bytes` to the reader as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let document = window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|error| message(&error))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|error| message(&error))?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|error| message(&error))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The download has its own copy once clicked; the URL is let go a little later.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// The address's fragment, without `#`.
pub fn fragment() -> String {
    window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Writes `fragment` into the address without a new history entry (the view's changes would
/// otherwise make Back step through every keystroke).
pub fn replace_fragment(fragment: &str) {
    let Some(window) = window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = if fragment.is_empty() {
        window.location().pathname().unwrap_or_default()
    } else {
        format!("#{fragment}")
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// The files chosen in a file input.
pub fn chosen_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|idx| list.get(idx)).collect()
}
