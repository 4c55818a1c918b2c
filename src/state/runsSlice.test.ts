import { describe, expect, it, vi } from 'vitest';
import { hayRun, shortRun } from '../core/testing/summaryRuns';
import { testStore } from './testing/store';
import { DEFAULT_VIEW } from './viewFields';

describe('restoring runs and clearing all', () => {
  it('adds runs after the loaded ones with fresh ids and unique names, as a batch with no files', () => {
    const store = testStore();
    const [first] = store.getState().restoreRuns([hayRun()]);
    const ids = store.getState().restoreRuns([hayRun(), shortRun()]);
    const { runs, batches } = store.getState();
    expect(runs.map((r) => r.name)).toEqual(['Model "A", v2', 'Model "A", v2 (2)', 'short | fast']);
    expect(runs.map((r) => r.id)).toEqual([first, ...ids]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(3);
    expect(batches.at(-1)).toMatchObject({ files: [], runIds: ids, formats: [] });
    expect(store.getState().restoreRuns([])).toEqual([]);
  });

  it('clear every run, batch, error and the view, and stop a load in progress', () => {
    const cancel = vi.fn();
    const store = testStore({ cancel });
    store.getState().restoreRuns([hayRun()]);
    store.getState().addErrors([{ file: 'a.json', reason: 'broken' }]);
    store.setState({ view: { ...DEFAULT_VIEW, metric: 'passRate' } });
    store.getState().clearAll();
    expect(cancel).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({
      runs: [],
      batches: [],
      errors: [],
      view: DEFAULT_VIEW,
    });
    store.setState({
      loading: {
        filesDone: 0,
        filesTotal: 1,
        bytesDone: 0,
        bytesTotal: 1,
        records: 0,
        current: '',
      },
    });
    store.getState().clearAll();
    expect(cancel).toHaveBeenCalledOnce();
  });
});
