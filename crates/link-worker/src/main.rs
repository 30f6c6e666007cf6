//! cablescope's link model, in a Web Worker of its own: the page (`src/services/link.rs`) starts
//! it when a link is first made or opened, and `static/boot.js` as the page starts when the
//! address holds a link, asking at once for that link's text, so that it is read while the page
//! loads (the page's own request for it is then answered from what the worker kept). The page's own wasm
//! then carries no model and no primer; everything of a link but its text (version, checksum,
//! lengths, view) the page reads itself (`permalink::check`, `permalink::view_of`).
//!
//! Requests and answers are arrays, the first element the request's number:
//!
//! - `[n, "compress", text]` → `[n, true, code]` (a `Uint8Array`: the text's compression, made
//!   into a link by `permalink::CompressedText::from_code`), or `[n, false, bytes]` when the
//!   text is over `permalink::MAX_TEXT_BYTES`.
//! - `[n, "open", fragment, primer]` → `[n, true, text]`, or `[n, false, kind, number]`
//!   (`permalink::LinkError::to_wire`). `primer` is format 1's primer (a `Uint8Array`) for a
//!   format-1 link, which the page fetches then; otherwise `null`.
//!
//! The worker never fetches anything and never touches a page.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::{Cell, RefCell};

    use js_sys::{Array, Uint8Array};
    use permalink::{Codec, LinkError};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        /// Format 1's codec, primed from the primer the page sent with a format-1 link.
        static FORMAT_1: RefCell<Option<Codec>> = const { RefCell::new(None) };
        /// The last link opened and what it gave: `static/boot.js` asks for the address's link
        /// as the page starts, and the page asks again once it runs.
        static LAST_OPENED: RefCell<Option<(String, Result<String, LinkError>)>> =
            const { RefCell::new(None) };
    }

    /// Answers one request.
    fn answer(request: &Array) -> Array {
        let n = request.get(0);
        let op = request.get(1).as_string().unwrap_or_default();
        match op.as_str() {
            "compress" => {
                let text = request.get(2).as_string().unwrap_or_default();
                match Codec::builtin_current().compress(&text) {
                    Ok(compressed) => Array::of3(
                        &n,
                        &JsValue::TRUE,
                        &Uint8Array::from(compressed.code()).into(),
                    ),
                    Err(_) => Array::of3(&n, &JsValue::FALSE, &JsValue::from(text.len() as f64)),
                }
            }
            "open" => {
                let fragment = request.get(2).as_string().unwrap_or_default();
                let primer = request
                    .get(3)
                    .dyn_into::<Uint8Array>()
                    .ok()
                    .map(|p| p.to_vec());
                match open(&fragment, primer) {
                    Ok(text) => Array::of3(&n, &JsValue::TRUE, &JsValue::from(text)),
                    Err(error) => {
                        let (kind, number) = error.to_wire();
                        Array::of4(
                            &n,
                            &JsValue::FALSE,
                            &JsValue::from(kind),
                            &JsValue::from(number as f64),
                        )
                    }
                }
            }
            _ => Array::of2(&n, &JsValue::FALSE),
        }
    }

    /// The text of the link in `fragment`, as the last time it was asked for, or read now.
    fn open(fragment: &str, primer: Option<Vec<u8>>) -> Result<String, LinkError> {
        let known = LAST_OPENED.with(|last| {
            last.borrow()
                .as_ref()
                .filter(|(opened, _)| opened == fragment)
                .map(|(_, result)| result.clone())
        });
        // A format-1 link first asked for without its primer is asked for again with it.
        if let Some(result) = known.filter(|result| result != &Err(LinkError::FormatNotLoaded(1))) {
            return result;
        }
        let result = read(fragment, primer);
        LAST_OPENED.with(|last| last.replace(Some((fragment.to_string(), result.clone()))));
        result
    }

    /// The text of the link in `fragment`; format 1's model primed from `primer` when it is one.
    fn read(fragment: &str, primer: Option<Vec<u8>>) -> Result<String, LinkError> {
        if permalink::format_version(fragment) != Some(1) {
            return Codec::builtin_current()
                .decode(fragment)
                .map(|link| link.text);
        }
        FORMAT_1.with(|slot| {
            let mut slot = slot.borrow_mut();
            if slot.is_none() {
                let primer = primer.ok_or(LinkError::FormatNotLoaded(1))?;
                let mut priming = Codec::builtin_current()
                    .priming(&primer)
                    .map_err(|_| LinkError::FormatNotLoaded(1))?;
                while !priming.step(64 * 1024) {}
                *slot = Some(priming.finish());
            }
            let codec = slot.as_ref().ok_or(LinkError::FormatNotLoaded(1))?;
            codec.decode(fragment).map(|link| link.text)
        })
    }

    /// How long the worker waits, idle, before it primes the model links are made from: the
    /// page asks again for the link `static/boot.js` asked for once its own wasm runs, and a
    /// priming begun at once (a tenth of a second in the browser) held that answer up.
    const IDLE_BEFORE_PRIMING_MS: i32 = 1_000;

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        // Primes the model links are made from, so that the reader's first link does not wait
        // for it; a link made sooner primes it itself.
        let prime = Closure::<dyn FnMut()>::new(|| Codec::builtin_current().prime());
        let pending = Cell::new(None);
        let reply_to = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(handle) = pending.take() {
                reply_to.clear_timeout_with_handle(handle);
            }
            let Ok(request) = event.data().dyn_into::<Array>() else {
                return;
            };
            let _ = reply_to.post_message(&answer(&request));
            pending.set(
                reply_to
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        prime.as_ref().unchecked_ref(),
                        IDLE_BEFORE_PRIMING_MS,
                    )
                    .ok(),
            );
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
