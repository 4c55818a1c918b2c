import { describe, expect, it } from 'vitest';
import { DETAILS_PER_CELL, GridAccumulator } from './aggregate';
import { cellMean, cellPassRate, cellValue } from './metrics';
import { makeTrial } from './testing/factories';
import { taskRun } from './testing/shareRuns';
import type { Trial } from './types';

function cellsOf(trials: Trial[]) {
  const acc = new GridAccumulator();
  for (const trial of trials) acc.addTrial(trial);
  return acc.finish();
}

describe('GridAccumulator', () => {
  it('averages the trials of a cell and counts them', () => {
    const { cells } = cellsOf([makeTrial({ score: 0.7 }), makeTrial({ score: 1 })]);
    expect(cells).toHaveLength(1);
    expect(cells[0]?.n).toBe(2);
    expect(cellMean(cells[0]!)).toBeCloseTo(0.85, 12);
  });

  it.each([
    // scores, threshold, mean, pass rate
    [[0.7, 1], 0.7, 0.85, 1],
    [[0.5, 0.3], 0.7, 0.4, 0],
    [[0.5, 1], 0.7, 0.75, 0.5],
    [[0.5, 1], 0.5, 0.75, 1],
    [[0, 1, 1, 1], 0.7, 0.75, 0.75],
    [[1], 0.7, 1, 1],
  ])('scores %j at threshold %d: mean %d, pass rate %d', (scores, threshold, mean, passRate) => {
    const { cells } = cellsOf(scores.map((score) => makeTrial({ score })));
    const cell = cells[0]!;
    expect(cellValue(cell, 'mean', threshold)).toBeCloseTo(mean, 12);
    expect(cellValue(cell, 'passRate', threshold)).toBeCloseTo(passRate, 12);
  });

  it('makes rows of distinct depths (3 decimals) and columns of distinct lengths, ascending', () => {
    const { cells, lengths, depths } = cellsOf([
      makeTrial({ lengthTokens: 2000, depthPercent: 1.1994 }),
      makeTrial({ lengthTokens: 1000, depthPercent: 0.896 }),
      makeTrial({ lengthTokens: 1000, depthPercent: 0.8960004 }),
      makeTrial({ lengthTokens: 1000, depthPercent: 1.199 }),
    ]);
    expect(lengths).toEqual([1000, 2000]);
    expect(depths).toEqual([0.896, 1.199]);
    expect(cells.map((c) => [c.lengthTokens, c.depthPercent, c.n])).toEqual([
      [1000, 0.896, 2],
      [1000, 1.199, 1],
      [2000, 1.199, 1],
    ]);
  });

  it('gives the same cells whatever the order of trials, and when merged from two halves', () => {
    const trials = Array.from({ length: 60 }, (_, i) =>
      makeTrial({
        lengthTokens: 1000 * (1 + (i % 3)),
        depthPercent: (i % 4) * 25,
        score: (i % 7) / 10,
      }),
    );
    const forward = cellsOf(trials);
    const backward = cellsOf([...trials].reverse());
    const left = new GridAccumulator();
    const right = new GridAccumulator();
    trials.forEach((t, i) => (i < 25 ? left : right).addTrial(t));
    left.merge(right);
    const merged = left.finish();
    for (const other of [backward, merged]) {
      expect(other.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n])).toEqual(
        forward.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n]),
      );
      other.cells.forEach((cell, i) => {
        expect(cellMean(cell)).toBeCloseTo(cellMean(forward.cells[i]!), 12);
        expect(cellPassRate(cell, 0.5)).toBe(cellPassRate(forward.cells[i]!, 0.5));
      });
    }
  });

  it('counts summaries with their given pass rate, beside known trials', () => {
    const acc = new GridAccumulator();
    acc.addSummary({
      lengthTokens: 1000,
      depthPercent: 50,
      n: 4,
      meanScore: 0.5,
      passRate: 0.25,
      source: { file: 'cells.csv' },
    });
    acc.addTrial(makeTrial({ score: 1 }));
    const cell = acc.finish().cells[0]!;
    expect(cell.n).toBe(5);
    expect(cellMean(cell)).toBeCloseTo(3 / 5, 12);
    expect(cellPassRate(cell, 0.7)).toBeCloseTo(2 / 5, 12);
  });

  it('takes the mean as the pass rate of a summary that gives none', () => {
    const acc = new GridAccumulator();
    acc.addSummary({
      lengthTokens: 1,
      depthPercent: 0,
      n: 2,
      meanScore: 0.5,
      source: { file: 'x' },
    });
    expect(cellPassRate(acc.finish().cells[0]!, 0.7)).toBe(0.5);
  });

  it('adds whole cells exactly: a grid of them finishes into the same cells', () => {
    const run = taskRun();
    const acc = new GridAccumulator();
    [...run.cells].reverse().forEach((cell) => acc.addCell(cell));
    const back = acc.finish();
    expect(back.cells).toEqual(run.cells);
    expect([back.lengths, back.depths, back.tasks]).toEqual([run.lengths, run.depths, run.tasks]);
    expect(acc.trialCount).toBe(run.trialCount);
    expect(back.details).toEqual([]);
  });

  it('merges a whole cell with trials of the same place', () => {
    const whole = cellsOf([makeTrial({ score: 0.5 }), makeTrial({ score: 1 })]).cells[0]!;
    const acc = new GridAccumulator();
    acc.addCell(whole);
    acc.addTrial(makeTrial({ score: 0.5 }));
    const other = new GridAccumulator();
    other.merge(acc);
    const cell = other.finish().cells[0]!;
    expect(cell).toMatchObject({ n: 3, scoreValues: [0.5, 1], scoreCounts: [2, 1] });
    expect(cellMean(cell)).toBeCloseTo(2 / 3, 12);
    expect(cellPassRate(cell, 0.7)).toBeCloseTo(1 / 3, 12);
  });

  it('keeps a bounded number of details per cell but counts every trial', () => {
    const { cells, details } = cellsOf(Array.from({ length: 80 }, () => makeTrial()));
    expect(cells[0]?.n).toBe(80);
    expect(details).toHaveLength(DETAILS_PER_CELL);
  });
});
