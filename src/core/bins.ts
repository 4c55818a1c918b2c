/**
 * Shared bins for runs whose sweeps differ: length bins over the range every run covers and
 * bands of needle depth, so that two labs' runs (35 x 35 sigmoid depths against 15 x 15) can be
 * set side by side. A binned cell pools every trial of a run that falls in the bin.
 */
import { mergeCells } from './cells';
import type { TaskChoice } from './grid';
import { cellValue } from './metrics';
import type { Cell, Metric, Run } from './types';
import { sharedLengthUnit } from './units';

/** How length bins are spaced: evenly, or evenly in log (for doubling sweeps 4K, 8K ...). */
export type BinScale = 'linear' | 'log';

/** How to bin; every field has a default. */
export interface BinOptions {
  /** Number of length bins; default: the most for which every bin holds a length of every run. */
  lengthBins?: number;
  /** Spacing of the length bins; default: log when every run's sweep is geometric. */
  scale?: BinScale;
  /** Width of a depth band in percentage points; default 10 (ten bands). */
  depthBandPercent?: number;
  /** Which task's cells to bin; default all of them together. */
  task?: TaskChoice;
}

/** One bin of an axis: [from, to), or [from, to] for the last one. */
export interface Bin {
  from: number;
  to: number;
  /** Whether `to` is inside the bin (the last bin of an axis). */
  closed: boolean;
  /** The range as shown, e.g. "16K–32K" or "40–50%"; never the same for two bins of an axis. */
  label: string;
}

/** The bins several runs share. */
export interface BinAxes {
  scale: BinScale;
  /** Length bins, ascending, from the largest of the runs' shortest lengths to the smallest of their longest. */
  lengths: Bin[];
  /** Depth bands, ascending, 0 = top of the document. */
  depths: Bin[];
}

/** One bin of one run. */
export interface BinnedCell {
  length: Bin;
  depth: Bin;
  /**
   * Every cell of the run in the bin merged into one (counts, sums and score distributions
   * add), so metrics and tests read it as any cell; null where the run has no cell here.
   */
  cell: Cell | null;
  /** Trial-weighted mean (or pass rate) of the bin's trials, 0..1; null without a scored trial. */
  value: number | null;
  /** Scored trials in the bin, pre-averaged cells counting with their n. */
  n: number;
  /** The run's cells pooled into the bin. */
  cells: number;
  /** Of them, cells known only through pre-averaged summaries. */
  averagedCells: number;
}

/** A run drawn on shared bins. */
export interface BinnedGrid {
  axes: BinAxes;
  /** Row by row (depth band), each row in length order. */
  slots: BinnedCell[];
  /** Scored cells outside the shared length range, left out. */
  outsideRange: number;
  /** Cells without a depth (they cannot go in a depth band), left out. */
  noDepth: number;
  /** Pre-averaged cells in the bins: each counted with its n, or as one trial where its file gives none. */
  averagedCells: number;
}

/** Default width of a depth band, in percentage points. */
export const DEFAULT_DEPTH_BAND = 10;

const ascending = (a: number, b: number) => a - b;

function chosenCells(run: Run, task: TaskChoice | undefined): Cell[] {
  return task === null || task === undefined ? run.cells : run.cells.filter((c) => c.task === task);
}

/** Distinct lengths of a run's scored cells with a depth, ascending. */
function sweepOf(run: Run, task: TaskChoice | undefined): number[] {
  const lengths = chosenCells(run, task)
    .filter((c) => c.n > 0 && c.depthPercent !== null)
    .map((c) => c.lengthTokens);
  return [...new Set(lengths)].sort(ascending);
}

function spread(values: readonly number[]): number {
  const mean = values.reduce((t, v) => t + v, 0) / values.length;
  const variance = values.reduce((t, v) => t + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/**
 * Whether a sweep of lengths is geometric (each a multiple of the last: 4K, 8K, 16K) rather
 * than arithmetic (1000, 9143, 17286): the steps' ratios vary less than their differences.
 * Fewer than three lengths are taken as arithmetic.
 */
export function isGeometricSweep(lengths: readonly number[]): boolean {
  const sorted = [...new Set(lengths)].filter((l) => l > 0).sort(ascending);
  if (sorted.length < 3) return false;
  const steps = sorted.slice(1).map((l, i) => l - (sorted[i] ?? 0));
  const ratios = sorted.slice(1).map((l, i) => Math.log(l / (sorted[i] ?? 1)));
  return spread(ratios) < spread(steps);
}

/** `count` + 1 edges from `from` to `to`, the ends exact. */
export function binEdges(from: number, to: number, count: number, scale: BinScale): number[] {
  const edges = Array.from({ length: count + 1 }, (_, i) =>
    scale === 'log' && from > 0
      ? from * (to / from) ** (i / count)
      : from + ((to - from) * i) / count,
  );
  edges[0] = from;
  edges[count] = to;
  return edges;
}

/** The index of the bin holding `value`, or -1 outside: [e_i, e_i+1), the last closed. */
export function binIndex(edges: readonly number[], value: number): number {
  const last = edges.length - 2;
  if (last < 0 || value < (edges[0] ?? 0) || value > (edges[last + 1] ?? 0)) return -1;
  for (let i = 0; i < last; i += 1) if (value < (edges[i + 1] ?? 0)) return i;
  return last;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function formatLength(value: number, decimals: number): string {
  if (Math.abs(value) >= 1e6) return `${trimZeros((value / 1e6).toFixed(decimals))}M`;
  if (Math.abs(value) >= 1e3) return `${trimZeros((value / 1e3).toFixed(decimals))}K`;
  return trimZeros(value.toFixed(decimals));
}

/** How far a written edge may be from the true one, relative to it. */
const LABEL_SLACK = 0.01;

/** The number a written edge reads as ("10.1K" -> 10100). */
function readBack(text: string): number {
  const scale = text.endsWith('M') ? 1e6 : text.endsWith('K') ? 1e3 : 1;
  return Number.parseFloat(text) * scale;
}

/**
 * Edges written as short lengths ("1K", "10.1K", "1.5M", "32"), with the fewest decimals that
 * keep every edge apart (so the ranges built from them never read the same) and each within
 * 1 % of its true value.
 */
export function formatEdges(
  edges: readonly number[],
  format: (value: number, decimals: number) => string = formatLength,
): string[] {
  for (let decimals = 0; decimals < 8; decimals += 1) {
    const texts = edges.map((edge) => format(edge, decimals));
    const close = texts.every(
      (text, i) =>
        Math.abs(readBack(text) - (edges[i] ?? 0)) <= LABEL_SLACK * Math.abs(edges[i] ?? 0),
    );
    if (close && new Set(texts).size === new Set(edges).size) return texts;
  }
  return edges.map((edge) => String(edge));
}

function binsOf(edges: readonly number[], texts: readonly string[], suffix = ''): Bin[] {
  return edges.slice(0, -1).map((from, i) => ({
    from,
    to: edges[i + 1] ?? from,
    closed: i === edges.length - 2,
    label: `${texts[i] ?? ''}–${texts[i + 1] ?? ''}${suffix}`,
  }));
}

/** Depth bands of `width` points from 0 to 100, the last one short where 100 is no multiple. */
export function depthBands(width = DEFAULT_DEPTH_BAND): Bin[] {
  const count = Math.max(1, Math.ceil(100 / width - 1e-9));
  const edges = Array.from({ length: count + 1 }, (_, i) => Math.min(100, i * width));
  const texts = formatEdges(edges, (v, d) => trimZeros(v.toFixed(d)));
  return binsOf(edges, texts, '%');
}

/** Length bins labelled by range; `edges` ascending. */
export function lengthBins(edges: readonly number[]): Bin[] {
  return binsOf(edges, formatEdges(edges));
}

/** The most bins (up to the fewest lengths a run has in range) with a length of every run in each. */
function autoCount(sweeps: readonly number[][], from: number, to: number, scale: BinScale): number {
  const inRange = sweeps.map((s) => s.filter((l) => l >= from && l <= to));
  const most = Math.min(...inRange.map((s) => s.length));
  for (let count = most; count > 1; count -= 1) {
    const edges = binEdges(from, to, count, scale);
    const everyBinFilled = inRange.every((sweep) => {
      const filled = new Set(sweep.map((l) => binIndex(edges, l)));
      return filled.size === count;
    });
    if (everyBinFilled) return count;
  }
  return 1;
}

/**
 * The bins the runs share: length bins over the range every run covers, spaced and counted as
 * the options say (or chosen, see {@link BinOptions}), and depth bands. Null when the runs
 * count length in different units (tokens, frames), their ranges do not overlap over more
 * than one length, or a run has no cell with a depth.
 */
export function sharedBinAxes(runs: readonly Run[], options: BinOptions = {}): BinAxes | null {
  if (sharedLengthUnit(runs) === null) return null;
  const sweeps = runs.map((run) => sweepOf(run, options.task));
  if (sweeps.length === 0 || sweeps.some((s) => s.length === 0)) return null;
  const from = Math.max(...sweeps.map((s) => s[0] ?? 0));
  const to = Math.min(...sweeps.map((s) => s.at(-1) ?? 0));
  if (!(to > from)) return null;
  const scale: BinScale =
    options.scale ?? (from > 0 && sweeps.every(isGeometricSweep) ? 'log' : 'linear');
  const requested = options.lengthBins;
  const count =
    requested !== undefined && Number.isInteger(requested) && requested >= 1
      ? requested
      : autoCount(sweeps, from, to, scale);
  return {
    scale,
    lengths: lengthBins(binEdges(from, to, count, scale)),
    depths: depthBands(options.depthBandPercent),
  };
}

function edgesOf(bins: readonly Bin[]): number[] {
  return bins.length === 0 ? [] : [...bins.map((b) => b.from), bins.at(-1)?.to ?? 0];
}

/**
 * A run on shared bins: each bin the cells whose (length, depth) fall in it, merged, so its
 * value is the trial-weighted mean (or pass rate at `threshold`) of their trials. Cells of
 * pre-averaged summaries count with their n. Cells outside the length range or without a
 * depth are left out and counted.
 */
export function binRun(
  run: Run,
  axes: BinAxes,
  metric: Metric,
  threshold: number,
  task: TaskChoice = null,
): BinnedGrid {
  const lengthEdges = edgesOf(axes.lengths);
  const depthEdges = edgesOf(axes.depths);
  const width = axes.lengths.length;
  const groups = new Map<number, Cell[]>();
  let outsideRange = 0;
  let noDepth = 0;
  for (const cell of chosenCells(run, task)) {
    if (cell.depthPercent === null) {
      noDepth += 1;
      continue;
    }
    const column = binIndex(lengthEdges, cell.lengthTokens);
    const row = binIndex(depthEdges, cell.depthPercent);
    if (column < 0 || row < 0) {
      if (cell.n > 0) outsideRange += 1;
      continue;
    }
    const key = row * width + column;
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  const slots: BinnedCell[] = [];
  let averagedCells = 0;
  axes.depths.forEach((depth, row) => {
    axes.lengths.forEach((length, column) => {
      const cells = groups.get(row * width + column) ?? [];
      const merged =
        cells.length > 0
          ? { ...mergeCells(cells), lengthTokens: length.from, depthPercent: depth.from }
          : null;
      const averaged = cells.filter((c) => c.summaryN > 0).length;
      averagedCells += averaged;
      slots.push({
        length,
        depth,
        cell: merged,
        value: merged && merged.n > 0 ? cellValue(merged, metric, threshold) : null,
        n: merged?.n ?? 0,
        cells: cells.length,
        averagedCells: averaged,
      });
    });
  });
  return { axes, slots, outsideRange, noDepth, averagedCells };
}
