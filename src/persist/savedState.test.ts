import { describe, expect, it } from 'vitest';
import { runsToShare } from '../core/testing/shareRuns';
import { sharedViewOf } from '../state/sharedView';
import type { ViewState } from '../state/types';
import { DEFAULT_VIEW } from '../state/viewFields';
import {
  readSavedMeta,
  readSavedRun,
  readSavedView,
  savedMetaOf,
  savedViewPatch,
} from './savedState';

describe('the saved copy', () => {
  const runs = runsToShare();
  const [a, b, c] = runs.map((run) => run.id);

  it('reads saved runs back whole: cells, kept trials, files and notes', () => {
    for (const run of runs) {
      const saved = structuredClone({ ...run, files: ['x/a.json'], warnings: ['1 row skipped'] });
      const read = readSavedRun(saved);
      expect(read).toEqual({ ok: true, value: { ...saved, id: undefined } });
      expect(read.ok && 'id' in read.value).toBe(false);
    }
    expect(runs[0]!.details.length).toBeGreaterThan(0);
  });

  it.each([
    ['not an object', () => 'run'],
    ['a name that is not text', () => ({ ...runs[0], name: 1 })],
    ['cells that are not a list', () => ({ ...runs[0], cells: {} })],
    ['a cell with a negative n', () => ({ ...runs[0], cells: [{ ...runs[0]!.cells[0], n: -1 }] })],
    [
      'a kept trial scored as text',
      () => ({ ...runs[0], details: [{ ...runs[0]!.details[0], score: 'x' }] }),
    ],
    ['files that are not text', () => ({ ...runs[0], files: [1] })],
  ])('refuses a saved run with %s', (_what, make) => {
    expect(readSavedRun(make()).ok).toBe(false);
  });

  it('keeps the view with its run references as positions, and maps them to the new ids', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      metric: 'passRate',
      hiddenRunIds: [b!],
      diffA: c!,
      diffB: a!,
      drill: { runId: a!, lengthTokens: 1000, row: 0 },
    };
    const meta = readSavedMeta(structuredClone(savedMetaOf(runs, [7, 8, 9], view)));
    if (!meta.ok) throw new Error(meta.reason);
    expect(meta.value.order).toEqual([7, 8, 9]);
    const saved = readSavedView(meta.value.view);
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.value).toMatchObject({ hidden: [1], diffA: 2, diffB: 0 });
    // The run saved first is gone: what referred to it refers to nothing.
    expect(savedViewPatch(saved.value, [undefined, 'y', 'z'])).toMatchObject({
      metric: 'passRate',
      hiddenRunIds: ['y'],
      diffA: 'z',
      diffB: null,
    });
    expect(savedViewPatch(saved.value, [])).not.toHaveProperty('drill');
  });

  it.each([
    ['another version', { version: 2, order: [], view: {} }],
    ['keys that are not numbers', { version: 1, order: ['a'], view: {} }],
  ])('refuses a meta record of %s', (_what, meta) => {
    expect(readSavedMeta(meta).ok).toBe(false);
  });

  it('refuses a view without hidden runs, or with a bad field, but takes any text as its task', () => {
    const good = savedMetaOf(runs, [1, 2, 3], { ...DEFAULT_VIEW, task: 'x'.repeat(5000) }).view;
    expect(readSavedView(good).ok).toBe(true);
    expect(readSavedView({ ...sharedViewOf(DEFAULT_VIEW, []) }).ok).toBe(false);
    expect(
      readSavedView({ ...sharedViewOf(DEFAULT_VIEW, []), hidden: [], metric: 'median' }).ok,
    ).toBe(false);
  });

  it('takes names, tasks and format labels of any length back', () => {
    const run = runs[2]!;
    const long = {
      ...run,
      name: 'n'.repeat(5000),
      formats: ['Mapped columns (' + 'c'.repeat(2000) + ')'],
      cells: run.cells.map((cell) => ({ ...cell, task: cell.task + 't'.repeat(3000) })),
    };
    expect(readSavedRun(long).ok).toBe(true);
  });
});
