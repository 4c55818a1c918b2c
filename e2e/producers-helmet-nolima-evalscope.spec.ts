import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cellsOf, FIXTURES, heatmap, LOAD_TIMEOUT, openFiles } from './helpers';

const FORMATS_DIR = join(FIXTURES, 'formats');

/** Every file under a fixture folder, as paths for the file input. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The cells of a run's heatmap that hold a value, as length/depth/value/n, sorted. */
async function shownCells(page: Page, run: string) {
  const cells = await cellsOf(heatmap(page, run));
  return cells
    .filter((cell) => cell.value !== null)
    .map((cell) => ({ ...cell, value: Math.round((cell.value ?? 0) * 1e6) / 1e6 }))
    .sort((a, b) => a.depth - b.depth || a.length - b.length);
}

async function expectNoError(page: Page) {
  await expect(page.getByTestId('load-error')).toHaveCount(0);
}

test('HELMET outputs: JSON KV by depth, RULER by task, the .score sidecars read quietly', async ({
  page,
}) => {
  await page.goto('/');
  // The model is the output folder's name, so the folder is opened whole.
  await page.getByTestId('folder-input').setInputFiles(join(FORMATS_DIR, 'helmet'));
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  expect(await shownCells(page, 'Llama-3.1-8B-Instruct')).toEqual([
    { length: 8192, depth: 0, value: 0.5, n: 2 },
    { length: 16384, depth: 0, value: 1, n: 1 },
    { length: 8192, depth: 20, value: 1, n: 1 },
    { length: 16384, depth: 20, value: 0, n: 2 },
    { length: 8192, depth: 100, value: 1, n: 1 },
    { length: 16384, depth: 100, value: 1, n: 1 },
  ]);
  const ruler = heatmap(page, 'Qwen2.5-7B-Instruct');
  await expect(ruler).toHaveAttribute('data-rows', 'task');
  const cell = (length: number, task: string) =>
    ruler.locator(`[data-length="${length}"][data-task="${task}"]`);
  await expect(cell(8192, 'ruler_niah_mk_2')).toHaveAttribute('data-n', '3');
  expect(Number(await cell(8192, 'ruler_niah_mk_2').getAttribute('data-value'))).toBeCloseTo(
    2 / 3,
    9,
  );
  await expect(cell(16384, 'ruler_niah_mk_2')).toHaveAttribute('data-value', /^0\.375/);
  await expect(cell(16384, 'ruler_niah_mk_2')).toHaveAttribute('data-n', '4');
  await expect(cell(8192, 'ruler_qa_1')).toHaveAttribute('data-value', /^0\.5/);
  await expect(cell(8192, 'ruler_qa_1')).toHaveAttribute('data-n', '2');
  await expectNoError(page);
});

test('NoLiMa evaluations: one run per model, every test and length together', async ({ page }) => {
  await page.goto('/');
  await openFiles(page, filesUnder(join(FORMATS_DIR, 'nolima')));
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  expect(await shownCells(page, 'gpt-4o')).toEqual([
    { length: 1000, depth: 0, value: 1, n: 2 },
    { length: 2000, depth: 0, value: 0.5, n: 2 },
    { length: 1000, depth: 50, value: 0.5, n: 2 },
    { length: 2000, depth: 50, value: 0, n: 2 },
    { length: 1000, depth: 100, value: 0, n: 2 },
    { length: 2000, depth: 100, value: 1, n: 2 },
  ]);
  await expectNoError(page);
});

test('EvalScope needle_haystack reports of both shapes: languages pooled by their counts', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, filesUnder(join(FORMATS_DIR, 'evalscope-needle-haystack')));
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  expect(await shownCells(page, 'qwen-plus')).toEqual([
    { length: 1000, depth: 0, value: 1, n: 2 },
    { length: 2000, depth: 0, value: 0.666667, n: 3 },
    { length: 1000, depth: 100, value: 0.8, n: 2 },
    { length: 2000, depth: 100, value: 0.2, n: 2 },
  ]);
  expect(await shownCells(page, 'qwen-max')).toEqual([
    { length: 1000, depth: 0, value: 0.9, n: 2 },
    { length: 1000, depth: 50, value: 0.8, n: 2 },
  ]);
  await expectNoError(page);
});
