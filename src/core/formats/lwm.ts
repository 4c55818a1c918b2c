import { optionalText, toFiniteNumber } from '../normalize';
import type { ResultFormat } from './format';
import { given } from './kit/fields';
import { readJsonTrials } from './kit/jsonObjects';
import { jsonDetect } from './kit/jsonHead';

/**
 * LWM (Large World Model) and MInference needle results: one JSON array of trials
 * `{context_length, depth_percent, response, answer, correct, seed}`; `correct` scores 1 or 0.
 */
export const lwm: ResultFormat = {
  id: 'lwm',
  label: 'LWM / MInference (JSON)',
  opens: 'json',

  detect: jsonDetect('[', (json) => {
    if (!json.names('context_length', 'depth_percent', 'correct')) return 0;
    return json.names('answer') || json.names('seed') ? 0.95 : 0.85;
  }),

  parse(source, sink) {
    return readJsonTrials(source, sink, (item, check) => {
      const lengthTokens = check.number('context_length', item.context_length);
      const depthPercent =
        lengthTokens === null ? null : check.number('depth_percent', item.depth_percent);
      if (lengthTokens === null || depthPercent === null) return null;
      const score = correctScore(item.correct);
      if (score === null) {
        return check.skip('correct', `correct ${given(item.correct)} is not true or false`);
      }
      if (!check.placed(lengthTokens, depthPercent)) return null;
      return {
        lengthTokens,
        depthPercent,
        score,
        expected: optionalText(item.answer),
        response: optionalText(item.response),
        repeat: toFiniteNumber(item.seed) ?? undefined,
      };
    });
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
