import type { BatchResult } from '../core/load';

/** A file handed to the loader, with its path inside what was dropped or picked. */
export interface PickedFile {
  file: File;
  /** e.g. `results/gpt4_len_1000_depth_0_results.json`; the file name when picked alone. */
  path: string;
}

/** Main thread -> worker: load one batch. */
export interface LoadRequest {
  id: number;
  files: PickedFile[];
}

/** How far a batch has got. */
export interface LoadProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

/** Worker -> main thread. */
export type LoadMessage =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'done'; id: number; result: BatchResult };

/**
 * The largest file read whole. Beyond it the tab could run out of memory before anything shows,
 * so such a file gets a clear error instead. (Streaming larger files comes with the worker's
 * streaming readers.)
 */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
