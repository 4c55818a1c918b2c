/**
 * Grids derived from runs, computed once per (run, task, metric, threshold) and shared by every
 * consumer: the panels on screen, the summary, the difference view and exported figures. Runs
 * are never changed in place (an edit makes a new object), so a run's identity is its content.
 */
import { diffGrids, type DiffGrid } from './diff';
import { heatmapGrid, unionAxes, type GridAxes, type HeatmapGrid, type TaskChoice } from './grid';
import type { Metric, Run } from './types';

/** What a grid of a run is computed for. */
export interface GridView {
  task: TaskChoice;
  metric: Metric;
  /** Pass threshold, 0..1. */
  threshold: number;
}

/** Results kept per object: enough for the thresholds a user types through, bounded. */
const KEPT_PER_OBJECT = 12;

/**
 * Results per object (held weakly: a run removed takes its grids with it) and per key, the
 * oldest key dropped past {@link KEPT_PER_OBJECT}.
 */
function memo<O extends object, V>() {
  const byObject = new WeakMap<O, Map<string, V>>();
  return (object: O, key: string, compute: () => V): V => {
    let results = byObject.get(object);
    if (!results) byObject.set(object, (results = new Map<string, V>()));
    const known = results.get(key);
    if (known !== undefined) return known;
    const value = compute();
    results.set(key, value);
    if (results.size > KEPT_PER_OBJECT) {
      const [oldest] = results.keys();
      if (oldest !== undefined) results.delete(oldest);
    }
    return value;
  };
}

/** The key of a grid; a mean-score grid is the same at every pass threshold. */
function gridKey({ task, metric, threshold }: GridView): string {
  return JSON.stringify([task, metric, metric === 'mean' ? null : threshold]);
}

const grids = memo<Run, HeatmapGrid>();
const alignedGrids = memo<GridAxes, WeakMap<Run, HeatmapGrid>>();
const axesOfRuns = memo<readonly Run[], GridAxes | null>();
const diffsOfA = memo<Run, WeakMap<Run, DiffGrid>>();

/** A run's heatmap grid for the view, on its own lengths and rows. */
export function runGrid(run: Run, view: GridView): HeatmapGrid {
  return grids(run, gridKey(view), () => heatmapGrid(run, view.task, view.metric, view.threshold));
}

/** A run's grid on shared `axes` (to align panels), or on its own when `axes` is null. */
export function alignedGrid(run: Run, view: GridView, axes: GridAxes | null): HeatmapGrid {
  if (axes === null) return runGrid(run, view);
  const byRun = alignedGrids(axes, gridKey(view), () => new WeakMap());
  let grid = byRun.get(run);
  if (!grid)
    byRun.set(run, (grid = heatmapGrid(run, view.task, view.metric, view.threshold, axes)));
  return grid;
}

/** The union of the runs' lengths and rows, or null when they mix depths and tasks. */
export function sharedAxes(runs: readonly Run[], view: GridView): GridAxes | null {
  return axesOfRuns(runs, gridKey(view), () => unionAxes(runs.map((run) => runGrid(run, view))));
}

/** A's grid minus B's for the view (significance always tests pass counts at the threshold). */
export function runDiff(a: Run, b: Run, view: GridView): DiffGrid {
  const key = JSON.stringify([view.task, view.metric, view.threshold]);
  const byB = diffsOfA(a, key, () => new WeakMap());
  let diff = byB.get(b);
  if (!diff) {
    diff = diffGrids(runGrid(a, view), runGrid(b, view), view.threshold, view.metric);
    byB.set(b, diff);
  }
  return diff;
}
