//! Files: those the reader opens (picked or dropped), read by the browser and decoded into text,
//! and those the page offers to save. A first-release `.json` record gives its text.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use gloo_file::callbacks::FileReader;
use yew::Callback;

use super::fetch::FetchError;

/// Files larger than this are refused: no cable comes near it (the longest known is about 90 KB).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file, or a sample, could not be opened. The text shown is left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Over [`MAX_FILE_BYTES`]: refused before it was read.
    TooLarge {
        /// The file's name.
        name: String,
        /// Its size.
        n_bytes: u64,
    },
    /// The browser could not read it.
    NotRead {
        /// The file's name.
        name: String,
        /// Why, in the browser's words.
        reason: String,
    },
    /// Read, but over [`MAX_FILE_BYTES`] after all.
    ReadTooLarge {
        /// The file's name.
        name: String,
    },
    /// It holds NUL bytes, which no cable text has.
    Binary {
        /// The file's name.
        name: String,
    },
    /// A sample could not be fetched from the page's own `samples/` folder.
    SampleNotFetched {
        /// The sample's label in the menu.
        label: String,
        /// Why.
        problem: FetchError,
    },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { name, n_bytes } => write!(
                f,
                "{name} is {} MB; files over {} MB are refused. Your text is unchanged.",
                crate::format::one_decimal(*n_bytes as f64 / 1_048_576.0),
                MAX_FILE_BYTES / 1_048_576
            ),
            FileError::NotRead { name, reason } => {
                write!(
                    f,
                    "Could not read {name}: {reason}. Your text is unchanged."
                )
            }
            FileError::ReadTooLarge { name } => write!(
                f,
                "Could not open {name}: it is larger than {} MB.",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            FileError::Binary { name } => {
                write!(f, "Could not open {name}: it is a binary file, not text.")
            }
            FileError::SampleNotFetched { label, problem } => write!(
                f,
                "Could not load the sample {label}: {problem}. Your text is unchanged."
            ),
        }
    }
}

/// Reads each file of `files` (size-checked first) and reports it through the callbacks. The
/// readers must live until they call back: they are kept in `readers`.
pub fn read_files(
    files: &web_sys::FileList,
    on_file: &Callback<(String, Vec<u8>)>,
    on_file_error: &Callback<FileError>,
    readers: &Rc<RefCell<Vec<FileReader>>>,
) {
    for idx in 0..files.length() {
        let Some(file) = files.get(idx) else {
            continue;
        };
        let file = gloo_file::File::from(file);
        let name = file.name();
        if file.size() > MAX_FILE_BYTES {
            on_file_error.emit(FileError::TooLarge {
                name,
                n_bytes: file.size(),
            });
            continue;
        }
        let on_file = on_file.clone();
        let on_file_error = on_file_error.clone();
        let handle = gloo_file::callbacks::read_as_bytes(&file, move |result| match result {
            Ok(bytes) => on_file.emit((name, bytes)),
            Err(error) => on_file_error.emit(FileError::NotRead {
                name,
                reason: error.to_string(),
            }),
        });
        readers.borrow_mut().push(handle);
    }
}

/// Turns a file's bytes into text (`cable::decode`: UTF-8, else ISO-8859-1, with a note).
/// Refuses files that are too large or hold NUL bytes, which no cable text has.
pub fn decode_file(name: &str, bytes: &[u8]) -> Result<(String, Option<&'static str>), FileError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::ReadTooLarge {
            name: name.to_string(),
        });
    }
    if bytes.contains(&0) {
        return Err(FileError::Binary {
            name: name.to_string(),
        });
    }
    let (text, encoding) = cable::decode(bytes);
    let note = match encoding {
        cable::Encoding::Utf8 => None,
        cable::Encoding::Latin1 => Some("It is not UTF-8, so it was read as ISO-8859-1 (Latin-1)."),
    };
    Ok((text, note))
}

/// Offers `text` as a file download; `false` when the browser would not.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let anchor = crate::services::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Native builds (tests) have no browser: nothing to download.
#[cfg(not(target_arch = "wasm32"))]
pub fn download(_name: &str, _mime: &str, _text: &str) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_files_are_decoded_with_a_note() {
        let (text, note) = decode_file("cafe.txt", b"CAF\xc9").unwrap_or_default();
        assert_eq!(text, "CAF\u{c9}");
        assert!(note.is_some());
    }
}
