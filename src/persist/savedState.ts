import { MAX_RUNS } from '../core/limits';
import { isJsonObject } from '../core/read/json';
import { checkRun } from '../core/runCheck';
import { accept, isCount, isList, refuse, type Checked } from '../core/formats/share/guards';
import type { Run, RunDraft } from '../core/types';
import { readSharedView, sharedViewOf, viewPatchOf, type SharedView } from '../state/sharedView';
import type { ViewState } from '../state/types';

/** The saved copy's layout version; another version is not read. */
export const SAVED_VERSION = 1;

/** The longest task name a saved view may select: generous, the runs' own limit applies. */
const MAX_TEXT_CHARS = 1_000_000;

/** The view as saved: the shared parts and the hidden runs, runs named by position in `order`. */
export interface SavedView extends SharedView {
  hidden: number[];
}

/** The saved copy's one meta record: the runs' storage keys in order, and the view. */
export interface SavedMeta {
  version: typeof SAVED_VERSION;
  /** Distinct keys, at most {@link MAX_RUNS} of them once read. */
  order: number[];
  /** Keys of runs set aside at a start (they failed their check), kept until dismissed. */
  aside: number[];
  /** Checked on its own ({@link readSavedView}): a view that fails costs the view, not the runs. */
  view: unknown;
}

/** The meta record for `runs` stored under the keys `order` (one per run, same order). */
export function savedMetaOf(
  runs: readonly Run[],
  order: number[],
  view: ViewState,
  aside: number[] = [],
): SavedMeta {
  const hidden = runs.flatMap((run, i) => (view.hiddenRunIds.includes(run.id) ? [i] : []));
  const saved: SavedView = { ...sharedViewOf(view, runs), hidden };
  return { version: SAVED_VERSION, order, aside, view: saved };
}

/** Reads the meta record back, or says what is wrong with it. */
export function readSavedMeta(value: unknown): Checked<SavedMeta> {
  if (!isJsonObject(value) || value.version !== SAVED_VERSION) {
    return refuse('the saved copy is of an unknown version');
  }
  const order = distinctKeys(value.order);
  if (!order) return refuse('the saved order of runs is not a list of keys');
  // Older copies have no runs set aside.
  const aside = value.aside === undefined ? [] : (distinctKeys(value.aside) ?? []);
  return accept({ version: SAVED_VERSION, order, aside, view: value.view });
}

/**
 * The distinct keys of a saved list, first {@link MAX_RUNS} only, or null when it is not a
 * list of keys. Bounded work whatever the list holds (200,000 copies of one key are one key).
 */
function distinctKeys(value: unknown): number[] | null {
  if (!isList(value)) return null;
  const keys = new Set<number>();
  for (const key of value) {
    if (!isCount(key)) return null;
    keys.add(key);
    if (keys.size === MAX_RUNS) break;
  }
  return [...keys];
}

/** Reads the saved view back, or says what is wrong with it. */
export function readSavedView(value: unknown): Checked<SavedView> {
  if (!isJsonObject(value)) return refuse('it is not an object');
  const { hidden } = value;
  if (!isList(hidden) || !hidden.every((position) => isCount(position))) {
    return refuse('the hidden runs are not a list of positions');
  }
  const view = readSharedView(value, MAX_TEXT_CHARS);
  return view.ok ? accept({ ...view.value, hidden }) : view;
}

/** The view change that restores a saved view, `idAt[position]` being the run restored there. */
export function savedViewPatch(
  view: SavedView,
  idAt: readonly (string | undefined)[],
): Partial<ViewState> {
  const { hidden, ...shared } = view;
  const hiddenRunIds = [...new Set(hidden.flatMap((position) => idAt[position] ?? []))];
  return { ...viewPatchOf(shared, idAt), hiddenRunIds };
}

/**
 * Reads a saved run back with the check every loaded run passed ({@link checkRun}): what a
 * load accepted comes back the same.
 */
export function readSavedRun(value: unknown): Checked<RunDraft> {
  return checkRun(value);
}
