// cablescope's service worker: after the first visit the page works with the network off.
// Its address names the build's files (static/start.js), so each build has its own cache,
// `cablescope-<wasm file>`; a new build's worker takes over at once and deletes older caches.
// Only the page's own origin is ever cached or fetched.
const params = new URL(self.location.href).searchParams;
const build = ['js', 'wasm', 'css'].map((name) => params.get(name)).filter(Boolean);
const CACHE = 'cablescope-' + (params.get('wasm') || 'unversioned');
const scope = self.registration.scope;
// The link model's worker is kept with the rest, so that links are made and opened offline too.
const worker = ['link-worker-start.js', 'link-worker.js', 'link-worker_bg.wasm'];
const shell = [scope, new URL('start.js', scope).href, new URL('boot.js', scope).href,
  ...worker.map((path) => new URL(path, scope).href), ...build.map((path) => new URL(path, scope).href)];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(shell)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('cablescope-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The network's copy when there is one, kept under `key`; the kept copy otherwise.
const networkFirst = (request, key) => fetch(request)
  .then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(key, copy));
    }
    return response;
  })
  .catch(() => caches.match(key).then((cached) => cached || Response.error()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The page itself and its loader, whose names do not change between builds: network first,
  // so a new build shows at once. Links carry the cable in the fragment, which no request
  // includes.
  if (request.mode === 'navigate') {
    // The collection page is kept under its own name; any other address is the viewer.
    const collection = new URL('collection.html', scope);
    event.respondWith(networkFirst(request, url.pathname === collection.pathname ? collection.href : scope));
    return;
  }
  if (url.pathname === new URL('start.js', scope).pathname
      || url.pathname === new URL('boot.js', scope).pathname) {
    event.respondWith(networkFirst(request, request));
    return;
  }
  // Everything else (the build's files, named by their content; the link models' primers; the
  // samples) from the cache first; what is not there yet is fetched and kept.
  event.respondWith(
    caches.match(request).then((cached) => cached || fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    })),
  );
});
