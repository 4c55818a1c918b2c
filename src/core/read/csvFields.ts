import type { Result } from '../result';
import type { Source } from '../source';
import { guessDelimiter, PapaRows, usesDecimalComma, withDecimalPoints } from './csv';
import type { FieldRow, FlatRecord } from './fieldRow';
import { textChunks } from './lineEnds';
import { plainNumber } from './plainNumber';

const QUOTE = '"';

/** One unquoted CSV line as a {@link FieldRow}: field bounds into the chunk it is in. */
class CsvLine implements FieldRow {
  text = '';
  line = 0;
  count = 0;
  columns: readonly string[] = [];
  /** Start and end of field i at 2i and 2i + 1. */
  bounds = new Int32Array(64);

  constructor(
    private readonly delimiter: number,
    private readonly decimalComma: boolean,
    private readonly toRecord: (cells: string[]) => FlatRecord,
  ) {}

  /** Splits `text` from `start` to `end` (a line without its LF) at the delimiter. */
  split(text: string, start: number, end: number, line: number): void {
    this.text = text;
    this.line = line;
    let count = 0;
    let from = start;
    for (let i = start; i <= end; i += 1) {
      if (i === end || text.charCodeAt(i) === this.delimiter) {
        if (2 * count + 2 > this.bounds.length) {
          const wider = new Int32Array(this.bounds.length * 2);
          wider.set(this.bounds);
          this.bounds = wider;
        }
        this.bounds[2 * count] = from;
        this.bounds[2 * count + 1] = i;
        count += 1;
        from = i + 1;
      }
    }
    this.count = count;
  }

  private start(i: number): number {
    return this.bounds[2 * i] ?? 0;
  }

  private end(i: number): number {
    return this.bounds[2 * i + 1] ?? 0;
  }

  /** The fields as strings, as papaparse gives them (decimal commas made points). */
  cells(): string[] {
    const cells: string[] = [];
    for (let i = 0; i < this.count; i += 1) cells.push(this.text.slice(this.start(i), this.end(i)));
    return this.decimalComma ? withDecimalPoints(cells) : cells;
  }

  number(i: number): number {
    return i < this.count ? plainNumber(this.text, this.start(i), this.end(i)) : NaN;
  }

  /** Whether field i is given as it stands: a decimal comma may have to be rewritten. */
  private plain(i: number): boolean {
    if (i >= this.count) return false;
    if (!this.decimalComma) return true;
    const comma = this.text.indexOf(',', this.start(i));
    return comma === -1 || comma >= this.end(i);
  }

  sameText(i: number, text: string): boolean {
    if (!this.plain(i)) return false;
    const start = this.start(i);
    return this.end(i) - start === text.length && this.text.startsWith(text, start);
  }

  plainText(i: number): string | null {
    return this.plain(i) ? this.text.slice(this.start(i), this.end(i)) : null;
  }

  record(): FlatRecord {
    return this.toRecord(this.cells());
  }

  /** A line with one field of blanks only: papaparse's empty row, which readers pass over. */
  blank(): boolean {
    return this.count === 1 && this.text.slice(this.start(0), this.end(0)).trim() === '';
  }
}

/** What {@link readCsvFields} hands its caller. */
export interface CsvFieldsSink {
  /**
   * A row of an unquoted stretch of the table, with `columns` set to `header()`; the row's
   * `count` of fields may differ from the header's.
   */
  fields(row: FieldRow & { readonly count: number; cells(): string[] }): void;
  /** A row as papaparse reads it (the header, and every row from the first quote on). */
  cells(cells: string[], line: number): void;
  /** The header's column names once the first row came, else null. */
  header(): readonly string[] | null;
  /** The record of a row, as the general reader makes it from its fields. */
  record(cells: string[]): FlatRecord;
}

/**
 * The rows of a CSV/TSV source, as {@link readCsvRows} reads them, but split by offsets while
 * no quote has been seen: a chunk without a quote character has no quoted field, so every
 * line is a row and every delimiter a boundary, which is all papaparse does with it. From the
 * first chunk holding a quote on, from the start of the line it is in, papaparse reads the
 * rest, with the line count carried over. The first row (the header) always goes to
 * `sink.cells`.
 */
export async function readCsvFields(
  source: Source,
  sink: CsvFieldsSink,
): Promise<Result<{ rows: number }>> {
  const delimiter = guessDelimiter(source.head);
  const row = new CsvLine(delimiter.charCodeAt(0), usesDecimalComma(delimiter), (cells) =>
    sink.record(cells),
  );
  let line = 1;
  let rows = 0;
  let papa: PapaRows | null = null;
  /** The line in progress, in pieces (a line longer than a chunk waits for its end). */
  const pending: string[] = [];
  const take = (text: string, start: number, end: number): void => {
    row.split(text, start, end, line);
    if (!row.blank()) {
      rows += 1;
      const header = sink.header();
      if (header === null) sink.cells(row.cells(), line);
      else {
        row.columns = header;
        sink.fields(row);
      }
    }
    line += 1;
  };
  for await (const chunk of textChunks(source)) {
    if (papa) {
      if (!papa.push(chunk)) break;
      continue;
    }
    if (chunk.includes(QUOTE)) {
      papa = new PapaRows(delimiter, line, rows, (cells, at) => sink.cells(cells, at));
      if (!papa.push(pending.join('') + chunk)) break;
      pending.length = 0;
      continue;
    }
    let start = 0;
    let end = chunk.indexOf('\n');
    if (end !== -1 && pending.length > 0) {
      const first = pending.join('') + chunk.slice(0, end);
      pending.length = 0;
      take(first, 0, first.length);
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    for (; end !== -1; end = chunk.indexOf('\n', start)) {
      take(chunk, start, end);
      start = end + 1;
    }
    if (start < chunk.length) pending.push(start === 0 ? chunk : chunk.slice(start));
  }
  if (papa) return papa.end();
  const last = pending.join('');
  if (last !== '') take(last, 0, last.length);
  return { ok: true, rows };
}
