import { depthProblem, lengthProblem, SCALE_HUNDRED, toFiniteNumber } from '../normalize';
import { readCsvRows } from '../read/csv';
import { isJsonObject, trimmedHead } from '../read/json';
import { forEachJsonLine } from '../read/jsonLines';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { baseName, failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

/** Where RULER's layout `<model>/synthetic/<length>/pred/<file>` puts a file. */
interface RulerPlace {
  /** The length of the sweep, from the folder; null when the path has none. */
  lengthTokens: number | null;
  model?: string;
}

/** The length and model a path names, by RULER's folder layout. */
export function rulerPlace(path: string): RulerPlace {
  const synthetic = /(?:^|\/)(?:([^/]+)\/)?synthetic\/(\d+)\//.exec(path);
  if (synthetic) {
    return { lengthTokens: Number(synthetic[2]), model: synthetic[1] || undefined };
  }
  const pred = /(?:^|\/)(\d+)\/pred\/[^/]+$/.exec(path);
  return { lengthTokens: pred ? Number(pred[1]) : null };
}

const PRED_FILE = /(?:^|\/)pred\/[^/]+\.jsonl$/i;

/**
 * NVIDIA RULER predictions: `<model>/synthetic/<length>/pred/<task>.jsonl`, one row per sample
 * `{index, pred, input, outputs, others, truncation, length}`. A row scores the share of its
 * `outputs` found in `pred` (case-insensitive substring), 0..1. The task is the file name.
 * Rows record no depth: a length-by-task matrix, unless a row carries `depth_percent`.
 */
export const rulerPredictions: ResultFormat = {
  id: 'ruler-pred',
  label: 'RULER predictions (JSONL)',

  detect(path, head) {
    const start = trimmedHead(head);
    if (!start.startsWith('{') || !/"pred"\s*:/.test(start)) return 0;
    // lm-evaluation-harness samples also hold RULER tasks, with their own layout.
    if (/"doc_id"\s*:/.test(start)) return 0;
    if (PRED_FILE.test(path)) return rulerPlace(path).lengthTokens === null ? 0.9 : 0.95;
    // Outside the layout the row must show its expected outputs (a long `input` may hide them).
    return /"outputs"\s*:/.test(start) ? 0.85 : 0;
  },

  parse(source, sink) {
    return parsePredictions(source, sink);
  },
};

/** A list of strings, or null when the value is anything else. */
function textList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const texts = value.flatMap((item: unknown) => (typeof item === 'string' ? [item] : []));
  return texts.length === value.length ? texts : null;
}

/** A row's depth in percent as written: `depth_percent` at the top or in `others`. */
function depthField(row: Record<string, unknown>): unknown {
  if (row.depth_percent !== undefined) return row.depth_percent;
  return isJsonObject(row.others) ? row.others.depth_percent : undefined;
}

async function parsePredictions(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  const place = rulerPlace(file);
  const task = baseName(file).replace(/\.jsonl?$/i, '');
  let records = 0;
  let lengthFromRows = false;

  const read = await forEachJsonLine(source, skips, (row, line) => {
    const outputs = textList(row.outputs);
    if (!outputs || outputs.length === 0) {
      skips.skip('outputs', 'no "outputs" list of expected answers', line);
      return;
    }
    if (typeof row.pred !== 'string') {
      skips.skip('pred', `"pred" ${JSON.stringify(row.pred) ?? 'missing'} is not text`, line);
      return;
    }
    // The folder holds the sweep's length; the row's `length` is its own token count (a little
    // under it), used only when the path does not follow RULER's layout.
    const lengthTokens = place.lengthTokens ?? toFiniteNumber(row.length);
    if (lengthTokens === null) {
      skips.skip(
        'length',
        'no length: the path has no <model>/synthetic/<length>/pred/ folder and the row no numeric "length"',
        line,
      );
      return;
    }
    const rawDepth = depthField(row);
    const hasDepth = rawDepth !== undefined && rawDepth !== null;
    const depthPercent = hasDepth ? toFiniteNumber(rawDepth) : null;
    if (hasDepth && depthPercent === null) {
      skips.skip('depth', `depth_percent ${JSON.stringify(rawDepth)} is not a number`, line);
      return;
    }
    const problem =
      lengthProblem(lengthTokens) ?? (depthPercent === null ? null : depthProblem(depthPercent));
    if (problem) {
      skips.skip('range', problem, line);
      return;
    }
    if (place.lengthTokens === null) lengthFromRows = true;
    const pred = row.pred.toLowerCase();
    const found = outputs.filter((output) => pred.includes(output.toLowerCase())).length;
    sink.trial({
      lengthTokens,
      depthPercent,
      task,
      score: found / outputs.length,
      model: place.model,
      expected: outputs.join(' | '),
      response: row.pred,
      source: { file, line },
    });
    records += 1;
  });

  if (records === 0) {
    return skips.nothingUsable('row', read.lines === 0 ? 'the file is empty' : 'no rows');
  }
  const warnings = skips.messages();
  if (lengthFromRows) {
    warnings.push(
      `${file}: no <model>/synthetic/<length>/pred/ folder in the path: lengths are each row's "length" (its own token count)`,
    );
  }
  return { ok: true, records, warnings };
}

const SUMMARY_LAYOUT = '<model>/synthetic/<length>/pred/summary.csv';

/**
 * NVIDIA RULER's `summary.csv`, transposed: rows `Tasks,<task>...`, `Score,<0..100>...` and
 * `Nulls,<empty>/<total>...` (under pandas' `0,1,2...` header). Each score is a pre-averaged
 * cell of `total` samples; length and model come from the path. The cells form their own run,
 * `<model> (summary)`, so that dropping a whole RULER folder, predictions and summary together,
 * does not count each sample twice.
 */
export const rulerSummary: ResultFormat = {
  id: 'ruler-summary',
  label: 'RULER summary (CSV)',

  detect(path, head) {
    const start = trimmedHead(head);
    if (!/^"?Tasks"?,/im.test(start) || !/^"?Score"?,/im.test(start)) return 0;
    return /^summary(-[^/]*)?\.csv$/i.test(baseName(path)) ? 0.95 : 0.85;
  },

  parse(source, sink) {
    return parseSummary(source, sink);
  },
};

/**
 * The number of samples in a `Nulls` cell `<empty predictions>/<samples>`, or null. Digits too
 * many to count exactly (`0/999...9` reads as Infinity) are no count.
 */
function samplesOf(nulls: string | undefined): number | null {
  const match = /^\s*\d+\s*\/\s*(\d+)\s*$/.exec(nulls ?? '');
  const total = match ? Number(match[1]) : 0;
  return Number.isSafeInteger(total) && total > 0 ? total : null;
}

async function parseSummary(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const place = rulerPlace(file);
  if (place.lengthTokens === null) {
    return failure(
      file,
      `no context length: RULER writes it in the folder, ${SUMMARY_LAYOUT}, and this path has none`,
    );
  }
  const lengthTokens = place.lengthTokens;
  const badLength = lengthProblem(lengthTokens);
  if (badLength) return failure(file, `${badLength} (from the folder, ${SUMMARY_LAYOUT})`);
  const skips = new SkipLog(file);
  const rows = new Map<string, { cells: string[]; line: number }>();
  const read = await readCsvRows(source, (cells, line) => {
    const key = (cells[0] ?? '').trim().toLowerCase();
    if (key === 'tasks' || key === 'score' || key === 'nulls') {
      if (!rows.has(key)) rows.set(key, { cells, line });
      else skips.skip('repeated', `a second "${cells[0]}" row`, line);
    } else if (line > 1 || !cells.every((cell) => /^\s*\d+\s*$/.test(cell))) {
      // The first line may be pandas' column numbers; anything else is not RULER's.
      skips.skip('row', `"${cells[0] ?? ''}" is not a Tasks, Score or Nulls row`, line);
    }
  });
  if (!read.ok) return failure(file, read.reason, read.line);
  if (read.rows === 0) return failure(file, 'the file is empty');
  const tasks = rows.get('tasks');
  const scores = rows.get('score');
  if (!tasks || !scores) {
    return failure(
      file,
      `no ${tasks ? 'Score' : 'Tasks'} row: a RULER summary has rows Tasks, Score and Nulls`,
    );
  }
  const nulls = rows.get('nulls');
  const model = place.model ? `${place.model} (summary)` : 'RULER summary';
  let records = 0;
  tasks.cells.forEach((name, i) => {
    const task = name.trim();
    if (i === 0 || task === '') return;
    const raw = scores.cells[i] ?? '';
    const score = toFiniteNumber(raw);
    if (score === null) {
      skips.skip('score', `score ${JSON.stringify(raw)} of ${task} is not a number`, scores.line);
      return;
    }
    if (score < 0 || score > SCALE_HUNDRED.top) {
      skips.skip('score-range', `score ${score} of ${task} is outside 0..100`, scores.line);
      return;
    }
    sink.summary({
      lengthTokens,
      depthPercent: null,
      task,
      model,
      n: samplesOf(nulls?.cells[i]) ?? 1,
      meanScore: score / SCALE_HUNDRED.top,
      source: { file, line: scores.line },
    });
    records += 1;
  });
  if (records === 0) {
    return skips.nothingUsable('score', 'no tasks in the Tasks row');
  }
  return { ok: true, records, warnings: skips.messages() };
}
