// `haymap render` to PNG, the command line against the notebook: the same inputs, timed the
// same way: from the process spawned to the PNG written (the notebook's clock after `savefig`,
// the PNG's modification time here), each process's exit after that left out of both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { OUT_DIR, ROOT } from './paths.mjs';
import { runNotebookOnce } from './peer.mjs';
import { median } from './stats.mjs';

/** @typedef {import('./inputs.mjs').Input} Input */

/**
 * @typedef {object} CliFigure
 * @property {string} id
 * @property {number} runs
 * @property {number} e2eMs median, `node cli/bin.mjs render` spawned to the PNG written
 * @property {number} minMs
 * @property {number} maxMs
 * @property {number} exitMs median, spawned to the process ended
 * @property {number} width of the PNG, px
 * @property {number} height of the PNG, px
 * @property {number} [notebookMs] median of the notebook's runs taken in turn with these
 *   (ABAB: one render, one notebook, and again), process spawned to the PNG written
 * @property {number} [notebookRuns]
 */

const BIN = join(ROOT, 'cli', 'bin.mjs');
const BUNDLE = join(ROOT, 'dist-cli', 'main.cjs');

/**
 * @param {string} path
 * @returns {number} the newest modification time under a path, 0 when missing
 */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Runs `npm run build:cli` when dist-cli/ is missing or older than cli/ and src/.
 * @param {(line: string) => void} log
 */
export function ensureCliBuilt(log) {
  if (newest(BUNDLE) > Math.max(newest(join(ROOT, 'cli')), newest(join(ROOT, 'src')))) {
    log('  dist-cli/ is up to date');
    return;
  }
  log('  dist-cli/ is missing or older than its sources: npm run build:cli');
  const npm = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  if (npm.status !== 0) throw new Error(`npm run build:cli failed:\n${npm.stdout}\n${npm.stderr}`);
}

/**
 * One `haymap render <input> -o out.png`: spawned as the notebook is (bench/lib/peer.mjs), and
 * timed as it is, from the spawn (wall clock) to the PNG written (its modification time, the
 * same clock; the kernel stamps it to within a tick of a few ms).
 * @param {Input} input
 * @returns {Promise<{ ms: number, exitMs: number, png: string }>}
 */
function runOnce(input) {
  const png = join(OUT_DIR, `cli-${input.id.replace(/\W/g, '_')}.png`);
  rmSync(png, { force: true });
  return new Promise((resolve, reject) => {
    const spawnedAt = Date.now();
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'render', input.path, '-o', png, '-q'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      if (code !== 0) reject(new Error(`haymap render ${input.id} exited ${code}: ${stderr}`));
      else resolve({ ms: statSync(png).mtimeMs - spawnedAt, exitMs, png });
    });
  });
}

/**
 * `haymap render` to PNG on every input the notebook runs on, as often as the notebook runs,
 * each run followed by one of the notebook's when it is available (`withNotebook`): the ratio
 * compares runs taken in turn, so the machine's speed drifting between sections (by a third
 * from one minute to the next here) weighs on both alike.
 * @param {Input[]} inputs
 * @param {(line: string) => void} log
 * @param {boolean} [withNotebook]
 * @returns {Promise<CliFigure[]>}
 */
export async function benchCli(inputs, log, withNotebook = false) {
  /** @type {CliFigure[]} */
  const figures = [];
  for (const input of inputs) {
    if (input.peerRuns === 0) continue;
    /** @type {number[]} */
    const times = [];
    /** @type {number[]} */
    const exits = [];
    /** @type {number[]} */
    const notebook = [];
    let png = '';
    // One untimed run first: it fills the command line's compile cache (as the notebook's
    // Python has its modules' bytecode cached already), then every timed run finds it.
    await runOnce(input);
    for (let i = 0; i < input.peerRuns; i += 1) {
      const run = await runOnce(input);
      times.push(run.ms);
      exits.push(run.exitMs);
      png = run.png;
      if (withNotebook) notebook.push((await runNotebookOnce(input)).e2eMs);
    }
    const bytes = readFileSync(png);
    const figure = {
      id: input.id,
      runs: times.length,
      e2eMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      exitMs: median(exits),
      width: bytes.readUInt32BE(16),
      height: bytes.readUInt32BE(20),
      ...(notebook.length > 0
        ? { notebookMs: median(notebook), notebookRuns: notebook.length }
        : {}),
    };
    figures.push(figure);
    const beside =
      figure.notebookMs === undefined
        ? ''
        : `, notebook ${(figure.notebookMs / 1000).toFixed(2)} s in turn: ${(figure.notebookMs / figure.e2eMs).toFixed(1)}x`;
    log(
      `  ${input.id}: ${(figure.e2eMs / 1000).toFixed(2)} s to PNG (${times.length} runs)${beside}`,
    );
  }
  return figures;
}
