import type { StateCreator } from 'zustand';
import type {
  BatchResult,
  ColumnMapping,
  FileFormat,
  LoadError,
  ReadChoice,
  Run,
  RunDraft,
  UnmappedFile,
} from '../core/types';
import type { LoadOutcome } from '../worker/loadClient';
import type { LoadProgress, PickedFile } from '../worker/protocol';
import type { Store } from './store';
import { DEFAULT_VIEW } from './viewSlice';
import { measureToNextFrame } from './timing';

/** A load problem as shown to the user, with an id to dismiss it by. */
export interface ShownError extends LoadError {
  id: number;
  /** The batch whose load reported it; a re-read of the batch replaces its errors. */
  batchId?: number;
}

/** One drop or pick: its files (kept to re-read them as the user asks) and the runs it made. */
export interface Batch {
  id: number;
  files: PickedFile[];
  runIds: string[];
  /** How each file that could be read was read. */
  formats: FileFormat[];
}

/** A file waiting for the user to map its columns. */
export interface PendingMapping extends UnmappedFile {
  batchId: number;
  picked: PickedFile;
}

/** Loaded runs and what loading said. */
export interface RunsSlice {
  runs: Run[];
  batches: Batch[];
  errors: ShownError[];
  /** Files waiting in the column-mapping dialog, first shown first. */
  pendingMappings: PendingMapping[];
  /** The batch being loaded, or null. */
  loading: LoadProgress | null;
  /** A short notice after a load, e.g. that it was cancelled. */
  notice: string | null;
  /**
   * Loads files (in the worker) and adds their runs; never replaces what is loaded.
   * `startedAt` is when the files reached the app (a drop walks folders first).
   */
  addFiles: (files: PickedFile[], startedAt?: number) => Promise<void>;
  /** Reads one file of a batch again as the user chose; the batch's runs are rebuilt. */
  rereadFile: (batchId: number, path: string, choice: ReadChoice) => Promise<void>;
  /** Confirms (a mapping) or dismisses (null) the first pending mapping. */
  resolveMapping: (mapping: ColumnMapping | null) => Promise<void>;
  /** Asks for the column-mapping dialog for a loaded file. */
  requestMapping: (batchId: number, path: string) => void;
  cancelLoad: () => void;
  renameRun: (id: string, name: string) => void;
  /** Moves a run `delta` places in the order (panels, summary, difference defaults follow it). */
  moveRun: (id: string, delta: number) => void;
  removeRun: (id: string) => void;
  dismissError: (id: number) => void;
  /** Shows problems that arose outside a load (an example that could not be fetched). */
  addErrors: (errors: LoadError[]) => void;
  /**
   * Adds runs that need no reading (the saved copy's, a share link's) after those loaded, as a
   * batch with no files, with fresh ids and unique names. Returns their ids, in order.
   */
  restoreRuns: (runs: RunDraft[]) => string[];
  /** Removes every run, batch, error and waiting mapping, stops a load, and resets the view. */
  clearAll: () => void;
}

/** The loader the slice uses: the worker in the app, a stub in tests. */
export interface Loader {
  /** `known` maps fingerprints of files already loaded to their paths: those are skipped. */
  load: (
    files: PickedFile[],
    onProgress: (p: LoadProgress) => void,
    known?: Record<string, string>,
  ) => Promise<LoadOutcome>;
  cancel: () => void;
  /** The sample a mapping dialog needs, for a file the user asks to map. */
  sample: (picked: PickedFile) => Promise<UnmappedFile | LoadError>;
}

let nextRunId = 1;
let nextErrorId = 1;
let nextBatchId = 1;

/** `name`, or `name (2)`, `name (3)` ... when a run already has that name. */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let i = 2;
  while (taken.includes(`${name} (${i})`)) i += 1;
  return `${name} (${i})`;
}

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

function shown(errors: LoadError[], batchId?: number): ShownError[] {
  return errors.map((error) => ({ ...error, id: nextErrorId++, batchId }));
}

export const createRunsSlice =
  (loader: Loader): StateCreator<Store, [], [], RunsSlice> =>
  (set, get) => {
    /** Content fingerprints of the files behind the runs shown now (a re-read leaves its own out). */
    const knownFiles = (except?: number): Record<string, string> => {
      const known: Record<string, string> = {};
      for (const batch of get().batches) {
        if (batch.id === except || batch.runIds.length === 0) continue;
        for (const f of batch.formats) if (f.fingerprint) known[f.fingerprint] = f.file;
      }
      return known;
    };

    /** Loads a batch's files; null when cancelled. */
    const run = async (files: PickedFile[], batchId?: number): Promise<BatchResult | null> => {
      set({ loading: startProgress(files), notice: null });
      const outcome = await loader.load(
        files,
        (progress) => set({ loading: progress }),
        knownFiles(batchId),
      );
      set({ loading: null });
      if (outcome === 'cancelled') {
        set({ notice: 'Loading cancelled: nothing from those files was added.' });
        return null;
      }
      const duplicates = outcome.duplicates ?? [];
      if (duplicates.length > 0) {
        const said = duplicates.map((d) => `${d.file} (same content as ${d.sameAs})`).join(', ');
        set({ notice: `Already loaded, so skipped: ${said}.` });
      }
      return outcome;
    };

    /** Puts a batch's result in the store, replacing the runs it made before (a re-read). */
    const apply = (batch: Batch, result: BatchResult) => {
      set((state) => {
        const kept = state.runs.filter((r) => !batch.runIds.includes(r.id));
        const taken = kept.map((r) => r.name);
        const added: Run[] = result.runs.map((draft) => {
          const name = uniqueName(draft.name, taken);
          taken.push(name);
          return { ...draft, name, id: `run-${nextRunId++}` };
        });
        const at = state.runs.findIndex((r) => batch.runIds.includes(r.id));
        const runs =
          at === -1 ? [...kept, ...added] : [...kept.slice(0, at), ...added, ...kept.slice(at)];
        const updated: Batch = {
          ...batch,
          runIds: added.map((r) => r.id),
          formats: result.formats,
        };
        const others = state.batches.filter((b) => b.id !== batch.id);
        const pending = result.unmapped.flatMap((unmapped) => {
          const picked = batch.files.find((f) => f.path === unmapped.file);
          return picked ? [{ ...unmapped, batchId: batch.id, picked }] : [];
        });
        return {
          runs,
          batches: [...others, updated].sort((a, b) => a.id - b.id),
          errors: [
            ...state.errors.filter((e) => e.batchId !== batch.id),
            ...shown(result.errors, batch.id),
          ],
          pendingMappings: [...state.pendingMappings, ...pending],
        };
      });
    };

    const reread = async (batchId: number, path: string, choice: ReadChoice) => {
      const batch = get().batches.find((b) => b.id === batchId);
      if (!batch) return;
      const files = batch.files.map((f) =>
        f.path === path ? { file: f.file, path: f.path, ...choice } : f,
      );
      const result = await run(files, batchId);
      if (result) apply({ ...batch, files }, result);
    };

    return {
      runs: [],
      batches: [],
      errors: [],
      pendingMappings: [],
      loading: null,
      notice: null,

      async addFiles(files, startedAt = performance.now()) {
        if (files.length === 0) return;
        const batch: Batch = { id: nextBatchId++, files, runIds: [], formats: [] };
        const result = await run(files);
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

      renameRun(id, name) {
        const trimmed = name.trim();
        if (trimmed === '') return;
        set((state) => {
          const others = state.runs.filter((r) => r.id !== id).map((r) => r.name);
          const unique = uniqueName(trimmed, others);
          return { runs: state.runs.map((r) => (r.id === id ? { ...r, name: unique } : r)) };
        });
      },

      moveRun(id, delta) {
        set((state) => {
          const from = state.runs.findIndex((r) => r.id === id);
          const to = Math.max(0, Math.min(state.runs.length - 1, from + delta));
          if (from === -1 || from === to) return {};
          const runs = [...state.runs];
          const [moved] = runs.splice(from, 1);
          if (moved) runs.splice(to, 0, moved);
          return { runs };
        });
      },

      removeRun(id) {
        set((state) => ({
          runs: state.runs.filter((r) => r.id !== id),
          batches: state.batches.map((b) => ({ ...b, runIds: b.runIds.filter((r) => r !== id) })),
        }));
      },

      dismissError(id) {
        set((state) => ({ errors: state.errors.filter((e) => e.id !== id) }));
      },

      addErrors(errors) {
        set((state) => ({ errors: [...state.errors, ...shown(errors)] }));
      },

      restoreRuns(drafts) {
        if (drafts.length === 0) return [];
        const taken = get().runs.map((r) => r.name);
        const added: Run[] = drafts.map((draft) => {
          const name = uniqueName(draft.name, taken);
          taken.push(name);
          return { ...draft, name, id: `run-${nextRunId++}` };
        });
        const batch: Batch = {
          id: nextBatchId++,
          files: [],
          runIds: added.map((r) => r.id),
          formats: [],
        };
        set((state) => ({ runs: [...state.runs, ...added], batches: [...state.batches, batch] }));
        return batch.runIds;
      },

      clearAll() {
        if (get().loading) loader.cancel();
        set({
          runs: [],
          batches: [],
          errors: [],
          pendingMappings: [],
          notice: null,
          view: DEFAULT_VIEW,
        });
      },
    };
  };
