import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { loadFixtureFolder } from '../testing/fixtures';
import { babilong, babilongName } from './babilong';

const CFG = 'instruction_yes_examples_yes_post_prompt_yes_chat_template_no';
const DIR = 'babilong_evals/meta-llama/Llama-3.1-8B-Instruct';

describe('babilongName', () => {
  it.each([
    [`qa1_0k_${CFG}.csv`, 'qa1', 0],
    [`qa2_1k_${CFG}.csv`, 'qa2', 1000],
    [`qa10_512k_${CFG}.json`, 'qa10', 512_000],
    [`qa3_1M_${CFG}.csv`, 'qa3', 1_000_000],
    [`qa3_2M_${CFG}.csv`, 'qa3', 2_000_000],
    [`qa3_10M_${CFG}.csv`, 'qa3', 10_000_000],
  ])('%s: task %s, %d tokens', (name, task, lengthTokens) => {
    expect(babilongName(`${DIR}/${name}`)).toMatchObject({ task, lengthTokens, config: CFG });
  });

  it('is null for other names', () => {
    expect(babilongName('results.csv')).toBeNull();
  });
});

describe('BABILong', () => {
  it('opens the folder of one model in two prompt configurations as two task x length runs', async () => {
    const { result } = await loadFixtureFolder('babilong');
    expect(result.unmapped).toEqual([]);
    expect(result.runs.map((run) => run.lengths)).toEqual([
      [0, 1000, 4000, 128000],
      [0, 1000, 4000, 128000],
    ]);
    // Every sidecar was recognised and passed over: no note about it anywhere.
    expect(result.formats.every((f) => f.formatId === 'babilong')).toBe(true);
    expect(result.runs.flatMap((run) => run.warnings)).toEqual([]);
  });

  it('scores each answer and keeps it for the drill-down', async () => {
    const text = ',target,output,question\n0,none,none,How many?\n1,two,Two.,How many?\n';
    const { runs } = await loadBatch([{ path: `${DIR}/qa7_0k_${CFG}.csv`, text }]);
    expect(runs[0]?.name).toBe(`Llama-3.1-8B-Instruct · ${CFG}`);
    expect(runs[0]?.cells).toMatchObject([{ task: 'qa7', lengthTokens: 0, n: 2, sum: 1 }]);
    expect(runs[0]?.details.map((d) => [d.expected, d.response, d.score])).toEqual([
      ['none', 'none', 0],
      ['two', 'Two.', 1],
    ]);
  });

  it('passes over the settings sidecar quietly: ok, no records, no run', async () => {
    const result = await loadBatch([{ path: `${DIR}/qa1_0k_${CFG}.json`, text: '{"prompt": {}}' }]);
    expect(result).toMatchObject({ runs: [], errors: [] });
    expect(babilong.detect(`${DIR}/qa1_0k_${CFG}.json`, '{"prompt": {}}')).toBeGreaterThan(0.9);
  });

  it('still rejects a length of 0 in other formats', async () => {
    const text = 'context_length,depth_percent,score\n0,50,1\n1000,50,1\n';
    const { runs } = await loadBatch([{ path: 'tidy.csv', text }]);
    expect(runs[0]?.lengths).toEqual([1000]);
  });

  it('refuses a task it has no labels for', async () => {
    const text = ',target,output,question\n0,a,a,q\n';
    const { errors } = await loadBatch([{ path: `${DIR}/qa21_1k_${CFG}.csv`, text }]);
    expect(errors[0]?.reason).toMatch(/qa21 is not a BABILong task/);
  });
});
