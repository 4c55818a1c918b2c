// The command line (npm run build writes it) against the app: the figure the app exports,
// and a report opened from disk. The CLI's own behaviour is tested in cli/cli.test.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import { cellAt, cellsOf, fixtureText, heatmap } from './helpers';

const ROOT = resolve(import.meta.dirname, '..');

/** Runs the installed bin as a user would, `npx haymap ...`, from the checkout. */
function haymap(args: string[]): string {
  return execFileSync('npx', ['--no-install', 'haymap', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

function pngSize(bytes: Buffer) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('haymap on the command line', () => {
  test.describe.configure({ timeout: 180_000 });

  test('npx haymap render: the sigmoid folder as SVG cells equal to pandas, and a 2x PNG', () => {
    const testInfo = test.info();
    const dir = testInfo.outputPath('claude-like');
    writeClaudeLikeFolder(dir);
    const svgPath = testInfo.outputPath('fig.svg');
    haymap(['render', dir, '-o', svgPath, '-q']);
    const svg = readFileSync(svgPath, 'utf8');
    const tags = svg.match(/<rect[^>]*data-length="[^"]*"[^>]*>/g) ?? [];
    const cells = tags.map((tag) => {
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
      return {
        length: Number(attr('data-length')),
        depth: Number(attr('data-depth')),
        value: Number(attr('data-value')),
        n: Number(attr('data-n')),
      };
    });
    const expected = Papa.parse<Record<string, string>>(fixtureText('sigmoid-1376.expected.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(cells).toHaveLength(expected.length);
    for (const row of expected) {
      const cell = cells.find(
        (c) => c.length === Number(row.context_length) && c.depth === Number(row.depth_percent),
      );
      expect(cell?.n).toBe(Number(row.n));
      expect(cell?.value).toBeCloseTo(Number(row.mean_score), 9);
    }
    const pngPath = testInfo.outputPath('fig.png');
    haymap(['render', dir, '-o', pngPath, '--scale', '2', '-q']);
    const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1]);
    expect(pngSize(readFileSync(pngPath))).toEqual({ width: width * 2, height: height * 2 });
  });

  test('reading on two threads gives the figure and the cells of reading on one', () => {
    const testInfo = test.info();
    const dir = testInfo.outputPath('claude-like');
    writeClaudeLikeFolder(dir);
    const out = (name: string) => testInfo.outputPath(name);
    haymap(['render', dir, '-o', out('one.svg'), '--threads', '1', '-q']);
    haymap(['render', dir, '-o', out('two.svg'), '--threads', '2', '-q']);
    haymap(['cells', dir, '-o', out('one.csv'), '--threads', '1', '-q']);
    haymap(['cells', dir, '-o', out('two.csv'), '--threads', '2', '-q']);
    expect(readFileSync(out('two.svg'), 'utf8')).toBe(readFileSync(out('one.svg'), 'utf8'));
    expect(readFileSync(out('two.csv'), 'utf8')).toBe(readFileSync(out('one.csv'), 'utf8'));
    expect(readFileSync(out('one.csv'), 'utf8').split('\n').length).toBeGreaterThan(1225);
  });

  test("the CLI's SVG is the app's own SVG export of the same files and view", async ({
    page,
  }, testInfo) => {
    const files = ['stage-65k.json', 'stage-262k.json'].map((name) =>
      join(ROOT, 'public/samples/checkpoints', name),
    );
    await page.goto('/');
    await page.getByTestId('file-input').setInputFiles(files);
    await expect(page.getByTestId('heatmap')).toHaveCount(2);
    await page.getByTestId('figure-theme').selectOption('dark');
    await page.getByTestId('figure-title-input').fill('Stages of the long-context run');
    await page.getByTestId('figure-trained').fill('131072');
    await page.getByTestId('figure-labels').selectOption('below100');
    const waiting = page.waitForEvent('download');
    await page.getByTestId('export-svg').click();
    const downloaded = testInfo.outputPath('app.svg');
    await (await waiting).saveAs(downloaded);

    const cli = testInfo.outputPath('cli.svg');
    haymap([
      'render',
      ...files,
      '-o',
      cli,
      '--all',
      '--theme',
      'dark',
      '--title',
      'Stages of the long-context run',
      '--trained-length',
      '131072',
      '--values',
      'below100',
      '-q',
    ]);
    const app = readFileSync(downloaded, 'utf8');
    expect(app).toContain('data-panels="2"');
    expect(readFileSync(cli, 'utf8')).toBe(app);
  });

  test('haymap report: opened from disk, the runs show with their exact cells and nothing is requested', async ({
    page,
  }, testInfo) => {
    const dir = testInfo.outputPath('claude-like');
    writeClaudeLikeFolder(dir);
    const stage = join(ROOT, 'public/samples/checkpoints/stage-65k.json');
    const reportPath = testInfo.outputPath('report.html');
    haymap(['report', dir, stage, '-o', reportPath, '-q']);

    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(pathToFileURL(reportPath).href);

    const cells = await cellsOf(heatmap(page, 'claude-2.1'), 30_000);
    const expected = Papa.parse<Record<string, string>>(fixtureText('sigmoid-1376.expected.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(cells).toHaveLength(1225);
    for (const row of expected) {
      const cell = cellAt(cells, Number(row.context_length), Number(row.depth_percent));
      expect(cell?.n).toBe(Number(row.n));
      expect(cell?.value).toBeCloseTo(Number(row.mean_score), 9);
    }
    await expect(heatmap(page, 'llama-3-8b-long stage 65K')).toHaveCount(1);
    expect(await cellsOf(heatmap(page, 'llama-3-8b-long stage 65K'))).toHaveLength(132);

    // Files dropped on the report load through its inlined worker.
    await page
      .getByTestId('file-input')
      .setInputFiles(join(ROOT, 'public/samples/checkpoints/stage-262k.json'));
    await expect(heatmap(page, 'llama-3-8b-long stage 262K')).toHaveCount(1);

    const offFile = requests.filter((url) => !/^(file|data|blob):/.test(url));
    expect(offFile).toEqual([]);
    expect(problems).toEqual([]);
  });
});
