import type { RunSummary } from '../core/summary';

/** The summary table's sortable columns. */
export type SortKey =
  | 'name'
  | 'meanScore'
  | 'meanOfTrials'
  | 'passRate'
  | 'trials'
  | 'cells'
  | 'lengths'
  | 'depths'
  | 'effectiveLength'
  | 'worstBand';

export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** What each column sorts by; null for "not known" (no band, no effective length). */
const SORT_VALUE: Record<SortKey, (row: RunSummary) => number | string | null> = {
  name: (row) => row.name,
  meanScore: (row) => row.meanScore,
  meanOfTrials: (row) => row.meanOfTrials ?? null,
  passRate: (row) => row.passRate,
  trials: (row) => row.trials,
  cells: (row) => row.cells,
  lengths: (row) => row.lengths.length,
  depths: (row) => row.depths.length,
  effectiveLength: (row) => row.effectiveLength,
  worstBand: (row) => row.worstBand?.mean ?? null,
};

function isMissing(value: number | string | null): value is null {
  return value === null || (typeof value === 'number' && Number.isNaN(value));
}

function compare(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b), undefined, { numeric: true });
}

/**
 * The rows in the order asked for, ties in their given (load) order; rows with nothing to
 * sort by go last either way, as an unknown is neither best nor worst. Null: the given order.
 */
export function sortSummaries(rows: readonly RunSummary[], order: SortOrder | null): RunSummary[] {
  if (!order) return [...rows];
  const value = SORT_VALUE[order.key];
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((ra, rb) => {
    const a = value(ra);
    const b = value(rb);
    if (isMissing(a) || isMissing(b)) return Number(isMissing(a)) - Number(isMissing(b));
    return sign * compare(a, b);
  });
}

/** The order after a click on a column's header: ascending first, reversed on a second click. */
export function nextSort(current: SortOrder | null, key: SortKey): SortOrder {
  if (current?.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
