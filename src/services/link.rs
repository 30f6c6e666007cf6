//! Links to the view: the page's address follows what is shown, and a link opened in the page
//! shows the same again. The format is the `permalink` crate's; its model runs in a Web Worker
//! of its own (`crates/link-worker`), started when a link is first made or opened (or by
//! `static/boot.js` as the page starts on one), so the page's wasm carries no model. The page
//! reads everything of a link but its text itself (`permalink::check`, `permalink::view_of`)
//! and makes the link from the worker's compression (`CompressedText::from_code`). This module
//! keeps the worker, fetches format 1's primer for a format-1 link, and caches the last text's
//! compression. The address bar is `history`'s.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Uint8Array};
use permalink::{CompressedText, Link, LinkError, View};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::fetch::FetchError;

/// Where format 1's primer is, beside the page: fetched for a format-1 link only.
const PRIMER_V1_PATH: &str = "primer-v1.txt";

/// The script that starts the link worker, beside the page (`static/link-worker-start.js`).
const WORKER_START: &str = "link-worker-start.js";

/// What the worker answers, in place of `true` or `false`, when its files did not load.
const UNAVAILABLE: &str = "unavailable";

/// Links longer than this are cut by some chat applications (Discord's limit; Slack keeps about
/// 4,000): the page warns.
pub const LONG_LINK: usize = 2000;

/// Texts longer than this are not put in the address: compressing them would hold up the page
/// (about a second for 100 KB), and such links are too long to send anyway.
pub const MAX_LINKED_TEXT: usize = permalink::MAX_TEXT_BYTES;

/// Why the link model could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Format 1's primer could not be fetched.
    NotFetched(FetchError),
    /// The worker that runs the model could not be started, or stopped.
    NoWorker,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotFetched(problem) => {
                write!(f, "The link model could not be loaded: {problem}.")
            }
            ModelError::NoWorker => write!(
                f,
                "The link model could not be started (its worker did not load). Reload the page."
            ),
        }
    }
}

/// Why a link to the text could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotMade {
    /// The link model could not be had.
    Model(ModelError),
    /// The text is over [`MAX_LINKED_TEXT`]: `n_bytes` long.
    TooLong {
        /// The text's length.
        n_bytes: usize,
    },
    /// The link format refused the text or the view.
    NotEncoded(permalink::EncodeError),
}

impl fmt::Display for LinkNotMade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkNotMade::Model(problem) => problem.fmt(f),
            LinkNotMade::TooLong { n_bytes } => write!(
                f,
                "This text is {} KB; links carry texts up to {} KB. Send the cable as a file instead.",
                n_bytes.div_ceil(1024),
                MAX_LINKED_TEXT / 1024
            ),
            LinkNotMade::NotEncoded(error) => error.fmt(f),
        }
    }
}

/// Why a link in the address could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotOpened {
    /// The link model could not be had.
    Model(ModelError),
    /// The link is cut, damaged, too large or from a newer page.
    Refused(permalink::LinkError),
}

impl fmt::Display for LinkNotOpened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkNotOpened::Model(problem) => problem.fmt(f),
            LinkNotOpened::Refused(error) => error.fmt(f),
        }
    }
}

/// The worker, and the requests it has not answered yet.
struct Worker {
    worker: web_sys::Worker,
    /// Each request's `resolve`, by its number.
    waiting: Rc<RefCell<HashMap<u32, Function>>>,
    next: Cell<u32>,
    /// The worker failed (its `error` event): the next request starts another.
    failed: Rc<Cell<bool>>,
    /// Kept for as long as the worker: its answers' listener, and its failure's.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Rc<Worker>>> = const { RefCell::new(None) };
    /// The link the page started on and its text, when the worker `static/boot.js` started had
    /// read it by the time the page ran: (fragment, text).
    static ANSWERED_AT_START: OnceCell<Option<(String, String)>> = const { OnceCell::new() };
    /// The last text compressed, so that a change of view does not compress it again.
    static COMPRESSED: RefCell<Option<(Rc<str>, Rc<CompressedText>)>> = const { RefCell::new(None) };
}

/// The worker, started on first use (or the one `static/boot.js` started, which it hands on).
fn worker() -> Result<Rc<Worker>, ModelError> {
    if let Some(worker) = WORKER
        .with(|slot| slot.borrow().clone())
        .filter(|worker| !worker.failed.get())
    {
        return Ok(worker);
    }
    let started = crate::services::window()
        .and_then(|window| js_sys::Reflect::get(&window, &"cablescopeLinkWorker".into()).ok())
        .and_then(|worker| worker.dyn_into::<web_sys::Worker>().ok());
    let worker = match started {
        // Taken over once: should it fail, the next request starts a worker of its own.
        Some(worker) => {
            if let Some(window) = crate::services::window() {
                let _ =
                    js_sys::Reflect::set(&window, &"cablescopeLinkWorker".into(), &JsValue::NULL);
            }
            worker
        }
        None => web_sys::Worker::new(WORKER_START).map_err(|_| ModelError::NoWorker)?,
    };
    let waiting: Rc<RefCell<HashMap<u32, Function>>> = Rc::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Ok(answer) = event.data().dyn_into::<Array>() else {
                return;
            };
            let n = answer.get(0).as_f64().unwrap_or(-1.0) as u32;
            if let Some(resolve) = waiting.borrow_mut().remove(&n) {
                let _ = resolve.call1(&JsValue::NULL, &answer);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker whose start script did not load, or that failed: every request waiting is
    // answered as by a worker whose files did not load.
    let failed = Rc::new(Cell::new(false));
    let on_error = {
        let waiting = waiting.clone();
        let failed = failed.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            failed.set(true);
            let waiting: Vec<Function> = waiting.borrow_mut().drain().map(|(_, f)| f).collect();
            for resolve in waiting {
                let _ = resolve.call1(
                    &JsValue::NULL,
                    &Array::of2(&JsValue::NULL, &JsValue::from(UNAVAILABLE)),
                );
            }
        })
    };
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let worker = Rc::new(Worker {
        worker,
        waiting,
        next: Cell::new(1),
        failed,
        _on_message: on_message,
        _on_error: on_error,
    });
    WORKER.with(|slot| slot.replace(Some(worker.clone())));
    Ok(worker)
}

/// Sends `request` (after its number) to the worker and waits for the answer: an array whose
/// second element says whether it succeeded.
async fn ask(parts: &[JsValue]) -> Result<Array, ModelError> {
    let worker = worker()?;
    let n = worker.next.get();
    worker.next.set(n.wrapping_add(1));
    let request = Array::new();
    request.push(&JsValue::from(n));
    for part in parts {
        request.push(part);
    }
    let waiting = worker.waiting.clone();
    let answer = Promise::new(&mut |resolve, _reject| {
        waiting.borrow_mut().insert(n, resolve);
    });
    worker
        .worker
        .post_message(&request)
        .map_err(|_| ModelError::NoWorker)?;
    let answer = wasm_bindgen_futures::JsFuture::from(answer)
        .await
        .map_err(|_| ModelError::NoWorker)?
        .dyn_into::<Array>()
        .map_err(|_| ModelError::NoWorker)?;
    // The worker's files did not load (`static/link-worker-start.js` answers so), or the worker
    // failed altogether (its `error` event): a later request starts a new one.
    if answer.get(1).as_string().as_deref() == Some(UNAVAILABLE) {
        WORKER.with(|slot| slot.replace(None));
        return Err(ModelError::NoWorker);
    }
    Ok(answer)
}

/// `text`'s compression, from the cache or the worker.
async fn compressed(text: &Rc<str>) -> Result<Rc<CompressedText>, LinkNotMade> {
    if text.len() > MAX_LINKED_TEXT {
        return Err(LinkNotMade::TooLong {
            n_bytes: text.len(),
        });
    }
    let cached = COMPRESSED.with(|cache| {
        cache
            .borrow()
            .as_ref()
            .filter(|(cached, _)| Rc::ptr_eq(cached, text) || **cached == **text)
            .map(|(_, compressed)| compressed.clone())
    });
    if let Some(compressed) = cached {
        return Ok(compressed);
    }
    let answer = ask(&["compress".into(), JsValue::from(&**text)])
        .await
        .map_err(LinkNotMade::Model)?;
    if !answer.get(1).is_truthy() {
        return Err(LinkNotMade::TooLong {
            n_bytes: text.len(),
        });
    }
    let code = answer
        .get(2)
        .dyn_into::<Uint8Array>()
        .map_err(|_| LinkNotMade::Model(ModelError::NoWorker))?
        .to_vec();
    let compressed = Rc::new(CompressedText::from_code(text.len(), code));
    COMPRESSED.with(|cache| cache.replace(Some((text.clone(), compressed.clone()))));
    Ok(compressed)
}

/// The fragment (without `#`) of a link to `text` shown as `view`.
pub async fn fragment(text: &Rc<str>, view: &View) -> Result<String, LinkNotMade> {
    compressed(text)
        .await?
        .fragment(view)
        .map_err(LinkNotMade::NotEncoded)
}

/// What the link in `fragment` (its check passed) carries: its view read here, its text by the
/// worker (format 1's primer fetched first for a format-1 link).
pub async fn open(fragment: &str) -> Result<Link, LinkNotOpened> {
    let view = permalink::view_of(fragment).map_err(LinkNotOpened::Refused)?;
    let primer = if permalink::format_version(fragment) == Some(1) {
        let primer = super::fetch::fetch_bytes(PRIMER_V1_PATH)
            .await
            .map_err(|problem| LinkNotOpened::Model(ModelError::NotFetched(problem)))?;
        Uint8Array::from(primer.as_slice()).into()
    } else {
        JsValue::NULL
    };
    let answer = ask(&["open".into(), JsValue::from(fragment), primer])
        .await
        .map_err(LinkNotOpened::Model)?;
    if answer.get(1).is_truthy() {
        let text = answer.get(2).as_string().unwrap_or_default();
        return Ok(Link { text, view });
    }
    let kind = answer.get(2).as_f64().unwrap_or(-1.0) as u8;
    let number = answer.get(3).as_f64().unwrap_or(0.0) as u64;
    Err(LinkNotOpened::Refused(LinkError::from_wire(kind, number)))
}

/// What the link in `fragment` carries, if it is the link the page started on and the worker
/// `static/boot.js` started had read it by the time the page ran (`static/start.js` waits a
/// little for it): the page then starts on the link's cable. Read once, at the page's first
/// render; the same answer after, so the start and the address agree.
pub fn opened_at_start(fragment: &str) -> Option<Link> {
    let (answered, text) =
        ANSWERED_AT_START.with(|slot| slot.get_or_init(answer_read_at_start).clone())?;
    if answered != fragment {
        return None;
    }
    let view = permalink::view_of(fragment).ok()?;
    Some(Link { text, view })
}

/// The fragment and text of `window.cablescopeLinkAnswered`, which `static/boot.js` sets when the
/// worker read the link, if it read it.
fn answer_read_at_start() -> Option<(String, String)> {
    let window = crate::services::window()?;
    let pair = js_sys::Reflect::get(&window, &"cablescopeLinkAnswered".into())
        .ok()?
        .dyn_into::<Array>()
        .ok()?;
    let answer = pair.get(1).dyn_into::<Array>().ok()?;
    if answer.get(1).as_bool() != Some(true) {
        return None;
    }
    Some((pair.get(0).as_string()?, answer.get(2).as_string()?))
}
