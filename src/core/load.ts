import { GridAccumulator } from './aggregate';
import type { RecordSink } from './formats/format';
import { MAX_RUNS, RecordLimits } from './limits';
import { guessMapping, sampleTable, type ColumnMapping, type TableSample } from './mapping';
import { isMappable, readerFor, unknownShape, type ReadChoice } from './readers';
import { checkLoadedRun } from './runCheck';
import { textSource, type Source } from './source';
import type { LoadError, Run } from './types';

export type { ReadChoice } from './readers';

/** A run as the loader hands it over, before the app gives it an id. */
export type RunDraft = Omit<Run, 'id'>;

/** A file no format claimed but whose table a user could map, with what was guessed. */
export interface UnmappedFile {
  file: string;
  sample: TableSample;
  guess: ColumnMapping;
}

/** What one batch of files (one drop, one pick) turned into. */
export interface BatchResult {
  runs: RunDraft[];
  errors: LoadError[];
  /** Files in no known shape that the column-mapping dialog can read. */
  unmapped: UnmappedFile[];
  /** Per file: the format it was read as, and how sure detection was (1 when chosen by the user). */
  formats: FileFormat[];
  /** Files skipped because the same content was already loaded (the worker fills this in). */
  duplicates?: { file: string; sameAs: string }[];
}

/** The format a file was read as. */
export interface FileFormat {
  file: string;
  formatId: string;
  format: string;
  confidence: number;
  /** The content's fingerprint, to recognise the same file dropped again. */
  fingerprint?: string;
}

interface Group {
  acc: GridAccumulator;
  formats: Set<string>;
  files: Set<string>;
  warnings: string[];
}

/**
 * The run name for records that do not name a model: the dropped folder's name, else the
 * first file's name without its extension.
 */
export function batchName(firstPath: string): string {
  const slash = firstPath.indexOf('/');
  if (slash > 0) return firstPath.slice(0, slash);
  const dot = firstPath.lastIndexOf('.');
  return dot > 0 ? firstPath.slice(0, dot) : firstPath;
}

/**
 * Turns the files of one batch into runs: records naming a model group into one run per model,
 * the rest into one run named after the batch. A file that fails adds an error and nothing else.
 */
export class BatchLoader {
  private readonly groups = new Map<string, Group>();
  private readonly errors: LoadError[] = [];
  private readonly formats: FileFormat[] = [];
  private readonly unmapped: UnmappedFile[] = [];
  private defaultName: string | null = null;
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
    const fileGroups = new Map<string, GridAccumulator>();
    const groupOf = (model: string | undefined): GridAccumulator => {
      // Unnamed records of the whole batch share one run, named after the first file that has
      // them (or its folder): not after a file whose records all named their model.
      const key = model?.trim() || (this.defaultName ??= batchName(source.path));
      let acc = fileGroups.get(key);
      if (!acc) {
        acc = new GridAccumulator();
        fileGroups.set(key, acc);
      }
      return acc;
    };
    // Every record passes the limits (limits.ts) before it joins a run, whatever its format.
    const limits = new RecordLimits(source.path);
    const sink: RecordSink = {
      trial: (read) => {
        this.records += 1;
        const trial = limits.trial(read);
        if (trial) groupOf(trial.model).addTrial(trial);
      },
      summary: (read) => {
        this.records += 1;
        const summary = limits.summary(read);
        if (summary) groupOf(summary.model).addSummary(summary);
      },
      failedCall: (read) => {
        this.records += 1;
        const call = limits.failedCall(read);
        if (call) groupOf(call.model).addFailedCall(call);
      },
      cell: (read, name) => {
        this.records += 1;
        const kept = limits.cell(read, name);
        if (kept) groupOf(kept.model).addCell(kept.cell);
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
    for (const [name, acc] of fileGroups) {
      if (outcome.scoreDivisor !== undefined) acc.divideScores(outcome.scoreDivisor);
      const group = this.group(name);
      group.acc.merge(acc);
      group.formats.add(reader.label);
      group.files.add(source.path);
      group.warnings.push(...outcome.warnings, ...limits.messages());
    }
    return null;
  }

  /** Records an error for a file that could not even be read. */
  fail(error: LoadError): LoadError {
    this.errors.push(error);
    return error;
  }

  finish(): BatchResult {
    const drafts: RunDraft[] = [...this.groups].map(([name, group]) => {
      const { cells, lengths, depths, tasks, details } = group.acc.finish();
      return {
        name,
        formats: [...group.formats],
        files: [...group.files],
        cells,
        lengths,
        depths,
        tasks,
        trialCount: group.acc.trialCount,
        details,
        warnings: [...new Set(group.warnings)],
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

  private group(name: string): Group {
    let group = this.groups.get(name);
    if (!group) {
      group = { acc: new GridAccumulator(), formats: new Set(), files: new Set(), warnings: [] };
      this.groups.set(name, group);
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
