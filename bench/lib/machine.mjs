// What the figures were measured on: CPU, memory, OS, Node, Chromium, Python.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

/**
 * @typedef {object} Machine
 * @property {string} cpuModel
 * @property {number} cpuCount logical CPUs
 * @property {number} memoryGiB
 * @property {string} os distribution and kernel
 * @property {string} node
 * @property {string} chromium filled in once the browser is up
 * @property {string} playwright
 * @property {string} python Python, pandas, seaborn, matplotlib versions, or why not
 */

/** @returns {string} */
function osName() {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text)?.[1];
    return `${pretty ?? 'Linux'}, kernel ${release()}`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

/**
 * Versions of the peer's Python stack, from /usr/bin/python3.
 * @returns {string}
 */
export function pythonVersions() {
  try {
    return execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, pandas, seaborn, matplotlib; print(f"Python {sys.version.split()[0]}, pandas {pandas.__version__}, seaborn {seaborn.__version__}, matplotlib {matplotlib.__version__}")',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
  } catch {
    return 'not available';
  }
}

/**
 * @param {string} playwright the installed Playwright's version
 * @returns {Machine}
 */
export function describeMachine(playwright) {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cpuCount: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: 'unknown',
    playwright,
    python: pythonVersions(),
  };
}
