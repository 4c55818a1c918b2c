/**
 * One run's heatmap minus another's, cell by cell, for the comparison view: how much better or
 * worse A does at each (length, row), and where the difference is more than chance.
 */
import { unionAxes, type HeatmapGrid, type RowKind } from './grid';
import { cellValue } from './metrics';
import { testGrid, type GridSignificance } from './significance';
import type { Cell, Metric } from './types';

/** One position of a difference grid. */
export interface DiffSlot {
  lengthTokens: number;
  /** The row: a depth in percent, or a task name. */
  row: number | string;
  /** A's cell here, or null where A has none. */
  a: Cell | null;
  b: Cell | null;
  /** A's value minus B's, -1..1; null unless both have a scored trial here. */
  value: number | null;
  /** Two-sided p-value of A's pass count against B's; null where they cannot be tested. */
  pValue: number | null;
  /** Whether the pass rates differ beyond chance: at FDR 5 % across the grid (Benjamini-Hochberg). */
  significant: boolean;
}

/** The grid of differences a comparison panel draws. */
export interface DiffGrid {
  rowKind: RowKind;
  /** The union of both grids' lengths, ascending. */
  lengths: number[];
  /** The union of both grids' rows, sorted as grids sort them. */
  rows: (number | string)[];
  /** Row by row, each row in length order. */
  slots: DiffSlot[];
  /** Slots with a value: where both runs have a scored trial. */
  compared: number;
  /** Slots whose difference is beyond chance. */
  significantCount: number;
  /** How many slots could be tested and why the others could not, with the note to show. */
  significance?: GridSignificance;
  /**
   * True when one grid has depth rows and the other task rows: nothing lines up, so the
   * grid is empty and the panel should say why rather than draw it.
   */
  mismatch: boolean;
}

const slotKey = (row: number | string, lengthTokens: number) => `${row}\u0000${lengthTokens}`;

function cellsByPosition(grid: HeatmapGrid): Map<string, Cell> {
  return new Map(
    grid.slots.flatMap((slot) =>
      slot.cell ? [[slotKey(slot.row, slot.lengthTokens), slot.cell] as const] : [],
    ),
  );
}

/** The difference at one position, where both runs have a scored trial there. */
function compare(a: Cell | null, b: Cell | null, threshold: number, metric: Metric): number | null {
  if (!a || !b || a.n === 0 || b.n === 0) return null;
  return cellValue(a, metric, threshold) - cellValue(b, metric, threshold);
}

/**
 * A's grid minus B's on the union of their lengths and rows. Values are worked out again from
 * the cells with `metric` and `threshold`, so the grids may have been drawn with either metric.
 * Significance always compares pass counts at `threshold` (see {@link testGrid}): only slots
 * whose cells are known trial by trial, two trials or more on each side, are tested, and the
 * tests are corrected across the grid (Benjamini-Hochberg, FDR 5 %); `significance` counts the
 * testable slots and says why the others could not be tested.
 */
export function diffGrids(
  a: HeatmapGrid,
  b: HeatmapGrid,
  threshold: number,
  metric: Metric,
): DiffGrid {
  const axes = unionAxes([a, b]);
  if (!axes) {
    return {
      rowKind: a.rowKind,
      lengths: [],
      rows: [],
      slots: [],
      compared: 0,
      significantCount: 0,
      mismatch: true,
    };
  }
  const cellsA = cellsByPosition(a);
  const cellsB = cellsByPosition(b);
  const pairs = axes.rows.flatMap((row) =>
    axes.lengths.map((lengthTokens) => ({
      lengthTokens,
      row,
      a: cellsA.get(slotKey(row, lengthTokens)) ?? null,
      b: cellsB.get(slotKey(row, lengthTokens)) ?? null,
    })),
  );
  const significance = testGrid(pairs, threshold);
  const slots: DiffSlot[] = pairs.map((pair, i) => {
    const test = significance.tests[i];
    return {
      ...pair,
      value: compare(pair.a, pair.b, threshold, metric),
      pValue: test?.testable ? test.pValue : null,
      significant: test?.testable === true && test.significant,
    };
  });
  return {
    ...axes,
    slots,
    compared: slots.filter((slot) => slot.value !== null).length,
    significantCount: significance.significant,
    significance,
    mismatch: false,
  };
}
