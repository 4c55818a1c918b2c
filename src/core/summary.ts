/**
 * The figures a run boils down to, for a table that sets runs side by side: overall mean and
 * pass rate, how far into the context the model holds up, and which depths it misses most.
 */
import { runGrid } from './derived';
import { gridCells, gridMean, type HeatmapGrid, type TaskChoice } from './grid';
import { trialFigures, type TrialFigures } from './trialFigures';
import type { Run } from './types';

/**
 * Means are compared with thresholds with this slack so that a column averaging 0.85 in
 * decimal meets 0.85 however the sum rounded (the same slack metrics.ts gives scores).
 */
const EPSILON = 1e-9;

/** One column of a grid: the mean of its cells' values. */
export interface LengthMean {
  lengthTokens: number;
  /** Mean of the values of the column's cells, each cell weighing the same. */
  mean: number;
  /** Cells with a value in the column. */
  cells: number;
}

/** A range of needle depths and the mean of the cells in it. */
export interface DepthBand {
  /** Lowest depth of the band, in percent, included. */
  fromPercent: number;
  /** Highest depth, in percent: excluded, except 100 which the last band includes. */
  toPercent: number;
  /** Mean of the values of the band's cells, each cell weighing the same. */
  mean: number;
}

/** One run's row in the summary table; the {@link TrialFigures} are set by {@link summarizeRun}. */
export interface RunSummary extends Partial<TrialFigures> {
  runId: string;
  name: string;
  /** Mean of the cells' mean scores, each cell the same weight; null without a scored cell. */
  meanScore: number | null;
  /** Mean of the cells' pass rates at the threshold, likewise; null where every cell is pre-averaged. */
  passRate: number | null;
  /** Scored trials in the shown cells. */
  trials: number;
  /** Calls that failed in the shown cells. */
  failedCalls: number;
  /** Shown cells with a scored trial. */
  cells: number;
  /** Lengths with a scored cell, ascending. */
  lengths: number[];
  /** Depths with a scored cell, ascending; empty for a length-by-task matrix. */
  depths: number[];
  /** Named tasks with a scored cell among those shown, sorted. */
  tasks: string[];
  /** Mean score per length. */
  byLength: LengthMean[];
  /** See {@link effectiveLength}. */
  effectiveLength: number | null;
  /** See {@link worstDepthBand}, on mean scores. */
  worstBand: DepthBand | null;
}

/**
 * Per column of the grid, ascending, the mean of the values its cells show (each cell the same
 * weight, so a depth tested more often does not outweigh the others). Cells without a value
 * are skipped and lengths without any are left out.
 */
export function meanByLength(grid: HeatmapGrid): LengthMean[] {
  const sums = new Map<number, { total: number; cells: number }>();
  for (const slot of grid.slots) {
    if (slot.value === null) continue;
    const sum = sums.get(slot.lengthTokens) ?? { total: 0, cells: 0 };
    sum.total += slot.value;
    sum.cells += 1;
    sums.set(slot.lengthTokens, sum);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a - b)
    .map(([lengthTokens, { total, cells }]) => ({ lengthTokens, mean: total / cells, cells }));
}

/**
 * The longest context the model can be trusted with, in the spirit of RULER's effective
 * length: the largest length L such that every length up to L averages at least the
 * threshold. The scan stops at the first length below it, so a good score at a longer length
 * after a dip does not count. Null when the shortest length is already below.
 */
export function effectiveLength(byLength: readonly LengthMean[], threshold = 0.85): number | null {
  const ascending = [...byLength].sort((a, b) => a.lengthTokens - b.lengthTokens);
  let longest: number | null = null;
  for (const { lengthTokens, mean } of ascending) {
    if (mean < threshold - EPSILON) break;
    longest = lengthTokens;
  }
  return longest;
}

/**
 * The band of needle depths where the grid's values are lowest: cells grouped into bands
 * [0, b), [b, 2b) ... with 100 in the last band, each band the mean of its cells' values (each
 * cell the same weight). The first band wins a tie. Null for a length-by-task matrix, which
 * has no depths, or a grid without values.
 */
export function worstDepthBand(grid: HeatmapGrid, bandPercent = 10): DepthBand | null {
  if (grid.rowKind !== 'depth') return null;
  const lastBand = Math.ceil(100 / bandPercent) - 1;
  const bands = new Map<number, { total: number; cells: number }>();
  for (const slot of grid.slots) {
    if (slot.value === null || typeof slot.row !== 'number') continue;
    const band = Math.min(lastBand, Math.max(0, Math.floor(slot.row / bandPercent)));
    const sum = bands.get(band) ?? { total: 0, cells: 0 };
    sum.total += slot.value;
    sum.cells += 1;
    bands.set(band, sum);
  }
  let worst: DepthBand | null = null;
  for (const [band, { total, cells }] of [...bands.entries()].sort(([a], [b]) => a - b)) {
    const mean = total / cells;
    // Slack so that two bands equal in decimal tie, and the first is kept.
    if (worst === null || mean < worst.mean - EPSILON) {
      const fromPercent = band * bandPercent;
      worst = { fromPercent, toPercent: Math.min(100, fromPercent + bandPercent), mean };
    }
  }
  return worst;
}

function distinctAscending(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * A run's row in the summary table, for the task choice the heatmaps show. Every figure is of
 * the cells the heatmap shows, so the table agrees with the panels: `meanScore` is the
 * overall figure of the mean-score heatmap, `passRate` that of the pass-rate heatmap at
 * `threshold`. Effective length and worst band come from mean scores.
 */
export function summarizeRun(
  run: Run,
  task: TaskChoice,
  threshold: number,
  effectiveThreshold = 0.85,
): RunSummary & TrialFigures {
  const means = runGrid(run, { task, metric: 'mean', threshold });
  const passRates = runGrid(run, { task, metric: 'passRate', threshold });
  const shown = gridCells(means);
  const scored = shown.filter((cell) => cell.n > 0);
  const byLength = meanByLength(means);
  // The grid merges tasks into one cell per (length, depth); the run's own cells still name them.
  const tasks = run.cells
    .filter(
      (cell) =>
        cell.n > 0 &&
        cell.task !== '' &&
        (task === null || cell.task === task) &&
        (means.rowKind === 'task' || cell.depthPercent !== null),
    )
    .map((cell) => cell.task);
  const figures = trialFigures(shown, threshold);
  return {
    ...figures,
    runId: run.id,
    name: run.name,
    meanScore: scored.length > 0 ? gridMean(means) : null,
    passRate: figures.passRateApplies ? gridMean(passRates) : null,
    trials: shown.reduce((total, cell) => total + cell.n, 0),
    failedCalls: shown.reduce((total, cell) => total + cell.failedCalls, 0),
    cells: scored.length,
    lengths: distinctAscending(scored.map((cell) => cell.lengthTokens)),
    depths: distinctAscending(scored.flatMap((cell) => cell.depthPercent ?? [])),
    tasks: [...new Set(tasks)].sort((a, b) => a.localeCompare(b)),
    byLength,
    effectiveLength: effectiveLength(byLength, effectiveThreshold),
    worstBand: worstDepthBand(means),
  };
}
