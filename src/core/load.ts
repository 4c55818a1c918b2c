import { GridAccumulator } from './aggregate';
import type { RecordSink } from './formats/format';
import { guessMapping } from './guessMapping';
import { sampleTable } from './mapping';
import { isMappable, readerFor, unknownShape } from './readers';
import { textSource, type Source } from './source';
import type {
  BatchResult,
  FileFormat,
  LoadError,
  ReadChoice,
  RunDraft,
  UnmappedFile,
} from './types';

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
    const sink: RecordSink = {
      trial: (trial) => {
        this.records += 1;
        groupOf(trial.model).addTrial(trial);
      },
      summary: (summary) => {
        this.records += 1;
        groupOf(summary.model).addSummary(summary);
      },
      failedCall: (call) => {
        this.records += 1;
        groupOf(call.model).addFailedCall(call);
      },
      cell: (cell, model) => {
        this.records += 1;
        groupOf(model).addCell(cell);
      },
      aggregated: ({ cells, details }) => {
        for (const { cell, model } of cells) {
          this.records += cell.n;
          groupOf(model).addCell(cell);
        }
        for (const trial of details) groupOf(trial.model).addDetail(trial);
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
      const group = this.group(name);
      group.acc.merge(acc);
      group.formats.add(reader.label);
      group.files.add(source.path);
      group.warnings.push(...outcome.warnings);
    }
    return null;
  }

  /** Records an error for a file that could not even be read. */
  fail(error: LoadError): LoadError {
    this.errors.push(error);
    return error;
  }

  finish(): BatchResult {
    const runs: RunDraft[] = [...this.groups].map(([name, group]) => {
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
