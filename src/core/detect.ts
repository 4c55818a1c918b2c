import type { ResultFormat } from './formats/format';
import { FORMATS } from './formats/registry';

/** How many characters of a file detection looks at. */
export const DETECT_HEAD_CHARS = 4096;

/** A format's claim on a file. */
export interface Detection {
  format: ResultFormat;
  confidence: number;
}

/** The formats that claim a file, most confident first. */
export function detectFormat(path: string, head: string): Detection[] {
  const start = head.slice(0, DETECT_HEAD_CHARS);
  return FORMATS.map((format) => ({ format, confidence: format.detect(path, start) }))
    .filter((d) => d.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
}
