import type { Cell } from './types';

/**
 * A cell of exactly the fields of {@link Cell}, from anything that holds them (an accumulator, a
 * checked record), so no other field leaks into a run, and facets only where it has some (so
 * cells compare equal).
 */
export function cellOf(fields: Cell): Cell {
  const { task, lengthTokens, depthPercent, n, failedCalls, sum } = fields;
  const { scoreValues, scoreCounts, summaryN, summaryPasses, facets } = fields;
  // Built field by field, not spread: thousands of cells are made at every load and check.
  const cell: Cell = {
    task,
    lengthTokens,
    depthPercent,
    n,
    failedCalls,
    sum,
    scoreValues,
    scoreCounts,
    summaryN,
    summaryPasses,
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
