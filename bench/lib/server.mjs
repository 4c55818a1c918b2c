// A tiny static server for dist/ on 127.0.0.1 and a free port, in the bench's own process:
// nothing to start or stop beside it, and no cache headers to differ from run to run. The floor
// page (bench/floor/) is served beside the app, at /__floor/, on the same origin.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a URL path names under `root`, or null.
 * @param {string} root
 * @param {string} pathname
 * @returns {string | null}
 */
function fileUnder(root, pathname) {
  const path = normalize(join(root, pathname));
  if (!path.startsWith(root) || !existsSync(path)) return null;
  if (statSync(path).isDirectory()) return fileUnder(path, 'index.html');
  return path;
}

/**
 * Serves `root`; unknown paths get index.html, as a single-page app expects. Each of `mounts`
 * serves a folder at a path prefix ('/__floor/'), or a file at an exact path.
 * @param {string} root
 * @param {Record<string, string>} [mounts] URL path (prefix ending in '/', or exact) to a folder or file
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(root, mounts = {}) {
  const server = createServer((request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const exact = pathname.endsWith('/') ? undefined : mounts[pathname];
      const prefix = Object.keys(mounts).find((m) => m.endsWith('/') && pathname.startsWith(m));
      const path =
        exact ??
        (prefix === undefined
          ? fileUnder(root, pathname)
          : fileUnder(mounts[prefix] ?? '', pathname.slice(prefix.length))) ??
        join(root, 'index.html');
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-length': statSync(path).size,
      });
      createReadStream(path).pipe(response);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
