// Starts the link model's worker (crates/link-worker, built by Trunk as link-worker.js and
// link-worker_bg.wasm). Requests that come while its wasm loads are held and handed to it once
// it listens: a worker's first messages would otherwise find no listener and be lost. Should its
// files not load (a network that failed, a cache that lost them), every request, held or to come,
// is answered [n, 'unavailable'], so that the page says the link model could not be started
// rather than wait for it (src/services/link.rs).
const held = [];
self.onmessage = (event) => held.push(event);
const unavailable = () => {
  self.onmessage = (event) => self.postMessage([event.data && event.data[0], 'unavailable']);
  for (const event of held.splice(0)) self.onmessage(event);
};
try {
  importScripts('./link-worker.js');
  wasm_bindgen('./link-worker_bg.wasm').then(() => {
    for (const event of held.splice(0)) self.onmessage(event);
  }, unavailable);
} catch {
  unavailable();
}
