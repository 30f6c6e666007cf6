//! Components rendered by yew in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use cablescope::components::header_card::{HeaderCard, HeaderCardProps};
use cablescope::components::paragraphs_list::{ParagraphsList, ParagraphsListProps};
use cablescope::components::source_snippet::SourceText;
use cablescope::state::SharedParse;
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
        parse: SharedParse::new(cable::parse(&text)),
        source: Rc::new(SourceText::new(text)),
        selected: None,
        on_select: yew::Callback::noop(),
        as_written: false,
        on_toggle_written: yew::Callback::noop(),
        all_paragraphs: false,
        on_show_all: yew::Callback::noop(),
        printing: false,
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

fn element(root: &Element, css: &str) -> Element {
    root.query_selector(css)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {css}"))
}

fn click(root: &Element, css: &str) {
    let target: web_sys::HtmlElement = element(root, css).dyn_into().expect("an HTML element");
    target.click();
}

/// Opens the snippet `css` the way the browser does: `open`, then a `toggle` event.
async fn open_snippet(root: &Element, css: &str) {
    let details: web_sys::HtmlDetailsElement = element(root, css).dyn_into().expect("a details");
    details.set_open(true);
    details
        .dispatch_event(&web_sys::Event::new("toggle").expect("a toggle event"))
        .expect("dispatched");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_selection_moves_without_writing_the_paragraphs_again() {
    let root = mount_point();
    let chosen: Rc<RefCell<Vec<String>>> = Rc::default();
    // The same text both times: only the selection changes.
    let text = paragraphs_of(Rc::from(SEED_CABLE));
    let props = |selected: &str| ParagraphsListProps {
        parse: text.parse.clone(),
        source: text.source.clone(),
        selected: Some(selected.to_string()),
        on_select: {
            let chosen = chosen.clone();
            yew::Callback::from(move |selected: cablescope::state::Selected| {
                chosen.borrow_mut().push(selected.anchor)
            })
        },
        ..paragraphs_of(Rc::from(""))
    };
    let mut app =
        yew::Renderer::<ParagraphsList>::with_root_and_props(root.clone(), props("p-2")).render();
    yew::scheduler::flush().await;
    assert!(has_class(&element(&root, "#p-2"), "selected"));
    open_snippet(&root, "#p-6 details.source").await;
    let sixth = element(&root, "#p-6");

    // A click on a paragraph's text selects it; one on its controls does not.
    click(&root, "#p-3 .paragraph-text");
    click(&root, "#p-3 .element-link");
    click(&root, "#p-3 details.source summary");
    assert_eq!(*chosen.borrow(), ["p-3"]);

    app.update(props("p-3"));
    yew::scheduler::flush().await;
    assert!(!has_class(&element(&root, "#p-2"), "selected"));
    assert!(has_class(&element(&root, "#p-3"), "selected"));
    assert_eq!(
        root.query_selector_all(".selected")
            .expect("query")
            .length(),
        1
    );
    // The other paragraphs are the same elements: the opened snippet is still open and filled.
    assert!(element(&root, "#p-6").is_same_node(Some(&sixth)));
    assert!(element(&root, "#p-6 details.source").has_attribute("open"));
    assert!(text_of(&root, "#p-6 .source-text").contains("OTTAWA 00000372 002 OF 002"));
}

#[wasm_bindgen_test]
async fn the_browser_reads_the_written_paragraphs_as_they_were_written() {
    // A paragraph with list items, a reading aid and a redaction: each kept inside its
    // paragraph's body (a list inside a `p` would have been pulled out of it by the parser).
    let text =
        "UNCLAS STATE 000123\n\nSUBJECT: ITEMS\n\n1. (U) The list, <b>not bold</b> & THE POST,S:\n\
                -- A FIRST ITEM;\n-- A SECOND ITEM.\n\n2. (U) Last.\n";
    let root = mount_point();
    yew::Renderer::<ParagraphsList>::with_root_and_props(
        root.clone(),
        paragraphs_of(Rc::from(text)),
    )
    .render();
    yew::scheduler::flush().await;
    let count = |css: &str| root.query_selector_all(css).expect("query").length();
    assert_eq!(count("li.paragraph"), 2);
    assert_eq!(count("#p-1 > .paragraph-body > .sub-items > .sub-item"), 2);
    assert_eq!(count("li.paragraph > p, b"), 0);
    assert_eq!(
        text_of(&root, "#p-1 .paragraph-text"),
        "The list, <b>not bold</b> & THE POST'S:"
    );
    assert!(text_of(&root, "#p-1 .sub-items").contains("A SECOND ITEM."));
}

#[wasm_bindgen_test]
async fn header_rows_select_copy_and_link_from_one_handler() {
    let root = mount_point();
    let text: Rc<str> = Rc::from(SEED_CABLE);
    let heard: Rc<RefCell<Vec<String>>> = Rc::default();
    let record = |what: &'static str| {
        let heard = heard.clone();
        yew::Callback::from(move |value: String| heard.borrow_mut().push(format!("{what} {value}")))
    };
    let props = HeaderCardProps {
        parse: SharedParse::new(cable::parse(&text)),
        source: Rc::new(SourceText::new(text)),
        selected: Some("field-subject".to_string()),
        on_select: {
            let heard = heard.clone();
            yew::Callback::from(move |selected: cablescope::state::Selected| {
                heard
                    .borrow_mut()
                    .push(format!("select {}", selected.anchor))
            })
        },
        on_copied: record("copied"),
        transmission_open: false,
        on_transmission: yew::Callback::noop(),
        on_copy_link: record("link"),
    };
    yew::Renderer::<HeaderCard>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(has_class(&element(&root, "#field-subject"), "selected"));
    assert_eq!(text_of(&root, "[data-field=canonical-id]"), "08OTTAWA372");
    assert_eq!(
        text_of(&root, "[data-field=tags] li"),
        "PARM Political Affairs--Arms Controls and Disarmament"
    );
    // "copy" takes a row as shown: one line per TAG, caveat or addressee, never run together.
    use cablescope::components::header_card::row_text;
    assert_eq!(
        row_text(&element(&root, "#field-caveats")),
        "SIPDIS\nNOFORN"
    );
    let tags = row_text(&element(&root, "#field-tags"));
    assert_eq!(
        tags.lines().next(),
        Some("PARM Political Affairs--Arms Controls and Disarmament"),
        "{tags}"
    );
    assert_eq!(tags.lines().count(), 5, "{tags}");
    let info = row_text(&element(&root, "#field-info"));
    assert!(
        info.lines().count() >= 11 && info.contains("RUCNCAN"),
        "{info}"
    );
    click(&root, "#field-from dd");
    click(&root, "#field-tags [data-action=link]");
    click(&root, "#field-subject [data-action=copy]");
    let heard = heard.borrow();
    assert_eq!(heard.first().map(String::as_str), Some("select field-from"));
    assert_eq!(heard.get(1).map(String::as_str), Some("link field-tags"));
    // Headless Chromium may refuse the clipboard; either way the reader is told, and nothing
    // is selected.
    let told = heard.get(2).map(String::as_str).unwrap_or_default();
    assert!(
        told == "copied Copied Subject."
            || told == "copied This browser would not copy to the clipboard.",
        "{told}"
    );
    assert_eq!(heard.len(), 3, "{heard:?}");
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

/// The view the build wrote into the page is taken out before the page renders its own, and
/// what the reader typed into its text area meanwhile is kept to start from; an untouched one
/// gives nothing to start from.
#[wasm_bindgen_test]
fn the_prerendered_view_is_taken_out_keeping_what_was_typed() {
    for (typed, kept) in [(Some("typed before the page ran"), true), (None, false)] {
        let host = mount_point();
        host.set_inner_html(
            "<div id=\"prerendered\"><textarea>\n\nas the build wrote it</textarea></div>",
        );
        let area: HtmlTextAreaElement = host
            .query_selector("#prerendered textarea")
            .ok()
            .flatten()
            .and_then(|area| area.dyn_into().ok())
            .expect("the prerendered text area");
        if let Some(typed) = typed {
            area.set_value(typed);
        }
        cablescope::prerender::take_out();
        assert!(host.query_selector("#prerendered").ok().flatten().is_none());
        let expected = typed.filter(|_| kept).map(str::to_string);
        assert_eq!(cablescope::prerender::typed(), expected);
        assert_eq!(cablescope::prerender::typed(), None, "given once");
        host.remove();
    }
}
