import { describe, expect, it } from 'vitest';
import { gridMean, heatmapGrid } from './grid';
import { effectiveLength, meanByLength, summarizeRun, worstDepthBand } from './summary';
import { makeTrial } from './testing/factories';
import { cellTrials, runOf } from './testing/runs';
import { hayRun, shortRun } from './testing/summaryRuns';

const meanGrid = (run: ReturnType<typeof runOf>) => heatmapGrid(run, null, 'mean', 0.7);

/** A run with one length and one trial per depth: [depth, score] pairs. */
const depthColumn = (cells: [number, number][]) =>
  runOf(cells.flatMap(([depth, score]) => cellTrials(1000, depth, [score])));

describe('meanByLength', () => {
  it('averages the cells of each length, each cell weighing the same, ascending', () => {
    expect(meanByLength(meanGrid(hayRun()))).toEqual([
      { lengthTokens: 1000, mean: 1, cells: 3 },
      { lengthTokens: 2000, mean: expect.closeTo(0.9, 12) as number, cells: 3 },
      { lengthTokens: 4000, mean: expect.closeTo(0.8, 12) as number, cells: 3 },
      { lengthTokens: 8000, mean: expect.closeTo(0.95, 12) as number, cells: 2 },
    ]);
  });

  it('gives a cell of three trials no more weight than a cell of one', () => {
    const run = runOf([...cellTrials(1000, 0, [1, 1, 1]), ...cellTrials(1000, 50, [0])]);
    expect(meanByLength(meanGrid(run))).toEqual([{ lengthTokens: 1000, mean: 0.5, cells: 2 }]);
  });

  it('leaves out a length with only failed calls', () => {
    const run = runOf(cellTrials(1000, 0, [1]), { failed: [makeTrial({ lengthTokens: 2000 })] });
    expect(meanByLength(meanGrid(run)).map((l) => l.lengthTokens)).toEqual([1000]);
  });
});

describe('effectiveLength', () => {
  const byLength = (means: number[]) =>
    means.map((mean, i) => ({ lengthTokens: 1000 * 2 ** i, mean, cells: 1 }));

  it.each([
    { means: [1, 0.9, 0.8, 0.95], threshold: 0.85, expected: 2000, why: 'a dip stops the scan' },
    { means: [1, 0.9, 0.8, 0.95], threshold: 0.8, expected: 8000, why: 'a lower bar' },
    { means: [1, 0.9, 0.8, 0.95], threshold: 0.95, expected: 1000, why: 'a higher bar' },
    { means: [0.8, 0.9, 1], threshold: 0.85, expected: null, why: 'the first length is below' },
    { means: [0.85, 0.85], threshold: 0.85, expected: 2000, why: 'a mean at the bar meets it' },
    { means: [0.9, 0.849], threshold: 0.85, expected: 1000, why: 'just under the bar does not' },
    { means: [], threshold: 0.85, expected: null, why: 'no length at all' },
  ])('$why: $means at $threshold -> $expected', ({ means, threshold, expected }) => {
    expect(effectiveLength(byLength(means), threshold)).toBe(expected);
  });

  it('reads 0.85 at 0.85 however the column sum rounded', () => {
    // 0.9, 1, 0.7 and 0.8 average 0.8499999999999999 in floating point.
    const grid = meanGrid(
      depthColumn([
        [0, 0.9],
        [25, 1],
        [50, 0.7],
        [75, 0.8],
      ]),
    );
    expect(effectiveLength(meanByLength(grid))).toBe(1000);
  });

  it('scans by length whatever the order it is given in', () => {
    const [first, second, third] = byLength([1, 0.5, 1]);
    expect(effectiveLength([third!, first!, second!])).toBe(1000);
  });
});

describe('worstDepthBand', () => {
  it.each([
    {
      cells: [
        [0, 1],
        [100, 0],
      ],
      band: 10,
      expected: [90, 100, 0],
      why: '100 is in the last band',
    },
    {
      cells: [
        [0, 1],
        [9.999, 0],
        [10, 1],
      ],
      band: 10,
      expected: [0, 10, 0.5],
      why: '10 starts a band',
    },
    {
      cells: [
        [10, 0.2],
        [19, 0.4],
        [20, 0.1],
        [50, 0.9],
      ],
      band: 10,
      expected: [20, 30, 0.1],
      why: 'the lowest band mean',
    },
    {
      cells: [
        [0, 0.5],
        [50, 0.5],
      ],
      band: 10,
      expected: [0, 10, 0.5],
      why: 'a tie keeps the first',
    },
    {
      cells: [
        [2, 0.1],
        [7, 0.2],
        [15, 0.15],
      ],
      band: 10,
      expected: [0, 10, 0.15],
      why: 'a tie in decimal keeps the first, however it rounded',
    },
    {
      cells: [
        [0, 1],
        [30, 0.5],
        [100, 0.2],
      ],
      band: 25,
      expected: [75, 100, 0.2],
      why: 'bands of 25',
    },
    {
      cells: [
        [0, 1],
        [95, 0.1],
        [100, 0.3],
      ],
      band: 30,
      expected: [90, 100, 0.2],
      why: 'a short last band',
    },
  ])('$why', ({ cells, band, expected: [fromPercent, toPercent, mean] }) => {
    const grid = meanGrid(depthColumn(cells as [number, number][]));
    expect(worstDepthBand(grid, band)).toEqual({
      fromPercent,
      toPercent,
      mean: expect.closeTo(mean ?? Number.NaN, 12) as number,
    });
  });

  it('weighs each cell the same, whatever its trial count', () => {
    const run = runOf([
      ...cellTrials(1000, 0, [1, 1, 1, 1]),
      ...cellTrials(2000, 0, [0]),
      ...cellTrials(1000, 50, [0.6]),
    ]);
    expect(worstDepthBand(meanGrid(run))).toEqual({ fromPercent: 0, toPercent: 10, mean: 0.5 });
  });

  it('is null for a length-by-task matrix', () => {
    const run = runOf([makeTrial({ depthPercent: null, task: 'vt', score: 0 })]);
    expect(worstDepthBand(meanGrid(run))).toBeNull();
  });
});

describe('summarizeRun', () => {
  it('sums up a run, every figure as worked out by hand', () => {
    const summary = summarizeRun(hayRun(), null, 0.7);
    expect(summary).toEqual({
      runId: 'Model "A", v2',
      name: 'Model "A", v2',
      // Cell means 1,1,1 | 1,.9,.8 | 1,.6,.8 | 1,.9: 10 over 11 cells.
      meanScore: expect.closeTo(10 / 11, 12) as number,
      // Cell pass rates at 0.7: 1,1,1 | 1,1,.5 | 1,0,1 | 1,1: 9.5 over 11 cells.
      passRate: expect.closeTo(9.5 / 11, 12) as number,
      trials: 22,
      failedCalls: 2,
      cells: 11,
      lengths: [1000, 2000, 4000, 8000],
      depths: [0, 50, 100],
      tasks: [],
      byLength: meanByLength(meanGrid(hayRun())),
      effectiveLength: 2000,
      // Depth 0: 1,1,1,1; depth 50: 1,.9,.6,.9; depth 100: 1,.8,.8.
      worstBand: { fromPercent: 50, toPercent: 60, mean: expect.closeTo(0.85, 12) as number },
      // Two trials in every cell: 20 over 22 trials, the mean of cells again.
      meanOfTrials: expect.closeTo(20 / 22, 12) as number,
      knownTrials: 22,
      averagedCells: 0,
      passRateApplies: true,
      threshold: 0.7,
    });
    expect(summary.meanScore).toBe(gridMean(meanGrid(hayRun())));
  });

  it('finds no effective length when the shortest length is below the bar', () => {
    const summary = summarizeRun(shortRun(), null, 0.7);
    expect(summary).toMatchObject({
      meanScore: 0.65,
      passRate: 0.75,
      effectiveLength: null,
      worstBand: { fromPercent: 90, toPercent: 100, mean: 0.4 },
    });
  });

  it('takes the effective-length bar as given', () => {
    expect(summarizeRun(hayRun(), null, 0.7, 0.8).effectiveLength).toBe(8000);
  });

  it('sums up a length-by-task matrix without depths or a worst band', () => {
    const run = runOf([
      ...cellTrials(4096, null, [1, 1], 'niah_single_1'),
      ...cellTrials(8192, null, [0.5], 'niah_single_1'),
      ...cellTrials(4096, null, [0], 'vt'),
    ]);
    expect(summarizeRun(run, null, 0.7)).toMatchObject({
      meanScore: 0.5,
      trials: 4,
      cells: 3,
      lengths: [4096, 8192],
      depths: [],
      tasks: ['niah_single_1', 'vt'],
      byLength: [
        { lengthTokens: 4096, mean: 0.5, cells: 2 },
        { lengthTokens: 8192, mean: 0.5, cells: 1 },
      ],
      effectiveLength: null,
      worstBand: null,
    });
  });

  it('sums up only the chosen task', () => {
    const run = runOf([
      ...cellTrials(1000, 0, [1], 'single'),
      ...cellTrials(1000, 0, [0, 0], 'multi'),
      ...cellTrials(2000, 50, [0.5], 'multi'),
    ]);
    expect(summarizeRun(run, 'multi', 0.7)).toMatchObject({
      meanScore: 0.25,
      trials: 3,
      lengths: [1000, 2000],
      depths: [0, 50],
      tasks: ['multi'],
    });
    expect(summarizeRun(run, null, 0.7).tasks).toEqual(['multi', 'single']);
  });

  it('has no mean where no cell was scored', () => {
    const run = runOf([], { failed: [makeTrial()] });
    expect(summarizeRun(run, null, 0.7)).toMatchObject({
      meanScore: null,
      passRate: null,
      trials: 0,
      failedCalls: 1,
      cells: 0,
      byLength: [],
      effectiveLength: null,
      worstBand: null,
    });
  });
});
