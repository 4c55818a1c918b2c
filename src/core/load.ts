import { GridAccumulator } from './aggregate';
import type { ParseOutcome, PendingLength, RecordSink } from './formats/format';
import { guessMapping } from './guessMapping';
import { sampleTable } from './mapping';
import { isMappable, readerFor, unknownShape, type Reader } from './readers';
import { MAX_RUNS, RecordLimits } from './limits';
import { checkLoadedRun } from './runCheck';
import { textSource, type Source } from './source';
import type {
  BatchResult,
  FileFormat,
  LengthUnit,
  LoadError,
  ReadChoice,
  RunDraft,
  UnmappedFile,
} from './types';
import { folderOf, planRuns, runKeyId, type RunKey } from './runIdentity';
import { grouped } from './numberText';

export { batchName } from './runIdentity';

interface Group {
  key: RunKey;
  acc: GridAccumulator;
  formats: Set<string>;
  files: Set<string>;
  warnings: string[];
}

type FileGroups = Map<string, { key: RunKey; acc: GridAccumulator }>;

/** A file read in full whose length a companion file of the batch gives (see {@link PendingLength}). */
interface PendingFile {
  path: string;
  label: string;
  fileGroups: FileGroups;
  warnings: string[];
  pending: PendingLength;
}

/** A file being taken into a batch: its own groups, its record limits, the sink filling both. */
interface Intake {
  fileGroups: FileGroups;
  limits: RecordLimits;
  sink: RecordSink;
}

/** How reading one file ended, as plain data (it may cross from another thread). */
export type FileRead =
  | {
      kind: 'parsed';
      path: string;
      reader: Pick<Reader, 'id' | 'label' | 'confidence'>;
      outcome: Extract<ParseOutcome, { ok: true }>;
    }
  | { kind: 'unmapped'; path: string; unmapped: UnmappedFile }
  | { kind: 'failed'; path: string; error: LoadError };

/** One call a parser made on its {@link RecordSink}, as data. */
export type SinkRecord = {
  [K in keyof RecordSink]: [K, ...Parameters<RecordSink[K]>];
}[keyof RecordSink];

/** A file read with its records kept in order, to be taken into a batch elsewhere. */
export interface RecordedFile {
  read: FileRead;
  records: SinkRecord[];
}

/**
 * Reads one file into `sink`: by the user's mapping or format, else by the most confident
 * detection; a file no format claims is sampled for the column-mapping dialog, or explained.
 */
async function readFile(source: Source, choice: ReadChoice, sink: RecordSink): Promise<FileRead> {
  const path = source.path;
  const reader = readerFor(source, choice);
  if (!reader) {
    const sampled = await sampleTable(source);
    if (sampled.ok && isMappable(sampled.sample)) {
      const { sample } = sampled;
      return {
        kind: 'unmapped',
        path,
        unmapped: { file: path, sample, guess: guessMapping(sample).mapping },
      };
    }
    return { kind: 'failed', path, error: { file: path, ...(await unknownShape(source)) } };
  }
  const outcome = await reader.parse(source, sink);
  if (!outcome.ok) {
    const { file, reason, line } = outcome;
    return {
      kind: 'failed',
      path,
      error: line === undefined ? { file, reason } : { file, line, reason },
    };
  }
  const { id, label, confidence } = reader;
  return { kind: 'parsed', path, reader: { id, label, confidence }, outcome };
}

/**
 * Reads one file as {@link BatchLoader.add} would, keeping what its parser gave in order
 * instead of adding it to a batch: `take` it into the batch's loader, here or on another
 * thread, in the file's place in the batch. Holds every record, so it is for small files.
 */
export async function recordFile(source: Source, choice: ReadChoice = {}): Promise<RecordedFile> {
  const records: SinkRecord[] = [];
  return { read: await readFile(source, choice, recordingSink(records)), records };
}

/** A sink that keeps every call made on it, in order, in `records` (see {@link replay}). */
export function recordingSink(records: SinkRecord[]): RecordSink {
  return {
    trial: (trial) => records.push(['trial', trial]),
    summary: (summary) => records.push(['summary', summary]),
    failedCall: (call) => records.push(['failedCall', call]),
    cell: (cell, model) => records.push(['cell', cell, model]),
    aggregated: (trials) => records.push(['aggregated', trials]),
  };
}

/** A kept call made again on `sink`. */
function replay(record: SinkRecord, sink: RecordSink): void {
  switch (record[0]) {
    case 'trial':
      return sink.trial(record[1]);
    case 'summary':
      return sink.summary(record[1]);
    case 'failedCall':
      return sink.failedCall(record[1]);
    case 'cell':
      return sink.cell(record[1], record[2]);
    case 'aggregated':
      return sink.aggregated(record[1]);
  }
}

/**
 * Turns the files of one batch into runs (see {@link planRuns}): records naming a model group
 * into one run per model, the rest into one run per folder; look-alike files in different
 * folders and other length units make runs of their own. A file that fails adds an error and
 * nothing else.
 */
export class BatchLoader {
  private readonly groups = new Map<string, Group>();
  private readonly errors: LoadError[] = [];
  private readonly formats: FileFormat[] = [];
  private readonly unmapped: UnmappedFile[] = [];
  private readonly pendingFiles: PendingFile[] = [];
  /** Lengths files gave for other files' records, by key. */
  private readonly companionLengths = new Map<string, number>();
  private records = 0;

  /** Records (trials, summaries, failed calls) read so far, for progress. */
  get recordsRead(): number {
    return this.records;
  }

  /**
   * Reads one file with the format detection picks, or as the user chose. A file no format
   * claims becomes an unmapped file when its table could be mapped, else an error.
   * Returns the error when the file could not be used.
   */
  async add(source: Source, choice: ReadChoice = {}): Promise<LoadError | null> {
    const intake = this.intake(source.path);
    return this.settle(intake, await readFile(source, choice, intake.sink));
  }

  /**
   * A file read elsewhere by {@link recordFile} (on another thread), its records replayed in
   * the order they were read: the batch comes out as if {@link add} had read it here.
   */
  take({ read, records }: RecordedFile): LoadError | null {
    const intake = this.intake(read.path);
    for (const record of records) replay(record, intake.sink);
    return this.settle(intake, read);
  }

  /** A file's own groups and the sink that fills them, through the record limits. */
  private intake(path: string): Intake {
    // Records go into this file's own groups first, so a file that fails halfway adds nothing.
    const fileGroups: FileGroups = new Map();
    const groupOf = (model: string | undefined, unit: LengthUnit = 'tokens'): GridAccumulator => {
      const key: RunKey = { model: model?.trim() || null, folder: folderOf(path), unit };
      const id = runKeyId(key);
      let group = fileGroups.get(id);
      if (!group) {
        group = { key, acc: new GridAccumulator() };
        fileGroups.set(id, group);
      }
      return group.acc;
    };
    // Every record passes the limits (limits.ts) before it joins a run, whatever its format.
    const limits = new RecordLimits(path);
    const sink: RecordSink = {
      trial: (read) => {
        this.records += 1;
        const trial = limits.trial(read);
        if (trial) groupOf(trial.model, trial.lengthUnit).addTrial(trial);
      },
      summary: (read) => {
        this.records += 1;
        const summary = limits.summary(read);
        if (summary) groupOf(summary.model, summary.lengthUnit).addSummary(summary);
      },
      failedCall: (read) => {
        this.records += 1;
        const call = limits.failedCall(read);
        if (call) groupOf(call.model, call.lengthUnit).addFailedCall(call);
      },
      cell: (read, name) => {
        this.records += 1;
        const kept = limits.cell(read, name);
        if (kept) groupOf(kept.model).addCell(kept.cell);
      },
      aggregated: ({ cells, details }) => {
        for (const whole of cells) {
          this.records += whole.cell.n;
          const kept = limits.cell(whole.cell, whole.model);
          if (kept) groupOf(kept.model).addCell(kept.cell);
        }
        for (const detail of details) {
          const trial = limits.detail(detail);
          if (trial) groupOf(trial.model).addDetail(trial);
        }
      },
    };
    return { fileGroups, limits, sink };
  }

  /** What a file's reading ended in, kept: its runs' records, an unmapped table, or an error. */
  private settle({ fileGroups, limits }: Intake, read: FileRead): LoadError | null {
    if (read.kind === 'unmapped') {
      this.unmapped.push(read.unmapped);
      return null;
    }
    if (read.kind === 'failed') return this.fail(read.error);
    const { path, reader, outcome } = read;
    // Every record past the limits: the file failed, rather than loaded empty without a word.
    const nothing = fileGroups.size === 0 ? limits.nothingKept() : null;
    if (nothing) return this.fail({ file: path, reason: nothing });
    this.formats.push({
      file: path,
      formatId: reader.id,
      format: reader.label,
      confidence: reader.confidence,
    });
    for (const { key, lengthTokens } of outcome.lengths ?? []) {
      this.companionLengths.set(key, lengthTokens);
    }
    const warnings = [...outcome.warnings, ...limits.messages()];
    if (outcome.pendingLength) {
      // Its companion may come later in the batch: the file joins its runs at the end.
      const { pendingLength: pending } = outcome;
      this.pendingFiles.push({ path, label: reader.label, fileGroups, warnings, pending });
    } else {
      this.mergeFile(path, reader.label, fileGroups, warnings);
    }
    return null;
  }

  private mergeFile(
    path: string,
    label: string,
    fileGroups: FileGroups,
    warnings: string[],
    lengthTokens?: number,
  ): void {
    for (const [id, { key, acc }] of fileGroups) {
      const group = this.group(id, key);
      group.acc.merge(acc, lengthTokens);
      group.formats.add(label);
      group.files.add(path);
      group.warnings.push(...warnings);
    }
  }

  /** Files waiting for their length join their runs at it, or at 0 with a note when none came. */
  private placePendingFiles(): void {
    for (const { path, label, fileGroups, warnings, pending } of this.pendingFiles.splice(0)) {
      const lengthTokens = this.companionLengths.get(pending.key);
      const notes =
        lengthTokens === undefined ? [...warnings, `${path}: ${pending.whenAbsent}`] : warnings;
      this.mergeFile(path, label, fileGroups, notes, lengthTokens ?? 0);
    }
  }

  /** Records an error for a file that could not even be read. */
  fail(error: LoadError): LoadError {
    this.errors.push(error);
    return error;
  }

  finish(): BatchResult {
    this.placePendingFiles();
    const groups = [...this.groups.values()];
    const planned = planRuns(groups.map(({ key, files }) => ({ key, files: [...files] })));
    const drafts: RunDraft[] = planned.map(({ name, members, unit }) => {
      const parts = members.flatMap((i) => groups[i] ?? []);
      const acc = parts.length === 1 && parts[0] ? parts[0].acc : new GridAccumulator();
      if (parts.length > 1) parts.forEach((part) => acc.merge(part.acc));
      const { cells, lengths, depths, tasks, details, facetValues, lengthLabels } = acc.finish();
      return {
        name,
        formats: [...new Set(parts.flatMap((part) => [...part.formats]))],
        files: [...new Set(parts.flatMap((part) => [...part.files]))],
        cells,
        lengths,
        depths,
        tasks,
        trialCount: acc.trialCount,
        details,
        warnings: [...new Set(parts.flatMap((part) => part.warnings))],
        lengthUnit: unit,
        ...(facetValues ? { facetValues } : {}),
        ...(lengthLabels ? { lengthLabels } : {}),
      };
    });
    // The same check as the saved copy's at start: a run kept now can always come back.
    const runs: RunDraft[] = [];
    for (const draft of drafts.slice(0, MAX_RUNS)) {
      const checked = checkLoadedRun(draft);
      if (checked.ok) runs.push(checked.value);
      else
        this.fail({ file: draft.files[0] ?? draft.name, reason: `not loaded: ${checked.reason}` });
    }
    const over = drafts.slice(MAX_RUNS);
    if (over[0]) {
      this.fail({
        file: over[0].files[0] ?? over[0].name,
        reason: `not loaded: ${grouped(over.length)} more runs (models) than the ${MAX_RUNS} one load brings`,
      });
    }
    return { runs, errors: this.errors, formats: this.formats, unmapped: this.unmapped };
  }

  private group(id: string, key: RunKey): Group {
    let group = this.groups.get(id);
    if (!group) {
      group = {
        key,
        acc: new GridAccumulator(),
        formats: new Set(),
        files: new Set(),
        warnings: [],
      };
      this.groups.set(id, group);
    }
    return group;
  }
}

/** A file's path and text, for loading from strings (tests, Node tools). */
export interface TextFile {
  path: string;
  text: string;
}

/** Loads a batch of texts at once (tests, Node tools); the worker feeds files one by one. */
export async function loadBatch(
  files: (TextFile & ReadChoice)[],
  chunkChars?: number,
): Promise<BatchResult> {
  const loader = new BatchLoader();
  for (const file of files) {
    await loader.add(textSource(file.path, file.text, chunkChars), file);
  }
  return loader.finish();
}
