//! The browser's clocks: the performance timeline (how long a parse took, the first view's mark)
//! and the date (a draft's id, and when it was saved).

use gloo_timers::callback::Timeout;

/// The mark the page puts on its performance timeline once its first view has been painted.
pub const FIRST_VIEW_MARK: &str = "cablescope-first-view";

/// The mark the page puts on its performance timeline as its wasm starts running: from
/// navigation to it is the wasm's download, compilation and instantiation; from it to
/// [`FIRST_VIEW_MARK`], the page's own start (`./x bench` prints both).
pub const WASM_STARTED_MARK: &str = "cablescope-wasm-started";

/// The mark `static/boot.js` puts on the performance timeline when the link worker it started
/// has read the link the page was opened on (`./x bench` prints when).
pub const LINK_READ_MARK: &str = "cablescope-link-read";

/// Marks `name` on the performance timeline now.
pub fn mark(name: &str) {
    if let Some(performance) = crate::services::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// The browser's high-resolution clock, in milliseconds; none natively (tests), where nothing
/// is timed.
pub fn performance_ms() -> Option<f64> {
    if cfg!(target_arch = "wasm32") {
        crate::services::window()
            .and_then(|window| window.performance())
            .map(|performance| performance.now())
    } else {
        None
    }
}

/// Marks `name` on the performance timeline after the next frame: its style, layout and paint
/// done (an animation frame, then a task). Called as the page starts, the next frame is the first
/// view's: yew renders it in tasks that never leave a half-built page to the browser, and its
/// effects may run only after that frame, so a mark asked for from an effect would come a frame
/// late.
pub fn mark_after_next_frame(name: &'static str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = crate::services::window() else {
        return;
    };
    let after_frame: Closure<dyn FnMut()> = Closure::once(move || {
        Timeout::new(0, move || {
            if let Some(performance) =
                crate::services::window().and_then(|window| window.performance())
            {
                let _ = performance.mark(name);
            }
        })
        .forget();
    });
    let _ = window.request_animation_frame(after_frame.as_ref().unchecked_ref());
    after_frame.forget();
}

/// Now, in milliseconds since 1970: a new draft's id.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `ms` (since 1970) as the reader's local date and time.
pub fn local_time(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}
