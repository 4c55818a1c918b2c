import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import {
  cellAt,
  cellsOf,
  fixtureText,
  GPT4_128K,
  heatmap,
  LOAD_TIMEOUT,
  openFiles,
} from './helpers';

test.describe('loading results', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('the published GPT-4 128K run: both files make one 15 x 15 run with the known values', async ({
    page,
  }) => {
    test.skip(!GPT4_128K, 'shared/data/real is absent on this machine');
    await openFiles(page, GPT4_128K ?? []);
    const figure = heatmap(page, 'OpenAI_OriginalResults');
    const cells = await cellsOf(figure);
    expect(cells).toHaveLength(225);
    expect(cells.every((c) => c.value !== null)).toBe(true);
    expect(cells.reduce((sum, c) => sum + c.n, 0)).toBe(330);
    expect(cellAt(cells, 82643, 43)).toMatchObject({ n: 2 });
    expect(cellAt(cells, 82643, 43)?.value).toBeCloseTo(0.85, 9);
    expect(cellAt(cells, 118929, 21)?.value).toBeCloseTo(0.4, 9);
    expect(cellAt(cells, 1000, 0)).toMatchObject({ value: 1, n: 1 });
    await expect(page.locator('[data-testid="heatmap"]')).toHaveCount(1);
    const formats = page.locator(
      '[data-testid="file-item"] [data-testid="file-format"] option:checked',
    );
    await expect(formats).toHaveText(['gkamradt v1 (JSON)', 'gkamradt v1 (JSON)']);

    // The axes read like the published figure.
    await expect(figure.getByText('Context length (tokens)')).toBeVisible();
    await expect(figure.getByText('Needle depth (% of document)')).toBeVisible();
    await expect(figure.locator('.axis-x text', { hasText: /^128K$/ })).toBeVisible();
    await expect(figure.locator('.axis-y text', { hasText: /^0%$/ })).toBeVisible();

    // Hovering a cell shows its exact figures.
    await figure.locator('[data-length="82643"][data-depth="43"]').hover();
    const tooltip = page.getByTestId('tooltip');
    await expect(tooltip).toContainText('82,643 tokens');
    await expect(tooltip).toContainText('depth 43%');
    await expect(tooltip).toContainText('Mean score85.0%');
    await expect(tooltip).toContainText('Trials2');
  });

  test('a folder of 1,376 gkamradt files loads as one run equal to pandas pivot_table', async ({
    page,
  }, testInfo) => {
    const dir = testInfo.outputPath('claude-like');
    writeClaudeLikeFolder(dir);
    await page.getByTestId('folder-input').setInputFiles(dir);
    const cells = await cellsOf(heatmap(page, 'claude-2.1'));
    expect(cells).toHaveLength(1225);
    const expected = Papa.parse<Record<string, string>>(fixtureText('sigmoid-1376.expected.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(expected).toHaveLength(1225);
    for (const row of expected) {
      const cell = cellAt(cells, Number(row.context_length), Number(row.depth_percent));
      expect(cell?.n).toBe(Number(row.n));
      expect(cell?.value).toBeCloseTo(Number(row.mean_score), 9);
    }
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
  });

  test('dropping files on the page loads them', async ({ page }) => {
    const text = fixtureText('../../public/samples/llama-3-70b-524k-style.csv');
    // The first render waits for the saved copy; drop onto the page once it is there.
    await expect(page.getByTestId('example-llama3')).toBeVisible({ timeout: LOAD_TIMEOUT });
    const dataTransfer = await page.evaluateHandle((csv) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    }, text);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.dispatchEvent('body', 'dragover', { dataTransfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    const cells = await cellsOf(heatmap(page, 'Llama-3-70B-Instruct-Gradient-524k (synthetic)'));
    expect(cells).toHaveLength(120);
  });

  test('the Llama-3 524K-style example is one click away: 20 lengths x 6 depths, cells 0, 0.5 or 1', async ({
    page,
  }) => {
    await page.getByTestId('example-llama3').click();
    const figure = heatmap(page, 'Llama-3-70B-Instruct-Gradient-524k (synthetic)');
    const cells = await cellsOf(figure);
    expect(cells).toHaveLength(120);
    expect(new Set(cells.map((c) => c.length)).size).toBe(20);
    expect(Math.min(...cells.map((c) => c.length))).toBe(100);
    expect(Math.max(...cells.map((c) => c.length))).toBe(608100);
    expect([...new Set(cells.map((c) => c.depth))].sort((a, b) => a - b)).toEqual([
      0, 20, 40, 60, 80, 100,
    ]);
    expect(cells.every((c) => c.n === 2 && [0, 0.5, 1].includes(c.value ?? -1))).toBe(true);
    await expect(figure.getByTestId('run-mean')).toContainText('240 trials');
    await expect(
      page.locator('[data-testid="file-item"] [data-testid="file-format"] option:checked'),
    ).toHaveText('Tidy CSV');
  });

  test('the checkpoints example gives three runs on the same sweep', async ({ page }) => {
    await page.getByTestId('example-checkpoints').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(3);
    for (const stage of ['65K', '262K', '524K']) {
      const cells = await cellsOf(heatmap(page, `llama-3-8b-long stage ${stage}`));
      expect(cells).toHaveLength(12 * 11);
    }
  });

  test('a second load adds runs, never replaces them; runs can be renamed and removed', async ({
    page,
  }) => {
    await page.getByTestId('example-llama3').click();
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    await openFiles(page, 'public/samples/checkpoints/stage-65k.json');
    await expect(page.getByTestId('heatmap')).toHaveCount(2);

    // The same file again is recognised and skipped; another file of the same model adds a
    // second run under a distinct name.
    await openFiles(page, 'public/samples/checkpoints/stage-65k.json');
    await expect(page.getByTestId('notice')).toContainText('Already loaded');
    await expect(page.getByTestId('heatmap')).toHaveCount(2);
    await openFiles(page, [
      {
        name: 'rerun.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'model,context_length,depth_percent,score\nllama-3-8b-long stage 65K,2048,0,1\n',
        ),
      },
    ]);
    await expect(heatmap(page, 'llama-3-8b-long stage 65K (2)')).toBeVisible();

    const item = page.locator('[data-testid="run-item"][data-run="llama-3-8b-long stage 65K (2)"]');
    await item.getByTestId('rename-run').click();
    await item.getByTestId('rename-input').fill('after fine-tuning');
    await item.getByTestId('rename-input').press('Enter');
    await expect(heatmap(page, 'after fine-tuning')).toBeVisible();

    await page
      .locator('[data-testid="run-item"][data-run="after fine-tuning"]')
      .getByTestId('remove-run')
      .click();
    await expect(heatmap(page, 'after fine-tuning')).toHaveCount(0);
    await expect(page.getByTestId('heatmap')).toHaveCount(2);
  });

  test('a bad file shows its name, line and reason, and the loaded run stays as it was', async ({
    page,
  }) => {
    await page.getByTestId('example-llama3').click();
    const figure = heatmap(page, 'Llama-3-70B-Instruct-Gradient-524k (synthetic)');
    const before = await cellsOf(figure);

    await openFiles(page, [
      {
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('[{"token_limit": 1000,\n "depth_percent": 0,\n'),
      },
      {
        name: 'picture.json',
        mimeType: 'application/json',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      },
    ]);
    const errors = page.getByTestId('load-error');
    await expect(errors).toHaveCount(2);
    await expect(errors.nth(0)).toContainText('broken.json');
    await expect(errors.nth(0)).toContainText('line 3');
    await expect(errors.nth(0)).toContainText('not valid JSON');
    await expect(errors.nth(1)).toContainText('picture.json');
    await expect(errors.nth(1)).toContainText('not a text file');

    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    expect(await cellsOf(figure)).toEqual(before);
  });

  test('Download CSV writes the cells, and loading it back gives the same heatmap', async ({
    page,
  }, testInfo) => {
    await page.getByTestId('example-checkpoints').click();
    const figure = heatmap(page, 'llama-3-8b-long stage 262K');
    await page.getByTestId('metric').selectOption('passRate');
    await page.getByTestId('threshold').fill('0.5');
    const before = await cellsOf(figure);

    const downloadPromise = page.waitForEvent('download');
    await figure.getByTestId('download-csv').click();
    const download = await downloadPromise;
    const path = testInfo.outputPath('cells.csv');
    await download.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n')[0]).toBe('run,context_length,depth_percent,n,mean_score,pass_rate');
    expect(csv.trim().split('\n')).toHaveLength(1 + 132);

    await openFiles(page, path);
    const reloaded = heatmap(page, 'llama-3-8b-long stage 262K (2)');
    expect(await cellsOf(reloaded)).toEqual(before);
    await page.getByTestId('metric').selectOption('mean');
    expect(await cellsOf(reloaded)).toEqual(await cellsOf(figure));
  });

  test('the metric switch and the threshold recolour the cells with their exact values', async ({
    page,
  }) => {
    await openFiles(page, [
      {
        name: 'scores.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'context_length,depth_percent,score\n1000,0,5\n1000,0,10\n1000,50,7\n1000,50,3\n',
        ),
      },
    ]);
    const figure = heatmap(page, 'scores');
    const at = async (depth: number) => cellAt(await cellsOf(figure), 1000, depth)?.value;
    expect(await at(0)).toBeCloseTo(0.75, 9);
    expect(await at(50)).toBeCloseTo(0.5, 9);
    await page.getByTestId('metric').selectOption('passRate');
    expect(await at(0)).toBe(0.5);
    expect(await at(50)).toBe(0.5);
    await page.getByTestId('threshold').fill('0.5');
    expect(await at(0)).toBe(1);

    // Loads and re-renders are measured with User Timing, for benchmarks and the curious.
    await page.getByTestId('palette').selectOption('viridis');
    const count = (name: string) =>
      page.evaluate((n) => performance.getEntriesByName(n).length, name);
    await expect.poll(() => count('haymap:load')).toBe(1);
    await expect.poll(() => count('haymap:render')).toBeGreaterThanOrEqual(3);
    await expect(figure.getByText('Pass rate (score ≥ 0.50)')).toBeVisible();
  });
});
