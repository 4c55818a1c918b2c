import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../core/summary';
import { nextSort, sortSummaries } from './summarySort';

function makeSummary(patch: Partial<RunSummary> & { name: string }): RunSummary {
  return {
    runId: `id-${patch.name}`,
    meanScore: 0.5,
    passRate: 0.5,
    trials: 10,
    failedCalls: 0,
    cells: 4,
    lengths: [1000, 2000],
    depths: [0, 100],
    tasks: [],
    byLength: [],
    effectiveLength: null,
    worstBand: null,
    ...patch,
  };
}

const rows = [
  makeSummary({ name: 'run 10', meanScore: 0.9, effectiveLength: 4000 }),
  makeSummary({ name: 'run 2', meanScore: 0.7, effectiveLength: null }),
  makeSummary({ name: 'run 1', meanScore: 0.8, effectiveLength: 1000 }),
];
const names = (sorted: RunSummary[]) => sorted.map((r) => r.name);

describe('sortSummaries', () => {
  it('keeps the given order with no sort', () => {
    expect(names(sortSummaries(rows, null))).toEqual(['run 10', 'run 2', 'run 1']);
  });

  it('sorts numbers both ways', () => {
    expect(names(sortSummaries(rows, { key: 'meanScore', direction: 'ascending' }))).toEqual([
      'run 2',
      'run 1',
      'run 10',
    ]);
    expect(names(sortSummaries(rows, { key: 'meanScore', direction: 'descending' }))).toEqual([
      'run 10',
      'run 1',
      'run 2',
    ]);
  });

  it('sorts names as people read numbers in them', () => {
    expect(names(sortSummaries(rows, { key: 'name', direction: 'ascending' }))).toEqual([
      'run 1',
      'run 2',
      'run 10',
    ]);
  });

  it('puts runs with no effective length last in either direction', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      expect(names(sortSummaries(rows, { key: 'effectiveLength', direction })).at(-1)).toBe(
        'run 2',
      );
    }
  });

  it('does not change the rows it is given', () => {
    const before = names(rows);
    sortSummaries(rows, { key: 'name', direction: 'ascending' });
    expect(names(rows)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('sorts a new column ascending, and reverses on a second click', () => {
    const first = nextSort(null, 'trials');
    expect(first).toEqual({ key: 'trials', direction: 'ascending' });
    expect(nextSort(first, 'trials')).toEqual({ key: 'trials', direction: 'descending' });
    expect(nextSort(nextSort(first, 'trials'), 'trials').direction).toBe('ascending');
    expect(nextSort(first, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });
});
