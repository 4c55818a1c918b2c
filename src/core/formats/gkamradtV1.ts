import { optionalText, SCALE_TEN, toFiniteNumber } from '../normalize';
import { looksLikeJsonLines } from '../read/json';
import type { ResultFormat } from './format';
import { readJsonTrials } from './kit/jsonObjects';
import { jsonDetect } from './kit/jsonHead';

/**
 * gkamradt LLMTest_NeedleInAHaystack v1 and its forks: one JSON object per test per file, or a
 * JSON array of them, or the original GPT-4 run's array of `{token_limit, depth_percent, score}`.
 * Scores are on the 1..10 judge scale (FranxYao's fork writes floats 0..10): normalised / 10.
 */
export const gkamradtV1: ResultFormat = {
  id: 'gkamradt-v1',
  label: 'gkamradt v1 (JSON)',
  opens: 'json',

  detect: jsonDetect('{[', (json, path) => {
    // One object per line is JSONL (generic or another producer's), not one object per file.
    if (/\.jsonl$/i.test(path) || looksLikeJsonLines(json.text)) return 0;
    const hasLength = json.names('context_length') || json.names('token_limit');
    const hasScore = /"score"\s*:\s*(-?[\d.]|NaN|null)/.test(json.text);
    if (!(hasLength && json.names('depth_percent') && hasScore)) return 0;
    return /_len_\d+_depth_\d+/.test(path) || json.names('model_response') ? 0.95 : 0.85;
  }),

  parse(source, sink) {
    return readJsonTrials(source, sink, (item, check) => {
      const length = item.context_length ?? item.token_limit;
      const noLength = 'no numeric context_length or token_limit';
      const lengthTokens = check.number('context_length', length, noLength);
      if (lengthTokens === null) return null;
      const noDepth = 'no numeric depth_percent';
      const depthPercent = check.number('depth_percent', item.depth_percent, noDepth);
      const rawScore = depthPercent === null ? null : check.number('score', item.score);
      if (depthPercent === null || rawScore === null) return null;
      if (!check.placed(lengthTokens, depthPercent)) return null;
      if (!check.inRange('score', rawScore, SCALE_TEN.top)) return null;
      return {
        lengthTokens,
        depthPercent,
        score: rawScore / SCALE_TEN.top,
        model: optionalText(item.model),
        needle: optionalText(item.needle),
        response: optionalText(item.model_response),
        repeat: toFiniteNumber(item.version) ?? undefined,
      };
    });
  },
};
