import { summarizeRun, summaryCsv, summaryMarkdown, type RunSummary } from './app';
import { COMMON_OPTIONS, loadRuns, parseCommand, writeOutput, type Io } from './command';
import { UsageError } from './usage';
import { unitNumber } from './view';

export const SUMMARY_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string' },
  effective: { type: 'string' },
  threshold: { type: 'string' },
  task: { type: 'string' },
} as const;

/**
 * The summaries as JSON: every figure under its own name, the mean of cells (as published
 * figures average) apart from the mean of trials; no pass rate for averaged cells (null).
 */
function summaryJson(rows: readonly RunSummary[], threshold: number, effective: number): string {
  const runs = rows.map((row) => ({
    run: row.name,
    meanOfCells: row.meanScore,
    meanOfTrials: row.meanOfTrials ?? null,
    passRate: row.passRate,
    passThreshold: threshold,
    trials: row.trials,
    averagedCells: row.averagedCells ?? 0,
    failedCalls: row.failedCalls,
    cells: row.cells,
    lengths: row.lengths,
    depths: row.depths,
    tasks: row.tasks,
    meanScoreByLength: row.byLength.map((l) => ({
      lengthTokens: l.lengthTokens,
      meanScore: l.mean,
    })),
    effectiveLength: row.effectiveLength,
    effectiveThreshold: effective,
    worstDepthBand: row.worstBand
      ? {
          fromPercent: row.worstBand.fromPercent,
          toPercent: row.worstBand.toPercent,
          meanScore: row.worstBand.mean,
        }
      : null,
  }));
  return `${JSON.stringify(runs, null, 2)}\n`;
}

/** haymap summary: the summary table, as the app copies it. */
export async function summary(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('summary', args, SUMMARY_OPTIONS);
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'csv' && format !== 'json') {
    throw new UsageError(
      `--format must be md, csv or json; not ${JSON.stringify(format)}`,
      'summary',
    );
  }
  const threshold = unitNumber(values.threshold, 'threshold', 0.7);
  const effective = unitNumber(values.effective, 'effective', 0.85);
  const runs = await loadRuns('summary', positionals, io, values);
  const rows = runs.map((run) => summarizeRun(run, values.task ?? null, threshold, effective));
  const text =
    format === 'csv'
      ? summaryCsv(rows)
      : format === 'md'
        ? summaryMarkdown(rows)
        : summaryJson(rows, threshold, effective);
  await writeOutput(io, values.output, text);
}
