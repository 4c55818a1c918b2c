import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import { NULL_SINK } from '../testing/factories';
import { loadFixtureFolder } from '../testing/fixtures';
import { itDetects } from '../testing/formatCases';
import { helmet, helmetName, helmetScoreKey } from './helmet';

const SETTINGS = 'shots2_sampFalsemax100min0t0.0p1.0_chatFalse_42';
const KV = `output/llama/json_kv_eval_test_k50_dep6_in8192_size2_${SETTINGS}.json`;

/** One HELMET output of `data` items for `dataset`; tests name what they are about. */
function output(dataset: string, data: Record<string, unknown>[]): string {
  const args = { config: 'configs/recall.yaml', datasets: dataset, input_max_length: 40960 };
  return JSON.stringify({ args, data, metrics: {}, averaged_metrics: {} }, null, 4);
}

describe('HELMET detection', () => {
  itDetects(helmet, [
    ['an output under its name', KV, output('json_kv', []), 0.97],
    ['an output under another name', 'kv.json', output('json_kv', []), 0.6],
    ['its .score sidecar', `${KV}.score`, '{\n    "substring_exact_match": 50.0\n}', 0.95],
    ['a .score of another name', 'x.json.score', '{"a": 1}', 0],
    ['another JSON object', KV, '{"results": {}}', 0],
  ]);
});

describe('HELMET parsing', () => {
  it('passes over the .score sidecars of the fixture folder quietly', async () => {
    const { result } = await loadFixtureFolder('helmet');
    expect(result.runs.flatMap((run) => run.warnings)).toEqual([]);
  });

  it('reads the settings of the file name', () => {
    expect(helmetName(KV)).toEqual({
      lengthTokens: 8192,
      shots: 2,
      sampled: false,
      temperature: '0.0',
      topP: '1.0',
      chat: false,
      seed: 42,
    });
  });

  it.each([
    ['ruler_niah_mk_2', 'ruler_recall'],
    ['ruler_cwe', 'ruler_recall'],
    ['ruler_qa_1', 'substring_exact_match'],
    ['json_kv', 'substring_exact_match'],
    ['kilt_nq', 'substring_exact_match'],
  ])('scores %s by %s', (dataset, key) => {
    expect(helmetScoreKey(dataset)).toBe(key);
  });

  it('takes the length from in<L>, the depth ×100 for JSON KV and none for RULER', async () => {
    const kv = output('json_kv', [
      { depth: 0.4, substring_exact_match: true },
      { depth: 0.4, substring_exact_match: false },
    ]);
    const ruler = output('ruler_niah_mk_2', [{ ruler_recall: 0.5 }, { ruler_recall: 1 }]);
    const rulerPath = `output/llama/ruler_niah_mk_2_eval_validation_8192_in8192_size2_${SETTINGS}.json`;
    const loaded = await loadBatch([
      { path: KV, text: kv },
      { path: rulerPath, text: ruler },
    ]);
    expect(loaded.errors).toEqual([]);
    const [run] = loaded.runs;
    const cells = run?.cells.map((c) => [c.task, c.lengthTokens, c.depthPercent, c.n, cellMean(c)]);
    expect(run?.name).toBe('llama');
    expect(cells).toEqual([
      ['json_kv', 8192, 40, 2, 0.5],
      ['ruler_niah_mk_2', 8192, null, 2, 0.75],
    ]);
  });

  it('keeps runs of other settings apart, named by what differs from the defaults', async () => {
    const item = { depth: 0, substring_exact_match: true };
    const chat = KV.replace('shots2', 'shots0').replace('chatFalse', 'chatTrue');
    const loaded = await loadBatch([
      { path: KV, text: output('json_kv', [item]) },
      { path: chat, text: output('json_kv', [item]) },
    ]);
    expect(loaded.runs.map((run) => run.name)).toEqual(['llama', 'llama (0 shots, chat template)']);
  });

  it('takes the dataset of a comma list that the file name starts with', async () => {
    const text = output('ruler_niah_mk_2,json_kv', [{ depth: 1, substring_exact_match: true }]);
    const [run] = (await loadBatch([{ path: KV, text }])).runs;
    expect(run?.tasks).toEqual(['json_kv']);
  });

  it('skips items without their score, saying why', async () => {
    const text = output('json_kv', [
      { depth: 0, substring_exact_match: true },
      { depth: 0, substring_exact_match: 'yes' },
      { substring_exact_match: true },
    ]);
    const [run] = (await loadBatch([{ path: KV, text }])).runs;
    expect(run?.trialCount).toBe(1);
    expect(run?.warnings).toEqual([
      `${KV}: 1 record skipped (item 2: substring_exact_match "yes" is not a score in 0..1)`,
      `${KV}: 1 record skipped (item 3: depth missing is not a number)`,
    ]);
  });

  it('passes over the .score sidecar: read, no record, no note', async () => {
    const outcome = await helmet.parse(textSource(`${KV}.score`, '{"x": 1}'), NULL_SINK);
    expect(outcome).toEqual({ ok: true, records: 0, warnings: [] });
    const loaded = await loadBatch([{ path: `${KV}.score`, text: '{"x": 1}' }]);
    expect([loaded.runs, loaded.errors]).toEqual([[], []]);
  });
});
