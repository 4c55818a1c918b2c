import { toFiniteNumber } from '../normalize';
import { isJsonObject } from '../read/json';
import { forEachJsonLine } from '../read/jsonLines';
import { baseName, type ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import { jsonDetect } from './kit/jsonHead';

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

const NO_LENGTH =
  'no length: the path has no <model>/synthetic/<length>/pred/ folder and the row no numeric "length"';

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
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    // lm-evaluation-harness samples also hold RULER tasks, with their own layout.
    if (!json.names('pred') || json.names('doc_id')) return 0;
    if (PRED_FILE.test(path)) return rulerPlace(path).lengthTokens === null ? 0.9 : 0.95;
    // Outside the layout the row must show its expected outputs (a long `input` may hide them).
    return json.names('outputs') ? 0.85 : 0;
  }),

  async parse(source, sink) {
    const reading = new FileReading(source, sink);
    const file = reading.file;
    const place = rulerPlace(file);
    const task = baseName(file).replace(/\.jsonl?$/i, '');
    const read = await forEachJsonLine(source, reading.skips, (row, line) => {
      const check = new RecordCheck(reading, { line });
      const outputs = textList(row.outputs);
      if (!outputs || outputs.length === 0) {
        return check.skip('outputs', 'no "outputs" list of expected answers');
      }
      if (typeof row.pred !== 'string') {
        return check.skip('pred', `"pred" ${given(row.pred)} is not text`);
      }
      // The folder holds the sweep's length; the row's `length` is its own token count (a little
      // under it), used only when the path does not follow RULER's layout.
      const lengthTokens = place.lengthTokens ?? toFiniteNumber(row.length);
      if (lengthTokens === null) return check.skip('length', NO_LENGTH);
      const rawDepth = depthField(row);
      const hasDepth = rawDepth !== undefined && rawDepth !== null;
      const depthPercent = hasDepth ? check.number('depth_percent', rawDepth) : null;
      if (hasDepth && depthPercent === null) return;
      if (!check.placed(lengthTokens, depthPercent)) return;
      const pred = row.pred.toLowerCase();
      const found = outputs.filter((output) => pred.includes(output.toLowerCase())).length;
      reading.trial({
        lengthTokens,
        depthPercent,
        task,
        score: found / outputs.length,
        model: place.model,
        expected: outputs.join(' | '),
        response: row.pred,
        source: { file, line },
      });
    });
    if (place.lengthTokens === null) {
      reading.note(
        'no <model>/synthetic/<length>/pred/ folder in the path: lengths are each row\'s "length" (its own token count)',
      );
    }
    return reading.finish('row', read.lines === 0 ? 'the file is empty' : 'no rows');
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
