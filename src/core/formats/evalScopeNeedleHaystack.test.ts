import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { itDetects } from '../testing/formatCases';
import { evalScopeCell, evalScopeNeedleHaystack } from './evalScopeNeedleHaystack';

const PATH = 'outputs/20250301_101500/reports/qwen-plus/needle_haystack.json';

/** A report of `metrics`; tests name what they are about. */
function report(metrics: unknown[]): string {
  return JSON.stringify({ name: 'qwen-plus@needle_haystack', score: 1, metrics }, null, 4);
}

const subsets = (...scores: [string, unknown, unknown][]) => [
  { name: ['default'], subsets: scores.map(([name, score, num]) => ({ name, score, num })) },
];

describe('EvalScope needle_haystack detection', () => {
  itDetects(evalScopeNeedleHaystack, [
    ['a report in its folder', PATH, report([]), 0.97],
    ['a report elsewhere', 'r.json', report([]), 0.9],
    ['another EvalScope report', PATH, '{\n    "name": "qwen-plus@gsm8k"', 0],
  ]);
});

describe('EvalScope needle_haystack parsing', () => {
  it.each([
    ['Context#1000 Depth#50', { lengthTokens: 1000, depthPercent: 50 }],
    ['context_128000_depth_100', { lengthTokens: 128000, depthPercent: 100 }],
    ['Context#1000', null],
  ])('reads the cell name %s', (name, cell) => {
    expect(evalScopeCell(name)).toEqual(cell);
  });

  it('makes one summary per language, its mean the score and its n the num', async () => {
    const text = report([
      {
        name: 'Context#1000 Depth#0',
        categories: subsets(['english', 0.5, 2], ['chinese', 0.1, 1]),
      },
      {
        identity: { name: 'context_2000_depth_50', aggregation: 'mean', dimensions: {} },
        categories: subsets(['english', 1, 1], ['chinese', 0.3, 3]),
      },
    ]);
    const loaded = await loadBatch([{ path: PATH, text }]);
    const [run] = loaded.runs;
    expect(run?.name).toBe('qwen-plus');
    const cells = run?.cells.map((c) => [c.task, c.lengthTokens, c.depthPercent, c.n, cellMean(c)]);
    expect(cells).toEqual([
      ['chinese', 1000, 0, 1, 0.1],
      ['chinese', 2000, 50, 3, 0.3],
      ['english', 1000, 0, 2, 0.5],
      ['english', 2000, 50, 1, 1],
    ]);
  });

  it('skips a subset whose num is too large to count or not whole, keeping the others', async () => {
    const text = report([
      {
        name: 'Context#1000 Depth#0',
        categories: subsets(['english', 1, 1e308], ['chinese', 0.5, 2.5], ['french', 0.25, 4]),
      },
    ]);
    const [run] = (await loadBatch([{ path: PATH, text }])).runs;
    expect(run?.cells.map((c) => [c.task, c.n, cellMean(c)])).toEqual([['french', 4, 0.25]]);
    expect(run?.warnings[0]).toBe(
      `${PATH}: 2 records skipped (first at item 1: num 1e+308 is not a count of samples)`,
    );
  });

  it('skips metrics that name no cell and subsets without a count, saying why', async () => {
    const text = report([
      { name: 'Context#1000 Depth#0', categories: subsets(['english', 1, 1], ['chinese', 1, 0]) },
      { name: 'overall', categories: subsets(['english', 1, 1]) },
    ]);
    const [run] = (await loadBatch([{ path: PATH, text }])).runs;
    expect(run?.trialCount).toBe(1);
    expect(run?.warnings.slice(0, 2)).toEqual([
      `${PATH}: 1 record skipped (item 1: num 0 is not a count of samples)`,
      `${PATH}: 1 record skipped (item 2: metric "overall" names no context and depth)`,
    ]);
  });
});
