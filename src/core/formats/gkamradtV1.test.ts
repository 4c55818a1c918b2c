import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { gkamradtFile } from '../testing/factories';
import type { TextFile } from '../load';
import { expectOneRun } from '../testing/formatCases';
import { gkamradtV1 } from './gkamradtV1';

describe('gkamradt v1 detection', () => {
  it.each([
    ['per-test file', gkamradtFile({ length: 1000, depth: 0, score: 10 }), 0.95],
    [
      'GPT-4 original array',
      {
        path: 'OpenAI_OriginalResults.json',
        text: '[{"token_limit": 1000, "depth_percent": 0, "score": 10}]',
      },
      0.85,
    ],
    ['a CSV', { path: 'a.csv', text: 'context_length,depth_percent,score\n1,2,3' }, 0],
    [
      'JSON Lines of the same fields',
      {
        path: 'rows.txt',
        text: '{"context_length": 1000, "depth_percent": 0, "score": 1}\n{"context_length": 1000, "depth_percent": 50, "score": 0}\n',
      },
      0,
    ],
    [
      'LWM (correct, no score)',
      { path: 'a.json', text: '[{"context_length": 1, "depth_percent": 2, "correct": true}]' },
      0,
    ],
  ])('%s -> %s', async (_name, file: TextFile, confidence) => {
    expect(gkamradtV1.detect(file.path, file.text)).toBe(confidence);
  });
});

describe('gkamradt v1 parsing', () => {
  it('reads one object per file, score / 10, and averages repeats (the version field)', async () => {
    const result = await loadBatch([
      gkamradtFile({ length: 1000, depth: 50, score: 7, version: 1 }),
      gkamradtFile(
        { length: 1000, depth: 50, score: 10, version: 2 },
        'results/gpt-4_len_1000_depth_5000_2_results.json',
      ),
      gkamradtFile({ length: 2000, depth: 50, score: 3 }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.runs).toHaveLength(1);
    const run = result.runs[0]!;
    expect(run.name).toBe('gpt-4');
    expect(run.trialCount).toBe(3);
    expect(run.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n, cellMean(c)])).toEqual([
      [1000, 50, 2, 0.85],
      [2000, 50, 1, 0.3],
    ]);
    expect(run.details.map((d) => d.repeat)).toEqual([1, 2, 1]);
  });

  it('reads a JSON array of the same objects (A-Roucher) and float depths from sigmoid sweeps', async () => {
    const text = JSON.stringify([
      { model: 'm', context_length: 1000, depth_percent: 0.896, score: 10 },
      { model: 'm', context_length: 1000, depth_percent: 1.199, score: 5 },
      { model: 'm', context_length: 1000, depth_percent: 99.104, score: 1 },
    ]);
    const run = (await loadBatch([{ path: 'results_GPT4_RAG.json', text }])).runs[0]!;
    expect(run.depths).toEqual([0.896, 1.199, 99.104]);
    expect(run.cells.map(cellMean)).toEqual([1, 0.5, 0.1]);
  });

  it('reads the token_limit array of the original GPT-4 run, unnamed, as one run named after the file', async () => {
    const text =
      '[{"token_limit": 1000, "depth_percent": 0, "score": 10}, {"token_limit": 1000, "depth_percent": 7, "score": 1}]';
    const result = await loadBatch([{ path: 'OpenAI_OriginalResults.json', text }]);
    expect(result.runs.map((r) => r.name)).toEqual(['OpenAI_OriginalResults']);
    expect(result.runs[0]?.cells.map(cellMean)).toEqual([1, 0.1]);
  });

  it('reads FranxYao-style float scores on 0..10', async () => {
    const text = JSON.stringify({ context_length: 4096, depth_percent: 25.5, score: 8.75 });
    const run = (await loadBatch([{ path: 'x_len_4096_depth_2550_results.json', text }])).runs[0]!;
    expect(cellMean(run.cells[0]!)).toBeCloseTo(0.875, 12);
  });

  it('skips records it cannot place, saying how many and why', async () => {
    const text = JSON.stringify([
      { token_limit: 1000, depth_percent: 0, score: 10 },
      { token_limit: 1000, depth_percent: 10, score: 'n/a' },
      { token_limit: 1000, depth_percent: 20, score: 'n/a' },
      { token_limit: 1000, depth_percent: 130, score: 10 },
      { token_limit: 1000, depth_percent: 30, score: 12 },
    ]);
    await expectOneRun({ path: 'bad.json', text }, 1, [
      'bad.json: 2 records skipped (first at item 2: score "n/a" is not a number)',
      'bad.json: 1 record skipped (item 4: depth 130% is outside 0..100)',
      'bad.json: 1 record skipped (item 5: score 12 is outside 0..10)',
    ]);
  });

  it.each([
    ['truncated JSON', '[{"token_limit": 1000,\n "depth_percent": 0,\n', 3],
    ['an empty file', '', undefined],
    ['an empty array', '[]', undefined],
  ])('fails on %s, naming the file and the line', async (_name, text, line) => {
    const result = await loadBatch([
      {
        path: 'ok_len_1000_depth_0_results.json',
        text: gkamradtFile({ length: 1000, depth: 0, score: 10 }).text,
      },
      { path: 'broken.json', text },
    ]);
    expect(result.runs).toHaveLength(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.file).toBe('broken.json');
    expect(result.errors[0]?.line).toBe(line);
  });
});
