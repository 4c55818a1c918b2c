import { coordinateProblem, optionalText, toFiniteNumber } from '../normalize';
import { isJsonObject, trimmedHead } from '../read/json';
import { forEachJsonLine } from '../read/jsonLines';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

/**
 * gkamradt needle-in-a-haystack v2 (the `niah` CLI): one JSONL file per run, one row per
 * (cell, seed), `schema_version: 2`. Scores are `score.value` on 0..1. Rows with
 * `status: "error"` are failed calls: counted apart, never scored as zeros.
 */
export const gkamradtV2: ResultFormat = {
  id: 'gkamradt-v2',
  label: 'gkamradt v2 (JSONL)',

  detect(_path, head) {
    const start = trimmedHead(head);
    if (!start.startsWith('{')) return 0;
    // The first line is the first row; a pretty-printed JSON document has only `{` there.
    const firstLine = start.split('\n', 1)[0] ?? '';
    const version = /"schema_version"\s*:\s*(\d+)/.exec(firstLine)?.[1];
    if (version === '2') return 0.95;
    if (version !== undefined) return 0;
    // Rows whose keys come in another order still name the v2 fields.
    return /"target_depth_percent"\s*:/.test(firstLine) && /"task_type"\s*:/.test(firstLine)
      ? 0.6
      : 0;
  },

  parse(source, sink) {
    return parseGkamradtV2(source, sink);
  },
};

/** A JSON value as a message shows it. */
function shown(value: unknown): string {
  return JSON.stringify(value) ?? 'missing';
}

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
  if (isJsonObject(error)) return optionalText(error.message) ?? shown(error);
  return optionalText(error);
}

async function parseGkamradtV2(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  let trials = 0;
  const failed = { count: 0, firstLine: 0, firstReason: '' };

  const readRow = (row: Record<string, unknown>, line: number): void => {
    if (row.schema_version !== undefined && toFiniteNumber(row.schema_version) !== 2) {
      skips.skip('schema', `schema_version ${shown(row.schema_version)} is not 2`, line);
      return;
    }
    const lengthTokens = toFiniteNumber(row.context_length);
    const depthPercent = toFiniteNumber(row.target_depth_percent);
    if (lengthTokens === null) {
      skips.skip('length', `context_length ${shown(row.context_length)} is not a number`, line);
      return;
    }
    if (depthPercent === null) {
      skips.skip(
        'depth',
        `target_depth_percent ${shown(row.target_depth_percent)} is not a number`,
        line,
      );
      return;
    }
    const problem = coordinateProblem(lengthTokens, depthPercent);
    if (problem) {
      skips.skip(problem.kind, problem.detail, line);
      return;
    }
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
      sink.failedCall(reason === undefined ? where : { ...where, reason });
      return;
    }
    const rawScore = isJsonObject(row.score) ? row.score.value : row.score;
    const score = toFiniteNumber(rawScore);
    if (score === null) {
      skips.skip('score', `score.value ${shown(rawScore)} is not a number`, line);
      return;
    }
    if (score < 0 || score > 1) {
      skips.skip('score-range', `score.value ${score} is outside 0..1`, line);
      return;
    }
    const repeat = toFiniteNumber(row.seed);
    sink.trial({
      ...where,
      score,
      needle: needlesOf(row.recipe),
      expected: textOf(row.expected_answer),
      response: optionalText(row.response),
      repeat: repeat ?? undefined,
    });
    trials += 1;
  };

  await forEachJsonLine(source, skips, readRow);

  if (trials === 0) {
    if (failed.count > 0) {
      return failure(
        file,
        `no scored row, only failed calls (status "error": ${failed.count}; first: ${failed.firstReason})`,
        failed.firstLine,
      );
    }
    return skips.nothingUsable('row', 'the file has no rows');
  }
  const warnings = skips.messages();
  if (failed.count > 0) {
    const calls = failed.count === 1 ? '1 failed call' : `${failed.count} failed calls`;
    warnings.push(
      `${file}: ${calls} (status "error") counted apart, not as scores (first at line ${failed.firstLine}: ${failed.firstReason})`,
    );
  }
  return { ok: true, records: trials + failed.count, warnings };
}
