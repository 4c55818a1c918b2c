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
  const claims = (among: readonly ResultFormat[]) =>
    among
      .filter((format) => format.opens === undefined || format.opens === opens)
      .map((format) => ({ format, confidence: format.detect(path, start) }))
      .filter((d) => d.confidence > 0)
      .sort((a, b) => b.confidence - a.confidence);
  const producers = claims(formats.filter((format) => !format.fallback));
  return producers.length > 0 ? producers : claims(formats.filter((format) => format.fallback));
}

/** A format by its id. */
export function formatById(id: string): ResultFormat | undefined {
  return FORMATS.find((format) => format.id === id);
}
