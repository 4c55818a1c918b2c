import type { Result } from '../result';
import { readAll, type Source } from '../source';
import { jsonErrorOffset } from './jsonErrorOffset';

export type JsonParse = Result<{ value: unknown }>;

/** Sources up to this size are parsed whole with `JSON.parse`; larger arrays are streamed. */
export const JSON_WHOLE_CHARS = 64 * 1024 * 1024;

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) line += 1;
  }
  return line;
}

/**
 * Python's `json.dump` writes `NaN`, `Infinity` and `-Infinity` bare, which JSON forbids.
 * Outside strings they become the strings "NaN" ..., so the record is read and its value
 * reported as not a number, instead of the whole file failing.
 */
export function quotePythonSpecials(text: string): string {
  if (!/NaN|Infinity/.test(text)) return text;
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    for (const word of ['-Infinity', 'Infinity', 'NaN']) {
      if (text.startsWith(word, i)) {
        out += `${text.slice(last, i)}"${word}"`;
        i += word.length - 1;
        last = i + 1;
        break;
      }
    }
  }
  return out + text.slice(last);
}

/**
 * How deep parsed JSON may nest. `JSON.parse` reads any depth, but `JSON.stringify` and any
 * recursion over the value overflow the call stack a few thousand levels down (V8), so deeper
 * documents are refused here, at the boundary. Results nest a handful of levels.
 */
export const MAX_JSON_DEPTH = 512;

/** Whether a parsed value holds arrays or objects more than `limit` levels deep (no recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: object; depth: number }[] = [];
  const visit = (item: unknown, depth: number) => {
    if (typeof item === 'object' && item !== null) pending.push({ value: item, depth });
  };
  visit(value, 1);
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > limit) return true;
    for (const item of Object.values(next.value)) visit(item, next.depth + 1);
  }
  return false;
}

/**
 * `JSON.parse` that reports where the text stops being JSON, in lines, instead of throwing.
 */
export function parseJson(text: string): JsonParse {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, reason: 'the file is empty' };
  const sanitised = quotePythonSpecials(body);
  try {
    const value: unknown = JSON.parse(sanitised);
    if (sanitised.length > 2 * MAX_JSON_DEPTH && nestedDeeperThan(value, MAX_JSON_DEPTH)) {
      return {
        ok: false,
        reason: `JSON nested deeper than ${MAX_JSON_DEPTH} levels: not a results file`,
      };
    }
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(sanitised);
    const line = offset >= 0 ? lineAt(sanitised, offset) : undefined;
    const reason = `not valid JSON (${message.replace(/\s+/g, ' ').slice(0, 160)})`;
    return line === undefined ? { ok: false, reason } : { ok: false, reason, line };
  }
}

/** `item 3: ` for the element at index 2 of a JSON array, nothing for a lone object (-1) or a line. */
export function itemPrefix(index: number | undefined): string {
  return index !== undefined && index >= 0 ? `item ${index + 1}: ` : '';
}

/** Whether a parsed JSON value is a plain object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The start of a file without a byte-order mark or leading whitespace. */
export function trimmedHead(head: string): string {
  return head.replace(/^\uFEFF/, '').trimStart();
}

/** Reads a whole JSON document (for files that are one object, or small). */
export async function readJson(source: Source): Promise<JsonParse> {
  // A source holding its text is parsed without a wait (a folder of small files, each one).
  return parseJson(source.text ?? (await readAll(source)));
}

/** Whether a file's start is JSON Lines: a complete object on its first line and another after. */
export function looksLikeJsonLines(head: string): boolean {
  const [first, second] = trimmedHead(head).split(/\r?\n/, 2);
  if (!first?.trim().startsWith('{') || !second?.trim().startsWith('{')) return false;
  try {
    JSON.parse(quotePythonSpecials(first));
    return true;
  } catch {
    return false;
  }
}
