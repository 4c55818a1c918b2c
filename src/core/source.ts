/**
 * A file as a parser reads it: its path, size, first characters for detection, and its text
 * as a stream of chunks. The worker makes one from a `File` (`File.stream()` through a
 * `TextDecoderStream`); tests and Node tools make one from a string.
 */
export interface Source {
  /** Path relative to what was dropped, e.g. `results/gpt4_len_1000_depth_0_results.json`. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** The first characters of the text (at least {@link HEAD_CHARS} where the file has them). */
  head: string;
  /** The text, chunk by chunk, in order. Each call starts from the beginning. */
  chunks(): AsyncIterable<string>;
}

/** How many characters of a file detection looks at. */
export const HEAD_CHARS = 4096;

/** Called as bytes are consumed, with the count so far. */
export type ProgressCallback = (charsRead: number) => void;

/** A source over a string, cut in chunks of `chunkChars` (small chunks test the seams). */
export function textSource(path: string, text: string, chunkChars = 1 << 20): Source {
  return {
    path,
    size: text.length,
    head: text.slice(0, HEAD_CHARS),
    // An async generator because the interface is async; a string has nothing to wait for.
    // eslint-disable-next-line @typescript-eslint/require-await
    async *chunks() {
      for (let i = 0; i < text.length; i += chunkChars) yield text.slice(i, i + chunkChars);
    },
  };
}

/** The whole text of a source. */
export async function readAll(source: Source): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return parts.join('');
}
