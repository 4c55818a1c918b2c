import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { fixtureFiles } from '../testing/fixtures';
import { formatFixture } from '../testing/formatFixtures';
import { nemoMetrics } from './nemoMetrics';

const METRICS = '{\n  "ruler.llama_128k.vt": {\n    "pass@1": {\n      "num_entries": 3,';

describe('NeMo-Skills metrics.json', () => {
  it.each([
    ['eval-results/ruler.llama_128k/metrics.json', METRICS, 0.95],
    ['metrics.json', '{"mrcr": {"pass@1[avg-of-4]": {"accuracy": 40}}}', 0.85],
    ['eval-results/metrics.json', '{"accuracy": 40}', 0],
    ['eval-results/summary.json', METRICS, 0],
  ])('%s -> %s', (path, head, confidence) => {
    expect(nemoMetrics.detect(path, head)).toBe(confidence);
  });

  it('is passed over quietly beside the outputs: no run, no error, no note', async () => {
    const result = await loadBatch([
      ...formatFixture('nemo-metrics'),
      ...fixtureFiles('nemo-mrcr'),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.runs.map((run) => [run.name, run.warnings])).toEqual([['nemo-mrcr', []]]);
    expect(result.formats.filter((f) => f.formatId === 'nemo-metrics')).toHaveLength(2);
  });
});
