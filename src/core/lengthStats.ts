/**
 * A run's figure at each context length with its uncertainty, for the score-by-length chart:
 * trial-weighted (every trial at the length counts once), with a 95 % Wilson interval for a
 * pass rate and a 95 % t-interval for a mean score. Pre-averaged cells give no spread, so a
 * length with any of them gets no interval, and says why.
 */
import { runGrid, type GridView } from './derived';
import { gridCells } from './grid';
import { tInterval, wilsonInterval, type Interval } from './intervals';
import { cellPasses } from './metrics';
import { isAveraged } from './trialFigures';
import type { Cell, Run } from './types';

/** Why a length has no interval. */
export type NoInterval = 'averaged' | 'one-trial';

/** One length of a run: its trial-weighted figure and interval. */
export interface LengthPoint {
  lengthTokens: number;
  /** Trial-weighted mean score or pass rate, 0..1. */
  value: number;
  /** Scored trials at the length (pre-averaged cells with their n). */
  n: number;
  /** Cells with a scored trial at the length. */
  cells: number;
  /** The 95 % interval, or null (see `noInterval`). */
  interval: Interval | null;
  noInterval?: NoInterval;
}

/** The sample standard deviation of the known trials of `cells` around `mean`. */
function sampleSd(cells: readonly Cell[], mean: number, n: number): number {
  let squares = 0;
  for (const cell of cells) {
    cell.scoreValues.forEach((score, i) => {
      squares += (cell.scoreCounts[i] ?? 0) * (score - mean) ** 2;
    });
  }
  return Math.sqrt(squares / (n - 1));
}

/** The point of one length from its scored cells. */
export function lengthPoint(
  lengthTokens: number,
  cells: readonly Cell[],
  metric: GridView['metric'],
  threshold: number,
): LengthPoint {
  const n = cells.reduce((total, cell) => total + cell.n, 0);
  const averaged = cells.some((cell) => cell.summaryN > 0);
  const base = { lengthTokens, n, cells: cells.length };
  if (metric === 'passRate') {
    const passes = cells.reduce((total, cell) => total + cellPasses(cell, threshold), 0);
    const value = passes / n;
    if (averaged) return { ...base, value, interval: null, noInterval: 'averaged' };
    return { ...base, value, interval: wilsonInterval(passes, n) };
  }
  const value = cells.reduce((total, cell) => total + cell.sum, 0) / n;
  if (averaged) return { ...base, value, interval: null, noInterval: 'averaged' };
  if (n < 2) return { ...base, value, interval: null, noInterval: 'one-trial' };
  return { ...base, value, interval: tInterval(value, sampleSd(cells, value, n), n) };
}

/**
 * Each length of the cells a run's heatmap shows for `view`, ascending. A pass rate leaves out
 * cells known only as pre-averaged means: it would be the mean again (see `trialFigures.ts`).
 */
export function lengthPoints(run: Run, view: GridView): LengthPoint[] {
  const byLength = new Map<number, Cell[]>();
  for (const cell of gridCells(runGrid(run, view))) {
    if (cell.n <= 0 || (view.metric === 'passRate' && isAveraged(cell))) continue;
    const cells = byLength.get(cell.lengthTokens);
    if (cells) cells.push(cell);
    else byLength.set(cell.lengthTokens, [cell]);
  }
  return [...byLength.entries()]
    .sort(([a], [b]) => a - b)
    .map(([lengthTokens, cells]) => lengthPoint(lengthTokens, cells, view.metric, view.threshold));
}
