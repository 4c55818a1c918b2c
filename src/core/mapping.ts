/**
 * Tables of any other shape (docs/formats.md, "Anything else"): which column holds the length,
 * depth, score ... is guessed from names and values ({@link guessMapping}), shown to the user to
 * confirm or change, and then the whole file is read with it ({@link parseWithMapping}).
 */
import { headRecords, readTable, type FlatValue } from './read/table';
import type { Source } from './source';

export { guessMapping } from './guessMapping';
export { parseWithMapping } from './parseWithMapping';

/** A score scale the user picks; `auto` infers it from all the values (normalize.inferScale). */
export type ScaleChoice = 'auto' | '0..1' | '1..10' | '0..100';

/**
 * How depths are written. `auto`: percent, unless the column's name does not say percent and
 * its values all lie in 0..1, which makes them fractions (times 100).
 */
export type DepthUnit = 'percent' | 'fraction' | 'auto';

/** Which column holds what; column names as in TableSample.columns. */
export interface ColumnMapping {
  length: string;
  /** Null: the file has no depth (shown as a length-by-task matrix). */
  depth: string | null;
  depthUnit: DepthUnit;
  score: string;
  /** Booleans and "true"/"false" read as 1/0 whatever the scale. */
  scoreScale: ScaleChoice;
  model: string | null;
  task: string | null;
  needle: string | null;
  response: string | null;
  expected: string | null;
}

/** The first records of a table, for guessing and for the mapping dialog. */
export interface TableSample {
  kind: 'csv' | 'json' | 'jsonl';
  /**
   * Column names: a CSV's header (trimmed, blanks named `column N`); for JSON/JSONL the keys of
   * the records, nested objects flattened one level as "a.b".
   */
  columns: string[];
  /** The first rows (up to 20), values flattened the same way; CSV values are the raw text. */
  rows: Record<string, FlatValue>[];
}

/** Rows a sample holds by default. */
export const SAMPLE_ROWS = 20;

/** Reads the first records of a CSV/TSV, JSON array/object-per-file or JSONL source. */
export async function sampleTable(
  source: Source,
  maxRows = SAMPLE_ROWS,
): Promise<{ ok: true; sample: TableSample } | { ok: false; reason: string; line?: number }> {
  const rows: Record<string, FlatValue>[] = [];
  const read = await readTable(
    source,
    ({ values }) => {
      rows.push(values);
    },
    () => undefined,
    maxRows,
  );
  if (!read.ok) return read;
  if (read.columns.length === 0) return { ok: false, reason: 'no records in the file' };
  return { ok: true, sample: { kind: read.kind, columns: read.columns, rows } };
}

/** Same from a head string only (synchronous, for detection). */
export function sampleHead(path: string, head: string): TableSample | null {
  const table = headRecords(path, head, SAMPLE_ROWS);
  return table && { kind: table.kind, columns: table.columns, rows: table.records };
}

const TEXT_ROLES = ['model', 'task', 'needle', 'response', 'expected'] as const;

/** A short human description, e.g. "length ← tokens, depth ← position (fraction ×100), score ← correct (0..1)". */
export function describeMapping(mapping: ColumnMapping): string {
  const depth =
    mapping.depth === null
      ? 'no depth'
      : `depth ← ${mapping.depth}${
          {
            percent: '',
            fraction: ' (fraction ×100)',
            auto: ' (percent or fraction, from the values)',
          }[mapping.depthUnit]
        }`;
  const scale = mapping.scoreScale === 'auto' ? 'scale from the values' : mapping.scoreScale;
  const parts = [`length ← ${mapping.length}`, depth, `score ← ${mapping.score} (${scale})`];
  for (const role of TEXT_ROLES) {
    const column = mapping[role];
    if (column !== null) parts.push(`${role} ← ${column}`);
  }
  return parts.join(', ');
}
