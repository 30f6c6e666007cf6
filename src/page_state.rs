//! The reducer's state as the page holds it: started from what the address asks for or from the
//! last draft, and timed. The reducer (`state`) parses and stays pure, so native tests drive it;
//! how long a parse took ("Read 90241 bytes in 12.4 ms") is measured here, around it, with the
//! browser's clock.

use std::ops::Deref;
use std::rc::Rc;

use yew::{Reducible, UseReducerDispatcher};

use crate::services::clock::performance_ms;
use crate::services::history::Arrival;
use crate::state::{Action, AppState};

/// What changes the page's state.
pub type Dispatcher = UseReducerDispatcher<PageState>;

/// [`AppState`], and how long the change that made its parse took.
#[derive(Debug, Clone)]
pub struct PageState {
    /// What the page shows.
    state: Rc<AppState>,
    /// How long the change that made `state.parse` took, in milliseconds: none while the parse
    /// is held for the text's size, nor where no clock is at hand (native tests).
    pub parse_ms: Option<f64>,
}

impl PageState {
    /// The state `make` makes (and parses), timed.
    fn timed(make: impl FnOnce() -> AppState) -> PageState {
        let started = performance_ms();
        let state = Rc::new(make());
        let parse_ms = elapsed_since(started).filter(|_| !state.parse_held);
        PageState { state, parse_ms }
    }
}

/// Milliseconds from `started` to now, when there is a clock.
fn elapsed_since(started: Option<f64>) -> Option<f64> {
    started
        .zip(performance_ms())
        .map(|(start, end)| end - start)
}

impl Deref for PageState {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl Reducible for PageState {
    type Action = Action;

    /// Runs the reducer, timed: a change that made a new parse keeps how long it took, any
    /// other keeps the last. Besides the parse the reducer copies a few pointers, and for a file
    /// decodes its bytes, which is part of reading it too.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let started = performance_ms();
        let next = self.state.clone().reduce(action);
        let elapsed = elapsed_since(started);
        if Rc::ptr_eq(&next, &self.state) {
            return self;
        }
        let parse_ms = if next.parse.same(&self.state.parse) {
            self.parse_ms
        } else {
            elapsed.filter(|_| !next.parse_held)
        };
        Rc::new(PageState {
            state: next,
            parse_ms,
        })
    }
}

/// What the page shows first, for what the address asked for as it started (`arrival`, read
/// once): a visit without a link or anchor goes on with the last draft, if there is one;
/// otherwise the seed. A visit with a link that passed its check shows the link's cable when
/// the link worker read it while the page loaded; otherwise it waits for it (decoded in the
/// worker, asked for once the page runs) showing nothing else. Decided before the
/// first render, not in an effect, which can run a frame later: the seed would be painted, then
/// replaced. What the reader typed into the prerendered view before the page ran comes first.
/// A draft opens over an empty state, not the seed, whose parse would be thrown away
/// (opening a draft over the untouched seed keeps nothing of it either).
pub fn starting_state(arrival: Option<&Arrival>) -> PageState {
    if let Some(typed) = crate::prerender::typed() {
        // Typed into the view the build wrote into the page, before the page ran.
        return PageState::timed(|| AppState::with_text(&typed));
    }
    match arrival {
        Some(Arrival::Link(fragment)) => match crate::services::link::opened_at_start(fragment) {
            // Read while the page loaded: the first render shows its cable.
            Some(link) => {
                let opening = Rc::new(PageState::timed(AppState::opening_link));
                let drafts_kept = crate::services::drafts::count();
                Rc::unwrap_or_clone(opening.reduce(Action::OpenLink { link, drafts_kept }))
            }
            None => PageState::timed(AppState::opening_link),
        },
        Some(Arrival::Anchor(_) | Arrival::Refused(_)) => PageState::timed(AppState::default),
        None => match crate::services::drafts::latest() {
            Some(latest) => {
                let empty = Rc::new(PageState::timed(|| AppState::with_text("")));
                Rc::unwrap_or_clone(empty.reduce(Action::OpenDraft(latest)))
            }
            None => PageState::timed(AppState::default),
        },
    }
}
