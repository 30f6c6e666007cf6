//! cablescope's collection builder, in a Web Worker: the collection page
//! (`crates/collection-page`, `src/workers.rs`) starts one a core while a collection is read,
//! and hands each a batch of `cables.csv` records at a time. The worker parses each record with
//! the `cable` crate, indexes the batch as one `collection::Segment` (a segment depends on
//! nothing outside its batch) and answers with the segment's stored form, which the page keeps
//! in the origin-private file system and merges into the collection.
//!
//! Requests and answers are arrays, the first element the request's number:
//!
//! - `[n, "segment", records, items]` → `[n, true, segment, n_cables]` (`segment` a
//!   `Uint8Array` whose buffer is transferred), or `[n, false, message]`. `records` is a
//!   `Uint8Array` holding the batch's records one after another; `items` a `Uint32Array` of
//!   triples, one per item in the input's order: `[line, start, end]` for a record (its first
//!   line in the file, and its bytes in `records`), `[line, n_lines, u32::MAX]` for a stretch of
//!   the file that is no record and was passed over.
//!
//! The worker never fetches anything and never touches a page.

/// What an item triple's third number is for a stretch passed over.
pub const SKIPPED: u32 = u32::MAX;

#[cfg(target_arch = "wasm32")]
mod worker {
    use collection::{Doc, SegmentBuilder};
    use js_sys::{Array, Uint32Array, Uint8Array};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    use super::SKIPPED;

    /// The segment of one batch, in its stored form.
    fn segment(records: &[u8], items: &[u32]) -> Result<(Vec<u8>, usize), String> {
        let mut builder = SegmentBuilder::new();
        for item in items.chunks_exact(3) {
            let &[line, a, b] = item else {
                continue;
            };
            if b == SKIPPED {
                builder.skip(line, a);
                continue;
            }
            let bytes = records
                .get(a as usize..b as usize)
                .ok_or_else(|| format!("line {line}: the record's bytes are not in the batch"))?;
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text.to_string(),
                // Not UTF-8 (an old dump re-encoded, a damaged copy): read as the page reads such a file.
                Err(_) => cable::decode(bytes).0,
            };
            builder.push(Doc::read(line, text));
        }
        let n_cables = builder.len();
        let segment = builder.finish();
        let stored = segment
            .as_bytes()
            .ok_or("the segment was built without its texts")?
            .to_vec();
        Ok((stored, n_cables))
    }

    fn answer(request: &Array, scope: &DedicatedWorkerGlobalScope) {
        let n = request.get(0);
        let reply = |answer: &Array, transfer: Option<&JsValue>| {
            let _ = match transfer {
                Some(buffer) => scope.post_message_with_transfer(answer, &Array::of1(buffer)),
                None => scope.post_message(answer),
            };
        };
        if request.get(1).as_string().as_deref() != Some("segment") {
            reply(
                &Array::of3(&n, &JsValue::FALSE, &"unknown request".into()),
                None,
            );
            return;
        }
        let records = request
            .get(2)
            .dyn_into::<Uint8Array>()
            .map(|array| array.to_vec())
            .unwrap_or_default();
        let items = request
            .get(3)
            .dyn_into::<Uint32Array>()
            .map(|array| array.to_vec())
            .unwrap_or_default();
        match segment(&records, &items) {
            Ok((stored, n_cables)) => {
                let array = Uint8Array::from(stored.as_slice());
                let buffer = array.buffer();
                reply(
                    &Array::of4(&n, &JsValue::TRUE, &array, &JsValue::from(n_cables as f64)),
                    Some(&buffer),
                );
            }
            Err(message) => reply(&Array::of3(&n, &JsValue::FALSE, &message.into()), None),
        }
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Ok(request) = event.data().dyn_into::<Array>() {
                answer(&request, &reply_to);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
