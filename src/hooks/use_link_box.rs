//! The link box: the last link "Copy link" made (the toolbar's, an element's own, or `c`),
//! shown with its length and selected as it appears, ready to copy in a browser that would not.

use std::rc::Rc;

use yew::prelude::*;

use crate::page_state::Dispatcher;
use crate::services::{clipboard, history, link};
use crate::state::Action;

/// The link box's link, and making one.
#[derive(Clone, PartialEq)]
pub struct LinkBox {
    /// The link shown, if any.
    shown: UseStateHandle<Option<String>>,
}

impl LinkBox {
    /// The link shown, if any.
    pub fn link(&self) -> Option<String> {
        (*self.shown).clone()
    }

    /// Closes the box.
    pub fn close(&self) {
        self.shown.set(None);
    }

    /// Makes a link to `text` shown as `view`, copies it and shows it in the box (selected, for
    /// a browser that will not copy), saying how long it is.
    pub fn copy_link(&self, dispatcher: Dispatcher, text: Rc<str>, view: permalink::View) {
        let shown = self.shown.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match link::fragment(&text, &view).await {
                Ok(fragment) => {
                    let url = history::address(Some(&fragment));
                    let n_chars = url.chars().count();
                    let what = match &view.selected {
                        Some(anchor) => format!("a link to {anchor}"),
                        None => "a link to this view".to_string(),
                    };
                    let mut message = if clipboard::copy(&url) {
                        format!("Copied {what}: {n_chars} characters.")
                    } else {
                        format!("This browser would not copy to the clipboard: {what} ({n_chars} characters) is selected below; copy it with Ctrl+C.")
                    };
                    if n_chars > link::LONG_LINK {
                        message.push_str(" Links over 2,000 characters are cut by some chat applications (Discord; Slack keeps about 4,000): for a long cable, send the file.");
                    }
                    shown.set(Some(url));
                    dispatcher.dispatch(Action::Info(message));
                }
                Err(problem) => dispatcher.dispatch(Action::LinkNotMade(problem)),
            }
        });
    }
}

/// The link box, whose text is selected as it appears.
#[hook]
pub fn use_link_box() -> LinkBox {
    let shown: UseStateHandle<Option<String>> = use_state(|| None);
    use_effect_with((*shown).clone(), |shown| {
        if shown.is_some() {
            use wasm_bindgen::JsCast;
            if let Some(input) = crate::services::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id("link-output"))
                .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.select();
            }
        }
    });
    LinkBox { shown }
}
