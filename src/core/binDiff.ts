/**
 * The difference of two runs on shared bins, and the choice between it and the exact,
 * cell-by-cell difference: bins when the runs' sweeps share too few cells to compare.
 */
import {
  binRun,
  formatEdges,
  sharedBinAxes,
  type Bin,
  type BinAxes,
  type BinnedCell,
  type BinOptions,
} from './bins';
import { heatmapGrid } from './grid';
import { DEFAULT_FDR, testGrid, type CellTest, type GridSignificance } from './significance';
import type { Metric, Run } from './types';
import { lengthUnitOf, sharedLengthUnit } from './units';
import { grouped } from './numberText';

/** One bin of the difference. */
export interface BinnedDiffSlot {
  length: Bin;
  depth: Bin;
  a: BinnedCell;
  b: BinnedCell;
  /** A's binned value minus B's, -1..1; null unless both have a scored trial in the bin. */
  value: number | null;
  /** The test of A's pooled pass count against B's; null where the bin is not compared. */
  test: CellTest | null;
}

/** A bin left out of the difference, and which side had nothing in it. */
export interface NotCompared {
  length: Bin;
  depth: Bin;
  missing: 'a' | 'b' | 'both';
}

/** Two runs' difference on shared bins. */
export interface BinnedDiff {
  axes: BinAxes;
  /** Row by row (depth band), each row in length order. */
  slots: BinnedDiffSlot[];
  /** Bins with a value in both runs. */
  compared: number;
  notCompared: NotCompared[];
  significance: GridSignificance;
  /** Pre-averaged cells pooled into the bins, per run: say so beside the view when not 0. */
  averagedCells: { a: number; b: number };
}

/**
 * A's runs minus B's on the bins they share (see {@link sharedBinAxes}, or the `axes` given):
 * per bin, the difference of the two trial-weighted means (or pass rates at `threshold`).
 * Bins where either run has no scored trial are listed as not compared. Null when the runs
 * share no range of lengths with depths.
 */
export function diffOnBins(
  a: Run,
  b: Run,
  metric: Metric,
  threshold: number,
  options: BinOptions & { axes?: BinAxes; fdr?: number } = {},
): BinnedDiff | null {
  const axes = options.axes ?? sharedBinAxes([a, b], options);
  if (!axes) return null;
  const task = options.task ?? null;
  const gridA = binRun(a, axes, metric, threshold, task);
  const gridB = binRun(b, axes, metric, threshold, task);
  const significance = testGrid(
    gridA.slots.map((slot, i) => ({ a: slot.cell, b: gridB.slots[i]?.cell ?? null })),
    threshold,
    options.fdr ?? DEFAULT_FDR,
    'bins',
  );
  const slots: BinnedDiffSlot[] = [];
  const notCompared: NotCompared[] = [];
  gridA.slots.forEach((slotA, i) => {
    const slotB = gridB.slots[i];
    if (!slotB) return;
    const value = slotA.value !== null && slotB.value !== null ? slotA.value - slotB.value : null;
    if (value === null) {
      const missing =
        slotA.value === null && slotB.value === null ? 'both' : slotA.value === null ? 'a' : 'b';
      notCompared.push({ length: slotA.length, depth: slotA.depth, missing });
    }
    slots.push({
      length: slotA.length,
      depth: slotA.depth,
      a: slotA,
      b: slotB,
      value,
      test: significance.tests[i] ?? null,
    });
  });
  return {
    axes,
    slots,
    compared: slots.length - notCompared.length,
    notCompared,
    significance,
    averagedCells: { a: gridA.averagedCells, b: gridB.averagedCells },
  };
}

/** Whether to compare cell by cell or on bins, and why, in a sentence for the view. */
export interface ComparisonChoice {
  mode: 'exact' | 'bins';
  /** Positions (length, row) where both runs have a scored cell. */
  matched: number;
  /** Scored cells of the run with fewer of them. */
  smallerCells: number;
  reason: string;
}

function binsPhrase(axes: BinAxes): string {
  const [from, to] = formatEdges([axes.lengths[0]?.from ?? 0, axes.lengths.at(-1)?.to ?? 0]);
  const range = ` over ${from ?? ''}–${to ?? ''}`;
  const lengths = `${axes.lengths.length} length bin${axes.lengths.length === 1 ? '' : 's'}`;
  const spacing = axes.scale === 'log' ? ', log-spaced' : '';
  return `${lengths}${spacing}${range} × ${axes.depths.length} depth bands`;
}

/**
 * Exact cells when at least half of the smaller run's scored cells sit where the other run
 * has a scored cell too (same length and row, for the task choice); bins otherwise. Bins
 * need a shared range: without one the choice stays exact and the reason says why.
 */
export function chooseComparison(
  a: Run,
  b: Run,
  options: BinOptions = {},
  threshold = 0.7,
): ComparisonChoice {
  const task = options.task ?? null;
  if (sharedLengthUnit([a, b]) === null) {
    const units = `${lengthUnitOf(a)} and ${lengthUnitOf(b)}`;
    return {
      mode: 'exact',
      matched: 0,
      smallerCells: 0,
      reason: `${a.name} and ${b.name} count length in different units (${units}): they cannot be compared.`,
    };
  }
  const scored = (run: Run) =>
    heatmapGrid(run, task, 'mean', threshold).slots.filter((s) => s.value !== null);
  const slotsA = scored(a);
  const slotsB = scored(b);
  const keysB = new Set(slotsB.map((s) => `${s.row}\u0000${s.lengthTokens}`));
  const matched = slotsA.filter((s) => keysB.has(`${s.row}\u0000${s.lengthTokens}`)).length;
  const [smaller, smallerRun] =
    slotsA.length <= slotsB.length ? [slotsA.length, a] : [slotsB.length, b];
  const cellsOf = `${grouped(matched)} of the ${grouped(smaller)} cells of ${smallerRun.name}`;
  if (smaller > 0 && matched * 2 >= smaller) {
    return {
      mode: 'exact',
      matched,
      smallerCells: smaller,
      reason: `${cellsOf} match the other run's exactly: compared cell by cell.`,
    };
  }
  const axes = sharedBinAxes([a, b], options);
  if (!axes) {
    return {
      mode: 'exact',
      matched,
      smallerCells: smaller,
      reason: `Only ${cellsOf} match the other run's exactly, and the runs share no range of lengths with depths to bin.`,
    };
  }
  return {
    mode: 'bins',
    matched,
    smallerCells: smaller,
    reason: `Only ${cellsOf} match the other run's exactly (fewer than half): compared on shared bins, ${binsPhrase(axes)}.`,
  };
}
