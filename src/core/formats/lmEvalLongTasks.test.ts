import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBatch, type TextFile } from '../load';
import { babilongLength } from './lmEvalLongTasks';

/** lm-eval babilong and longbench2 samples beside their results file, as lm-eval writes them. */
const DIR = resolve(import.meta.dirname, '../../../e2e/fixtures/lm-eval-long');
const MODEL = 'Qwen__Qwen2.5-7B-Instruct';

function files(): TextFile[] {
  return readdirSync(join(DIR, MODEL))
    .sort()
    .map((name) => ({
      path: `lm-eval-long/${MODEL}/${name}`,
      text: readFileSync(join(DIR, MODEL, name), 'utf8'),
    }));
}

const cellsOf = (run: {
  cells: { task: string; lengthTokens: number; n: number; sum: number }[];
}) => run.cells.map(({ task, lengthTokens, n, sum }) => [task, lengthTokens, n, sum]);

const EXPECTED = [
  ['babilong_qa1', 4000, 3, 2],
  ['babilong_qa2', 0, 2, 2],
  ['longbench2_single_document_qa', 32000, 2, 1],
  ['longbench2_single_document_qa', 128000, 1, 0],
  ['longbench2_single_document_qa', 2000000, 1, 1],
];

describe('babilongLength', () => {
  it.each([
    ['4k', 4000],
    ['0k', 0],
    ['128k', 128000],
    ['1M', 1_000_000],
    [8192, 8192],
    ['lots', null],
    [-1, null],
  ])('%s -> %s', (value, tokens) => {
    expect(babilongLength(value)).toBe(tokens);
  });
});

describe('lm-eval babilong and longbench2 samples with their results file', () => {
  it('read one trial per row by acc, babilong at the length the results file names', async () => {
    const result = await loadBatch(files());
    expect(result.errors).toEqual([]);
    expect(result.runs).toHaveLength(1);
    const run = result.runs[0];
    expect(run?.name).toBe(MODEL);
    expect(run && cellsOf(run)).toEqual(EXPECTED);
    expect(run?.warnings).toEqual([]);
    expect(run?.lengthLabels).toEqual({ 32000: 'short', 128000: 'medium', 2000000: 'long' });
    expect(result.formats.map((f) => f.formatId).sort()).toEqual([
      'lm-eval-results',
      'lm-eval-samples',
      'lm-eval-samples',
      'lm-eval-samples',
    ]);
  });

  it('take the length whether the results file comes before or after the samples', async () => {
    const result = await loadBatch(files().reverse());
    expect(result.runs[0] && cellsOf(result.runs[0])).toEqual(EXPECTED);
  });

  it('read a babilong samples file alone at 0k, with a note', async () => {
    const alone = files().filter((f) => f.path.includes('samples_babilong_qa1'));
    const { runs, errors } = await loadBatch(alone);
    expect(errors).toEqual([]);
    expect(runs[0] && cellsOf(runs[0])).toEqual([['babilong_qa1', 0, 3, 2]]);
    expect(runs[0]?.warnings).toEqual([
      expect.stringMatching(/no results_2025-06-01T12-00-00\.000001\.json .* read as 0k/),
    ]);
  });

  it('pass over a results file of these tasks alone: no run, no error', async () => {
    const alone = files().filter((f) => f.path.includes('results_'));
    expect(await loadBatch(alone)).toMatchObject({ runs: [], errors: [], unmapped: [] });
  });

  it('do not take the length of another run (another date)', async () => {
    const moved = files().map((f) =>
      f.path.includes('results_') ? { ...f, path: f.path.replace('2025-06-01', '2025-06-02') } : f,
    );
    const { runs } = await loadBatch(moved);
    expect(runs[0]?.cells.find((c) => c.task === 'babilong_qa1')?.lengthTokens).toBe(0);
  });
});
