// Runs in <head> before the first paint (a plain, blocking script; index.html's
// Content-Security-Policy forbids inline script). The build writes the seed's view into the page
// (src/bin/prerender.rs) so that it is painted before the wasm arrives; this script makes that
// first paint the right one: the reader's theme, and no seed when the page will start on
// something else — a link in the address, or a kept draft (src/page_state.rs decides the same
// once the wasm runs, and removes the prerendered view). For a link it also starts the link
// model's worker, so that the model is read while the page loads.
(() => {
  const root = document.documentElement;
  let storage = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage refused (a privacy setting): no theme and no drafts to find.
  }
  const theme = storage && storage.getItem('cablescope-theme');
  if (theme === 'light' || theme === 'dark') {
    root.dataset.theme = theme;
    // The view the build wrote knows no reader and its theme button says "system": it says the
    // reader's choice from the first paint, as the wasm's own button will. A mutation observer's
    // callback runs before the parser yields to a paint, so no frame shows the other label.
    const label = `Theme: ${theme}`;
    const watch = new MutationObserver(() => {
      const button = document.getElementById('theme-toggle');
      if (!button) return;
      watch.disconnect();
      button.textContent = label;
      button.setAttribute('aria-label', `${label} (press t to change)`);
    });
    watch.observe(root, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => watch.disconnect(), { once: true });
  }
  const link = /^#?[0-9]{1,9}\./.test(location.hash);
  const drafts = storage && /[0-9]/.test(storage.getItem('cablescope-drafts') || '');
  if (link || drafts) root.classList.add('starts-elsewhere');
  // A link: index.html's "Opening the cable this link carries…" is shown until the page runs.
  if (link) root.classList.add('starts-on-link');
  // A link: its model's worker starts now and reads the link while the page loads; the page
  // takes the worker over and asks again, answered from what it kept (crates/link-worker).
  if (link && window.Worker) {
    try {
      const fragment = location.hash.slice(1);
      const worker = new Worker('link-worker-start.js');
      window.cablescopeLinkWorker = worker;
      // Its answer, for the page: read before the page runs (static/start.js waits a little
      // for it), the page starts on the link's cable (src/services/link.rs, opened_at_start).
      window.cablescopeLinkAnswer = new Promise((resolve) => {
        // Its start script did not load: the page starts a worker of its own, whose failure
        // it hears.
        worker.addEventListener('error', () => {
          window.cablescopeLinkWorker = null;
          resolve();
        });
        worker.addEventListener('message', (event) => {
          if (!Array.isArray(event.data) || event.data[0] !== 0) return;
          performance.mark('cablescope-link-read');
          window.cablescopeLinkAnswered = [fragment, event.data];
          resolve();
        });
      });
      worker.postMessage([0, 'open', fragment, null]);
    } catch {
      // The page starts it itself, and says so if it cannot.
    }
  }
})();
