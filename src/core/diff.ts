/**
 * One run's heatmap minus another's, cell by cell, for the comparison view: how much better or
 * worse A does at each (length, row), and where the difference is more than chance.
 */
import { unionAxes, type HeatmapGrid, type RowKind } from './grid';
import { cellPasses, cellValue } from './metrics';
import { differsBeyondChance } from './stats';
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
  /** Whether the pass rates differ beyond chance (p < 0.05). */
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

/** A cell whose trials are all known one by one: its pass count is a whole number. */
function testable(cell: Cell): boolean {
  return cell.summaryN === 0;
}

/** The difference at one position, where both runs have a scored trial there. */
function compare(
  a: Cell | null,
  b: Cell | null,
  threshold: number,
  metric: Metric,
): Pick<DiffSlot, 'value' | 'pValue' | 'significant'> {
  if (!a || !b || a.n === 0 || b.n === 0) return { value: null, pValue: null, significant: false };
  const verdict =
    testable(a) && testable(b)
      ? differsBeyondChance(cellPasses(a, threshold), a.n, cellPasses(b, threshold), b.n)
      : null;
  return {
    value: cellValue(a, metric, threshold) - cellValue(b, metric, threshold),
    pValue: verdict?.pValue ?? null,
    significant: verdict?.significant ?? false,
  };
}

/**
 * A's grid minus B's on the union of their lengths and rows. Values are worked out again from
 * the cells with `metric` and `threshold`, so the grids may have been drawn with either metric.
 * Significance always compares pass counts at `threshold` (Fisher's exact test, or the z-test
 * for large counts; see {@link differsBeyondChance}); cells known through pre-averaged
 * summaries have no whole pass count and are not tested. Each slot is tested on its own, with
 * no correction for testing many, so up to one slot in twenty of two equal runs shows as
 * significant by chance.
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
  const slots: DiffSlot[] = [];
  for (const row of axes.rows) {
    for (const lengthTokens of axes.lengths) {
      const cellA = cellsA.get(slotKey(row, lengthTokens)) ?? null;
      const cellB = cellsB.get(slotKey(row, lengthTokens)) ?? null;
      slots.push({
        lengthTokens,
        row,
        a: cellA,
        b: cellB,
        ...compare(cellA, cellB, threshold, metric),
      });
    }
  }
  return {
    ...axes,
    slots,
    compared: slots.filter((slot) => slot.value !== null).length,
    significantCount: slots.filter((slot) => slot.significant).length,
    mismatch: false,
  };
}
