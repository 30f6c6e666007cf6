// The anchor of `./x bench`'s link-opening figure: the same cable's text carried in the
// fragment as zlib deflate + base64url (as mermaid's `#pako:` links are), decoded with the
// browser's own DecompressionStream and shown; marked after the frame that shows it.
const base64 = location.hash.slice(1).replace(/-/g, '+').replace(/_/g, '/');
const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
const text = await new Response(stream).text();
document.getElementById('text').textContent = text;
requestAnimationFrame(() => setTimeout(() => performance.mark('cablescope-first-view'), 0));
