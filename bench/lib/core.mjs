// The core alone in Node: parse + aggregate throughput per input and per format fixture.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { CORE_BUNDLE, ROOT } from './paths.mjs';
import { median, MB } from './stats.mjs';

/** @typedef {import('./inputs.mjs').Input} Input */
/** @typedef {import('./coreRun.mjs').CoreRunResult} CoreRunResult */

/**
 * @typedef {object} CoreFigure
 * @property {string} id
 * @property {string} label
 * @property {string} [formatId] the format forced, when not detected
 * @property {number} bytes
 * @property {number} runs
 * @property {number} medianMs
 * @property {number} firstMs the first (cold) run
 * @property {number} cpuMs median CPU time (steadier than wall time when the machine is busy)
 * @property {number} mbPerS bytes / median
 * @property {number} rowsPerS records / median
 * @property {number} records
 * @property {number} trials
 * @property {number} cells
 * @property {string[]} formats
 * @property {string[]} errors
 */

/**
 * Runs coreRun.mjs in a child process.
 * @param {{ path: string, kind: 'folder' | 'file', runs: number, formatId?: string, sourcePath?: string }} what
 * @returns {{ bytes: number, runs: CoreRunResult[] }}
 */
function runChild(what) {
  const child = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'coreRun.mjs'), JSON.stringify({ core: CORE_BUNDLE, ...what })],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`core run of ${what.path} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

/**
 * @param {string} id
 * @param {string} label
 * @param {{ bytes: number, runs: CoreRunResult[] }} measured
 * @param {string} [formatId]
 * @returns {CoreFigure}
 */
function figure(id, label, measured, formatId) {
  const { bytes, runs } = measured;
  const last = runs[runs.length - 1];
  const ms = median(runs.map((r) => r.ms));
  const records = last?.records ?? 0;
  return {
    id,
    label,
    ...(formatId === undefined ? {} : { formatId }),
    bytes,
    runs: runs.length,
    medianMs: ms,
    firstMs: runs[0]?.ms ?? NaN,
    cpuMs: median(runs.map((r) => r.cpuMs)),
    mbPerS: bytes / MB / (ms / 1000),
    rowsPerS: records / (ms / 1000),
    records,
    trials: last?.trials ?? 0,
    cells: last?.cells ?? 0,
    formats: last?.formats ?? [],
    errors: last?.errors ?? [],
  };
}

/**
 * Times every input in Node; the generic JSONL that detection gives to another format is also
 * timed read as generic, as a user could choose.
 * @param {Input[]} inputs
 * @param {(line: string) => void} log
 * @returns {CoreFigure[]}
 */
export function benchCoreInputs(inputs, log) {
  /** @type {CoreFigure[]} */
  const figures = [];
  for (const input of inputs) {
    const measured = runChild({ path: input.path, kind: input.kind, runs: input.coreRuns });
    const detected = figure(input.id, input.label, measured);
    figures.push(detected);
    log(
      `  ${input.id}: ${detected.medianMs.toFixed(0)} ms, ${detected.mbPerS.toFixed(1)} MB/s (${detected.formats.join(', ') || detected.errors[0] || 'nothing read'})`,
    );
    if (detected.trials === 0 && input.kind === 'file') {
      const forced = figure(
        input.id,
        `${input.label}, read as ${input.formatId}`,
        runChild({
          path: input.path,
          kind: input.kind,
          runs: input.coreRuns,
          formatId: input.formatId,
        }),
        input.formatId,
      );
      figures.push(forced);
      log(
        `  ${input.id} as ${input.formatId}: ${forced.medianMs.toFixed(0)} ms, ${forced.mbPerS.toFixed(1)} MB/s`,
      );
    }
  }
  return figures;
}

/**
 * Every file of a folder, recursively.
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Each format fixture of e2e/fixtures/formats (one file each, small): time per file, repeated
 * enough to measure, as a per-format comparison of the parsers' costs.
 * @param {(line: string) => void} log
 * @returns {CoreFigure[]}
 */
export function benchCoreFixtures(log) {
  const dir = join(ROOT, 'e2e', 'fixtures', 'formats');
  /** @type {CoreFigure[]} */
  const figures = [];
  for (const path of filesUnder(dir).sort()) {
    const size = statSync(path).size;
    // Small files run many times: about 1 MB read in all, 20 to 300 runs.
    const runs = Math.max(20, Math.min(300, Math.round(1e6 / Math.max(size, 1))));
    const id = relative(dir, path);
    figures.push(figure(id, id, runChild({ path, kind: 'file', runs, sourcePath: id })));
  }
  log(`  ${figures.length} format fixtures`);
  return figures;
}
