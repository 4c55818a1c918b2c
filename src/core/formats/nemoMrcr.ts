import { optionalText } from '../normalize';
import { forEachJsonLine } from '../read/jsonLines';
import { baseName, type ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { FileReading } from './kit/reading';
import { isChunkFile, nemoConfidence, powerOfTwoAbove } from './nemoRuler';

/** `eval-results/mrcr/output.jsonl` or `output-rs<seed>.jsonl` (a `mrcr.<suffix>` folder too). */
const MRCR_OUTPUT = /(?:^|\/)eval-results\/mrcr(?:\.[^/]+)?\/output[^/]*\.jsonl$/i;

/**
 * NVIDIA NeMo-Skills MRCR (OpenAI's multi-round coreference) outputs: one row per sample
 * scored by `seq_match_ratio` (0..1). The column is the `n_tokens` bin of OpenAI's power-of-two
 * bins, given by its top 2^(⌊log2 n⌋+1) (8K … 1M); task `mrcr/<n_needles>-needle`; no depth.
 */
export const nemoMrcr: ResultFormat = {
  id: 'nemo-mrcr',
  label: 'NeMo-Skills MRCR (JSONL)',
  opens: 'json',

  detect(path, head) {
    return nemoConfidence(path, MRCR_OUTPUT.test(path), head, /"seq_match_ratio"\s*:/);
  },

  async parse(source, sink) {
    const reading = new FileReading(source, sink);
    const { file } = reading;
    if (isChunkFile(file)) return { ok: true, records: 0, warnings: [] };
    const seed = /^output-rs(\d+)\.jsonl$/i.exec(baseName(file))?.[1];
    const read = await forEachJsonLine(source, reading.skips, (row, line) => {
      const check = new RecordCheck(reading, { line });
      const tokens = check.number('n_tokens', row.n_tokens);
      if (tokens === null) return;
      if (tokens < 1) return check.skip('n_tokens', `n_tokens ${tokens} is not positive`);
      const needles = check.count(
        'n_needles',
        row.n_needles,
        `n_needles ${given(row.n_needles)} is not a needle count`,
      );
      if (needles === null) return;
      const score = check.number('seq_match_ratio', row.seq_match_ratio);
      if (score === null || !check.inRange('seq_match_ratio', score, 1)) return;
      const lengthTokens = powerOfTwoAbove(tokens);
      if (!check.placed(lengthTokens, null)) return;
      reading.trial({
        lengthTokens,
        depthPercent: null,
        task: `mrcr/${needles}-needle`,
        score,
        expected: optionalText(row.expected_answer),
        response: optionalText(row.generation),
        repeat: seed === undefined ? undefined : Number(seed),
        source: { file, line },
      });
    });
    return reading.finish('row', read.lines === 0 ? 'the file is empty' : 'no rows');
  },
};
