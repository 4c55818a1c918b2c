import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import {
  cellsOf,
  FIXTURES,
  GPT4_128K,
  heatmap,
  LOAD_TIMEOUT,
  openFiles,
  openGpt4AndRerun,
} from './helpers';

/** A trial as the test reads it from the files, apart from the app: score 0..1. */
interface Trial {
  length: number;
  depth: number;
  score: number;
}

/** The Claude-like folder's trials: gkamradt v1 files, scores 1..10. */
function trialsIn(dir: string): Trial[] {
  return readdirSync(dir).map((name) => {
    const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    return {
      length: Number(r.context_length),
      depth: Number(r.depth_percent),
      score: Number(r.score) / 10,
    };
  });
}

/** Each key's trial-weighted figure: the mean score, or the share of trials passing at `pass`. */
function byKey(trials: Trial[], key: (t: Trial) => number, pass?: number) {
  const groups = new Map<number, { total: number; n: number }>();
  for (const t of trials) {
    const g = groups.get(key(t)) ?? { total: 0, n: 0 };
    g.total += pass === undefined ? t.score : t.score >= pass - 1e-9 ? 1 : 0;
    g.n += 1;
    groups.set(key(t), g);
  }
  return [...groups.entries()].map(([at, g]) => ({ at, value: g.total / g.n, n: g.n }));
}

/** The bars of a margin strip, read from their data attributes. */
async function marginBars(figure: Locator, testId: string, attribute: string) {
  return figure.locator(`[data-testid="${testId}"] [${attribute}]`).evaluateAll(
    (nodes, name) =>
      nodes.map((node) => ({
        at: Number(node.getAttribute(name)),
        value: Number(node.getAttribute('data-value')),
        n: Number(node.getAttribute('data-n')),
      })),
    attribute,
  );
}

function expectSame(
  shown: { at: number; value: number; n: number }[],
  want: { at: number; value: number; n: number }[],
) {
  expect(shown).toHaveLength(want.length);
  for (const bar of shown) {
    // Depths are kept to 3 decimals, so match each bar to the nearest depth of the files.
    const match = want.find((w) => Math.abs(w.at - bar.at) < 1e-3);
    expect(match, `a bar at ${bar.at}`).toBeDefined();
    expect(bar.n).toBe(match?.n);
    expect(bar.value).toBeCloseTo(match?.value ?? Number.NaN, 9);
  }
}

/** The score-by-length chart's points of a run. */
async function lengthPointsOf(page: Page, run: string) {
  return page
    .getByTestId('length-chart')
    .locator(`.series-point[data-run="${run}"]`)
    .evaluateAll((nodes) =>
      nodes.map((node) => {
        const num = (name: string) => {
          const v = node.getAttribute(name);
          return v === null ? null : Number(v);
        };
        const box = node.getBoundingClientRect();
        return {
          length: num('data-length') ?? 0,
          value: num('data-value') ?? 0,
          n: num('data-n') ?? 0,
          lower: num('data-lower'),
          upper: num('data-upper'),
          x: box.x + box.width / 2,
        };
      }),
    );
}

test('margin strips and the length chart give the trial-weighted figures of the files, for either metric', async ({
  page,
}, testInfo) => {
  test.setTimeout(LOAD_TIMEOUT * 2);
  await page.setViewportSize({ width: 1440, height: 900 });
  const dir = testInfo.outputPath('claude-like');
  writeClaudeLikeFolder(dir);
  const trials = trialsIn(dir);
  expect(trials).toHaveLength(1376);
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(dir);
  const claude = heatmap(page, 'claude-2.1');
  await expect(claude).toBeVisible({ timeout: LOAD_TIMEOUT });
  expect(await cellsOf(claude)).toHaveLength(1225);

  // Off by default; each switch adds its strip and the cells stay the cells.
  await expect(claude.getByTestId('length-margin')).toHaveCount(0);
  await page.getByTestId('show-length-mean').check();
  await page.getByTestId('show-depth-mean').check();
  await expect(claude.getByTestId('length-margin')).toBeVisible();
  await expect(claude.getByTestId('depth-margin')).toBeAttached();
  expect(await cellsOf(claude)).toHaveLength(1225);
  await expect(claude.getByTestId('length-margin').locator('title').first()).toContainText(
    'Trial-weighted mean score',
  );

  const lengthMeans = byKey(trials, (t) => t.length);
  const depthMeans = byKey(trials, (t) => t.depth);
  expectSame(await marginBars(claude, 'length-margin', 'data-margin-length'), lengthMeans);
  expectSame(await marginBars(claude, 'depth-margin', 'data-margin-depth'), depthMeans);
  // Trial-weighted, not the mean of cells: some cells hold several trials.
  expect(lengthMeans.some((m) => m.n > 35)).toBe(true);

  // The length chart: the same figures, an even sweep on a linear axis, a band of intervals.
  const chart = page.getByTestId('length-chart');
  const svg = chart.locator('svg.length-chart-svg');
  await expect(svg).toHaveAttribute('data-scale', 'linear');
  await expect(chart.locator('[data-testid="length-band"][data-run="claude-2.1"]')).toHaveCount(1);
  const linear = await lengthPointsOf(page, 'claude-2.1');
  expectSame(
    linear.map((p) => ({ at: p.length, value: p.value, n: p.n })),
    lengthMeans,
  );
  for (const p of linear) {
    expect(p.lower).not.toBeNull();
    expect(p.lower ?? 2).toBeLessThanOrEqual(p.value);
    expect(p.upper ?? -1).toBeGreaterThanOrEqual(p.value);
  }
  expect(linear.some((p) => (p.upper ?? 0) - (p.lower ?? 0) > 0.05)).toBe(true);

  // Log, as the user asks: the short lengths spread out.
  await page.getByTestId('length-scale').selectOption('log');
  await expect(svg).toHaveAttribute('data-scale', 'log');
  await expect(chart.locator('.axis-title').first()).toContainText('log scale');
  const log = await lengthPointsOf(page, 'claude-2.1');
  const firstGap = (points: { x: number }[]) => (points[1]?.x ?? 0) - (points[0]?.x ?? 0);
  expect(firstGap(log)).toBeGreaterThan(firstGap(linear) * 3);

  // Pass rate: strips and chart follow, each the share of the files' trials that pass.
  await page.getByTestId('metric').selectOption('passRate');
  const passByLength = byKey(trials, (t) => t.length, 0.7);
  await expect(chart.locator('.axis-title').nth(1)).toHaveText('Pass rate');
  expectSame(await marginBars(claude, 'length-margin', 'data-margin-length'), passByLength);
  expectSame(
    await marginBars(claude, 'depth-margin', 'data-margin-depth'),
    byKey(trials, (t) => t.depth, 0.7),
  );
  expectSame(
    (await lengthPointsOf(page, 'claude-2.1')).map((p) => ({
      at: p.length,
      value: p.value,
      n: p.n,
    })),
    passByLength,
  );
  await expect(chart.locator('[data-testid="length-band"][data-run="claude-2.1"]')).toHaveCount(1);
});

function overlaps(a: DOMRectLike, b: DOMRectLike): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

interface DOMRectLike {
  x: number;
  y: number;
  width: number;
  height: number;
}

test('the difference legend names both runs, clear of its ticks on a phone, and prints values only where runs differ', async ({
  page,
}) => {
  test.skip(!GPT4_128K, 'shared/data/real is absent on this machine');
  test.setTimeout(LOAD_TIMEOUT * 2);
  await openGpt4AndRerun(page);
  const diff = page.getByTestId('diff');
  const title = 'OpenAI_OriginalResults − gpt4-rerun (points)';
  await expect(diff.getByTestId('legend-title').locator('title')).toHaveText(title);
  await expect(diff.getByTestId('diff-legend')).toContainText('OpenAI_OriginalResults higher');
  await expect(diff.getByTestId('diff-legend')).toContainText('gpt4-rerun higher');
  const lines = await diff.getByTestId('legend-title').locator('text').allTextContents();
  expect(lines.join(' ')).toBe(title);

  await page.getByTestId('figure-labels').selectOption('all');
  const cells = (await cellsOf(diff)).filter((c) => c.value !== null);
  expect(cells).toHaveLength(225);
  const differing = cells.filter((c) => Math.round((c.value ?? 0) * 100) !== 0);
  expect(differing.length).toBeGreaterThan(0);
  expect(differing.length).toBeLessThan(225);
  // The labels may come a frame after the cells: wait for them before reading them.
  await expect(diff.locator('.value-labels text')).toHaveCount(differing.length);
  const labels = await diff.locator('.value-labels text').allTextContents();
  expect(labels).toHaveLength(differing.length);
  for (const label of labels) expect(label).toMatch(/^[+−][1-9]\d*$/);
  // The data table still gives every cell, the unlabelled ones as 0.
  await diff.locator('summary', { hasText: 'Data table' }).click();
  await expect(diff.getByTestId('data-table').locator('tbody td')).toHaveCount(225);
  const table = await diff.getByTestId('data-table').locator('tbody td').allTextContents();
  expect(table).toHaveLength(225);
  expect(table.filter((text) => text === '0')).toHaveLength(225 - differing.length);

  // On a phone the turned title stays off the tick labels, and inside the panel, unscrolled.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(async () => (await diff.locator('svg.heatmap-svg').boundingBox())?.width ?? 0)
    .toBeLessThan(390);
  const boxes = await diff.locator('svg.heatmap-svg').evaluate((svg) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      panel: box(svg.closest('figure') ?? svg),
      scrolls: (svg.parentElement?.scrollWidth ?? 0) > (svg.parentElement?.clientWidth ?? 0),
      ticks: [...svg.querySelectorAll('.legend > g:not([data-testid]) > text')].map(box),
      title: [...svg.querySelectorAll('[data-testid="legend-title"] text')].map(box),
    };
  });
  expect(boxes.ticks).toHaveLength(5);
  expect(boxes.title.length).toBeGreaterThan(0);
  expect(boxes.scrolls).toBe(false);
  for (const line of boxes.title) {
    for (const tick of boxes.ticks) expect(overlaps(line, tick)).toBe(false);
    expect(line.x + line.width).toBeLessThanOrEqual(boxes.panel.x + boxes.panel.width);
  }
});

test('the length chart says why a pre-averaged run has no band, and draws it no pass rate', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, join(FIXTURES, 'formats', 'wide-table', 'gpt4.csv'));
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  const chart = page.getByTestId('length-chart');
  await expect(chart.locator('.series-point[data-run="gpt4"]')).toHaveCount(4);
  await expect(chart.getByTestId('length-band')).toHaveCount(0);
  await expect(chart.getByTestId('interval-note')).toHaveText(
    'gpt4 has no interval: its cells are pre-averaged (no spread is known).',
  );
  await page.getByTestId('metric').selectOption('passRate');
  await expect(chart.locator('.series-point[data-run="gpt4"]')).toHaveCount(0);
  await expect(chart.getByTestId('interval-note')).toContainText('gpt4 has no line');
});
