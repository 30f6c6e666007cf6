//! Keyboard shortcuts, except while typing in a field (README, "Keyboard"): one `keydown`
//! listener on the document for the page's life.

use std::rc::Rc;

use yew::prelude::*;

use super::use_link_box::LinkBox;
use super::use_theme::Theme;
use crate::page_state::Dispatcher;
use crate::state::Action;

/// Keyboard shortcuts, as the help lists them.
pub const SHORTCUTS: [(&str, &str); 7] = [
    ("/", "focus the cable text"),
    ("j", "next paragraph"),
    ("k", "previous paragraph"),
    ("s", "open or close the source view"),
    ("c", "copy a link to this view"),
    ("t", "change the theme"),
    ("?", "show or hide these shortcuts"),
];

/// What the keyboard shortcuts act on, as of the page's last render.
#[derive(Clone)]
pub struct Keys {
    /// Changes the page's state (`j`, `k`, `s`).
    pub dispatcher: Dispatcher,
    /// The theme (`t`).
    pub theme: UseStateHandle<Theme>,
    /// Whether the list of shortcuts is shown (`?`).
    pub show_shortcuts: UseStateHandle<bool>,
    /// Where a copied link is shown (`c`).
    pub link_box: LinkBox,
    /// The text a link carries (`c`).
    pub text: Rc<str>,
    /// The view a link carries (`c`).
    pub view: permalink::View,
}

/// A shortcut key pressed outside any field.
fn on_key(event: &web_sys::KeyboardEvent, keys: Keys) {
    use wasm_bindgen::JsCast;
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return;
    }
    let typing = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
        });
    if typing {
        return;
    }
    match event.key().as_str() {
        "/" => {
            event.prevent_default();
            let area = crate::services::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id("cable-input"))
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(area) = area {
                let _ = area.focus();
            }
        }
        "j" => keys.dispatcher.dispatch(Action::StepParagraph(1)),
        "k" => keys.dispatcher.dispatch(Action::StepParagraph(-1)),
        "s" => keys.dispatcher.dispatch(Action::ToggleSource),
        "c" => keys
            .link_box
            .copy_link(keys.dispatcher, keys.text, keys.view),
        "t" => Theme::choose_next(&keys.theme),
        "?" => keys.show_shortcuts.set(!*keys.show_shortcuts),
        _ => {}
    }
}

/// Listens for the shortcuts, acting on `current`: what the page showed at its last render.
#[hook]
pub fn use_shortcuts(current: Keys) {
    // A ref, brought up to date at each render, not the listener's own copy: the listener is
    // added once, and keeping it current must not render the page again.
    let keys = use_mut_ref(|| current.clone());
    *keys.borrow_mut() = current;
    use_effect_with((), move |()| {
        let listener = crate::services::window()
            .and_then(|window| window.document())
            .map(|document| {
                gloo_events::EventListener::new(&document, "keydown", move |event| {
                    use wasm_bindgen::JsCast;
                    if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                        // Cloned out: a dispatch may render at once, and the render writes `keys`.
                        let current = keys.borrow().clone();
                        on_key(event, current);
                    }
                })
            });
        move || drop(listener)
    });
}
