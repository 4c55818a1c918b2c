import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cellsOf, FIXTURES, heatmap, LOAD_TIMEOUT, openFiles } from './helpers';

interface Expected {
  runs: { name: string; cells: { length: number; task: string; value: number; n: number }[] }[];
}

/** Every file under a folder, depth first. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('a BABILong folder of one model in two prompt configurations opens as two task x length runs, nothing unreadable', async ({
  page,
}) => {
  const files = filesUnder(join(FIXTURES, 'formats', 'babilong'));
  expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(40);
  const expected = JSON.parse(
    readFileSync(join(FIXTURES, 'expected', 'babilong.json'), 'utf8'),
  ) as Expected;
  await page.goto('/');
  await openFiles(page, files);
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  for (const run of expected.runs) {
    // Picked files come without their folders, so the model folder is not known: the prompt
    // configuration alone names each run.
    const figure = heatmap(page, run.name.split(' · ')[1] ?? run.name);
    await expect(figure).toHaveAttribute('data-rows', 'task');
    const shown = (await cellsOf(figure)).filter((c) => c.value !== null);
    expect(shown).toHaveLength(run.cells.length);
    for (const want of run.cells) {
      const cell = await figure
        .locator(`[data-length="${want.length}"][data-task="${want.task}"]`)
        .evaluate((node) => ({
          value: Number(node.getAttribute('data-value')),
          n: Number(node.getAttribute('data-n')),
        }));
      expect(cell.n, `${run.name} ${JSON.stringify(want)}`).toBe(want.n);
      expect(cell.value, `${run.name} ${JSON.stringify(want)}`).toBeCloseTo(want.value, 9);
    }
  }
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('lm-eval babilong and longbench2 samples take the length their results file names', async ({
  page,
}) => {
  await page.goto('/');
  await openFiles(page, filesUnder(join(FIXTURES, 'lm-eval-long')));
  // Without its folder the run is named after its first file.
  const figure = page.getByTestId('heatmap');
  await expect(figure).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  await cellsOf(figure);
  const at = (length: number, task: string) =>
    figure.locator(`[data-length="${length}"][data-task="${task}"]`);
  await expect(at(4000, 'babilong_qa1')).toHaveAttribute('data-n', '3');
  await expect(at(0, 'babilong_qa2')).toHaveAttribute('data-value', '1');
  await expect(at(32000, 'longbench2_single_document_qa')).toHaveAttribute('data-value', '0.5');
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});
