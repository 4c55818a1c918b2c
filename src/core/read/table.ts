import Papa from 'papaparse';
import { toFiniteNumber } from '../normalize';
import type { Result } from '../result';
import { HEAD_CHARS, type Source } from '../source';
import type { FlatValue } from '../types';
import {
  guessDelimiter,
  normaliseColumn,
  noteRepeatedColumns,
  readCsvRows,
  usesDecimalComma,
  withDecimalPoints,
} from './csv';
import { readCsvFields } from './csvFields';
import type { FieldRow, FlatRecord } from './fieldRow';
import { isJsonObject, itemPrefix, parseJson, trimmedHead } from './json';
import { JsonLine } from './jsonLineFields';
import { forEachJsonItem, JsonArrayCutter, streamJsonArray } from './jsonArray';
import { withLfLineEnds } from './lineEnds';
import { readLines } from './lines';

/**
 * Any table of records, whatever its file shape: a CSV/TSV, a JSON array (or one object per
 * file), or JSONL. Records come out flat, keyed by column, for the column mapping to pick from.
 */
export type TableKind = 'csv' | 'json' | 'jsonl';

export type { FieldRow, FlatRecord } from './fieldRow';

/** One record and where it is: the line it starts on (CSV, JSONL) or its index (JSON arrays). */
export interface TableRecord {
  values: FlatRecord;
  line?: number;
  /** 0-based index in a JSON array; -1 for a file that is one object. */
  index?: number;
}

/** A record that could not be read, grouped by `kind` when counted. */
export type OnBadRecord = (kind: string, detail: string, line?: number) => void;

export type TableRead = Result<{ kind: TableKind; columns: string[] }>;

/** The shape of a table from its path and first characters. */
export function tableKind(path: string, head: string): TableKind {
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  const start = trimmedHead(head);
  if (start.startsWith('[')) return 'json';
  if (!start.startsWith('{')) return 'csv';
  // JSON Lines: the first line is a whole object and another follows it.
  const newline = start.indexOf('\n');
  if (newline < 0) return 'json';
  const first = parseJson(start.slice(0, newline));
  return first.ok && isJsonObject(first.value) && start.slice(newline).trim() !== ''
    ? 'jsonl'
    : 'json';
}

/** A JSON object as a flat record: `{"config": {"ctx": 1}}` gives the column `config.ctx`. */
export function flattenRecord(object: Record<string, unknown>): FlatRecord {
  const flat: FlatRecord = {};
  for (const [key, value] of Object.entries(object)) {
    if (isJsonObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        flat[`${key}.${inner}`] = flatValue(innerValue);
      }
    } else flat[key] = flatValue(value);
  }
  return flat;
}

function flatValue(value: unknown): FlatValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

/**
 * A cell read as a score: numbers as they are, booleans and the words true/false as 1/0
 * (LWM's `correct`, pandas' `True`), null for anything else.
 */
export function toScore(value: FlatValue | undefined): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === 'true') return 1;
    if (word === 'false') return 0;
  }
  return toFiniteNumber(value);
}

/** Column names of a CSV header: trimmed (lower-cased too with `normalise`), blanks named by position. */
function headerNames(cells: string[], normalise = false): string[] {
  return cells.map(
    (cell, i) => (normalise ? normaliseColumn(cell) : cell.trim()) || `column ${i + 1}`,
  );
}

/** How to read a table: all of it, or its first `limit` records; its kind when a format knows it. */
export interface TableOptions {
  limit?: number;
  kind?: TableKind;
  /** CSV column names lower-cased, for formats whose columns are named in any case. */
  normaliseHeader?: boolean;
  /**
   * Offered each record of a plain stretch of the table first (reading it all, no `limit`):
   * true when it took the record from its fields, false to have it made and handed to
   * `onRecord` as usual. Either way the outcome must be the same; this one is faster.
   */
  fast?: (row: FieldRow) => boolean;
}

function csvRecord(columns: string[], cells: string[]): FlatRecord {
  const values: FlatRecord = {};
  columns.forEach((name, i) => {
    if (!(name in values)) values[name] = cells[i] ?? '';
  });
  return values;
}

/** The record of a JSON line as the general reader makes it; null when it is no object. */
function plainRecord(text: string): FlatRecord | null {
  const parsed = parseJson(text);
  return parsed.ok && isJsonObject(parsed.value) ? flattenRecord(parsed.value) : null;
}

/** Collects column names in the order they first appear. */
class Columns {
  private readonly names = new Set<string>();
  add(values: FlatRecord): void {
    this.addNames(Object.keys(values));
  }
  addNames(names: readonly string[]): void {
    for (const name of names) this.names.add(name);
  }
  list(): string[] {
    return [...this.names];
  }
}

/**
 * Streams the records of a table to `onRecord`, which may return false to stop. With a `limit`
 * (sampling), a JSON array is cut element by element and reading stops after `limit` records;
 * without, JSON goes through {@link forEachJsonItem}. Never throws; returns the columns seen.
 */
export async function readTable(
  source: Source,
  onRecord: (record: TableRecord) => boolean | void,
  onBad: OnBadRecord,
  { limit, kind = tableKind(source.path, source.head), normaliseHeader, fast }: TableOptions = {},
): Promise<TableRead> {
  const columns = new Columns();
  let count = 0;
  const take = (record: TableRecord): boolean => {
    columns.add(record.values);
    count += 1;
    return onRecord(record) !== false && (limit === undefined || count < limit);
  };
  const takeObject = (value: unknown, where: { line?: number; index?: number }): boolean => {
    if (isJsonObject(value)) return take({ values: flattenRecord(value), ...where });
    onBad('not-object', `${itemPrefix(where.index)}not a JSON object`, where.line);
    return true;
  };

  if (kind === 'csv') {
    let header: string[] | null = null;
    const cells = (row: string[], line: number): boolean | void => {
      if (!header) {
        header = headerNames(row, normaliseHeader);
        noteRepeatedColumns(source, row, normaliseHeader ? normaliseColumn : (name) => name.trim());
        return;
      }
      if (row.length !== header.length) {
        onBad('csv-fields', `${row.length} fields where the header has ${header.length}`, line);
        return;
      }
      return take({ values: csvRecord(header, row), line });
    };
    const read =
      fast && limit === undefined
        ? await readCsvFields(source, {
            cells,
            header: () => header,
            record: (row) => csvRecord(header ?? [], row),
            fields: (row) => {
              if (row.count === header?.length && fast(row)) count += 1;
              else cells(row.cells(), row.line);
            },
          })
        : await readCsvRows(source, cells);
    if (!read.ok) return read;
    if (!header) return { ok: false, reason: 'the file is empty' };
    return { ok: true, kind, columns: [...new Set<string>(header)] };
  }

  if (kind === 'jsonl') {
    const plain = fast && limit === undefined ? new JsonLine(plainRecord) : null;
    let plainColumns = false;
    await readLines(source, (text, line) => {
      if (text.trim() === '') return;
      if (plain?.scan(text, line) && fast?.(plain)) {
        if (!plainColumns) columns.addNames(plain.columns);
        plainColumns = true;
        count += 1;
        return;
      }
      const parsed = parseJson(text);
      if (!parsed.ok) {
        onBad('json-line', `not a JSON record (${parsed.reason})`, line);
        return;
      }
      return takeObject(parsed.value, { line });
    });
    return { ok: true, kind, columns: columns.list() };
  }

  if (limit !== undefined && trimmedHead(source.head).startsWith('[')) {
    const read = await streamJsonArray(
      source,
      (value, index) => takeObject(value, { index }),
      true,
    );
    return read.ok ? { ok: true, kind, columns: columns.list() } : read;
  }

  let stopped = false;
  const read = await forEachJsonItem(source, (item, index) => {
    if (!stopped) stopped = !takeObject(item, index >= 0 ? { index } : {});
  });
  if (!read.ok) return read;
  return { ok: true, kind, columns: columns.list() };
}

/**
 * The first records of a table from its head only, synchronously (for detection). A record the
 * head cuts off is left out. Null when the head holds no table (not JSON, a one-column text).
 */
export function headRecords(
  path: string,
  head: string,
  limit: number,
): { kind: TableKind; columns: string[]; records: FlatRecord[] } | null {
  const kind = tableKind(path, head);
  const body = withLfLineEnds(head);
  // A head shorter than HEAD_CHARS is the whole file; a longer one may end mid-record.
  const whole = head.length < HEAD_CHARS;
  const records: FlatRecord[] = [];
  const columns = new Columns();
  const push = (value: unknown): boolean => {
    if (isJsonObject(value)) {
      const flat = flattenRecord(value);
      columns.add(flat);
      records.push(flat);
    }
    return records.length < limit;
  };

  if (kind === 'csv') {
    const delimiter = guessDelimiter(body);
    const rows = Papa.parse<string[]>(body, { delimiter, newline: '\n' }).data;
    if (usesDecimalComma(delimiter)) rows.forEach(withDecimalPoints);
    if (!whole && !/\n$/.test(body)) rows.pop();
    const [first, ...rest] = rows.filter((row) => !(row.length === 1 && row[0]?.trim() === ''));
    if (!first || first.length < 2) return null;
    const header = headerNames(first);
    for (const cells of rest) {
      if (records.length >= limit) break;
      if (cells.length === header.length) records.push(csvRecord(header, cells));
    }
    return { kind, columns: [...new Set<string>(header)], records };
  }

  if (kind === 'jsonl') {
    const lines = body.split('\n');
    if (!whole) lines.pop();
    for (const text of lines) {
      if (text.trim() === '') continue;
      const parsed = parseJson(text);
      if (parsed.ok && !push(parsed.value)) break;
    }
  } else if (trimmedHead(body).startsWith('[')) {
    new JsonArrayCutter().feed(body, (text) => {
      const parsed = parseJson(text);
      return parsed.ok && push(parsed.value);
    });
  } else {
    const parsed = parseJson(body);
    if (!parsed.ok) return null;
    push(parsed.value);
  }
  if (records.length === 0) return null;
  return { kind, columns: columns.list(), records };
}
