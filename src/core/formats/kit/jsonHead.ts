import { trimmedHead } from '../../read/json';
import type { ResultFormat } from '../format';

/** Whether `text` names `key` as a JSON key: `"key"`, then white space or none, then `:`. */
function namesKey(text: string, key: string): boolean {
  const quoted = `"${key}"`;
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    let next = at + quoted.length;
    while (next < text.length && /\s/.test(text.charAt(next))) next += 1;
    if (text.charAt(next) === ':') return true;
  }
  return false;
}

/** Whether `text` names every one of `keys` as a JSON key (`"key":`). */
export function namesKeys(text: string, keys: readonly string[]): boolean {
  return keys.every((key) => namesKey(text, key));
}

/**
 * The first characters of a JSON or JSON Lines file as a `detect` reads them: without a
 * byte-order mark and leading white space, with the questions detection asks of them.
 */
export class JsonHead {
  readonly text: string;
  private line: string | null = null;

  constructor(head: string) {
    this.text = trimmedHead(head);
  }

  /** Whether the head names every one of `keys` as a key (`"key":`), anywhere. */
  names(...keys: string[]): boolean {
    return namesKeys(this.text, keys);
  }

  /** Whether the head opens with one of `brackets` (`{` an object or a JSON Lines row, `[` an array). */
  opensWith(brackets: string): boolean {
    const first = this.text.charAt(0);
    return first !== '' && brackets.includes(first);
  }

  /** The first line: the first row of JSON Lines (a pretty-printed document has only `{` there). */
  get firstLine(): string {
    this.line ??= this.text.split('\n', 1)[0] ?? '';
    return this.line;
  }
}

/**
 * The head the last JSON detection read: detection asks every format of one file in turn, so
 * the formats share one {@link JsonHead} a file (its trimming and its first line) instead of one
 * each.
 */
let last: { head: string; json: JsonHead } | null = null;

/** The {@link JsonHead} of `head`, made once however many formats ask of the same head. */
export function jsonHeadOf(head: string): JsonHead {
  if (last?.head !== head) last = { head, json: new JsonHead(head) };
  return last.json;
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
    const json = jsonHeadOf(head);
    return json.opensWith(opens) ? claim(json, path) : 0;
  };
}
