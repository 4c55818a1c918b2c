// Builds what the bench measures: the production app (when dist/ is missing or older than its
// sources) and the core bundled for Node (TypeScript cannot run in Node 20 as it is).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { build } from 'vite';

import { CORE_BUNDLE, DIST, DIST_COPY, ROOT } from './paths.mjs';

/**
 * The newest modification time under a path (a file, or a folder walked recursively).
 * @param {string} path
 * @returns {number} ms since the epoch; 0 when missing
 */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** @returns {boolean} whether dist/ is complete and newer than everything the build reads */
function distIsFresh() {
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
  const newestSource = Math.max(...inputs.map((p) => newestMtime(join(ROOT, p))));
  return newestMtime(join(DIST, 'index.html')) > newestSource;
}

/**
 * Runs `npm run build` unless dist/ is newer than everything the build reads, then copies it to
 * bench/out/dist, which the bench measures and serves.
 * @param {(line: string) => void} log
 */
export function ensureAppBuilt(log) {
  for (let attempt = 1; ; attempt += 1) {
    if (distIsFresh()) {
      log('  dist/ is up to date');
    } else {
      log('  dist/ is missing or older than its sources: npm run build');
      const npm = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      if (npm.status !== 0) {
        throw new Error(`npm run build failed:\n${npm.stdout}\n${npm.stderr}`);
      }
    }
    rmSync(DIST_COPY, { recursive: true, force: true });
    try {
      cpSync(DIST, DIST_COPY, { recursive: true });
      if (existsSync(join(DIST_COPY, 'index.html'))) return;
    } catch {
      // dist/ changed under the copy (another build): build or copy again.
    }
    if (attempt === 3) throw new Error('dist/ kept changing while it was copied');
  }
}

/** The virtual entry of the Node bundle: the loader and a string source. */
const ENTRY = 'virtual:bench-core';
const RESOLVED_ENTRY = `\0${ENTRY}`;

/**
 * Bundles src/core for Node with Vite's own bundler (Rolldown) into bench/out/core/core.mjs,
 * dependencies (papaparse) included.
 * @returns {Promise<number>} how long it took, ms
 */
export async function buildCore() {
  const started = performance.now();
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true },
    plugins: [
      {
        name: 'bench-core-entry',
        resolveId: (id) => (id === ENTRY ? RESOLVED_ENTRY : null),
        load: (id) =>
          id === RESOLVED_ENTRY
            ? [
                `export { BatchLoader } from ${JSON.stringify(join(ROOT, 'src/core/load.ts'))};`,
                `export { textSource } from ${JSON.stringify(join(ROOT, 'src/core/source.ts'))};`,
              ].join('\n')
            : null,
      },
    ],
    build: {
      ssr: true,
      outDir: dirname(CORE_BUNDLE),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: { input: ENTRY, output: { entryFileNames: 'core.mjs', format: 'es' } },
    },
  });
  return performance.now() - started;
}
