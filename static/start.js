// Starts the page: loads the wasm-bindgen module and the wasm it names, then registers the
// service worker that keeps the page working offline. An external file (not Trunk's inline
// script) so that the Content-Security-Policy can forbid inline script altogether. Trunk writes
// the built file names into this script's element (Trunk.toml, pattern_script).
const me = document.getElementById('cablescope-start');
const { js, wasm } = me.dataset;

// The wasm is compiled while the bindings load, not after (its download began with the page's
// preload of it); should that fail, the bindings fetch it again their own way.
const compiled = WebAssembly.compileStreaming(fetch(wasm)).catch(() => fetch(wasm));
const bindings = await import(js);
await bindings.default({ module_or_path: compiled });

// The worker's address carries the build's file names: a new build is a new worker, which
// replaces the old one and its cache (static/sw.js).
if ('serviceWorker' in navigator && window.isSecureContext) {
  const css = document.querySelector('link[rel="stylesheet"]');
  const worker = new URL('sw.js', document.baseURI);
  worker.searchParams.set('js', js);
  worker.searchParams.set('wasm', wasm);
  if (css) worker.searchParams.set('css', css.getAttribute('href'));
  navigator.serviceWorker.register(worker.href).catch((error) => {
    console.warn('cablescope will not work offline:', error);
  });
}
