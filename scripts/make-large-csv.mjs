// Writes a large seeded tidy CSV (one trial per row) for load and memory tests, and next to it
// `<out>.expected.json` with the exact mean and trial count of every cell, computed while
// writing, so a test can check that the heatmap of the file is exact.
//
//   node scripts/make-large-csv.mjs <out.csv> [rows=1000000]
//
// 1,000,000 rows make about 60 MB. The file streams to disk in blocks: memory stays flat
// whatever the row count. Synthetic data, not a real model result.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { checkSynth, linspaceInt, mulberry32, sigmoidDepths, TIDY_HEADER } from './lib/synth.mjs';

/** The one model of the file. */
export const LARGE_MODEL = 'synthetic-large';

/** Characters gathered before each write to the stream. */
const BLOCK_CHARS = 1 << 16;

/**
 * @typedef {[lengthTokens: number, depthPercent: number, mean: number, n: number]} ExpectedCell
 * One heatmap cell as the expected file lists it: mean score (0..1) and number of trials.
 */

/**
 * Chance that a trial fails: low at short lengths, rising past ~120K tokens, worst around 40%
 * depth (a familiar NIAH picture, nothing more).
 * @param {number} length
 * @param {number} depth
 * @returns {number}
 */
function failureChance(length, depth) {
  const lengthPressure = 1 / (1 + Math.exp(-(length - 120000) / 20000));
  const depthFactor = 0.4 + 0.6 * Math.exp(-(((depth - 40) / 25) ** 2));
  return 0.02 + 0.7 * lengthPressure * depthFactor;
}

/**
 * Writes `rows` trials of one model over 35 lengths (1,000 ... 200,000) x 35 sigmoid depths,
 * row i in cell i mod 1,225 (so every cell gets rows / 1,225 trials, give or take one), score 0
 * or 1, with a short needle, expected answer and response. Then writes `<outPath>.expected.json`:
 * `{"cells": [[length, depth, mean, n], ...]}` in length, then depth order.
 * @param {string} outPath
 * @param {number} [rows]
 * @param {number} [seed]
 * @returns {Promise<{ rows: number, bytes: number, cells: ExpectedCell[] }>}
 */
export async function writeLargeCsv(outPath, rows = 1_000_000, seed = 1) {
  checkSynth();
  const rand = mulberry32(seed);
  const lengths = linspaceInt(1000, 200000, 35);
  const depths = sigmoidDepths(35);
  const cellCount = lengths.length * depths.length;
  const passes = new Uint32Array(cellCount);
  const counts = new Uint32Array(cellCount);

  const out = createWriteStream(outPath);
  let bytes = 0;
  let block = `${TIDY_HEADER.join(',')}\n`;
  /** @returns {Promise<void>} */
  const flush = async () => {
    // Every character is ASCII, so characters count bytes.
    bytes += block.length;
    const more = out.write(block);
    block = '';
    if (!more) await once(out, 'drain');
  };

  for (let i = 0; i < rows; i += 1) {
    const cell = i % cellCount;
    const length = lengths[Math.floor(cell / depths.length)] ?? 0;
    const depth = depths[cell % depths.length] ?? 0;
    const expected = String(1000000 + Math.floor(rand() * 9000000));
    const pass = rand() >= failureChance(length, depth);
    // A miss answers with a neighbouring number.
    const response = pass ? expected : String(Number(expected) + 1);
    counts[cell] = (counts[cell] ?? 0) + 1;
    if (pass) passes[cell] = (passes[cell] ?? 0) + 1;
    block += `${LARGE_MODEL},${length},${depth},${pass ? 1 : 0},magic ${expected},${expected},${response}\n`;
    if (block.length >= BLOCK_CHARS) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');

  /** @type {ExpectedCell[]} */
  const cells = [];
  for (let cell = 0; cell < cellCount; cell += 1) {
    const n = counts[cell] ?? 0;
    if (n === 0) continue;
    const length = lengths[Math.floor(cell / depths.length)] ?? 0;
    const depth = depths[cell % depths.length] ?? 0;
    cells.push([length, depth, (passes[cell] ?? 0) / n, n]);
  }
  await writeFile(`${outPath}.expected.json`, `${JSON.stringify({ cells })}\n`);
  return { rows, bytes, cells };
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  const [outPath, rowsArg = '1000000'] = process.argv.slice(2);
  const rows = Number(rowsArg);
  if (!outPath || !Number.isInteger(rows) || rows < 1) {
    process.stderr.write('usage: node scripts/make-large-csv.mjs <out.csv> [rows=1000000]\n');
    process.exit(2);
  }
  const started = performance.now();
  const written = await writeLargeCsv(outPath, rows);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `wrote ${outPath}: ${written.rows} rows, ${(written.bytes / 1e6).toFixed(1)} MB, ` +
      `${written.cells.length} cells, in ${seconds.toFixed(2)} s (+ ${outPath}.expected.json)\n`,
  );
}
