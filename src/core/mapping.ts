/**
 * Tables of any other shape (the formats specification, "Anything else"): which column holds
 * the length, depth, score ... is guessed from names and values (`guessMapping.ts`), shown to
 * the user to confirm or change, and then the whole file is read with it (`parseWithMapping.ts`).
 */
import { headRecords, readTable } from './read/table';
import type { Result } from './result';
import type { Source } from './source';
import type { ColumnMapping, FlatValue, TableSample } from './types';

/** Rows a sample holds by default. */
export const SAMPLE_ROWS = 20;

/** Reads the first records of a CSV/TSV, JSON array/object-per-file or JSONL source. */
export async function sampleTable(
  source: Source,
  maxRows = SAMPLE_ROWS,
): Promise<Result<{ sample: TableSample }>> {
  const rows: Record<string, FlatValue>[] = [];
  const read = await readTable(
    source,
    ({ values }) => {
      rows.push(values);
    },
    () => undefined,
    { limit: maxRows },
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
