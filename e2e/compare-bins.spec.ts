import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import {
  cellAt,
  cellsOf,
  FIXTURES,
  GPT4_128K,
  heatmap,
  LOAD_TIMEOUT,
  MULTI_NEEDLE_RETRIEVAL,
  openFiles,
} from './helpers';

/** A trial as the test reads it from the files, apart from the app: score 0..1. */
interface Trial {
  length: number;
  depth: number;
  score: number;
}

/** A cell drawn on bins, read from its data attributes. */
interface BinCell {
  length: number;
  lengthTo: number;
  depth: number;
  depthTo: number;
  value: number | null;
  n: number;
}

function records(path: string): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
}

/** gkamradt scores are 1..10: a trial's score is score / 10. */
function trialsOf(paths: string[], lengthKey: string): Trial[] {
  return paths.flatMap((path) =>
    records(path).map((r) => ({
      length: Number(r[lengthKey]),
      depth: Number(r.depth_percent),
      score: Number(r.score) / 10,
    })),
  );
}

async function binCells(figure: Locator): Promise<BinCell[]> {
  await expect(figure.locator('[data-length-to]').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
  return figure.locator('[data-length-to]').evaluateAll((nodes) =>
    nodes.map((node) => {
      const num = (name: string) => Number(node.getAttribute(name));
      const value = node.getAttribute('data-value');
      return {
        length: num('data-length'),
        lengthTo: num('data-length-to'),
        depth: num('data-depth'),
        depthTo: num('data-depth-to'),
        value: value === null || value === '' ? null : Number(value),
        n: num('data-n'),
      };
    }),
  );
}

/** [from, to), or [from, to] for the last bin of the axis. */
function inBin(value: number, from: number, to: number, last: number): boolean {
  return value >= from && (value < to || (to === last && value <= to));
}

/** The trial-weighted mean of the trials in a bin, or null without any. */
function binMean(trials: Trial[], cell: BinCell, lastLength: number, lastDepth: number) {
  const inside = trials.filter(
    (t) =>
      inBin(t.length, cell.length, cell.lengthTo, lastLength) &&
      inBin(t.depth, cell.depth, cell.depthTo, lastDepth),
  );
  return inside.length === 0
    ? null
    : { mean: inside.reduce((s, t) => s + t.score, 0) / inside.length, n: inside.length };
}

async function openClaudeAndGpt4(page: Page, dir: string): Promise<string[]> {
  const written = writeClaudeLikeFolder(dir);
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(dir);
  await expect(heatmap(page, 'claude-2.1')).toBeVisible({ timeout: LOAD_TIMEOUT });
  await openFiles(page, GPT4_128K ?? []);
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  return written;
}

test.describe('comparing runs of different sweeps on shared bins', () => {
  test.skip(!GPT4_128K, 'shared/data/real is absent on this machine');

  test('Claude-like 35 x 35 against GPT-4 128K 15 x 15: the difference is on bins, each the difference of trial-weighted means', async ({
    page,
  }, testInfo) => {
    test.setTimeout(LOAD_TIMEOUT * 2);
    await page.setViewportSize({ width: 1440, height: 900 });
    const dir = testInfo.outputPath('claude-like');
    await openClaudeAndGpt4(page, dir);
    const claude = trialsOf(
      readdirSync(dir).map((name) => join(dir, name)),
      'context_length',
    );
    const openai = trialsOf(GPT4_128K ?? [], 'token_limit');
    expect(claude).toHaveLength(1376);

    const diff = page.getByTestId('diff');
    await expect(diff).toHaveAttribute('data-a', 'claude-2.1');
    await expect(diff).toHaveAttribute('data-mode', 'bins');
    await expect(page.getByTestId('diff-reason')).toContainText('fewer than half');
    await expect(page.getByTestId('diff-reason')).toContainText('shared bins');
    await expect(page.getByTestId('significance-note')).toContainText('Benjamini-Hochberg');
    await expect(page.getByTestId('significance-note')).not.toContainText('0 differ');
    await expect(page.getByTestId('diff-mode')).toHaveValue('auto');

    const cells = await binCells(diff);
    const lastLength = Math.max(...cells.map((c) => c.lengthTo));
    const lastDepth = Math.max(...cells.map((c) => c.depthTo));
    const withValue = cells.filter((c) => c.value !== null);
    expect(withValue.length).toBeGreaterThanOrEqual(50);
    for (const cell of cells) {
      const a = binMean(claude, cell, lastLength, lastDepth);
      const b = binMean(openai, cell, lastLength, lastDepth);
      const where = `${cell.length}-${cell.lengthTo} x ${cell.depth}-${cell.depthTo}`;
      if (!a || !b) {
        expect(cell.value, where).toBeNull();
        continue;
      }
      expect(cell.value, where).toBeCloseTo(a.mean - b.mean, 9);
      expect(cell.n, where).toBe(a.n + b.n);
    }

    // Bins are labelled by their range, never twice the same.
    const ticks = await diff.locator('.axis-x text').allTextContents();
    const ranges = ticks.filter((t) => t.includes('–'));
    expect(new Set(ranges).size).toBe(ranges.length);
    await page.getByTestId('diff').screenshot({ path: '/tmp/shots-i11/diff-bins.png' });

    // The user can switch to exact cells and back, and set the bins.
    await page.getByTestId('diff-mode').selectOption('exact');
    await expect(diff).toHaveAttribute('data-mode', 'exact');
    await expect(page.getByTestId('diff-note')).toContainText('cells compared');
    await page.getByTestId('diff-mode').selectOption('bins');
    await page.getByTestId('bin-count').fill('5');
    await page.getByTestId('bin-scale').selectOption('linear');
    await page.getByTestId('depth-band').fill('20');
    const coarse = await binCells(diff);
    expect(coarse).toHaveLength(5 * 5);
    for (const cell of coarse.filter((c) => c.value !== null)) {
      const a = binMean(claude, cell, Math.max(...coarse.map((c) => c.lengthTo)), 100);
      const b = binMean(openai, cell, Math.max(...coarse.map((c) => c.lengthTo)), 100);
      expect(cell.value).toBeCloseTo((a?.mean ?? Number.NaN) - (b?.mean ?? Number.NaN), 9);
    }
  });

  test('"Align axes" puts both runs on the same shared bins', async ({ page }, testInfo) => {
    test.setTimeout(LOAD_TIMEOUT * 2);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openClaudeAndGpt4(page, testInfo.outputPath('claude-like'));
    await page.getByTestId('align-axes').check();
    const a = await binCells(heatmap(page, 'claude-2.1'));
    const b = await binCells(heatmap(page, 'OpenAI_OriginalResults'));
    const edges = (cells: BinCell[]) =>
      cells.map((c) => [c.length, c.lengthTo, c.depth, c.depthTo].join('|'));
    expect(edges(a)).toEqual(edges(b));
    expect(a.filter((c) => c.value !== null).length).toBeGreaterThanOrEqual(50);
    await page.getByTestId('compare-grid').screenshot({ path: '/tmp/shots-i11/aligned-bins.png' });
    await page.screenshot({ path: '/tmp/shots-i11/page.png', fullPage: true });
  });
});

const LONGVA = join(FIXTURES, 'longva');

test('a LongVA-shaped folder: one exact run per all_accuracies.json, video runs in frames, no pass rate for averaged cells', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(LONGVA);
  const figures = page.getByTestId('heatmap');
  await expect(figures).toHaveCount(7, { timeout: LOAD_TIMEOUT });
  const names = await figures.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-run')));
  expect(new Set(names).size).toBe(7);

  // Each run is its own file, exact: read the file and compare every cell.
  const files = [
    ['distractor_3', 'Meta-Llama-3-8B-Instruct', 'Context Length', 'Document Depth'],
    ['video', 'frames_3000', 'Num. Frame', 'Frame Depth'],
  ] as const;
  for (const [setting, leaf, lengthKey, depthKey] of files) {
    const name = names.find((n) => n?.includes(setting) && n.includes(leaf)) ?? '';
    expect(name, `${setting} ${leaf} in ${names.join(', ')}`).not.toBe('');
    const path = join(
      LONGVA,
      'niah_output',
      setting,
      ...(setting === 'video' ? ['LongVA-7B', leaf] : [leaf]),
      'all_accuracies.json',
    );
    const rows = records(path);
    const cells = await cellsOf(heatmap(page, name));
    expect(cells).toHaveLength(rows.length);
    for (const row of rows) {
      const cell = cellAt(cells, Number(row[lengthKey]), Number(row[depthKey]));
      expect(cell?.value).toBeCloseTo(Number(row.Score), 9);
    }
    const title = heatmap(page, name).locator('.axis-x .axis-title');
    await expect(title).toHaveText(
      setting === 'video' ? 'Number of frames' : 'Context length (tokens)',
    );
  }

  // Pre-averaged: no pass rate, the threshold says it does not apply, both means labelled.
  const row = page.locator(
    `[data-testid="summary-table"] tr[data-run="${names.find((n) => n?.includes('distractor_3') && n.includes('Meta')) ?? ''}"]`,
  );
  await expect(row.getByTestId('pass-rate')).toHaveText('n/a (averaged cells)');
  await expect(page.getByTestId('threshold-note')).toContainText('does not apply');
  const table = page.getByTestId('summary-table');
  await expect(table.locator('thead')).toContainText('Mean of cells');
  await expect(table.locator('thead')).toContainText('Mean of trials');
  // Hand-computed: (1+1+1+1+0.5+1+0.75+0.25+0) / 9 cells, each counting as one trial.
  const want = 6.5 / 9;
  expect(Number(await row.getByTestId('mean-score').getAttribute('data-value'))).toBeCloseTo(
    want,
    9,
  );
  expect(Number(await row.getByTestId('mean-of-trials').getAttribute('data-value'))).toBeCloseTo(
    want,
    9,
  );
  await expect(row.getByTestId('cells')).toContainText('9');
});

test('multi-needle results split by needle count into small multiples on one colour scale', async ({
  page,
}) => {
  test.skip(!MULTI_NEEDLE_RETRIEVAL, 'shared/data/real is absent on this machine');
  await page.goto('/');
  await openFiles(page, MULTI_NEEDLE_RETRIEVAL ?? []);
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  await page.getByTestId('small-multiples').check();
  const panels = page.locator('figure[data-testid="heatmap"][data-facet]');
  await expect(panels.first()).toBeVisible({ timeout: LOAD_TIMEOUT });
  const facets = await panels.evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute('data-facet')),
  );
  expect(facets).toEqual(expect.arrayContaining(['needles=1', 'needles=3', 'needles=10']));
  const legends = await Promise.all(
    (await panels.all()).map((p) => p.locator('.legend text').allTextContents()),
  );
  for (const legend of legends) expect(legend).toEqual(legends[0]);
});
