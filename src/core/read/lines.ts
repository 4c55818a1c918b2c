import type { Source } from '../source';

/**
 * Calls `onLine` with each line of a source and its 1-based number, without holding more than
 * one chunk and one partial line. Line ends (\n or \r\n) are not included; a byte-order mark is
 * dropped. `onLine` may return false to stop early.
 */
export async function readLines(
  source: Source,
  onLine: (line: string, lineNumber: number) => boolean | void,
): Promise<void> {
  let carry = '';
  let lineNumber = 0;
  let first = true;
  for await (let chunk of source.chunks()) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    const text = carry + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      lineNumber += 1;
      const line =
        text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      if (onLine(line, lineNumber) === false) return;
      start = end + 1;
    }
    carry = text.slice(start);
  }
  if (carry !== '') {
    lineNumber += 1;
    onLine(carry.endsWith('\r') ? carry.slice(0, -1) : carry, lineNumber);
  }
}
