//! Renders the cablescope page into `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<cablescope::App>::new().render();
    // The first frame after this one shows the first view: the page marks it for benchmarks.
    cablescope::mark_after_next_frame(cablescope::FIRST_VIEW_MARK);
}
