import type { Source } from '../source';
import type { Cell, CellSummary, FailedCall, Trial } from '../types';

/** Receives records as a parser reads them, so parsers never hold a whole file's rows. */
export interface RecordSink {
  trial(trial: Trial): void;
  summary(summary: CellSummary): void;
  failedCall(call: FailedCall): void;
  /**
   * A whole cell as Haymap aggregated it (its own share file), for the run named `model`:
   * exact, so pass rates stay right at any threshold, unlike a summary's.
   */
  cell(cell: Cell, model?: string): void;
}

/** A parser's answer: it never throws at its caller. */
export type ParseOutcome =
  | {
      ok: true;
      records: number;
      warnings: string[];
      /**
       * For files whose score scale shows only once all of it is read: the trials' scores were
       * passed raw and must be divided by this (10 for 1..10, 100 for 0..100).
       */
      scoreDivisor?: number;
    }
  | { ok: false; file: string; line?: number; reason: string };

/** One producer's result format: one file under `formats/` and one line in the registry. */
export interface ResultFormat {
  /** Stable identifier, e.g. `gkamradt-v1`. */
  id: string;
  /** Name shown to the user, e.g. `gkamradt v1 (JSON)`. */
  label: string;
  /**
   * How sure the format is that a file is its own, 0 (not mine) to 1, from the file's path
   * and its first few kilobytes only.
   */
  detect(path: string, head: string): number;
  /** Reads a whole file into the sink, streaming where the format allows. */
  parse(source: Source, sink: RecordSink): Promise<ParseOutcome>;
}

/** The file name at the end of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A failed outcome naming the file. */
export function failure(file: string, reason: string, line?: number): ParseOutcome {
  return line === undefined ? { ok: false, file, reason } : { ok: false, file, line, reason };
}
