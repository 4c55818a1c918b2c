import { lengthProblem, optionalText, toFiniteNumber } from '../normalize';
import { isJsonObject } from '../read/json';
import { forEachJsonLine } from '../read/jsonLines';
import type { Source } from '../source';
import { baseName, folderName, type ParseOutcome, type ResultFormat } from './format';
import { given } from './kit/fields';
import { RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import {
  babilongPendingLength,
  isAccTask,
  isBabilongTask,
  LONGBENCH2_LENGTHS,
} from './lmEvalLongTasks';
import { jsonDetect } from './kit/jsonHead';

/** The task of `samples_<task>_<timestamp>.jsonl`, lm-eval's name for a task's samples. */
export function samplesTask(path: string): string {
  const name = baseName(path);
  const stamped = /^samples_(.+?)_\d{4}-\d{2}-\d{2}T[\d.:-]+\.jsonl$/i.exec(name);
  if (stamped?.[1]) return stamped[1];
  return name.replace(/^samples_/i, '').replace(/\.jsonl$/i, '');
}

/** A score of -1: lm-eval's mark for a length that was not run. */
export const NOT_RUN = -1;

/**
 * lm-evaluation-harness samples of its ruler/niah tasks: `samples_<task>_<timestamp>.jsonl`,
 * one row per sample `{doc_id, doc {input, outputs, max_length ...}, resps, filtered_resps,
 * "<length>": score 0..1}`, where every other listed length holds -1 (not run). No depth: a
 * length-by-task matrix. lm-eval writes samples in a folder named after the model
 * (`meta-llama__Llama-3.1-8B`), so that folder names the run.
 */
export const lmEvalSamples: ResultFormat = {
  id: 'lm-eval-samples',
  label: 'lm-eval-harness samples (JSONL)',
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    if (!json.names('doc_id', 'doc')) return 0;
    return /^samples_.+\.jsonl$/i.test(baseName(path)) ? 0.95 : 0.75;
  }),

  parse(source, sink) {
    const reading = new FileReading(source, sink);
    const task = samplesTask(source.path);
    return isAccTask(task) ? parseAccSamples(source, reading, task) : parseSamples(source, reading);
  },
};

/** The first text of a response list, however deeply lm-eval nested it. */
function firstText(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstText(value[0]);
  return typeof value === 'string' ? value : undefined;
}

/** A list of answers as one text. */
function answersText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return optionalText(value);
  const texts = value.flatMap((item: unknown) => optionalText(item) ?? []);
  return texts.length > 0 ? texts.join(' | ') : undefined;
}

async function parseSamples(source: Source, reading: FileReading): Promise<ParseOutcome> {
  const { file, skips } = reading;
  const task = samplesTask(file);
  const model = folderName(file);
  const read = await forEachJsonLine(source, skips, (row, line) => {
    const doc = isJsonObject(row.doc) ? row.doc : {};
    // The row's metrics are its length keys; all but the length the sample was built for are -1.
    const scored: { lengthTokens: number; score: number | null; raw: unknown }[] = [];
    let lengthKeys = 0;
    for (const [key, value] of Object.entries(row)) {
      if (!/^\d+$/.test(key)) continue;
      lengthKeys += 1;
      const score = toFiniteNumber(value);
      if (score !== NOT_RUN) scored.push({ lengthTokens: Number(key), score, raw: value });
    }
    const maxLength = toFiniteNumber(doc.max_length);
    const pick =
      scored.find((s) => s.lengthTokens === maxLength) ??
      (scored.length === 1 ? scored[0] : undefined);
    if (!pick) {
      if (lengthKeys === 0) skips.skip('no-score', 'no "<length>": score field', line);
      else if (scored.length === 0) skips.skip('not-run', 'every length scores -1 (not run)', line);
      else skips.skip('ambiguous', 'several lengths scored and no doc.max_length', line);
      return;
    }
    const { lengthTokens, score, raw } = pick;
    if (score === null) {
      skips.skip('score', `score ${given(raw)} is not a number`, line);
      return;
    }
    const problem =
      lengthProblem(lengthTokens) ??
      (score < 0 || score > 1 ? `score ${score} is outside 0..1` : null);
    if (problem) {
      skips.skip('range', problem, line);
      return;
    }
    reading.trial({
      lengthTokens,
      depthPercent: null,
      task,
      score,
      model,
      expected: answersText(doc.outputs),
      response: firstText(row.filtered_resps) ?? firstText(row.resps),
      source: { file, line },
    });
  });
  return reading.finish('sample', read.lines === 0 ? 'the file is empty' : 'no samples');
}

/**
 * Samples of `babilong_qa*` and `longbench2_*`: one trial per row, scored by `acc` (0/1), no
 * depth. A babilong row names no length: the run's results file does, so the file's trials wait
 * at 0 for it ({@link babilongPendingLength}). A longbench2 row's `doc.length` bucket is its column.
 */
async function parseAccSamples(
  source: Source,
  reading: FileReading,
  task: string,
): Promise<ParseOutcome> {
  const { file, skips } = reading;
  const model = folderName(file);
  const babilong = isBabilongTask(task);
  const read = await forEachJsonLine(source, skips, (row, line) => {
    const check = new RecordCheck(reading, { line });
    const doc = isJsonObject(row.doc) ? row.doc : {};
    const score = check.number('acc', row.acc);
    if (score === null || !check.inRange('acc', score, 1)) return;
    const bucket = optionalText(doc.length);
    const lengthTokens = babilong
      ? 0
      : bucket === undefined
        ? undefined
        : LONGBENCH2_LENGTHS[bucket];
    if (lengthTokens === undefined) {
      check.skip('length', `doc.length ${given(doc.length)} is not short, medium or long`);
      return;
    }
    if (!check.placed(lengthTokens, null, { zeroLength: babilong })) return;
    reading.trial({
      lengthTokens,
      ...(!babilong && bucket !== undefined ? { lengthLabel: bucket } : {}),
      depthPercent: null,
      task,
      score,
      model,
      expected: optionalText(doc.target) ?? optionalText(doc.answer) ?? optionalText(row.target),
      response: firstText(row.filtered_resps) ?? firstText(row.resps),
      source: { file, line },
    });
  });
  const outcome = reading.finish('sample', read.lines === 0 ? 'the file is empty' : 'no samples');
  if (!outcome.ok) return outcome;
  return babilong ? { ...outcome, pendingLength: babilongPendingLength(file, task) } : outcome;
}
