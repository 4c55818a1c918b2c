#!/usr/bin/env node
// The `haymap` command: runs the bundle `npm run build` writes to dist-cli/.
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';

// Node 22.1 on keeps the compiled bundle between runs (Node 20 has no such cache: a no-op).
if ('enableCompileCache' in nodeModule && typeof nodeModule.enableCompileCache === 'function') {
  nodeModule.enableCompileCache();
}

const bundle = new URL('../dist-cli/main.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('haymap: not built yet; run `npm run build` in the checkout first\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
