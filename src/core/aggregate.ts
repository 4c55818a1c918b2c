import { roundDepth } from './normalize';
import type { Cell, CellSummary, Trial } from './types';

/** Trials kept per cell for the drill-down; the aggregates always count every trial. */
export const DETAILS_PER_CELL = 50;

interface CellAccumulator {
  lengthTokens: number;
  depthPercent: number;
  n: number;
  sum: number;
  /** Normalised score -> number of known trials with it. */
  scores: Map<number, number>;
  summaryN: number;
  summaryPasses: number;
  detailCount: number;
}

/**
 * Aggregates trials into cells while they are read, so memory follows the number of cells
 * (plus a bounded number of kept details), not the number of rows.
 */
export class GridAccumulator {
  private readonly cells = new Map<string, CellAccumulator>();
  private readonly kept: Trial[] = [];
  private trials = 0;

  private cellFor(lengthTokens: number, depthPercent: number): CellAccumulator {
    const depth = roundDepth(depthPercent);
    const key = `${lengthTokens}|${depth}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        lengthTokens,
        depthPercent: depth,
        n: 0,
        sum: 0,
        scores: new Map(),
        summaryN: 0,
        summaryPasses: 0,
        detailCount: 0,
      };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Adds one trial; its details are kept while the cell has room. */
  addTrial(trial: Trial): void {
    const cell = this.cellFor(trial.lengthTokens, trial.depthPercent);
    cell.n += 1;
    cell.sum += trial.score;
    cell.scores.set(trial.score, (cell.scores.get(trial.score) ?? 0) + 1);
    this.trials += 1;
    if (cell.detailCount < DETAILS_PER_CELL) {
      cell.detailCount += 1;
      this.kept.push({ ...trial, depthPercent: cell.depthPercent });
    }
  }

  /** Adds an already-averaged cell; its pass rate is the given one, else its mean. */
  addSummary(summary: CellSummary): void {
    const cell = this.cellFor(summary.lengthTokens, summary.depthPercent);
    cell.n += summary.n;
    cell.sum += summary.meanScore * summary.n;
    cell.summaryN += summary.n;
    cell.summaryPasses += (summary.passRate ?? summary.meanScore) * summary.n;
    this.trials += summary.n;
  }

  /** Adds everything another accumulator holds (several files into one run). */
  merge(other: GridAccumulator): void {
    for (const theirs of other.cells.values()) {
      const cell = this.cellFor(theirs.lengthTokens, theirs.depthPercent);
      cell.n += theirs.n;
      cell.sum += theirs.sum;
      cell.summaryN += theirs.summaryN;
      cell.summaryPasses += theirs.summaryPasses;
      for (const [score, count] of theirs.scores) {
        cell.scores.set(score, (cell.scores.get(score) ?? 0) + count);
      }
    }
    for (const trial of other.kept) {
      const cell = this.cellFor(trial.lengthTokens, trial.depthPercent);
      if (cell.detailCount < DETAILS_PER_CELL) {
        cell.detailCount += 1;
        this.kept.push(trial);
      }
    }
    this.trials += other.trials;
  }

  get trialCount(): number {
    return this.trials;
  }

  get cellCount(): number {
    return this.cells.size;
  }

  /** The cells, sorted by length then depth, with their distinct lengths and depths. */
  finish(): { cells: Cell[]; lengths: number[]; depths: number[]; details: Trial[] } {
    const cells: Cell[] = [...this.cells.values()].map((acc) => {
      const scoreValues = [...acc.scores.keys()].sort((a, b) => a - b);
      return {
        lengthTokens: acc.lengthTokens,
        depthPercent: acc.depthPercent,
        n: acc.n,
        sum: acc.sum,
        scoreValues,
        scoreCounts: scoreValues.map((score) => acc.scores.get(score) ?? 0),
        summaryN: acc.summaryN,
        summaryPasses: acc.summaryPasses,
      };
    });
    cells.sort((a, b) => a.lengthTokens - b.lengthTokens || a.depthPercent - b.depthPercent);
    const lengths = [...new Set(cells.map((c) => c.lengthTokens))].sort((a, b) => a - b);
    const depths = [...new Set(cells.map((c) => c.depthPercent))].sort((a, b) => a - b);
    return { cells, lengths, depths, details: this.kept };
  }
}
