import { alignedGrid, runDiff } from '../core/derived';
import type { DiffGrid } from '../core/diff';
import { gridCells, gridMean, type GridAxes, type HeatmapGrid } from '../core/grid';
import { FIGURE_LABELS, trialFigures } from '../core/trialFigures';
import { METRIC_LABELS } from '../core/metrics';
import type { LengthUnit, Metric, Run } from '../core/types';
import { lengthAxisTitle, lengthUnitOf } from '../core/units';
import { percent } from './format';
import { differenceKey, differenceText } from './diverging';
import type { PlotCell } from './plotCell';
import { cellPlace, points } from './labels';
import type { LegendSpec, LegendTick } from './Legend';
import { PALETTES, type PaletteId } from './palettes';
import { grouped } from '../core/numberText';

/** The view settings a panel is drawn with. */
export interface PanelView {
  metric: Metric;
  threshold: number;
  palette: PaletteId;
  task: string | null;
}

/** What a panel draws, on screen and in exports alike. */
export interface PanelModel {
  title: string;
  /** e.g. "Mean score 87.3% · 225 cells · 330 trials" */
  subtitle: string;
  axes: GridAxes;
  /** The run's names for bucket lengths, shown on the length axis. */
  lengthLabels?: Record<number, string>;
  cells: PlotCell[];
  colour: (value: number) => string;
  legend: LegendSpec;
  ariaLabel: string;
  /** The length axis title, where the lengths are not tokens ("Number of frames"). */
  lengthTitle?: string;
  /** Column labels, where they are not the lengths themselves (bins: their range). */
  lengthLabel?: (lengthTokens: number) => string;
  /** Row labels, where they are not the depths or tasks themselves (bins: their range). */
  rowLabel?: (row: number | string) => string;
}

/** The name of the metric as a legend and axis say it. */
export function metricTitle(metric: Metric, threshold: number): string {
  return metric === 'mean'
    ? METRIC_LABELS.mean
    : `${METRIC_LABELS.passRate} (score ≥ ${threshold.toFixed(2)})`;
}

/** A run's panel: its grid for the view, cells with labels, its legend and caption. */
export function runPanel(
  run: Run,
  view: PanelView,
  axes: GridAxes | null = null,
): PanelModel & { grid: HeatmapGrid } {
  return panelOfGrid(run, alignedGrid(run, view, axes), view);
}

/**
 * The panel of a grid already computed for the view's task, metric and threshold: the screen
 * keeps the grid when only the palette changes.
 */
export function panelOfGrid(
  run: Run,
  grid: HeatmapGrid,
  view: PanelView,
): PanelModel & { grid: HeatmapGrid } {
  const name = view.metric === 'mean' ? 'mean score' : 'pass rate';
  const interpolate = PALETTES[view.palette].interpolate;
  const scored = grid.slots.filter((slot) => slot.value !== null).length;
  const tasks =
    run.tasks.length > 0
      ? ` in ${run.tasks.length} ${run.tasks.length === 1 ? 'task' : 'tasks'}`
      : '';
  const title = metricTitle(view.metric, view.threshold);
  return {
    grid,
    title: run.name,
    subtitle: runSubtitle(run, grid, view, scored, tasks),
    axes: grid,
    ...(run.lengthLabels ? { lengthLabels: run.lengthLabels } : {}),
    lengthTitle: lengthAxisTitle(run),
    cells: runCells(grid, name, lengthUnitOf(run)),
    colour: interpolate,
    legend: { title, interpolate, ticks: PERCENT_TICKS },
    ariaLabel: `${title} of ${run.name} by context length and ${grid.rowKind === 'depth' ? 'needle depth' : 'task'}`,
  };
}

/**
 * What a run's numbers stand on, labelled: the mean of cells (as published figures average),
 * the mean of trials, and a pass rate only where trials are known.
 */
function runSubtitle(
  run: Run,
  grid: HeatmapGrid,
  view: PanelView,
  scored: number,
  tasks: string,
): string {
  const figures = trialFigures(gridCells(grid), view.threshold);
  const head =
    view.metric === 'mean'
      ? `${FIGURE_LABELS.meanOfCells} ${percent(gridMean(grid))} · ${FIGURE_LABELS.meanOfTrials.toLowerCase()} ${figures.meanOfTrials === null ? '—' : percent(figures.meanOfTrials)}`
      : figures.passRateApplies
        ? `Pass rate ${percent(gridMean(grid))} (mean of cells)`
        : `Pass rate ${FIGURE_LABELS.notApplicable}`;
  const averaged =
    figures.averagedCells > 0 ? ` (${grouped(figures.averagedCells)} pre-averaged)` : '';
  const frames = lengthUnitOf(run) === 'frames' ? ' · lengths in frames' : '';
  return `${head} · ${grouped(scored)} cells${averaged}${tasks} · ${grouped(run.trialCount)} trials${frames}`;
}

/**
 * Cells with their labels per grid: grids are shared (core/derived.ts), so a palette change,
 * which keeps the grid, rebuilds no labels.
 */
const cellsOfGrid = new WeakMap<HeatmapGrid, PlotCell[]>();

/** A grid's cells as a plot draws them, with what each says to a screen reader. */
function runCells(grid: HeatmapGrid, metricName: string, unit: LengthUnit): PlotCell[] {
  const known = cellsOfGrid.get(grid);
  if (known) return known;
  const cells = grid.slots.map((slot) => ({
    lengthTokens: slot.lengthTokens,
    row: slot.row,
    value: slot.value,
    n: slot.cell?.n ?? 0,
    failed: slot.cell?.failedCalls,
    valueText: slot.value === null ? undefined : `${Math.round(slot.value * 100)}%`,
    label:
      slot.value === null
        ? `${cellPlace(slot.lengthTokens, slot.row, unit)}: no data`
        : `${cellPlace(slot.lengthTokens, slot.row, unit)}: ${metricName} ${percent(slot.value)}, ${slot.cell?.n ?? 0} trials`,
  }));
  cellsOfGrid.set(grid, cells);
  return cells;
}

/** Ticks of a 0..100% legend. */
export const PERCENT_TICKS: LegendTick[] = [0, 0.25, 0.5, 0.75, 1].map((at) => ({
  at,
  label: `${Math.round(at * 100)}%`,
}));

/** A difference grid's cells, kept per grid (as `runCells`), so a palette change keeps them. */
const cellsOfDiff = new WeakMap<DiffGrid, PlotCell[]>();

function diffCells(diff: DiffGrid): PlotCell[] {
  const known = cellsOfDiff.get(diff);
  if (known) return known;
  const cells = diff.slots.map((slot) => ({
    lengthTokens: slot.lengthTokens,
    row: slot.row,
    value: slot.value,
    n: (slot.a?.n ?? 0) + (slot.b?.n ?? 0),
    significant: slot.significant,
    valueText: differenceText(slot.value),
    label:
      slot.value === null
        ? `${cellPlace(slot.lengthTokens, slot.row)}: not in both runs`
        : `${cellPlace(slot.lengthTokens, slot.row)}: difference ${points(slot.value)}${slot.significant ? ', beyond chance' : ''}`,
  }));
  cellsOfDiff.set(diff, cells);
  return cells;
}

/** The difference panel, A minus B, on the cells both runs have. */
export function diffPanel(a: Run, b: Run, view: PanelView): PanelModel & { diff: DiffGrid } {
  const diff = runDiff(a, b, view);
  const name = METRIC_LABELS[view.metric].toLowerCase();
  return {
    diff,
    title: `Difference: ${a.name} − ${b.name}`,
    subtitle: `${grouped(diff.compared)} cells compared (in both runs) · ${name} in points`,
    axes: diff,
    cells: diffCells(diff),
    ...differenceKey(a.name, b.name),
    ariaLabel: `Difference in ${name}, ${a.name} minus ${b.name}`,
  };
}

/** How the difference view decides "beyond chance", for captions and footnotes. */
export function significanceNote(threshold: number): string {
  return `● differs beyond chance: Fisher's exact test on pass counts at ≥ ${threshold.toFixed(2)} (z-test above 2,000 trials), Benjamini-Hochberg false-discovery rate 5 % across the grid; only cells with per-trial results in both runs are tested`;
}

/** Chooses A and B among the shown runs: the user's picks, else the first two loaded. */
export function pickPair(
  runs: readonly Run[],
  a: string | null,
  b: string | null,
): [Run, Run] | null {
  const runA = runs.find((r) => r.id === a) ?? runs[0];
  const runB =
    runs.find((r) => r.id === b && r.id !== runA?.id) ?? runs.find((r) => r.id !== runA?.id);
  return runA && runB ? [runA, runB] : null;
}
