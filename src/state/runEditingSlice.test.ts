import { describe, expect, it } from 'vitest';
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
