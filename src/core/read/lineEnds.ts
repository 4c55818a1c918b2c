import type { Source } from '../source';

/**
 * The text of a source chunk by chunk, as the readers want it: a leading byte-order mark
 * dropped and every line end (CRLF, a lone CR of classic Mac files, any mix of them) made LF,
 * inside quoted fields too. A CR at the end of a chunk waits for the next, which may start
 * with its LF. Chunks without a CR pass untouched: the cost is one native search per chunk.
 */
export async function* textChunks(source: Source): AsyncIterable<string> {
  let first = true;
  let heldCr = false;
  for await (let chunk of source.chunks()) {
    if (first && chunk !== '') {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    if (heldCr) chunk = `\r${chunk}`;
    heldCr = chunk.endsWith('\r');
    if (heldCr) chunk = chunk.slice(0, -1);
    if (chunk.includes('\r')) chunk = chunk.replace(/\r\n?/g, '\n');
    if (chunk !== '') yield chunk;
  }
  if (heldCr) yield '\n';
}

/** The same for a string held whole (a head): line ends made LF, a byte-order mark dropped. */
export function withLfLineEnds(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
}

/** Adds a note about how a file was read, once however often the file is read. */
export function addNote(source: Source, note: string): void {
  const text = `${source.path}: ${note}`;
  if (source.notes && !source.notes.includes(text)) source.notes.push(text);
}
