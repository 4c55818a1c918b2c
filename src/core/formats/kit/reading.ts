import type { Source } from '../../source';
import type { CellSummary, FailedCall, Trial } from '../../types';
import { SkipLog } from '../../warnings';
import { failure, type AggregatedTrials, type ParseOutcome, type RecordSink } from '../format';

/**
 * One file being read: the records handed on (counted), the records skipped (by kind, with the
 * first place), the notes for the user, and the file's outcome. Every producer's `parse` makes
 * one and ends with {@link FileReading.finish} or {@link FileReading.fail}.
 */
export class FileReading {
  readonly file: string;
  readonly skips: SkipLog;
  private records = 0;
  private readonly notes: string[] = [];

  constructor(
    source: Source,
    private readonly sink: RecordSink,
  ) {
    this.file = source.path;
    this.skips = new SkipLog(this.file);
  }

  /** Records handed on so far. */
  get recordCount(): number {
    return this.records;
  }

  trial(trial: Trial): void {
    this.sink.trial(trial);
    this.records += 1;
  }

  summary(summary: CellSummary): void {
    this.sink.summary(summary);
    this.records += 1;
  }

  failedCall(call: FailedCall): void {
    this.sink.failedCall(call);
    this.records += 1;
  }

  /** Trials the kit aggregated itself: each counts as one record. */
  aggregated(trials: AggregatedTrials): void {
    this.sink.aggregated(trials);
    for (const { cell } of trials.cells) this.records += cell.n;
  }

  /** Records a skipped record; `kind` groups alike problems. */
  skip(kind: string, detail: string, line?: number): void {
    this.skips.skip(kind, detail, line);
  }

  /** A note for the user about the whole file, shown after the skipped records. */
  note(text: string): void {
    this.notes.push(`${this.file}: ${text}`);
  }

  /** The failure of the file. */
  fail(reason: string, line?: number): ParseOutcome {
    return failure(this.file, reason, line);
  }

  /**
   * The outcome of a file that is understood and holds no records (a sidecar of settings): ok,
   * with no record and no note, so it forms no run and is never reported unreadable.
   */
  passOver(): ParseOutcome {
    return { ok: true, records: 0, warnings: [] };
  }

  /**
   * The outcome: the count and the notes, or, when no record could be used, `no usable <noun>`
   * and the first problem seen (else `whenEmpty` for a file with no record at all).
   */
  finish(noun: string, whenEmpty: string): ParseOutcome {
    if (this.records === 0) return this.skips.nothingUsable(noun, whenEmpty);
    return { ok: true, records: this.records, warnings: [...this.skips.messages(), ...this.notes] };
  }
}
