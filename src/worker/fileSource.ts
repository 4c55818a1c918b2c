import { byteSource } from '../core/read/byteSource';
import type { Source } from '../core/source';

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
  /** The file's bytes when the caller has read them already (small files). */
  bytes?: ArrayBuffer,
): Promise<Source> {
  const whole =
    file.size <= WHOLE_FILE_BYTES ? new Uint8Array(bytes ?? (await file.arrayBuffer())) : undefined;
  return byteSource(
    {
      path,
      size: file.size,
      slice: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
      stream: () => chunksOf(file.stream()),
    },
    onBytes,
    whole,
  );
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
