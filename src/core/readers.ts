import { detectFormat, formatById } from './detect';
import type { ParseOutcome, RecordSink } from './formats/format';
import { describeMapping } from './mapping';
import { toFiniteNumber } from './normalize';
import { headerColumns } from './read/csv';
import { parseJson } from './read/json';
import { parseWithMapping } from './parseWithMapping';
import { readAll, type Source } from './source';
import type { ReadChoice, TableSample } from './types';

/** The id files read through a user's column mapping are listed under. */
const MAPPED_FORMAT_ID = 'mapped';

/** A file's reader: a detected or chosen format, or the user's column mapping. */
export interface Reader {
  id: string;
  label: string;
  confidence: number;
  parse: (source: Source, sink: RecordSink) => Promise<ParseOutcome>;
}

/**
 * The reader for a file: the user's mapping or format, else the most confident detection.
 * None for a file that is no text (`source.unreadable`). What the source noted while being read
 * (its encoding, a repeated column) is added to the parser's warnings.
 */
export function readerFor(source: Source, choice: ReadChoice): Reader | null {
  if (source.unreadable !== undefined) return null;
  const { mapping } = choice;
  if (mapping) {
    return {
      id: MAPPED_FORMAT_ID,
      label: `Mapped columns (${describeMapping(mapping)})`,
      confidence: 1,
      parse: async (src, sink) => withNotes(src, await parseWithMapping(src, mapping, sink)),
    };
  }
  const chosen = choice.formatId === undefined ? undefined : formatById(choice.formatId);
  const best = chosen
    ? { format: chosen, confidence: 1 }
    : detectFormat(source.path, source.head)[0];
  if (!best) return null;
  return {
    id: best.format.id,
    label: best.format.label,
    confidence: best.confidence,
    parse: async (src, sink) => withNotes(src, await best.format.parse(src, sink)),
  };
}

function withNotes(source: Source, outcome: ParseOutcome): ParseOutcome {
  const notes = source.notes ?? [];
  return outcome.ok && notes.length > 0
    ? { ...outcome, warnings: [...notes, ...outcome.warnings] }
    : outcome;
}

/** A table is worth offering to map when its records hold at least two numeric columns. */
export function isMappable(sample: TableSample): boolean {
  const numeric = sample.columns.filter((column) =>
    sample.rows.some((row) => toFiniteNumber(row[column]) !== null),
  );
  return sample.rows.length > 0 && numeric.length >= 2;
}

/** Explains a file no format claims: empty, binary, broken JSON, or simply another shape. */
export async function unknownShape(source: Source): Promise<{ reason: string; line?: number }> {
  if (source.unreadable !== undefined) return { reason: source.unreadable };
  const start = source.head.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { reason: 'the file is empty' };
  // Control characters other than tab and line breaks mean a binary file (an image, an archive).
  if (hasBinaryBytes(start.slice(0, 512))) {
    return { reason: 'not a text file (binary content)' };
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    const parsed = parseJson(await readAll(source));
    if (!parsed.ok) {
      return parsed.line === undefined
        ? { reason: parsed.reason }
        : { reason: parsed.reason, line: parsed.line };
    }
    return {
      reason:
        'valid JSON, but not NIAH results: no records with context_length (or token_limit), depth_percent and score',
    };
  }
  const columns = headerColumns(start);
  if (columns.length > 1) {
    return {
      line: 1,
      reason: `not a known NIAH result format: a table needs context_length, depth_percent and score columns; this one has ${columns.join(', ')}`,
    };
  }
  return {
    reason:
      'not a known NIAH result format: expected gkamradt JSON, or a CSV with context_length, depth_percent and score columns',
  };
}

function hasBinaryBytes(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 27)) return true;
  }
  return false;
}
