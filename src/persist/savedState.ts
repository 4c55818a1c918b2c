import { isJsonObject } from '../core/read/json';
import { cellFromObject, gridOfCells } from '../core/formats/share/cell';
import {
  accept,
  isCount,
  isList,
  isNumberIn,
  isText,
  isTextList,
  refuse,
  type Checked,
} from '../core/formats/share/guards';
import { readFormats, readRunName } from '../core/formats/share/payload';
import type { Cell, Run, RunDraft, Trial } from '../core/types';
import { readSharedView, sharedViewOf, viewPatchOf, type SharedView } from '../state/sharedView';
import type { ViewState } from '../state/types';

/** The saved copy's layout version; another version is not read. */
export const SAVED_VERSION = 1;

/**
 * Bounds on saved texts and lists: generous, as anything the app made must come back (a model
 * may name itself at length); only nonsense is refused.
 */
const MAX_FILES = 1_000_000;
const MAX_WARNINGS = 100_000;
const MAX_TEXT_CHARS = 1_000_000;

/** The view as saved: the shared parts and the hidden runs, runs named by position in `order`. */
export interface SavedView extends SharedView {
  hidden: number[];
}

/** The saved copy's one meta record: the runs' storage keys in order, and the view. */
export interface SavedMeta {
  version: typeof SAVED_VERSION;
  order: number[];
  /** Checked on its own ({@link readSavedView}): a view that fails costs the view, not the runs. */
  view: unknown;
}

/** The meta record for `runs` stored under the keys `order` (one per run, same order). */
export function savedMetaOf(runs: readonly Run[], order: number[], view: ViewState): SavedMeta {
  const hidden = runs.flatMap((run, i) => (view.hiddenRunIds.includes(run.id) ? [i] : []));
  const saved: SavedView = { ...sharedViewOf(view, runs), hidden };
  return { version: SAVED_VERSION, order, view: saved };
}

/** Reads the meta record back, or says what is wrong with it. */
export function readSavedMeta(value: unknown): Checked<SavedMeta> {
  if (!isJsonObject(value) || value.version !== SAVED_VERSION) {
    return refuse('the saved copy is of an unknown version');
  }
  const { order } = value;
  if (!isList(order) || !order.every((key) => isCount(key))) {
    return refuse('the saved order of runs is not a list of keys');
  }
  return accept({ version: SAVED_VERSION, order, view: value.view });
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
  const hiddenRunIds = hidden.flatMap((position) => idAt[position] ?? []);
  return { ...viewPatchOf(shared, idAt), hiddenRunIds };
}

/**
 * Reads a saved run back: names, lists and cells checked as a share link's are (cells rebuilt
 * through the accumulator), kept trial details shallowly (their numbers and texts).
 */
export function readSavedRun(value: unknown): Checked<RunDraft> {
  if (!isJsonObject(value)) return refuse('a saved run is not an object');
  const name = readRunName(value.name, MAX_TEXT_CHARS);
  if (!name.ok) return name;
  const formats = readFormats(value.formats, MAX_TEXT_CHARS, MAX_FILES);
  if (!formats.ok) return formats;
  const { files, warnings } = value;
  if (
    !isTextList(files, MAX_FILES, MAX_TEXT_CHARS) ||
    !isTextList(warnings, MAX_WARNINGS, MAX_TEXT_CHARS)
  ) {
    return refuse(`saved run “${name.value}”: its files or notes are not lists of text`);
  }
  if (!isList(value.cells) || !isList(value.details)) {
    return refuse(`saved run “${name.value}”: its cells or details are not lists`);
  }
  const cells: Cell[] = [];
  for (const item of value.cells) {
    const cell = cellFromObject(item, MAX_TEXT_CHARS);
    if (!cell.ok) return refuse(`saved run “${name.value}”: a cell’s ${cell.reason}`);
    cells.push(cell.value);
  }
  const grid = gridOfCells(cells);
  if (!grid.ok) return refuse(`saved run “${name.value}”: ${grid.reason}`);
  const details: Trial[] = [];
  for (const item of value.details) {
    const trial = readTrial(item);
    if (!trial) return refuse(`saved run “${name.value}”: a kept trial is not valid`);
    details.push(trial);
  }
  return accept({
    name: name.value,
    formats: formats.value,
    files: [...files],
    ...grid.value,
    details,
    warnings: [...warnings],
  });
}

/** A kept trial, checked shallowly: numbers where numbers belong, text where text does. */
function readTrial(value: unknown): Trial | null {
  if (!isJsonObject(value) || !isJsonObject(value.source)) return null;
  const { lengthTokens, depthPercent, task, score, model, needle, expected, response, repeat } =
    value;
  const { file, line } = value.source;
  const texts = [task, model, needle, expected, response];
  if (
    !isFiniteNumber(lengthTokens) ||
    (depthPercent !== null && !isFiniteNumber(depthPercent)) ||
    !isFiniteNumber(score) ||
    !texts.every((text) => text === undefined || isText(text, MAX_TEXT_CHARS)) ||
    (repeat !== undefined && !isFiniteNumber(repeat)) ||
    !isText(file, MAX_TEXT_CHARS) ||
    (line !== undefined && !isCount(line, 1))
  ) {
    return null;
  }
  return {
    lengthTokens,
    depthPercent,
    score,
    source: line === undefined ? { file } : { file, line },
    ...optionalTexts({ task, model, needle, expected, response }),
    ...(repeat === undefined ? {} : { repeat }),
  };
}

function isFiniteNumber(value: unknown): value is number {
  return isNumberIn(value, -Infinity, Infinity);
}

/** The fields of `fields` that hold text; the others left out. */
function optionalTexts(fields: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields))
    if (typeof value === 'string') out[key] = value;
  return out;
}
