#!/usr/bin/env node
// The `haymap` command: runs the bundle `npm run build` writes to dist-cli/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// CommonJS, as the bundle is: the reading threads load it too, without the ES module loader.
const { install } = /** @type {typeof import('./compileCache.cjs')} */ (
  require('./compileCache.cjs')
);
const bundleDir = fileURLToPath(new URL('../dist-cli/', import.meta.url));
if (!existsSync(`${bundleDir}main.cjs`)) {
  process.stderr.write('haymap: not built yet; run `npm run build` in the checkout first\n');
  process.exit(1);
}
// The bundle's compiled code is kept between runs.
install(bundleDir);
const { main } = require(`${bundleDir}main.cjs`);
process.exitCode = await main(process.argv.slice(2));
