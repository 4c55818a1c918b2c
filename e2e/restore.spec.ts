import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import Papa from 'papaparse';
import { sharedViewOf } from '../src/state/sharedView';
import { DEFAULT_VIEW } from '../src/state/viewFields';
import { GPT4_128K, LOAD_TIMEOUT, openFiles } from './helpers';

declare global {
  interface Window {
    /** Main-thread tasks over 50 ms (start, duration), recorded by the PerformanceObserver below. */
    longTaskEntries: [start: number, duration: number][];
  }
}

const TIDY = 'context_length,depth_percent,score';
const BIG = 'x'.repeat(1_100_000);

/** A file given to the file input from memory. */
function file(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text) };
}

/** The run names in the run list, in order. */
function runNames(page: Page): Promise<(string | null)[]> {
  return page
    .getByTestId('run-item')
    .evaluateAll((items) => items.map((i) => i.dataset.run ?? null));
}

/** The number of runs in the saved copy's order (IndexedDB), or -1 when there is none. */
function savedRunCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('haymap');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(-1);
          const get = db.transaction('meta').objectStore('meta').get('state');
          get.onsuccess = () => {
            db.close();
            const meta: unknown = get.result;
            resolve(
              typeof meta === 'object' &&
                meta !== null &&
                'order' in meta &&
                Array.isArray(meta.order)
                ? meta.order.length
                : -1,
            );
          };
          get.onerror = () => reject(get.error ?? new Error('get failed'));
        };
      }),
  );
}

/** Loads the GPT-4 128K run and waits for its heatmap. */
async function loadGpt4(page: Page, files: string[]): Promise<void> {
  await openFiles(page, files);
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
}

/** Starts recording main-thread tasks over 50 ms from the page's first script on. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.longTaskEntries = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.longTaskEntries.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * The longest main-thread task recorded since the last reset, after the page's own load (its
 * scripts run before DOMContentLoaded; a link is read after that, once the saved copy is back).
 */
async function longestTask(page: Page): Promise<number> {
  // Tasks that follow the visible result (rendering, saving) count too.
  await page.waitForTimeout(1500);
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const loaded =
      navigation instanceof PerformanceNavigationTiming ? navigation.domContentLoadedEventEnd : 0;
    const after = window.longTaskEntries.filter(([start]) => start >= loaded);
    return Math.max(0, ...after.map(([, duration]) => duration));
  });
}

/**
 * The page still loads and draws after a refusal: one more small file comes up as a heatmap
 * of its own (waited for as long as a load may take, whatever the machine's speed).
 */
async function expectStillWorking(page: Page): Promise<void> {
  const before = await page.getByTestId('heatmap').count();
  await openFiles(page, [file('after.csv', `${TIDY}\n4000,0,1\n`)]);
  await expect(page.getByTestId('heatmap')).toHaveCount(before + 1, { timeout: LOAD_TIMEOUT });
}

/**
 * The longest main-thread task, as an annotation of the test: reported, not asserted, as a
 * time depends on the machine (`npm run bench` judges the longest task against its budget).
 */
async function reportLongestTask(page: Page, testInfo: TestInfo, what: string): Promise<void> {
  const longest = await longestTask(page);
  testInfo.annotations.push({
    type: 'longest task',
    description: `${what}: ${Math.round(longest)} ms`,
  });
}

const CASES = [
  { name: 'a length too large to be exact', text: `${TIDY}\n9007199254740993,50,1\n1000,50,1\n` },
  { name: 'a length of 1e300', text: `${TIDY}\n1e300,50,1\n1000,50,1\n` },
  {
    name: 'a cells CSV with an n too large to be exact',
    text:
      'run,context_length,depth_percent,n,mean_score,pass_rate\n' +
      'cells-run,1000,50,9007199254740993,0.5,0.5\ncells-run,2000,50,4,0.5,0.5\n',
  },
  { name: 'a 1.1M-character response', text: `${TIDY},response\n1000,50,1,${BIG}\n` },
  { name: 'a 1.1M-character model name', text: `${TIDY},model\n1000,50,1,${BIG}\n` },
];

test.describe('a reload brings back every run that was shown', () => {
  test.skip(GPT4_128K === null, 'the real GPT-4 128K results are not on this machine');

  for (const { name, text } of CASES) {
    test(`after the GPT-4 128K run and ${name}`, async ({ page }) => {
      await page.goto('/');
      await loadGpt4(page, GPT4_128K!);
      await openFiles(page, [file('case.csv', text)]);
      await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
      const before = await runNames(page);
      await expect.poll(() => savedRunCount(page)).toBe(2);

      await page.reload();
      await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
      expect(await runNames(page)).toEqual(before);
      await expect(page.getByTestId('notice')).toHaveCount(0);
      await expect(page.getByTestId('set-aside')).toHaveCount(0);
    });
  }

  test('one corrupted saved run is set aside, named, with its saved copy; the others restore', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await loadGpt4(page, GPT4_128K!);
    await openFiles(page, [
      file('two.csv', `${TIDY},model\n1000,50,1,broken-model\n2000,50,1,kept-model\n`),
    ]);
    await expect(page.getByTestId('heatmap')).toHaveCount(3, { timeout: LOAD_TIMEOUT });
    const before = await runNames(page);
    expect(before).toContain('broken-model');
    await expect.poll(() => savedRunCount(page)).toBe(3);

    // Corrupt the saved record of one run in IndexedDB: its cells are no longer cells.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('haymap');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('runs', 'readwrite');
            const store = tx.objectStore('runs');
            const cursor = store.openCursor();
            cursor.onsuccess = () => {
              const at = cursor.result;
              if (!at) return;
              const run = at.value as { name?: unknown };
              if (run.name === 'broken-model') at.update({ ...run, cells: [{ n: 'many' }] });
              at.continue();
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          };
        }),
    );

    await page.reload();
    await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
    expect(await runNames(page)).toEqual(before.filter((n) => n !== 'broken-model'));
    const aside = page.getByTestId('set-aside-run');
    await expect(aside).toHaveCount(1);
    await expect(aside).toContainText('Saved run “broken-model” was not restored');

    const waiting = page.waitForEvent('download');
    await aside.getByTestId('download-set-aside').click();
    const path = testInfo.outputPath('saved-run.json');
    await (await waiting).saveAs(path);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { name: string; cells: unknown };
    expect(saved).toMatchObject({ name: 'broken-model', cells: [{ n: 'many' }] });

    // Kept until dismissed: a second reload names it again, and the good runs stay.
    await page.reload();
    await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
    await expect(page.getByTestId('set-aside-run')).toContainText('broken-model');
  });
});

test('no downloaded or copied CSV holds a field a spreadsheet would run', async ({
  page,
  context,
}, testInfo) => {
  const names = ['=HYPERLINK("http://x")', "=cmd|' /C calc'!A0", '+1', '@SUM(1)', '-2+3'];
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const rows = names.flatMap((name) => [
    `1000,50,1,"${name.replace(/"/g, '""')}"`,
    `2000,50,0,"${name.replace(/"/g, '""')}"`,
  ]);
  await openFiles(page, [file('formulas.csv', `${TIDY},model\n${rows.join('\n')}\n`)]);
  const figures = page.getByTestId('heatmap');
  await expect(figures).toHaveCount(names.length, { timeout: LOAD_TIMEOUT });

  const texts: string[] = [];
  for (let i = 0; i < names.length; i += 1) {
    const waiting = page.waitForEvent('download');
    await figures.nth(i).getByTestId('download-csv').click();
    const path = testInfo.outputPath(`cells-${i}.csv`);
    await (await waiting).saveAs(path);
    texts.push(readFileSync(path, 'utf8'));
  }
  await page.getByTestId('copy-csv').click();
  await expect(page.locator('.copy-status')).toHaveText('Copied');
  texts.push(await page.evaluate(() => navigator.clipboard.readText()));

  const numeric = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
  const fields = texts.flatMap((text) =>
    Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data.flat(),
  );
  const unsafe = fields.filter((field) => /^[=+\-@\t\r]/.test(field) && !numeric.test(field));
  expect(unsafe).toEqual([]);
  // Each name is there, escaped, in its own download and in the summary.
  for (const name of names) {
    expect(fields.filter((field) => field === `'${name}`).length).toBeGreaterThanOrEqual(2);
  }
});

test.describe('inputs that would freeze the page', () => {
  test('a CSV of 100,000 distinct lengths is refused with its count, the page stays responsive', async ({
    page,
  }, testInfo) => {
    await observeLongTasks(page);
    await page.goto('/');
    await openFiles(page, [file('tiny.csv', `${TIDY}\n1000,50,1\n2000,50,0\n`)]);
    await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
    await page.evaluate(() => {
      window.longTaskEntries = [];
    });

    const rows = Array.from({ length: 100_000 }, (_, i) => `${1000 + i},50,${i % 2}`);
    // From disk: a file handed over from memory is copied into the page in one long task of
    // the test tool's own, which would be measured with the app's.
    const wide = testInfo.outputPath('wide.csv');
    writeFileSync(wide, `${TIDY}\n${rows.join('\n')}\n`);
    await openFiles(page, wide);
    const error = page.getByTestId('load-error');
    await expect(error).toContainText('100,000 distinct context lengths', {
      timeout: LOAD_TIMEOUT,
    });
    await expect(error).toContainText('wide.csv');
    // Refused before anything of it is drawn: the page holds the tiny run's two cells only.
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    await expect(page.getByTestId('heatmap').locator('rect[data-length]')).toHaveCount(2);
    await reportLongestTask(page, testInfo, '100,000-length CSV');
    await expectStillWorking(page);
  });

  test('a share link of 20,000 runs is refused with a clear message, the page stays responsive', async ({
    page,
  }, testInfo) => {
    const runs = Array.from({ length: 20_000 }, (_, i) => ({
      name: `run ${i + 1}`,
      formats: ['Tidy CSV'],
      cells: [['', 1000, 50, 1, 0, 1, [1], [1], 0, 0]],
    }));
    // A valid view: the link is refused for its count of runs, nothing else.
    const json = JSON.stringify({ v: 1, view: sharedViewOf(DEFAULT_VIEW, []), runs });
    const hash = `#s=${deflateRawSync(Buffer.from(json)).toString('base64url')}`;
    await observeLongTasks(page);
    // Opened as a new page would be: the link is read at start, so every task of the start counts.
    await page.goto(`/${hash}`);

    const error = page.getByTestId('load-error');
    await expect(error).toContainText('Share link', { timeout: LOAD_TIMEOUT });
    await expect(error).toContainText('holds 20,000 runs; a share brings up to 500');
    await expect(page.getByTestId('heatmap')).toHaveCount(0);
    await reportLongestTask(page, testInfo, '20,000-run share link');
    await expectStillWorking(page);
  });
});
