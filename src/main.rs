//! Renders the cablescope page into `<body>`, in place of the view the build wrote there.

fn main() {
    cablescope::mark(cablescope::WASM_STARTED_MARK);
    console_error_panic_hook::set_once();
    // Out in this task, and the page's own view in in a microtask of it: no frame shows neither.
    cablescope::prerender::take_out();
    yew::Renderer::<cablescope::App>::new().render();
    // The first frame after this one shows the first view: the page marks it for benchmarks.
    cablescope::mark_after_next_frame(cablescope::FIRST_VIEW_MARK);
}
