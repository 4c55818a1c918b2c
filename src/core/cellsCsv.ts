import { toSafeCsv } from './csvSafe';
import { CELLS_CSV_COLUMNS } from './formats/haymapCells';
import { cellMean, cellPassRate } from './metrics';
import type { Cell } from './types';

/**
 * Cells as a tidy CSV, header `run,context_length,depth_percent,n,mean_score,pass_rate`, scores
 * 0..1 at full precision so the file loads back into the same heatmap. Cells of named tasks add
 * a last `task` column; cells without a depth leave depth_percent empty. Names are written safe
 * for spreadsheets ({@link toSafeCsv}).
 */
export function cellsToCsv(runName: string, cells: readonly Cell[], threshold: number): string {
  const scored = cells.filter((cell) => cell.n > 0);
  const withTask = scored.some((cell) => cell.task !== '');
  const fields: string[] = withTask ? [...CELLS_CSV_COLUMNS, 'task'] : [...CELLS_CSV_COLUMNS];
  const rows = scored.map((cell) => {
    const row = [
      runName,
      cell.lengthTokens,
      cell.depthPercent ?? '',
      cell.n,
      cellMean(cell),
      cellPassRate(cell, threshold),
    ];
    return withTask ? [...row, cell.task] : row;
  });
  return toSafeCsv([fields, ...rows]);
}
