import Papa from 'papaparse';
import type { Result } from '../result';
import type { Source } from '../source';
import { addNote, textChunks } from './lineEnds';

/** A CSV row keyed by lower-cased, trimmed header names, with the line where it starts. */
export interface CsvRow {
  fields: Record<string, string | undefined>;
  line: number;
}

export type CsvRead = Result<{ columns: string[]; rows: number }>;

const DELIMITERS = [',', '\t', ';', '|'] as const;

/** The delimiter of a table: whichever of comma, tab, semicolon and bar its first line has most. */
export function guessDelimiter(head: string): string {
  const firstLine = firstLineOf(head);
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    for (
      let at = firstLine.indexOf(delimiter);
      at >= 0;
      at = firstLine.indexOf(delimiter, at + 1)
    ) {
      count += 1;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function firstLineOf(head: string): string {
  const start = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = head.slice(start).search(/[\r\n]/);
  return end < 0 ? head.slice(start) : head.slice(start, start + end);
}

/** A number written with a decimal comma, as European spreadsheets write `12.5`. */
const DECIMAL_COMMA = /^\s*[-+]?\d*,\d+(?:[eE][-+]?\d+)?\s*$/;

/**
 * Whether a table's numbers may use a decimal comma: when its fields are separated by
 * semicolons, a comma cannot be a separator, and `12,5` is how Excel in most of Europe writes 12.5.
 */
export function usesDecimalComma(delimiter: string): boolean {
  return delimiter === ';';
}

/** Rewrites the cells that are decimal-comma numbers with a decimal point, in place. */
export function withDecimalPoints(cells: string[]): string[] {
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] ?? '';
    if (cell.includes(',') && DECIMAL_COMMA.test(cell)) cells[i] = cell.replace(',', '.');
  }
  return cells;
}

/**
 * Notes the header names that collide once `key` is applied (a name twice, or `Score` beside
 * `score`): the first is the column read, the others are ignored.
 */
export function noteRepeatedColumns(
  source: Source,
  names: readonly string[],
  key: (name: string) => string,
): void {
  const firstAt = new Map<string, number>();
  names.forEach((name, i) => {
    const first = firstAt.get(key(name));
    if (first === undefined) {
      firstAt.set(key(name), i);
      return;
    }
    const used = names[first] ?? '';
    const same = used.trim() === name.trim();
    const what = same
      ? `the column "${name.trim()}" appears twice (columns ${first + 1} and ${i + 1})`
      : `the columns "${used.trim()}" (${first + 1}) and "${name.trim()}" (${i + 1}) differ only in case`;
    addNote(
      source,
      `${what}: column ${first + 1} ("${used.trim()}") is used, column ${i + 1} ignored`,
    );
  });
}

/** Normalised header names: lower case, trimmed. */
export function normaliseColumn(name: string): string {
  return name.trim().toLowerCase();
}

/** The last head {@link headerColumns} read, and its columns. */
let lastHeader: { head: string; columns: readonly string[] } | null = null;

/**
 * The header names of the first line, normalised (for detection). Every table format's
 * detector asks this of every file's head, JSON ones too, with the same head: the last answer
 * is kept, and a line without a quote is split at its delimiter, as papaparse's own fast mode
 * splits it, without a parser set up for it.
 */
export function headerColumns(head: string): string[] {
  if (lastHeader?.head !== head) {
    const line = firstLineOf(head);
    const delimiter = guessDelimiter(head);
    const cells = line.includes('"')
      ? (Papa.parse<string[]>(line, { delimiter, newline: '\n' }).data[0] ?? [])
      : line === ''
        ? []
        : line.split(delimiter);
    lastHeader = { head, columns: cells.map(normaliseColumn) };
  }
  return [...lastHeader.columns];
}

/**
 * Streams the raw rows of a CSV/TSV source to `onRow` with the 1-based line each starts on,
 * counted through quoted line breaks. Any line end is read (LF, CRLF, a lone CR, a mix), in
 * quoted fields too, where it becomes LF. In a semicolon-separated table, decimal-comma numbers
 * come out with a decimal point (`12,5` as `12.5`). Papaparse's own parser reads chunk by chunk: each call
 * parses what has arrived and holds back the last, maybe partial, row.
 * Blank lines are skipped. `onRow` may return false to stop early (sampling the first rows).
 * Returns the number of rows, or the problem that stopped reading.
 */
export async function readCsvRows(
  source: Source,
  onRow: (cells: string[], line: number) => boolean | void,
): Promise<Result<{ rows: number }>> {
  const rows = new PapaRows(guessDelimiter(source.head), 1, 0, onRow);
  for await (const chunk of textChunks(source)) if (!rows.push(chunk)) break;
  return rows.end();
}

/**
 * Papaparse fed chunk by chunk (LF line ends, no byte-order mark), from line `line` on, with
 * `rows` rows counted before: {@link readCsvRows}, and the fast reader's fallback from the
 * first quote on (`csvFields.ts`).
 */
export class PapaRows {
  private carry = '';
  // Held in an object: the parser's callback sets it, which control-flow narrowing cannot see.
  private readonly stop: { problem: { reason: string; line: number } | null; done: boolean } = {
    problem: null,
    done: false,
  };
  private cursor = 0;
  private text = '';
  private readonly parser: Papa.Parser;
  // Chunks not fed yet. The row held back by a feed is parsed again from its start by the next,
  // so a row longer than a chunk (one huge line) waits until as much new text has come as it
  // holds: the work stays linear in the file's length instead of growing with its square.
  private readonly unfed: string[] = [];
  private unfedChars = 0;

  constructor(
    delimiter: string,
    private line: number,
    private rows: number,
    onRow: (cells: string[], line: number) => boolean | void,
  ) {
    const decimalComma = usesDecimalComma(delimiter);
    const stop = this.stop;
    this.parser = new Papa.Parser({
      delimiter,
      // Every line end reaches the parser as LF (textChunks), so there is nothing to guess.
      newline: '\n',
      // The raw parser's step result holds the row wrapped in an array.
      step: (result: Papa.ParseStepResult<string[][]>) => {
        const start = this.line;
        const end = result.meta.cursor;
        for (let i = this.cursor; i < end; i += 1)
          if (this.text.charCodeAt(i) === 10) this.line += 1;
        this.cursor = end;
        const cells = result.data[0] ?? [];
        if (decimalComma) withDecimalPoints(cells);
        const error = result.errors[0];
        if (error && !stop.problem) stop.problem = { reason: describe(error), line: start };
        if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
        this.rows += 1;
        if (onRow(cells, start) === false) {
          stop.done = true;
          this.parser.abort();
        }
      },
    });
  }

  private feed(input: string, last: boolean): number {
    this.text = input;
    this.cursor = 0;
    return cursorOf(this.parser.parse(input, 0, !last));
  }

  /** Parses what has come; false once reading has stopped (a problem, or `onRow` said so). */
  push(chunk: string): boolean {
    this.unfed.push(chunk);
    this.unfedChars += chunk.length;
    if (this.unfedChars < this.carry.length) return true;
    const input = this.carry + this.unfed.join('');
    this.unfed.length = 0;
    this.unfedChars = 0;
    this.carry = input.slice(this.feed(input, false));
    return !(this.stop.problem || this.stop.done);
  }

  /** Parses the last row; the number of rows, or the problem that stopped reading. */
  end(): Result<{ rows: number }> {
    const { stop } = this;
    const rest = stop.problem || stop.done ? '' : this.carry + this.unfed.join('');
    if (rest !== '') this.feed(rest, true);
    if (stop.problem) return { ok: false, ...stop.problem };
    return { ok: true, rows: this.rows };
  }
}

/** Where papaparse stopped: its `parse` is typed `any`, so the one field used is checked. */
function cursorOf(result: unknown): number {
  if (typeof result === 'object' && result !== null && 'meta' in result) {
    const meta: unknown = result.meta;
    if (
      typeof meta === 'object' &&
      meta !== null &&
      'cursor' in meta &&
      typeof meta.cursor === 'number'
    ) {
      return meta.cursor;
    }
  }
  throw new Error('papaparse returned no cursor');
}

function describe(error: Papa.ParseError): string {
  return error.code === 'MissingQuotes' ? 'a quoted field is not closed' : error.message;
}

/**
 * Streams the rows of a table with a header line, keyed by normalised column names.
 * Rows with a different number of fields go to `onBadRow`. Of two columns with one name
 * (`score` twice, `Score` and `score`) the first is read, and a note on the source says so.
 */
export async function readCsv(
  source: Source,
  onRow: (row: CsvRow) => void,
  onBadRow: (line: number, reason: string) => void,
): Promise<CsvRead> {
  let columns: string[] | null = null;
  const read = await readCsvRows(source, (cells, line) => {
    if (!columns) {
      columns = cells.map(normaliseColumn);
      noteRepeatedColumns(source, cells, normaliseColumn);
      return;
    }
    if (cells.length !== columns.length) {
      onBadRow(line, `${cells.length} fields where the header has ${columns.length}`);
      return;
    }
    const fields: Record<string, string | undefined> = {};
    columns.forEach((name, i) => {
      if (!(name in fields)) fields[name] = cells[i];
    });
    onRow({ fields, line });
  });
  if (!read.ok) return read;
  if (!columns) return { ok: false, reason: 'the file is empty' };
  return { ok: true, columns, rows: read.rows - 1 };
}
