//! The address and the page follow each other. A link or an anchor that comes into the address
//! (at the start, or later through the address bar: `hashchange`) opens; the address follows the
//! text and view once they rest, written with `history.replaceState` — but a fragment the page
//! did not write (a link being opened, a broken one, an anchor) stays until the view changes.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use permalink::View;
use yew::prelude::*;

use crate::page_state::Dispatcher;
use crate::services::history::{self, Arrival};
use crate::services::link::LinkNotOpened;
use crate::services::{drafts, link};
use crate::state::{Action, OPENING_LINK};

/// How long the view must rest before the address follows it (Safari throttles faster
/// `replaceState` calls).
const ADDRESS_DEBOUNCE_MS: u32 = 300;

/// What the hook remembers of the address between renders. A ref, not the reducer: it is read
/// and written by a timeout, the `hashchange` listener and a link's decoding, none of which may
/// render the page, and it describes the address bar, not what the page shows.
#[derive(Default)]
struct Address {
    /// The fragment the page last wrote, or opened as a link: the address carries it.
    written: String,
    /// While a fragment the page did not write is in the address, the text and view it was
    /// first shown with: the fragment stays until they change.
    held: Option<(Rc<str>, View)>,
}

impl Address {
    /// Whether the address, which holds `current`, may now follow `text` shown as `view`: not
    /// while it holds a fragment the page did not write and the text and view are still those
    /// that fragment was first shown with.
    fn may_follow(&mut self, current: &str, text: &Rc<str>, view: &View) -> bool {
        if current.is_empty() || current == self.written {
            return true;
        }
        match &self.held {
            None => {
                self.held = Some((text.clone(), view.clone()));
                false
            }
            Some((held_text, held_view)) if **held_text == **text && held_view == view => false,
            Some(_) => {
                self.held = None;
                true
            }
        }
    }
}

/// Opens what came into the address. `replaceState`, which the page writes with, fires no
/// `hashchange`: whatever arrives here came from outside (the address bar, a link, the start).
/// At the start the page already says a link is opening (`starting_state`); later it is said
/// here.
fn open(arrival: Arrival, at_start: bool, dispatcher: &Dispatcher, address: &Rc<RefCell<Address>>) {
    address.borrow_mut().held = None;
    match arrival {
        Arrival::Anchor(anchor) => dispatcher.dispatch(Action::SelectAnchor(anchor)),
        Arrival::Refused(error) => {
            dispatcher.dispatch(Action::LinkNotOpened(LinkNotOpened::Refused(error)))
        }
        // Read while the page loaded, and shown from the first render (`starting_state`).
        Arrival::Link(fragment) if at_start && link::opened_at_start(&fragment).is_some() => {
            address.borrow_mut().written = fragment;
        }
        Arrival::Link(fragment) => {
            if !at_start {
                dispatcher.dispatch(Action::Info(OPENING_LINK.to_string()));
            }
            open_link(fragment, dispatcher.clone(), address.clone());
        }
    }
}

/// Decodes the link `fragment` (whose check passed) in the link worker, and shows
/// its cable, or says why it cannot.
fn open_link(fragment: String, dispatcher: Dispatcher, address: Rc<RefCell<Address>>) {
    wasm_bindgen_futures::spawn_local(async move {
        match link::open(&fragment).await {
            Ok(link) => {
                address.borrow_mut().written = fragment;
                let drafts_kept = drafts::count();
                dispatcher.dispatch(Action::OpenLink { link, drafts_kept });
            }
            Err(problem) => dispatcher.dispatch(Action::LinkNotOpened(problem)),
        }
    });
}

/// Writes the address for `text` shown as `view` (no fragment for the pristine page), unless
/// the fragment in it is to stay.
fn follow(address: &Rc<RefCell<Address>>, text: Rc<str>, view: View, pristine: bool) {
    let current = history::current_fragment();
    if !address.borrow_mut().may_follow(&current, &text, &view) {
        return;
    }
    if pristine {
        if !current.is_empty() {
            history::replace_fragment(None);
        }
        address.borrow_mut().written.clear();
        return;
    }
    let address = address.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let written = match link::fragment(&text, &view).await {
            Ok(fragment) => {
                if fragment != history::current_fragment() {
                    history::replace_fragment(Some(&fragment));
                }
                fragment
            }
            // Too long for a link: the address carries none.
            Err(_) => {
                if !history::current_fragment().is_empty() {
                    history::replace_fragment(None);
                }
                String::new()
            }
        };
        address.borrow_mut().written = written;
    });
}

/// Opens `arrival` (what the address asked for as the page started, read once by the caller,
/// whose starting state already follows it) and each later `hashchange`; writes `text` shown as
/// `view` into the address once they rest.
#[hook]
pub fn use_address_sync(
    arrival: Rc<Option<Arrival>>,
    dispatcher: Dispatcher,
    text: Rc<str>,
    view: View,
    pristine: bool,
) {
    let address = use_mut_ref(Address::default);
    {
        let address = address.clone();
        use_effect_with((), move |()| {
            // (A visit without a link or anchor started with the last draft: `starting_state`.)
            if let Some(arrival) = (*arrival).clone() {
                open(arrival, true, &dispatcher, &address);
            }
            let listener = crate::services::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    if let Some(arrival) = Arrival::read() {
                        open(arrival, false, &dispatcher, &address);
                    }
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with((text, view, pristine), move |(text, view, pristine)| {
        let (text, view, pristine) = (text.clone(), view.clone(), *pristine);
        let timeout = Timeout::new(ADDRESS_DEBOUNCE_MS, move || {
            follow(&address, text, view, pristine)
        });
        move || drop(timeout)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_the_page_did_not_write_stays_until_the_view_changes() {
        let text: Rc<str> = Rc::from("1. (U) TEXT.");
        let view = View::default();
        let mut address = Address {
            written: "1.WRITTEN".to_string(),
            held: None,
        };
        // No fragment, or the page's own: the address follows.
        assert!(address.may_follow("", &text, &view));
        assert!(address.may_follow("1.WRITTEN", &text, &view));
        // Another: it stays while the text and view it came with are shown…
        assert!(!address.may_follow("p-4", &text, &view));
        assert!(!address.may_follow("p-4", &text, &view));
        // …and goes once the view changes.
        let other = View {
            source_open: true,
            ..View::default()
        };
        assert!(address.may_follow("p-4", &text, &other));
        assert!(address.held.is_none());
    }
}
