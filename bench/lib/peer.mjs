// The peers: bench/peer/notebook.py (pandas + seaborn, as a researcher's notebook does it),
// timed from process start to the PNG written, on the same inputs; and bench/peer/pandas_table.py
// (read_csv + pivot_table alone), timed from process start to the pivot table done, run by the
// browser section right after each UI load of a table (ABAB).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

import { OUT_DIR } from './paths.mjs';
import { median } from './stats.mjs';

/** Debian's Python: a pyenv `python3` on PATH may lack pandas. */
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, '..', 'peer', 'notebook.py');
const TABLE_SCRIPT = join(import.meta.dirname, '..', 'peer', 'pandas_table.py');

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
 * @property {boolean} [beside] the runs alternated with the UI loads of the input (ABAB)
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
 * Spawns /usr/bin/python3 on a script that prints one line of JSON last.
 * @param {string[]} args
 * @param {string} what for errors
 * @returns {Promise<{ spawnedAt: number, exitMs: number, out: Record<string, number> }>}
 */
function runPython(args, what) {
  return new Promise((resolve, reject) => {
    const spawnedAt = Date.now();
    const started = performance.now();
    const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`${what} exited ${code}: ${stderr.slice(-500)}`));
        return;
      }
      resolve({ spawnedAt, exitMs, out: JSON.parse(stdout.trim().split('\n').pop() ?? '{}') });
    });
  });
}

/**
 * Runs the notebook once.
 * @param {Input} input
 * @returns {Promise<NotebookRun>}
 */
export async function runNotebookOnce(input) {
  const png = join(OUT_DIR, `peer-${input.id.replace(/\W/g, '_')}.png`);
  const { spawnedAt, exitMs, out } = await runPython(
    [SCRIPT, input.peerKind, input.path, png],
    `notebook.py ${input.id}`,
  );
  const s = (/** @type {string} */ key) => (out[key] ?? NaN) * 1000;
  return {
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
  };
}

/**
 * @typedef {object} PandasRun
 * @property {number} e2eMs process spawned to the pivot table done
 * @property {number} cpuMs the script's CPU time
 * @property {number} importMs
 * @property {number} readMs `read_csv`
 * @property {number} pivotMs `pivot_table`
 * @property {number} cells
 */

/**
 * @typedef {object} PandasFigure
 * @property {number} runs
 * @property {number} e2eMs median, process start to pivot table done
 * @property {number} minMs
 * @property {number} maxMs
 * @property {number} cpuMs median
 * @property {number} importMs median
 * @property {number} readMs median
 * @property {number} pivotMs median
 * @property {number} cells
 * @property {PandasRun[]} all
 */

/**
 * pandas alone on a tidy CSV once: process start, `read_csv`, `pivot_table`.
 * @param {Input} input
 * @returns {Promise<PandasRun>}
 */
export async function runPandasOnce(input) {
  const { spawnedAt, out } = await runPython(
    [TABLE_SCRIPT, input.path],
    `pandas_table.py ${input.id}`,
  );
  const s = (/** @type {string} */ key) => (out[key] ?? NaN) * 1000;
  return {
    e2eMs: (out.done_epoch ?? NaN) * 1000 - spawnedAt,
    cpuMs: s('cpu_s'),
    importMs: s('import_s'),
    readMs: s('read_s'),
    pivotMs: s('pivot_s'),
    cells: out.cells ?? 0,
  };
}

/**
 * @param {PandasRun[]} runs
 * @returns {PandasFigure}
 */
export function pandasFigure(runs) {
  const m = (/** @type {(r: PandasRun) => number} */ pick) => median(runs.map(pick));
  return {
    runs: runs.length,
    e2eMs: m((r) => r.e2eMs),
    minMs: Math.min(...runs.map((r) => r.e2eMs)),
    maxMs: Math.max(...runs.map((r) => r.e2eMs)),
    cpuMs: m((r) => r.cpuMs),
    importMs: m((r) => r.importMs),
    readMs: m((r) => r.readMs),
    pivotMs: m((r) => r.pivotMs),
    cells: runs.at(-1)?.cells ?? 0,
    all: runs,
  };
}

/**
 * The notebook's figure from its runs on one input.
 * @param {string} id
 * @param {NotebookRun[]} runs
 * @param {boolean} beside whether the runs alternated with the UI loads
 * @returns {PeerFigure}
 */
export function notebookFigure(id, runs, beside) {
  const m = (/** @type {(r: NotebookRun) => number} */ pick) => median(runs.map(pick));
  return {
    id,
    runs: runs.length,
    beside,
    e2eMs: m((r) => r.e2eMs),
    inScriptMs: m((r) => r.inScriptMs),
    cpuMs: m((r) => r.cpuMs),
    warmMs: m((r) => r.readMs + r.pivotMs + r.plotMs + r.saveMs),
    readMs: m((r) => r.readMs),
    importMs: m((r) => r.importMs),
    rows: runs[0]?.rows ?? 0,
    cells: runs[0]?.cells ?? 0,
  };
}

/**
 * Runs the notebook `peerRuns` times per input, except where `done` already has its figure
 * (taken beside the UI loads), which is kept.
 * @param {Input[]} inputs
 * @param {(line: string) => void} log
 * @param {PeerFigure[]} [done]
 * @returns {Promise<PeerFigure[]>}
 */
export async function benchPeer(inputs, log, done = []) {
  /** @type {PeerFigure[]} */
  const figures = [];
  for (const input of inputs) {
    const kept = done.find((f) => f.id === input.id);
    if (kept) {
      figures.push(kept);
      log(
        `  ${input.id}: ${(kept.e2eMs / 1000).toFixed(2)} s to PNG (${kept.runs} runs beside the UI loads)`,
      );
      continue;
    }
    if (input.peerRuns === 0) continue;
    /** @type {NotebookRun[]} */
    const runs = [];
    for (let i = 0; i < input.peerRuns; i += 1) runs.push(await runNotebookOnce(input));
    const figure = notebookFigure(input.id, runs, false);
    figures.push(figure);
    log(`  ${input.id}: ${(figure.e2eMs / 1000).toFixed(2)} s to PNG (${runs.length} runs)`);
  }
  return figures;
}
