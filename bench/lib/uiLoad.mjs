// Loads through the real UI: a fresh page, the files set on the app's file or folder input,
// then the app's own User Timing (`haymap:load`, `haymap:parse`), the long tasks that
// overlapped the load, the peak heaps, and what the page shows (cells, trials, errors).
import { freshPage } from './browser.mjs';
import { floorFigure, floorOnce } from './floor.mjs';
import { watchHeaps } from './heap.mjs';
import { notebookFigure, pandasFigure, runNotebookOnce, runPandasOnce } from './peer.mjs';
import { maxOf, MB, median, medianOf } from './stats.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('./inputs.mjs').Input} Input */
/** @typedef {import('./browser.mjs').BenchState} BenchState */
/** @typedef {import('./browser.mjs').FrameEntry} FrameEntry */
/** @typedef {import('./heap.mjs').HeapPeaks} HeapPeaks */
/** @typedef {import('./floor.mjs').FloorFigure} FloorFigure */
/** @typedef {import('./floor.mjs').FloorRun} FloorRun */
/** @typedef {import('./peer.mjs').PandasFigure} PandasFigure */
/** @typedef {import('./peer.mjs').PandasRun} PandasRun */
/** @typedef {import('./peer.mjs').PeerFigure} PeerFigure */
/** @typedef {import('./peer.mjs').NotebookRun} NotebookRun */

/** The longest a single load may take before the bench gives up on it. */
const LOAD_TIMEOUT_MS = 180_000;

/**
 * @typedef {object} Shown
 * @property {number} heatmaps heatmap figures on the page
 * @property {number} cells cells drawn in them
 * @property {number} trials the sum of their `data-n`
 * @property {string[]} errors load errors listed
 * @property {string[]} formats formats the file list names
 */

/**
 * @typedef {object} LoadRun
 * @property {number} loadMs `haymap:load`
 * @property {number} parseMs `haymap:parse`: the worker reading, parsing and aggregating
 * @property {number} beforeParseMs from the load's start to the worker's (hand-over, worker start-up)
 * @property {number} afterParseMs from the worker's end to the load's (results posted, store, render, frame)
 * @property {number} records records the worker read
 * @property {number} bytes bytes the worker read
 * @property {number} longestTaskMs the longest long task overlapping the load (0: none over 50 ms)
 * @property {number} longTasks how many long tasks overlapped the load
 * @property {number} longestTaskAfterMs the longest in the half second after the load
 * @property {FrameEntry | null} worstFrame the longest animation frame overlapping the load
 * @property {number} wallMs from setInputFiles called to the load's entry seen, by the bench
 * @property {HeapPeaks} heap
 * @property {Shown} shown
 */

/**
 * @typedef {object} LoadFigure
 * @property {string} id
 * @property {number} runs
 * @property {number} loadMs median
 * @property {number} loadMinMs
 * @property {number} loadMaxMs
 * @property {number} parseMs median
 * @property {number} beforeParseMs median
 * @property {number} afterParseMs median
 * @property {number} workerMBps bytes / parse time (median of runs)
 * @property {number} workerRowsPerS records / parse time (median of runs)
 * @property {number} workerHeapPeakMiB the largest over runs
 * @property {number} pageHeapPeakMiB the largest over runs
 * @property {number} longestTaskMs the largest over runs (0: none over 50 ms)
 * @property {number} longTasksPerLoad median
 * @property {FrameEntry | null} worstFrame the longest animation frame over all runs
 * @property {number} wallMs median
 * @property {Shown} shown of the last run
 * @property {boolean} correct the page showed every cell and trial of the input
 * @property {LoadRun[]} all
 * @property {FloorFigure} [floor] the bare page on the same files, one run after each load
 * @property {PandasFigure} [pandas] read_csv + pivot_table on the same file, one run after each load
 * @property {PeerFigure} [notebook] the notebook on the same input, one run after each load
 */

/**
 * The app's timings and the long tasks, read from the page after a load.
 * @param {Page} page
 */
function readTimings(page) {
  return page.evaluate(() => {
    const w = /** @type {Window & { __bench?: BenchState }} */ (window);
    const load = performance.getEntriesByName('haymap:load').at(-1);
    const parse = /** @type {PerformanceMeasure | undefined} */ (
      performance.getEntriesByName('haymap:parse').at(-1)
    );
    /** @type {{ records?: number, bytes?: number }} */
    const detail = parse?.detail ?? {};
    return {
      load: load ? { start: load.startTime, duration: load.duration } : null,
      parse: parse ? { start: parse.startTime, duration: parse.duration } : null,
      records: detail.records ?? NaN,
      bytes: detail.bytes ?? NaN,
      longTasks: w.__bench?.longTasks ?? [],
      longFrames: w.__bench?.longFrames ?? [],
    };
  });
}

/**
 * What the page shows once loaded.
 * @param {Page} page
 * @returns {Promise<Shown>}
 */
function readShown(page) {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll('figure[data-testid="heatmap"] [data-length]')];
    return {
      heatmaps: document.querySelectorAll('figure[data-testid="heatmap"]').length,
      cells: cells.length,
      trials: cells.reduce((sum, c) => sum + Number(c.getAttribute('data-n') ?? 0), 0),
      // The message without its buttons ("Dismiss").
      errors: [...document.querySelectorAll('[data-testid="load-error"]')].map((e) => {
        const copy = /** @type {Element} */ (e.cloneNode(true));
        for (const button of copy.querySelectorAll('button')) button.remove();
        return (copy.textContent ?? '').trim();
      }),
      formats: [
        ...new Set(
          [...document.querySelectorAll('select[data-testid="file-format"]')].map((s) => {
            const select = /** @type {HTMLSelectElement} */ (s);
            return select.selectedOptions[0]?.textContent ?? select.value;
          }),
        ),
      ],
    };
  });
}

/**
 * Sets the input's files on the page's picker (the app's, or the floor page's, which has the
 * same test ids) and waits for the page's load entry.
 * @param {Page} page
 * @param {Input} input
 * @param {string} [entry] the User Timing entry that ends the load
 * @returns {Promise<number>} the bench's wall time, ms
 */
export async function pickAndWait(page, input, entry = 'haymap:load') {
  const picker = input.kind === 'folder' ? 'folder-input' : 'file-input';
  const before = await page.evaluate((name) => performance.getEntriesByName(name).length, entry);
  const started = performance.now();
  await page.locator(`input[data-testid="${picker}"]`).setInputFiles(input.path);
  await page.waitForFunction(
    ([name, n]) => performance.getEntriesByName(String(name)).length > Number(n),
    [entry, before],
    { timeout: LOAD_TIMEOUT_MS, polling: 50 },
  );
  return performance.now() - started;
}

/**
 * One load on a fresh page.
 * @param {Browser} browser
 * @param {CDPSession} browserSession
 * @param {string} url
 * @param {Input} input
 * @returns {Promise<LoadRun>}
 */
async function loadOnce(browser, browserSession, url, input) {
  const { context, page } = await freshPage(browser, url);
  try {
    const pageSession = await context.newCDPSession(page);
    const heaps = await watchHeaps(browserSession, pageSession);
    const wallMs = await pickAndWait(page, input);
    const heap = await heaps.stop();
    // Work the load leaves behind (a persisted copy, late effects) shows in the next half second.
    await page.waitForTimeout(500);
    const t = await readTimings(page);
    if (!t.load) throw new Error(`${input.id}: no haymap:load entry`);
    const loadStart = t.load.start;
    const loadEnd = loadStart + t.load.duration;
    const during = t.longTasks.filter((e) => e.start < loadEnd && e.start + e.duration > loadStart);
    const after = t.longTasks.filter((e) => e.start >= loadEnd && e.start < loadEnd + 500);
    const frames = t.longFrames.filter(
      (e) => e.start < loadEnd && e.start + e.duration > loadStart,
    );
    const worstFrame = frames.reduce(
      (/** @type {FrameEntry | null} */ worst, f) =>
        worst && worst.duration >= f.duration ? worst : f,
      null,
    );
    const parseMs = t.parse?.duration ?? NaN;
    return {
      loadMs: t.load.duration,
      parseMs,
      beforeParseMs: t.parse ? t.parse.start - loadStart : NaN,
      afterParseMs: t.parse ? loadEnd - (t.parse.start + t.parse.duration) : NaN,
      records: t.records,
      bytes: t.bytes,
      longestTaskMs: Math.max(0, ...during.map((e) => e.duration)),
      longTasks: during.length,
      longestTaskAfterMs: Math.max(0, ...after.map((e) => e.duration)),
      worstFrame,
      wallMs,
      heap,
      shown: await readShown(page),
    };
  } finally {
    await context.close();
  }
}

/**
 * Loads each input `browserRuns` times, a fresh page each time; after each load, the floor page
 * on the same files, pandas on the same table and the notebook when the input has them (ABAB: a change in the
 * machine's load hits the app and what it is held against alike).
 * @param {Browser} browser
 * @param {CDPSession} browserSession
 * @param {string} url
 * @param {Input[]} inputs
 * @param {(line: string) => void} log
 * @param {{ pandas: boolean }} peers whether pandas (and the notebook) can run
 * @returns {Promise<LoadFigure[]>}
 */
export async function benchLoads(browser, browserSession, url, inputs, log, peers) {
  /** @type {LoadFigure[]} */
  const figures = [];
  for (const input of inputs) {
    /** @type {LoadRun[]} */
    const runs = [];
    /** @type {FloorRun[]} */
    const floorRuns = [];
    /** @type {PandasRun[]} */
    const pandasRuns = [];
    /** @type {NotebookRun[]} */
    const notebookRuns = [];
    for (let i = 0; i < input.browserRuns; i += 1) {
      runs.push(await loadOnce(browser, browserSession, url, input));
      if (input.floor)
        floorRuns.push(await floorOnce(browser, browserSession, url, input, input.floor));
      if (input.pandas && peers.pandas) pandasRuns.push(await runPandasOnce(input));
      if (input.notebookBeside && peers.pandas) notebookRuns.push(await runNotebookOnce(input));
    }
    const last = runs[runs.length - 1];
    if (!last) continue;
    const worstFrame = runs.reduce(
      (/** @type {FrameEntry | null} */ worst, r) =>
        r.worstFrame && (!worst || r.worstFrame.duration > worst.duration) ? r.worstFrame : worst,
      null,
    );
    const figure = {
      id: input.id,
      runs: runs.length,
      loadMs: medianOf(runs, (r) => r.loadMs),
      loadMinMs: Math.min(...runs.map((r) => r.loadMs)),
      loadMaxMs: Math.max(...runs.map((r) => r.loadMs)),
      parseMs: medianOf(runs, (r) => r.parseMs),
      beforeParseMs: medianOf(runs, (r) => r.beforeParseMs),
      afterParseMs: medianOf(runs, (r) => r.afterParseMs),
      workerMBps: medianOf(runs, (r) => r.bytes / MB / (r.parseMs / 1000)),
      workerRowsPerS: medianOf(runs, (r) => r.records / (r.parseMs / 1000)),
      workerHeapPeakMiB: maxOf(runs, (r) => r.heap.workerPeak) / 2 ** 20,
      pageHeapPeakMiB: maxOf(runs, (r) => r.heap.pagePeak) / 2 ** 20,
      longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
      longTasksPerLoad: median(runs.map((r) => r.longTasks)),
      worstFrame,
      wallMs: medianOf(runs, (r) => r.wallMs),
      shown: last.shown,
      correct:
        last.shown.errors.length === 0 &&
        last.shown.cells === input.cells &&
        last.shown.trials === input.trials,
      all: runs,
      ...(input.floor && floorRuns.length > 0
        ? { floor: floorFigure(input.floor, floorRuns) }
        : {}),
      ...(pandasRuns.length > 0 ? { pandas: pandasFigure(pandasRuns) } : {}),
      ...(notebookRuns.length > 0
        ? { notebook: notebookFigure(input.id, notebookRuns, true) }
        : {}),
    };
    figures.push(figure);
    log(
      `  ${input.id}: load ${figure.loadMs.toFixed(0)} ms (parse ${figure.parseMs.toFixed(0)} ms, ${figure.workerMBps.toFixed(1)} MB/s), ` +
        `longest task ${figure.longestTaskMs.toFixed(0)} ms, worker heap ${figure.workerHeapPeakMiB.toFixed(0)} MiB` +
        (figure.floor
          ? `; floor (${figure.floor.mode}) ${figure.floor.loadMs.toFixed(0)} ms, ${figure.floor.mbPerS.toFixed(1)} MB/s`
          : '') +
        (figure.pandas ? `; pandas ${figure.pandas.e2eMs.toFixed(0)} ms` : '') +
        (figure.notebook ? `; notebook ${figure.notebook.e2eMs.toFixed(0)} ms` : '') +
        (figure.correct ? '' : ` — NOT AS EXPECTED: ${JSON.stringify(last.shown)}`),
    );
  }
  return figures;
}
