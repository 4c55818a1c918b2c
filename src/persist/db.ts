/**
 * The browser's saved copy of the work, in IndexedDB (the raw API: a few requests need no
 * library). Database `haymap`: `runs` holds whole runs (kept trial details too) under keys of
 * their own, `meta` one record with the runs' order and the view. What is read back is
 * `unknown` until `savedState.ts` has checked it.
 */

const DB_NAME = 'haymap';
const DB_VERSION = 1;
const RUNS = 'runs';
const META = 'meta';
const META_KEY = 'state';

/** The saved copy's index, unchecked: the meta record (undefined when none) and every run key. */
export interface SavedIndex {
  meta: unknown;
  keys: IDBValidKey[];
}

/** One save: runs to write or replace, keys to delete, and the new meta record. */
export interface SaveChanges {
  put: [key: number, run: unknown][];
  remove: number[];
  meta: unknown;
}

/** Opens (creating on first use) the database; rejects where IndexedDB is unavailable. */
export function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(new Error('this browser offers no IndexedDB'));
  }
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS);
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  };
  return settled(request).then((db) => {
    // A newer Haymap in another tab may need to upgrade: let it.
    db.onversionchange = () => db.close();
    return db;
  });
}

/** Reads the meta record and the runs' keys (not the runs: a start reads only those it needs). */
export async function readIndex(db: IDBDatabase): Promise<SavedIndex> {
  const tx = db.transaction([RUNS, META], 'readonly');
  const [meta, keys] = await Promise.all([
    settled<unknown>(tx.objectStore(META).get(META_KEY)),
    settled(tx.objectStore(RUNS).getAllKeys()),
  ]);
  return { meta, keys };
}

/** Reads the runs saved under `keys`, in one transaction; a key with no record is left out. */
export async function readRuns(
  db: IDBDatabase,
  keys: readonly number[],
): Promise<Map<number, unknown>> {
  const store = db.transaction(RUNS, 'readonly').objectStore(RUNS);
  const values = await Promise.all(keys.map((key) => settled<unknown>(store.get(key))));
  const runs = new Map<number, unknown>();
  keys.forEach((key, i) => {
    if (values[i] !== undefined) runs.set(key, values[i]);
  });
  return runs;
}

/** Writes one save in one transaction: all of it lands, or none. */
export function writeSaved(db: IDBDatabase, changes: SaveChanges): Promise<void> {
  const tx = db.transaction([RUNS, META], 'readwrite');
  const runs = tx.objectStore(RUNS);
  for (const key of changes.remove) runs.delete(key);
  for (const [key, run] of changes.put) runs.put(run, key);
  tx.objectStore(META).put(changes.meta, META_KEY);
  return committed(tx);
}

/** Deletes every saved run and the meta record. */
export function clearSaved(db: IDBDatabase): Promise<void> {
  const tx = db.transaction([RUNS, META], 'readwrite');
  tx.objectStore(RUNS).clear();
  tx.objectStore(META).clear();
  return committed(tx);
}

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
