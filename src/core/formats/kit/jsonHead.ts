import { trimmedHead } from '../../read/json';
import type { ResultFormat } from '../format';

/** A JSON string followed by a colon: a key, in the text's own spelling (escapes kept). */
const KEY = /"((?:[^"\\\n]|\\.)*)"\s*:/g;

/** The keys `text` names (`"key":`), found in one pass. */
function keysOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (const match of text.matchAll(KEY)) keys.add(match[1] ?? '');
  return keys;
}

/** Whether `text` names every one of `keys` as a JSON key (`"key":`). */
export function namesKeys(text: string, keys: readonly string[]): boolean {
  const named = keysOf(text);
  return keys.every((key) => named.has(key));
}

/**
 * The first characters of a JSON or JSON Lines file as a `detect` reads them: without a
 * byte-order mark and leading white space, with the questions detection asks of them. The
 * keys are found once, on the first question, however many formats ask.
 */
export class JsonHead {
  readonly text: string;
  private keys: Set<string> | null = null;
  private line: string | null = null;

  constructor(head: string) {
    this.text = trimmedHead(head);
  }

  /** Whether the head names every one of `keys` as a key (`"key":`), anywhere. */
  names(...keys: string[]): boolean {
    this.keys ??= keysOf(this.text);
    const named = this.keys;
    return keys.every((key) => named.has(key));
  }

  /** The first line: the first row of JSON Lines (a pretty-printed document has only `{` there). */
  get firstLine(): string {
    this.line ??= this.text.split('\n', 1)[0] ?? '';
    return this.line;
  }
}

/**
 * The head the last JSON detection read: detection asks every format of one file in turn, so
 * the formats share one {@link JsonHead} a file (its trimming and its keys) instead of one each.
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
    return opens.includes(json.text[0] ?? ' ') ? claim(json, path) : 0;
  };
}
