import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  cellAt,
  cellsOf,
  FIXTURES,
  heatmap,
  LOAD_TIMEOUT,
  MULTI_NEEDLE_RETRIEVAL,
  openFiles,
  savedCopy,
} from './helpers';

const V2 = join(FIXTURES, 'formats', 'gkamradt-v2');
const LONGVA = join(FIXTURES, 'longva');

/** A gkamradt v2 row as far as these tests read it. */
interface V2Row {
  task_type: string;
  context_length: number;
  target_depth_percent: number;
  status: string;
  score: { value: number } | null;
}

/** The scored rows of gkamradt v2 files (failed calls are not trials). */
function v2Rows(...files: string[]): V2Row[] {
  return files.flatMap((file) =>
    readFileSync(join(V2, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as V2Row)
      .filter((row) => row.status === 'ok' && row.score !== null),
  );
}

/** Trial-weighted mean and count per (length, depth), worked out here from the rows. */
function meansOf(rows: V2Row[]): { length: number; depth: number; value: number; n: number }[] {
  const cells = new Map<string, { length: number; depth: number; sum: number; n: number }>();
  for (const row of rows) {
    const key = `${row.context_length}/${row.target_depth_percent}`;
    const cell = cells.get(key) ?? {
      length: row.context_length,
      depth: row.target_depth_percent,
      sum: 0,
      n: 0,
    };
    cell.sum += row.score?.value ?? 0;
    cell.n += 1;
    cells.set(key, cell);
  }
  return [...cells.values()].map(({ length, depth, sum, n }) => ({
    length,
    depth,
    value: sum / n,
    n,
  }));
}

function runNames(page: Page): Promise<(string | null)[]> {
  return page
    .getByTestId('run-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-run')));
}

function runItem(page: Page, name: string) {
  return page.locator(`[data-testid="run-item"][data-run="${name}"]`);
}

test('two runs merged from the run list: each cell the trial-weighted mean of both, kept on reload', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [join(V2, 'gpt-5-mini.jsonl'), join(V2, 'haiku-sweep.jsonl')]);
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  await expect(page.getByTestId('run-merge')).toBeDisabled();
  await runItem(page, 'gpt-5-mini').getByTestId('run-pick').check();
  await runItem(page, 'haiku-sweep').getByTestId('run-pick').check();
  await page.getByTestId('run-merge').click();

  const name = 'gpt-5-mini + haiku-sweep';
  await expect(page.getByTestId('heatmap')).toHaveCount(1);
  expect(await runNames(page)).toEqual([name]);
  // haiku-sweep has two trials a cell, gpt-5-mini one: a mean of the two cells would differ.
  const want = meansOf(v2Rows('gpt-5-mini.jsonl', 'haiku-sweep.jsonl'));
  expect(want.some((cell) => cell.n === 3)).toBe(true);
  const shown = (await cellsOf(heatmap(page, name))).filter((cell) => cell.value !== null);
  expect(shown).toHaveLength(want.length);
  for (const cell of want) {
    const got = cellAt(shown, cell.length, cell.depth);
    expect(got?.n, JSON.stringify(cell)).toBe(cell.n);
    expect(got?.value, JSON.stringify(cell)).toBeCloseTo(cell.value, 9);
  }

  // The saved copy keeps the merged run, as it keeps loaded ones (once written: a reload before
  // the write would restore the copy of before the merge).
  await expect.poll(() => savedCopy(page), { timeout: LOAD_TIMEOUT }).toMatchObject({ runs: 1 });
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('run-item')).toHaveCount(1, { timeout: 2000 });
    expect(await runNames(page)).toEqual([name]);
  }).toPass({ timeout: LOAD_TIMEOUT });
  await expect(heatmap(page, name).locator('[data-length="2000"][data-depth="0"]')).toHaveAttribute(
    'data-n',
    String(want.find((c) => c.length === 2000 && c.depth === 0)?.n),
  );
});

test('text and video runs are not merged: the reason is said and the runs stay; video runs say frames', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(LONGVA);
  await expect(page.getByTestId('heatmap')).toHaveCount(7, { timeout: LOAD_TIMEOUT });
  const names = await runNames(page);
  const text = names.find((n) => n?.includes('distractor_3')) ?? '';
  const video = names.find((n) => n?.includes('video')) ?? '';
  await runItem(page, text).getByTestId('run-pick').check();
  await runItem(page, video).getByTestId('run-pick').check();
  await page.getByTestId('run-merge').click();
  await expect(page.getByTestId('run-merge-refusal')).toContainText(
    /different units \((tokens and frames|frames and tokens)\)/,
  );
  expect(await runNames(page)).toEqual(names);

  // Every video run's lengths and effective length (where it has one) are in frames.
  const summary = (run: string) =>
    page.locator(`[data-testid="summary-table"] tr[data-run="${run}"]`);
  const videos = names.filter((n): n is string => n?.includes('video') === true);
  expect(videos.length).toBeGreaterThan(1);
  for (const run of videos) {
    await expect(summary(run).getByTestId('lengths')).toContainText('frames');
    await expect(summary(run).getByTestId('effective-length')).toHaveText(/^(—|.* frames)$/);
  }
  const effective = await Promise.all(
    videos.map((run) => summary(run).getByTestId('effective-length').textContent()),
  );
  expect(effective.some((t) => t?.endsWith(' frames'))).toBe(true);
  await expect(summary(text).getByTestId('lengths')).not.toContainText('frames');
  const cell = heatmap(page, video).locator('[data-length][data-value]:not([data-value=""])');
  await cell.first().hover();
  await expect(page.getByTestId('tooltip')).toContainText('frames');
});

test('the LangChain multi-needle run split by needle count: three runs, each its own needles, shared by link', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page
    .getByTestId('folder-input')
    .setInputFiles(join(FIXTURES, 'formats', 'langchain-multi-needle'));
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  const item = runItem(page, 'claude-3-haiku');
  await item.getByTestId('run-split-field').selectOption('needles');
  await item.getByTestId('run-split').click();
  await expect(page.getByTestId('heatmap')).toHaveCount(4);
  // The parts take the split run's place in the order.
  expect(await runNames(page)).toEqual([
    'claude-3-haiku (needles=1)',
    'claude-3-haiku (needles=2)',
    'claude-3-haiku (needles=4)',
    'claude-3-haiku (per needle)',
  ]);
  // From the per-run CSV: the one 4-needle trial at (1000, 5) retrieved 3 of 4.
  const four = await cellsOf(heatmap(page, 'claude-3-haiku (needles=4)'));
  expect(cellAt(four, 1000, 5)?.n).toBe(1);
  expect(cellAt(four, 1000, 5)?.value).toBeCloseTo(0.75, 9);

  // A share link carries the split runs like any others.
  await page.getByTestId('share-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('heatmap')).toHaveCount(4);
  expect(await runNames(other)).toEqual(await runNames(page));
  expect(await cellsOf(heatmap(other, 'claude-3-haiku (needles=4)'))).toEqual(four);
  await context.close();
});

test('the published GPT-4 multi-needle run split by needle count gives runs of 1, 3 and 10 needles', async ({
  page,
}) => {
  test.skip(!MULTI_NEEDLE_RETRIEVAL, 'shared/data/real is absent on this machine');
  await page.goto('/');
  await openFiles(page, MULTI_NEEDLE_RETRIEVAL ?? []);
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  const item = page.getByTestId('run-item');
  await item.getByTestId('run-split-field').selectOption('needles');
  await item.getByTestId('run-split').click();
  await expect(page.getByTestId('heatmap')).toHaveCount(3);
  expect(await runNames(page)).toEqual([
    'gpt-4-0125-preview (needles=1)',
    'gpt-4-0125-preview (needles=3)',
    'gpt-4-0125-preview (needles=10)',
  ]);
});

test('a run whose tasks have depths: its pooled heatmap, then one per task on the same scale', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, join(V2, 'haiku-sweep.jsonl'));
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  const figures = page.locator('figure[data-testid="task-heatmap"][data-run="haiku-sweep"]');
  await expect(figures).toHaveCount(2);
  expect(await figures.evaluateAll((nodes) => nodes.map((n) => n.dataset.task))).toEqual([
    'multi',
    'single',
  ]);
  const rows = v2Rows('haiku-sweep.jsonl');
  for (const task of ['multi', 'single']) {
    const want = meansOf(rows.filter((row) => row.task_type === task));
    const figure = page.locator(`figure[data-testid="task-heatmap"][data-task="${task}"]`);
    const shown = (await cellsOf(figure)).filter((cell) => cell.value !== null);
    expect(shown, task).toHaveLength(want.length);
    for (const cell of want) {
      expect(cellAt(shown, cell.length, cell.depth)?.n, `${task} ${cell.length}`).toBe(cell.n);
      expect(cellAt(shown, cell.length, cell.depth)?.value).toBeCloseTo(cell.value, 9);
    }
  }
  const legends = await Promise.all(
    [heatmap(page, 'haiku-sweep'), ...(await figures.all())].map((f) =>
      f.locator('.legend text').allTextContents(),
    ),
  );
  for (const legend of legends) expect(legend).toEqual(legends[0]);

  // One task picked: its heatmap alone.
  await page.getByTestId('task').selectOption('single');
  await expect(figures).toHaveCount(0);
});

/** Two sweeps that share almost no cells: aligning them draws both on shared bins. */
function sweepsApart() {
  const rows = ['model,context_length,depth_percent,score'];
  for (let l = 1; l <= 10; l += 1) {
    for (let d = 0; d <= 100; d += 10)
      rows.push(`dense,${l * 1000},${d},${(l + d) % 3 === 0 ? 0 : 1}`);
  }
  for (const l of [1500, 4500, 9500]) for (const d of [5, 55, 95]) rows.push(`sparse,${l},${d},1`);
  return { name: 'sweeps.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) };
}

test('the data table under a binned panel holds the bins, named by their ranges', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, [sweepsApart()]);
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  await page.getByTestId('align-axes').check();
  const figure = heatmap(page, 'dense');
  const binned = figure.locator('[data-length][data-length-to]');
  await expect(binned.first()).toBeVisible();
  await figure.locator('.data-table summary').click();
  const table = figure.getByTestId('data-table');
  const columns = (await table.locator('thead th').allTextContents()).slice(1);
  const rows = await table.locator('tbody th').allTextContents();
  // Every column and row is a range "a–b", and the table has a value per bin the panel draws.
  expect(columns.length).toBeGreaterThan(1);
  expect(columns.every((c) => c.includes('–'))).toBe(true);
  expect(rows.every((r) => r.includes('–'))).toBe(true);
  expect(columns.length * rows.length).toBe(await binned.count());
  const values = await binned.evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute('data-value') ?? ''),
  );
  expect(await table.locator('tbody td').allTextContents()).toEqual(
    values.map((v) => (v === '' ? '–' : `${Math.round(Number(v) * 100)}%`)),
  );
});
