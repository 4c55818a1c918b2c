import { GridAccumulator } from '../../aggregate';
import { cellOf } from '../../cells';
import { facetsWithinLimits, MAX_FACETS } from '../../limits';
import { isJsonObject } from '../../read/json';
import type { Cell, Facets, RunDraft } from '../../types';
import { accept, isCount, isList, isNumberIn, isText, refuse, type Checked } from './guards';

/** The longest task name read from a share. */
export const MAX_TASK_CHARS = 500;

/** A sum may pass its count by float rounding only: scores are 0..1. */
const SLACK = 1 + 1e-9;

/**
 * A cell as share links and files write it: the fields of {@link Cell} in their order,
 * without their names, so that thousands of cells stay small.
 */
export type CellTuple = [
  task: string,
  lengthTokens: number,
  depthPercent: number | null,
  n: number,
  failedCalls: number,
  sum: number,
  scoreValues: number[],
  scoreCounts: number[],
  summaryN: number,
  summaryPasses: number,
  /** Only for cells of a faceted run (needle count, mode): older links have ten fields. */
  facets?: Facets,
];

const TUPLE_FIELDS: readonly (keyof Cell)[] = [
  'task',
  'lengthTokens',
  'depthPercent',
  'n',
  'failedCalls',
  'sum',
  'scoreValues',
  'scoreCounts',
  'summaryN',
  'summaryPasses',
  'facets',
];

/** A cell written as a tuple: where it stands, then what it counts (as the reader checks them). */
export function cellTuple(cell: Cell): CellTuple {
  const { task, lengthTokens, depthPercent, n, failedCalls, sum } = cell;
  const { scoreValues, scoreCounts, summaryN, summaryPasses, facets } = cell;
  const place = [task, lengthTokens, depthPercent] as const;
  const counts = [n, failedCalls, sum, scoreValues, scoreCounts, summaryN, summaryPasses] as const;
  const tuple: CellTuple = [...place, ...counts];
  if (facets) tuple.push(facets);
  return tuple;
}

/** Reads a cell written by {@link cellTuple}. */
export function cellFromTuple(value: unknown, maxTaskChars = MAX_TASK_CHARS): Checked<Cell> {
  // The last field, facets, is written only where a cell has some.
  if (
    !isList(value) ||
    value.length < TUPLE_FIELDS.length - 1 ||
    value.length > TUPLE_FIELDS.length
  ) {
    return refuse(`must be a list of ${TUPLE_FIELDS.length - 1} or ${TUPLE_FIELDS.length} values`);
  }
  return checkCell((field) => value[TUPLE_FIELDS.indexOf(field)], maxTaskChars);
}

/** Reads a cell stored as an object (a saved run's). */
export function cellFromObject(value: unknown, maxTaskChars = MAX_TASK_CHARS): Checked<Cell> {
  if (!isJsonObject(value)) return refuse('must be an object');
  return checkCell((field) => value[field], maxTaskChars);
}

/**
 * What a run's cells decide, rebuilt from checked cells through the same accumulator as
 * loading (so lengths, depths and tasks are never taken on trust). Two cells at one place
 * are refused: Haymap never writes them.
 */
export function gridOfCells(
  cells: readonly Cell[],
): Checked<Pick<RunDraft, 'cells' | 'lengths' | 'depths' | 'tasks' | 'trialCount'>> {
  const acc = new GridAccumulator();
  for (const cell of cells) acc.addCell(cell);
  if (acc.cellCount !== cells.length) return refuse('two cells share a task, length and depth');
  const { cells: rebuilt, lengths, depths, tasks } = acc.finish();
  return accept({ cells: rebuilt, lengths, depths, tasks, trialCount: acc.trialCount });
}

/** Whether each of a cell's score counts is a whole number above 0 (a loop: a run checks every cell). */
function areTrialCounts(scoreCounts: readonly unknown[]): scoreCounts is number[] {
  for (const count of scoreCounts) if (!isCount(count, 1)) return false;
  return true;
}

/** Distinct scores in 0..1, ascending, as {@link Cell.scoreValues} holds them. */
function isScoreList(value: unknown): value is number[] {
  if (!isList(value)) return false;
  let previous = -1;
  for (const score of value) {
    if (!isNumberIn(score, 0, 1) || score <= previous) return false;
    previous = score;
  }
  return true;
}

/** Checks every field of a cell and that they agree: counts add up, sums fit the counts. */
function checkCell(get: (field: keyof Cell) => unknown, maxTaskChars: number): Checked<Cell> {
  const place = checkPlace(get, maxTaskChars);
  if (!place.ok) return place;
  const counts = checkCounts(get);
  if (!counts.ok) return counts;
  const facets = get('facets');
  if (facets !== undefined && !isFacets(facets)) {
    return refuse(`facets must map at most ${MAX_FACETS} names to short texts`);
  }
  return accept(cellOf(place.value, counts.value, counts.value, facets));
}

/** Where a cell stands: its task, length and depth. */
function checkPlace(
  get: (field: keyof Cell) => unknown,
  maxTaskChars: number,
): Checked<Pick<Cell, 'task' | 'lengthTokens' | 'depthPercent'>> {
  const task = get('task');
  if (!isText(task, maxTaskChars)) {
    return refuse(`task must be text of at most ${maxTaskChars} characters`);
  }
  const lengthTokens = get('lengthTokens');
  // 0 is a producer's "no filler" column (BABILong `0k`), which a kept run must bring back.
  if (!isCount(lengthTokens)) return refuse('lengthTokens must be a whole number of at least 0');
  const depthPercent = get('depthPercent');
  if (depthPercent !== null && !isNumberIn(depthPercent, 0, 100)) {
    return refuse('depthPercent must be a number in 0..100, or null');
  }
  return accept({ task, lengthTokens, depthPercent });
}

/** What a cell counts, and that the counts agree: they add up, sums fit the counts. */
function checkCounts(
  get: (field: keyof Cell) => unknown,
): Checked<Omit<Cell, 'task' | 'lengthTokens' | 'depthPercent' | 'facets'>> {
  const n = get('n');
  const failedCalls = get('failedCalls');
  const summaryN = get('summaryN');
  if (!isCount(n) || !isCount(failedCalls) || !isCount(summaryN)) {
    return refuse('n, failedCalls and summaryN must be whole numbers of at least 0');
  }
  if (n + failedCalls === 0) return refuse('holds no trial and no failed call');
  const scoreValues = get('scoreValues');
  if (!isScoreList(scoreValues)) {
    return refuse('scoreValues must be distinct scores in 0..1, ascending');
  }
  const scoreCounts = get('scoreCounts');
  if (
    !isList(scoreCounts) ||
    scoreCounts.length !== scoreValues.length ||
    !areTrialCounts(scoreCounts)
  ) {
    return refuse('scoreCounts must be one whole number above 0 per score value');
  }
  let known = 0;
  for (const count of scoreCounts) known += count;
  if (known + summaryN !== n) return refuse('n must be the scored trials plus summaryN');
  const sum = get('sum');
  if (!isNumberIn(sum, 0, n * SLACK)) return refuse('sum must lie in 0..n (scores are 0..1)');
  const summaryPasses = get('summaryPasses');
  if (!isNumberIn(summaryPasses, 0, summaryN * SLACK)) {
    return refuse('summaryPasses must lie in 0..summaryN');
  }
  return accept({ n, failedCalls, sum, scoreValues, scoreCounts, summaryN, summaryPasses });
}

/** A cell's facets: field -> value, a few short texts (needles -> "3"). */
export function isFacets(value: unknown): value is Facets {
  if (!isJsonObject(value)) return false;
  return facetsWithinLimits(value);
}
