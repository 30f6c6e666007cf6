//! Web Workers that build the collection's segments (`crates/collection-worker`), one a core:
//! each is handed a batch of records and answers with its segment's stored form. Requests go to
//! the workers in turn; answers come back as futures, awaited in the order the batches were
//! read, so that the collection keeps the file's order.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Uint32Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use crate::browser::{message, wait};

/// The script that starts a worker (it loads the worker's wasm and holds early requests).
const WORKER_SCRIPT: &str = "collection-worker-start.js";

type Pending = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

/// The workers, and the requests they have not answered.
pub struct Pool {
    workers: Vec<Worker>,
    pending: Pending,
    next: u32,
    // Kept alive as long as the workers: they call them.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

/// A segment a worker built: its stored form and how many cables it holds.
pub struct Built {
    /// The stored form, as the worker sent it.
    pub bytes: Uint8Array,
    /// The cables in it.
    pub n_cables: usize,
}

impl Pool {
    /// Starts `n` workers.
    pub fn start(n: usize) -> Result<Pool, String> {
        let pending: Pending = Rc::default();
        let answered = pending.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Ok(answer) = event.data().dyn_into::<Array>() else {
                return;
            };
            let n = answer.get(0).as_f64().unwrap_or(-1.0) as u32;
            if let Some((resolve, _)) = answered.borrow_mut().remove(&n) {
                let _ = resolve.call1(&JsValue::NULL, &answer);
            }
        });
        let failed = pending.clone();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let why = JsValue::from(format!(
                "a worker that reads the collection stopped ({}); reload the page and open the file again to go on",
                message(&event)
            ));
            for (_, (_, reject)) in failed.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &why);
            }
        });
        let mut workers = Vec::with_capacity(n);
        for _ in 0..n.max(1) {
            let worker = Worker::new(WORKER_SCRIPT).map_err(|error| message(&error))?;
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            workers.push(worker);
        }
        Ok(Pool {
            workers,
            pending,
            next: 0,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// How many workers there are.
    pub fn len(&self) -> usize {
        self.workers.len()
    }

    /// Hands a batch to the next worker; the answer is awaited later with [`answer`].
    /// `items` are triples as `crates/collection-worker` reads them.
    pub fn segment(&mut self, records: Vec<u8>, items: Vec<u32>) -> Promise {
        let n = self.next;
        self.next = self.next.wrapping_add(1);
        let pending = self.pending.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            pending.borrow_mut().insert(n, (resolve, reject));
        });
        let Some(worker) = self.workers.get(n as usize % self.workers.len().max(1)) else {
            return Promise::reject(&"no worker".into());
        };
        let records = Uint8Array::from(records.as_slice());
        let items = Uint32Array::from(items.as_slice());
        let request = Array::of4(&JsValue::from(n), &"segment".into(), &records, &items);
        let transfer = Array::of2(&records.buffer(), &items.buffer());
        if let Err(error) = worker.post_message_with_transfer(&request, &transfer) {
            self.pending.borrow_mut().remove(&n);
            return Promise::reject(&JsValue::from(message(&error)));
        }
        promise
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for worker in &self.workers {
            worker.terminate();
        }
    }
}

/// A worker's answer to [`Pool::segment`].
pub async fn answer(promise: Promise) -> Result<Built, String> {
    let answer: Array = wait(promise)
        .await
        .map_err(|error| message(&error))?
        .unchecked_into();
    if answer.get(1).as_bool() != Some(true) {
        return Err(answer
            .get(2)
            .as_string()
            .unwrap_or_else(|| "a worker could not index a batch".to_string()));
    }
    let bytes = answer.get(2).unchecked_into::<Uint8Array>();
    let n_cables = answer.get(3).as_f64().unwrap_or(0.0) as usize;
    Ok(Built { bytes, n_cables })
}
