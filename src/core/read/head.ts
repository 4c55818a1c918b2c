/**
 * The head detection reads: the first characters of a text, where a JSON text has every long
 * string shortened, so that one long field (a 200 KB `model_response`) does not push the
 * fields after it out of reach. The keys and the shape of the first records stay as they are:
 * a producer is recognised from its structure, however long its values.
 */

/** Strings longer than this are shortened in a JSON head. */
const LONG_STRING_CHARS = 256;

/**
 * The first `maxChars` characters of `text` as detection should see them. A text that does not
 * start like JSON (`{` or `[`) is cut as it is. In JSON, each string of more than
 * {@link LONG_STRING_CHARS} characters keeps its start and ends in `…`, still a valid JSON
 * string. Only the first `windowChars` characters are searched (files may be huge).
 */
export function detectionHead(text: string, maxChars: number, windowChars = 4 << 20): string {
  const start = /^\uFEFF?\s*/.exec(text)?.[0].length ?? 0;
  const open = text.charAt(start);
  if (open !== '{' && open !== '[') return text.slice(0, maxChars);
  const end = Math.min(text.length, windowChars);
  // The head is the text as it is up to `at`, but for the long strings cut in `cut`: the text
  // from `copied` on is taken as it is only when a long string comes, or at the end.
  let cut = '';
  let copied = 0;
  let at = 0;
  while (at < end && cut.length + (at - copied) < maxChars) {
    const quote = text.indexOf('"', at);
    if (quote < 0 || quote >= end) {
      at = end;
      break;
    }
    const close = closingQuote(text, quote + 1, end);
    const bodyEnd = close < 0 ? end : close;
    if (bodyEnd - (quote + 1) > LONG_STRING_CHARS) {
      const body = text.slice(quote + 1, bodyEnd);
      cut += `${text.slice(copied, quote + 1)}${body.slice(0, safeCut(body))}…`;
      copied = bodyEnd;
    }
    at = close < 0 ? end : close + 1;
  }
  const head = copied === 0 ? text.slice(0, at) : cut + text.slice(copied, at);
  return head.slice(0, maxChars);
}

/** The index of the quote that ends a JSON string starting at `from`, or -1 before `end`. */
function closingQuote(text: string, from: number, end: number): number {
  for (let at = text.indexOf('"', from); at >= 0 && at < end; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** Where to cut a long string's body: not inside an escape or a surrogate pair. */
function safeCut(body: string): number {
  let cut = LONG_STRING_CHARS;
  for (let at = body.indexOf('\\'); at >= 0 && at < cut;) {
    const width = body.charAt(at + 1) === 'u' ? 6 : 2;
    if (at + width > cut) {
      cut = at;
      break;
    }
    at = body.indexOf('\\', at + width);
  }
  const code = body.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}
