import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeClaudeLikeFolder } from '../scripts/write-fixture-folder.mjs';
import { DEFAULT_VIEW, figureModel, renderFigure, summarizeRun, summaryCsv, type Run } from './app';
import { loadBatch } from '../src/core/load';
import { haymap, pngSize, svgCells, svgSize, tempDir } from './testing';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLES = join(ROOT, 'public/samples/checkpoints');
const STAGES = ['stage-65k.json', 'stage-262k.json'].map((name) => join(SAMPLES, name));

/** Runs as the app's store holds them: the worker's result, ids given in order. */
async function appRuns(paths: { path: string; file: string }[]): Promise<Run[]> {
  const result = await loadBatch(
    paths.map(({ path, file }) => ({ path, text: readFileSync(file, 'utf8') })),
  );
  return result.runs.map((run, i) => ({ ...run, id: `run-${i + 1}` }));
}

let dir = '';
let sigmoid = '';
beforeAll(() => {
  dir = tempDir();
  sigmoid = join(dir, 'sigmoid');
  writeClaudeLikeFolder(sigmoid);
});

describe('haymap render', () => {
  it('writes the sigmoid folder as an SVG whose cells equal the pandas pivot', async () => {
    const out = join(dir, 'fig.svg');
    const ran = await haymap(['render', sigmoid, '-o', out]);
    expect(ran.code, ran.stderr).toBe(0);
    const cells = svgCells(readFileSync(out, 'utf8'));
    const expected = Papa.parse<Record<string, string>>(
      readFileSync(join(ROOT, 'e2e/fixtures/sigmoid-1376.expected.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(cells).toHaveLength(1225);
    expect(expected).toHaveLength(1225);
    const byPlace = new Map(cells.map((c) => [`${c.length}|${c.depth}`, c]));
    for (const row of expected) {
      const cell = byPlace.get(`${Number(row.context_length)}|${Number(row.depth_percent)}`);
      expect(cell?.n, `${row.context_length} x ${row.depth_percent}`).toBe(Number(row.n));
      expect(cell?.value).toBeCloseTo(Number(row.mean_score), 9);
    }
  });

  it('gives, byte for byte, the SVG the app exports for the same runs and view', async () => {
    const out = join(dir, 'diff.svg');
    const options = ['--diff', '2,1', '--metric', 'pass', '--threshold', '0.5', '--theme', 'dark'];
    const texts = ['--title', 'Stages', '--subtitle', 'seeded', '--values', 'all'];
    const ran = await haymap(['render', ...STAGES, '-o', out, ...options, ...texts, '-q']);
    expect(ran.code, ran.stderr).toBe(0);
    // The app's path: the loader's runs, the Figure section's view, its figureModel + renderFigure.
    const runs = await appRuns(STAGES.map((file) => ({ path: file.split('/').pop()!, file })));
    const view = {
      ...DEFAULT_VIEW,
      metric: 'passRate' as const,
      threshold: 0.5,
      diffA: 'run-2',
      diffB: 'run-1',
      figure: { ...DEFAULT_VIEW.figure, theme: 'dark' as const, valueLabels: 'all' as const },
    };
    const model = figureModel(runs, { kind: 'diff' }, view, {
      title: 'Stages',
      subtitle: 'seeded',
    });
    expect(model).not.toBeNull();
    const app = renderFigure(model!, view.figure);
    expect(readFileSync(out, 'utf8')).toBe(app.svg);
    expect(app.svg).toContain('Stages');
    expect(app.svg).toContain('#15181d');
  });

  it('draws --aspect 16:9 with a callout as the app exports the same view, byte for byte', async () => {
    const out = join(dir, 'wide.svg');
    const callout = '--callout=65536,50=Misses the middle';
    const args = ['--aspect', '16:9', '--title', 'Wide', '--legend', 'stops', callout];
    const ran = await haymap(['render', STAGES[0]!, '-o', out, ...args, '-q']);
    expect(ran.code, ran.stderr).toBe(0);
    const svg = readFileSync(out, 'utf8');
    const { width, height } = svgSize(svg);
    expect(width).toBe(1200);
    expect(height).toBe(675);
    expect(svg).toContain('Misses the middle');
    expect(svg).toContain('data-testid="callout-arrow"');
    // The app's path: the Figure section's options for the same choices.
    const runs = await appRuns([{ path: 'stage-65k.json', file: STAGES[0]! }]);
    const view = {
      ...DEFAULT_VIEW,
      figure: { ...DEFAULT_VIEW.figure, aspect: '16:9' as const, legend: 'stops' as const },
      callouts: [{ text: 'Misses the middle', at: { lengthTokens: 65536, row: 50 }, to: null }],
    };
    const model = figureModel(runs, { kind: 'all' }, view, { title: 'Wide', subtitle: '' });
    expect(renderFigure(model!, view.figure).svg).toBe(svg);

    const custom = await haymap(['render', STAGES[0]!, '-o', out, '--aspect', '1600x800', '-q']);
    expect(custom.code, custom.stderr).toBe(0);
    expect(svgSize(readFileSync(out, 'utf8'))).toEqual({ width: 1600, height: 800 });
  });

  it('writes a PNG of twice the SVG size at --scale 2, with the embedded font', async () => {
    const svgOut = join(dir, 'one.svg');
    const pngOut = join(dir, 'one.png');
    expect((await haymap(['render', STAGES[0]!, '-o', svgOut])).code).toBe(0);
    const ran = await haymap(['render', STAGES[0]!, '-o', pngOut, '--scale', '2']);
    expect(ran.code, ran.stderr).toBe(0);
    const png = readFileSync(pngOut);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = svgSize(readFileSync(svgOut, 'utf8'));
    expect(size.width).toBeGreaterThan(300);
    expect(pngSize(png)).toEqual({ width: size.width * 2, height: size.height * 2 });
  });

  it('chooses one run by name or position, and refuses one that is not there', async () => {
    const out = join(dir, 'run.svg');
    const byName = await haymap([
      'render',
      ...STAGES,
      '-o',
      out,
      '--run',
      'llama-3-8b-long stage 262K',
    ]);
    expect(byName.code, byName.stderr).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('data-panels="1"');
    expect(svg).toContain('llama-3-8b-long stage 262K');
    expect((await haymap(['render', ...STAGES, '-o', out, '--run', '2'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(svg);
    const missing = await haymap(['render', ...STAGES, '-o', out, '--run', 'gpt-5']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no run "gpt-5"; the runs are "llama-3-8b-long stage 65K"');
  });
});

describe('haymap summary', () => {
  it('--format csv gives what the app copies: summaryCsv of the same runs', async () => {
    const ran = await haymap(['summary', ...STAGES, '--format', 'csv', '--effective', '0.6']);
    expect(ran.code, ran.stderr).toBe(0);
    const runs = await appRuns(STAGES.map((file) => ({ path: file.split('/').pop()!, file })));
    expect(ran.stdout).toBe(summaryCsv(runs.map((run) => summarizeRun(run, null, 0.7, 0.6))));
    expect(ran.stdout.split('\n')[0]).toMatch(
      /^run,mean_of_cells,mean_of_trials,pass_rate_ge_0\.70,trials,cells,.*,len_\d+/,
    );
  });

  it('writes Markdown by default and labelled JSON on request', async () => {
    const md = await haymap(['summary', STAGES[0]!]);
    expect(md.stdout).toMatch(/^\| run \| Mean of cells \| Mean of trials \|/);
    const json = await haymap(['summary', STAGES[0]!, '--format', 'json']);
    const [row] = JSON.parse(json.stdout) as {
      run: string;
      passThreshold: number;
      meanScoreByLength: { lengthTokens: number; meanScore: number }[];
    }[];
    expect(row).toMatchObject({ run: 'llama-3-8b-long stage 65K', passThreshold: 0.7 });
    expect(row?.meanScoreByLength[0]).toEqual({
      lengthTokens: expect.any(Number) as number,
      meanScore: expect.any(Number) as number,
    });
  });
});

describe('haymap cells', () => {
  it('writes the cells CSV that loads back to the same cells', async () => {
    const out = join(dir, 'cells.csv');
    const ran = await haymap(['cells', sigmoid, '-o', out]);
    expect(ran.code, ran.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('run,context_length,depth_percent,n,mean_score,pass_rate');
    const back = await loadBatch([{ path: 'cells.csv', text }]);
    expect(back.errors).toEqual([]);
    // The same summary and the same drawn cells as from the folder itself, but for what a
    // cells file cannot say: its cells are averages, so it has no pass rate of its own.
    const first = await haymap(['summary', sigmoid, '--format', 'json']);
    const again = await haymap(['summary', out, '--format', 'json']);
    const figures = (stdout: string) => {
      const [row] = JSON.parse(stdout) as Record<string, unknown>[];
      const { passRate, averagedCells, ...rest } = row ?? {};
      return { rest, passRate, averagedCells };
    };
    expect(figures(again.stdout).rest).toEqual(figures(first.stdout).rest);
    expect(figures(first.stdout)).toMatchObject({ averagedCells: 0 });
    expect(figures(again.stdout)).toMatchObject({ passRate: null, averagedCells: 1225 });
    const [run] = back.runs;
    expect(run?.cells).toHaveLength(1225);
    expect(run?.name).toBe('claude-2.1');
    const svg = join(dir, 'back.svg');
    expect((await haymap(['render', out, '-o', svg])).code).toBe(0);
    const cells = svgCells(readFileSync(svg, 'utf8'));
    const direct = svgCells(readFileSync(join(dir, 'fig.svg'), 'utf8'));
    expect(cells).toEqual(direct);
  });

  it('reads standard input for -', async () => {
    const ran = await haymap(['cells', '-'], readFileSync(STAGES[0]!, 'utf8'));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.split('\n').length).toBeGreaterThan(100);
  });
});

describe('exit status', () => {
  it('is 1 for a truncated JSON file, the message naming the file and line', async () => {
    const broken = join(dir, 'broken_len_1000_depth_50_results.json');
    writeFileSync(broken, '{\n  "model": "m",\n  "context_length": 1000,\n  "depth_percent": 5');
    const out = join(dir, 'never.svg');
    const ran = await haymap(['render', broken, '-o', out]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('broken_len_1000_depth_50_results.json');
    expect(ran.stderr).toMatch(/line \d+/);
  });

  it('is 1 for a file that is not there', async () => {
    const ran = await haymap(['summary', join(dir, 'nothing.json')]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('nothing.json: no such file or folder');
  });

  it.each([
    [['render', STAGES[0]!, '-o', 'x.svg', '--colour', 'red'], "Unknown option '--colour'"],
    [['render', STAGES[0]!], '-o fig.svg or -o fig.png is required'],
    [['render', STAGES[0]!, '-o', 'x.svg', '--scale', '2'], '--scale applies to PNG'],
    [['render', STAGES[0]!, '-o', 'x.png', '--scale', '4'], '--scale must be 1, 2 or 3'],
    [['render', STAGES[0]!, '-o', 'x.png', '--aspect', '1.5'], '--aspect must be 16:9, 4:3'],
    [['render', STAGES[0]!, '-o', 'x.svg', '--aspect', '90x90'], '--aspect takes whole pixels'],
    [['render', STAGES[0]!, '-o', 'x.svg', '--callout', '8192,50'], '--callout takes LENGTH,DEPTH'],
    [['render', STAGES[0]!, '-o', 'x.png', '--metric', 'max'], '--metric must be mean, pass'],
    [['summary', STAGES[0]!, '--effective', '2'], '--effective must be a number in 0..1'],
    [['summary', STAGES[0]!, '--format', 'xml'], '--format must be md, csv or json'],
    [['cells'], 'no input files'],
    [['summary', STAGES[0]!, '--threads', '0'], '--threads must be a whole number from 1 to 8'],
    [['cells', STAGES[0]!, '--threads', 'many'], '--threads must be a whole number'],
    [['plot', STAGES[0]!], 'unknown command "plot"'],
  ])('is 2 with the usage for %j', async (args, message) => {
    const ran = await haymap(args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
    expect(ran.stderr).toContain('Usage: haymap');
  });

  it('--help prints the usage of each command and exits 0', async () => {
    for (const command of ['render', 'summary', 'cells', 'report']) {
      const ran = await haymap([command, '--help']);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain(`Usage: haymap ${command}`);
    }
  });
});
