import { cellOf } from './cells';
import { facetKey, facetValuesOf } from './facets';
import { roundDepth } from './normalize';
import type { Cell, CellSummary, Facets, FailedCall, Trial } from './types';

/** Trials kept per cell for the drill-down; the aggregates always count every trial. */
export const DETAILS_PER_CELL = 20;

/** A cell while it fills: its score distribution as a map. */
export interface CellCounts extends Omit<Cell, 'scoreValues' | 'scoreCounts'> {
  /** Score -> number of individually known trials with it. */
  scores: Map<number, number>;
}

interface CellAccumulator extends CellCounts {
  detailCount: number;
  facets?: Facets;
}

/** A filled cell, its score distribution ascending (only the fields of a Cell, so none leak). */
export function finishedCell(counts: CellCounts): Cell {
  const scoreValues = [...counts.scores.keys()].sort((a, b) => a - b);
  const scoreCounts = scoreValues.map((score) => counts.scores.get(score) ?? 0);
  return cellOf(counts, counts, { scoreValues, scoreCounts }, counts.facets);
}

type Coordinates = Pick<Trial, 'lengthTokens' | 'depthPercent' | 'task' | 'facets'>;

export function addCount(counts: Map<number, number>, score: number, count: number): void {
  counts.set(score, (counts.get(score) ?? 0) + count);
}

/**
 * Aggregates trials into cells while they are read, so memory follows the number of cells
 * (plus a bounded number of kept details), not the number of rows.
 */
export class GridAccumulator {
  private readonly cells = new Map<string, CellAccumulator>();
  private readonly kept: Trial[] = [];
  private trials = 0;
  private readonly lengthLabels = new Map<number, string>();

  private cellFor({ lengthTokens, depthPercent, task = '', facets }: Coordinates): CellAccumulator {
    const depth = depthPercent === null ? null : roundDepth(depthPercent);
    // Facets (needle count, mode) keep cells apart, so each facet's small multiple is exact.
    const key = `${task}\u0000${lengthTokens}\u0000${depth ?? ''}\u0000${facetKey(facets)}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        task,
        lengthTokens,
        depthPercent: depth,
        n: 0,
        failedCalls: 0,
        sum: 0,
        scores: new Map(),
        summaryN: 0,
        summaryPasses: 0,
        detailCount: 0,
        ...(facets ? { facets } : {}),
      };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Adds one trial; its details are kept while the cell has room. */
  addTrial(trial: Trial): void {
    const cell = this.cellFor(trial);
    cell.n += 1;
    cell.sum += trial.score;
    addCount(cell.scores, trial.score, 1);
    this.trials += 1;
    if (trial.lengthLabel !== undefined)
      this.lengthLabels.set(trial.lengthTokens, trial.lengthLabel);
    this.keep(cell, trial);
  }

  /** Keeps the details of a trial already counted (through {@link addCell}) while its cell has room. */
  addDetail(trial: Trial): void {
    this.keep(this.cellFor(trial), trial);
  }

  private keep(cell: CellAccumulator, trial: Trial): void {
    if (cell.detailCount < DETAILS_PER_CELL) {
      cell.detailCount += 1;
      // At the cell's rounded depth; a trial already there (merged from a file) is kept as is.
      const { depthPercent } = cell;
      this.kept.push(trial.depthPercent === depthPercent ? trial : { ...trial, depthPercent });
    }
  }

  /** Adds an already-averaged cell; its pass rate is the given one, else its mean. */
  addSummary(summary: CellSummary): void {
    const cell = this.cellFor(summary);
    cell.n += summary.n;
    cell.sum += summary.meanScore * summary.n;
    cell.summaryN += summary.n;
    cell.summaryPasses += (summary.passRate ?? summary.meanScore) * summary.n;
    this.trials += summary.n;
  }

  /**
   * Adds a whole cell exactly as Haymap aggregated it (read back from its own share file):
   * counts, sums and score distribution add. Its trial details, if known, come by {@link addDetail}.
   */
  addCell(whole: Cell): void {
    const cell = this.cellFor(whole);
    cell.n += whole.n;
    cell.failedCalls += whole.failedCalls;
    cell.sum += whole.sum;
    whole.scoreValues.forEach((score, i) => {
      addCount(cell.scores, score, whole.scoreCounts[i] ?? 0);
    });
    cell.summaryN += whole.summaryN;
    cell.summaryPasses += whole.summaryPasses;
    this.trials += whole.n;
  }

  /** Counts a call that failed; it is not a score. */
  addFailedCall(call: FailedCall): void {
    this.cellFor(call).failedCalls += 1;
  }

  /**
   * Adds everything another accumulator holds (several files into one run); with `lengthTokens`,
   * all of it at that length (a file whose length a companion file gives, see `load.ts`).
   */
  merge(other: GridAccumulator, lengthTokens?: number): void {
    const at = <T extends Coordinates>(item: T): T =>
      lengthTokens === undefined ? item : { ...item, lengthTokens };
    for (const theirs of other.cells.values()) {
      const cell = this.cellFor(at(theirs));
      cell.n += theirs.n;
      cell.failedCalls += theirs.failedCalls;
      cell.sum += theirs.sum;
      cell.summaryN += theirs.summaryN;
      cell.summaryPasses += theirs.summaryPasses;
      for (const [score, count] of theirs.scores) addCount(cell.scores, score, count);
    }
    for (const trial of other.kept) this.keep(this.cellFor(at(trial)), at(trial));
    for (const [length, label] of other.lengthLabels) this.lengthLabels.set(length, label);
    this.trials += other.trials;
  }

  get trialCount(): number {
    return this.trials;
  }

  get cellCount(): number {
    return this.cells.size;
  }

  /** The cells, sorted by task, length, then depth, with their distinct lengths, depths and tasks. */
  finish(): {
    cells: Cell[];
    lengths: number[];
    depths: number[];
    tasks: string[];
    details: Trial[];
    facetValues?: Record<string, string[]>;
    lengthLabels?: Record<number, string>;
  } {
    const cells = [...this.cells.values()].map(finishedCell);
    cells.sort(
      (a, b) =>
        // Most cells share their task (''): the collation is asked only when tasks differ.
        (a.task === b.task ? 0 : a.task.localeCompare(b.task)) ||
        a.lengthTokens - b.lengthTokens ||
        (a.depthPercent ?? -1) - (b.depthPercent ?? -1),
    );
    const ascending = (a: number, b: number) => a - b;
    const lengths = [...new Set(cells.map((c) => c.lengthTokens))].sort(ascending);
    const depths = [
      ...new Set(cells.flatMap((c) => (c.depthPercent === null ? [] : [c.depthPercent]))),
    ].sort(ascending);
    const tasks = [...new Set(cells.map((c) => c.task))].filter((t) => t !== '').sort();
    const facetValues = facetValuesOf(cells);
    const facets = Object.keys(facetValues).length > 0 ? { facetValues } : {};
    const named = lengths.flatMap((l) => {
      const label = this.lengthLabels.get(l);
      return label === undefined ? [] : [[l, label] as const];
    });
    const labels = named.length > 0 ? { lengthLabels: Object.fromEntries(named) } : {};
    return { cells, lengths, depths, tasks, details: this.kept, ...facets, ...labels };
  }
}
