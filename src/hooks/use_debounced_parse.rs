//! Typing is read after a pause, so that it is never held up by parsing. (A paste is read at
//! once: its callback parses.)

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::page_state::Dispatcher;
use crate::state::Action;

/// How long typing must pause before the text is parsed again.
const PARSE_DEBOUNCE_MS: u32 = 120;

/// Parses `text` once it has not changed for [`PARSE_DEBOUNCE_MS`].
#[hook]
pub fn use_debounced_parse(text: Rc<str>, dispatcher: Dispatcher) {
    use_effect_with(text, move |_| {
        let timeout = Timeout::new(PARSE_DEBOUNCE_MS, move || {
            dispatcher.dispatch(Action::Parse)
        });
        move || drop(timeout)
    });
}
