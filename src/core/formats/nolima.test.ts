import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { loadFixtureFolder } from '../testing/fixtures';
import { itDetects } from '../testing/formatCases';
import { nolima } from './nolima';

const PATH = 'results/CL4K/0401_T03_onehop/gpt-4o_book_0401_T03_onehop_1739251200.json';

/** One NoLiMa evaluation; tests name what they are about. */
function evaluation(results: unknown[], fields: Record<string, unknown> = {}): string {
  const root = {
    eval_name: 'gpt-4o_book_0401_T03_onehop',
    test_name: '0401_T03_onehop',
    model_name: 'gpt-4o',
    needle: 'Actually, {CHAR} lives next to the Semper Opera House.',
    gold_answers: ['{CHAR}'],
    context_length: 4000,
    metric: 'contains',
    ...fields,
    results,
  };
  return JSON.stringify(root, null, 4);
}

const result = (depth: unknown, metric: unknown) => ({
  placement_metadata: { depth, token_depth: 0, static_depth: -1 },
  metric,
  selected_character: 'Yuki',
  response: 'Yuki',
});

describe('NoLiMa detection', () => {
  itDetects(nolima, [
    ['in its layout', PATH, evaluation([]), 0.97],
    ['elsewhere', 'x.json', evaluation([]), 0.9],
    ['another object', PATH, '{"test_name": "x", "context_length": 1}', 0],
  ]);
});

describe('NoLiMa parsing', () => {
  it('keeps each test of the fixture folder as a facet of the one run, with no note', async () => {
    const { result: loaded } = await loadFixtureFolder('nolima');
    expect(loaded.runs.flatMap((run) => run.warnings)).toEqual([]);
    expect(loaded.runs[0]?.facetValues).toEqual({ test: ['0401_T03_onehop', '0402_T05_twohop'] });
    const cell = loaded.runs[0]?.cells.find((c) => c.facets?.test === '0402_T05_twohop');
    expect([cell?.lengthTokens, cell?.depthPercent, cell?.n, cell?.facets]).toEqual([
      1000,
      0,
      1,
      { test: '0402_T05_twohop' },
    ]);
  });

  it('reads depth × 100 at the file context_length, the character as the answer', async () => {
    const text = evaluation([result(0.2, 1), result(0.2, 0), result(0.96, 1)]);
    const [run] = (await loadBatch([{ path: PATH, text }])).runs;
    const cells = run?.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n, cellMean(c)]);
    expect(cells).toEqual([
      [4000, 20, 2, 0.5],
      [4000, 96, 1, 1],
    ]);
    expect(run?.details[0]).toMatchObject({
      expected: 'Yuki',
      needle: 'Actually, Yuki lives next to the Semper Opera House.',
      response: 'Yuki',
    });
  });

  it('skips results without a depth or a 0..1 metric, saying why', async () => {
    const text = evaluation([result(0, 1), result(undefined, 1), result(0.5, 2)]);
    const [run] = (await loadBatch([{ path: PATH, text }])).runs;
    expect(run?.trialCount).toBe(1);
    expect(run?.warnings).toEqual([
      `${PATH}: 1 record skipped (item 2: placement_metadata.depth missing is not a number)`,
      `${PATH}: 1 record skipped (item 3: metric 2 is outside 0..1)`,
    ]);
  });
});
