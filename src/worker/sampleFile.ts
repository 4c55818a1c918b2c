import { guessMapping } from '../core/guessMapping';
import { sampleTable } from '../core/mapping';
import { byteSource, memoryFile } from '../core/read/byteSource';
import type { LoadError, UnmappedFile } from '../core/types';
import type { PickedFile } from './protocol';

/** How much of a file the mapping dialog reads for its sample and live preview. */
export const PREVIEW_BYTES = 512 * 1024;

/**
 * The start of a file as a source, for the mapping dialog: small enough to read on the main
 * thread. A record cut at the end is dropped by the readers like any bad row.
 */
export async function fileHead(picked: PickedFile) {
  const { file, path } = picked;
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  // Decoded as the worker decodes the whole file: UTF-16 and Windows-1252 files included.
  return byteSource({ ...memoryFile(path, bytes), size: file.size }, () => undefined, bytes);
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
