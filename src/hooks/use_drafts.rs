//! Drafts: the text and view are kept in local storage once they rest, each wholesale
//! replacement (a file, a sample, a link, a draft) starting a new draft; a draft still waiting is
//! saved at once when the text is replaced or the page is left (`pagehide`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::page_state::Dispatcher;
use crate::services::clock;
use crate::services::drafts::{self, Draft, DraftNotKept, MAX_DRAFT_BYTES};
use crate::state::{Action, AppState};

/// How long the text and view must rest before the draft is saved (and on leaving the page,
/// at once).
const DRAFT_DEBOUNCE_MS: u32 = 400;

/// What the drafts list shows, and what it can do.
pub struct Drafts {
    /// The kept drafts, newest first.
    pub list: Rc<Vec<Draft>>,
    /// The draft the page shows now, if it is kept.
    pub current: Option<u64>,
    /// Why the text shown is not kept, when it is not.
    pub problem: Option<DraftNotKept>,
    /// Shows a kept draft.
    pub on_open: Callback<u64>,
    /// Forgets a kept draft.
    pub on_remove: Callback<u64>,
}

/// The draft of the text shown, between renders. A ref, not state: the effect writes it, and a
/// timeout, the `pagehide` listener and the list's callbacks read it, none of which may render
/// the page. Nor the reducer: a draft's id is the time it was first kept, read from the clock.
struct Keeper {
    /// The draft waiting for its debounced save.
    pending: Option<Draft>,
    /// The replacement (`AppState::draft_generation`) whose draft `id` is.
    generation: u32,
    /// The id given to that replacement's draft.
    id: u64,
}

impl Keeper {
    /// Saves the waiting draft now, if there is one; `Err` says why it could not be kept.
    fn flush(&mut self) -> Option<Result<(), DraftNotKept>> {
        let draft = self.pending.take()?;
        Some(drafts::save(&draft))
    }

    /// The id of the draft of the text shown: the opened draft's, else its replacement's,
    /// given the first time it is asked for.
    fn id_for(&mut self, draft: Option<u64>, generation: u32) -> u64 {
        if let Some(id) = draft {
            return id;
        }
        if self.generation != generation {
            self.generation = generation;
            self.id = clock::now_ms() as u64;
        }
        self.id
    }
}

/// Saves `keeper`'s waiting draft now and reports it; the borrow ends before the report, which
/// sets state and may render at once.
fn flush(keeper: &RefCell<Keeper>, report: impl Fn(Result<(), DraftNotKept>)) {
    let saved = keeper.borrow_mut().flush();
    if let Some(saved) = saved {
        report(saved);
    }
}

/// Keeps the text and view of `state` (shown as `view`) as a draft, and lists the kept ones.
#[hook]
pub fn use_drafts(state: &AppState, view: &permalink::View, dispatcher: Dispatcher) -> Drafts {
    let version = use_state(|| 0u32);
    let problem: UseStateHandle<Option<DraftNotKept>> = use_state(|| None);
    let list = use_memo(*version, |_| Rc::new(drafts::list()));
    let keeper = use_mut_ref(|| Keeper {
        pending: None,
        generation: u32::MAX,
        id: 0,
    });
    let current = state.draft.or_else(|| {
        let keeper = keeper.borrow();
        (keeper.generation == state.draft_generation).then_some(keeper.id)
    });
    {
        let keeper = keeper.clone();
        let version = version.clone();
        let problem = problem.clone();
        // Nothing to keep while a link's cable is on its way.
        let pristine = state.is_pristine() || state.opening_link;
        let key = (
            state.text.clone(),
            view.clone(),
            state.draft,
            state.draft_generation,
            pristine,
        );
        let parse = state.parse.clone();
        use_effect_with(key, move |(text, view, draft, generation, pristine)| {
            let id = keeper.borrow_mut().id_for(*draft, *generation);
            let report = {
                let problem = problem.clone();
                move |saved: Result<(), DraftNotKept>| {
                    problem.set(saved.err());
                    version.set(version.wrapping_add(1));
                }
            };
            // The text was replaced: what it replaced is saved before anything else happens.
            let replaced = keeper
                .borrow()
                .pending
                .as_ref()
                .is_some_and(|waiting| waiting.id != id);
            if replaced {
                flush(&keeper, &report);
            }
            let mut timeout = None;
            if text.len() > MAX_DRAFT_BYTES {
                keeper.borrow_mut().pending = None;
                let too_large = DraftNotKept::TooLarge {
                    n_kb: text.len().div_ceil(1024),
                };
                // Typing in a huge text must not re-render the page for the same message.
                if *problem != Some(too_large) {
                    problem.set(Some(too_large));
                }
            } else if !*pristine {
                keeper.borrow_mut().pending = Some(Draft {
                    id,
                    saved_ms: clock::now_ms(),
                    title: drafts::title(&parse, text),
                    text: text.to_string(),
                    view: view.clone(),
                });
                let keeper = keeper.clone();
                timeout = Some(Timeout::new(DRAFT_DEBOUNCE_MS, move || {
                    flush(&keeper, report)
                }));
            }
            move || drop(timeout)
        });
    }
    {
        let keeper = keeper.clone();
        use_effect_with((), move |_| {
            let listener = crate::services::window().map(|window| {
                gloo_events::EventListener::new(&window, "pagehide", move |_| {
                    let _ = keeper.borrow_mut().flush();
                })
            });
            move || drop(listener)
        });
    }
    let on_open = Callback::from(move |id: u64| {
        let _ = keeper.borrow_mut().flush();
        if let Some(draft) = drafts::load(id) {
            dispatcher.dispatch(Action::OpenDraft(draft));
        }
    });
    let on_remove = {
        let version = version.clone();
        Callback::from(move |id: u64| {
            drafts::remove(id);
            version.set(version.wrapping_add(1));
        })
    };
    Drafts {
        list: (*list).clone(),
        current,
        problem: *problem,
        on_open,
        on_remove,
    }
}
