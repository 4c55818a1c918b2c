/**
 * What the saved copy brings back, decided run by run: a run that fails its check is set aside
 * alone (named, with its raw record for the user to download), never the others with it.
 */
import type { RunDraft } from '../core/types';
import { clip } from '../core/limits';
import { isJsonObject } from '../core/read/json';
import type { SetAsideRun } from '../state/types';
import { readSavedRun, type SavedMeta } from './savedState';

/** What a start restores: the good runs with their keys and positions, and those set aside. */
export interface RestorePlan {
  restored: { key: number; position: number; draft: RunDraft }[];
  setAside: SetAsideRun[];
}

/** The keys whose records a start needs: the order's, then those set aside before. */
export function keysToRead(meta: SavedMeta): number[] {
  return [...new Set([...meta.order, ...meta.aside])];
}

/** Checks each saved run on its own: the good ones restore, a bad one is set aside alone. */
export function planRestore(meta: SavedMeta, runs: ReadonlyMap<number, unknown>): RestorePlan {
  const restored: RestorePlan['restored'] = [];
  const setAside: SetAsideRun[] = [];
  const check = (key: number, position: number | null) => {
    const raw = runs.get(key);
    // Gone (deleted by another tab's save): the others are still good.
    if (raw === undefined) return;
    const run = readSavedRun(raw);
    if (run.ok && position !== null) restored.push({ key, position, draft: run.value });
    else setAside.push({ key, name: savedName(raw, key), reason: run.ok ? '' : run.reason, raw });
  };
  meta.order.forEach((key, position) => check(key, position));
  const inOrder = new Set(meta.order);
  for (const key of meta.aside) if (!inOrder.has(key)) check(key, null);
  return { restored, setAside };
}

/** A saved run's name as the notice shows it: its saved name when it has one. */
function savedName(raw: unknown, key: number): string {
  const name = isJsonObject(raw) && typeof raw.name === 'string' ? raw.name.trim() : '';
  return name === '' ? `saved run ${key}` : clip(name, 80);
}

/**
 * A set-aside run's raw record as JSON text to download. Saved records are structured clones,
 * so a few values JSON cannot hold (big integers, cycles) are written as text.
 */
export function rawRecordText(raw: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return `${JSON.stringify(
      raw,
      (_key, value: unknown) => {
        if (typeof value === 'bigint') return value.toString();
        if (typeof value === 'object' && value !== null) {
          if (seen.has(value)) return '[cycle]';
          seen.add(value);
        }
        return value;
      },
      2,
    )}\n`;
  } catch (error) {
    return `${String(error)}\n`;
  }
}
