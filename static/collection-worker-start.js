// Starts one of the collection page's workers (crates/collection-worker, built by Trunk as
// collection-worker.js and collection-worker_bg.wasm). Requests that come while its wasm loads
// are held and handed to it once it listens. Should its files not load, every request, held or
// to come, is answered [n, false, why], so that the page says so rather than wait for ever.
const held = [];
self.onmessage = (event) => held.push(event);
const unavailable = () => {
  const why = 'the collection worker could not be loaded: reload the page';
  self.onmessage = (event) => self.postMessage([event.data && event.data[0], false, why]);
  for (const event of held.splice(0)) self.onmessage(event);
};
try {
  importScripts('./collection-worker.js');
  wasm_bindgen('./collection-worker_bg.wasm').then(() => {
    for (const event of held.splice(0)) self.onmessage(event);
  }, unavailable);
} catch {
  unavailable();
}
