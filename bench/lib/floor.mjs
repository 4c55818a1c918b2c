// The floor: the bare page of bench/floor/, served on the app's origin, doing with the same files
// only what every reader must (read their text; or read and run raw papaparse; or read, split
// lines and JSON.parse each), in a worker, timed as the app times its loads. The bench runs it
// right after each UI load of the same input (ABAB), so a change in the machine's load hits both.
import { freshPage } from './browser.mjs';
import { watchHeaps } from './heap.mjs';
import { maxOf, MB, medianOf } from './stats.mjs';
import { pickAndWait } from './uiLoad.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('./inputs.mjs').Input} Input */
/** @typedef {import('./inputs.mjs').FloorMode} FloorMode */
/** @typedef {import('./browser.mjs').BenchState} BenchState */

/**
 * @typedef {object} FloorRun
 * @property {number} loadMs `floor:load`: the input's change event to the frame after the answer
 * @property {number} parseMs `floor:parse`: the worker's span, message taken to answer ready
 * @property {number} readMs of which reading the files' text
 * @property {number} postMs the page's change handler: the FileList read and the `File`s posted
 * @property {number} bytes
 * @property {number} records
 * @property {number} longestTaskMs the longest main-thread task overlapping the load (0: none over 50 ms)
 * @property {number} workerHeapPeak bytes, the largest sample (a lower bound, as for the app)
 * @property {number} wallMs
 */

/**
 * @typedef {object} FloorFigure
 * @property {FloorMode} mode
 * @property {number} runs
 * @property {number} loadMs median
 * @property {number} loadMinMs
 * @property {number} loadMaxMs
 * @property {number} parseMs median
 * @property {number} readMs median
 * @property {number} postMs median
 * @property {number} mbPerS bytes / worker span, median of runs
 * @property {number} rowsPerS records / worker span, median of runs
 * @property {number} longestTaskMs the largest over runs
 * @property {number} workerHeapPeakMiB the largest over runs
 * @property {number} records of the last run
 * @property {FloorRun[]} all
 */

/**
 * One floor load on a fresh page.
 * @param {Browser} browser
 * @param {CDPSession} browserSession
 * @param {string} url the server's origin
 * @param {Input} input
 * @param {FloorMode} mode
 * @returns {Promise<FloorRun>}
 */
export async function floorOnce(browser, browserSession, url, input, mode) {
  const { context, page } = await freshPage(browser, `${url}/__floor/?mode=${mode}`);
  try {
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    const pageSession = await context.newCDPSession(page);
    const heaps = await watchHeaps(browserSession, pageSession);
    const wallMs = await pickAndWait(page, input, 'floor:load');
    const heap = await heaps.stop();
    const t = await page.evaluate(() => {
      const w = /** @type {Window & { __bench?: BenchState }} */ (window);
      const load = performance.getEntriesByName('floor:load').at(-1);
      const parse = /** @type {PerformanceMeasure | undefined} */ (
        performance.getEntriesByName('floor:parse').at(-1)
      );
      /** @type {{ bytes?: number, records?: number, readMs?: number }} */
      const detail = parse?.detail ?? {};
      const post = performance.getEntriesByName('floor:post').at(-1);
      const start = load?.startTime ?? 0;
      const end = start + (load?.duration ?? 0);
      const during = (w.__bench?.longTasks ?? []).filter(
        (e) => e.start < end && e.start + e.duration > start,
      );
      return {
        loadMs: load?.duration ?? NaN,
        parseMs: parse?.duration ?? NaN,
        readMs: detail.readMs ?? NaN,
        postMs: post?.duration ?? NaN,
        bytes: detail.bytes ?? NaN,
        records: detail.records ?? NaN,
        longestTaskMs: Math.max(0, ...during.map((e) => e.duration)),
      };
    });
    return { ...t, workerHeapPeak: heap.workerPeak, wallMs };
  } finally {
    await context.close();
  }
}

/**
 * The floor's figure from its runs.
 * @param {FloorMode} mode
 * @param {FloorRun[]} runs
 * @returns {FloorFigure}
 */
export function floorFigure(mode, runs) {
  return {
    mode,
    runs: runs.length,
    loadMs: medianOf(runs, (r) => r.loadMs),
    loadMinMs: Math.min(...runs.map((r) => r.loadMs)),
    loadMaxMs: Math.max(...runs.map((r) => r.loadMs)),
    parseMs: medianOf(runs, (r) => r.parseMs),
    readMs: medianOf(runs, (r) => r.readMs),
    postMs: medianOf(runs, (r) => r.postMs),
    mbPerS: medianOf(runs, (r) => r.bytes / MB / (r.parseMs / 1000)),
    rowsPerS: medianOf(runs, (r) => r.records / (r.parseMs / 1000)),
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    workerHeapPeakMiB: maxOf(runs, (r) => r.workerHeapPeak) / 2 ** 20,
    records: runs.at(-1)?.records ?? NaN,
    all: runs,
  };
}
