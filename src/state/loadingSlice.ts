import type { StateCreator } from 'zustand';
import type { BatchResult, ReadChoice } from '../core/types';
import type { LoadProgress, PickedFile } from '../worker/protocol';
import { applyBatch, duplicatesNotice, knownFiles, shown } from './batches';
import { newBatchId } from './runNaming';
import { measureToNextFrame } from './timing';
import type { Batch, Loader, LoadingSlice, Store } from './types';

function startProgress(files: PickedFile[]): LoadProgress {
  return {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    // Unknown until the worker reports: reading File.size here costs Chromium a synchronous
    // round trip per file, seconds for a folder of thousands.
    bytesTotal: 0,
    records: 0,
    current: files[0]?.path ?? '',
  };
}

/** Loading files into runs: progress, notices, errors and the column-mapping queue. */
export const createLoadingSlice =
  (loader: Loader): StateCreator<Store, [], [], LoadingSlice> =>
  (set, get) => {
    /** Loads a batch's files; null when cancelled. */
    const load = async (files: PickedFile[], batchId?: number): Promise<BatchResult | null> => {
      set({ loading: startProgress(files), notice: null });
      const outcome = await loader.load(
        files,
        (progress) => set({ loading: progress }),
        knownFiles(get().batches, batchId),
      );
      set({ loading: null });
      if (outcome === 'cancelled') {
        set({ notice: 'Loading cancelled: nothing from those files was added.' });
        return null;
      }
      const notice = duplicatesNotice(outcome);
      if (notice !== null) set({ notice });
      return outcome;
    };

    const apply = (batch: Batch, result: BatchResult) =>
      set((state) => applyBatch(state, batch, result));

    const reread = async (batchId: number, path: string, choice: ReadChoice) => {
      const batch = get().batches.find((b) => b.id === batchId);
      if (!batch) return;
      const files = batch.files.map((f) =>
        f.path === path ? { file: f.file, path: f.path, ...choice } : f,
      );
      const result = await load(files, batchId);
      if (result) apply({ ...batch, files }, result);
    };

    return {
      errors: [],
      pendingMappings: [],
      loading: null,
      notice: null,
      setAside: [],

      dismissSetAside(key) {
        set((state) => ({ setAside: state.setAside.filter((run) => run.key !== key) }));
      },

      async addFiles(files, startedAt = performance.now()) {
        if (files.length === 0) return;
        const batch: Batch = { id: newBatchId(), files, runIds: [], formats: [] };
        const result = await load(files);
        if (!result) return;
        apply(batch, result);
        measureToNextFrame('haymap:load', startedAt);
      },

      rereadFile: reread,

      async resolveMapping(mapping) {
        const [first, ...rest] = get().pendingMappings;
        if (!first) return;
        set({ pendingMappings: rest });
        if (mapping) await reread(first.batchId, first.file, { mapping });
      },

      requestMapping(batchId, path) {
        const picked = get()
          .batches.find((b) => b.id === batchId)
          ?.files.find((f) => f.path === path);
        if (!picked) return;
        void loader.sample(picked).then((answer) => {
          if ('sample' in answer) {
            set((state) => ({
              pendingMappings: [...state.pendingMappings, { ...answer, batchId, picked }],
            }));
          } else {
            set((state) => ({ errors: [...state.errors, ...shown([answer])] }));
          }
        });
      },

      cancelLoad() {
        loader.cancel();
      },

      dismissError(id) {
        set((state) => ({ errors: state.errors.filter((e) => e.id !== id) }));
      },

      dismissErrors(ids) {
        const gone = new Set(ids);
        set((state) => ({ errors: state.errors.filter((e) => !gone.has(e.id)) }));
      },

      addErrors(errors) {
        set((state) => ({ errors: [...state.errors, ...shown(errors)] }));
      },
    };
  };
