import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { checkRun } from '../runCheck';
import { formatFixture } from '../testing/formatFixtures';
import { longBenchRunName, longBenchV2 } from './longBenchV2';

const files = formatFixture('longbench-v2');

/** Rows in one order whatever order the facets came in. */
const byText = (rows: unknown[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('LongBench v2', () => {
  it.each([
    ['results/gpt-4o.jsonl', 'gpt-4o'],
    ['results/gpt-4o_cot.jsonl', 'gpt-4o (cot)'],
    ['results/Qwen2.5-72B_no_context.jsonl', 'Qwen2.5-72B (no_context)'],
    ['results/glm-4-9b_rag_8.jsonl', 'glm-4-9b (rag_8)'],
  ])('names the run of %s "%s"', (path, name) => {
    expect(longBenchRunName(path)).toBe(name);
  });

  it('reads each prompt configuration as its own run, domains as rows, buckets as columns', async () => {
    const result = await loadBatch(files);
    expect(result.errors).toEqual([]);
    expect(result.formats.map((f) => f.formatId)).toEqual(['longbench-v2', 'longbench-v2']);
    const cot = result.runs.find((r) => r.name === 'gpt-4o (cot)');
    expect(result.runs.map((r) => r.name).sort()).toEqual(['gpt-4o', 'gpt-4o (cot)']);
    expect(cot?.lengths).toEqual([32_000, 128_000, 2_000_000]);
    expect(cot?.lengthLabels).toEqual({ 32000: 'short', 128000: 'medium', 2000000: 'long' });
    expect(cot?.tasks).toEqual(['Code Repository Understanding', 'Single-Document QA']);
    expect(cot?.depths).toEqual([]);
    expect(cot?.facetValues).toEqual({ difficulty: ['easy', 'hard'] });
    // Cells split by difficulty: (task, length, difficulty) -> n, mean; `pred` null counts 0.
    const cells = cot?.cells.map((c) => [
      c.task,
      c.lengthTokens,
      c.facets?.difficulty,
      c.n,
      cellMean(c),
    ]);
    expect(byText(cells ?? [])).toEqual(
      byText([
        ['Code Repository Understanding', 32_000, 'hard', 1, 1],
        ['Code Repository Understanding', 2_000_000, 'hard', 2, 0.5],
        ['Single-Document QA', 32_000, 'easy', 2, 0.5],
        ['Single-Document QA', 128_000, 'hard', 1, 1],
        ['Single-Document QA', 2_000_000, 'easy', 1, 0],
      ]),
    );
    const plain = result.runs.find((r) => r.name === 'gpt-4o');
    expect(plain?.lengthLabels).toEqual({ 32000: 'short', 128000: 'medium' });
  });

  it('keeps its length labels through the saved-run check, and refuses labels of other lengths', async () => {
    const [run] = (await loadBatch(files)).runs;
    expect(run).toBeDefined();
    if (!run) return;
    const saved = JSON.parse(JSON.stringify({ ...run, id: 'r' })) as unknown;
    const checked = checkRun(saved);
    expect(checked.ok && checked.value.lengthLabels).toEqual(run.lengthLabels);
    const forged = checkRun({ ...run, id: 'r', lengthLabels: { 5: 'x' } });
    expect(forged.ok).toBe(false);
  });

  it('skips rows without a known bucket or a judge, saying why', async () => {
    const text = [
      '{"_id": "1", "domain": "D", "difficulty": "easy", "length": "huge", "pred": "A", "judge": true}',
      '{"_id": "2", "domain": "D", "difficulty": "easy", "length": "short", "pred": "A", "judge": "yes"}',
      '{"_id": "3", "domain": "D", "difficulty": "easy", "length": "short", "pred": "A", "judge": true}',
    ].join('\n');
    const result = await loadBatch([{ path: 'results/m.jsonl', text }]);
    expect(result.runs[0]?.trialCount).toBe(1);
    expect(result.runs[0]?.warnings.join('\n')).toMatch(
      /length "huge" is not short, medium or long/,
    );
    expect(result.runs[0]?.warnings.join('\n')).toMatch(/judge "yes" is not true or false/);
  });

  it('claims files that start as its rows do, and no others', () => {
    expect(
      longBenchV2.detect('results/m.jsonl', '{"_id": "66f", "domain": "D", "judge": true}'),
    ).toBe(0.95);
    expect(longBenchV2.detect('results/m.jsonl', '{"id": 1, "domain": "D"}')).toBe(0);
  });
});
