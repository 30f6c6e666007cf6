//! What the page hands out: the parse as JSON (the `cable` CLI's shape, `docs/SCHEMA.md`), the
//! reading text, and the browser plumbing to download or copy them.

use cable::{AidKind, Parse};

/// The parse as pretty JSON, as `cable parse --pretty` prints it (without `source`).
pub fn json(parse: &Parse) -> String {
    serde_json::to_string_pretty(parse)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}

/// The cable as a reader wants to quote it: subject, then each paragraph with its number and
/// marking, reading aids applied (`POST'S`, `[redacted]`, garbles left out), then the signer.
pub fn reading_text(parse: &Parse) -> String {
    let cable = &parse.cable;
    let mut out = String::new();
    if let Some(id) = &cable.canonical_id {
        out.push_str(&id.value);
        out.push('\n');
    }
    if let Some(subject) = &cable.subject {
        out.push_str("SUBJECT: ");
        out.push_str(&subject.value);
        out.push_str("\n\n");
    }
    for paragraph in &cable.paragraphs {
        if let Some(heading) = &paragraph.heading {
            out.push_str(&heading.value);
            out.push_str("\n\n");
        }
        if let Some(number) = &paragraph.number {
            out.push_str(&format!("{}. ", number.value));
        }
        if let Some(marking) = &paragraph.marking {
            out.push_str(&format!("({}) ", marking.value));
        }
        let mut at = 0;
        for aid in &paragraph.aids {
            if aid.start < at {
                continue;
            }
            out.push_str(paragraph.text.get(at..aid.start).unwrap_or(""));
            match aid.kind {
                AidKind::Garble => {}
                AidKind::Apostrophe | AidKind::Redaction => out.push_str(&aid.reading),
            }
            at = aid.end;
        }
        out.push_str(paragraph.text.get(at..).unwrap_or(""));
        out.push_str("\n\n");
    }
    if let Some(signature) = &cable.signature {
        out.push_str(&signature.value);
        out.push('\n');
    }
    out
}

/// A file name for the export: the canonical ID, else `cable`.
pub fn file_name(parse: &Parse, extension: &str) -> String {
    let stem = parse
        .cable
        .canonical_id
        .as_ref()
        .map_or("cable", |id| id.value.as_str());
    format!("{stem}.{extension}")
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
    let anchor = web_sys::window()
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

/// Puts `text` on the clipboard: the Clipboard API, else a selected text area and the copy
/// command (older browsers, pages not served over https).
#[cfg(target_arch = "wasm32")]
pub fn copy(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    if window.is_secure_context() {
        let _ = window.navigator().clipboard().write_text(text);
        return true;
    }
    let Some(document) = window.document() else {
        return false;
    };
    let Some(area) = document
        .create_element("textarea")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    let Some(body) = document.body() else {
        return false;
    };
    let _ = body.append_child(&area);
    area.select();
    let copied = document
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|html| html.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}

/// Native builds (tests) have no browser: nothing to download or copy.
#[cfg(not(target_arch = "wasm32"))]
pub fn download(_name: &str, _mime: &str, _text: &str) -> bool {
    false
}

/// See the wasm32 version.
#[cfg(not(target_arch = "wasm32"))]
pub fn copy(_text: &str) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_text_applies_the_aids() {
        let parse = cable::parse(crate::SEED_CABLE);
        let text = reading_text(&parse);
        assert!(text.starts_with("08OTTAWA372\nSUBJECT: CANADA: DISCORD OVER OSLO PROCESS"));
        assert!(text.contains("4. (C/NF) After listening to ref A points"));
        assert!(text.contains(
            "national policy, Turcotte responded, \"my remarks to the plenary are what matter.\""
        ));
        assert!(!text.contains("Qpolicy"));
        assert!(text.trim_end().ends_with("BREESE"));
        let json = json(&parse);
        assert!(json.contains("\"canonical_id\""));
        assert_eq!(file_name(&parse, "json"), "08OTTAWA372.json");
    }
}
