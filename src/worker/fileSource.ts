import { byteSource, memoryFile, wholeSource, type ByteFile } from '../core/read/byteSource';
import { packedKind, unpack, type Unpacked } from '../core/read/packed';
import type { Source } from '../core/source';
import { MAX_FILE_BYTES } from './protocol';

/**
 * Files up to this size are read in one piece: a folder of a thousand small per-test files
 * loads several times faster that way than through a stream per file.
 */
export const WHOLE_FILE_BYTES = 1024 * 1024;

/**
 * A File as a source: its bytes decoded in the encoding they are in (UTF-8, UTF-16, or
 * Windows-1252 for a file that is not UTF-8), streamed from `File.stream()` for a large file,
 * counting bytes as they are read so progress can be shown while it loads.
 */
export async function fileSource(
  file: File,
  path: string,
  onBytes: (bytes: number) => void,
): Promise<Source> {
  const whole =
    file.size <= WHOLE_FILE_BYTES ? new Uint8Array(await file.arrayBuffer()) : undefined;
  return byteSource(byteFileOf(file, path), onBytes, whole);
}

function byteFileOf(file: File, path: string): ByteFile {
  return {
    path,
    size: file.size,
    slice: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
    stream: () => chunksOf(file.stream()),
  };
}

/** What a picked file holds: one source, the files of an archive, or why it cannot be opened. */
export type FileSources = { ok: true; sources: Source[] } | { ok: false; reason: string };

/**
 * The sources in a File: the file itself, or for a `.gz` file what it decompresses to and for
 * a zip archive its files (`<archive path>/<entry path>`), decompressed as they are read and
 * held to `limitBytes` of output (see `core/read/packed.ts`).
 */
export async function fileSources(
  file: File,
  path: string,
  onBytes: (bytes: number) => void,
  bytes?: ArrayBuffer,
  limitBytes = MAX_FILE_BYTES,
): Promise<FileSources> {
  if (bytes && bytes.byteLength === file.size) {
    return bytesSources(path, new Uint8Array(bytes), onBytes, limitBytes);
  }
  const packed = await unpack(byteFileOf(file, path), limitBytes);
  if (packed === null) return { ok: true, sources: [await fileSource(file, path, onBytes)] };
  return packedSources(packed, file.size, onBytes);
}

/** {@link fileSources} of a file whose bytes are all in memory (no `File` needed to read them). */
export async function bytesSources(
  path: string,
  bytes: Uint8Array,
  onBytes: (bytes: number) => void,
  limitBytes = MAX_FILE_BYTES,
): Promise<FileSources> {
  const small = smallFileSources(path, bytes);
  if (small) {
    onBytes(bytes.length);
    return small;
  }
  const file = memoryFile(path, bytes);
  const packed = await unpack(file, limitBytes);
  if (packed === null) return { ok: true, sources: [await byteSource(file, onBytes)] };
  return packedSources(packed, bytes.length, onBytes);
}

/**
 * {@link bytesSources} of a small file that is not packed, the common case, decoded here and
 * now with nothing to wait for; null for a large or a packed file.
 */
export function smallFileSources(path: string, bytes: Uint8Array): FileSources | null {
  if (bytes.length > WHOLE_FILE_BYTES || packedKind(bytes) !== null) return null;
  return { ok: true, sources: [wholeSource(path, bytes.length, bytes)] };
}

async function packedSources(
  packed: Unpacked,
  size: number,
  onBytes: (bytes: number) => void,
): Promise<FileSources> {
  if (!packed.ok) return packed;
  onBytes(size);
  const sources: Source[] = [];
  for (const inner of packed.files) {
    // A zip entry states its size and is stopped past it, so a small one is read at once.
    const small = packed.exactSizes && inner.size <= WHOLE_FILE_BYTES;
    sources.push(
      await byteSource(inner, () => {}, small ? await inner.slice(0, inner.size) : undefined),
    );
  }
  return { ok: true, sources };
}

/** A stream's chunks through its reader: not every browser iterates a ReadableStream itself. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    reader.releaseLock();
  }
}
