import type { BatchResult, ColumnMapping, Trial } from '../core/types';

/** A file handed to the loader, with its path inside what was dropped or picked. */
export interface PickedFile {
  file: File;
  /** e.g. `results/gpt4_len_1000_depth_0_results.json`; the file name when picked alone. */
  path: string;
  /** A format the user chose for this file, instead of detection. */
  formatId?: string;
  /** Columns the user mapped for this file (the generic reader), instead of detection. */
  mapping?: ColumnMapping;
}

/**
 * Main thread -> worker, in order: a batch starts (how many files, which are known already),
 * its files come in slices (cloning a File into a message costs the page a quarter of a
 * millisecond, so thousands in one message would block it for seconds), then its end. The
 * worker reads the first slice while the page clones the next.
 *
 * A large batch is spread over a pool: one worker loads it (`start`), the others (`help`)
 * read and fingerprint the slices they are given and pass them on to it, bytes transferred,
 * through a channel of their own ({@link HelpedFiles}). Every file is parsed and merged by
 * the one loading worker in the batch's order, so the result is the one a single worker gives.
 */
export type LoadCommand =
  | {
      type: 'start';
      id: number;
      filesTotal: number;
      /** Fingerprints of files already loaded, with their paths: such files are skipped. */
      known: Record<string, string>;
      /** A channel from each helper. */
      helpers: MessagePort[];
    }
  | { type: 'help'; id: number; lead: MessagePort }
  | { type: 'files'; id: number; first: number; files: PickedFile[] }
  | { type: 'end'; id: number };

/** Helper -> loading worker: files from place `first` on, read and fingerprinted. */
export interface HelpedFiles {
  first: number;
  /** `read` is missing where the helper could not read the file: the loader tries and says why. */
  files: { picked: PickedFile; read?: { bytes: ArrayBuffer | undefined; print: string | null } }[];
}

/** Files per 'files' message: each clones in a few tens of milliseconds at most. */
export const FILES_PER_MESSAGE = 100;

/** How far a batch has got. */
export interface LoadProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** Records (rows, objects) read so far. */
  records: number;
  /** The file being read. */
  current: string;
}

/**
 * How long the worker took to read, parse and aggregate a batch (up to its result, before
 * posting it), for the page's User Timing entry `haymap:parse`.
 */
export interface ParseSpan {
  /** When the worker took the batch up: `performance.timeOrigin + performance.now()` there. */
  startEpochMs: number;
  durationMs: number;
  bytes: number;
  /** Records (rows, objects) read. */
  records: number;
  files: number;
}

/**
 * Worker -> main thread. A batch's trial details come before its result, in slices: tens of
 * thousands of kept trials cloned in one message would block the page for over 100 ms.
 */
export type LoadMessage =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'details'; id: number; run: number; trials: Trial[] }
  | { type: 'done'; id: number; result: BatchResult; parse: ParseSpan };

/** Trials per details message: each clones in a few milliseconds. */
export const DETAILS_PER_MESSAGE = 2000;

/**
 * The largest file read. Beyond it a tab risks running out of memory on the kept details of
 * huge runs, so such a file gets a clear error instead of a frozen or crashed tab.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/** A file read ahead: its bytes when it is small, and its content fingerprint. */
export interface ReadFile {
  bytes: ArrayBuffer | undefined;
  /** Null for a file too large to read. */
  print: string | null;
}
