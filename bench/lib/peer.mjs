// The peer: bench/peer/notebook.py (pandas + seaborn, as a researcher's notebook does it),
// timed from process start to the PNG written, on the same inputs.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

import { OUT_DIR } from './paths.mjs';
import { median } from './stats.mjs';

/** Debian's Python: a pyenv `python3` on PATH may lack pandas. */
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, '..', 'peer', 'notebook.py');

/** @typedef {import('./inputs.mjs').Input} Input */

/**
 * @typedef {object} NotebookRun
 * @property {number} e2eMs process spawned to PNG written
 * @property {number} exitMs process spawned to process ended
 * @property {number} inScriptMs the script's own time, first line to PNG saved
 * @property {number} cpuMs the script's CPU time, first line to PNG saved
 * @property {number} importMs
 * @property {number} readMs
 * @property {number} pivotMs
 * @property {number} plotMs
 * @property {number} saveMs
 * @property {number} rows
 * @property {number} cells
 */

/**
 * @typedef {object} PeerFigure
 * @property {string} id
 * @property {number} runs
 * @property {number} e2eMs median
 * @property {number} inScriptMs median
 * @property {number} cpuMs median CPU time of the script (steadier than wall time on a busy machine)
 * @property {number} warmMs median of read + pivot + plot + save: a notebook kernel that
 *   already imported pandas and seaborn
 * @property {number} readMs median
 * @property {number} importMs median
 * @property {number} rows
 * @property {number} cells
 */

/** @returns {boolean} */
function peerImports() {
  try {
    execFileSync(PYTHON, ['-c', 'import pandas, seaborn'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure /usr/bin/python3 has pandas and seaborn, installing Debian's packages when it
 * does not and the bench runs as root.
 * @param {(line: string) => void} log
 * @returns {boolean} whether the peer can run
 */
export function ensurePeer(log) {
  if (peerImports()) return true;
  if (process.getuid?.() !== 0) {
    log('  pandas/seaborn missing and not root: the peer is skipped');
    return false;
  }
  log('  installing python3-pandas and python3-seaborn (apt-get)');
  try {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', 'python3-pandas', 'python3-seaborn'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    log(`  apt-get failed (${String(error)}): the peer is skipped`);
    return false;
  }
  return peerImports();
}

/**
 * Runs the notebook once.
 * @param {Input} input
 * @returns {Promise<NotebookRun>}
 */
function runOnce(input) {
  const png = join(OUT_DIR, `peer-${input.id.replace(/\W/g, '_')}.png`);
  return new Promise((resolve, reject) => {
    const spawnedAt = Date.now();
    const started = performance.now();
    const child = spawn(PYTHON, [SCRIPT, input.peerKind, input.path, png], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`notebook.py ${input.id} exited ${code}: ${stderr.slice(-500)}`));
        return;
      }
      /** @type {Record<string, number>} */
      const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
      const s = (/** @type {string} */ key) => (out[key] ?? NaN) * 1000;
      resolve({
        e2eMs: (out.png_written_epoch ?? NaN) * 1000 - spawnedAt,
        exitMs,
        inScriptMs: s('in_script_s'),
        cpuMs: s('cpu_s'),
        importMs: s('import_s'),
        readMs: s('read_s'),
        pivotMs: s('pivot_s'),
        plotMs: s('plot_s'),
        saveMs: s('save_s'),
        rows: out.rows ?? 0,
        cells: out.cells ?? 0,
      });
    });
  });
}

/**
 * Runs the notebook `peerRuns` times per input.
 * @param {Input[]} inputs
 * @param {(line: string) => void} log
 * @returns {Promise<PeerFigure[]>}
 */
export async function benchPeer(inputs, log) {
  /** @type {PeerFigure[]} */
  const figures = [];
  for (const input of inputs) {
    if (input.peerRuns === 0) continue;
    /** @type {NotebookRun[]} */
    const runs = [];
    for (let i = 0; i < input.peerRuns; i += 1) runs.push(await runOnce(input));
    const m = (/** @type {(r: NotebookRun) => number} */ pick) => median(runs.map(pick));
    const figure = {
      id: input.id,
      runs: runs.length,
      e2eMs: m((r) => r.e2eMs),
      inScriptMs: m((r) => r.inScriptMs),
      cpuMs: m((r) => r.cpuMs),
      warmMs: m((r) => r.readMs + r.pivotMs + r.plotMs + r.saveMs),
      readMs: m((r) => r.readMs),
      importMs: m((r) => r.importMs),
      rows: runs[0]?.rows ?? 0,
      cells: runs[0]?.cells ?? 0,
    };
    figures.push(figure);
    log(`  ${input.id}: ${(figure.e2eMs / 1000).toFixed(2)} s to PNG (${runs.length} runs)`);
  }
  return figures;
}
