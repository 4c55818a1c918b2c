import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import { cellsOf, heatmap, openFiles, savedCopy, type CellData } from './helpers';

const STAGES = ['65K', '262K', '524K'].map((stage) => `llama-3-8b-long stage ${stage}`);
const STAGE_FILES = ['65k', '262k', '524k'].map(
  (s) => `public/samples/checkpoints/stage-${s}.json`,
);

/** Every shown heatmap's cells, by run name. */
async function cellsByRun(page: Page, names: string[]): Promise<Record<string, CellData[]>> {
  const cells: Record<string, CellData[]> = {};
  for (const name of names) cells[name] = await cellsOf(heatmap(page, name));
  return cells;
}

/**
 * What the browser's saved copy holds: the number of runs and the metric, or null when there
 * is none. Read straight from IndexedDB, so tests wait for the debounced save, not a guess.
 */

test.describe('sharing and keeping work', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('a share link opens the same runs, cells and view in a new browser', async ({
    page,
    browser,
  }) => {
    await page.getByTestId('example-checkpoints').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    await page.getByTestId('metric').selectOption('passRate');
    await page.getByTestId('threshold').fill('0.5');
    const before = await cellsByRun(page, STAGES);

    await page.getByTestId('share-link').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=[\w-]+$/);
    await expect(page.getByTestId('share-size')).toContainText(/\d\.\d KB/);
    await expect(page.getByTestId('share-too-long')).toHaveCount(0);

    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByTestId('heatmap')).toHaveCount(3);
    expect(await cellsByRun(other, STAGES)).toEqual(before);
    await expect(other.getByTestId('metric')).toHaveValue('passRate');
    await expect(other.getByTestId('threshold')).toHaveValue('0.5');
    // Read once, then out of the address bar: a reload shows the saved copy, not the link again.
    expect(new URL(other.url()).hash).toBe('');
    await expect.poll(() => savedCopy(other)).toEqual({ runs: 3, metric: 'passRate' });
    await other.reload();
    await expect(other.getByTestId('heatmap')).toHaveCount(3);
    await context.close();
  });

  test('a reload restores the loaded runs, a new name and the metric', async ({ page }) => {
    await page.getByTestId('example-checkpoints').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    const item = page.locator(`[data-testid="run-item"][data-run="${STAGES[0]}"]`);
    await item.getByTestId('rename-run').click();
    await item.getByTestId('rename-input').fill('first stage <b>65K</b>');
    await item.getByTestId('rename-input').press('Enter');
    await page.getByTestId('metric').selectOption('passRate');
    const names = ['first stage <b>65K</b>', STAGES[1]!, STAGES[2]!];
    const before = await cellsByRun(page, names);
    await expect.poll(() => savedCopy(page)).toEqual({ runs: 3, metric: 'passRate' });

    await page.reload();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    expect(await cellsByRun(page, names)).toEqual(before);
    await expect(page.getByTestId('metric')).toHaveValue('passRate');
    await expect(page.getByTestId('run-item')).toHaveText(names.map((name) => new RegExp(name)));
  });

  test('Clear all asks again, then empties the page and the saved copy', async ({ page }) => {
    await page.getByTestId('example-checkpoints').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    await expect.poll(() => savedCopy(page)).toMatchObject({ runs: 3 });

    const clear = page.getByTestId('clear-all');
    await clear.click();
    await expect(clear).toHaveText('Click again to clear');
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    // Unconfirmed, it turns back after a few seconds.
    await expect(clear).toHaveText('Clear all', { timeout: 5000 });
    await clear.click();
    await clear.click();
    await expect(page.getByTestId('example-llama3')).toBeVisible();
    await expect(page.getByTestId('heatmap')).toHaveCount(0);
    await expect.poll(() => savedCopy(page)).toBeNull();

    await page.reload();
    await expect(page.getByTestId('example-llama3')).toBeVisible();
    await expect(page.getByTestId('heatmap')).toHaveCount(0);
  });

  test('a link too long for chat apps is offered as a file that loads back into the same cells', async ({
    page,
    browser,
  }, testInfo) => {
    const dir = testInfo.outputPath('claude-like');
    writeClaudeLikeFolder(dir);
    await page.getByTestId('folder-input').setInputFiles(dir);
    await expect(heatmap(page, 'claude-2.1')).toBeVisible();
    await openFiles(page, STAGE_FILES);
    await expect(page.getByTestId('heatmap')).toHaveCount(4);
    await page.getByTestId('metric').selectOption('passRate');
    const names = ['claude-2.1', ...STAGES];
    const before = await cellsByRun(page, names);
    expect(before['claude-2.1']).toHaveLength(1225);

    await page.getByTestId('share-link').click();
    expect((await page.getByTestId('share-url').inputValue()).length).toBeGreaterThan(8000);
    await expect(page.getByTestId('share-too-long')).toContainText('Too long for most chat apps');
    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('share-download').click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('haymap-comparison.json');
    const path = testInfo.outputPath('haymap-comparison.json');
    await download.saveAs(path);
    expect(readFileSync(path, 'utf8')).toMatch(/^\{\n {2}"v": 1,\n {2}"view": \{/);

    // Someone else opens the file: the same runs and cells (a file adds runs; views are for links).
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(new URL('/', page.url()).href);
    await openFiles(other, path);
    await expect(other.getByTestId('heatmap')).toHaveCount(4);
    await other.getByTestId('metric').selectOption('passRate');
    expect(await cellsByRun(other, names)).toEqual(before);
    await expect(
      other.locator('[data-testid="file-item"] [data-testid="file-format"] option:checked'),
    ).toHaveText('Haymap comparison (JSON)');
    await context.close();
  });
});

test('a tampered link shows an error naming the share link, and the app still works', async ({
  page,
}) => {
  await page.goto('/#s=garbage');
  const error = page.getByTestId('load-error');
  await expect(error).toHaveCount(1);
  await expect(error).toContainText('Share link');
  await expect(error).toContainText('damaged');
  expect(new URL(page.url()).hash).toBe('');
  await page.getByTestId('example-llama3').click();
  await expect(page.getByTestId('heatmap')).toHaveCount(1);
});
