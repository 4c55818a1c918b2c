import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { loadFixtureFolder } from '../testing/fixtures';
import { nemoMrcr } from './nemoMrcr';
import { powerOfTwoAbove } from './nemoRuler';

const PATH = 'out/eval-results/mrcr/output.jsonl';
const row = (fields: Record<string, unknown>) =>
  JSON.stringify({
    messages: [{ role: 'user', content: 'write a poem about tapirs' }],
    expected_answer: 'aZ3Tapirs ...',
    random_string_to_prepend: 'aZ3',
    n_needles: 2,
    desired_msg_index: 5,
    total_messages: 40,
    n_chars: 20000,
    n_tokens: 5000,
    generation: 'aZ3Tapirs ...',
    seq_match_ratio: 1,
    ...fields,
  });

describe('NeMo-Skills MRCR', () => {
  it.each([
    [4097, 8192],
    [8191, 8192],
    [8192, 16384],
    [700000, 1048576],
  ])('n_tokens %i falls in the bin topped by %i', (tokens, top) => {
    expect(powerOfTwoAbove(tokens)).toBe(top);
  });

  it.each([
    [PATH, row({}), 0.95],
    ['eval-results/mrcr/output-rs0.jsonl', '{"messages": [{"role": "user", "content": "xx', 0.9],
    ['rows.jsonl', row({}), 0.8],
    ['eval-results/ruler.llama_128k.vt/output.jsonl', row({}), 0],
  ])('detects %s at %s', (path, head, confidence) => {
    expect(nemoMrcr.detect(path, head)).toBe(confidence);
  });

  it('bins n_tokens, tasks by needle count, skips a bad ratio', async () => {
    const text = [
      row({ n_tokens: 9000, seq_match_ratio: 0.25 }),
      row({ n_tokens: 16000, seq_match_ratio: 0.75 }),
      row({ n_needles: 8, seq_match_ratio: 0 }),
      row({ seq_match_ratio: 1.5 }),
    ].join('\n');
    const result = await loadBatch([{ path: PATH, text }]);
    const cells = result.runs[0]?.cells ?? [];
    expect(cells.map((c) => [c.task, c.lengthTokens, c.n])).toEqual([
      ['mrcr/2-needle', 16384, 2],
      ['mrcr/8-needle', 8192, 1],
    ]);
    expect(cellMean(cells[0]!)).toBe(0.5);
    expect(result.runs[0]?.warnings.join('\n')).toMatch(/seq_match_ratio 1.5 is outside 0..1/);
  });

  it.each([5, 1 << 20])(
    'gives the means worked by hand for the fixture (chunks of %i)',
    async (chunk) => {
      const { result } = await loadFixtureFolder('nemo-mrcr', chunk);
      const mean = (task: string, length: number) =>
        cellMean(result.runs[0]!.cells.find((c) => c.task === task && c.lengthTokens === length)!);
      // By hand: 2 needles at 5000 and 7000 tokens (1, 0.5); 4 needles at 12000 and 15000 (0.4, 0).
      expect(mean('mrcr/2-needle', 8192)).toBe(0.75);
      expect(mean('mrcr/4-needle', 16384)).toBeCloseTo(0.2, 12);
    },
  );
});
