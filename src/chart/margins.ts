/**
 * The margins of a heatmap: each length's and each row's figure over the cells it spans,
 * trial-weighted (a cell of 10 trials counts ten times a cell of one), as the strips above and
 * beside the plot draw them. Pure, from the cells a panel draws.
 */
import type { PlotCell } from './plotCell';
import type { HeatmapLayout } from './layout';

/** One column's or row's trial-weighted figure. */
export interface MarginMean {
  /** The column's length, or the row's depth or task. */
  at: number | string;
  /** Σ value · n / Σ n over its cells with a value, 0..1. */
  value: number;
  /** Trials behind it. */
  n: number;
  /** Cells with a value. */
  cells: number;
}

/**
 * The trial-weighted figure of each column (`by` length) or row, in the order the cells come.
 * A cell with a value but no trial count (a pre-averaged cell without its n) counts as one.
 */
export function marginMeans(cells: readonly PlotCell[], by: 'length' | 'row'): MarginMean[] {
  const sums = new Map<number | string, { total: number; n: number; cells: number }>();
  for (const cell of cells) {
    if (cell.value === null) continue;
    const key = by === 'length' ? cell.lengthTokens : cell.row;
    const weight = cell.n > 0 ? cell.n : 1;
    const sum = sums.get(key) ?? { total: 0, n: 0, cells: 0 };
    sum.total += cell.value * weight;
    sum.n += weight;
    sum.cells += 1;
    sums.set(key, sum);
  }
  return [...sums.entries()].map(([at, { total, n, cells: count }]) => ({
    at,
    value: total / n,
    n,
    cells: count,
  }));
}

/** Which margin strips a heatmap draws. */
export interface MarginChoice {
  length: boolean;
  depth: boolean;
}

/** The strip of length means: its height and the gap under it. */
export const LENGTH_STRIP = { height: 36, gap: 10 } as const;
/** The strip of row means: its width, the gap before it, and the room its title needs above. */
export const DEPTH_STRIP = { width: 44, gap: 16 } as const;

/** Room the layout keeps for the strips: above the plot, and between it and the legend. */
export function marginGutter({ length, depth }: MarginChoice): { top: number; right: number } {
  return {
    top: length ? LENGTH_STRIP.height + LENGTH_STRIP.gap : depth ? 14 : 0,
    right: depth ? DEPTH_STRIP.gap + DEPTH_STRIP.width : 0,
  };
}

/** Where the strips sit in a heatmap laid out with {@link marginGutter}. */
export function marginBoxes(layout: HeatmapLayout, depthHints: boolean) {
  const { plot } = layout;
  const hints = depthHints ? 16 : 0;
  return {
    length: {
      x: plot.x,
      y: plot.y - hints - LENGTH_STRIP.gap - LENGTH_STRIP.height,
      width: plot.width,
      height: LENGTH_STRIP.height,
    },
    depth: {
      x: plot.x + plot.width + DEPTH_STRIP.gap,
      y: plot.y,
      width: DEPTH_STRIP.width,
      height: plot.height,
    },
  };
}
