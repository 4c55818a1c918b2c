// The production bundle: every file in dist/assets, raw and gzipped, and which of them a first
// visit loads (what dist/index.html references, and the entry's static imports, transitively)
// and which only later (dynamic imports, the loader worker, fonts on use, source maps never).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { DIST_COPY } from './paths.mjs';

/**
 * @typedef {object} AssetFigure
 * @property {string} file name in dist/assets
 * @property {'js' | 'css' | 'font' | 'map' | 'other'} kind
 * @property {number} bytes
 * @property {number} gzipBytes zlib gzip, level 9
 * @property {'initial' | 'lazy' | 'worker' | 'on use' | 'never'} loaded when a visit loads it
 * @property {string} why how it is referenced
 */

/**
 * @typedef {object} BundleFigure
 * @property {AssetFigure[]} assets largest first
 * @property {number} initialJsBytes
 * @property {number} initialJsGzipBytes
 * @property {number} initialCssGzipBytes
 * @property {number} firstLoadJsGzipBytes initial JS plus the worker a first load starts
 */

/**
 * Relative module specifiers a chunk imports statically (`import ... from "./x.js"`,
 * `import "./x.js"`, `export ... from "./x.js"`) and dynamically (`import("./x.js")`).
 * @param {string} code
 * @returns {{ statics: string[], dynamics: string[] }}
 */
function importsOf(code) {
  const name = (/** @type {string} */ spec) => spec.replace(/^.*\//, '');
  const statics = [
    ...code.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g,
    ),
  ].map((m) => name(m[1] ?? ''));
  const dynamics = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) =>
    name(m[1] ?? ''),
  );
  return { statics, dynamics };
}

/**
 * @param {string} file
 * @returns {AssetFigure['kind']}
 */
function kindOf(file) {
  if (file.endsWith('.map')) return 'map';
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(file)) return 'font';
  return 'other';
}

/** @returns {BundleFigure} */
export function measureBundle() {
  const assetsDir = join(DIST_COPY, 'assets');
  const files = readdirSync(assetsDir).filter((f) => statSync(join(assetsDir, f)).isFile());
  const html = readFileSync(join(DIST_COPY, 'index.html'), 'utf8');
  /** @type {Map<string, string>} */
  const reason = new Map();
  const fromHtml = [...html.matchAll(/(?:src|href)="\/?assets\/([^"]+)"/g)].map((m) => m[1] ?? '');
  const queue = [];
  for (const file of fromHtml) {
    reason.set(file, 'index.html');
    queue.push(file);
  }
  /** @type {Map<string, string>} */
  const lazy = new Map();
  /** @type {Set<string>} */
  const workers = new Set();
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(assetsDir, file), 'utf8');
    const { statics, dynamics } = importsOf(code);
    for (const dep of statics) {
      if (!reason.has(dep)) {
        reason.set(dep, `static import of ${file}`);
        queue.push(dep);
      }
    }
    for (const dep of dynamics) if (!lazy.has(dep)) lazy.set(dep, `import() in ${file}`);
    for (const m of code.matchAll(/["'`]\/?(?:assets\/)?([\w.-]*worker[\w.-]*\.js)["'`]/g)) {
      workers.add(m[1] ?? '');
    }
  }
  /** @type {AssetFigure[]} */
  const assets = files.map((file) => {
    const data = readFileSync(join(assetsDir, file));
    const kind = kindOf(file);
    /** @type {AssetFigure['loaded']} */
    let loaded = 'lazy';
    let why = lazy.get(file) ?? 'referenced by a lazy chunk';
    const initial = reason.get(file);
    if (initial !== undefined) [loaded, why] = ['initial', initial];
    else if (kind === 'map') [loaded, why] = ['never', 'source map (devtools only)'];
    else if (kind === 'font')
      [loaded, why] = ['on use', 'CSS @font-face, fetched for text that needs it'];
    else if (workers.has(file))
      [loaded, why] = ['worker', 'new Worker(), started by the first load'];
    return {
      file,
      kind,
      bytes: data.length,
      gzipBytes: gzipSync(data, { level: 9 }).length,
      loaded,
      why,
    };
  });
  assets.sort((a, b) => b.bytes - a.bytes);
  const sum = (
    /** @type {(a: AssetFigure) => boolean} */ keep,
    /** @type {'bytes' | 'gzipBytes'} */ key,
  ) => assets.filter(keep).reduce((s, a) => s + a[key], 0);
  const initialJs = (/** @type {AssetFigure} */ a) => a.loaded === 'initial' && a.kind === 'js';
  return {
    assets,
    initialJsBytes: sum(initialJs, 'bytes'),
    initialJsGzipBytes: sum(initialJs, 'gzipBytes'),
    initialCssGzipBytes: sum((a) => a.loaded === 'initial' && a.kind === 'css', 'gzipBytes'),
    firstLoadJsGzipBytes: sum(
      (a) => initialJs(a) || (a.loaded === 'worker' && a.kind === 'js'),
      'gzipBytes',
    ),
  };
}
