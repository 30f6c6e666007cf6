//! Renders the cablescope page into `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<cablescope::App>::new().render();
}
