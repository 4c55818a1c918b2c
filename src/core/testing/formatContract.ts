import { detectFormat } from '../detect';
import type { ResultFormat } from '../formats/format';
import type { TextFile } from '../load';
import { HEAD_CHARS } from '../source';

/** A fixture file as detection sees it (its path and first characters), with its format's id. */
export interface DetectionSample {
  formatId: string;
  path: string;
  head: string;
}

/** The fixture files of every format in `formats`, each from `fixtureOf` its id. */
export function detectionSamples(
  formats: readonly ResultFormat[],
  fixtureOf: (formatId: string) => TextFile[],
): DetectionSample[] {
  return formats.flatMap((format) =>
    fixtureOf(format.id).map(({ path, text }) => ({
      formatId: format.id,
      path,
      head: text.slice(0, HEAD_CHARS),
    })),
  );
}

/**
 * How `format` breaks the detection contract among `formats`, one line a breach, none where it
 * keeps it: it has a fixture; it claims each of its files and no other format claims one more
 * strongly; and unless it is a fallback, it claims no other format's file and detection picks it
 * first for its own. Everything comes from the formats and their samples, so a format is held to
 * the contract the moment it is registered with its fixture.
 */
export function detectionBreaches(
  format: ResultFormat,
  formats: readonly ResultFormat[],
  samples: readonly DetectionSample[],
): string[] {
  const own = samples.filter((sample) => sample.formatId === format.id);
  if (own.length === 0) return [`${format.id} has no fixture`];
  const breaches: string[] = [];
  for (const { path, head } of own) {
    const mine = format.detect(path, head);
    if (!(mine > 0)) breaches.push(`does not claim its own ${path}`);
    for (const other of formats) {
      if (other !== format && other.detect(path, head) > mine) {
        breaches.push(`${other.id} claims ${path} more strongly`);
      }
    }
    if (!format.fallback && detectFormat(path, head, formats)[0]?.format !== format) {
      breaches.push(`detection does not pick it first for ${path}`);
    }
  }
  if (format.fallback) return breaches;
  for (const { formatId, path, head } of samples) {
    if (formatId !== format.id && format.detect(path, head) > 0) {
      breaches.push(`claims ${formatId}'s ${path}`);
    }
  }
  return breaches;
}
