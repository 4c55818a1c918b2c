import { optionalText, toFiniteNumber } from '../normalize';
import { isJsonObject } from '../read/json';
import { forEachJsonLine } from '../read/jsonLines';
import type { Source } from '../source';
import type { ParseOutcome, ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import { jsonDetect, namesKeys } from './kit/jsonHead';

/**
 * gkamradt needle-in-a-haystack v2 (the `niah` CLI): one JSONL file per run, one row per
 * (cell, seed), `schema_version: 2`. Scores are `score.value` on 0..1. Rows with
 * `status: "error"` are failed calls: counted apart, never scored as zeros.
 */
export const gkamradtV2: ResultFormat = {
  id: 'gkamradt-v2',
  label: 'gkamradt v2 (JSONL)',
  opens: 'json',

  detect: jsonDetect('{', (json) => {
    const version = /"schema_version"\s*:\s*(\d+)/.exec(json.firstLine)?.[1];
    if (version === '2') return 0.95;
    if (version !== undefined) return 0;
    // Rows whose keys come in another order still name the v2 fields (in the first row).
    return namesKeys(json.firstLine, ['target_depth_percent', 'task_type']) ? 0.6 : 0;
  }),

  parse(source, sink) {
    return parseGkamradtV2(source, new FileReading(source, sink));
  },
};

/** Text of a string or number, or of a list of them (multi-needle answers). */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.map(optionalText).filter((part) => part !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return optionalText(value);
}

/** The needles placed in the haystack, one per line, from `recipe.needle_placements[].text`. */
function needlesOf(recipe: unknown): string | undefined {
  if (!isJsonObject(recipe) || !Array.isArray(recipe.needle_placements)) return undefined;
  const texts = recipe.needle_placements.flatMap((placement: unknown) => {
    const text = isJsonObject(placement) ? optionalText(placement.text) : undefined;
    return text === undefined ? [] : [text];
  });
  return texts.length > 0 ? texts.join('\n') : undefined;
}

/** Why a call failed: `error` as text, or its `message` when it is an object. */
function errorText(error: unknown): string | undefined {
  if (isJsonObject(error)) return optionalText(error.message) ?? given(error);
  return optionalText(error);
}

async function parseGkamradtV2(source: Source, reading: FileReading): Promise<ParseOutcome> {
  const { file } = reading;
  const failed = { count: 0, firstLine: 0, firstReason: '' };

  const readRow = (row: Record<string, unknown>, line: number): void => {
    const check = new RecordCheck(reading, { line });
    if (row.schema_version !== undefined && toFiniteNumber(row.schema_version) !== 2) {
      check.skip('schema', `schema_version ${given(row.schema_version)} is not 2`);
      return;
    }
    const lengthTokens = check.number('context_length', row.context_length);
    if (lengthTokens === null) return;
    const depthPercent = check.number('target_depth_percent', row.target_depth_percent);
    if (depthPercent === null || !check.placed(lengthTokens, depthPercent)) return;
    const where = {
      lengthTokens,
      depthPercent,
      task: optionalText(row.task_type)?.trim() || undefined,
      model: optionalText(row.run_name)?.trim() || optionalText(row.model_id)?.trim() || undefined,
      source: { file, line },
    };
    if (row.status === 'error') {
      const reason = errorText(row.error);
      if (failed.count === 0) {
        failed.firstLine = line;
        failed.firstReason = reason ?? 'no error message';
      }
      failed.count += 1;
      reading.failedCall(reason === undefined ? where : { ...where, reason });
      return;
    }
    const rawScore = isJsonObject(row.score) ? row.score.value : row.score;
    const score = check.number('score.value', rawScore);
    if (score === null || !check.inRange('score.value', score, 1)) return;
    const repeat = toFiniteNumber(row.seed);
    reading.trial({
      ...where,
      score,
      needle: needlesOf(row.recipe),
      expected: textOf(row.expected_answer),
      response: optionalText(row.response),
      repeat: repeat ?? undefined,
    });
  };

  await forEachJsonLine(source, reading.skips, readRow);

  if (reading.recordCount === failed.count) {
    if (failed.count > 0) {
      return reading.fail(
        `no scored row, only failed calls (status "error": ${failed.count}; first: ${failed.firstReason})`,
        failed.firstLine,
      );
    }
    return reading.skips.nothingUsable('row', 'the file has no rows');
  }
  if (failed.count > 0) {
    const calls = failed.count === 1 ? '1 failed call' : `${failed.count} failed calls`;
    reading.note(
      `${calls} (status "error") counted apart, not as scores (first at line ${failed.firstLine}: ${failed.firstReason})`,
    );
  }
  return reading.finish('row', 'the file has no rows');
}
