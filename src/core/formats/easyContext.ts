import { coordinateProblem, SCALE_HUNDRED, toFiniteNumber } from '../normalize';
import { forEachJsonItem, isJsonObject, trimmedHead } from '../read/json';
import type { Source } from '../source';
import { SkipLog } from '../warnings';
import { failure, type ParseOutcome, type RecordSink, type ResultFormat } from './format';

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

  detect(_path, head) {
    const start = trimmedHead(head);
    if (!start.startsWith('[') || !/"Score"\s*:/.test(start)) return 0;
    const has = (key: string) => new RegExp(`"${key.replace('.', '\\.')}"\\s*:`).test(start);
    return AXES.some((axes) => has(axes.length) && has(axes.depth)) ? 0.95 : 0;
  },

  parse(source, sink) {
    return parseEasyContext(source, sink);
  },
};

interface Entry {
  lengthTokens: number;
  depth: number;
  score: number;
  /** "item 3: ", for messages. */
  where: string;
}

/**
 * The divisor that brings the scores onto 0..1: 1, or 100 for forks that write percentages.
 * Whole numbers up to 10 are counts of passed tests (another fork), which cannot be normalised
 * without the number of tests per cell.
 */
function scoreDivisor(
  entries: readonly Entry[],
): { ok: true; divisor: number } | { ok: false; reason: string } {
  let max = 0;
  let whole = true;
  for (const { score } of entries) {
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

async function parseEasyContext(source: Source, sink: RecordSink): Promise<ParseOutcome> {
  const file = source.path;
  const skips = new SkipLog(file);
  // Depths and scores are rescaled once the whole file has shown its ranges, so the entries
  // (one per cell, a few hundred at most) wait here until then.
  const entries: Entry[] = [];
  let video = false;

  const read = await forEachJsonItem(source, (value, index) => {
    const where = index >= 0 ? `item ${index + 1}: ` : '';
    if (!isJsonObject(value)) {
      skips.skip('not-object', `${where}not a JSON object`);
      return;
    }
    const axes = AXES.find((a) => a.length in value) ?? AXES[0];
    video ||= axes === AXES[1];
    const lengthTokens = toFiniteNumber(value[axes.length]);
    const depth = toFiniteNumber(value[axes.depth]);
    const score = toFiniteNumber(value.Score);
    for (const [name, number] of [
      [axes.length, lengthTokens],
      [axes.depth, depth],
      ['Score', score],
    ] as const) {
      if (number === null) {
        const given = JSON.stringify(value[name]) ?? 'missing';
        skips.skip(`nan-${name}`, `${where}"${name}" ${given} is not a number`);
        return;
      }
    }
    if (lengthTokens === null || depth === null || score === null) return;
    entries.push({ lengthTokens, depth, score, where });
  });
  if (!read.ok) return failure(file, read.reason, read.line);

  // "Document Depth" does not say percent: values all within 0..1 are fractions (formats.md).
  const fractions = entries.every((e) => e.depth >= 0 && e.depth <= 1);
  const depthScale = fractions ? 100 : 1;
  const scale = scoreDivisor(entries);
  if (!scale.ok) return failure(file, scale.reason);
  const { divisor } = scale;

  let records = 0;
  for (const entry of entries) {
    const depthPercent = entry.depth * depthScale;
    const meanScore = entry.score / divisor;
    const problem =
      coordinateProblem(entry.lengthTokens, depthPercent) ??
      (meanScore < 0 || meanScore > 1
        ? { kind: 'score-range', detail: `"Score" ${entry.score} is outside 0..1` }
        : null);
    if (problem) {
      skips.skip(problem.kind, `${entry.where}${problem.detail}`);
      continue;
    }
    const { lengthTokens } = entry;
    const unit = video ? ({ lengthUnit: 'frames' } as const) : {};
    sink.summary({ lengthTokens, ...unit, depthPercent, n: 1, meanScore, source: { file } });
    records += 1;
  }

  if (records === 0) {
    return skips.nothingUsable('entry', 'no entries in the file (an empty array)');
  }
  const warnings = [
    ...skips.messages(),
    `${file}: the file holds pre-averaged cells (one mean per entry), so it has no pass rate, only means`,
  ];
  if (fractions && entries.some((e) => e.depth > 0)) {
    warnings.push(`${file}: depths all lie in 0..1, read as fractions of the document (x 100)`);
  }
  if (divisor !== 1) {
    warnings.push(`${file}: scores read as percentages and divided by ${divisor}`);
  }
  if (video) {
    warnings.push(`${file}: video needle test: the length axis counts frames ("Num. Frame")`);
  }
  return { ok: true, records, warnings };
}
