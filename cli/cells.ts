import { cellsToCsv, gridCells, heatmapGrid, type Run } from './app';
import { COMMON_OPTIONS, loadRuns, parseCommand, writeOutput, type Io } from './command';
import { UsageError } from './usage';
import { findRun, unitNumber } from './view';

export const CELLS_OPTIONS = {
  ...COMMON_OPTIONS,
  run: { type: 'string' },
  threshold: { type: 'string' },
  task: { type: 'string' },
} as const;

/**
 * The cells of runs as the app's Download CSV writes each run's (the grid shown, one row a
 * cell), one header for all: the cells CSV reads a run per value of its `run` column.
 */
export function cellsCsvOf(runs: readonly Run[], task: string | null, threshold: number): string {
  const tables = runs.map((run) =>
    cellsToCsv(run.name, gridCells(heatmapGrid(run, task, 'mean', threshold)), threshold),
  );
  const headers = new Set(tables.map((table) => table.slice(0, table.indexOf('\n'))));
  if (headers.size > 1) {
    throw new UsageError('some runs name tasks and others do not: write one with --run', 'cells');
  }
  return tables
    .map((table, i) => (i === 0 ? table : table.slice(table.indexOf('\n') + 1)))
    .join('');
}

/** haymap cells: the tidy cells CSV. */
export async function cells(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('cells', args, CELLS_OPTIONS);
  const threshold = unitNumber(values.threshold, 'threshold', 0.7);
  const runs = await loadRuns('cells', positionals, io, values);
  const chosen = values.run === undefined ? runs : [findRun(runs, values.run, '--run')];
  await writeOutput(io, values.output, cellsCsvOf(chosen, values.task ?? null, threshold));
}
