//! A minimal yew page: one component, one heading and a paragraph, and the same first-view mark
//! as cablescope's, set after the frame that shows it. `./x bench` times its navigation beside
//! cablescope's, built with the same toolchain and flags and served by the same server.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The mark cablescope sets after its first view (`cablescope::FIRST_VIEW_MARK`).
const FIRST_VIEW_MARK: &str = "cablescope-first-view";

#[function_component(Minimal)]
fn minimal() -> Html {
    html! {
        <main>
            <h1>{ "A minimal yew page" }</h1>
            <p>{ "The anchor for cablescope's first view." }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<Minimal>::new().render();
    let Some(window) = web_sys::window() else {
        return;
    };
    let after_frame: Closure<dyn FnMut()> = Closure::once(move || {
        let mark: Closure<dyn FnMut()> = Closure::once(|| {
            if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
                let _ = performance.mark(FIRST_VIEW_MARK);
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(mark.as_ref().unchecked_ref());
        }
        mark.forget();
    });
    let _ = window.request_animation_frame(after_frame.as_ref().unchecked_ref());
    after_frame.forget();
}
