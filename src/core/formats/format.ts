import { problem, type Result } from '../result';
import type { Source } from '../source';
import type { Cell, CellSummary, FailedCall, Trial } from '../types';

/** Trials the kit aggregated per cell while their scale was unknown, now on 0..1. */
export interface AggregatedTrials {
  /** Whole cells, exact, each for the run its trials named. */
  cells: { cell: Cell; model?: string }[];
  /** Trial details kept for the drill-down, a bounded number per cell, in reading order. */
  details: Trial[];
}

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
  /** Trials of a file whose score scale showed only at its end (see `kit/pendingTrials.ts`). */
  aggregated(trials: AggregatedTrials): void;
}

/**
 * A file whose length axis another file of the batch gives (lm-eval's babilong samples, whose
 * length only the results file of the same run names): its records are read at length 0 and
 * moved to the length a companion gives for `key` once the batch is read.
 */
export interface PendingLength {
  key: string;
  /** The note when no file of the batch gives the length: the records stay at 0. */
  whenAbsent: string;
}

/** A length a file gives for the records of another file of the batch (see {@link PendingLength}). */
export interface CompanionLength {
  key: string;
  lengthTokens: number;
}

/** A parser's answer: it never throws at its caller. */
export type ParseOutcome = Result<
  {
    records: number;
    warnings: string[];
    /** The file's length comes from a companion file of the batch. */
    pendingLength?: PendingLength;
    /** Lengths this file gives for the records of other files of the batch. */
    lengths?: CompanionLength[];
  },
  { file: string }
>;

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
  /**
   * What every file of the format opens with, where that is always the same: `json` (a JSON
   * document or JSON Lines: `{` or `[` after white space) or `text` (a table, anything else).
   * Detection asks the format only about files that open so; unset, about every file.
   */
  opens?: 'json' | 'text';
  /** Reads a whole file into the sink, streaming where the format allows. */
  parse(source: Source, sink: RecordSink): Promise<ParseOutcome>;
  /**
   * A reader of whatever table it can make sense of (the generic reader), asked only when no
   * producer claims a file, so it may claim other formats' files too. A producer leaves it unset:
   * it claims its own files and no other format's (the registry's contract test holds it to that).
   */
  fallback?: true;
}

/** The file name at the end of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The name of the folder a file sits in, or undefined for a file given alone. */
export function folderName(path: string): string | undefined {
  const end = path.lastIndexOf('/');
  return end < 0 ? undefined : path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

/** A failed outcome naming the file. */
export function failure(file: string, reason: string, line?: number): ParseOutcome {
  return { ...problem(reason, line), file };
}
