import { coordinateProblem, optionalText, toFiniteNumber } from '../normalize';
import { forEachJsonItem, isJsonObject, trimmedHead } from '../read/json';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

/**
 * LWM (Large World Model) and MInference needle results: one JSON array of trials
 * `{context_length, depth_percent, response, answer, correct, seed}`; `correct` scores 1 or 0.
 */
export const lwm: ResultFormat = {
  id: 'lwm',
  label: 'LWM / MInference (JSON)',

  detect(_path, head) {
    const start = trimmedHead(head);
    if (!start.startsWith('[')) return 0;
    const has = (key: string) => new RegExp(`"${key}"\\s*:`).test(start);
    if (!(has('context_length') && has('depth_percent') && has('correct'))) return 0;
    return has('answer') || has('seed') ? 0.95 : 0.85;
  },

  parse(source, sink) {
    return parseLwm(source, sink);
  },
};

/** `correct` as a score: true/false, 1/0, or those as text ("True" from Python's str()). */
export function correctScore(value: unknown): 0 | 1 | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (text === 1 || text === '1' || text === 'true') return 1;
  if (text === 0 || text === '0' || text === 'false') return 0;
  return null;
}

async function parseLwm(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  let records = 0;

  const read = await forEachJsonItem(source, (item, index) => {
    const where = index >= 0 ? `item ${index + 1}: ` : '';
    if (!isJsonObject(item)) {
      skips.skip('not-object', `${where}not a JSON object`);
      return;
    }
    const lengthTokens = toFiniteNumber(item.context_length);
    const depthPercent = toFiniteNumber(item.depth_percent);
    const score = correctScore(item.correct);
    const given = (value: unknown) => JSON.stringify(value) ?? 'missing';
    if (lengthTokens === null) {
      skips.skip('length', `${where}context_length ${given(item.context_length)} is not a number`);
      return;
    }
    if (depthPercent === null) {
      skips.skip('depth', `${where}depth_percent ${given(item.depth_percent)} is not a number`);
      return;
    }
    if (score === null) {
      skips.skip('correct', `${where}correct ${given(item.correct)} is not true or false`);
      return;
    }
    const problem = coordinateProblem(lengthTokens, depthPercent);
    if (problem) {
      skips.skip(problem.kind, `${where}${problem.detail}`);
      return;
    }
    const repeat = toFiniteNumber(item.seed);
    sink.trial({
      lengthTokens,
      depthPercent,
      score,
      expected: optionalText(item.answer),
      response: optionalText(item.response),
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
