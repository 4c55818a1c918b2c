import { HEAD_CHARS, textSource, type Source } from '../source';
import { ChunkDecoder, decodeWhole, guessedNote, LATIN1_NOTE, sniffEncoding } from './decode';
import { detectionHead } from './head';
import { addNote } from './lineEnds';

/** A file as bytes: what `File` offers, and what tests can offer from a buffer. */
export interface ByteFile {
  path: string;
  size: number;
  /** Bytes `start` up to (not including) `end`. */
  slice(start: number, end: number): Promise<Uint8Array>;
  /** All the bytes, chunk by chunk, from the start. */
  stream(): AsyncIterable<Uint8Array>;
}

/**
 * Bytes read for the head of a streamed file, in turn until it holds {@link HEAD_CHARS}
 * characters of structure: a first record with a long field needs more than the first.
 * The last bounds the work whatever the file holds.
 */
const HEAD_BYTES = [HEAD_CHARS * 4, 256 * 1024, 4 * 1024 * 1024] as const;

/**
 * A file's bytes as a text source. The encoding comes from the first bytes (see
 * `sniffEncoding`); `whole`, the file's bytes when already read (or its first bytes, for a
 * preview), is decoded at once, else the
 * text is decoded as it streams, so memory holds a chunk, not the file. `onBytes` is told the
 * bytes consumed so far, for progress. A file that is no text (an archive, a compressed file)
 * gives a source with no text and the reason in `unreadable`.
 */
export async function byteSource(
  file: ByteFile,
  onBytes: (bytes: number) => void,
  whole?: Uint8Array,
): Promise<Source> {
  const { path, size } = file;
  if (whole) {
    onBytes(size);
    return wholeSource(path, size, whole);
  }
  const first = await file.slice(0, HEAD_BYTES[0]);
  const sniffed = sniffEncoding(first);
  if (!sniffed.ok) return unreadable(path, size, sniffed.reason);
  const { encoding } = sniffed;
  let head = '';
  for (const bytes of HEAD_BYTES) {
    const part = bytes === HEAD_BYTES[0] ? first : await file.slice(0, bytes);
    head = detectionHead(new ChunkDecoder(encoding).decode(part), HEAD_CHARS * 2);
    if (head.length >= HEAD_CHARS || bytes >= size) break;
  }
  const notes: string[] = [];
  const source: Source = {
    path,
    size,
    head,
    notes,
    async *chunks() {
      const decoder = new ChunkDecoder(encoding);
      let read = 0;
      for await (const chunk of file.stream()) {
        read += chunk.byteLength;
        onBytes(read);
        const text = decoder.decode(chunk);
        if (decoder.fellBack) addNote(source, LATIN1_NOTE);
        if (text !== '') yield text;
      }
      const rest = decoder.decode(new Uint8Array(0), true);
      if (decoder.fellBack) addNote(source, LATIN1_NOTE);
      if (rest !== '') yield rest;
    },
  };
  // A guess from zero bytes is known before reading; a fallback to Windows-1252 once met.
  if (sniffed.guessed) addNote(source, guessedNote(sniffed.guessed));
  return source;
}

/**
 * A text source over bytes already read: a file's `size` bytes, or its first bytes (a
 * preview). Decoded at once, without waiting on anything.
 */
export function wholeSource(path: string, size: number, whole: Uint8Array): Source {
  const decoded = decodeWhole(whole, whole.length >= size);
  if (!decoded.ok) return unreadable(path, size, decoded.reason);
  const source = textSource(path, decoded.text);
  for (const note of decoded.notes) addNote(source, note);
  return { ...source, size };
}

function unreadable(path: string, size: number, reason: string): Source {
  return {
    path,
    size,
    head: '',
    notes: [],
    unreadable: reason,
    async *chunks() {},
  };
}

/** Bytes held in memory as a file (Node tools, tests), streamed in chunks of `chunkBytes`. */
export function memoryFile(path: string, bytes: Uint8Array, chunkBytes = 1 << 16): ByteFile {
  return {
    path,
    size: bytes.length,
    // eslint-disable-next-line @typescript-eslint/require-await
    slice: async (start, end) => bytes.subarray(start, end),
    // eslint-disable-next-line @typescript-eslint/require-await
    async *stream() {
      for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
    },
  };
}
