import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { mergeCells } from '../cells';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import { csvFile, failedOutcome, NULL_SINK } from '../testing/factories';
import { loadFixtureFolder } from '../testing/fixtures';
import { realFolder } from '../testing/realData';
import { langchainMultiNeedle, pythonStrings, runNameParts } from './langchainMultiNeedle';

const PER_RUN =
  ',Unnamed: 0,run_name,run_url,depth %,context length,retrieved needles,model name,total needles,answer,needles,insertion_percentages,fract per turn';
const PER_NEEDLE =
  ',Unnamed: 0,needle,needle point,insertion %,context size,retrieved_needles_check,total_needles,run name,run_url,retrieved_needles';

/** A per-run row: run name, depth, length, retrieved, model, total, answer. */
function perRun(
  index: number,
  runName: string,
  [depth, length, retrieved, total]: (number | string)[],
  model = 'gpt-4',
): (string | number)[] {
  return [
    index,
    index,
    runName,
    'https://x/r',
    depth!,
    length!,
    retrieved!,
    model,
    total!,
    'figs',
    "[' Figs. ']",
    '[5.0]',
    1,
  ];
}

describe('LangChain multi-needle detection', () => {
  it.each([
    ['gpt4_retrieval.csv', `${PER_RUN}\n`, 0.95],
    ['gpt4_reasoning.csv', `${PER_RUN},mode\n`, 0.95],
    ['gpt4_retrieval_per_needle.csv', `${PER_NEEDLE}\n`, 0.95],
    ['export', `${PER_RUN}\n`, 0.85],
    ['other.csv', 'depth %,context length,score\n', 0],
  ])('%s -> %s', async (path, head, confidence) => {
    expect(langchainMultiNeedle.detect(path, head)).toBe(confidence);
  });
});

describe('LangSmith run names and Python list reprs', () => {
  it.each([
    [
      '120000-50--gpt-4-0125-preview--multi-needle-eval-pizza-1--ef6d',
      [120000, 50, 'gpt-4-0125-preview', 'retrieval'],
    ],
    ['1000-5--gpt-4--multi-needle-eval-pizza-reasoning-1--978e', [1000, 5, 'gpt-4', 'reasoning']],
    ['1000-2.5--claude-3-opus--x--y', [1000, 2.5, 'claude-3-opus', 'retrieval']],
    ['gpt-4--multi-needle-eval', null],
  ])('%s', async (name, parts) => {
    const parsed = runNameParts(name);
    expect(parsed && [parsed.lengthTokens, parsed.depthPercent, parsed.model, parsed.task]).toEqual(
      parts,
    );
  });

  it.each([
    ["[' Figs are one. ', ' Prosciutto is two. ']", [' Figs are one. ', ' Prosciutto is two. ']],
    [`["It's figs", 'a \\'quoted\\' one\\n']`, ["It's figs", "a 'quoted' one\n"]],
    ['[]', []],
    ['[49.96]', null],
    ['figs', null],
  ])('%s', async (repr, strings) => {
    expect(pythonStrings(repr)).toEqual(strings);
  });
});

describe('LangChain multi-needle parsing', () => {
  it('takes the task from mode, keeps needles and answers, and counts lines through quoted breaks', async () => {
    const { result } = await loadFixtureFolder('langchain-multi-needle');
    const run = result.runs.find((r) => r.name === 'claude-3-haiku')!;
    expect(run.tasks).toEqual(['reasoning', 'retrieval']);
    const [first, second] = run.details;
    expect(first?.response).toBe(
      'The secret ingredients needed to build the perfect pizza are figs\nand prosciutto.',
    );
    expect(first?.needle).toBe(
      'Figs are one of the secret ingredients needed to build the perfect pizza.\nProsciutto is one of the secret ingredients needed to build the perfect pizza.',
    );
    expect([first?.source.line, second?.source.line]).toEqual([2, 4]);
    expect(run.warnings).toEqual([
      'langchain-multi-needle/pizza_per_run.csv: some cells mix runs of 2 and 4 needles; each run scores the share of its needles retrieved',
    ]);
    const perNeedle = result.runs.find((r) => r.name === 'claude-3-haiku (per needle)')!;
    expect(perNeedle.details[0]?.expected).toBe('Figs');
    expect(perNeedle.warnings).toEqual([
      'langchain-multi-needle/pizza_per_needle.csv: one trial per needle (retrieved or not), placed at its run\'s length and depth, shown as a run of its own ("<model> (per needle)")',
    ]);
  });

  it('reads the task and model from the run name where the columns are missing', async () => {
    const header = PER_RUN.replace(',model name', '');
    const text = `${header}\n0,0,1000-5--m-1--multi-needle-eval-pizza-reasoning-1--aa,u,5,1000,1.0,2,a,[],[],0.5\n1,1,1000-5--m-2--multi-needle-eval-pizza-1--bb,u,5,1000,2.0,2,a,[],[],1.0\n`;
    const result = await loadBatch([{ path: 'r.csv', text }]);
    expect(result.runs.map((r) => [r.name, r.tasks, r.cells.map(cellMean)])).toEqual([
      ['m-1', ['reasoning'], [0.5]],
      ['m-2', ['retrieval'], [1]],
    ]);
  });

  it('skips rows it cannot score, pandas NaN among them, saying how many and where', async () => {
    const file = csvFile('bad.csv', PER_RUN, [
      perRun(0, '1000-5--m--e--a', [5, 1000, '1.0', 2]),
      perRun(1, '1000-5--m--e--b', [5, 1000, 'NaN', 2]),
      perRun(2, '1000-5--m--e--c', [5, 1000, '', 2]),
      perRun(3, '1000-5--m--e--d', [5, 1000, '3.0', 2]),
      perRun(4, '1000-5--m--e--e', [5, 1000, '1.0', 0]),
      perRun(5, '0-5--m--e--f', [5, 0, '1.0', 2]),
    ]);
    const result = await loadBatch([file]);
    expect(result.runs[0]?.trialCount).toBe(1);
    expect(result.runs[0]?.warnings).toEqual([
      'bad.csv: 3 records skipped (first at line 3: retrieved needles "NaN" of "2" is not a count of needles)',
      'bad.csv: 1 record skipped (line 5: 3 needles retrieved of 2)',
      'bad.csv: 1 record skipped (line 7: context length 0 is not positive)',
    ]);
  });

  it('skips per-needle rows whose run name gives no coordinates or whose check is not 0/1', async () => {
    const file = csvFile('n.csv', PER_NEEDLE, [
      [0, 0, 'Figs.', 'Figs', 5, 1000, 1, 2, '1000-5--m--e--a', 'u', 2],
      [1, 1, 'Ham.', 'Ham', 50, 1000, 1, 2, 'some run', 'u', 2],
      [2, 2, 'Ham.', 'Ham', 50, 1000, 'NaN', 2, '1000-5--m--e--a', 'u', 2],
    ]);
    const result = await loadBatch([file]);
    expect(result.runs.map((r) => [r.name, r.trialCount])).toEqual([['m (per needle)', 1]]);
    expect(result.runs[0]?.warnings.slice(0, 2)).toEqual([
      'n.csv: 1 record skipped (line 3: run name "some run" does not start with <length>-<depth>--<model>--)',
      'n.csv: 1 record skipped (line 4: retrieved_needles_check "NaN" is not 0 or 1)',
    ]);
  });

  it.each([
    ['an empty file', '', 'the file is empty', undefined],
    ['a header without rows', `${PER_RUN}\n`, 'no rows under the header', undefined],
    [
      'a file cut inside a quoted answer',
      `${PER_RUN}\n0,0,1000-5--m--e--a,u,5,1000,1.0,m,1,"The secret`,
      'a quoted field is not closed',
      2,
    ],
    [
      'another table',
      'a,b\n1,2\n',
      'not a multi-needle export: it needs the columns depth %, context length, retrieved needles, total needles (or run name, retrieved_needles_check); this one has a, b',
      1,
    ],
    [
      'only unusable rows',
      `${PER_RUN}\n0,0,r,u,5,1000,x,m,1,a,[],[],1\n`,
      'no usable row: retrieved needles "x" of "1" is not a count of needles',
      2,
    ],
  ])('fails on %s with the reason and line', async (_name, text, reason, line) => {
    const outcome = await langchainMultiNeedle.parse(textSource('f.csv', text, 5), NULL_SINK);
    expect(outcome).toEqual(failedOutcome('f.csv', reason, line));
  });
});

const real = realFolder('gkamradt-multi-needle');
const realResult = await loadBatch(real ?? []);

/**
 * Expected numbers computed apart from Haymap, with python3's csv module: per-run score =
 * retrieved needles / total needles (task from `mode`, else "retrieval"), per-needle score =
 * retrieved_needles_check, per-needle coordinates from the run name; mean per cell.
 */
describe.skipIf(!real)('the published LangChain multi-needle CSVs (shared/data/real)', () => {
  const run = (name: string) => realResult.runs.find((r) => r.name === name)!;
  // Cells are kept apart by needle count; the heatmap of the whole run pools them.
  const cell = (name: string, task: string, length: number, depth: number) =>
    mergeCells(
      run(name).cells.filter(
        (c) => c.task === task && c.lengthTokens === length && c.depthPercent === depth,
      ),
    );

  it('reads all three files as the multi-needle format, in two runs', async () => {
    expect(realResult.errors).toEqual([]);
    expect(realResult.formats.map((f) => f.formatId)).toEqual(
      Array(3).fill(langchainMultiNeedle.id),
    );
    expect(realResult.runs.map((r) => [r.name, r.trialCount, r.tasks])).toEqual([
      ['gpt-4-0125-preview', 130, ['reasoning', 'retrieval']],
      ['gpt-4-0125-preview (per needle)', 612, ['retrieval']],
    ]);
    expect(run('gpt-4-0125-preview').lengths).toEqual([1000, 24800, 48600, 72400, 96200, 120000]);
    expect(run('gpt-4-0125-preview').depths).toEqual([5, 50]);
  });

  it.each([
    ['gpt-4-0125-preview', 'retrieval', 24800, 5, 14, 0.6333333333333334],
    ['gpt-4-0125-preview', 'retrieval', 96200, 50, 3, 0.6666666666666666],
    ['gpt-4-0125-preview', 'reasoning', 120000, 5, 13, 0.5948717948717949],
    ['gpt-4-0125-preview', 'reasoning', 1000, 50, 3, 1],
    ['gpt-4-0125-preview (per needle)', 'retrieval', 24800, 5, 99, 0.5050505050505051],
    ['gpt-4-0125-preview (per needle)', 'retrieval', 120000, 5, 99, 0.5959595959595959],
  ])('%s %s (%d, %d): %d trials, mean %d', async (name, task, length, depth, n, mean) => {
    const found = cell(name, task, length, depth);
    expect(found.n).toBe(n);
    expect(cellMean(found)).toBeCloseTo(mean, 12);
  });
});
