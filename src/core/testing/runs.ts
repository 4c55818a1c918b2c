import { GridAccumulator } from '../aggregate';
import type { CellSummary, Run, Trial } from '../types';
import { makeTrial } from './factories';

/** What a test run is made of besides its scored trials. */
export interface RunParts {
  name?: string;
  /** Calls that failed, placed like trials. */
  failed?: Trial[];
  /** Pre-averaged cells, as some producers write them. */
  summaries?: CellSummary[];
}

/** A run aggregated from trials as loading makes it, so tests see real cells. */
export function runOf(
  trials: Trial[],
  { name = 'run', failed = [], summaries = [] }: RunParts = {},
) {
  const acc = new GridAccumulator();
  trials.forEach((t) => acc.addTrial(t));
  failed.forEach((t) => acc.addFailedCall(t));
  summaries.forEach((s) => acc.addSummary(s));
  const run: Run = {
    ...acc.finish(),
    id: name,
    name,
    formats: [],
    files: [],
    trialCount: acc.trialCount,
    warnings: [],
  };
  return run;
}

/** One trial per score, all in the cell at (length, depth) of an optional task. */
export function cellTrials(
  lengthTokens: number,
  depthPercent: number | null,
  scores: readonly number[],
  task?: string,
): Trial[] {
  return scores.map((score) => makeTrial({ lengthTokens, depthPercent, score, task }));
}

/** A pre-averaged cell with defaults; tests name only what they are about. */
export function makeSummary(overrides: Partial<CellSummary> = {}): CellSummary {
  return {
    lengthTokens: 1000,
    depthPercent: 50,
    n: 10,
    meanScore: 0.5,
    source: { file: 'summary.csv' },
    ...overrides,
  };
}
