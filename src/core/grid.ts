import { mergeCells } from './cells';
import { cellValue } from './metrics';
import type { Cell, Metric, Run } from './types';

/** What the rows of a heatmap are: needle depths, or tasks for results that record no depth. */
export type RowKind = 'depth' | 'task';

/** One position of the heatmap grid: a cell with data, or a gap the run did not test. */
export interface GridSlot {
  lengthTokens: number;
  /** The row: a depth in percent, or a task name. */
  row: number | string;
  cell: Cell | null;
  /** The shown metric, 0..1, or null where there is no scored trial. */
  value: number | null;
}

/** The grid a panel draws. */
export interface HeatmapGrid {
  rowKind: RowKind;
  lengths: number[];
  rows: (number | string)[];
  /** Row by row, each row in length order. */
  slots: GridSlot[];
  /** Cells of the run the grid leaves out (no depth among depth rows, another task). */
  leftOut: number;
}

/** Which task a view shows: one by name, or all of them together (null). */
export type TaskChoice = string | null;

/** Columns and rows to draw a grid on, e.g. the union of several runs' to align them. */
export interface GridAxes {
  rowKind: RowKind;
  lengths: number[];
  rows: (number | string)[];
}

/**
 * Natural order for task names: qa1, qa2, … qa10, not qa1, qa10, qa2. Made when first asked:
 * a collator loads its locale's data (milliseconds at every start), and depth grids never sort
 * by name.
 */
let naturalOrder: Intl.Collator | null = null;

function compareRows(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  naturalOrder ??= new Intl.Collator('en', { numeric: true });
  return naturalOrder.compare(String(a), String(b));
}

/**
 * The union of the lengths and rows of grids of one row kind (depths with depths, tasks with
 * tasks), sorted as grids sort them; null when the grids mix kinds or there are none.
 */
export function unionAxes(grids: readonly HeatmapGrid[]): GridAxes | null {
  const [first] = grids;
  if (!first || grids.some((g) => g.rowKind !== first.rowKind)) return null;
  return {
    rowKind: first.rowKind,
    lengths: [...new Set(grids.flatMap((g) => g.lengths))].sort((a, b) => a - b),
    rows: [...new Set(grids.flatMap((g) => g.rows))].sort(compareRows),
  };
}

/**
 * The grid of a run for a task choice and metric. With depths: rows are depths, and "all
 * tasks" merges each (length, depth) across tasks. Without any depth (RULER predictions,
 * summaries): rows are tasks, a length-by-task matrix. With `axes` of the same row kind, the
 * grid is drawn on those (the union of several runs', to align panels), gaps as no data.
 */
export function heatmapGrid(
  run: Run,
  task: TaskChoice,
  metric: Metric,
  threshold: number,
  axes: GridAxes | null = null,
): HeatmapGrid {
  const chosen = task === null ? run.cells : run.cells.filter((c) => c.task === task);
  const withDepth = chosen.filter((c) => c.depthPercent !== null);
  const rowKind: RowKind = withDepth.length > 0 ? 'depth' : 'task';
  const shown = rowKind === 'depth' ? withDepth : chosen;
  const rowOf = (cell: Cell): number | string =>
    rowKind === 'depth' ? (cell.depthPercent ?? 0) : cell.task || run.name;
  // The cells at each row and length (several where tasks share a place), by the values
  // themselves: no key text is made for each of thousands of cells.
  const byPlace = new Map<number | string, Map<number, Cell[]>>();
  for (const cell of shown) {
    const row = rowOf(cell);
    let byLength = byPlace.get(row);
    if (!byLength) byPlace.set(row, (byLength = new Map<number, Cell[]>()));
    const group = byLength.get(cell.lengthTokens);
    if (group) group.push(cell);
    else byLength.set(cell.lengthTokens, [cell]);
  }

  const aligned = axes?.rowKind === rowKind ? axes : null;
  const lengths = aligned
    ? aligned.lengths
    : [...new Set(shown.map((c) => c.lengthTokens))].sort((a, b) => a - b);
  const rows: (number | string)[] = aligned
    ? aligned.rows
    : [...new Set(shown.map(rowOf))].sort(compareRows);

  const slots: GridSlot[] = [];
  for (const row of rows) {
    for (const lengthTokens of lengths) {
      const group = byPlace.get(row)?.get(lengthTokens);
      const cell = group ? mergeCells(group) : null;
      slots.push({
        lengthTokens,
        row,
        cell,
        value: cell && cell.n > 0 ? cellValue(cell, metric, threshold) : null,
      });
    }
  }
  return {
    rowKind,
    lengths,
    rows,
    slots,
    leftOut: run.cells.length - chosen.length + (chosen.length - shown.length),
  };
}

/** The overall figure of a grid: the mean of its cells' values, each cell weighing the same. */
export function gridMean(grid: HeatmapGrid): number {
  let total = 0;
  let count = 0;
  for (const slot of grid.slots) {
    if (slot.value === null) continue;
    total += slot.value;
    count += 1;
  }
  return count === 0 ? Number.NaN : total / count;
}

/** The cells a grid shows (merged across tasks where it merges them), in grid order. */
export function gridCells(grid: HeatmapGrid): Cell[] {
  return grid.slots.flatMap((slot) => (slot.cell ? [slot.cell] : []));
}
