import { describe, expect, it } from 'vitest';
import { makeTrial } from '../core/testing/factories';
import { runOf } from '../core/testing/runs';
import { hayRun, shortRun } from '../core/testing/summaryRuns';
import { testStore } from './testing/store';
import { DEFAULT_VIEW } from './viewFields';

function threeRuns() {
  const store = testStore();
  const ids = store.getState().restoreRuns([hayRun(), shortRun(), hayRun()]);
  return { store, ids };
}

describe('editing runs', () => {
  it('renames a run, trimmed and kept apart from the others; a blank name changes nothing', () => {
    const { store, ids } = threeRuns();
    store.getState().renameRun(ids[1]!, '  Model "A", v2 ');
    store.getState().renameRun(ids[0]!, '   ');
    expect(store.getState().runs.map((r) => r.name)).toEqual([
      'Model "A", v2',
      'Model "A", v2 (3)',
      'Model "A", v2 (2)',
    ]);
  });

  it('moves a run within the order, stopping at either end', () => {
    const { store, ids } = threeRuns();
    const [a, b, c] = ids;
    store.getState().moveRun(a!, 1);
    expect(store.getState().runs.map((r) => r.id)).toEqual([b, a, c]);
    store.getState().moveRun(c!, -5);
    expect(store.getState().runs.map((r) => r.id)).toEqual([c, b, a]);
    const before = store.getState().runs;
    store.getState().moveRun(a!, 1);
    store.getState().moveRun('gone', 1);
    expect(store.getState().runs).toBe(before);
  });

  it('removes a run, and every reference to it: hidden, difference runs and the drill-down', () => {
    const { store, ids } = threeRuns();
    const [a, b, c] = ids;
    store.getState().setView({
      hiddenRunIds: [a!, c!],
      diffA: a!,
      diffB: b!,
      drill: { runId: a!, lengthTokens: 1000, row: 0 },
    });
    store.getState().removeRun(a!);
    const { runs, batches, view } = store.getState();
    expect(runs.map((r) => r.id)).toEqual([b, c]);
    expect(batches.flatMap((batch) => batch.runIds)).toEqual([b, c]);
    expect(view).toMatchObject({ hiddenRunIds: [c], diffA: null, diffB: b, drill: null });
  });

  it('keeps references to other runs when one is removed', () => {
    const { store, ids } = threeRuns();
    const [a, b, c] = ids;
    const drill = { runId: b!, lengthTokens: 1000, row: 0 };
    store.getState().setView({ diffA: c!, diffB: b!, drill });
    store.getState().removeRun(a!);
    expect(store.getState().view).toMatchObject({ diffA: c, diffB: b, drill });
    expect(store.getState().view.hiddenRunIds).toEqual(DEFAULT_VIEW.hiddenRunIds);
  });
});

describe('merging and splitting runs', () => {
  /** Two runs of one cell each: a = [1], b = [0, 0]; and one with needle counts 1 and 3. */
  function mergeable() {
    const store = testStore();
    const a = runOf([makeTrial({ score: 1 })], { name: 'a' });
    const b = runOf([makeTrial({ score: 0 }), makeTrial({ score: 0 })], { name: 'b' });
    const needles = runOf(
      [
        makeTrial({ score: 1, facets: { needles: '1' } }),
        makeTrial({ score: 0, facets: { needles: '3' } }),
      ],
      { name: 'multi' },
    );
    const ids = store.getState().restoreRuns([a, needles, b]);
    return { store, ids };
  }

  it('merges runs into one in the place of the first, its cells the trials of both', () => {
    const { store, ids } = mergeable();
    const [a, multi, b] = ids;
    store.getState().setView({ hiddenRunIds: [b!], diffA: a!, diffB: b! });
    const merged = store.getState().mergeRuns([a!, b!]);
    expect(merged.ok).toBe(true);
    const { runs, batches, view } = store.getState();
    expect(runs.map((r) => r.name)).toEqual(['a + b', 'multi']);
    expect(runs[1]!.id).toBe(multi);
    const cell = runs[0]!.cells[0]!;
    expect([cell.n, cell.sum, runs[0]!.trialCount]).toEqual([3, 1, 3]);
    expect(merged.ok && merged.id).toBe(runs[0]!.id);
    expect(batches.flatMap((batch) => batch.runIds)).toEqual([multi, runs[0]!.id]);
    expect(view).toMatchObject({ hiddenRunIds: [], diffA: null, diffB: null });
  });

  it('refuses to merge tokens with frames, and then changes nothing', () => {
    const store = testStore();
    const video = { ...runOf([makeTrial()], { name: 'video' }), lengthUnit: 'frames' as const };
    const ids = store.getState().restoreRuns([runOf([makeTrial()], { name: 'text' }), video]);
    const before = store.getState().runs;
    expect(store.getState().mergeRuns(ids)).toEqual({
      ok: false,
      reason: 'The runs count length in different units (tokens and frames).',
    });
    expect(store.getState().mergeRuns(ids.slice(0, 1)).ok).toBe(false);
    expect(store.getState().runs).toBe(before);
  });

  it('splits a run by a facet into runs in its place, one per value', () => {
    const { store, ids } = mergeable();
    const [a, multi, b] = ids;
    store.getState().setView({ drill: { runId: multi!, lengthTokens: 1000, row: 50 } });
    const parts = store.getState().splitRun(multi!, 'needles');
    const { runs, view } = store.getState();
    expect(runs.map((r) => [r.name, r.trialCount])).toEqual([
      ['a', 1],
      ['multi (needles=1)', 1],
      ['multi (needles=3)', 1],
      ['b', 2],
    ]);
    expect(parts).toEqual([runs[1]!.id, runs[2]!.id]);
    expect([runs[0]!.id, runs[3]!.id]).toEqual([a, b]);
    expect(view.drill).toBeNull();
  });

  it('leaves a run with one value of the field as it is', () => {
    const { store, ids } = mergeable();
    const before = store.getState().runs;
    expect(store.getState().splitRun(ids[0]!, 'needles')).toEqual([]);
    expect(store.getState().splitRun('gone', 'needles')).toEqual([]);
    expect(store.getState().runs).toBe(before);
  });

  it('merges the parts of a split back into the cells of the whole', () => {
    const { store, ids } = mergeable();
    const whole = store.getState().runs[1]!;
    const parts = store.getState().splitRun(ids[1]!, 'needles');
    const merged = store.getState().mergeRuns(parts);
    const run = store.getState().runs.find((r) => merged.ok && r.id === merged.id);
    expect(run?.cells).toEqual(whole.cells);
  });
});
