import type { FieldRow, FlatRecord } from './fieldRow';
import { plainNumber } from './plainNumber';

const STRING = 1;
const NUMBER = 2;
const LITERAL = 3;

/** Keys a fast line may not have: integer-like keys come first in `Object.keys`, and `__proto__` is no plain key. */
const AWKWARD_KEY = /^(?:0|[1-9]\d*|__proto__)$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * A JSON line read as a {@link FieldRow} when it is a flat object of plain values: keys and
 * strings without escapes or control characters, JSON numbers, `true`, `false`, `null`, and
 * the same keys in the same order as the first such line (the template). Such a line is valid
 * JSON, and its record is exactly what `JSON.parse` and `flattenRecord` make of it; any other
 * line (nested values, escapes, other keys, `NaN`, broken JSON) is left to the general reader.
 */
export class JsonLine implements FieldRow {
  line = 0;
  columns: readonly string[] = [];
  private text = '';
  private kinds = new Uint8Array(16);
  private bounds = new Int32Array(32);
  private keys: string[] | null = null;

  constructor(private readonly toRecord: (text: string) => FlatRecord | null) {}

  /** Whether `text` is such a line; the row then holds its fields. */
  scan(text: string, line: number): boolean {
    const end = text.length;
    let i = 0;
    while (i < end && isSpace(text.charCodeAt(i))) i += 1;
    if (text.charCodeAt(i) !== 123) return false;
    i += 1;
    const template = this.keys;
    const found: string[] | null = template ? null : [];
    let field = 0;
    for (;;) {
      while (i < end && isSpace(text.charCodeAt(i))) i += 1;
      // A key.
      if (text.charCodeAt(i) !== 34) return false;
      const keyStart = i + 1;
      const keyEnd = stringEnd(text, keyStart);
      if (keyEnd < 0) return false;
      if (template) {
        const key = template[field];
        if (key === undefined || keyEnd - keyStart !== key.length) return false;
        if (!text.startsWith(key, keyStart)) return false;
      } else {
        const key = text.slice(keyStart, keyEnd);
        if (AWKWARD_KEY.test(key) || found?.includes(key)) return false;
        found?.push(key);
      }
      i = keyEnd + 1;
      while (i < end && isSpace(text.charCodeAt(i))) i += 1;
      if (text.charCodeAt(i) !== 58) return false;
      i += 1;
      while (i < end && isSpace(text.charCodeAt(i))) i += 1;
      // A value.
      const c = text.charCodeAt(i);
      let kind: number;
      let start = i;
      let stop: number;
      if (c === 34) {
        kind = STRING;
        start = i + 1;
        stop = stringEnd(text, start);
        if (stop < 0) return false;
        i = stop + 1;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        kind = NUMBER;
        stop = numberEnd(text, i);
        if (stop < 0) return false;
        i = stop;
      } else {
        kind = LITERAL;
        const word = text.startsWith('true', i)
          ? 4
          : text.startsWith('null', i)
            ? 4
            : text.startsWith('false', i)
              ? 5
              : 0;
        if (word === 0) return false;
        stop = i + word;
        i = stop;
      }
      this.setField(field, kind, start, stop);
      field += 1;
      while (i < end && isSpace(text.charCodeAt(i))) i += 1;
      const next = text.charCodeAt(i);
      i += 1;
      if (next === 44) continue;
      if (next !== 125) return false;
      break;
    }
    while (i < end && isSpace(text.charCodeAt(i))) i += 1;
    if (i !== end) return false;
    if (template) {
      if (field !== template.length) return false;
    } else {
      this.keys = found;
      this.columns = found ?? [];
    }
    this.text = text;
    this.line = line;
    return true;
  }

  private setField(i: number, kind: number, start: number, end: number): void {
    if (i >= this.kinds.length) {
      const kinds = new Uint8Array(this.kinds.length * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const bounds = new Int32Array(this.bounds.length * 2);
      bounds.set(this.bounds);
      this.bounds = bounds;
    }
    this.kinds[i] = kind;
    this.bounds[2 * i] = start;
    this.bounds[2 * i + 1] = end;
  }

  number(i: number): number {
    const kind = i < this.columns.length ? this.kinds[i] : 0;
    if (kind !== NUMBER && kind !== STRING) return NaN;
    return plainNumber(this.text, this.bounds[2 * i] ?? 0, this.bounds[2 * i + 1] ?? 0);
  }

  sameText(i: number, text: string): boolean {
    if (i >= this.columns.length || this.kinds[i] !== STRING) return false;
    const start = this.bounds[2 * i] ?? 0;
    return (
      (this.bounds[2 * i + 1] ?? 0) - start === text.length && this.text.startsWith(text, start)
    );
  }

  plainText(i: number): string | null {
    if (i >= this.columns.length || this.kinds[i] !== STRING) return null;
    return this.text.slice(this.bounds[2 * i] ?? 0, this.bounds[2 * i + 1] ?? 0);
  }

  record(): FlatRecord {
    const record = this.toRecord(this.text);
    if (!record) throw new Error(`line ${this.line} was read as plain JSON, but is not`);
    return record;
  }
}

/** Where a JSON string from `start` (after its quote) ends: its closing quote; -1 for an escape or a control character. */
function stringEnd(text: string, start: number): number {
  const close = text.indexOf('"', start);
  if (close < 0) return -1;
  for (let i = start; i < close; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 92 || c < 32) return -1;
  }
  return close;
}

/** Where a JSON number from `start` ends, by JSON's grammar; -1 when it is not one. */
function numberEnd(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 45) i += 1;
  const first = text.charCodeAt(i);
  if (first === 48) i += 1;
  else if (first >= 49 && first <= 57) i = digitsEnd(text, i);
  else return -1;
  if (text.charCodeAt(i) === 46) {
    const after = digitsEnd(text, i + 1);
    if (after === i + 1) return -1;
    i = after;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    i += 1;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i += 1;
    const after = digitsEnd(text, i);
    if (after === i) return -1;
    i = after;
  }
  return i;
}

function digitsEnd(text: string, start: number): number {
  let i = start;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(i)) i += 1;
  return i;
}
