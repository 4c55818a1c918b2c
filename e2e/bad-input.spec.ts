import { mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cellsOf, heatmap, openFiles } from './helpers';

const LLAMA = 'Llama-3-70B-Instruct-Gradient-524k (synthetic)';
const HEADER = 'context_length,depth_percent,score';

interface Case {
  name: string;
  file: string;
  text: string | Buffer;
  /** What the error, the run's notes or the dialog must say besides the file name. */
  says: RegExp;
  /** Where it is said: an error, the new run's notes, or the mapping dialog. */
  where: 'error' | 'notes' | 'dialog';
}

const CASES: Case[] = [
  {
    name: 'an empty file',
    file: 'empty.json',
    text: '',
    says: /the file is empty/,
    where: 'error',
  },
  {
    name: 'a binary file (a PNG renamed .json)',
    file: 'picture.json',
    text: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]),
    says: /not a text file/,
    where: 'error',
  },
  {
    name: 'truncated JSON',
    file: 'cut.json',
    text: '[{"token_limit": 1000, "depth_percent": 0, "score": 10},\n {"token_limit": 2000,',
    says: /line 2.*not valid JSON|not valid JSON/,
    where: 'error',
  },
  {
    name: 'JSON that is valid but not results',
    file: 'package.json',
    text: '{"name": "x", "version": "1.0.0"}',
    says: /valid JSON, but not NIAH results/,
    where: 'error',
  },
  {
    name: 'a CSV without a score column',
    file: 'no-score.csv',
    text: 'context_length,depth_percent,notes\n1000,0,fine\n2000,50,ok\n',
    says: /score/,
    where: 'dialog',
  },
  {
    name: 'non-numeric scores',
    file: 'words.csv',
    text: `${HEADER}\n1000,0,1\n1000,50,high\n2000,0,low\n`,
    says: /2 records skipped \(first at line 3: score "high" is not a number\)/,
    where: 'notes',
  },
  {
    name: 'NaN and Infinity',
    file: 'nan.json',
    text: '[{"token_limit": 1000, "depth_percent": 0, "score": 10}, {"token_limit": 1000, "depth_percent": 50, "score": NaN}, {"token_limit": 2000, "depth_percent": 0, "score": Infinity}]',
    says: /2 records skipped \(first at item 2: score "NaN" is not a number\)/,
    where: 'notes',
  },
  {
    name: 'depths below 0 or above 100',
    file: 'depths.csv',
    text: `${HEADER}\n1000,0,1\n1000,-5,1\n1000,130,1\n`,
    says: /2 records skipped \(first at line 3: depth -5% is outside 0\.\.100\)/,
    where: 'notes',
  },
  {
    name: 'lengths that are 0, negative or fractional',
    file: 'lengths.csv',
    text: `${HEADER}\n1000,0,1\n0,0,1\n-10,0,1\n1500.5,0,1\n`,
    says: /2 records skipped \(first at line 3: context length 0 is not positive\)[\s\S]*1 record skipped \(line 5: context length 1500\.5 is not a whole number of tokens\)/,
    where: 'notes',
  },
  {
    name: 'scores outside the scale',
    file: 'judge.json',
    text: '[{"token_limit": 1000, "depth_percent": 0, "score": 10}, {"token_limit": 1000, "depth_percent": 50, "score": 12}]',
    says: /1 record skipped \(item 2: score 12 is outside 0\.\.10\)/,
    where: 'notes',
  },
  {
    name: 'a run mixing score scales',
    file: 'mixed.csv',
    text: `${HEADER}\n1000,0,0.5\n1000,50,0.25\n2000,0,7\n2000,50,10\n`,
    says: /mix/i,
    where: 'notes',
  },
];

async function loadLlama(page: Page) {
  await page.goto('/');
  await page.getByTestId('example-llama3').click();
  const figure = heatmap(page, LLAMA);
  return { figure, before: await cellsOf(figure) };
}

test.describe('bad input: a clear message naming the file, and loaded runs untouched', () => {
  for (const c of CASES) {
    test(c.name, async ({ page }) => {
      const { figure, before } = await loadLlama(page);
      await openFiles(page, [
        { name: c.file, mimeType: 'application/octet-stream', buffer: Buffer.from(c.text) },
      ]);
      if (c.where === 'error') {
        const error = page.getByTestId('load-error').filter({ hasText: c.file });
        await expect(error).toHaveCount(1);
        await expect(error).toContainText(c.says);
      } else if (c.where === 'dialog') {
        const dialog = page.getByTestId('mapping-dialog');
        await expect(dialog).toContainText(c.file);
        await expect(dialog.getByTestId('mapping-missing')).toContainText(c.says);
        await dialog.getByTestId('mapping-cancel').click();
        await expect(dialog).toBeHidden();
      } else {
        const name = c.file.replace(/\.[^.]+$/, '');
        const item = page.locator(`[data-testid="run-item"][data-run="${name}"]`);
        await expect(item.getByTestId('run-notes')).toContainText(c.file);
        await expect(item.getByTestId('run-notes')).toContainText(c.says);
      }
      expect(await cellsOf(figure)).toEqual(before);
      await expect(page.getByTestId('heatmap').first()).toHaveAttribute('data-run', LLAMA);
    });
  }

  test('the same file dropped twice is recognised by its content and not loaded twice', async ({
    page,
  }) => {
    const { figure, before } = await loadLlama(page);
    const text = `${HEADER}\n1000,0,1\n2000,0,0\n`;
    await openFiles(page, [{ name: 'first.csv', mimeType: 'text/csv', buffer: Buffer.from(text) }]);
    await expect(page.getByTestId('heatmap')).toHaveCount(2);
    await openFiles(page, [
      { name: 'copy-of-first.csv', mimeType: 'text/csv', buffer: Buffer.from(text) },
    ]);
    await expect(page.getByTestId('notice')).toContainText('copy-of-first.csv');
    await expect(page.getByTestId('notice')).toContainText('first.csv');
    await expect(page.getByTestId('heatmap')).toHaveCount(2);
    expect(await cellsOf(figure)).toEqual(before);
  });

  test('a file over the size the app can hold gets a clear limit, not a crash', async ({
    page,
  }, testInfo) => {
    const { figure, before } = await loadLlama(page);
    const dir = testInfo.outputPath('huge');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'huge.csv');
    // A sparse file: 2.5 GB on paper, nothing on disk.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2.5 * 1024 ** 3);
    closeSync(fd);
    await openFiles(page, path);
    const error = page.getByTestId('load-error').filter({ hasText: 'huge.csv' });
    await expect(error).toContainText(/too large to load \(2560 MB; the limit is \d+ MB\)/);
    expect(await cellsOf(figure)).toEqual(before);
  });

  test('2,000 files at once load as one run, with progress', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const dir = testInfo.outputPath('two-thousand');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 2000; i += 1) {
      const length = 1000 * (1 + (i % 40));
      const depth = 2 * Math.floor(i / 40);
      writeFileSync(
        join(dir, `m_len_${length}_depth_${depth * 100}_results.json`),
        JSON.stringify({
          model: 'many',
          context_length: length,
          depth_percent: depth,
          score: i % 3 === 0 ? 1 : 10,
        }),
      );
    }
    await page.goto('/');
    await page.getByTestId('folder-input').setInputFiles(dir);
    await expect(page.getByTestId('progress')).toBeVisible();
    const cells = await cellsOf(heatmap(page, 'many'), 90_000);
    expect(cells).toHaveLength(2000);
    expect(cells.reduce((sum, c) => sum + c.n, 0)).toBe(2000);
  });
});
