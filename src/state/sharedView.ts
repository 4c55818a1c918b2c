import { isJsonObject } from '../core/read/json';
import { MAX_TASK_CHARS } from '../core/formats/share/cell';
import { accept, refuse, type Checked } from '../core/formats/share/guards';
import type { Run } from '../core/types';
import { buildFrom } from './fieldTables';
import type { ViewState } from './types';
import {
  LINKED_KEYS,
  readLinked,
  readRunPosition,
  refusalOf,
  RUN_KEYS,
  type LinkedKey,
  type RunKey,
} from './viewFields';

/**
 * The parts of the view worth sharing (links) and keeping (the saved copy), as the view-field
 * table in `viewFields.ts` says. Run references are positions in a list of runs, as ids change
 * from one page to the next; null picks the first two.
 */
export type SharedView = Pick<ViewState, LinkedKey> & Record<RunKey, number | null>;

/** The view fields a share link carries, run references still as ids. */
export type CarriedView = Pick<ViewState, LinkedKey | RunKey>;

/** The shared parts of a view, its run references as positions in `runs` (null when absent). */
export function sharedViewOf(view: CarriedView, runs: readonly Run[]): SharedView {
  return {
    ...buildFrom<CarriedView, LinkedKey>(LINKED_KEYS, (key) => view[key]),
    ...buildFrom<Record<RunKey, number | null>, RunKey>(RUN_KEYS, (key) =>
      positionOf(view[key], runs),
    ),
  };
}

/**
 * The view change that applies a shared view, its positions read in `runIds` (a position
 * whose run is missing, or undefined there, picks none).
 */
export function viewPatchOf(
  shared: SharedView,
  runIds: readonly (string | undefined)[],
): Partial<ViewState> {
  return {
    ...buildFrom<SharedView, LinkedKey>(LINKED_KEYS, (key) => shared[key]),
    ...buildFrom<ViewState, RunKey>(RUN_KEYS, (key) => idAt(shared[key], runIds)),
  };
}

/** Reads a shared view field by field, or says which field is wrong. */
export function readSharedView(value: unknown, maxTaskChars = MAX_TASK_CHARS): Checked<SharedView> {
  if (!isJsonObject(value)) return refuse('the view must be an object');
  const limits = { maxTaskChars };
  const bad =
    LINKED_KEYS.find((key) => readLinked(key, value[key], limits) === undefined) ??
    RUN_KEYS.find((key) => readRunPosition(value[key]) === undefined);
  if (bad !== undefined) return refuse(refusalOf(bad));
  return accept({
    ...buildFrom<ViewState, LinkedKey>(LINKED_KEYS, (key) => {
      const read = readLinked(key, value[key], limits);
      if (read === undefined) throw new Error(`${key} was checked above`);
      return read;
    }),
    ...buildFrom<Record<RunKey, number | null>, RunKey>(
      RUN_KEYS,
      (key) => readRunPosition(value[key]) ?? null,
    ),
  });
}

function positionOf(id: string | null, runs: readonly Run[]): number | null {
  const at = id === null ? -1 : runs.findIndex((run) => run.id === id);
  return at === -1 ? null : at;
}

function idAt(position: number | null, runIds: readonly (string | undefined)[]): string | null {
  return position === null ? null : (runIds[position] ?? null);
}
