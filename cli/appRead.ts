/**
 * What the command line's reading takes from the app: the loader, its readers and the worker's
 * file handling. The reading threads import this file alone (not the figure's modules in
 * app.ts), so a thread starts without loading React.
 */
export { BatchLoader, recordFile, type RecordedFile } from '../src/core/load';
export type { Source } from '../src/core/source';
export type { BatchResult, LoadError, Run, RunDraft } from '../src/core/types';
export {
  bytesSources,
  fileSources,
  smallFileSources,
  WHOLE_FILE_BYTES,
  type FileSources,
} from '../src/worker/fileSource';
export { Dedupe } from '../src/worker/dedupe';
export { tooLarge, unreadable } from '../src/worker/unreadable';
export { fingerprint, fingerprintBytesNow } from '../src/worker/fingerprint';
export { MAX_FILE_BYTES } from '../src/worker/protocol';
export { uniqueName } from '../src/state/runNaming';
export { grouped } from '../src/core/numberText';
