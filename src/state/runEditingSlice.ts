import type { StateCreator } from 'zustand';
import { clip, MAX_RUN_NAME_CHARS } from '../core/limits';
import { mergeRuns, splitRun, type NewRun } from '../core/runActions';
import type { Run } from '../core/types';
import { namedRuns, newBatchId, uniqueName } from './runNaming';
import type { Batch, Loader, RunEditingSlice, Store, ViewState } from './types';
import { DEFAULT_VIEW } from './viewFields';

/** The view with every reference to run `id` dropped: hidden, difference runs, drill-down. */
export function viewWithout(view: ViewState, id: string): ViewState {
  return {
    ...view,
    hiddenRunIds: view.hiddenRunIds.filter((hidden) => hidden !== id),
    diffA: view.diffA === id ? null : view.diffA,
    diffB: view.diffB === id ? null : view.diffB,
    drill: view.drill?.runId === id ? null : view.drill,
  };
}

/** The view with every reference to the runs `ids` dropped. */
function viewWithoutAll(view: ViewState, ids: readonly string[]): ViewState {
  return ids.reduce(viewWithout, view);
}

type Replaced = Pick<Store, 'runs' | 'batches' | 'view'>;

/**
 * The store with the runs `ids` replaced by `drafts`, placed where the first of them stood, as
 * a batch of their own with no files (they come from runs, not from reading); the old runs
 * leave their batches and the view. Names stay unique.
 */
function replaceRuns(
  state: Replaced,
  ids: readonly string[],
  drafts: readonly NewRun[],
): Replaced & { added: Run[] } {
  const gone = new Set(ids);
  const kept = state.runs.filter((r) => !gone.has(r.id));
  const added = namedRuns(
    drafts,
    kept.map((r) => r.name),
  );
  const at = state.runs.findIndex((r) => gone.has(r.id));
  const before = state.runs.slice(0, Math.max(at, 0)).filter((r) => !gone.has(r.id));
  const batch: Batch = { id: newBatchId(), files: [], runIds: added.map((r) => r.id), formats: [] };
  return {
    added,
    runs: [...before, ...added, ...kept.slice(before.length)],
    batches: [
      ...state.batches.map((b) => ({ ...b, runIds: b.runIds.filter((r) => !gone.has(r)) })),
      batch,
    ],
    view: viewWithoutAll(state.view, ids),
  };
}

/** The loaded runs in their order, and what the user does to them. */
export const createRunEditingSlice =
  (loader: Loader): StateCreator<Store, [], [], RunEditingSlice> =>
  (set, get) => ({
    runs: [],
    batches: [],

    renameRun(id, name) {
      // Within the limit every door checks, so a renamed run saves and restores as it is.
      const trimmed = clip(name.trim(), MAX_RUN_NAME_CHARS).trim();
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
        view: viewWithout(state.view, id),
      }));
    },

    mergeRuns(ids) {
      const chosen = get().runs.filter((r) => ids.includes(r.id));
      if (chosen.length < ids.length) return { ok: false, reason: 'A run to merge is gone.' };
      const merged = mergeRuns(chosen);
      if (!merged.ok) return merged;
      const next = replaceRuns(get(), ids, [merged.run]);
      const { added, ...state } = next;
      set(state);
      return { ok: true, id: added[0]?.id ?? '' };
    },

    splitRun(id, field) {
      const run = get().runs.find((r) => r.id === id);
      const parts = run ? splitRun(run, field) : [];
      if (parts.length === 0) return [];
      const { added, ...state } = replaceRuns(get(), [id], parts);
      set(state);
      return added.map((r) => r.id);
    },

    restoreRuns(drafts) {
      if (drafts.length === 0) return [];
      const added = namedRuns(
        drafts,
        get().runs.map((r) => r.name),
      );
      const batch: Batch = {
        id: newBatchId(),
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
        setAside: [],
        view: DEFAULT_VIEW,
      });
    },
  });
