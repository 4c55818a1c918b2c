import Papa from 'papaparse';

/** A CSV row keyed by lower-cased, trimmed header names, with the line where it starts. */
export interface CsvRow {
  fields: Record<string, string | undefined>;
  line: number;
}

export type CsvRead =
  { ok: true; columns: string[]; rows: number } | { ok: false; reason: string; line?: number };

/** The header names of the first line, lower-cased and trimmed (for detection). */
export function headerColumns(head: string): string[] {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const parsed = Papa.parse<string[]>(firstLine, { header: false });
  return (parsed.data[0] ?? []).map((name) => name.trim().toLowerCase());
}

/**
 * Streams the rows of a CSV/TSV text (papaparse's step mode, delimiter guessed) to `onRow`,
 * with the 1-based line each row starts on, counted through quoted line breaks.
 * Rows papaparse finds malformed go to `onBadRow` instead.
 */
export function readCsv(
  text: string,
  onRow: (row: CsvRow) => void,
  onBadRow: (line: number, reason: string) => void,
): CsvRead {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, reason: 'the file is empty' };
  const headerEnd = body.indexOf('\n');
  if (headerEnd === -1) return { ok: false, reason: 'the file has a header line and no rows' };
  const columns = headerColumns(body);
  let rows = 0;
  // Line tracking: `line` is the line number at offset `cursor` (just after the header).
  let cursor = headerEnd + 1;
  let line = 2;

  Papa.parse<Record<string, string | undefined>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (name) => name.trim().toLowerCase(),
    step: (result) => {
      const end = Math.max(cursor, result.meta.cursor);
      const rowStart = skipWhitespace(body, cursor, end);
      const startLine = line + countNewlines(body, cursor, rowStart);
      line = startLine + countNewlines(body, rowStart, end);
      cursor = end;
      const error = result.errors[0];
      if (error) onBadRow(startLine, describeCsvError(error));
      else onRow({ fields: result.data, line: startLine });
      rows += 1;
    },
  });
  return { ok: true, columns, rows };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === 10) count += 1;
  return count;
}

/** Skips the line breaks and blank lines papaparse passes over before a row. */
function skipWhitespace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text.charAt(i))) i += 1;
  return i;
}

function describeCsvError(error: Papa.ParseError): string {
  switch (error.code) {
    case 'TooFewFields':
      return 'too few fields for the header';
    case 'TooManyFields':
      return 'more fields than the header';
    case 'MissingQuotes':
      return 'a quoted field is not closed';
    default:
      return error.message;
  }
}
