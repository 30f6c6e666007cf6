// Starts the collection page (collection.html): the reader's theme, as the single-cable page
// keeps it, then the page's wasm (crates/collection-page, built by Trunk as collection-page.js,
// a no-modules script, and collection-page_bg.wasm); should either not load, the page says so.
(() => {
  try {
    const theme = localStorage.getItem('cablescope-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch {
    // Storage refused: the system's theme.
  }
  const failed = () => {
    const root = document.getElementById('collection');
    if (root) {
      root.innerHTML = '';
      const notice = document.createElement('p');
      notice.className = 'notice notice-error';
      notice.setAttribute('role', 'alert');
      notice.textContent = 'The collection page could not be loaded. Reload the page; your kept collection is not touched.';
      root.append(notice);
    }
  };
  const script = document.createElement('script');
  script.src = 'collection-page.js';
  script.onload = () => {
    // eslint-disable-next-line no-undef
    wasm_bindgen('collection-page_bg.wasm').catch(failed);
  };
  script.onerror = failed;
  document.head.append(script);
})();
