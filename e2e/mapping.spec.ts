import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cellAt, cellsOf, FIXTURES, heatmap, openFiles } from './helpers';

const DIR = join(FIXTURES, 'unknown-shape');
const plan = JSON.parse(readFileSync(join(FIXTURES, 'expected', 'unknown-shape.json'), 'utf8')) as {
  mapping: Record<string, string | null>;
  runs: { name: string; cells: { length: number; depth: number; value: number; n: number }[] }[];
};

test.describe('a file in an unknown shape', () => {
  test('opens the column-mapping dialog; confirming the mapping draws the heatmap', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByTestId('folder-input').setInputFiles(DIR);
    const dialog = page.getByTestId('mapping-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('unknown-shape/results.csv');
    // The sample rows are shown, and the live preview reads the file as it is mapped.
    await expect(dialog.locator('th', { hasText: /^L$/ })).toBeVisible();

    for (const role of ['length', 'depth', 'score'] as const) {
      await dialog.getByTestId(`mapping-${role}`).selectOption(plan.mapping[role] ?? '');
    }
    await dialog.getByTestId('mapping-depth-unit').selectOption(String(plan.mapping.depthUnit));
    await dialog.getByTestId('mapping-scale').selectOption(String(plan.mapping.scoreScale));
    await expect(dialog.getByTestId('mapping-preview')).toBeVisible();
    await dialog.getByTestId('mapping-confirm').click();
    await expect(dialog).toBeHidden();

    for (const run of plan.runs) {
      const cells = await cellsOf(heatmap(page, run.name));
      expect(cells.filter((c) => c.value !== null)).toHaveLength(run.cells.length);
      for (const want of run.cells) {
        const cell = cellAt(cells, want.length, want.depth);
        expect(cell?.n).toBe(want.n);
        expect(cell?.value).toBeCloseTo(want.value, 9);
      }
    }
    await expect(
      page.locator('[data-testid="file-item"] [data-testid="file-format"] option:checked'),
    ).toHaveText(/Mapped columns/);
  });

  test('cancelling the dialog changes nothing', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('example-llama3').click();
    const figure = page.getByTestId('heatmap');
    await expect(figure).toHaveCount(1);
    const before = await cellsOf(figure);

    await openFiles(page, join(DIR, 'results.csv'));
    const dialog = page.getByTestId('mapping-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('mapping-cancel').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    expect(await cellsOf(figure)).toEqual(before);
    await expect(page.getByTestId('load-error')).toHaveCount(0);
  });

  test('a loaded file can be mapped again on request', async ({ page }) => {
    await page.goto('/');
    await openFiles(page, join(FIXTURES, 'formats', 'generic', 'results.tsv'));
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
    await page
      .locator('[data-testid="file-item"] [data-testid="file-format"]')
      .selectOption('__map__');
    const dialog = page.getByTestId('mapping-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('mapping-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('heatmap')).toHaveCount(1);
  });
});
