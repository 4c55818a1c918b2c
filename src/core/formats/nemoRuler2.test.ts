import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { loadFixtureFolder } from '../testing/fixtures';
import { nemoRuler } from './nemoRuler';
import { nemoRuler2 } from './nemoRuler2';

const row = (fields: Record<string, unknown>) =>
  JSON.stringify({
    index: 0,
    question: 'Which key holds the value? A) ... B) ...',
    expected_answer: ['B'],
    length: 130800,
    generation: 'The answer is B',
    ...fields,
  });

describe('NeMo-Skills RULERv2', () => {
  it('is claimed in its own folders only, never by the RULER reader', () => {
    const path = 'eval-results/ruler2.qwen_128k.qa_basic/output.jsonl';
    const head = row({ is_correct: 0.5 });
    expect(nemoRuler2.detect(path, head)).toBe(0.95);
    expect(nemoRuler.detect(path, head)).toBe(0);
    expect(nemoRuler2.detect('rows.jsonl', head)).toBe(0);
  });

  it('scores multiple-choice tasks by symbolic_correct, skipping rows without it', async () => {
    const path = 'eval-results/ruler2.qwen_128k/ruler2.qwen_128k.mk_niah_medium/output.jsonl';
    const text = [
      row({ symbolic_correct: true, is_correct: 0 }),
      row({ symbolic_correct: false, predicted_answer: null }),
      row({ is_correct: 1 }),
    ].join('\n');
    const result = await loadBatch([{ path, text }]);
    const cell = result.runs[0]?.cells[0];
    expect(cell).toMatchObject({ task: 'ruler2/mk_niah_medium', lengthTokens: 131072, n: 2 });
    expect(cellMean(cell!)).toBe(0.5);
    expect(result.runs[0]?.warnings.join('\n')).toMatch(
      /symbolic_correct missing is not true or false/,
    );
  });

  it.each([5, 1 << 20])(
    'gives the means worked by hand for the fixture (chunks of %i)',
    async (chunk) => {
      const { result } = await loadFixtureFolder('nemo-ruler2', chunk);
      const [big] = result.runs;
      const mean = (task: string) => cellMean(big!.cells.find((cell) => cell.task === task)!);
      // By hand: mv_niah_basic (0.6 + 0.9) / 2; mk_niah_hard symbolic (true, false, true) = 2 / 3.
      expect(mean('ruler2/mv_niah_basic')).toBeCloseTo((0.6 + 0.9) / 2, 12);
      expect(mean('ruler2/mk_niah_hard')).toBeCloseTo(2 / 3, 12);
    },
  );
});
