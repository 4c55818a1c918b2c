import { shareSizeProblem } from '../../limits';
import { isJsonObject } from '../../read/json';
import type { Cell, Run, RunDraft } from '../../types';
import { cellFromTuple, cellTuple, gridOfCells, type CellTuple } from './cell';
import { accept, isList, isText, isTextList, refuse, type Checked } from './guards';

/** The share format's version: a link or file of another version is refused, never guessed at. */
export const SHARE_VERSION = 1;

/** The longest run name read from a share. */
export const MAX_NAME_CHARS = 500;

const MAX_FORMATS = 50;
const MAX_FORMAT_CHARS = 500;

/** One run as a share writes it: what its heatmap needs; no files, no trial texts. */
export interface SharedRun {
  name: string;
  formats: string[];
  cells: CellTuple[];
}

/**
 * The JSON of a share link (compressed) and of a share file (as it is). The view belongs to
 * the app (see `state/sharedView.ts`): the core carries it without knowing it.
 */
export interface SharePayload<View> {
  v: typeof SHARE_VERSION;
  view: View;
  runs: SharedRun[];
}

/** What a share holds once read: runs ready to add (no files, no trial details) and its view. */
export interface ShareContent {
  runs: RunDraft[];
  /** Not checked here: the app's own guard reads it. */
  view: unknown;
}

/** The payload for some runs and a view. */
export function sharePayload<View>(runs: readonly Run[], view: View): SharePayload<View> {
  return {
    v: SHARE_VERSION,
    view,
    runs: runs.map((run) => ({
      name: run.name,
      formats: run.formats,
      cells: run.cells.map(cellTuple),
    })),
  };
}

/**
 * Reads a share's parsed JSON field by field into runs (cells exact, lengths, depths and tasks
 * rebuilt from them), or says what is wrong with it, naming the run and cell.
 */
export function readSharePayload(value: unknown): Checked<ShareContent> {
  if (!isJsonObject(value) || !('v' in value)) return refuse('not a Haymap share (no version)');
  if (value.v !== SHARE_VERSION) {
    return refuse(
      typeof value.v === 'number' && value.v > SHARE_VERSION
        ? `made by a newer Haymap (version ${value.v}); this one reads version ${SHARE_VERSION}`
        : `unknown version; this Haymap reads version ${SHARE_VERSION}`,
    );
  }
  if (!isList(value.runs) || value.runs.length === 0) return refuse('holds no runs');
  const tooLarge = shareSizeProblem(value.runs);
  if (tooLarge !== null) return refuse(tooLarge);
  const runs: RunDraft[] = [];
  for (const [i, item] of value.runs.entries()) {
    const run = readSharedRun(item, `run ${i + 1}`);
    if (!run.ok) return run;
    if (runs.some((other) => other.name === run.value.name)) {
      return refuse(`run ${i + 1}: another run has the same name`);
    }
    runs.push(run.value);
  }
  return accept({ runs, view: value.view });
}

/** A run name: text of 1 to `maxChars` characters, trimmed. */
export function readRunName(value: unknown, maxChars = MAX_NAME_CHARS): Checked<string> {
  const name = isText(value, maxChars) ? value.trim() : '';
  return name === ''
    ? refuse(`the name must be text of 1 to ${maxChars} characters`)
    : accept(name);
}

/** A run's list of format labels: at most `maxItems`, each of at most `maxChars` characters. */
export function readFormats(
  value: unknown,
  maxChars = MAX_FORMAT_CHARS,
  maxItems = MAX_FORMATS,
): Checked<string[]> {
  return isTextList(value, maxItems, maxChars)
    ? accept([...value])
    : refuse(`formats must be at most ${maxItems} texts of at most ${maxChars} characters`);
}

/** Reads one run; refusals start with `where` ("run 2", "run 2, cell 14"). */
function readSharedRun(value: unknown, where: string): Checked<RunDraft> {
  if (!isJsonObject(value)) return refuse(`${where}: must be an object`);
  const name = readRunName(value.name);
  if (!name.ok) return refuse(`${where}: ${name.reason}`);
  const formats = readFormats(value.formats);
  if (!formats.ok) return refuse(`${where}: ${formats.reason}`);
  if (!isList(value.cells) || value.cells.length === 0) return refuse(`${where}: holds no cells`);
  const cells: Cell[] = [];
  for (const [i, item] of value.cells.entries()) {
    const cell = cellFromTuple(item);
    if (!cell.ok) return refuse(`${where}, cell ${i + 1}: ${cell.reason}`);
    cells.push(cell.value);
  }
  const grid = gridOfCells(cells);
  if (!grid.ok) return refuse(`${where}: ${grid.reason}`);
  return accept({
    name: name.value,
    formats: formats.value,
    files: [],
    ...grid.value,
    details: [],
    warnings: [],
  });
}
