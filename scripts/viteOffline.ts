import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app: scripts, workers, styles and fonts from our
 * own origin only, no inline script, no eval; images may be blob:/data: (exported figures).
 * Only on build: Vite's dev server injects an inline script for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The service worker: precaches every built file and sample, then serves them offline. */
function serviceWorker(files: string[], version: string): string {
  return `// Generated at build by scripts/viteOffline.ts: precaches the app so it works offline once loaded.
const CACHE = 'haymap-${version}';
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});
// ignoreVary: the server varies on Origin, which module-script requests send and precaching does not.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true, ignoreVary: true }).then(
      (hit) => hit || fetch(event.request).catch(() => caches.match('./')),
    ),
  );
});
`;
}

/** Adds the CSP meta tag and the offline service worker to the production build. */
export function offline(): Plugin {
  let publicDir = 'public';
  return {
    name: 'haymap-offline',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head',
        },
      ];
    },
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((name) => !name.endsWith('.map'));
      const copied = filesUnder(publicDir).map((path) =>
        relative(publicDir, path).split('\\\\').join('/'),
      );
      const files = ['./', ...new Set([...built, ...copied])].map((f) =>
        f === './' ? f : `./${f}`,
      );
      const version = String(Date.now().toString(36));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorker(files, version) });
    },
  };
}
