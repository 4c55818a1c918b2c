/**
 * Panels on shared bins: runs whose sweeps differ drawn on the same length bins and depth
 * bands, and their difference. Bins are labelled by their range ("9.1K–17.3K", "40–50%"), and
 * each cell carries the bin's edges so a reader (or a test) knows exactly what it pools.
 */
import type { Bin, BinAxes, BinnedGrid, BinOptions, BinScale } from '../core/bins';
import { sharedBinAxes } from '../core/bins';
import type { BinnedDiff } from '../core/binDiff';
import { runGrid } from '../core/derived';
import type { GridAxes, HeatmapGrid } from '../core/grid';
import { METRIC_LABELS } from '../core/metrics';
import type { Run } from '../core/types';
import { LENGTH_UNITS, lengthUnitOf } from '../core/units';
import { percent } from './format';
import { differenceKey, differenceText } from './diverging';
import { panelOfGrid } from './panels';
import type { PanelModel, PanelView } from './panels';
import { grouped } from '../core/numberText';

/** The user's choice of bins, as the view holds it. */
export interface BinChoice {
  binCount: number | null;
  binScale: 'auto' | BinScale;
  depthBand: number;
}

/** The core's bin options for a view's choice and task. */
export function binOptionsOf(choice: BinChoice, task: string | null): BinOptions {
  return {
    ...(choice.binCount === null ? {} : { lengthBins: choice.binCount }),
    ...(choice.binScale === 'auto' ? {} : { scale: choice.binScale }),
    depthBandPercent: choice.depthBand,
    task,
  };
}

/** Below this share of the union's cells, a run's panel on the union is mostly holes. */
const SPARSE_FILL = 0.25;

/**
 * The bins "Align axes" draws runs on, or null to align them on the union of their lengths
 * and rows: bins when a run would fill less than a quarter of the union (a 15 x 15 sweep
 * beside a 35 x 35 one fills a tenth: barcode stripes), or when there is no union.
 */
export function alignmentBins(
  runs: readonly Run[],
  union: GridAxes | null,
  view: PanelView,
  options: BinOptions,
): BinAxes | null {
  if (runs.length < 2) return null;
  if (union) {
    const size = union.lengths.length * union.rows.length;
    const sparsest = Math.min(
      ...runs.map((run) => runGrid(run, view).slots.filter((s) => s.cell).length),
    );
    if (sparsest >= SPARSE_FILL * size) return null;
  }
  return sharedBinAxes(runs, options);
}

/** Where a bin sits, in words: "9.1K–17.3K tokens · depth 40–50%". */
export function binPlace(slot: { length: Bin; depth: Bin }, noun = 'tokens'): string {
  return `${slot.length.label} ${noun} · depth ${slot.depth.label}`;
}

/** A label per bin start: the plot keys columns and rows by each bin's lower edge. */
function labelsByStart(bins: readonly Bin[]): (value: number | string) => string {
  const labels = new Map(bins.map((bin) => [bin.from, bin.label]));
  return (value) => (typeof value === 'number' ? (labels.get(value) ?? String(value)) : value);
}

/** Axis labels and edges of bin axes, for a panel. */
function binLabels(axes: BinAxes) {
  return {
    lengthLabel: labelsByStart(axes.lengths),
    rowLabel: labelsByStart(axes.depths),
  };
}

/** A binned run as a heatmap grid: columns and rows keyed by the bins' lower edges. */
export function gridOfBins(binned: BinnedGrid): HeatmapGrid {
  return {
    rowKind: 'depth',
    lengths: binned.axes.lengths.map((b) => b.from),
    rows: binned.axes.depths.map((b) => b.from),
    slots: binned.slots.map((slot) => ({
      lengthTokens: slot.length.from,
      row: slot.depth.from,
      cell: slot.cell,
      value: slot.value,
    })),
    // Cells outside the shared range are told apart in the subtitle, not as cells without depth.
    leftOut: binned.noDepth,
  };
}

/** A run's panel on shared bins. */
export function binnedRunPanel(
  run: Run,
  binned: BinnedGrid,
  view: PanelView,
): PanelModel & { grid: HeatmapGrid; binned: BinnedGrid } {
  const grid = gridOfBins(binned);
  const base = panelOfGrid(run, grid, view);
  const name = view.metric === 'mean' ? 'mean score' : 'pass rate';
  const withValue = binned.slots.filter((s) => s.value !== null).length;
  const trials = binned.slots.reduce((total, s) => total + s.n, 0);
  const noun = LENGTH_UNITS[lengthUnitOf(run)].noun;
  const outside =
    binned.outsideRange > 0
      ? ` · ${grouped(binned.outsideRange)} cells outside the shared range left out`
      : '';
  return {
    ...base,
    binned,
    subtitle: `On shared bins: ${grouped(withValue)} of ${grouped(binned.slots.length)} bins with trials · ${grouped(trials)} trials${outside}`,
    ...binLabels(binned.axes),
    cells: binned.slots.map((slot) => ({
      lengthTokens: slot.length.from,
      lengthTo: slot.length.to,
      row: slot.depth.from,
      depthTo: slot.depth.to,
      value: slot.value,
      n: slot.n,
      valueText: slot.value === null ? undefined : `${Math.round(slot.value * 100)}%`,
      label:
        slot.value === null
          ? `${binPlace(slot, noun)}: no data`
          : `${binPlace(slot, noun)}: ${name} ${percent(slot.value)}, ${slot.n} trials`,
    })),
  };
}

/** The difference panel on shared bins, A minus B. */
export function binnedDiffPanel(
  a: Run,
  b: Run,
  diff: BinnedDiff,
  view: PanelView,
): PanelModel & { binnedDiff: BinnedDiff } {
  const name = METRIC_LABELS[view.metric].toLowerCase();
  const grid: GridAxes = {
    rowKind: 'depth',
    lengths: diff.axes.lengths.map((bin) => bin.from),
    rows: diff.axes.depths.map((bin) => bin.from),
  };
  return {
    binnedDiff: diff,
    title: `Difference: ${a.name} − ${b.name}`,
    subtitle: `${grouped(diff.compared)} bins compared (trials of both runs in the bin) · ${name} in points, trial-weighted`,
    axes: grid,
    ...binLabels(diff.axes),
    cells: diff.slots.map((slot) => {
      const significant = slot.test?.testable === true && slot.test.significant;
      return {
        lengthTokens: slot.length.from,
        lengthTo: slot.length.to,
        row: slot.depth.from,
        depthTo: slot.depth.to,
        value: slot.value,
        n: slot.a.n + slot.b.n,
        significant,
        valueText: differenceText(slot.value),
        label:
          slot.value === null
            ? `${binPlace(slot)}: not in both runs`
            : `${binPlace(slot)}: difference ${Math.round(slot.value * 1000) / 10} points${significant ? ', beyond chance' : ''}`,
      };
    }),
    ...differenceKey(a.name, b.name),
    ariaLabel: `Difference in ${name} on shared bins, ${a.name} minus ${b.name}`,
  };
}
