// Re-rendering and hovering on a page of several runs side by side: `haymap:render` after
// palette, metric and threshold changes, and hover-to-tooltip latency for a real (CDP) mouse move.
import { freshPage } from './browser.mjs';
import { median } from './stats.mjs';
import { pickAndWait } from './uiLoad.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('./inputs.mjs').Input} Input */
/** @typedef {import('./browser.mjs').BenchState} BenchState */

/** Changes of each kind timed; the median is reported. */
const CHANGES = 9;
/** Hovers timed. */
const HOVERS = 15;

/**
 * @typedef {object} ChangeFigure
 * @property {string} control
 * @property {number[]} renderMs every `haymap:render`, in order
 * @property {number} medianMs
 * @property {number} maxMs
 * @property {number} longestTaskMs the longest long task during the changes (0: none over 50 ms)
 */

/**
 * @typedef {object} HoverSample
 * @property {number} inputDelayMs the input event's time stamp to its first handler
 * @property {number} domMs time stamp to the tooltip in the DOM
 * @property {number} frameMs time stamp to the next animation frame after that
 * @property {number} paintedMs time stamp to the task after that frame (rendering done)
 */

/**
 * @typedef {object} HoverFigure
 * @property {number} samples
 * @property {number} domMs median
 * @property {number} frameMs median
 * @property {number} paintedMs median
 * @property {number} paintedMaxMs
 * @property {number} inputDelayMs median
 */

/**
 * @typedef {object} InteractFigure
 * @property {number} runsShown heatmaps on the page
 * @property {number} cellsShown cells on the page
 * @property {number} loadMs `haymap:load` of the page's file
 * @property {ChangeFigure[]} changes
 * @property {HoverFigure} hover
 */

/**
 * Changes a control `CHANGES` times through `values` and collects the `haymap:render` entries:
 * `selectOption` on a select, `fill` on the threshold's number input (an input event per fill,
 * as typing a whole number gives).
 * @param {Page} page
 * @param {string} testId
 * @param {string[]} values cycled through, starting with one different from the current
 * @returns {Promise<ChangeFigure>}
 */
async function timeChanges(page, testId, values) {
  const control = page.locator(`[data-testid="${testId}"]`);
  const isSelect = await control.evaluate((e) => e.tagName === 'SELECT');
  const from = await page.evaluate(() => performance.now());
  /** @type {number[]} */
  const renderMs = [];
  for (let i = 0; i < CHANGES; i += 1) {
    const before = await page.evaluate(() => performance.getEntriesByName('haymap:render').length);
    const value = values[i % values.length] ?? '';
    if (isSelect) await control.selectOption(value);
    else await control.fill(value);
    await page.waitForFunction(
      (n) => performance.getEntriesByName('haymap:render').length > n,
      before,
      { polling: 'raf' },
    );
    renderMs.push(
      await page.evaluate(
        () => performance.getEntriesByName('haymap:render').at(-1)?.duration ?? NaN,
      ),
    );
    await page.waitForTimeout(150);
  }
  const longestTaskMs = await page.evaluate((since) => {
    const w = /** @type {Window & { __bench?: BenchState }} */ (window);
    return Math.max(
      0,
      ...(w.__bench?.longTasks ?? []).filter((e) => e.start >= since).map((e) => e.duration),
    );
  }, from);
  return {
    control: testId,
    renderMs,
    medianMs: median(renderMs),
    maxMs: Math.max(...renderMs),
    longestTaskMs,
  };
}

/**
 * Installs the hover probe: on a mouseover of a cell, note the event's time stamp, then when
 * the tooltip enters the DOM (MutationObserver), the next animation frame, and the task after
 * that frame, by which the frame's style, layout and paint are done.
 * @returns {void}
 */
function installHoverProbe() {
  /** @typedef {{ eventTs: number, handler: number, dom: number, frame: number, painted: number }} Probe */
  const w = /** @type {Window & { __hover?: Probe | null }} */ (window);
  w.__hover = null;
  document.addEventListener(
    'mouseover',
    (event) => {
      if (!(event.target instanceof Element) || !event.target.matches('[data-length]')) return;
      /** @type {Probe} */
      const probe = {
        eventTs: event.timeStamp,
        handler: performance.now(),
        dom: NaN,
        frame: NaN,
        painted: NaN,
      };
      w.__hover = probe;
      const seen = () => {
        if (!Number.isNaN(probe.dom) || !document.querySelector('[data-testid="tooltip"]'))
          return false;
        probe.dom = performance.now();
        requestAnimationFrame(() => {
          probe.frame = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            probe.painted = performance.now();
          };
          channel.port2.postMessage(null);
        });
        return true;
      };
      const observer = new MutationObserver(() => {
        if (seen()) observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    },
    { capture: true },
  );
}

/**
 * Moves the mouse off the heatmaps, then onto cells of the first one, `HOVERS` times.
 * @param {Page} page
 * @returns {Promise<HoverFigure>}
 */
async function timeHovers(page) {
  await page.evaluate(installHoverProbe);
  const figure = page.locator('figure[data-testid="heatmap"]').first();
  await figure.scrollIntoViewIfNeeded();
  const cells = figure.locator('[data-length]');
  const count = await cells.count();
  /** @type {HoverSample[]} */
  const samples = [];
  for (let i = 0; i < HOVERS; i += 1) {
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => !document.querySelector('[data-testid="tooltip"]'));
    await page.waitForTimeout(100);
    // Cells spread over the grid, away from its edges, so the tooltip has room either way.
    const box = await cells.nth(Math.floor(((i * 7919) % count) * 0.8 + count * 0.1)).boundingBox();
    if (!box) throw new Error('hover: a cell has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => {
      const w = /** @type {Window & { __hover?: { painted: number } | null }} */ (window);
      return w.__hover && !Number.isNaN(w.__hover.painted);
    });
    samples.push(
      await page.evaluate(() => {
        const w =
          /** @type {Window & { __hover?: { eventTs: number, handler: number, dom: number, frame: number, painted: number } | null }} */ (
            window
          );
        const p = w.__hover;
        if (!p) throw new Error('hover: no probe');
        return {
          inputDelayMs: p.handler - p.eventTs,
          domMs: p.dom - p.eventTs,
          frameMs: p.frame - p.eventTs,
          paintedMs: p.painted - p.eventTs,
        };
      }),
    );
  }
  return {
    samples: samples.length,
    domMs: median(samples.map((s) => s.domMs)),
    frameMs: median(samples.map((s) => s.frameMs)),
    paintedMs: median(samples.map((s) => s.paintedMs)),
    paintedMaxMs: Math.max(...samples.map((s) => s.paintedMs)),
    inputDelayMs: median(samples.map((s) => s.inputDelayMs)),
  };
}

/**
 * Loads the several-runs file, then times palette, metric and threshold changes and hovers.
 * @param {Browser} browser
 * @param {string} url
 * @param {Input} input
 * @param {(line: string) => void} log
 * @returns {Promise<InteractFigure>}
 */
export async function benchInteraction(browser, url, input, log) {
  const { context, page } = await freshPage(browser, url);
  try {
    await pickAndWait(page, input);
    const loadMs = await page.evaluate(
      () => performance.getEntriesByName('haymap:load').at(-1)?.duration ?? NaN,
    );
    await page.waitForTimeout(500);
    const shown = await page.evaluate(() => ({
      runs: document.querySelectorAll('figure[data-testid="heatmap"]').length,
      cells: document.querySelectorAll('figure[data-testid="heatmap"] [data-length]').length,
    }));
    const palette = await timeChanges(page, 'palette', ['viridis', 'cividis', 'classic']);
    // Nine changes end on pass rate, which the threshold then recolours.
    const metric = await timeChanges(page, 'metric', ['passRate', 'mean']);
    const threshold = await timeChanges(page, 'threshold', ['0.5', '0.9', '0.3']);
    const hover = await timeHovers(page);
    log(
      `  ${shown.runs} runs, ${shown.cells} cells: palette ${palette.medianMs.toFixed(1)} ms, metric ${metric.medianMs.toFixed(1)} ms, threshold ${threshold.medianMs.toFixed(1)} ms, hover ${hover.paintedMs.toFixed(1)} ms`,
    );
    return {
      runsShown: shown.runs,
      cellsShown: shown.cells,
      loadMs,
      changes: [palette, metric, threshold],
      hover,
    };
  } finally {
    await context.close();
  }
}
