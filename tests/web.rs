//! Components rendered by yew in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use cablescope::components::paragraphs_list::{ParagraphsList, ParagraphsListProps};
use cablescope::components::source_snippet::SourceText;
use cablescope::{App, SEED_CABLE};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_point() -> Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let element = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&element)
        .expect("attached");
    element
}

fn text_of(root: &Element, css: &str) -> String {
    root.query_selector(css)
        .ok()
        .flatten()
        .and_then(|element| element.text_content())
        .unwrap_or_default()
}

/// The paragraphs list's properties for `text`, nothing selected, every callback a no-op.
fn paragraphs_of(text: Rc<str>) -> ParagraphsListProps {
    ParagraphsListProps {
        parse: Rc::new(cable::parse(&text)),
        source: Rc::new(SourceText::new(text)),
        selected: None,
        on_select: yew::Callback::noop(),
        as_written: false,
        on_toggle_written: yew::Callback::noop(),
        all_paragraphs: false,
        on_show_all: yew::Callback::noop(),
        on_copy_link: yew::Callback::noop(),
    }
}

fn has_class(element: &Element, class: &str) -> bool {
    element
        .get_attribute("class")
        .is_some_and(|classes| classes.split_whitespace().any(|name| name == class))
}

/// Waits for the debounced re-parse by yielding to the browser until `condition` holds.
async fn wait_until(root: &Element, css: &str, condition: impl Fn(&str) -> bool) -> String {
    for _ in 0..200 {
        let text = text_of(root, css);
        if condition(&text) {
            return text;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
        yew::scheduler::flush().await;
    }
    panic!(
        "{css} never satisfied the condition; last text {:?}",
        text_of(root, css)
    );
}

#[wasm_bindgen_test]
async fn paragraphs_list_renders_numbers_markings_and_source() {
    let root = mount_point();
    yew::Renderer::<ParagraphsList>::with_root_and_props(
        root.clone(),
        paragraphs_of(Rc::from(SEED_CABLE)),
    )
    .render();
    yew::scheduler::flush().await;

    let numbers: Vec<String> = {
        let nodes = root.query_selector_all(".paragraph-number").expect("query");
        (0..nodes.length())
            .filter_map(|idx| nodes.item(idx))
            .filter_map(|node| node.text_content())
            .collect()
    };
    assert_eq!(numbers, ["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
    // A short text: every paragraph laid out at once, none left to be skipped off screen.
    let list = root
        .query_selector("ol.paragraphs")
        .ok()
        .flatten()
        .expect("the list");
    assert!(!has_class(&list, "long"));
    assert_eq!(text_of(&root, "#p-2 .marking"), "(C/NF)");
    assert_eq!(text_of(&root, "#p-2 .subheading"), "DFAIT NATO Surprised");
    // The fourth paragraph was written `14.`: the number keeps what was written as its title.
    let fourth = root
        .query_selector("#p-4 .paragraph-number")
        .ok()
        .flatten()
        .expect("paragraph 4");
    assert_eq!(
        fourth.get_attribute("title").as_deref(),
        Some("Written as 14")
    );
    // The source lines are rendered when the snippet is opened.
    assert_eq!(text_of(&root, "#p-6 .source-text"), "");
    let details: web_sys::HtmlDetailsElement = root
        .query_selector("#p-6 details.source")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into().ok())
        .expect("the snippet");
    details.set_open(true);
    details
        .dispatch_event(&web_sys::Event::new("toggle").expect("a toggle event"))
        .expect("dispatched");
    let source = wait_until(&root, "#p-6 .source-text", |text| !text.is_empty()).await;
    assert!(source.contains("OTTAWA 00000372 002 OF 002"), "{source}");
}

#[wasm_bindgen_test]
async fn a_long_text_leaves_paragraphs_off_screen_unlaid() {
    use cablescope::components::paragraphs_list::SKIP_OFFSCREEN_FROM;
    let root = mount_point();
    let paragraph =
        "The text of a paragraph, long enough to fill a few lines on a screen. ".repeat(8);
    let count = SKIP_OFFSCREEN_FROM / paragraph.len() + 2;
    let text: String = (1..=count)
        .map(|n| format!("{n}. {paragraph}\n\n"))
        .collect();
    let props = paragraphs_of(Rc::from(text));
    assert_eq!(props.parse.cable.paragraphs.len(), count);
    yew::Renderer::<ParagraphsList>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let list = root
        .query_selector("ol.paragraphs")
        .ok()
        .flatten()
        .expect("the list");
    assert!(has_class(&list, "long"));
}

#[wasm_bindgen_test]
async fn the_app_follows_what_is_typed() {
    let root = mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "[data-field=canonical-id]"), "08OTTAWA372");

    let area: HtmlTextAreaElement = root
        .query_selector("#cable-input")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into().ok())
        .expect("the text area");
    area.set_value(
        "UNCLAS SECTION 01 OF 02 STATE 000123\n\nSUBJECT: A TEST\n\n1. (U) First paragraph.\n",
    );
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("an input event");
    area.dispatch_event(&event).expect("dispatched");

    let subject = wait_until(&root, "[data-field=subject]", |text| text == "A TEST").await;
    assert_eq!(subject, "A TEST");
    assert_eq!(
        text_of(&root, "[data-field=classification]"),
        "UNCLASSIFIED"
    );
    assert_eq!(text_of(&root, "#p-1 .paragraph-text"), "First paragraph.");
    // The typed text is still in the text area, untouched by parsing.
    assert!(area.value().starts_with("UNCLAS SECTION 01"));
}
