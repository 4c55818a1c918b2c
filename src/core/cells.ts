import type { Cell } from './types';

/** Where a cell stands: its task, length and depth. */
export type CellPlace = Pick<Cell, 'task' | 'lengthTokens' | 'depthPercent'>;

/** What a cell counts: trials, failed calls, their sum, and its averaged (summary) part. */
export type CellTally = Pick<Cell, 'n' | 'failedCalls' | 'sum' | 'summaryN' | 'summaryPasses'>;

/** A cell's score distribution: its distinct scores, ascending, and how often each came. */
export type CellScores = Pick<Cell, 'scoreValues' | 'scoreCounts'>;

/**
 * A cell of exactly the fields of {@link Cell}, from whatever holds its parts (an accumulator,
 * a checked record), so no other field leaks into a run, and facets only where it has some (so
 * cells compare equal). One literal, not spread objects: thousands of cells are made at every
 * load and every check.
 */
export function cellOf(
  place: CellPlace,
  counts: CellTally,
  scores: CellScores,
  facets?: Cell['facets'],
): Cell {
  const cell: Cell = {
    task: place.task,
    lengthTokens: place.lengthTokens,
    depthPercent: place.depthPercent,
    n: counts.n,
    failedCalls: counts.failedCalls,
    sum: counts.sum,
    scoreValues: scores.scoreValues,
    scoreCounts: scores.scoreCounts,
    summaryN: counts.summaryN,
    summaryPasses: counts.summaryPasses,
  };
  if (facets) cell.facets = facets;
  return cell;
}

/**
 * One cell holding every trial of several (the same length and depth across tasks, for the
 * "all tasks" view): counts and sums add, score distributions merge.
 */
export function mergeCells(cells: readonly Cell[]): Cell {
  const [first] = cells;
  if (!first) throw new Error('mergeCells needs at least one cell');
  if (cells.length === 1) return first;
  const scores = new Map<number, number>();
  const merged: Cell = {
    task: '',
    lengthTokens: first.lengthTokens,
    depthPercent: first.depthPercent,
    n: 0,
    failedCalls: 0,
    sum: 0,
    scoreValues: [],
    scoreCounts: [],
    summaryN: 0,
    summaryPasses: 0,
  };
  for (const cell of cells) {
    merged.n += cell.n;
    merged.failedCalls += cell.failedCalls;
    merged.sum += cell.sum;
    merged.summaryN += cell.summaryN;
    merged.summaryPasses += cell.summaryPasses;
    cell.scoreValues.forEach((score, i) => {
      scores.set(score, (scores.get(score) ?? 0) + (cell.scoreCounts[i] ?? 0));
    });
  }
  merged.scoreValues = [...scores.keys()].sort((a, b) => a - b);
  merged.scoreCounts = merged.scoreValues.map((score) => scores.get(score) ?? 0);
  return merged;
}
