/**
 * The check every run passes before the app keeps it, at both doors: at the end of a load
 * (so nothing is accepted that could not come back) and when the saved copy is read at start.
 * Its result is what the app keeps; checking that result again gives it back unchanged.
 */
import {
  clip,
  clipNotes,
  MAX_AXIS_VALUES,
  MAX_DETAIL_CHARS,
  MAX_FILES,
  MAX_LENGTH_TOKENS,
  MAX_NOTE_CHARS,
  MAX_STORED_NAME_CHARS,
  MAX_TASK_CHARS,
} from './limits';
import type { RunDraft } from './types';
import { facetValuesOf } from './facets';
import { isJsonObject } from './read/json';
import { cellFromObject, gridOfCells } from './formats/share/cell';
import { accept, isCount, isList, isNumberIn, refuse, type Checked } from './formats/share/guards';
import type { Cell, Trial } from './types';
import { grouped } from './numberText';

/**
 * Reads a run (a loaded draft, or a saved one: `unknown` until checked): names and texts as
 * text (cut to their limits), cells checked field by field and rebuilt through the accumulator
 * (so lengths, depths and tasks are never taken on trust), kept trials shallowly. Refuses,
 * naming the run, what cannot be kept: a number past the limits, a grid wider or taller than
 * {@link MAX_AXIS_VALUES}, a shape that is not a run.
 */
export function checkRun(
  value: unknown,
  gridOf: (cells: Cell[]) => ReturnType<typeof gridOfCells> = gridOfCells,
): Checked<RunDraft> {
  if (!isJsonObject(value)) return refuse('a saved run is not an object');
  const name = typeof value.name === 'string' ? clip(value.name.trim(), MAX_STORED_NAME_CHARS) : '';
  if (name === '') return refuse('a run has no name');
  const fail = (reason: string) => refuse(`run “${clip(name, 80)}”: ${reason}`);
  const { formats, files, warnings, cells, details } = value;
  if (!isTextList(formats) || !isTextList(files) || !isTextList(warnings)) {
    return fail('its formats, files or notes are not lists of text');
  }
  if (files.length > MAX_FILES) return fail(`it names more than ${MAX_FILES} files`);
  if (!isList(cells) || !isList(details)) return fail('its cells or details are not lists');
  const axes = axisProblem(cells);
  if (axes) return fail(axes);
  const checked: Cell[] = [];
  for (const item of cells) {
    const cell = cellFromObject(item, MAX_TASK_CHARS);
    if (!cell.ok) return fail(`a cell’s ${cell.reason}`);
    if (cell.value.lengthTokens > MAX_LENGTH_TOKENS) {
      return fail(`a cell’s length is beyond ${grouped(MAX_LENGTH_TOKENS)} tokens`);
    }
    checked.push(cell.value);
  }
  const grid = gridOf(checked);
  if (!grid.ok) return fail(grid.reason);
  const trials: Trial[] = [];
  for (const item of details) {
    const trial = readTrial(item);
    if (!trial) return fail('a kept trial is not valid');
    trials.push(trial);
  }
  const { lengthUnit } = value;
  if (lengthUnit !== undefined && lengthUnit !== 'tokens' && lengthUnit !== 'frames') {
    return fail('its length unit is neither tokens nor frames');
  }
  const facetsOfCells = facetValuesOf(grid.value.cells);
  const lengthLabels = labelsOf(value.lengthLabels, grid.value.lengths);
  if (lengthLabels === null) return fail('its length labels are not names of its lengths');
  return accept({
    name,
    ...(lengthUnit ? { lengthUnit } : {}),
    ...(lengthLabels ? { lengthLabels } : {}),
    // Rebuilt from the checked cells, never taken on trust.
    ...(Object.keys(facetsOfCells).length > 0 ? { facetValues: facetsOfCells } : {}),
    formats: formats.map((format) => clip(format, MAX_NOTE_CHARS)),
    files: files.map((file) => clip(file, MAX_NOTE_CHARS)),
    ...grid.value,
    details: trials,
    warnings: clipNotes(warnings),
  });
}

/**
 * Too many distinct lengths or depths, counted before any cell is checked (cheap: a run of
 * 100,000 columns is refused in milliseconds), or null.
 */
function axisProblem(cells: readonly unknown[]): string | null {
  const lengths = new Set<unknown>();
  const depths = new Set<unknown>();
  for (const cell of cells) {
    if (!isJsonObject(cell)) continue;
    lengths.add(cell.lengthTokens);
    depths.add(cell.depthPercent);
    if (lengths.size > MAX_AXIS_VALUES || depths.size > MAX_AXIS_VALUES) {
      return axisLimitReason(lengths.size > MAX_AXIS_VALUES ? 'context lengths' : 'depths');
    }
  }
  return null;
}

/** The refusal for a run past {@link MAX_AXIS_VALUES} on one axis, with its count where known. */
export function axisLimitReason(what: 'context lengths' | 'depths', count?: number): string {
  const max = grouped(MAX_AXIS_VALUES);
  const counted = count === undefined ? `more than ${max}` : grouped(count);
  return (
    `${counted} distinct ${what}; Haymap draws up to ${max} per run ` +
    '(is the right column read as the length and depth?)'
  );
}

/**
 * The load's door: a run just read, checked as the saved copy will be ({@link checkRun}), its
 * axes counted exactly for the message. What passes is what the app keeps. Its grid came out of
 * the accumulator a restore rebuilds it with, so its cells are checked one by one but the grid
 * is not built twice (a folder's load spent a fifth of its finish doing so).
 */
export function checkLoadedRun(draft: RunDraft): Checked<RunDraft> {
  const fail = (reason: string) => refuse(`run “${clip(draft.name, 80)}”: ${reason}`);
  if (draft.lengths.length > MAX_AXIS_VALUES) {
    return fail(axisLimitReason('context lengths', draft.lengths.length));
  }
  if (draft.depths.length > MAX_AXIS_VALUES) {
    return fail(axisLimitReason('depths', draft.depths.length));
  }
  const { cells, lengths, depths, tasks, trialCount } = draft;
  return checkRun(draft, () => accept({ cells, lengths, depths, tasks, trialCount }));
}

/** Lengths are named by at most this many characters ("medium"). */
const MAX_LENGTH_LABEL_CHARS = 40;

/**
 * A run's length labels: absent, or names of some of its lengths (null when they are not),
 * each clipped; labels of lengths the run does not have are refused rather than kept.
 */
function labelsOf(
  value: unknown,
  lengths: readonly number[],
): Record<number, string> | undefined | null {
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) return null;
  const labels: Record<number, string> = {};
  for (const [key, label] of Object.entries(value)) {
    const length = Number(key);
    if (typeof label !== 'string' || !lengths.includes(length)) return null;
    labels[length] = clip(label, MAX_LENGTH_LABEL_CHARS);
  }
  return Object.keys(labels).length > 0 ? labels : undefined;
}

/** Whether each of `keys` of `value` is text or absent (a loop: a run checks every detail). */
function textsOrAbsent(value: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) {
    const text = value[key];
    if (text !== undefined && typeof text !== 'string') return false;
  }
  return true;
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A kept trial, checked shallowly (numbers where numbers belong, text where text does). */
function readTrial(value: unknown): Trial | null {
  if (!isJsonObject(value) || !isJsonObject(value.source)) return null;
  const { lengthTokens, depthPercent, score, repeat } = value;
  const { file, line } = value.source;
  if (
    !isFiniteNumber(lengthTokens) ||
    (depthPercent !== null && !isFiniteNumber(depthPercent)) ||
    !isFiniteNumber(score) ||
    !textsOrAbsent(value, TRIAL_TEXTS) ||
    (repeat !== undefined && !isFiniteNumber(repeat)) ||
    typeof file !== 'string' ||
    (line !== undefined && !isCount(line, 1))
  ) {
    return null;
  }
  const trial: Trial = {
    lengthTokens,
    depthPercent,
    score,
    source: line === undefined ? { file } : { file, line },
  };
  // Field by field, not spread: a run keeps thousands of trials, each checked at every load.
  for (const key of TRIAL_TEXTS) {
    const text = value[key];
    if (typeof text === 'string') trial[key] = clip(text, MAX_DETAIL_CHARS);
  }
  if (repeat !== undefined) trial.repeat = repeat;
  return trial;
}

/** A kept trial's texts, in the order they are kept in. */
const TRIAL_TEXTS = ['task', 'model', 'needle', 'expected', 'response'] as const;

function isFiniteNumber(value: unknown): value is number {
  return isNumberIn(value, -Infinity, Infinity);
}
