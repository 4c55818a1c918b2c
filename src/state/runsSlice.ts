import type { StateCreator } from 'zustand';
import type { LoadError, Run } from '../core/types';
import type { BatchResult } from '../core/load';
import type { LoadProgress, PickedFile } from '../worker/protocol';
import type { Store } from './store';

/** A load problem as shown to the user, with an id to dismiss it by. */
export interface ShownError extends LoadError {
  id: number;
}

/** Loaded runs and what loading said. */
export interface RunsSlice {
  runs: Run[];
  errors: ShownError[];
  /** The batch being loaded, or null. */
  loading: LoadProgress | null;
  /** Loads files (in the worker) and adds their runs; never replaces what is loaded. */
  addFiles: (files: PickedFile[]) => Promise<void>;
  /** Adds an already-loaded batch: its runs after the present ones, its errors to the list. */
  addBatch: (result: BatchResult) => void;
  renameRun: (id: string, name: string) => void;
  removeRun: (id: string) => void;
  dismissError: (id: number) => void;
}

let nextRunId = 1;
let nextErrorId = 1;

/** `name`, or `name (2)`, `name (3)` ... when a run already has that name. */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let i = 2;
  while (taken.includes(`${name} (${i})`)) i += 1;
  return `${name} (${i})`;
}

export const createRunsSlice =
  (
    load: (files: PickedFile[], onProgress: (p: LoadProgress) => void) => Promise<BatchResult>,
  ): StateCreator<Store, [], [], RunsSlice> =>
  (set, get) => ({
    runs: [],
    errors: [],
    loading: null,

    async addFiles(files) {
      if (files.length === 0) return;
      set({
        loading: {
          filesDone: 0,
          filesTotal: files.length,
          bytesDone: 0,
          bytesTotal: files.reduce((sum, f) => sum + f.file.size, 0),
          records: 0,
          current: files[0]?.path ?? '',
        },
      });
      const result = await load(files, (progress) => set({ loading: progress }));
      set({ loading: null });
      get().addBatch(result);
    },

    addBatch(result) {
      set((state) => {
        const taken = state.runs.map((r) => r.name);
        const added: Run[] = [];
        for (const draft of result.runs) {
          const name = uniqueName(draft.name, [...taken, ...added.map((r) => r.name)]);
          added.push({ ...draft, name, id: `run-${nextRunId++}` });
        }
        const errors = result.errors.map((error) => ({ ...error, id: nextErrorId++ }));
        return { runs: [...state.runs, ...added], errors: [...state.errors, ...errors] };
      });
    },

    renameRun(id, name) {
      const trimmed = name.trim();
      if (trimmed === '') return;
      set((state) => {
        const others = state.runs.filter((r) => r.id !== id).map((r) => r.name);
        const unique = uniqueName(trimmed, others);
        return { runs: state.runs.map((r) => (r.id === id ? { ...r, name: unique } : r)) };
      });
    },

    removeRun(id) {
      set((state) => ({ runs: state.runs.filter((r) => r.id !== id) }));
    },

    dismissError(id) {
      set((state) => ({ errors: state.errors.filter((e) => e.id !== id) }));
    },
  });
