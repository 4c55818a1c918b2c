import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURES, heatmap, LOAD_TIMEOUT } from './helpers';

/** NeMo-Skills results as the user has them: an `<out>` folder holding `eval-results/`. */
const NEMO = (id: string) => join(FIXTURES, 'formats', id);

async function openFolder(page: Page, id: string): Promise<void> {
  await page.getByTestId('folder-input').setInputFiles(NEMO(id));
}

/** Mean and n of each shown cell, by `task@length`. */
type Cells = Record<string, readonly [number, number]>;

/** The cells of a run's task × length matrix, by `task@length`, as the data attributes say. */
async function taskCells(page: Page, run: string): Promise<Cells> {
  const figure = heatmap(page, run);
  await expect(figure).toHaveAttribute('data-rows', 'task', { timeout: LOAD_TIMEOUT });
  const cells = await figure.locator('[data-task][data-length]').evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const value = node.getAttribute('data-value');
      if (value === null || value === '') return [];
      const key = `${node.getAttribute('data-task')}@${node.getAttribute('data-length')}`;
      return [[key, [Number(value), Number(node.getAttribute('data-n'))]] as const];
    }),
  );
  return Object.fromEntries(cells);
}

function expectCells(shown: Cells, want: Cells) {
  expect(Object.keys(shown).sort()).toEqual(Object.keys(want).sort());
  for (const [key, [value, n]] of Object.entries(want)) {
    expect(shown[key]?.[1], key).toBe(n);
    expect(shown[key]?.[0], key).toBeCloseTo(value, 9);
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('NeMo-Skills RULER: one task × length run per setup, seeds pooled, both folder layouts', async ({
  page,
}) => {
  await openFolder(page, 'nemo-ruler');
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  // By hand: niah_multivalue rs0 (1, 0.5) + rs1 (0.75, 1); qa_1 (1, 0, 1).
  expectCells(await taskCells(page, 'llama_128k'), {
    'ruler/niah_multivalue@131072': [3.25 / 4, 4],
    'ruler/qa_1@131072': [2 / 3, 3],
  });
  // The nested group layout: niah_multivalue (1, 0.25), qa_1 (0, 1).
  expectCells(await taskCells(page, 'llama_64k'), {
    'ruler/niah_multivalue@65536': [0.625, 2],
    'ruler/qa_1@65536': [0.5, 2],
  });
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});

test('NeMo-Skills RULERv2: fractional scores, multiple choice by symbolic_correct', async ({
  page,
}) => {
  await openFolder(page, 'nemo-ruler2');
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
  expectCells(await taskCells(page, 'qwen_128k'), {
    'ruler2/mv_niah_basic@131072': [(0.6 + 0.9) / 2, 2],
    'ruler2/mk_niah_hard@131072': [2 / 3, 3],
  });
  expectCells(await taskCells(page, 'qwen_64k'), { 'ruler2/mk_niah_medium@65536': [0.5, 2] });
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});

test('NeMo-Skills MRCR by needle count and token bin; metrics.json passes quietly', async ({
  page,
}) => {
  await openFolder(page, 'nemo-mrcr');
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  expectCells(await taskCells(page, 'nemo-mrcr'), {
    'mrcr/2-needle@8192': [0.75, 2],
    'mrcr/2-needle@16384': [0.9, 1],
    'mrcr/4-needle@16384': [0.2, 2],
    'mrcr/4-needle@131072': [0.6, 1],
    'mrcr/8-needle@131072': [0.3, 1],
    'mrcr/8-needle@1048576': [0.1, 1],
  });
  await page.getByTestId('folder-input').setInputFiles(join(FIXTURES, 'nemo-metrics'));
  const sidecars = page.locator(
    '[data-testid="file-item"] [data-testid="file-format"] option:checked',
  );
  await expect(sidecars.filter({ hasText: 'NeMo-Skills metrics' })).toHaveCount(2, {
    timeout: LOAD_TIMEOUT,
  });
  await expect(page.getByTestId('heatmap')).toHaveCount(1);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});
