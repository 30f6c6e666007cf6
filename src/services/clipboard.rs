//! The clipboard.

/// Puts `text` on the clipboard: the Clipboard API, else a selected text area and the copy
/// command (older browsers, pages not served over https).
#[cfg(target_arch = "wasm32")]
pub fn copy(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = crate::services::window() else {
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

/// Native builds (tests) have no browser: nothing to copy.
#[cfg(not(target_arch = "wasm32"))]
pub fn copy(_text: &str) -> bool {
    false
}
