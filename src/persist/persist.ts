import type { Run } from '../core/types';
import { useStore } from '../state/store';
import { clearSaved, openDb, readSaved, writeSaved, type SavedRecords } from './db';
import {
  readSavedMeta,
  readSavedRun,
  readSavedView,
  savedMetaOf,
  savedViewPatch,
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
 * Puts the saved runs back (after any already loaded) and the saved view. A copy that cannot
 * be read (no IndexedDB, corrupt data) is dropped with a notice, and the app starts clean.
 * Never rejects.
 */
export async function restoreSaved(): Promise<void> {
  try {
    db = await openDb();
    const records = await readSaved(db);
    const keys = [...records.runs.keys()].filter((key) => typeof key === 'number');
    storedKeys = keys;
    nextKey = keys.reduce((max, key) => Math.max(max, key + 1), 1);
    const failed = restoreFrom(records);
    if (failed === null) return;
    notify(`Could not restore saved runs: ${failed}. Starting clean.`);
    await clearSaved(db);
    storedKeys = [];
  } catch (error) {
    notify(`Could not restore saved runs: ${describe(error)}. Starting clean.`);
    if (db) await clearSaved(db).catch(() => undefined);
    storedKeys = [];
  }
}

/** From now on, saves the runs and the view shortly after they change, and when the page goes. */
export function keepSaved(): void {
  if (!db) return;
  useStore.subscribe((state, previous) => {
    if (state.runs !== previous.runs || state.view !== previous.view) schedule();
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

/** Restores what `records` hold; returns why it could not, or null. */
function restoreFrom({ meta, runs }: SavedRecords): string | null {
  if (meta === undefined) return null;
  const checked = readSavedMeta(meta);
  if (!checked.ok) return checked.reason;
  const restored: { key: number; position: number; name: string }[] = [];
  const drafts = [];
  for (const [position, key] of checked.value.order.entries()) {
    const record = runs.get(key);
    // Gone (deleted by another tab's save): the others are still good.
    if (record === undefined) continue;
    const run = readSavedRun(record);
    if (!run.ok) return run.reason;
    drafts.push(run.value);
    restored.push({ key, position, name: run.value.name });
  }
  const { restoreRuns, setView } = useStore.getState();
  const ids = restoreRuns(drafts);
  const idAt: (string | undefined)[] = [];
  restored.forEach(({ position }, i) => (idAt[position] = ids[i]));
  // A view that fails costs the view only: the runs are good.
  const view = readSavedView(checked.value.view);
  if (view.ok) setView(savedViewPatch(view.value, idAt));
  else notify(`The saved view settings were not restored: ${view.reason}.`);
  const runsNow = useStore.getState().runs;
  restored.forEach(({ key, name }, i) => {
    const run = runsNow.find((r) => r.id === ids[i]);
    // Renamed to stay unique beside runs loaded meanwhile: then it is written again.
    if (run?.name === name) savedKeys.set(run, key);
  });
  return null;
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
  const { runs, view } = useStore.getState();
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
  const kept = new Set(order);
  const remove = storedKeys.filter((key) => !kept.has(key));
  try {
    await writeSaved(database, { put, remove, meta: savedMetaOf(runs, order, view) });
    storedKeys = order;
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
