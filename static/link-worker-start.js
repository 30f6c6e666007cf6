// Starts the link model's worker (crates/link-worker, built by Trunk as link-worker.js and
// link-worker_bg.wasm). Requests that come while its wasm loads are held and handed to it once
// it listens: a worker's first messages would otherwise find no listener and be lost.
const held = [];
self.onmessage = (event) => held.push(event);
importScripts('./link-worker.js');
wasm_bindgen('./link-worker_bg.wasm').then(() => {
  for (const event of held) self.onmessage(event);
});
