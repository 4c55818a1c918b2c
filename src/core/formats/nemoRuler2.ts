import type { ResultFormat } from './format';
import { given } from './kit/fields';
import {
  isChunkIn,
  isCorrectScore,
  nemoConfidence,
  nemoPlace,
  readNemoRows,
  type RowScore,
} from './nemoRuler';

/** RULERv2's multiple-choice tasks, graded by `symbolic_correct` rather than `is_correct`. */
const MULTIPLE_CHOICE = /(?:^|\/)ruler2\.[^/]+\.mk_niah_(?:medium|hard)\/[^/]+$/;

/** `symbolic_correct`, whether the chosen letter is right: 1 or 0. */
const symbolicScore: RowScore = (row, check) => {
  if (typeof row.symbolic_correct === 'boolean') return row.symbolic_correct ? 1 : 0;
  return check.skip(
    'symbolic_correct',
    `symbolic_correct ${given(row.symbolic_correct)} is not true or false`,
  );
};

/**
 * NVIDIA NeMo-Skills RULERv2 outputs: `eval-results/ruler2.<setup>.<task>/output*.jsonl`, the
 * RULER layout and fields, each item scored max(substring hit, 1 − word error rate), so
 * `is_correct` is fractional; `mk_niah_medium|hard` are multiple choice, scored by
 * `symbolic_correct`. Task `ruler2/<task>`, one run per setup, no depth.
 */
export const nemoRuler2: ResultFormat = {
  id: 'nemo-ruler2',
  label: 'NeMo-Skills RULERv2 (JSONL)',
  opens: 'json',

  detect(path, head) {
    const inLayout = nemoPlace(path, 'ruler2') !== null || isChunkIn(path, 'ruler2');
    // Outside the layout its rows look like RULER's: only the RULER reader claims them.
    return inLayout ? nemoConfidence(path, true, head, /"is_correct"\s*:/) : 0;
  },

  parse(source, sink) {
    const score = MULTIPLE_CHOICE.test(source.path) ? symbolicScore : isCorrectScore;
    return readNemoRows(source, sink, 'ruler2', score);
  },
};
