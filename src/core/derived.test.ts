import { describe, expect, it } from 'vitest';
import { alignedGrid, runDiff, runGrid, sharedAxes } from './derived';
import { diffGrids } from './diff';
import { heatmapGrid } from './grid';
import { hayRun, shortRun } from './testing/summaryRuns';

const run = { ...hayRun(), id: 'a' };
const other = { ...shortRun(), id: 'b' };
const passes = { task: null, metric: 'passRate' as const, threshold: 0.7 };

describe('derived grids', () => {
  it('are the grids the core computes, computed once per run and view', () => {
    const grid = runGrid(run, passes);
    expect(grid).toEqual(heatmapGrid(run, null, 'passRate', 0.7));
    expect(runGrid(run, { ...passes })).toBe(grid);
    expect(runGrid(run, { ...passes, threshold: 0.8 })).not.toBe(grid);
    expect(runGrid({ ...run }, passes)).not.toBe(grid);
  });

  it('share one mean-score grid across pass thresholds', () => {
    const mean = { task: null, metric: 'mean' as const, threshold: 0.7 };
    expect(runGrid(run, { ...mean, threshold: 0.2 })).toBe(runGrid(run, mean));
  });

  it('align runs on the union of their axes', () => {
    const axes = sharedAxes([run, other], passes);
    expect(axes?.lengths).toEqual([1000, 2000, 4000, 8000, 16000]);
    const aligned = alignedGrid(run, passes, axes);
    expect(aligned).toEqual(heatmapGrid(run, null, 'passRate', 0.7, axes));
    expect(alignedGrid(run, passes, axes)).toBe(aligned);
    expect(alignedGrid(run, passes, null)).toBe(runGrid(run, passes));
  });

  it('compute a difference once per pair and view', () => {
    const diff = runDiff(run, other, passes);
    expect(diff).toEqual(diffGrids(runGrid(run, passes), runGrid(other, passes), 0.7, 'passRate'));
    expect(runDiff(run, other, { ...passes })).toBe(diff);
    expect(runDiff(other, run, passes)).not.toBe(diff);
  });
});
