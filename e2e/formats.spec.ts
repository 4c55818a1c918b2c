import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cellAt, cellsOf, FIXTURES, heatmap, realFiles } from './helpers';

/** What a fixture folder must show once dropped (e2e/fixtures/expected/<id>.json, from formats.md). */
interface Expected {
  format: string;
  runs: {
    name: string;
    rows: 'depth' | 'task';
    cells: { length: number; depth?: number; task?: string; value: number; n: number }[];
  }[];
}

const FORMATS_DIR = join(FIXTURES, 'formats');
const formatIds = existsSync(FORMATS_DIR) ? readdirSync(FORMATS_DIR).sort() : [];

test.describe('every format: drop its fixture folder, see the heatmap and the format named', () => {
  for (const formatId of formatIds) {
    test(formatId, async ({ page }) => {
      const dir = join(FORMATS_DIR, formatId);
      const expected = JSON.parse(
        readFileSync(join(FIXTURES, 'expected', `${formatId}.json`), 'utf8'),
      ) as Expected;
      await page.goto('/');
      await page.getByTestId('folder-input').setInputFiles(dir);
      await expect(page.getByTestId('heatmap')).toHaveCount(expected.runs.length);

      // The format each file was read as is named in the file list (folded past 30 files).
      const fold = page.getByTestId('file-fold');
      if ((await fold.count()) > 0) await fold.locator('summary').click();
      const formats = page.locator('[data-testid="file-item"] [data-testid="file-format"]');
      await expect(formats.first()).toBeVisible();
      for (const select of await formats.all()) {
        await expect(select.locator('option:checked')).toHaveText(expected.format);
      }

      for (const run of expected.runs) {
        const figure = heatmap(page, run.name);
        await expect(figure).toHaveAttribute('data-rows', run.rows);
        const cells = await cellsOf(figure);
        const shown = cells.filter((c) => c.value !== null);
        expect(shown).toHaveLength(run.cells.length);
        for (const want of run.cells) {
          const cell = await figure
            .locator(
              want.task === undefined
                ? `[data-length="${want.length}"][data-depth="${want.depth}"]`
                : `[data-length="${want.length}"][data-task="${want.task}"]`,
            )
            .evaluate((node) => ({
              value: Number(node.getAttribute('data-value')),
              n: Number(node.getAttribute('data-n')),
            }));
          expect(cell.n, `${run.name} ${JSON.stringify(want)}`).toBe(want.n);
          expect(cell.value, `${run.name} ${JSON.stringify(want)}`).toBeCloseTo(want.value, 9);
        }
      }
    });
  }
});

const multiNeedle = realFiles('gkamradt-multi-needle', [
  'gpt4_retrieval.csv',
  'gpt4_reasoning.csv',
  'gpt4_retrieval_per_needle.csv',
]);

test('the published LangChain multi-needle CSVs show the retrieval fraction by depth and length', async ({
  page,
}) => {
  test.skip(!multiNeedle, 'shared/data/real is absent on this machine');
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(multiNeedle ?? []);
  await expect(page.getByTestId('heatmap')).toHaveCount(2);
  const formats = page.locator(
    '[data-testid="file-item"] [data-testid="file-format"] option:checked',
  );
  await expect(formats).toHaveCount(3);
  for (const option of await formats.all()) await expect(option).toHaveText(/multi-needle/i);

  // Retrieval only: retrieved needles / total needles, averaged per cell (numbers computed apart
  // from Haymap with python's csv module).
  await page.getByTestId('task').selectOption('retrieval');
  const perRun = await cellsOf(heatmap(page, 'gpt-4-0125-preview'));
  expect(cellAt(perRun, 24800, 5)?.n).toBe(14);
  expect(cellAt(perRun, 24800, 5)?.value).toBeCloseTo(0.6333333333333334, 9);
  expect(cellAt(perRun, 96200, 50)?.n).toBe(3);
  expect(cellAt(perRun, 96200, 50)?.value).toBeCloseTo(0.6666666666666666, 9);
  const perNeedle = await cellsOf(heatmap(page, 'gpt-4-0125-preview (per needle)'));
  expect(cellAt(perNeedle, 120000, 5)?.n).toBe(99);
  expect(cellAt(perNeedle, 120000, 5)?.value).toBeCloseTo(0.5959595959595959, 9);

  await page.getByTestId('task').selectOption('reasoning');
  const reasoning = await cellsOf(heatmap(page, 'gpt-4-0125-preview'));
  expect(cellAt(reasoning, 120000, 5)?.value).toBeCloseTo(0.5948717948717949, 9);
});
