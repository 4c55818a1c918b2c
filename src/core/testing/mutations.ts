import fc from 'fast-check';
import { fieldValue, NASTY } from './arbitraries';

/**
 * Damage to valid files, for property tests: cuts, edits with nasty values (`NaN`, `-1`, quotes,
 * line breaks in fields, huge numbers), repeated, dropped and swapped lines, and numbers or JSON
 * values replaced, which keeps a JSON file valid while its values go wrong.
 */

/** One way of damaging a file; positions are taken modulo the text's length. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'number'; which: number; text: string }
  | { kind: 'value'; which: number; value: unknown }
  | { kind: 'duplicateLine' | 'deleteLine'; which: number }
  | { kind: 'swapLines'; which: number; other: number };

const inserted = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Any one {@link Mutation}. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: inserted }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    length: fc.nat({ max: 8 }),
    text: inserted,
  }),
  fc.record({ kind: fc.constant('number' as const), which: fc.nat(), text: inserted }),
  fc.record({ kind: fc.constant('value' as const), which: fc.nat(), value: fieldValue }),
  fc.record({ kind: fc.constantFrom('duplicateLine', 'deleteLine' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), which: fc.nat(), other: fc.nat() }),
);

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;
/** A JSON string, number or literal: replacing one with another JSON value keeps JSON valid. */
const JSON_SCALAR = /"(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/g;

/** Replaces the `which`-th match (modulo their number) of a pattern in a text. */
function replaceMatch(text: string, pattern: RegExp, which: number, by: string): string {
  const matches = [...text.matchAll(pattern)];
  const found = matches[which % Math.max(matches.length, 1)];
  if (found?.index === undefined) return text;
  return text.slice(0, found.index) + by + text.slice(found.index + found[0].length);
}

/** Applies a mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'replace':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at) + m.length);
    case 'number':
      return replaceMatch(text, NUMBER, m.which, m.text);
    case 'value':
      return replaceMatch(text, JSON_SCALAR, m.which, JSON.stringify(m.value) ?? 'null');
    case 'duplicateLine':
    case 'deleteLine':
      return editLines(text, (lines) => {
        const i = m.which % lines.length;
        if (m.kind === 'duplicateLine') lines.splice(i, 0, lines[i] ?? '');
        else lines.splice(i, 1);
      });
    case 'swapLines':
      return editLines(text, (lines) => {
        const [i, j] = [m.which % lines.length, m.other % lines.length];
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      });
  }
}

function editLines(text: string, edit: (lines: string[]) => void): string {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
}
