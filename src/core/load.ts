import { GridAccumulator } from './aggregate';
import type { PendingLength, RecordSink } from './formats/format';
import { guessMapping } from './guessMapping';
import { sampleTable } from './mapping';
import { isMappable, readerFor, unknownShape } from './readers';
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
    const reader = readerFor(source, choice);
    if (!reader) {
      const sampled = await sampleTable(source);
      if (sampled.ok && isMappable(sampled.sample)) {
        this.unmapped.push({
          file: source.path,
          sample: sampled.sample,
          guess: guessMapping(sampled.sample).mapping,
        });
        return null;
      }
      return this.fail({ file: source.path, ...(await unknownShape(source)) });
    }
    // Records go into this file's own groups first, so a file that fails halfway adds nothing.
    const fileGroups: FileGroups = new Map();
    const groupOf = (model: string | undefined, unit: LengthUnit = 'tokens'): GridAccumulator => {
      const key: RunKey = { model: model?.trim() || null, folder: folderOf(source.path), unit };
      const id = runKeyId(key);
      let group = fileGroups.get(id);
      if (!group) {
        group = { key, acc: new GridAccumulator() };
        fileGroups.set(id, group);
      }
      return group.acc;
    };
    // Every record passes the limits (limits.ts) before it joins a run, whatever its format.
    const limits = new RecordLimits(source.path);
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
    const outcome = await reader.parse(source, sink);
    if (!outcome.ok) {
      return this.fail(
        outcome.line === undefined
          ? { file: outcome.file, reason: outcome.reason }
          : { file: outcome.file, line: outcome.line, reason: outcome.reason },
      );
    }
    this.formats.push({
      file: source.path,
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
      this.pendingFiles.push({
        path: source.path,
        label: reader.label,
        fileGroups,
        warnings,
        pending,
      });
    } else {
      this.mergeFile(source.path, reader.label, fileGroups, warnings);
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
        reason: `not loaded: ${over.length.toLocaleString('en-US')} more runs (models) than the ${MAX_RUNS} one load brings`,
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
