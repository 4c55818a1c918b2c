import { addCount, DETAILS_PER_CELL, finishedCell } from '../../aggregate';
import { roundDepth } from '../../normalize';
import type { Cell, Trial } from '../../types';
import type { AggregatedTrials } from '../format';

/** A trial whose score is still on the file's own scale, unknown until the file is read. */
export interface RawTrial extends Omit<Trial, 'score'> {
  rawScore: number;
}

interface PendingCell {
  model?: string;
  task: string;
  lengthTokens: number;
  depthPercent: number | null;
  n: number;
  /** Raw score -> number of trials with it. */
  scores: Map<number, number>;
  details: number;
}

/**
 * Trials of a file whose score scale shows only once all of it is read (a tidy CSV on 1..10).
 * They are aggregated per (model, cell) on the raw scale as they come, keeping the details the
 * drill-down shows, and handed on once on 0..1: memory follows the cells, not the rows, and no
 * raw score ever reaches the grid.
 */
export class PendingTrials {
  private readonly cells = new Map<string, PendingCell>();
  private readonly details: RawTrial[] = [];

  add(trial: RawTrial): void {
    const task = trial.task ?? '';
    const depth = trial.depthPercent === null ? null : roundDepth(trial.depthPercent);
    const key = `${trial.model ?? ''}\u0000${task}\u0000${trial.lengthTokens}\u0000${depth ?? ''}`;
    let cell = this.cells.get(key);
    if (!cell) {
      const { model, lengthTokens } = trial;
      cell = {
        model,
        task,
        lengthTokens,
        depthPercent: depth,
        n: 0,
        scores: new Map(),
        details: 0,
      };
      this.cells.set(key, cell);
    }
    cell.n += 1;
    addCount(cell.scores, trial.rawScore, 1);
    if (cell.details < DETAILS_PER_CELL) {
      cell.details += 1;
      this.details.push(trial);
    }
  }

  /** Every trial so far, its score divided by `top`: whole cells and the details in reading order. */
  normalised(top: number): AggregatedTrials {
    const cells = [...this.cells.values()].map(({ model, ...pending }) => ({
      model,
      cell: normalisedCell(pending, top),
    }));
    const details = this.details.map(({ rawScore, ...trial }): Trial => ({
      ...trial,
      score: rawScore / top,
    }));
    return { cells, details };
  }
}

function normalisedCell(
  { scores: raw, ...pending }: Omit<PendingCell, 'model'>,
  top: number,
): Cell {
  const scores = new Map<number, number>();
  let sum = 0;
  for (const [rawScore, count] of raw) {
    const score = rawScore / top;
    addCount(scores, score, count);
    sum += score * count;
  }
  const { task, lengthTokens, depthPercent, n } = pending;
  const none = { failedCalls: 0, summaryN: 0, summaryPasses: 0 };
  return finishedCell({ task, lengthTokens, depthPercent, n, sum, scores, ...none });
}
