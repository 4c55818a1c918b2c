import type { ResultFormat } from './formats/format';
import { jsonHeadOf } from './formats/kit/jsonHead';
import { FORMATS } from './formats/registry';
import { HEAD_CHARS } from './source';

/** A format's claim on a file. */
export interface Detection {
  format: ResultFormat;
  confidence: number;
}

/**
 * The formats that claim a file, most confident first, from its path and first characters.
 * A fallback (the generic reader, whose column guessing costs more than every producer's check
 * together) is asked only when no producer claims the file: it never outranks one anyway.
 */
export function detectFormat(
  path: string,
  head: string,
  formats: readonly ResultFormat[] = FORMATS,
): Detection[] {
  const start = head.slice(0, HEAD_CHARS);
  // Only the formats whose files open as this one does are asked (`ResultFormat.opens`).
  const opens = jsonHeadOf(start).opensWith('{[') ? 'json' : 'text';
  // A loop, not a chain of array methods: a folder asks it of each of thousands of files.
  const claims = (fallbacks: boolean) => {
    const found: Detection[] = [];
    for (const format of formats) {
      if ((format.fallback === true) !== fallbacks) continue;
      if (format.opens !== undefined && format.opens !== opens) continue;
      const confidence = format.detect(path, start);
      if (confidence > 0) found.push({ format, confidence });
    }
    // A stable sort: of equal claims, the format listed first stays first.
    return found.sort((a, b) => b.confidence - a.confidence);
  };
  const producers = claims(false);
  return producers.length > 0 ? producers : claims(true);
}

/** A format by its id. */
export function formatById(id: string): ResultFormat | undefined {
  return FORMATS.find((format) => format.id === id);
}
