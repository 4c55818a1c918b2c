import type { ResultFormat } from './formats/format';
import { FORMATS } from './formats/registry';
import { HEAD_CHARS } from './source';

/** A format's claim on a file. */
export interface Detection {
  format: ResultFormat;
  confidence: number;
}

/** The formats that claim a file, most confident first, from its path and first characters. */
export function detectFormat(path: string, head: string): Detection[] {
  const start = head.slice(0, HEAD_CHARS);
  return FORMATS.map((format) => ({ format, confidence: format.detect(path, start) }))
    .filter((d) => d.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
}

/** A format by its id. */
export function formatById(id: string): ResultFormat | undefined {
  return FORMATS.find((format) => format.id === id);
}
