import { cellValue } from '../core/metrics';
import type { Cell, Metric, Run } from '../core/types';

/** One position of the heatmap grid: a cell with data, or a gap the run did not test. */
export interface GridSlot {
  lengthTokens: number;
  depthPercent: number;
  cell: Cell | null;
  /** The shown metric, 0..1, or null where there is no data. */
  value: number | null;
}

/** Every (length, depth) position of a run's grid, row by row, with the value to show. */
export function gridSlots(run: Run, metric: Metric, threshold: number): GridSlot[] {
  const byKey = new Map(
    run.cells.map((cell) => [`${cell.lengthTokens}|${cell.depthPercent}`, cell]),
  );
  const slots: GridSlot[] = [];
  for (const depthPercent of run.depths) {
    for (const lengthTokens of run.lengths) {
      const cell = byKey.get(`${lengthTokens}|${depthPercent}`) ?? null;
      slots.push({
        lengthTokens,
        depthPercent,
        cell,
        value: cell ? cellValue(cell, metric, threshold) : null,
      });
    }
  }
  return slots;
}
