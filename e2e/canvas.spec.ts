import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interpolateViridis } from 'd3-scale-chromatic';
import { expect, test, type Locator } from '@playwright/test';
import { cellsOf, heatmap, openFiles, type CellData } from './helpers';

/** 60 x 60 = 3,600 cells: past the 2,000 at which a panel paints its cells on a canvas. */
const SIDE = 60;
const MODEL = 'canvas-60';
/** The one cell the file leaves out, drawn as no data. */
const GAP = { length: 6000, depth: 5 };

/** Scores of the trials of column i, row j: one to three trials of quarter scores. */
function trialScores(i: number, j: number): number[] {
  const n = 1 + ((i + 2 * j) % 3);
  return Array.from({ length: n }, (_, t) => ((i * 7 + j * 13 + t * 5) % 5) / 4);
}

/** A tidy CSV of the grid and every cell as the heatmap must show it. */
function writeGrid(path: string): CellData[] {
  const lines = ['model,context_length,depth_percent,score'];
  const cells: CellData[] = [];
  for (let i = 0; i < SIDE; i += 1) {
    for (let j = 0; j < SIDE; j += 1) {
      const length = (i + 1) * 1000;
      if (length === GAP.length && j === GAP.depth) {
        cells.push({ length, depth: j, value: null, n: 0 });
        continue;
      }
      const scores = trialScores(i, j);
      for (const score of scores) lines.push(`${MODEL},${length},${j},${score}`);
      const sum = scores.reduce((a, b) => a + b, 0);
      cells.push({ length, depth: j, value: sum / scores.length, n: scores.length });
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return cells;
}

let path = '';
let expected: CellData[] = [];

test.beforeAll(() => {
  path = join(mkdtempSync(join(tmpdir(), 'haymap-canvas-')), 'canvas-60.csv');
  expected = writeGrid(path);
});

/** The canvas's pixel at the centre of a cell, as [r, g, b, a]. */
async function pixelOf(figure: Locator, cell: Locator): Promise<number[]> {
  const box = await cell.boundingBox();
  if (!box) throw new Error('the cell has no box');
  return figure.locator('canvas').evaluate(
    (canvas: HTMLCanvasElement, at) => {
      const frame = canvas.getBoundingClientRect();
      const px = Math.floor((at.x - frame.x) * (canvas.width / frame.width));
      const py = Math.floor((at.y - frame.y) * (canvas.height / frame.height));
      return [...(canvas.getContext('2d')?.getImageData(px, py, 1, 1).data ?? [])];
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

/** A digest of every pixel of the figure's canvas, and the share of them painted. */
async function canvasPixels(figure: Locator): Promise<{ digest: number; painted: number }> {
  return figure.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return { digest: 0, painted: 0 };
    // One RGBA pixel per word (little-endian: alpha in the top byte).
    const words = new Uint32Array(data.buffer);
    let digest = 0;
    let painted = 0;
    for (const word of words) {
      digest = (digest * 31 + (word & 0xffffff)) % 2147483647;
      if (word >>> 24 > 0 && (word & 0xffffff) !== 0xffffff) painted += 1;
    }
    return { digest, painted: painted / words.length };
  });
}

function hex(rgb: number[]): string {
  return `#${rgb
    .slice(0, 3)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

test.describe('a grid past 2,000 cells', () => {
  test('paints on a canvas and keeps every cell an element with its exact data', async ({
    page,
  }) => {
    await page.goto('/');
    await openFiles(page, path);
    const figure = heatmap(page, MODEL);
    const cells = await cellsOf(figure);
    // One comparison of all cells (an expect per cell costs a test step each).
    const byPlace = (a: CellData, b: CellData) => a.length - b.length || a.depth - b.depth;
    expect([...cells].sort(byPlace)).toEqual([...expected].sort(byPlace));

    // One canvas, painted across the plot (cells and the gap's hatch, no blank background).
    await expect(figure.locator('canvas')).toHaveCount(1);
    const { painted } = await canvasPixels(figure);
    expect(painted).toBeGreaterThan(0.9);

    // The data elements still make an ARIA grid of rows of labelled cells.
    await expect(figure.getByRole('grid')).toHaveCount(1);
    await expect(figure.getByRole('row')).toHaveCount(SIDE);
    await expect(figure.locator('[role="gridcell"][aria-label]')).toHaveCount(SIDE * SIDE);
  });

  test('hover shows the tooltip of the cell under the pointer; click and keyboard open it', async ({
    page,
  }) => {
    await page.goto('/');
    await openFiles(page, path);
    const figure = heatmap(page, MODEL);
    await cellsOf(figure);
    const tooltip = page.getByTestId('tooltip');

    const cell = figure.locator('[data-length="31000"][data-depth="17"]');
    await cell.hover();
    await expect(tooltip).toContainText('31,000 tokens · depth 17%');
    await expect(tooltip).toContainText(`Trials${trialScores(30, 17).length}`);
    await figure.locator('[data-length="45000"][data-depth="52"]').hover();
    await expect(tooltip).toContainText('45,000 tokens · depth 52%');
    await expect(tooltip).toHaveCount(1);

    const drill = page.getByTestId('drilldown');
    await cell.click();
    await expect(drill).toBeVisible();
    await expect(drill).toContainText('31,000 tokens · depth 17%');
    await drill.getByTestId('drilldown-close').click();
    await expect(drill).toBeHidden();

    await figure.locator('[data-length="1000"][data-depth="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toHaveAttribute('data-length', '2000');
    await expect(page.locator(':focus')).toHaveAttribute('data-depth', '1');
    await expect(page.locator(':focus')).toHaveAttribute('tabindex', '0');
    await page.keyboard.press('Enter');
    await expect(drill).toBeVisible();
    await expect(drill).toContainText('2,000 tokens · depth 1%');
  });

  test('a palette or metric change repaints the canvas and touches no cell element it need not', async ({
    page,
  }) => {
    await page.goto('/');
    await openFiles(page, path);
    const figure = heatmap(page, MODEL);
    await cellsOf(figure);
    const before = await canvasPixels(figure);

    // Count attribute changes on the cells from here on.
    await figure.locator('svg.heatmap-svg').evaluate((svg) => {
      const seen = { count: 0 };
      (window as Window & { cellMutations?: typeof seen }).cellMutations = seen;
      new MutationObserver((records) => {
        seen.count += records.filter(
          (r) => r.target instanceof Element && r.target.matches('[data-length]'),
        ).length;
      }).observe(svg, { attributes: true, subtree: true, childList: true });
    });
    const mutations = () =>
      page.evaluate(
        () => (window as Window & { cellMutations?: { count: number } }).cellMutations?.count ?? -1,
      );

    await page.getByTestId('palette').selectOption('viridis');
    await expect.poll(async () => (await canvasPixels(figure)).digest).not.toBe(before.digest);
    expect(await mutations()).toBe(0);
    // The cell's pixel is its value in the new palette.
    const cell = figure.locator('[data-length="31000"][data-depth="17"]');
    const scores = trialScores(30, 17);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(hex(await pixelOf(figure, cell))).toBe(interpolateViridis(mean));

    // A metric changes the values, so the cells' data follows, and the canvas with it.
    const viridis = await canvasPixels(figure);
    await page.getByTestId('metric').selectOption('passRate');
    const passRate = scores.filter((s) => s >= 0.7).length / scores.length;
    await expect(cell).toHaveAttribute('data-value', String(passRate));
    await expect.poll(async () => (await canvasPixels(figure)).digest).not.toBe(viridis.digest);
    expect(hex(await pixelOf(figure, cell))).toBe(interpolateViridis(passRate));
  });
});
