import Papa from 'papaparse';
import { CELLS_CSV_COLUMNS } from './formats/haymapCells';
import { cellMean, cellPassRate } from './metrics';
import type { Run } from './types';

/**
 * A run's cells as a tidy CSV, header `run,context_length,depth_percent,n,mean_score,pass_rate`,
 * scores 0..1 at full precision so the file loads back into the same heatmap.
 */
export function cellsToCsv(run: Run, threshold: number): string {
  const rows = run.cells.map((cell) => [
    run.name,
    cell.lengthTokens,
    cell.depthPercent,
    cell.n,
    cellMean(cell),
    cellPassRate(cell, threshold),
  ]);
  return Papa.unparse({ fields: [...CELLS_CSV_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}
