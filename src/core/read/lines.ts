import type { Source } from '../source';
import { textChunks } from './lineEnds';

/**
 * Calls `onLine` with each line of a source and its 1-based number, without holding more than
 * one chunk and one partial line. Line ends (LF, CRLF or a lone CR) are not included; a
 * byte-order mark is dropped. `onLine` may return false to stop early.
 */
export async function readLines(
  source: Source,
  onLine: (line: string, lineNumber: number) => boolean | void,
): Promise<void> {
  // The line in progress, in pieces: searching or joining all of it for each chunk would make a
  // long line (a minified JSON document) cost its length squared.
  let carry: string[] = [];
  let lineNumber = 0;
  for await (const chunk of textChunks(source)) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      lineNumber += 1;
      const piece = chunk.slice(start, end);
      const line = carry.length === 0 ? piece : carry.join('') + piece;
      carry = [];
      if (onLine(line, lineNumber) === false) return;
      start = end + 1;
    }
    if (start < chunk.length) carry.push(chunk.slice(start));
  }
  const last = carry.join('');
  if (last !== '') {
    lineNumber += 1;
    onLine(last, lineNumber);
  }
}
