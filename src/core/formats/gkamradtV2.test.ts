import { readFileSync } from 'node:fs';
import { failedOutcome, NULL_SINK } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import { loadFixtureFolder } from '../testing/fixtures';
import { expectOneRun } from '../testing/formatCases';
import { gkamradtV2 } from './gkamradtV2';

/** Chunk sizes that cut through lines, strings and numbers. */
const CHUNKS = [3, 7, 64, 1 << 20];

/** One v2 row; tests name what they are about. */
function row(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schema_version: 2,
    run_name: 'sweep',
    model_id: 'model-a',
    task_type: 'single',
    context_length: 1000,
    target_depth_percent: 50,
    recipe: {
      needle_placements: [{ text: 'The fruit is a mango.', insertion_token_index: 500 }],
      final_context_token_count: 1000,
    },
    expected_answer: 'mango',
    response: 'A mango.',
    score: { value: 1, details: {} },
    status: 'ok',
    error: null,
    seed: 0,
    ...fields,
  });
}

const jsonl = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('gkamradt v2 detection', () => {
  it.each([
    ['schema_version 2 on the first line', 'run.jsonl', jsonl(row()), 0.95],
    [
      'v2 fields in another order, no schema_version',
      'run.jsonl',
      '{"task_type": "single", "context_length": 1000, "target_depth_percent": 0}\n',
      0.6,
    ],
    ['another schema version', 'run.jsonl', jsonl(row({ schema_version: 3 })), 0],
    [
      'a pretty-printed JSON summary',
      'summary.json',
      '{\n  "schema_version": 2,\n  "runs": []\n}',
      0,
    ],
  ])('%s -> %s', async (_name, path, text, confidence) => {
    expect(gkamradtV2.detect(path, text)).toBe(confidence);
  });
});

describe('gkamradt v2 parsing', () => {
  it('counts failed calls apart, names the tasks and says how many calls failed', async () => {
    const { result } = await loadFixtureFolder('gkamradt-v2');
    const run = result.runs.find((r) => r.name === 'haiku-sweep')!;
    expect(run.tasks).toEqual(['multi', 'single']);
    expect(run.trialCount).toBe(8);
    const cell = run.cells.find(
      (c) => c.task === 'single' && c.lengthTokens === 2000 && c.depthPercent === 50,
    )!;
    expect([cell.n, cell.failedCalls, cellMean(cell)]).toEqual([1, 1, 0]);
    expect(run.warnings).toEqual([
      'gkamradt-v2/haiku-sweep.jsonl: 1 failed call (status "error") counted apart, not as scores (first at line 7: 429 Too Many Requests: rate limit exceeded)',
    ]);
  });

  it('keeps needles, expected answer, response, seed and line for the drill-down', async () => {
    const text = jsonl(
      row({ seed: 3 }),
      row({
        task_type: 'multi',
        expected_answer: ['mango', 'teal'],
        recipe: { needle_placements: [{ text: 'one' }, { text: 'two' }] },
        score: { value: 0.5 },
      }),
    );
    const run = (await loadBatch([{ path: 'r.jsonl', text }])).runs[0]!;
    expect(
      run.details.map((d) => [
        d.task,
        d.needle,
        d.expected,
        d.response,
        d.repeat,
        d.source.line,
        d.score,
      ]),
    ).toEqual([
      ['single', 'The fruit is a mango.', 'mango', 'A mango.', 3, 1, 1],
      ['multi', 'one\ntwo', 'mango, teal', 'A mango.', 0, 2, 0.5],
    ]);
  });

  it('makes one run per run_name, else per model_id, in one file', async () => {
    const text = jsonl(
      row({ run_name: 'first' }),
      row({ run_name: 'second', score: { value: 0 } }),
      row({ run_name: undefined, model_id: 'model-b' }),
      row({ run_name: 'first', context_length: 2000 }),
    );
    const result = await loadBatch([{ path: 'mixed.jsonl', text }]);
    expect(result.runs.map((r) => [r.name, r.trialCount])).toEqual([
      ['first', 2],
      ['second', 1],
      ['model-b', 1],
    ]);
  });

  it('skips rows it cannot score, Python NaN among them, saying how many and where', async () => {
    const text = [
      row(),
      row({ seed: 1 }).replace('"value":1', '"value":NaN'),
      row({ seed: 2 }).replace('"value":1', '"value":NaN'),
      row({ context_length: 'NaN' }),
      row({ target_depth_percent: 130 }),
      row({ score: { value: 7 } }),
      row({ schema_version: 1 }),
      '[1, 2]',
      '',
      row({ seed: 9 }),
    ].join('\r\n');
    await expectOneRun({ path: 'bad.jsonl', text }, 2, [
      'bad.jsonl: 2 records skipped (first at line 2: score.value "NaN" is not a number)',
      'bad.jsonl: 1 record skipped (line 4: context_length "NaN" is not a number)',
      'bad.jsonl: 1 record skipped (line 5: depth 130% is outside 0..100)',
      'bad.jsonl: 1 record skipped (line 6: score.value 7 is outside 0..1)',
      'bad.jsonl: 1 record skipped (line 7: schema_version 1 is not 2)',
      'bad.jsonl: 1 record skipped (line 8: not a JSON object)',
    ]);
  });

  it.each(CHUNKS)(
    'reads a file cut short up to its last whole row (chunks of %d)',
    async (chunk) => {
      const text = jsonl(row(), row({ seed: 1 })) + row({ seed: 2 }).slice(0, 80);
      const result = await loadBatch([{ path: 'cut.jsonl', text }], chunk);
      expect(result.runs[0]?.trialCount).toBe(2);
      expect(result.runs[0]?.warnings).toEqual([
        'cut.jsonl: 1 record skipped (line 3: the last line is not complete JSON: the file looks cut short)',
      ]);
    },
  );

  it.each([
    ['an empty file', '', 'the file has no rows', undefined],
    ['only blank lines', '\n\n', 'the file has no rows', undefined],
    [
      'one row cut short',
      row().slice(0, 60),
      'no usable row: the last line is not complete JSON: the file looks cut short',
      1,
    ],
    [
      'only failed calls',
      jsonl(row(), row({ status: 'error', score: null, error: 'timeout' })).replace(/^.*\n/, ''),
      'no scored row, only failed calls (status "error": 1; first: timeout)',
      1,
    ],
    [
      'only unscorable rows',
      jsonl(row({ score: null })),
      'no usable row: score.value null is not a number',
      1,
    ],
  ])('fails on %s with the reason and line', async (_name, text, reason, line) => {
    const outcome = await gkamradtV2.parse(textSource('f.jsonl', text), NULL_SINK);
    expect(outcome).toEqual(failedOutcome('f.jsonl', reason, line));
  });

  it('takes error objects apart for their message', async () => {
    const text = jsonl(
      row(),
      row({ status: 'error', score: null, error: { message: 'overloaded' } }),
    );
    const run = (await loadBatch([{ path: 'e.jsonl', text }])).runs[0]!;
    expect(run.cells[0]?.failedCalls).toBe(1);
    expect(run.warnings[0]).toContain('(first at line 2: overloaded)');
  });
});

describe('gkamradt needle-in-a-haystack 2.0.0', () => {
  const path = 'results/sonnet-2-0-0.jsonl';
  const text = readFileSync(
    new URL('../../../e2e/fixtures/gkamradt-2.0.0/results/sonnet-2-0-0.jsonl', import.meta.url),
    'utf8',
  );

  it('is claimed as v2 from its first line', () => {
    expect(gkamradtV2.detect(path, text.slice(0, 4000))).toBe(0.95);
  });

  it('reads its rows (new fields, a null seed), counts failed calls apart and skips a cut last line', async () => {
    const result = await loadBatch([{ path, text }]);
    expect(result.errors).toEqual([]);
    const run = result.runs[0]!;
    expect(run.name).toBe('sonnet-2-0-0');
    expect(
      run.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n, c.failedCalls, c.sum]),
    ).toEqual([
      [1000, 0, 2, 0, 1],
      [1000, 50, 1, 0, 0],
      [2000, 0, 1, 0, 1],
      [2000, 50, 0, 1, 0],
    ]);
    expect(run.details.find((d) => d.source.line === 5)?.repeat).toBeUndefined();
    expect(run.details.find((d) => d.source.line === 3)?.repeat).toBe(2);
    expect(run.warnings.join('\n')).toMatch(
      /line 6: the last line is not complete JSON: the file looks cut short/,
    );
    expect(run.warnings.join('\n')).toMatch(/1 failed call .* rate limited/);
  });
});
