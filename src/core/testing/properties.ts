import type { AggregatedTrials, ParseOutcome, RecordSink } from '../formats/format';
import { heatmapGrid } from '../grid';
import { cellMean, cellPassRate } from '../metrics';
import type { BatchResult, Cell, CellSummary, FailedCall, Trial } from '../types';

/**
 * What property tests check: a sink that records what a parser gave, and the promises every
 * parser and every batch make. Each check returns its problems as text, so a failing property
 * prints the counterexample and what was wrong with it. Inputs come from `arbitraries.ts`.
 */

/** `PROPERTY_RUNS_SCALE`: how many times the usual runs, for a longer hunt than `npm test`'s. */
const RUNS_SCALE = ((scale: number) => (Number.isFinite(scale) && scale > 0 ? scale : 1))(
  Number(process.env.PROPERTY_RUNS_SCALE ?? 1),
);

/** Runs of a property: `n`, scaled (`PROPERTY_RUNS_SCALE=50 npx vitest run property`). */
export function propertyRuns(n: number): number {
  return Math.max(1, Math.round(n * RUNS_SCALE));
}

/** A property test's timeout, scaled with its runs. */
export function propertyTimeout(ms: number): number {
  return Math.round(ms * Math.max(1, RUNS_SCALE));
}

/** Every record a parser handed over, in order. */
export class RecordingSink implements RecordSink {
  readonly trials: Trial[] = [];
  readonly summaries: CellSummary[] = [];
  readonly failedCalls: FailedCall[] = [];
  readonly cells: Cell[] = [];
  /** Trials the kit aggregated per cell (files whose scale shows at their end). */
  readonly aggregates: AggregatedTrials[] = [];

  trial(trial: Trial): void {
    this.trials.push(trial);
  }
  summary(summary: CellSummary): void {
    this.summaries.push(summary);
  }
  failedCall(call: FailedCall): void {
    this.failedCalls.push(call);
  }
  cell(cell: Cell): void {
    this.cells.push(cell);
  }
  aggregated(trials: AggregatedTrials): void {
    this.aggregates.push(trials);
  }

  /** Records of every kind; an aggregated cell counts its trials. */
  get count(): number {
    let aggregatedTrials = 0;
    for (const { cells } of this.aggregates)
      for (const { cell } of cells) aggregatedTrials += cell.n;
    const records = this.trials.length + this.summaries.length + this.failedCalls.length;
    return records + this.cells.length + aggregatedTrials;
  }
}

const within = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/**
 * A whole length of at least 0: 0 is a producer's "no filler" column (BABILong `0k`); the
 * formats that may not give it are held to that by their own tests and `coordinateProblem`.
 */
const isLength = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A count of trials: whole, and small enough to add exactly (so never summing to Infinity). */
const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Problems with where a record sits: a whole length (0 included), a depth in 0..100 or none. */
function placeProblems(
  what: string,
  record: { lengthTokens: number; depthPercent: number | null },
): string[] {
  const problems: string[] = [];
  if (!isLength(record.lengthTokens)) problems.push(`${what}: lengthTokens ${record.lengthTokens}`);
  if (record.depthPercent !== null && !within(record.depthPercent, 0, 100)) {
    problems.push(`${what}: depthPercent ${record.depthPercent}`);
  }
  return problems;
}

/** Problems with the shape of a parse outcome: what the parser promises whatever the input. */
export function outcomeProblems(outcome: ParseOutcome, path: string): string[] {
  if (outcome.ok) {
    const problems: string[] = [];
    if (!isCount(outcome.records)) problems.push(`records ${outcome.records}`);
    if (!outcome.warnings.every((w) => typeof w === 'string' && w !== '')) {
      problems.push('a warning that is not text');
    }
    return problems;
  }
  const problems: string[] = [];
  if (typeof outcome.reason !== 'string' || outcome.reason.trim() === '') {
    problems.push('a failure with no reason');
  }
  if (outcome.file !== path) problems.push(`a failure naming ${outcome.file}, not ${path}`);
  if (outcome.line !== undefined && !isLength(outcome.line)) {
    problems.push(`a failure at line ${outcome.line}`);
  }
  return problems;
}

/**
 * Problems with the records of a successful parse: coordinates on the grid, scores in 0..1,
 * counts whole, and `records` counting what the sink got.
 */
export function recordProblems(outcome: ParseOutcome, sink: RecordingSink): string[] {
  if (!outcome.ok) return [];
  const problems: string[] = [];
  if (outcome.records !== sink.count) {
    problems.push(`records ${outcome.records} but ${sink.count} handed over`);
  }
  const details = sink.aggregates.flatMap((aggregate) => aggregate.details);
  for (const trial of [...sink.trials, ...details]) {
    problems.push(...placeProblems('trial', trial));
    if (!within(trial.score, 0, 1)) problems.push(`trial: score ${trial.score}`);
  }
  for (const summary of sink.summaries) {
    problems.push(...placeProblems('summary', summary));
    if (!isCount(summary.n)) problems.push(`summary: n ${summary.n}`);
    if (!within(summary.meanScore, 0, 1)) problems.push(`summary: meanScore ${summary.meanScore}`);
    if (summary.passRate !== undefined && !within(summary.passRate, 0, 1)) {
      problems.push(`summary: passRate ${summary.passRate}`);
    }
  }
  for (const call of sink.failedCalls) problems.push(...placeProblems('failed call', call));
  const aggregatedCells = sink.aggregates.flatMap(({ cells }) => cells.map(({ cell }) => cell));
  for (const cell of [...sink.cells, ...aggregatedCells]) problems.push(...cellProblems(cell));
  return problems;
}

/** Thresholds a user can pick, the ends included. */
export const THRESHOLDS = [0, 0.3, 0.5, 0.7, 0.9, 1] as const;

/** Problems with one aggregated cell: place, whole counts, and values in 0..1 at any threshold. */
export function cellProblems(cell: Cell, thresholds: readonly number[] = THRESHOLDS): string[] {
  const where = `cell (${cell.task}, ${cell.lengthTokens}, ${cell.depthPercent})`;
  const problems = placeProblems(where, cell);
  // Counts that add up over files need only stay finite; each record's count is exact.
  for (const key of ['n', 'failedCalls', 'summaryN'] as const) {
    if (!(Number.isInteger(cell[key]) && cell[key] >= 0)) {
      problems.push(`${where}: ${key} ${cell[key]}`);
    }
  }
  if (cell.n === 0) return problems;
  if (!within(cellMean(cell), 0, 1)) problems.push(`${where}: mean ${cellMean(cell)}`);
  for (const threshold of thresholds) {
    const rate = cellPassRate(cell, threshold);
    if (!within(rate, 0, 1)) problems.push(`${where}: pass rate ${rate} at ${threshold}`);
  }
  return problems;
}

/**
 * Problems with a batch's result: every file accounted for exactly once (read, failed or
 * offered for mapping), failures with reasons, and every cell and grid value in 0..1.
 */
export function batchProblems(result: BatchResult, paths: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = [
    ...result.formats.map((f) => f.file),
    ...result.errors.map((e) => e.file),
    ...result.unmapped.map((u) => u.file),
  ].sort();
  if (JSON.stringify(seen) !== JSON.stringify([...paths].sort())) {
    problems.push(`files accounted for: ${seen.join(', ')}`);
  }
  for (const error of result.errors) {
    if (error.reason.trim() === '') problems.push(`${error.file}: an error with no reason`);
  }
  for (const draft of result.runs) {
    const run = { ...draft, id: draft.name };
    for (const cell of run.cells) problems.push(...cellProblems(cell));
    for (const metric of ['mean', 'passRate'] as const) {
      for (const slot of heatmapGrid(run, null, metric, 0.7).slots) {
        if (slot.value !== null && !within(slot.value, 0, 1)) {
          problems.push(`${run.name}: ${metric} ${slot.value} shown at ${slot.lengthTokens}`);
        }
      }
    }
  }
  return problems;
}
