import { optionalText } from '../normalize';
import { forEachJsonLine } from '../read/jsonLines';
import type { Source } from '../source';
import type { ParseOutcome, ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import { jsonDetect } from './kit/jsonHead';

/**
 * LongBench v2 (THUDM): `results/<model>[_cot|_no_context|_rag_<N>].jsonl`, one row per
 * multiple-choice question, scored by `judge` (a bool; `pred` null is a 0). It records no token
 * length, only a bucket by words; each bucket is one column at the top of its range, labelled by
 * its name. Rows are the `domain`; `difficulty` is a facet. The prompt configuration in the
 * file name is part of the run's name, so configurations never mix.
 */
export const longBenchV2: ResultFormat = {
  id: 'longbench-v2',
  label: 'LongBench v2 (JSONL)',
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    if (!/^\{\s*"_id"\s*:/.test(json.text)) return 0;
    const fields = ['"difficulty"', '"domain"', '"judge"', '"choice_A"'];
    const named = fields.filter((field) => json.firstLine.includes(field)).length;
    if (named >= 2) return 0.95;
    return path.endsWith('.jsonl') && named === 1 ? 0.6 : 0;
  }),

  parse(source, sink) {
    return parseLongBenchV2(source, new FileReading(source, sink));
  },
};

/** Buckets by words (<32K, 32K-128K, 128K-2M), each placed at the top of its range. */
export const LONGBENCH_V2_LENGTHS: Readonly<Record<string, number>> = {
  short: 32_000,
  medium: 128_000,
  long: 2_000_000,
};

/** The model and prompt configuration a results file's name says: `gpt-4o_cot` -> `gpt-4o (cot)`. */
export function longBenchRunName(path: string): string {
  const name = (path.split('/').pop() ?? path).replace(/\.jsonl$/i, '');
  const config = /_(cot|no_context|rag_\d+)$/.exec(name);
  if (!config?.[1]) return name;
  return `${name.slice(0, config.index)} (${config[1]})`;
}

async function parseLongBenchV2(source: Source, reading: FileReading): Promise<ParseOutcome> {
  const { file } = reading;
  const model = longBenchRunName(file);
  await forEachJsonLine(source, reading.skips, (row, line) => {
    const check = new RecordCheck(reading, { line });
    const bucket = optionalText(row.length)?.trim().toLowerCase() ?? '';
    const lengthTokens = LONGBENCH_V2_LENGTHS[bucket];
    if (lengthTokens === undefined) {
      check.skip('length', `length ${given(row.length)} is not short, medium or long`);
      return;
    }
    let score: number;
    if (row.pred === null) score = 0;
    else if (typeof row.judge === 'boolean') score = row.judge ? 1 : 0;
    else {
      check.skip('judge', `judge ${given(row.judge)} is not true or false`);
      return;
    }
    const difficulty = optionalText(row.difficulty)?.trim();
    reading.trial({
      lengthTokens,
      lengthLabel: bucket,
      depthPercent: null,
      task: optionalText(row.domain)?.trim() || undefined,
      ...(difficulty ? { facets: { difficulty } } : {}),
      score,
      model,
      needle: optionalText(row.question),
      expected: optionalText(row.answer),
      response: optionalText(row.pred) ?? optionalText(row.response),
      source: { file, line },
    });
  });
  return reading.finish('row', 'the file has no rows');
}
