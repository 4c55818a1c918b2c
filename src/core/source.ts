import { detectionHead } from './read/head';

/**
 * A file as a parser reads it: its path, size, first characters for detection, and its text
 * as a stream of chunks. The worker makes one from a `File` (`byteSource`: its bytes decoded
 * chunk by chunk); tests and Node tools make one from a string.
 */
export interface Source {
  /** Path relative to what was dropped, e.g. `results/gpt4_len_1000_depth_0_results.json`. */
  path: string;
  /** Size in bytes. */
  size: number;
  /**
   * The first characters of the text (at least {@link HEAD_CHARS} where the file has them),
   * with the long strings of a JSON text shortened (`detectionHead`), so that detection sees
   * the fields of the first records however long one of them is.
   */
  head: string;
  /** The text, chunk by chunk, in order. Each call starts from the beginning. */
  chunks(): AsyncIterable<string>;
  /**
   * The whole text, where the source holds it in memory already (a small file read at once):
   * what the chunks give, joined, without iterating them.
   */
  text?: string;
  /**
   * Notes on how the file was read, shown with its run: the encoding guessed, the column used
   * of two with one name. Readers add to it while reading (`addNote`).
   */
  notes?: string[];
  /** Why the file is no text Haymap reads (an archive, a compressed file), when it is not. */
  unreadable?: string;
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
    head: detectionHead(text, HEAD_CHARS),
    notes: [],
    text,
    // An async generator because the interface is async; a string has nothing to wait for.
    // eslint-disable-next-line @typescript-eslint/require-await
    async *chunks() {
      for (let i = 0; i < text.length; i += chunkChars) yield text.slice(i, i + chunkChars);
    },
  };
}

/** The whole text of a source. */
export async function readAll(source: Source): Promise<string> {
  if (source.text !== undefined) return source.text;
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return parts.join('');
}
