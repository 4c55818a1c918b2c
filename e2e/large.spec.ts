import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LARGE_MODEL, writeLargeCsv } from '../scripts/make-large-csv.mjs';
import { cellAt, cellsOf, heatmap, openFiles } from './helpers';

declare global {
  interface Window {
    /** Durations of main-thread tasks over 50 ms, recorded by the PerformanceObserver below. */
    longTasks: number[];
  }
}

let path = '';
let written: { bytes: number } = { bytes: 0 };

test.beforeAll(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'haymap-large-')), 'large.csv');
  written = await writeLargeCsv(path, 1_000_000);
});

test('a 1,000,000-row tidy CSV loads with a progress bar, an exact heatmap and a responsive page', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const expected = JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as {
    cells: [number, number, number, number][];
  };

  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  await page.evaluate(() => {
    window.longTasks = [];
  });

  const started = Date.now();
  await openFiles(page, path);
  await expect(page.getByTestId('progress')).toBeVisible();
  await expect(page.getByTestId('progress').locator('progress')).toBeVisible();
  const figure = heatmap(page, LARGE_MODEL);
  const cells = await cellsOf(figure);
  const loadMs = Date.now() - started;

  expect(cells).toHaveLength(1225);
  expect(cells.reduce((sum, c) => sum + c.n, 0)).toBe(1_000_000);
  for (const [length, depth, mean, n] of expected.cells) {
    const cell = cellAt(cells, length, depth);
    expect(cell?.n).toBe(n);
    expect(cell?.value).toBeCloseTo(mean, 9);
  }

  const longTasks = await page.evaluate(() => window.longTasks);
  const longest = Math.max(0, ...longTasks);
  const report = `1M-row CSV (${(written.bytes / 2 ** 20).toFixed(1)} MB): loaded in ${loadMs} ms; longest main-thread task ${Math.round(longest)} ms (${longTasks.length} over 50 ms)`;
  testInfo.annotations.push({ type: 'measured', description: report });
  process.stdout.write(`  ${report}\n`);
});

test('Cancel stops a large load at once and adds nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('example-llama3').click();
  await expect(page.getByTestId('heatmap')).toHaveCount(1);
  await openFiles(page, path);
  await expect(page.getByTestId('progress')).toBeVisible();
  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('progress')).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('cancelled');
  await expect(page.getByTestId('heatmap')).toHaveCount(1);
  // The next load starts a fresh worker and works.
  await openFiles(page, 'public/samples/checkpoints/stage-65k.json');
  await expect(page.getByTestId('heatmap')).toHaveCount(2);
});
