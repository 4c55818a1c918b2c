import { describe, expect, it } from 'vitest';
import { diffGrids } from './diff';
import { heatmapGrid } from './grid';
import { fisherExactTwoSided } from './stats';
import { makeTrial } from './testing/factories';
import { cellTrials, makeSummary, runOf } from './testing/runs';
import type { Metric, Run } from './types';

const grid = (run: Run, metric: Metric = 'mean') => heatmapGrid(run, null, metric, 0.7);

describe('diffGrids', () => {
  const a = runOf([...cellTrials(1000, 0, [1, 1]), ...cellTrials(2000, 0, [1, 0])]);
  const b = runOf([...cellTrials(1000, 0, [0.5, 0.5]), ...cellTrials(2000, 0, [1, 1])]);

  it.each([
    { metric: 'mean', values: [0.5, -0.5], why: 'means 1 - .5 and .5 - 1' },
    { metric: 'passRate', values: [1, -0.5], why: 'pass rates 1 - 0 and .5 - 1' },
  ] as const)('takes B from A cell by cell: $metric, $why', ({ metric, values }) => {
    const diff = diffGrids(grid(a), grid(b), 0.7, metric);
    expect(diff.slots.map((s) => [s.row, s.lengthTokens, s.value])).toEqual([
      [0, 1000, values[0]],
      [0, 2000, values[1]],
    ]);
    expect(diff).toMatchObject({ rowKind: 'depth', compared: 2, mismatch: false });
  });

  it('works the values out from the cells, whatever metric the grids were drawn with', () => {
    const diff = diffGrids(grid(a, 'passRate'), grid(b, 'passRate'), 0.7, 'mean');
    expect(diff.slots.map((s) => s.value)).toEqual([0.5, -0.5]);
  });

  it('lays both on the union of their axes, a value only where both have a scored trial', () => {
    const left = runOf([...cellTrials(1000, 0, [1]), ...cellTrials(2000, 50, [1])], {
      failed: [makeTrial({ lengthTokens: 4000, depthPercent: 0 })],
    });
    const right = runOf([...cellTrials(1000, 0, [0]), ...cellTrials(4000, 0, [1])]);
    const diff = diffGrids(grid(left), grid(right), 0.7, 'mean');
    expect(diff.lengths).toEqual([1000, 2000, 4000]);
    expect(diff.rows).toEqual([0, 50]);
    expect(diff.slots.map((s) => [s.row, s.lengthTokens, s.a?.n, s.b?.n, s.value])).toEqual([
      [0, 1000, 1, 1, 1],
      [0, 2000, undefined, undefined, null],
      // Only failed calls in A: nothing to compare, never a zero.
      [0, 4000, 0, 1, null],
      [50, 1000, undefined, undefined, null],
      [50, 2000, 1, undefined, null],
      [50, 4000, undefined, undefined, null],
    ]);
    expect(diff.compared).toBe(1);
  });

  it('sorts task rows as grids do and diffs length-by-task matrices', () => {
    const left = runOf([
      ...cellTrials(4096, null, [1], 'vt'),
      ...cellTrials(4096, null, [1], 'cwe'),
    ]);
    const right = runOf(cellTrials(4096, null, [0.25], 'vt'));
    const diff = diffGrids(grid(left), grid(right), 0.7, 'mean');
    expect(diff.slots.map((s) => [s.row, s.value])).toEqual([
      ['cwe', null],
      ['vt', 0.75],
    ]);
  });

  it.each([
    { passes: [20, 0], n: [20, 20], significant: true, why: '20/20 vs 0/20' },
    { passes: [1, 2], n: [2, 2], significant: false, why: '1/2 vs 2/2' },
  ])('marks a difference beyond chance: $why', ({ passes, n, significant }) => {
    const trials = (pass: number, total: number) =>
      cellTrials(1000, 50, [
        ...Array<number>(pass).fill(1),
        ...Array<number>(total - pass).fill(0),
      ]);
    const [passA = 0, passB = 0] = passes;
    const [nA = 0, nB = 0] = n;
    const diff = diffGrids(
      grid(runOf(trials(passA, nA))),
      grid(runOf(trials(passB, nB))),
      0.7,
      'mean',
    );
    expect(diff.slots[0]).toMatchObject({
      pValue: fisherExactTwoSided(passA, nA, passB, nB),
      significant,
    });
    expect(diff.significantCount).toBe(significant ? 1 : 0);
  });

  it('counts passes at the threshold given, whatever the metric shown', () => {
    const left = runOf(cellTrials(1000, 50, Array<number>(20).fill(0.8)));
    const right = runOf(cellTrials(1000, 50, Array<number>(20).fill(0.6)));
    const at = (threshold: number) =>
      diffGrids(grid(left), grid(right), threshold, 'mean').slots[0]?.significant;
    expect(at(0.7)).toBe(true);
    expect(at(0.5)).toBe(false);
  });

  it('corrects for testing a whole grid, and says how many cells were testable', () => {
    // 7/8 vs 1/8 (p = 0.0101) alone differs; beside nine equal cells BH lifts it to 0.101.
    const trials = (length: number, pass: number, total: number) =>
      cellTrials(length, 50, [
        ...Array<number>(pass).fill(1),
        ...Array<number>(total - pass).fill(0),
      ]);
    const lengths = Array.from({ length: 9 }, (_, i) => 2000 + i * 1000);
    const left = runOf([
      ...trials(1000, 7, 8),
      ...lengths.flatMap((l) => trials(l, 5, 10)),
      ...cellTrials(20000, 50, [0]),
    ]);
    const right = runOf([
      ...trials(1000, 1, 8),
      ...lengths.flatMap((l) => trials(l, 5, 10)),
      // One trial a side: compared, but not testable.
      ...cellTrials(20000, 50, [1]),
    ]);
    const diff = diffGrids(grid(left), grid(right), 0.7, 'mean');
    expect(diff.slots[0]).toMatchObject({ pValue: fisherExactTwoSided(7, 8, 1, 8) });
    expect(diff.slots[0]?.significant).toBe(false);
    expect(diff.significantCount).toBe(0);
    expect(diff.slots.at(-1)).toMatchObject({ value: -1, pValue: null, significant: false });
    expect(diff.significance?.note).toBe(
      '0 of 10 testable cells differ at FDR 5 % (Benjamini-Hochberg); 1 cell could not be tested: 1 with fewer than 2 trials.',
    );
  });

  it('does not test cells known through pre-averaged summaries', () => {
    const summarised = runOf([], {
      summaries: [makeSummary({ n: 20, meanScore: 1, passRate: 1 })],
    });
    const trials = runOf(cellTrials(1000, 50, Array<number>(20).fill(0)));
    const diff = diffGrids(grid(summarised), grid(trials), 0.7, 'mean');
    expect(diff.slots[0]).toMatchObject({ value: 1, pValue: null, significant: false });
    expect(diff).toMatchObject({ compared: 1, significantCount: 0 });
  });

  it('compares nothing between a depth grid and a task matrix, and says so', () => {
    const depths = runOf(cellTrials(1000, 50, [1]));
    const tasks = runOf(cellTrials(1000, null, [1], 'vt'));
    expect(diffGrids(grid(depths), grid(tasks), 0.7, 'mean')).toEqual({
      rowKind: 'depth',
      lengths: [],
      rows: [],
      slots: [],
      compared: 0,
      significantCount: 0,
      mismatch: true,
    });
  });
});
