import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));

/** Real published results beside the repository (../shared/data/real); absent on some machines. */
export const REAL_DATA = resolve(here, '../../shared/data/real');

/** The files of a real-data folder, or null when the folder is absent. */
export function realFiles(folder: string, names: string[]): string[] | null {
  const dir = join(REAL_DATA, folder);
  return existsSync(dir) ? names.map((name) => join(dir, name)) : null;
}

/** The published GPT-4 128K run (gkamradt's original two files), or null where absent. */
export const GPT4_128K = realFiles('gkamradt-gpt-4-128k', [
  'OpenAI_OriginalResults.json',
  'OpenAI_OriginalResults_2.json',
]);

/** LangChain's GPT-4 multi-needle retrieval run, or null where absent. */
export const MULTI_NEEDLE_RETRIEVAL = realFiles('gkamradt-multi-needle', ['gpt4_retrieval.csv']);

export const FIXTURES = join(here, 'fixtures');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** One cell as the heatmap exposes it through its data attributes. */
export interface CellData {
  length: number;
  depth: number;
  value: number | null;
  n: number;
}

/** The heatmap figure of a run. */
export function heatmap(page: Page, run: string): Locator {
  return page.locator(`figure[data-testid="heatmap"][data-run="${run}"]`);
}

/**
 * How long a wait on a load may take. Loads run as fast as the machine allows, and a busy
 * machine (both cores taken by another job) makes them several times slower: never the default 5 s.
 */
export const LOAD_TIMEOUT = 180_000;

/** Every cell of a heatmap, read from its data attributes (after the cells are drawn). */
export async function cellsOf(figure: Locator, timeout = LOAD_TIMEOUT): Promise<CellData[]> {
  await expect(figure.locator('[data-length]').first()).toBeVisible({ timeout });
  return figure.locator('[data-length]').evaluateAll((nodes) =>
    nodes.map((node) => {
      const value = node.getAttribute('data-value');
      return {
        length: Number(node.getAttribute('data-length')),
        depth: Number(node.getAttribute('data-depth')),
        value: value === null || value === '' ? null : Number(value),
        n: Number(node.getAttribute('data-n')),
      };
    }),
  );
}

/** The cell at a length and depth. */
export function cellAt(cells: CellData[], length: number, depth: number): CellData | undefined {
  return cells.find((c) => c.length === length && c.depth === depth);
}

/** Picks files through the file input, as a user's "Open files…" would. */
export async function openFiles(
  page: Page,
  files: Parameters<Locator['setInputFiles']>[0],
): Promise<void> {
  await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(files);
}

/** What the app's saved copy holds: how many runs, and the metric of its view (null: none yet). */
export function savedCopy(page: Page): Promise<{ runs: number; metric: unknown } | null> {
  return page.evaluate(
    () =>
      new Promise<{ runs: number; metric: unknown } | null>((resolve, reject) => {
        const open = indexedDB.open('haymap');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('meta').objectStore('meta').get('state');
          get.onerror = () => reject(get.error ?? new Error('get failed'));
          get.onsuccess = () => {
            db.close();
            const meta: unknown = get.result;
            if (typeof meta !== 'object' || meta === null) return resolve(null);
            const runs = 'order' in meta && Array.isArray(meta.order) ? meta.order.length : -1;
            const view = 'view' in meta && typeof meta.view === 'object' ? meta.view : null;
            resolve({ runs, metric: view && 'metric' in view ? view.metric : undefined });
          };
        };
      }),
  );
}

/**
 * Opens the GPT-4 128K original, then a rerun on the same sweep (its first repeat re-scored +2,
 * as a rerun of the model would be), waiting as long as a load may take for each: many cells
 * of the two runs agree exactly, the others differ.
 */
export async function openGpt4AndRerun(page: Page): Promise<void> {
  await page.goto('/');
  await openFiles(page, GPT4_128K ?? []);
  await expect(page.getByTestId('heatmap')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
  const original = JSON.parse(readFileSync(GPT4_128K?.[0] ?? '', 'utf8')) as { score: number }[];
  const rerun = original.map((trial) => ({ ...trial, score: Math.min(10, trial.score + 2) }));
  await openFiles(page, [
    {
      name: 'gpt4-rerun.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(rerun)),
    },
  ]);
  await expect(page.getByTestId('heatmap')).toHaveCount(2, { timeout: LOAD_TIMEOUT });
}
