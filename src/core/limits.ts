/**
 * The one set of limits on what Haymap keeps, checked at every door: loading files (records
 * past them skipped or cut, with a counted note), the saved copy read back at start, share
 * links and share files. Whatever a load accepts is within them, so it can always be saved
 * and restored. Each is far beyond real results; they exist so that no input (a typo, a
 * wrong column, a crafted file) can make a run the app cannot keep, draw or bring back.
 */
import type { RecordProblem } from './normalize';
import type { Cell, CellSummary, Facets, FailedCall, Trial } from './types';
import { grouped } from './numberText';

/**
 * The longest context length kept, in tokens: 1e9, a hundred times the longest context window
 * offered today (10M). Beyond it a "length" is a wrong column or a typo (1e300), and lengths
 * must also count exactly (9007199254740993 does not: doubles stop at 2^53).
 */
export const MAX_LENGTH_TOKENS = 1_000_000_000;
/** The most trials one row or cell of a file may count (n): exact sums stay far away. */
export const MAX_RECORD_TRIALS = 1_000_000_000;
/** Run and model names are cut to this many characters (they label panels and legends). */
export const MAX_RUN_NAME_CHARS = 200;
/**
 * Names read back from a share or the saved copy: room for a cut name, the ` (2)` that keeps
 * names unique, and a user's rename.
 */
export const MAX_STORED_NAME_CHARS = 500;
/**
 * Task names: a task is a grid coordinate, so a record with a longer one is skipped, never cut
 * (cells would merge). Share links allow fewer (`share/cell.ts`), to stay short.
 */
export const MAX_TASK_CHARS = 10_000;
/** Facet fields a cell or record may carry (needle count, mode): a few, each name and value short. */
export const MAX_FACETS = 8;
/** The longest facet name or value: a facet labels a small multiple, and is a coordinate. */
export const MAX_FACET_CHARS = 200;
/** A kept trial's needle, expected answer and response are cut to this for the drill-down. */
export const MAX_DETAIL_CHARS = 100_000;
/** Notes and file paths of a run: each cut to this many characters. */
export const MAX_NOTE_CHARS = 2_000;
/** Notes a run keeps (each already counts its kind of problem). */
export const MAX_NOTES = 1_000;
/** Files behind one run. */
export const MAX_FILES = 1_000_000;
/**
 * Distinct context lengths (columns) or depths (rows) of one run: 2,000 columns are already
 * under a pixel each on a wide screen. A file past it is refused at load, naming the count:
 * such a sweep is almost always a wrong column read as the length (a response length, an id),
 * and a binned picture of it would look plausible while showing nothing true.
 */
export const MAX_AXIS_VALUES = 2_000;
/** Runs one share link or file, one batch of files or the saved copy may bring. */
export const MAX_RUNS = 500;

/** Why a context length cannot be kept, or null. */
export function lengthLimitProblem(lengthTokens: number): RecordProblem | null {
  if (Number.isSafeInteger(lengthTokens) && lengthTokens <= MAX_LENGTH_TOKENS) return null;
  return {
    kind: 'length-limit',
    detail: `context length ${lengthTokens} is beyond the ${grouped(MAX_LENGTH_TOKENS)} tokens Haymap keeps`,
  };
}

/** Why a trial count (a summary's or a cell's n) cannot be kept, or null. */
export function countLimitProblem(n: number): RecordProblem | null {
  if (Number.isSafeInteger(n) && n <= MAX_RECORD_TRIALS) return null;
  return {
    kind: 'count-limit',
    detail: `n ${n} is more trials than Haymap counts in one row (${grouped(MAX_RECORD_TRIALS)})`,
  };
}

/**
 * Why a record's or cell's facets cannot be kept, or null. A facet is a coordinate (records
 * of one facet value make one small multiple), so a record past it is skipped, never cut.
 */
export function facetsLimitProblem(facets: Facets | undefined): RecordProblem | null {
  if (facets === undefined || facetsWithinLimits(facets)) return null;
  const entries = Object.entries(facets);
  const long = entries.find(
    ([field, text]) => field.length > MAX_FACET_CHARS || text.length > MAX_FACET_CHARS,
  );
  const detail =
    entries.length > MAX_FACETS
      ? `${entries.length} facets, more than the ${MAX_FACETS} Haymap keeps`
      : `the facet ${JSON.stringify(clip(long?.[0] ?? '', 40))} is longer than ${MAX_FACET_CHARS} characters`;
  return { kind: 'facet-limit', detail };
}

/**
 * Whether facets are texts by name, within {@link MAX_FACETS} and {@link MAX_FACET_CHARS}
 * (a share's facets are checked with it while still unknown).
 */
export function facetsWithinLimits(facets: { readonly [field: string]: unknown }): boolean {
  const entries = Object.entries(facets);
  return (
    entries.length <= MAX_FACETS &&
    entries.every(
      ([field, text]) =>
        field.length <= MAX_FACET_CHARS &&
        typeof text === 'string' &&
        text.length <= MAX_FACET_CHARS,
    )
  );
}

/** `text` cut to `max` characters (never through a surrogate pair), or as it is. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** A run's notes within {@link MAX_NOTES} and {@link MAX_NOTE_CHARS}. */
export function clipNotes(notes: readonly string[]): string[] {
  const kept = notes.slice(0, MAX_NOTES).map((note) => clip(note, MAX_NOTE_CHARS));
  if (notes.length > MAX_NOTES) {
    kept[MAX_NOTES - 1] = `… and ${grouped(notes.length - MAX_NOTES + 1)} more notes`;
  }
  return kept;
}

type Record = Trial | CellSummary | FailedCall;
const DETAIL_FIELDS = ['needle', 'expected', 'response'] as const;

/**
 * The loader's door: each record of one file checked against the limits before it reaches a
 * run. A record past a limit is skipped, a name or text too long is cut; both counted, and
 * told by {@link messages} as one note per kind, like the parsers' own skips.
 */
export class RecordLimits {
  private readonly skipped = new Map<string, { count: number; detail: string; line?: number }>();
  private readonly cut = new Map<string, number>();

  constructor(private readonly file: string) {}

  /** The trial within limits, or null when it is skipped. */
  trial(trial: Trial): Trial | null {
    const kept = this.record(trial);
    return kept && this.clipDetails(kept);
  }

  private clipDetails(trial: Trial): Trial {
    let out = trial;
    for (const field of DETAIL_FIELDS) {
      const text = out[field];
      if (text !== undefined && text.length > MAX_DETAIL_CHARS) {
        out = { ...out, [field]: clip(text, MAX_DETAIL_CHARS) };
        this.count(`a ${field} cut to ${grouped(MAX_DETAIL_CHARS)} characters`);
      }
    }
    return out;
  }

  /**
   * The kept details of a trial counted already as part of a whole cell (see {@link cell}):
   * dropped or cut as its cell was, without counting the record twice; texts cut as for trials.
   */
  detail(trial: Trial): Trial | null {
    if (placeLimitProblem(trial)) return null;
    const { model } = trial;
    const named =
      model !== undefined && model.length > MAX_RUN_NAME_CHARS
        ? { ...trial, model: clip(model, MAX_RUN_NAME_CHARS) }
        : trial;
    return this.clipDetails(named);
  }

  /** The summary within limits, or null when it is skipped. */
  summary(summary: CellSummary): CellSummary | null {
    const problem = countLimitProblem(summary.n);
    if (problem) return this.skip(problem, summary.source.line);
    return this.record(summary);
  }

  /** The failed call within limits, or null when it is skipped. */
  failedCall(call: FailedCall): FailedCall | null {
    return this.record(call);
  }

  /** A whole cell (a share file's) and its run name within limits, or null when skipped. */
  cell(cell: Cell, model: string | undefined): { cell: Cell; model: string | undefined } | null {
    const problem = placeLimitProblem(cell) ?? countLimitProblem(cell.n);
    if (problem) return this.skip(problem);
    return { cell, model: this.name(model) };
  }

  /** One note per kind of skip or cut, with its count. */
  messages(): string[] {
    if (this.skipped.size === 0 && this.cut.size === 0) return [];
    const cuts = [...this.cut].map(
      ([what, count]) => `${count} ${count === 1 ? 'record' : 'records'} with ${what}`,
    );
    return [...this.skips(), ...cuts].map((message) => `${this.file}: ${message}`);
  }

  /**
   * Why a file gave nothing, when each of its records was past a limit (null when none was):
   * the skips, each kind with its count and the line of its first.
   */
  nothingKept(): string | null {
    if (this.skipped.size === 0) return null;
    return `no record within the limits Haymap keeps: ${this.skips().join('; ')}`;
  }

  /** One phrase per kind of skip, with its count: `2 records skipped (first at line 3: …)`. */
  private skips(): string[] {
    return [...this.skipped.values()].map(({ count, detail, line }) => {
      const head = count === 1 ? '1 record skipped' : `${count} records skipped`;
      if (line === undefined) return `${head} (${count === 1 ? '' : 'first: '}${detail})`;
      return `${head} (${count === 1 ? '' : 'first at '}line ${line}: ${detail})`;
    });
  }

  private record<T extends Record>(record: T): T | null {
    const problem = placeLimitProblem(record);
    if (problem) return this.skip(problem, record.source.line);
    const model = this.name(record.model);
    return model === record.model ? record : { ...record, model };
  }

  private name(model: string | undefined): string | undefined {
    if (model === undefined || model.length <= MAX_RUN_NAME_CHARS) return model;
    this.count(`a model name cut to ${MAX_RUN_NAME_CHARS} characters`);
    return clip(model, MAX_RUN_NAME_CHARS);
  }

  private skip(problem: RecordProblem, line?: number): null {
    const entry = this.skipped.get(problem.kind);
    if (entry) entry.count += 1;
    else this.skipped.set(problem.kind, { count: 1, detail: problem.detail, line });
    return null;
  }

  private count(what: string): void {
    this.cut.set(what, (this.cut.get(what) ?? 0) + 1);
  }
}

/** Why a record's or cell's place (length, task, facets) is past the limits, or null. */
function placeLimitProblem(place: {
  lengthTokens: number;
  task?: string;
  facets?: Facets;
}): RecordProblem | null {
  return (
    lengthLimitProblem(place.lengthTokens) ??
    taskLimitProblem(place.task ?? '') ??
    facetsLimitProblem(place.facets)
  );
}

function taskLimitProblem(task: string): RecordProblem | null {
  return task.length <= MAX_TASK_CHARS
    ? null
    : { kind: 'task-limit', detail: `a task name is longer than ${MAX_TASK_CHARS} characters` };
}

/** Cells one share link or file may hold, all runs together (a 300 x 300 grid is 90,000). */
export const MAX_SHARE_CELLS = 250_000;

/**
 * Why a share's list of runs is too large to read, or null: counted before any run is read
 * (number of runs, cells, distinct lengths and depths per run), so that a crafted link is
 * refused in milliseconds instead of freezing the page while it is checked and drawn.
 */
export function shareSizeProblem(runs: readonly unknown[]): string | null {
  if (runs.length > MAX_RUNS) {
    return `holds ${grouped(runs.length)} runs; a share brings up to ${MAX_RUNS}`;
  }
  let cells = 0;
  for (const [i, run] of runs.entries()) {
    const list = typeof run === 'object' && run !== null && 'cells' in run ? run.cells : null;
    if (!Array.isArray(list)) continue;
    cells += list.length;
    if (cells > MAX_SHARE_CELLS) {
      return `holds more than ${grouped(MAX_SHARE_CELLS)} cells; a share brings up to that many`;
    }
    const lengths = new Set<unknown>();
    const depths = new Set<unknown>();
    for (const cell of list) {
      if (!Array.isArray(cell)) continue;
      lengths.add(cell[1]);
      depths.add(cell[2]);
    }
    const axis =
      lengths.size > MAX_AXIS_VALUES ? lengths : depths.size > MAX_AXIS_VALUES ? depths : null;
    if (axis) {
      const what = axis === lengths ? 'context lengths' : 'depths';
      return `run ${i + 1}: ${grouped(axis.size)} distinct ${what}; Haymap draws up to ${grouped(MAX_AXIS_VALUES)} per run`;
    }
  }
  return null;
}
