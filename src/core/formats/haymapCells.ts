import { toSafeCsv, unescapeFormula } from '../csvSafe';
import { cellMean, cellPassRate } from '../metrics';
import { coordinateProblem, toFiniteNumber } from '../normalize';
import { headerColumns, readCsv } from '../read/csv';
import type { Cell } from '../types';
import type { ResultFormat } from './format';
import { FileReading } from './kit/reading';

/** The header of Haymap's own "Download CSV", exactly. */
export const CELLS_CSV_COLUMNS = [
  'run',
  'context_length',
  'depth_percent',
  'n',
  'mean_score',
  'pass_rate',
] as const;

/**
 * Haymap's own cell table (one row per cell, scores 0..1), so that a downloaded CSV loads back
 * into the same heatmap: the mean and trial count exactly, the pass rate as it was at download.
 */
export const haymapCells: ResultFormat = {
  id: 'haymap-cells',
  label: 'Haymap cells CSV',
  opens: 'text',

  detect(_path, head) {
    const header = headerColumns(head).join(',');
    const plain = CELLS_CSV_COLUMNS.join(',');
    return header === plain || header === `${plain},task` ? 1 : 0;
  },

  async parse(source, sink) {
    const reading = new FileReading(source, sink);
    const { file } = reading;
    const read = await readCsv(
      source,
      ({ fields, line }) => {
        const lengthTokens = toFiniteNumber(fields.context_length);
        // An empty depth is a cell of results that record none (a length x task matrix).
        const noDepth = (fields.depth_percent ?? '').trim() === '';
        const depthPercent = noDepth ? null : toFiniteNumber(fields.depth_percent);
        const n = toFiniteNumber(fields.n);
        const meanScore = toFiniteNumber(fields.mean_score);
        const passRate = toFiniteNumber(fields.pass_rate);
        if (
          lengthTokens === null ||
          (depthPercent === null && !noDepth) ||
          n === null ||
          meanScore === null
        ) {
          reading.skip(
            'nan',
            'context_length, depth_percent, n and mean_score must be numbers',
            line,
          );
          return;
        }
        const problem =
          // Haymap's own cells keep a producer's 0-length column (BABILong `0k`).
          coordinateProblem(lengthTokens, depthPercent ?? 0, { zeroLength: true }) ??
          // A count too large to add exactly (1e308) would sum to Infinity with another row's.
          (!Number.isSafeInteger(n) || n < 1
            ? { kind: 'n', detail: `n ${n} is not a positive whole number` }
            : null) ??
          (meanScore < 0 || meanScore > 1 || (passRate !== null && (passRate < 0 || passRate > 1))
            ? { kind: 'score-range', detail: 'mean_score and pass_rate must lie in 0..1' }
            : null);
        if (problem) {
          reading.skip(problem.kind, problem.detail, line);
          return;
        }
        reading.summary({
          lengthTokens,
          depthPercent,
          // A name Download CSV escaped for spreadsheets (`'=x`) reads back as it was (`=x`).
          model: unescapeFormula(fields.run?.trim() ?? '') || undefined,
          task: unescapeFormula(fields.task?.trim() ?? '') || undefined,
          n,
          meanScore,
          passRate: passRate ?? undefined,
          source: { file, line },
        });
      },
      (line, reason) => reading.skip(`csv-${reason}`, reason, line),
    );
    if (!read.ok) return reading.fail(read.reason, read.line);
    return reading.finish('row', 'no rows');
  },
};

/**
 * Cells as a tidy CSV, header `run,context_length,depth_percent,n,mean_score,pass_rate`, scores
 * 0..1 at full precision so the file loads back into the same heatmap. Cells of named tasks add
 * a last `task` column; cells without a depth leave depth_percent empty.
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
