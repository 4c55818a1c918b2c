import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const ROOT = join(import.meta.dirname, '..');

/** The worker the app starts, as loadClient.ts writes it. */
const WORKER = "new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module' })";

/**
 * The report's app is one HTML file opened from disk, where Chromium refuses module scripts,
 * chunks and workers loaded from file:// URLs. So: one script, the worker inlined as a Blob
 * URL (Vite's `?worker&inline`), styles and fonts inlined, the favicon a data: URL.
 */
function oneFile(): Plugin {
  return {
    name: 'haymap-report-one-file',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/worker/loadClient.ts')) return null;
      if (!code.includes(WORKER)) {
        throw new Error(`report build: ${id} no longer starts its worker as ${WORKER}`);
      }
      return `import HaymapLoadWorker from './load.worker.ts?worker&inline';\n${code.replace(WORKER, 'new HaymapLoadWorker()')}`;
    },
    generateBundle: {
      // After Vite's own HTML plugin has written index.html into the bundle.
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') throw new Error('report build: no index.html');
        let html = String(page.source);
        for (const [name, file] of Object.entries(bundle)) {
          if (file.type === 'chunk' && html.includes(`src="./${name}"`)) {
            // `</script` in the code would end the element: `<\/script` is the same text in JS.
            const code = file.code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
            html = html.replace(
              new RegExp(`<script type="module" crossorigin src="\\./${name}"></script>`),
              () => `<script type="module">${code}</script>`,
            );
            delete bundle[name];
          } else if (file.type === 'asset' && name.endsWith('.css')) {
            html = html.replace(
              new RegExp(`<link rel="stylesheet" crossorigin href="\\./${name}">`),
              () => `<style>${String(file.source)}</style>`,
            );
            delete bundle[name];
          }
        }
        const icon = readFileSync(join(ROOT, 'public', 'favicon.svg')).toString('base64');
        html = html.replace(/href="[^"]*favicon\.svg"/, `href="data:image/svg+xml;base64,${icon}"`);
        // What is left around the inlined script and styles must load nothing.
        const outside = html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '');
        if (/<script[^>]+src=|<link[^>]+href="(?!data:)/.test(outside)) {
          throw new Error(`report build: index.html still loads a file:\n${outside}`);
        }
        page.source = html;
      },
    },
  };
}

/** The app built as one self-contained HTML page, the template of `haymap report`. */
export default defineConfig({
  root: ROOT,
  base: './',
  publicDir: false,
  plugins: [react(), oneFile()],
  // A classic worker: Chromium refuses module workers from blob: URLs of a file:// page.
  worker: { format: 'iife' },
  build: {
    outDir: 'dist-report',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    modulePreload: false,
    rollupOptions: { output: { codeSplitting: false } },
  },
});
