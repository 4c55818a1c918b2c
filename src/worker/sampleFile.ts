import { guessMapping } from '../core/guessMapping';
import { sampleTable } from '../core/mapping';
import { textSource } from '../core/source';
import type { LoadError, UnmappedFile } from '../core/types';
import type { PickedFile } from './protocol';

/** How much of a file the mapping dialog reads for its sample and live preview. */
export const PREVIEW_BYTES = 512 * 1024;

/**
 * The start of a file as a source, for the mapping dialog: small enough to read on the main
 * thread. A record cut at the end is dropped by the readers like any bad row.
 */
export async function fileHead(picked: PickedFile) {
  const text = await picked.file.slice(0, PREVIEW_BYTES).text();
  return textSource(picked.path, text);
}

/** The columns and first rows of a file, with a guessed mapping, for the mapping dialog. */
export async function sampleFile(picked: PickedFile): Promise<UnmappedFile | LoadError> {
  const sampled = await sampleTable(await fileHead(picked));
  if (!sampled.ok) {
    const error: LoadError = {
      file: picked.path,
      reason: `cannot map its columns: ${sampled.reason}`,
    };
    return sampled.line === undefined ? error : { ...error, line: sampled.line };
  }
  return { file: picked.path, sample: sampled.sample, guess: guessMapping(sampled.sample).mapping };
}
