import { trimmedHead } from '../../read/json';
import type { ResultFormat } from '../format';

/** Characters with a meaning in a regular expression, escaped where a key is matched as text. */
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** Whether `text` names every one of `keys` as a JSON key (`"key":`). */
export function namesKeys(text: string, keys: readonly string[]): boolean {
  return keys.every((key) => new RegExp(`"${key.replace(SPECIAL, '\\$&')}"\\s*:`).test(text));
}

/**
 * The first characters of a JSON or JSON Lines file as a `detect` reads them: without a
 * byte-order mark and leading white space, with the questions detection asks of them.
 */
export class JsonHead {
  readonly text: string;

  constructor(head: string) {
    this.text = trimmedHead(head);
  }

  /** Whether the head names every one of `keys` as a key (`"key":`), anywhere. */
  names(...keys: string[]): boolean {
    return namesKeys(this.text, keys);
  }

  /** The first line: the first row of JSON Lines (a pretty-printed document has only `{` there). */
  get firstLine(): string {
    return this.text.split('\n', 1)[0] ?? '';
  }
}

/**
 * A `detect` for a JSON format: 0 unless the file opens with one of `opens` (`{` an object or a
 * row of JSON Lines, `[` an array), else what `claim` makes of its head and path.
 */
export function jsonDetect(
  opens: '{' | '[' | '{[',
  claim: (json: JsonHead, path: string) => number,
): ResultFormat['detect'] {
  return (path, head) => {
    const json = new JsonHead(head);
    return [...opens].some((bracket) => json.text.startsWith(bracket)) ? claim(json, path) : 0;
  };
}
