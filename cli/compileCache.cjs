// Keeps the command line's compiled code between runs, as Node 22's module.enableCompileCache
// does (Node 20 has no such cache, and compiling the bundle is a tenth of a short run). Each
// CommonJS file of the bundle is compiled with the code V8 kept from an earlier run of the
// same file on the same Node; a run that found none, or had its code refused, writes it on
// exit, with every function that run compiled. The cache sits in the bundle's folder, owned by
// whoever built it: where that cannot be written, nothing is kept.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { createRequire } = Module;
const { basename, dirname, join, sep } = require('node:path');
const vm = require('node:vm');

/** Names this file for the bundle's threads (cli/readers.ts), to use the same cache. */
const ENV = 'HAYMAP_COMPILE_CACHE';

/**
 * The cache's file for a bundle file of this content, compiled by this Node.
 * @param {string} dir @param {string} filename @param {string} content
 */
function cacheFile(dir, filename, content) {
  const key = createHash('sha256')
    .update(`${process.version}\0${process.arch}\0`)
    .update(content)
    .digest('hex')
    .slice(0, 16);
  return join(dir, 'compile-cache', `${basename(filename)}.${key}`);
}

/**
 * The loader's compile step, which Node's types leave out.
 * @typedef {{ exports: unknown }} LoadingModule
 * @typedef {(this: LoadingModule, content: string, filename: string) => unknown} Compile
 */

/**
 * Compiles the CommonJS files under `bundleDir` with kept code from now on. On Node 22.1 and
 * later, Node's own compile cache does it for every file.
 * @param {string} bundleDir
 */
function install(bundleDir) {
  const nodeCache = /** @type {{ enableCompileCache?: () => unknown }} */ (Module);
  if (typeof nodeCache.enableCompileCache === 'function') {
    nodeCache.enableCompileCache();
    return;
  }
  process.env[ENV] = __filename;
  const prefix = bundleDir.endsWith(sep) ? bundleDir : `${bundleDir}${sep}`;
  /** @type {{ script: vm.Script; file: string }[]} */
  const toWrite = [];
  const loader = /** @type {{ _compile: Compile }} */ (/** @type {unknown} */ (Module.prototype));
  const compile = loader._compile;
  /** @type {Compile} */
  loader._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const file = cacheFile(prefix, filename, content);
    let cachedData;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ script, file });
    const wrapper = /** @type {(...args: unknown[]) => unknown} */ (
      script.runInThisContext({ displayErrors: true })
    );
    const require = createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file } of toWrite) {
      try {
        mkdirSync(dirname(file), { recursive: true });
        // Written aside and renamed, so a run at the same time never reads half of it.
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, file);
      } catch {
        // A folder that cannot be written keeps no cache: the next run compiles again.
      }
    }
  });
}

module.exports = { ENV, install };
