import type { Run } from '../core/types';
import { useStore } from '../state/store';
import { MAX_RUNS } from '../core/limits';
import { clearSaved, openDb, readIndex, readRuns, writeSaved } from './db';
import { keysToRead, planRestore } from './restore';
import {
  readSavedMeta,
  readSavedView,
  SAVED_VERSION,
  savedMetaOf,
  savedViewPatch,
  type SavedMeta,
} from './savedState';

/** Saves wait for this pause in changes, so typing a threshold writes once. */
const SAVE_DELAY_MS = 300;

let db: IDBDatabase | null = null;
/**
 * The storage key each run object is saved under. Runs in the store are never changed in
 * place (a rename makes a new object), so a run found here needs no writing again: a view
 * change writes only the small meta record, not megabytes of kept trials.
 */
let savedKeys = new WeakMap<Run, number>();
/** Keys in the saved copy after the last save; those no run uses any more are deleted. */
let storedKeys: number[] = [];
let nextKey = 1;
let timer: ReturnType<typeof setTimeout> | null = null;
/** Writes run one after the other, never overlapping. */
let queue: Promise<void> = Promise.resolve();
let warnedOnSave = false;

/**
 * Puts the saved runs back (after any already loaded) and the saved view. Each run is checked
 * on its own: one that fails is set aside (named in a notice, its record kept to download)
 * and the others restore. Bounded work whatever the saved copy holds. Never rejects.
 */
export async function restoreSaved(): Promise<void> {
  try {
    db = await openDb();
    const { meta, keys } = await readIndex(db);
    storedKeys = keys.filter((key) => typeof key === 'number');
    nextKey = storedKeys.reduce((max, key) => Math.max(max, key + 1), 1);
    if (meta === undefined) return;
    const checked = readSavedMeta(meta);
    let saved: SavedMeta;
    if (checked.ok) saved = checked.value;
    else {
      // The runs are worth more than their order: restore them in the order they were saved.
      notify(
        `The saved order and view could not be read (${checked.reason}); runs restored as saved.`,
      );
      saved = {
        version: SAVED_VERSION,
        order: storedKeys.slice(0, MAX_RUNS),
        aside: [],
        view: null,
      };
    }
    restoreFrom(saved, await readRuns(db, keysToRead(saved)), checked.ok);
  } catch (error) {
    // Nothing is deleted: a copy that could not be read now may be read at the next start.
    notify(`Could not restore saved runs: ${describe(error)}.`);
  }
}

/** From now on, saves the runs and the view shortly after they change, and when the page goes. */
export function keepSaved(): void {
  if (!db) return;
  useStore.subscribe((state, previous) => {
    if (
      state.runs !== previous.runs ||
      state.view !== previous.view ||
      state.setAside !== previous.setAside
    ) {
      schedule();
    }
  });
  // A reload or a closed tab must not lose the last change to the debounce.
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  // Anything changed while the saved copy was being read is saved too.
  schedule();
}

/** Deletes the saved copy ("Clear all"); changes after it are saved as usual. */
export function forgetSaved(): Promise<void> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  savedKeys = new WeakMap();
  storedKeys = [];
  const database = db;
  if (!database) return queue;
  queue = queue.then(() =>
    clearSaved(database).catch((error: unknown) => {
      notify(`Could not delete the saved copy: ${describe(error)}.`);
    }),
  );
  return queue;
}

/** Restores the runs of `saved` from `records`, and its view when `withView`. */
function restoreFrom(
  saved: SavedMeta,
  records: ReadonlyMap<number, unknown>,
  withView: boolean,
): void {
  const plan = planRestore(saved, records);
  const { restoreRuns, setView } = useStore.getState();
  const ids = restoreRuns(plan.restored.map(({ draft }) => draft));
  const idAt: (string | undefined)[] = [];
  plan.restored.forEach(({ position }, i) => (idAt[position] = ids[i]));
  if (withView) {
    // A view that fails costs the view only: the runs are good.
    const view = readSavedView(saved.view);
    if (view.ok) setView(savedViewPatch(view.value, idAt));
    else notify(`The saved view settings were not restored: ${view.reason}.`);
  }
  if (plan.setAside.length > 0) useStore.setState({ setAside: plan.setAside });
  const runsNow = useStore.getState().runs;
  plan.restored.forEach(({ key, draft }, i) => {
    const run = runsNow.find((r) => r.id === ids[i]);
    // Renamed to stay unique beside runs loaded meanwhile: then it is written again.
    if (run && run.name === draft.name) savedKeys.set(run, key);
  });
}

function schedule(): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(flush, SAVE_DELAY_MS);
}

function flush(): void {
  if (timer === null) return;
  clearTimeout(timer);
  timer = null;
  queue = queue.then(save);
}

/** Writes the runs that changed, deletes those removed, and rewrites the order and view. */
async function save(): Promise<void> {
  const database = db;
  if (!database) return;
  const { runs, view, setAside } = useStore.getState();
  const put: [number, Run][] = [];
  const order = runs.map((run) => {
    let key = savedKeys.get(run);
    if (key === undefined) {
      key = nextKey++;
      savedKeys.set(run, key);
      put.push([key, run]);
    }
    return key;
  });
  // Runs set aside stay saved until the user dismisses them.
  const aside = setAside.map((run) => run.key);
  const kept = new Set([...order, ...aside]);
  const remove = storedKeys.filter((key) => !kept.has(key));
  try {
    await writeSaved(database, { put, remove, meta: savedMetaOf(runs, order, view, aside) });
    storedKeys = [...kept];
  } catch (error) {
    for (const [, run] of put) savedKeys.delete(run);
    if (!warnedOnSave) {
      warnedOnSave = true;
      notify(`Runs are not kept across reloads: saving failed (${describe(error)}).`);
    }
  }
}

function notify(notice: string): void {
  useStore.setState({ notice });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
