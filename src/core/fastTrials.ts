import type { FieldRow } from './read/fieldRow';
import type { ColumnMapping } from './types';

/** Where {@link fastTrials} hands the trials it read; the mapping reader's own state. */
export interface FastTrialSink {
  /** Whether trials may be taken straight from their fields now (the score scale is inferred, the depth unit known). */
  open(): boolean;
  /** Whether depths are fractions (times 100). */
  fraction(): boolean;
  /** A trial read from `row`, which can still make its whole record for the drill-down. */
  add(
    model: string | undefined,
    task: string,
    lengthTokens: number,
    depthPercent: number | null,
    rawScore: number,
    row: FieldRow,
  ): void;
}

/** Distinct names remembered by {@link TrimmedNames}; past it, names are read each time. */
const MAX_NAMES = 256;

/**
 * A text column read as a name (model, task): trimmed, empty as none. The same text in row
 * after row is read once, and kept as a copy of its own rather than a slice of the chunk it
 * was in (which would hold the whole chunk in memory with every cell that names it).
 */
class TrimmedNames {
  private lastRaw: string | null = null;
  private lastName: string | undefined;
  private readonly names = new Map<string, string | undefined>();

  /** The name in field `i`, undefined for none, null when the field is not plain text. */
  read(row: FieldRow, i: number): string | undefined | null {
    if (this.lastRaw !== null && row.sameText(i, this.lastRaw)) return this.lastName;
    const raw = row.plainText(i);
    if (raw === null) return null;
    let name = this.names.get(raw);
    if (name === undefined && !this.names.has(raw)) {
      // A copy: a slice would keep the chunk it came from alive.
      const trimmed = raw.trim();
      name = trimmed === '' ? undefined : (' ' + trimmed).slice(1);
      if (this.names.size < MAX_NAMES) this.names.set(raw, name);
    }
    this.lastRaw = raw;
    this.lastName = name;
    return name;
  }
}

/**
 * The fast path of a column mapping: takes a record straight from its fields when it is a
 * plain trial (a positive whole length, a depth in range, a score written plainly, names as
 * plain text) and hands it to `sink`, which does exactly what the general path does with such
 * a record. Anything else (a number to read the general way, a record to skip with its reason)
 * is left to the general path: the row's answer is false.
 */
export function fastTrials(
  mapping: ColumnMapping,
  sink: FastTrialSink,
): (row: FieldRow) => boolean {
  let columns: readonly string[] | null = null;
  let length = -1;
  let depth = -1;
  let score = -1;
  let model = -1;
  let task = -1;
  const models = new TrimmedNames();
  const tasks = new TrimmedNames();
  const at = (name: string | null) => (name === null ? -1 : (columns?.indexOf(name) ?? -1));
  return (row) => {
    if (!sink.open()) return false;
    if (row.columns !== columns) {
      columns = row.columns;
      length = at(mapping.length);
      depth = at(mapping.depth);
      score = at(mapping.score);
      model = at(mapping.model);
      task = at(mapping.task);
    }
    if (length < 0 || score < 0 || (mapping.depth !== null && depth < 0)) return false;
    const lengthTokens = row.number(length);
    if (!(lengthTokens > 0) || !Number.isInteger(lengthTokens)) return false;
    let depthPercent: number | null = null;
    if (depth >= 0) {
      const raw = row.number(depth);
      depthPercent = sink.fraction() ? raw * 100 : raw;
      if (!(depthPercent >= 0 && depthPercent <= 100)) return false;
    }
    const rawScore = row.number(score);
    if (Number.isNaN(rawScore)) return false;
    const modelName = model < 0 ? undefined : models.read(row, model);
    if (modelName === null) return false;
    const taskName = task < 0 ? undefined : tasks.read(row, task);
    if (taskName === null) return false;
    sink.add(modelName, taskName ?? '', lengthTokens, depthPercent, rawScore, row);
    return true;
  };
}
