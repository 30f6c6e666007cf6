// Starts the page: loads the wasm-bindgen module and the wasm it names, then registers the
// service worker that keeps the page working offline; and says so in the page should the wasm
// stop. An external file (not Trunk's inline script) so that the Content-Security-Policy can
// forbid inline script altogether. Trunk writes the built file names into this script's element
// (Trunk.toml, pattern_script).
const me = document.getElementById('cablescope-start');
const { js, wasm } = me.dataset;

// Should the wasm ever stop (a trap: the release page aborts on a panic without a message, and
// answers nothing after it), the page says so, and what the text area holds is kept as the
// newest draft, in src/services/drafts.rs's stored form, which the page opens after a reload.
let stopped = false;
const stop = (error) => {
  if (stopped || !(error instanceof WebAssembly.RuntimeError)) return;
  stopped = true;
  const area = document.getElementById('cable-input');
  const text = area ? area.value : '';
  let kept = false;
  if (text.trim()) {
    try {
      const id = Date.now();
      const draft = `cablescope-draft 1\nsaved ${id}\nview - -\ntitle Kept when the page stopped\n\n${text}`;
      localStorage.setItem(`cablescope-draft-${id}`, draft);
      const index = localStorage.getItem('cablescope-drafts');
      localStorage.setItem('cablescope-drafts', index ? `${id},${index}` : `${id}`);
      kept = true;
    } catch {
      // No storage, or full: the text stays in the text area to be copied.
    }
  }
  const notice = document.createElement('div');
  notice.id = 'stopped';
  notice.className = 'notice notice-error stopped';
  notice.setAttribute('role', 'alert');
  const message = document.createElement('span');
  message.className = 'notice-message';
  message.textContent = 'cablescope stopped on an internal error and no longer answers. ' + (kept
    ? 'Your text is kept as a draft: reload the page to go on with it.'
    : text.trim()
      ? 'Copy your text from the text area (it could not be kept), then reload the page.'
      : 'Reload the page to go on; the drafts kept before are listed there.');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => location.reload());
  notice.append(message, reload);
  document.body.prepend(notice);
};
addEventListener('error', (event) => stop(event.error));
addEventListener('unhandledrejection', (event) => stop(event.reason));

// The wasm is compiled while the bindings load, not after (its download began with the page's
// preload of it); should that fail, the bindings fetch it again their own way.
const compiled = WebAssembly.compileStreaming(fetch(wasm)).catch(() => fetch(wasm));
const bindings = await import(js);
// Opened on a link: the link worker static/boot.js started has often read it by now, or nearly.
// The page waits for it a little (compiling meanwhile) so that its first render is the link's
// cable; it would take about as long to render a page waiting for the cable, then render again.
if (window.cablescopeLinkAnswer) {
  await Promise.race([window.cablescopeLinkAnswer, new Promise((resolve) => setTimeout(resolve, 300))]);
}
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
