// Headless system Chromium through Playwright, and a fresh page per measurement with the
// observers the bench reads installed before the app's own scripts run.
import { chromium } from '@playwright/test';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */

/** The system Chromium (browsers cannot be downloaded on our machines). */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The same flags as playwright.config.ts. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {Promise<Browser>} */
export function launchBrowser() {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS, headless: true });
}

/**
 * @typedef {object} TaskEntry
 * @property {number} start page time, ms
 * @property {number} duration ms
 */

/**
 * @typedef {object} FrameScript
 * @property {string} invoker
 * @property {string} fn source function name
 * @property {string} url
 * @property {number} duration
 */

/**
 * @typedef {TaskEntry & { blocking: number, scripts: FrameScript[] }} FrameEntry
 * A long animation frame with the scripts that ran in it (attribution for long tasks).
 */

/**
 * @typedef {object} BenchState
 * @property {TaskEntry[]} longTasks main-thread tasks over 50 ms ('longtask' entries)
 * @property {FrameEntry[]} longFrames animation frames over 50 ms ('long-animation-frame')
 */

/**
 * Runs in the page before the app: records long tasks and long animation frames.
 * @returns {void}
 */
function installObservers() {
  const w = /** @type {Window & { __bench?: BenchState }} */ (window);
  /** @type {BenchState} */
  const state = { longTasks: [], longFrames: [] };
  w.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e =
          /** @type {PerformanceEntry & { blockingDuration?: number, scripts?: Array<{ invoker: string, sourceFunctionName: string, sourceURL: string, duration: number }> }} */ (
            entry
          );
        state.longFrames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration ?? 0,
          scripts: (e.scripts ?? []).map((s) => ({
            invoker: s.invoker,
            fn: s.sourceFunctionName,
            url: s.sourceURL,
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long animation frames are Chromium 123+; long tasks alone still give the figure.
  }
}

/**
 * A fresh context (empty storage: nothing persisted by an earlier run comes back) and page on
 * the app, loaded and idle.
 * @param {Browser} browser
 * @param {string} url
 * @returns {Promise<{ context: BrowserContext, page: Page }>}
 */
export async function freshPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(installObservers);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('input[data-testid="file-input"]').waitFor({ state: 'attached' });
  // Let start-up work (fonts, a first idle callback) settle before anything is timed.
  await page.waitForTimeout(300);
  return { context, page };
}

/**
 * The assets a first visit fetches (scripts, styles, fonts), as the browser requested them.
 * @param {Browser} browser
 * @param {string} url
 * @returns {Promise<string[]>} file names in dist/assets
 */
export async function observeFirstVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    /** @type {string[]} */
    const fetched = [];
    page.on('request', (request) => {
      const match = /\/assets\/([^?#]+)/.exec(request.url());
      if (match?.[1]) fetched.push(match[1]);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    return [...new Set(fetched)].sort();
  } finally {
    await context.close();
  }
}
