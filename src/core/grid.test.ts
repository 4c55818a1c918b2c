import { describe, expect, it } from 'vitest';
import { GridAccumulator } from './aggregate';
import { makeTrial } from './testing/factories';
import type { Run, Trial } from './types';
import { gridMean, heatmapGrid, unionAxes } from './grid';

function runOf(trials: Trial[], failed: Trial[] = []): Run {
  const acc = new GridAccumulator();
  trials.forEach((t) => acc.addTrial(t));
  failed.forEach((t) => acc.addFailedCall(t));
  return {
    ...acc.finish(),
    id: 'r',
    name: 'run',
    formats: [],
    files: [],
    trialCount: trials.length,
    warnings: [],
  };
}

describe('heatmapGrid', () => {
  const trials = [
    makeTrial({ task: 'single', lengthTokens: 1000, depthPercent: 0, score: 1 }),
    makeTrial({ task: 'multi', lengthTokens: 1000, depthPercent: 0, score: 0 }),
    makeTrial({ task: 'multi', lengthTokens: 2000, depthPercent: 50, score: 1 }),
  ];

  it('rows are depths and columns lengths, with gaps where a pair was not tested', () => {
    const grid = heatmapGrid(runOf(trials), null, 'mean', 0.7);
    expect(grid.rowKind).toBe('depth');
    expect(grid.rows).toEqual([0, 50]);
    expect(grid.lengths).toEqual([1000, 2000]);
    expect(grid.slots.map((s) => [s.row, s.lengthTokens, s.value])).toEqual([
      [0, 1000, 0.5],
      [0, 2000, null],
      [50, 1000, null],
      [50, 2000, 1],
    ]);
  });

  it('shows one task when one is chosen', () => {
    const grid = heatmapGrid(runOf(trials), 'multi', 'mean', 0.7);
    expect(
      grid.slots.filter((s) => s.value !== null).map((s) => [s.row, s.lengthTokens, s.value]),
    ).toEqual([
      [0, 1000, 0],
      [50, 2000, 1],
    ]);
    expect(grid.leftOut).toBe(1);
  });

  it('makes a length-by-task matrix of results without depth', () => {
    const run = runOf([
      makeTrial({ task: 'niah_single_1', lengthTokens: 4096, depthPercent: null, score: 1 }),
      makeTrial({ task: 'niah_single_1', lengthTokens: 8192, depthPercent: null, score: 0.5 }),
      makeTrial({ task: 'vt', lengthTokens: 4096, depthPercent: null, score: 0 }),
    ]);
    const grid = heatmapGrid(run, null, 'mean', 0.7);
    expect(grid.rowKind).toBe('task');
    expect(grid.rows).toEqual(['niah_single_1', 'vt']);
    expect(grid.slots.map((s) => s.value)).toEqual([1, 0.5, 0, null]);
  });

  it('orders task rows naturally: qa1, qa2, … qa10', () => {
    const tasks = ['qa10', 'qa2', 'qa1', 'qa3'];
    const run = runOf(
      tasks.map((task) => makeTrial({ task, lengthTokens: 4096, depthPercent: null, score: 1 })),
    );
    expect(heatmapGrid(run, null, 'mean', 0.7).rows).toEqual(['qa1', 'qa2', 'qa3', 'qa10']);
  });

  it('draws a cell with only failed calls as no data, never as a zero', () => {
    const run = runOf([makeTrial({ lengthTokens: 1000 })], [makeTrial({ lengthTokens: 2000 })]);
    const grid = heatmapGrid(run, null, 'mean', 0.7);
    expect(grid.slots.map((s) => [s.lengthTokens, s.value, s.cell?.failedCalls])).toEqual([
      [1000, 1, 0],
      [2000, null, 1],
    ]);
    expect(gridMean(grid)).toBe(1);
  });
});

describe('gridMean', () => {
  it('weighs each cell the same', () => {
    const run = runOf([
      makeTrial({ lengthTokens: 1000, score: 1 }),
      makeTrial({ lengthTokens: 2000, score: 0 }),
      makeTrial({ lengthTokens: 2000, score: 0 }),
      makeTrial({ lengthTokens: 2000, score: 0 }),
    ]);
    expect(gridMean(heatmapGrid(run, null, 'mean', 0.7))).toBe(0.5);
  });
});

describe('unionAxes', () => {
  it('aligns two runs on the union of their lengths and depths, gaps as no data', () => {
    const a = runOf([makeTrial({ lengthTokens: 1000, depthPercent: 0 })]);
    const b = runOf([makeTrial({ lengthTokens: 2000, depthPercent: 50, score: 0 })]);
    const axes = unionAxes([heatmapGrid(a, null, 'mean', 0.7), heatmapGrid(b, null, 'mean', 0.7)]);
    expect(axes).toEqual({ rowKind: 'depth', lengths: [1000, 2000], rows: [0, 50] });
    const aligned = heatmapGrid(b, null, 'mean', 0.7, axes);
    expect(aligned.slots.map((s) => s.value)).toEqual([null, null, null, 0]);
  });

  it('does not mix depth grids with task matrices', () => {
    const depth = runOf([makeTrial()]);
    const tasks = runOf([makeTrial({ depthPercent: null, task: 'vt' })]);
    expect(
      unionAxes([heatmapGrid(depth, null, 'mean', 0.7), heatmapGrid(tasks, null, 'mean', 0.7)]),
    ).toBeNull();
  });
});
