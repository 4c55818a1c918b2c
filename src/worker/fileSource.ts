import { HEAD_CHARS, textSource, type Source } from '../core/source';

/** Enough bytes for HEAD_CHARS characters of UTF-8 text. */
const HEAD_BYTES = HEAD_CHARS * 4;

/**
 * Files up to this size are read in one piece: a folder of a thousand small per-test files
 * loads several times faster that way than through a stream per file.
 */
export const WHOLE_FILE_BYTES = 1024 * 1024;

/**
 * A File as a streamed source: `File.stream()` through a `TextDecoderStream`, counting bytes
 * as they are read so progress can be shown while a large file loads.
 */
export async function fileSource(
  file: File,
  path: string,
  onBytes: (bytes: number) => void,
  /** The file's bytes when the caller has read them already (small files). */
  bytes?: ArrayBuffer,
): Promise<Source> {
  if (file.size <= WHOLE_FILE_BYTES) {
    const text = new TextDecoder().decode(bytes ?? (await file.arrayBuffer()));
    onBytes(file.size);
    return textSource(path, text);
  }
  const head = new TextDecoder().decode(await file.slice(0, HEAD_BYTES).arrayBuffer());
  return {
    path,
    size: file.size,
    head: head.slice(0, HEAD_CHARS * 2),
    async *chunks() {
      let bytes = 0;
      const counted = file.stream().pipeThrough(
        new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
          transform(chunk, controller) {
            bytes += chunk.byteLength;
            onBytes(bytes);
            controller.enqueue(chunk);
          },
        }),
      );
      const reader = counted.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (let next = await reader.read(); !next.done; next = await reader.read())
          yield next.value;
      } finally {
        reader.releaseLock();
      }
    },
  };
}
