import { coordinateProblem, optionalText, SCALE_TEN, toFiniteNumber } from '../normalize';
import { forEachJsonItem, isJsonObject, looksLikeJsonLines, trimmedHead } from '../read/json';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

/**
 * gkamradt LLMTest_NeedleInAHaystack v1 and its forks: one JSON object per test per file, or a
 * JSON array of them, or the original GPT-4 run's array of `{token_limit, depth_percent, score}`.
 * Scores are on the 1..10 judge scale (FranxYao's fork writes floats 0..10): normalised / 10.
 */
export const gkamradtV1: ResultFormat = {
  id: 'gkamradt-v1',
  label: 'gkamradt v1 (JSON)',

  detect(path, head) {
    const start = trimmedHead(head);
    if (!start.startsWith('{') && !start.startsWith('[')) return 0;
    // One object per line is JSONL (generic or another producer's), not one object per file.
    if (/\.jsonl$/i.test(path) || looksLikeJsonLines(start)) return 0;
    const hasLength = /"(context_length|token_limit)"\s*:/.test(start);
    const hasDepth = /"depth_percent"\s*:/.test(start);
    const hasScore = /"score"\s*:\s*(-?[\d.]|NaN|null)/.test(start);
    if (!(hasLength && hasDepth && hasScore)) return 0;
    return /_len_\d+_depth_\d+/.test(path) || /"model_response"\s*:/.test(start) ? 0.95 : 0.85;
  },

  parse(source, sink) {
    return parseGkamradtV1(source, sink);
  },
};

async function parseGkamradtV1(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  let records = 0;

  const read = await forEachJsonItem(source, (item, index) => {
    const where = index >= 0 ? `item ${index + 1}: ` : '';
    if (!isJsonObject(item)) {
      skips.skip('not-object', `${where}not a JSON object`);
      return;
    }
    const lengthTokens = toFiniteNumber(item.context_length ?? item.token_limit);
    const depthPercent = toFiniteNumber(item.depth_percent);
    const rawScore = toFiniteNumber(item.score);
    if (lengthTokens === null) {
      skips.skip('length', `${where}no numeric context_length or token_limit`);
      return;
    }
    if (depthPercent === null) {
      skips.skip('depth', `${where}no numeric depth_percent`);
      return;
    }
    if (rawScore === null) {
      skips.skip(
        'score',
        `${where}score ${JSON.stringify(item.score) ?? 'missing'} is not a number`,
      );
      return;
    }
    const problem =
      coordinateProblem(lengthTokens, depthPercent) ??
      (rawScore < 0 || rawScore > SCALE_TEN.top
        ? { kind: 'score-range', detail: `score ${rawScore} is outside 0..10` }
        : null);
    if (problem) {
      skips.skip(problem.kind, `${where}${problem.detail}`);
      return;
    }
    const repeat = toFiniteNumber(item.version);
    sink.trial({
      lengthTokens,
      depthPercent,
      score: rawScore / SCALE_TEN.top,
      model: optionalText(item.model),
      needle: optionalText(item.needle),
      response: optionalText(item.model_response),
      repeat: repeat ?? undefined,
      source: { file },
    });
    records += 1;
  });
  if (!read.ok) return failure(file, read.reason, read.line);

  if (records === 0) {
    return skips.nothingUsable('result', 'no results in the file (an empty array)');
  }
  return { ok: true, records, warnings: skips.messages() };
}
