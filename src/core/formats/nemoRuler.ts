import { optionalText } from '../normalize';
import { trimmedHead } from '../read/json';
import { forEachJsonLine } from '../read/jsonLines';
import type { Source } from '../source';
import type { Trial } from '../types';
import {
  baseName,
  folderName,
  type ParseOutcome,
  type RecordSink,
  type ResultFormat,
} from './format';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';

/** A NeMo-Skills output file: `output.jsonl` (greedy) or `output-rs<seed>.jsonl`. */
const OUTPUT_FILE = /^output(?:-rs(\d+))?\.jsonl$/i;

/** What the path of a NeMo-Skills benchmark output says. */
export interface NemoPlace {
  /** The free-text setup, which names the model (`llama_128k`). */
  setup: string;
  task: string;
  /** The nominal length the setup names (`_128k` -> 131072), or null. */
  lengthTokens: number | null;
  /** The seed of an `output-rs<seed>.jsonl` file. */
  seed?: number;
}

/**
 * The setup and task of `eval-results/<benchmark>.<setup>.<task>/output*.jsonl` (also nested
 * under `<benchmark>.<setup>/`), or null when the path is not such a file.
 */
export function nemoPlace(path: string, benchmark: string): NemoPlace | null {
  const name = OUTPUT_FILE.exec(baseName(path));
  const folder = folderName(path) ?? '';
  if (!name || !folder.startsWith(`${benchmark}.`)) return null;
  const rest = folder.slice(benchmark.length + 1);
  const dot = rest.lastIndexOf('.');
  if (dot <= 0 || dot === rest.length - 1) return null;
  const setup = rest.slice(0, dot);
  const k = /_(\d+)k$/i.exec(setup)?.[1];
  const seed = name[1] === undefined ? undefined : Number(name[1]);
  return {
    setup,
    task: rest.slice(dot + 1),
    lengthTokens: k === undefined ? null : Number(k) * 1024,
    ...(seed === undefined ? {} : { seed }),
  };
}

/** NeMo-Skills writes `output_chunk_<i>.jsonl` parts while a job runs; the merged file holds them. */
export function isChunkFile(path: string): boolean {
  return /_chunk_/i.test(baseName(path));
}

/**
 * How sure a NeMo-Skills reader is of a file: its layout, and the first row's `generation` and
 * `expected_answer` (a long `question` may push them out of the head, so the layout alone counts too).
 */
export function nemoConfidence(
  path: string,
  inLayout: boolean,
  head: string,
  mark: RegExp,
): number {
  const start = trimmedHead(head);
  if (!start.startsWith('{')) return 0;
  const rowShape = /"generation"\s*:/.test(start) && /"expected_answer"\s*:/.test(start);
  if (inLayout) return rowShape ? 0.95 : 0.9;
  // Under `eval-results/` the folder names the benchmark: another benchmark's reader claims it.
  if (/(?:^|\/)eval-results\//.test(path)) return 0;
  return rowShape && mark.test(start) ? 0.8 : 0;
}

/** The `expected_answer` of a row as text: a list joined by ` | `. */
function expectedText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return optionalText(value);
  return value.map((item) => optionalText(item) ?? given(item)).join(' | ');
}

/** A row's score on 0..1, or null once `check` has skipped the row. */
export type RowScore = (row: Record<string, unknown>, check: RecordCheck) => number | null;

/** The smallest power of two above `tokens`: the nominal length of a prompt of that size. */
export function powerOfTwoAbove(tokens: number): number {
  return 2 ** (Math.floor(Math.log2(tokens)) + 1);
}

/**
 * Reads a NeMo-Skills RULER-style output: every row a trial of the task the folder names, for
 * the run the setup names, at the setup's nominal length (else the power of two above the
 * largest row `length`, which needs the whole file first). Rows are never keyed on `index`.
 */
export async function readNemoRows(
  source: Source,
  sink: RecordSink,
  benchmark: string,
  scoreOf: RowScore,
): Promise<ParseOutcome> {
  const reading = new FileReading(source, sink);
  if (isChunkFile(reading.file)) return { ok: true, records: 0, warnings: [] };
  const place = nemoPlace(reading.file, benchmark);
  const nominal = place?.lengthTokens ?? null;
  const waiting: Trial[] = [];
  let largest = 0;
  const read = await forEachJsonLine(source, reading.skips, (row, line) => {
    const check = new RecordCheck(reading, { line });
    const score = scoreOf(row, check);
    if (score === null) return;
    const trial: Trial = {
      lengthTokens: nominal ?? 0,
      depthPercent: null,
      task: `${benchmark}/${place?.task ?? 'unknown'}`,
      score,
      model: place?.setup,
      expected: expectedText(row.expected_answer),
      response: optionalText(row.generation),
      repeat: place?.seed,
      source: { file: reading.file, line },
    };
    if (nominal !== null) {
      if (check.placed(nominal, null)) reading.trial(trial);
      return;
    }
    const length = check.number('length', row.length);
    if (length === null || !check.placed(length, null)) return;
    largest = Math.max(largest, length);
    waiting.push(trial);
  });
  if (waiting.length > 0) {
    const lengthTokens = powerOfTwoAbove(largest);
    for (const trial of waiting) reading.trial({ ...trial, lengthTokens });
    reading.note(
      `the setup names no <N>k length: read as ${lengthTokens}, the power of two above the largest row "length" (${largest})`,
    );
  }
  if (place === null) {
    reading.note(
      `no eval-results/${benchmark}.<setup>.<task>/ folder in the path: task and run unknown`,
    );
  }
  return reading.finish('row', read.lines === 0 ? 'the file is empty' : 'no rows');
}

/** `is_correct`, the share of expected items found in the generation, 0..1. */
export const isCorrectScore: RowScore = (row, check) => {
  const score = check.number('is_correct', row.is_correct);
  return score !== null && check.inRange('is_correct', score, 1) ? score : null;
};

/**
 * NVIDIA NeMo-Skills RULER outputs: `eval-results/ruler.<setup>.<task>/output.jsonl` (or one
 * `output-rs<seed>.jsonl` per seed), one row per sample scored by `is_correct` (0..1). The setup
 * (`llama_128k`) names the run and its length; the rows record no depth: a task × length matrix.
 */
export const nemoRuler: ResultFormat = {
  id: 'nemo-ruler',
  label: 'NeMo-Skills RULER (JSONL)',
  opens: 'json',

  detect(path, head) {
    const inLayout = nemoPlace(path, 'ruler') !== null || isChunkIn(path, 'ruler');
    return nemoConfidence(path, inLayout, head, /"is_correct"\s*:/);
  },

  parse(source, sink) {
    return readNemoRows(source, sink, 'ruler', isCorrectScore);
  },
};

/** A chunk file in a `<benchmark>.` folder, claimed so it is passed over rather than reported. */
export function isChunkIn(path: string, benchmark: string): boolean {
  const folder = folderName(path) ?? '';
  return isChunkFile(path) && folder.startsWith(`${benchmark}.`);
}
