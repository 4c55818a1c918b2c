/**
 * The model every part of Haymap shares: a trial is one needle test, a cell every trial of
 * one (context length, depth) pair, a run the cells of one model or one batch of files.
 * Plain data only, so a run crosses the worker boundary and goes into storage as it is.
 */

/** Where a record came from, for messages and the drill-down. */
export interface SourceRef {
  file: string;
  /** 1-based line where the record starts, where the format has lines. */
  line?: number;
}

/**
 * What the length axis counts: tokens of text, or frames of a video needle test (EasyContext's
 * "Num. Frame"). Absent means tokens. A run never mixes units.
 */
export type LengthUnit = 'tokens' | 'frames';

/** Facets of a record that split a run into small multiples, field -> value (`needles` -> `3`). */
export type Facets = Record<string, string>;

/** What every record of a file has: where it stands in a run, and where it came from. */
export interface PlacedRecord {
  lengthTokens: number;
  /** What `lengthTokens` counts; tokens when absent. */
  lengthUnit?: LengthUnit;
  /** Facets the record belongs to (needle count, mode), when the producer records any. */
  facets?: Facets;
  /** Needle depth in percent, 0 = top; null where the producer records none (RULER). */
  depthPercent: number | null;
  /** The task, where a file holds several (RULER's niah_single_1, gkamradt v2's task_type). */
  task?: string;
  model?: string;
  source: SourceRef;
}

/** One needle test, its score already normalised to 0..1. */
export interface Trial extends PlacedRecord {
  /** The name of the length, where the producer names buckets (LongBench v2's "short"). */
  lengthLabel?: string;
  /** Normalised score, 0..1. */
  score: number;
  needle?: string;
  expected?: string;
  response?: string;
  /** Repeat number or seed, when the producer records one. */
  repeat?: number;
}

/**
 * An already-aggregated cell as some producers (and Haymap's own CSV download) write it:
 * only its mean, trial count and perhaps its pass rate are known.
 */
export interface CellSummary extends PlacedRecord {
  /** Number of trials behind the mean. */
  n: number;
  /** Mean normalised score, 0..1. */
  meanScore: number;
  /** Share of passing trials, when the producer gives it; otherwise the mean stands for it. */
  passRate?: number;
}

/** A call that failed (an API error), not a failed retrieval: counted apart, never as a zero. */
export interface FailedCall extends PlacedRecord {
  reason?: string;
}

/** Every trial of one (task, length, depth), aggregated. */
export interface Cell {
  /** The task, or '' where the run has none. */
  task: string;
  lengthTokens: number;
  /** Rounded to 3 decimals: depths that round alike share a row. Null: no depth recorded. */
  depthPercent: number | null;
  /** Number of scored trials. */
  n: number;
  /** Calls that failed and were not scored. */
  failedCalls: number;
  /** Sum of normalised scores. */
  sum: number;
  /** Distinct normalised scores of individually known trials, ascending. */
  scoreValues: number[];
  /** How many known trials had each of `scoreValues`. */
  scoreCounts: number[];
  /** Trials known only through summaries (see {@link CellSummary}). */
  summaryN: number;
  /** Passing trials among them, as the summaries gave (or the mean times n). */
  summaryPasses: number;
  /** The facet values the cell's trials share (one per field); absent without facets. */
  facets?: Facets;
}

/** One heatmap's worth of results. */
export interface Run {
  id: string;
  name: string;
  /** Formats of the files behind the run, by label. */
  formats: string[];
  /** Paths of the files behind the run. */
  files: string[];
  /** Sorted by length, then depth. */
  cells: Cell[];
  /** Distinct lengths in tokens, ascending: the columns. */
  lengths: number[];
  /** Distinct depths in percent, ascending: the rows, 0 = top of the document. */
  depths: number[];
  /** Distinct tasks, sorted; empty when the results name none. */
  tasks: string[];
  /** Total number of trials. */
  trialCount: number;
  /** Trial details kept for the drill-down, a bounded number per cell. */
  details: Trial[];
  /** Notes on what was skipped or assumed while reading, with counts. */
  warnings: string[];
  /** What the length axis counts; tokens when absent. */
  lengthUnit?: LengthUnit;
  /** Facet fields with more than one value in the run, each with its values sorted. */
  facetValues?: Record<string, string[]>;
  /** Names of lengths that stand for buckets (LongBench v2: 32000 -> "short"), shown for them. */
  lengthLabels?: Record<number, string>;
}

/** A file that could not be read, and why. */
export interface LoadError {
  file: string;
  line?: number;
  reason: string;
}

/** What the heatmap colours by. */
export type Metric = 'mean' | 'passRate';

/** A run as the loader hands it over, before the app gives it an id. */
export type RunDraft = Omit<Run, 'id'>;

/** The format a file was read as. */
export interface FileFormat {
  file: string;
  formatId: string;
  format: string;
  confidence: number;
  /** The content's fingerprint, to recognise the same file dropped again. */
  fingerprint?: string;
}

/** How the user asked a file to be read: a format, or a column mapping. */
export interface ReadChoice {
  formatId?: string;
  mapping?: ColumnMapping;
}

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

/** A cell of a table: nested objects are flattened one level, deeper values kept as JSON text. */
export type FlatValue = string | number | boolean | null;

/** A score scale the user picks; `auto` infers it from all the values. */
export type ScaleChoice = 'auto' | '0..1' | '1..10' | '0..100';

/**
 * How depths are written. `auto`: percent, unless the column's name does not say percent and
 * its values all lie in 0..1, which makes them fractions (times 100).
 */
export type DepthUnit = 'percent' | 'fraction' | 'auto';

/** Which column holds what; column names as in TableSample.columns. */
export interface ColumnMapping {
  length: string;
  /** Null: the file has no depth (shown as a length-by-task matrix). */
  depth: string | null;
  depthUnit: DepthUnit;
  score: string;
  /** Booleans and "true"/"false" read as 1/0 whatever the scale. */
  scoreScale: ScaleChoice;
  model: string | null;
  task: string | null;
  needle: string | null;
  response: string | null;
  expected: string | null;
}

/** The first records of a table, for guessing and for the mapping dialog. */
export interface TableSample {
  kind: 'csv' | 'json' | 'jsonl';
  /**
   * Column names: a CSV's header (trimmed, blanks named `column N`); for JSON/JSONL the keys of
   * the records, nested objects flattened one level as "a.b".
   */
  columns: string[];
  /** The first rows (up to 20), values flattened the same way; CSV values are the raw text. */
  rows: Record<string, FlatValue>[];
}
