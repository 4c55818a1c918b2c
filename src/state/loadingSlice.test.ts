import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ColumnMapping } from '../core/types';
import { hayRun, shortRun } from '../core/testing/summaryRuns';
import { picked, resultOf, testStore } from './testing/store';
import type { Loader } from './types';

const GUESS: ColumnMapping = {
  length: 'len',
  depth: null,
  depthUnit: 'auto',
  score: 'score',
  scoreScale: 'auto',
  model: null,
  task: null,
  needle: null,
  response: null,
  expected: null,
};
const SAMPLE = { kind: 'csv' as const, columns: ['len', 'score'], rows: [] };

// A load ends with a User Timing mark at the next frame; Node has no frames.
beforeAll(() => {
  vi.stubGlobal('requestAnimationFrame', (frame: FrameRequestCallback) => {
    frame(0);
    return 0;
  });
});

describe('adding files', () => {
  it('adds the runs of a load after those loaded, named apart, with the files it read', async () => {
    const load = vi
      .fn<Loader['load']>()
      .mockResolvedValue(resultOf(['a.json'], { runs: [hayRun(), hayRun()] }));
    const store = testStore({ load });
    await store.getState().addFiles([picked('a.json')]);
    const { runs, batches, loading } = store.getState();
    expect(runs.map((r) => r.name)).toEqual(['Model "A", v2', 'Model "A", v2 (2)']);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ runIds: runs.map((r) => r.id) });
    expect(loading).toBeNull();
    await store.getState().addFiles([]);
    expect(load).toHaveBeenCalledOnce();
  });

  it('skips files already loaded, by fingerprint, and says so', async () => {
    const first = resultOf(['a.json'], { runs: [hayRun()] });
    const load = vi
      .fn<Loader['load']>()
      .mockResolvedValueOnce({ ...first, formats: [{ ...first.formats[0]!, fingerprint: 'f1' }] })
      .mockResolvedValueOnce(resultOf([], { duplicates: [{ file: 'b.json', sameAs: 'a.json' }] }));
    const store = testStore({ load });
    await store.getState().addFiles([picked('a.json')]);
    await store.getState().addFiles([picked('b.json')]);
    expect(load.mock.calls[1]?.[2]).toEqual({ f1: 'a.json' });
    expect(store.getState().notice).toBe(
      'Already loaded, so skipped: b.json (same content as a.json).',
    );
  });

  it('adds nothing from a cancelled load, and says so', async () => {
    const store = testStore();
    await store.getState().addFiles([picked('a.json')]);
    expect(store.getState()).toMatchObject({ runs: [], batches: [], loading: null });
    expect(store.getState().notice).toContain('cancelled');
  });
});

describe('reading a file again', () => {
  it('rebuilds the batch’s runs in their place and replaces its errors', async () => {
    const load = vi
      .fn<Loader['load']>()
      .mockResolvedValueOnce(resultOf(['a.json'], { runs: [hayRun()] }))
      .mockResolvedValueOnce(
        resultOf(['b.json'], { runs: [shortRun()], errors: [{ file: 'b.json', reason: 'bad' }] }),
      )
      .mockResolvedValueOnce(resultOf(['a.json'], { runs: [shortRun()] }));
    const store = testStore({ load });
    await store.getState().addFiles([picked('a.json')]);
    await store.getState().addFiles([picked('b.json')]);
    const [first, second] = store.getState().batches;
    await store.getState().rereadFile(first!.id, 'a.json', { formatId: 'tidy' });
    const { runs, errors, batches } = store.getState();
    expect(load.mock.calls[2]?.[0]).toEqual([expect.objectContaining({ formatId: 'tidy' })]);
    expect(runs.map((r) => r.name)).toEqual(['short | fast (2)', 'short | fast']);
    expect(errors.map((e) => e.batchId)).toEqual([second!.id]);
    expect(batches.map((b) => b.id)).toEqual([first!.id, second!.id]);
  });
});

describe('the column-mapping queue', () => {
  it('queues unmapped files, and reads the first again with the mapping confirmed', async () => {
    const unmapped = [{ file: 'a.csv', sample: SAMPLE, guess: GUESS }];
    const load = vi
      .fn<Loader['load']>()
      .mockResolvedValueOnce(resultOf([], { unmapped }))
      .mockResolvedValueOnce(resultOf(['a.csv'], { runs: [hayRun()] }));
    const store = testStore({ load });
    await store.getState().addFiles([picked('a.csv')]);
    expect(store.getState().pendingMappings).toMatchObject([{ file: 'a.csv' }]);
    await store.getState().resolveMapping(GUESS);
    expect(store.getState().pendingMappings).toEqual([]);
    expect(load.mock.calls[1]?.[0]).toEqual([expect.objectContaining({ mapping: GUESS })]);
    expect(store.getState().runs).toHaveLength(1);
  });

  it('drops the first waiting file when dismissed, reading nothing', async () => {
    const unmapped = [{ file: 'a.csv', sample: SAMPLE, guess: GUESS }];
    const load = vi.fn<Loader['load']>().mockResolvedValue(resultOf([], { unmapped }));
    const store = testStore({ load });
    await store.getState().addFiles([picked('a.csv')]);
    await store.getState().resolveMapping(null);
    expect(store.getState().pendingMappings).toEqual([]);
    expect(load).toHaveBeenCalledOnce();
  });

  it('asks for a mapping of a loaded file, or shows why its sample could not be read', async () => {
    const load = vi.fn<Loader['load']>().mockResolvedValue(resultOf(['a.csv', 'b.csv']));
    const sample = vi
      .fn<Loader['sample']>()
      .mockResolvedValueOnce({ file: 'a.csv', sample: SAMPLE, guess: GUESS })
      .mockResolvedValueOnce({ file: 'b.csv', reason: 'not a table' });
    const store = testStore({ load, sample });
    await store.getState().addFiles([picked('a.csv'), picked('b.csv')]);
    const batchId = store.getState().batches[0]!.id;
    store.getState().requestMapping(batchId, 'a.csv');
    store.getState().requestMapping(batchId, 'b.csv');
    store.getState().requestMapping(batchId, 'missing.csv');
    await vi.waitFor(() => expect(store.getState().errors).toHaveLength(1));
    expect(store.getState().pendingMappings).toMatchObject([{ file: 'a.csv', batchId }]);
    expect(sample).toHaveBeenCalledTimes(2);
  });
});

describe('errors', () => {
  it('are shown with ids and dismissed one by one', () => {
    const store = testStore();
    store.getState().addErrors([
      { file: 'a', reason: 'x' },
      { file: 'b', reason: 'y' },
    ]);
    const [a, b] = store.getState().errors;
    store.getState().dismissError(a!.id);
    expect(store.getState().errors).toEqual([b]);
  });
});
