import type { Cell, Metric } from './types';

/** The default pass threshold on normalised scores: a 7 of 10 passes, a 5 does not. */
export const DEFAULT_THRESHOLD = 0.7;

/** Normalised scores are compared with this slack so that 7/10 passes at 0.7 however computed. */
const EPSILON = 1e-9;

/** Mean normalised score of a cell's trials. */
export function cellMean(cell: Cell): number {
  return cell.sum / cell.n;
}

/** Number of trials scoring at or above the threshold (summaries count as they were given). */
export function cellPasses(cell: Cell, threshold: number): number {
  let passes = cell.summaryPasses;
  for (let i = 0; i < cell.scoreValues.length; i += 1) {
    if ((cell.scoreValues[i] ?? 0) >= threshold - EPSILON) passes += cell.scoreCounts[i] ?? 0;
  }
  return passes;
}

/** Share of a cell's trials that pass at the threshold. */
export function cellPassRate(cell: Cell, threshold: number): number {
  return cellPasses(cell, threshold) / cell.n;
}

/** The value a cell shows for a metric. */
export function cellValue(cell: Cell, metric: Metric, threshold: number): number {
  return metric === 'mean' ? cellMean(cell) : cellPassRate(cell, threshold);
}

/** Display names of the metrics, in the user's words. */
export const METRIC_LABELS: Record<Metric, string> = {
  mean: 'Mean score',
  passRate: 'Pass rate',
};
