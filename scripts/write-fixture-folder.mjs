// Writes the Claude 2.1-like gkamradt v1 results folder (1,376 per-test JSON files) into a
// directory, for tests of the folder loader and for checks against pandas
// (scripts/pandas_pivot.py).
//
//   node scripts/write-fixture-folder.mjs <outDir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { checkSynth, claudeLikeFolder } from './lib/synth.mjs';

/**
 * Writes `claudeLikeFolder(seed)` into `outDir`, creating it when needed. Existing files of
 * the same names are overwritten; other files in the folder are left alone.
 * @param {string} outDir
 * @param {number} [seed]
 * @returns {string[]} the paths written
 */
export function writeClaudeLikeFolder(outDir, seed = 7) {
  mkdirSync(outDir, { recursive: true });
  return claudeLikeFolder(seed).map(({ name, text }) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    return path;
  });
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  const outDir = process.argv[2];
  if (!outDir) {
    process.stderr.write('usage: node scripts/write-fixture-folder.mjs <outDir>\n');
    process.exit(2);
  }
  checkSynth();
  const written = writeClaudeLikeFolder(outDir);
  process.stdout.write(`wrote ${written.length} files to ${outDir}\n`);
}
