import { SCALE_HUNDRED } from '../normalize';
import { isJsonObject } from '../read/json';
import { forEachJsonItem } from '../read/jsonArray';
import type { Result } from '../result';
import type { ResultFormat } from './format';
import { depthsAreFractions, fractionDepthsNote } from './kit/depthUnit';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import { jsonDetect } from './kit/jsonHead';

/** The two axes of the text and the video variant. */
const AXES = [
  { length: 'Context Length', depth: 'Document Depth' },
  { length: 'Num. Frame', depth: 'Frame Depth' },
] as const;

/**
 * EasyContext `eval_needle.py` and its forks (LongVA, Gradient's Llama-3 evals): a JSON array of
 * pre-averaged cells `{"Context Length", "Document Depth" (0..100), "Score" (0..1)}`, or
 * `{"Num. Frame", "Frame Depth", "Score"}` for video. Each entry is a cell mean, not a trial.
 */
export const easyContext: ResultFormat = {
  id: 'easycontext',
  label: 'EasyContext / LongVA (JSON)',
  opens: 'json',

  detect: jsonDetect('[', (json) => {
    if (!json.names('Score')) return 0;
    return AXES.some((axes) => json.names(axes.length, axes.depth)) ? 0.95 : 0;
  }),

  async parse(source, sink) {
    const reading = new FileReading(source, sink);
    // Depths and scores are rescaled once the whole file has shown its ranges, so the entries
    // (one per cell, a few hundred at most) wait here until then.
    const entries: Entry[] = [];
    let video = false;
    const read = await forEachJsonItem(source, (value, index) => {
      const check = new RecordCheck(reading, { index });
      if (!isJsonObject(value)) return check.skip('not-object', 'not a JSON object');
      const axes = AXES.find((a) => a.length in value) ?? AXES[0];
      video ||= axes === AXES[1];
      const number = (name: string) =>
        check.number(name, value[name], `"${name}" ${given(value[name])} is not a number`);
      const lengthTokens = number(axes.length);
      if (lengthTokens === null) return;
      const depth = number(axes.depth);
      if (depth === null) return;
      const score = number('Score');
      if (score !== null) entries.push({ lengthTokens, depth, score, check });
    });
    if (!read.ok) return reading.fail(read.reason, read.line);

    // "Document Depth" does not say percent: the depth-unit rule decides.
    const fractions = depthsAreFractions(entries.map((e) => e.depth));
    const scale = scoreDivisor(entries.map((e) => e.score));
    if (!scale.ok) return reading.fail(scale.reason);
    const { divisor } = scale;
    for (const { lengthTokens, depth, score, check } of entries) {
      const depthPercent = fractions ? depth * 100 : depth;
      const meanScore = score / divisor;
      if (!check.placed(lengthTokens, depthPercent)) continue;
      if (meanScore < 0 || meanScore > 1) {
        check.skip('score-range', `"Score" ${score} is outside 0..1`);
        continue;
      }
      reading.summary({
        lengthTokens,
        ...(video ? { lengthUnit: 'frames' } : {}),
        depthPercent,
        n: 1,
        meanScore,
        source: { file: reading.file },
      });
    }
    reading.note(
      'the file holds pre-averaged cells (one mean per entry), so it has no pass rate, only means',
    );
    if (fractions) reading.note(fractionDepthsNote());
    if (divisor !== 1) reading.note(`scores read as percentages and divided by ${divisor}`);
    if (video) reading.note('video needle test: the length axis counts frames ("Num. Frame")');
    return reading.finish('entry', 'no entries in the file (an empty array)');
  },
};

interface Entry {
  lengthTokens: number;
  depth: number;
  score: number;
  /** The entry's checks, for messages that name its item. */
  check: RecordCheck;
}

/**
 * The divisor that brings the scores onto 0..1: 1, or 100 for forks that write percentages.
 * Whole numbers up to 10 are counts of passed tests (another fork), which cannot be normalised
 * without the number of tests per cell.
 */
function scoreDivisor(scores: readonly number[]): Result<{ divisor: number }> {
  let max = 0;
  let whole = true;
  for (const score of scores) {
    max = Math.max(max, score);
    whole &&= Number.isInteger(score);
  }
  if (max <= 1) return { ok: true, divisor: 1 };
  if (whole && max <= 10) {
    return {
      ok: false,
      reason: `"Score" holds whole numbers up to ${max}: counts of passed tests, which need the number of tests per cell to become a 0..1 score`,
    };
  }
  if (max <= SCALE_HUNDRED.top) return { ok: true, divisor: SCALE_HUNDRED.top };
  return { ok: false, reason: `"Score" goes up to ${max}: not on a 0..1 or 0..100 scale` };
}
