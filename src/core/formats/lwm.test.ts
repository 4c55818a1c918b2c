import { NULL_SINK } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import { expectFailureStartingWith, expectOneRun } from '../testing/formatCases';
import { loadFixtureFolder } from '../testing/fixtures';
import { correctScore, lwm } from './lwm';

/** One LWM result; tests name what they are about. */
function result(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    context_length: 1000,
    depth_percent: 50,
    response: 'The special magic number is 12345.',
    answer: '12345',
    correct: true,
    seed: 0,
    ...fields,
  };
}

describe('LWM detection', () => {
  it.each([
    ['the full shape', JSON.stringify([result()]), 0.95],
    ['no answer or seed', '[{"context_length": 1, "depth_percent": 2, "correct": true}]', 0.85],
    ['a gkamradt v1 array', '[{"context_length": 1, "depth_percent": 2, "score": 10}]', 0],
    ['JSON Lines', `${JSON.stringify(result())}\n`, 0],
  ])('%s -> %s', async (_name, head, confidence) => {
    expect(lwm.detect('results.json', head)).toBe(confidence);
  });
});

describe('LWM parsing', () => {
  it('keeps the answer, response and seed for the drill-down', async () => {
    const { result: loaded } = await loadFixtureFolder('lwm');
    const [first] = loaded.runs[0]!.details;
    expect([first?.expected, first?.response, first?.repeat, first?.score]).toEqual([
      '70100',
      'The special magic number is 70100.',
      0,
      1,
    ]);
  });

  it.each([
    [true, 1],
    [false, 0],
    [1, 1],
    [0, 0],
    ['True', 1],
    ['False', 0],
    [' true ', 1],
    ['1', 1],
    ['0', 0],
    ['NaN', null],
    ['yes', null],
    [0.5, null],
    [null, null],
  ])('correct %j scores %s', async (correct, score) => {
    expect(correctScore(correct)).toBe(score);
  });

  it('reads depth_percent as percent even when every depth lies in 0..1 (its name says percent)', async () => {
    const text = JSON.stringify([result({ depth_percent: 0.5 }), result({ depth_percent: 1 })]);
    const run = (await loadBatch([{ path: 'r.json', text }])).runs[0]!;
    expect(run.depths).toEqual([0.5, 1]);
  });

  it('skips results it cannot score, Python NaN among them, saying how many and why', async () => {
    const text = `[${[
      JSON.stringify(result()),
      JSON.stringify(result({ correct: 'False', seed: 1 })),
      JSON.stringify(result({ seed: 2 })).replace('"correct":true', '"correct":NaN'),
      JSON.stringify(result({ correct: 'maybe' })),
      JSON.stringify(result({ context_length: 'NaN' })),
      JSON.stringify(result({ depth_percent: -1 })),
    ].join(',\n')}]`;
    const run = await expectOneRun({ path: 'bad.json', text }, 2, [
      'bad.json: 2 records skipped (first at item 3: correct "NaN" is not true or false)',
      'bad.json: 1 record skipped (item 5: context_length "NaN" is not a number)',
      'bad.json: 1 record skipped (item 6: depth -1% is outside 0..100)',
    ]);
    expect(cellMean(run!.cells[0]!)).toBe(0.5);
  });

  it.each([
    ['an empty file', '', 'the file is empty', undefined],
    ['an empty array', '[]', 'no results in the file (an empty array)', undefined],
    ['a cut file', '[{"context_length": 1000,\n "depth_percent": 0,\n "corr', 'not valid JSON', 3],
    [
      'only unscorable results',
      JSON.stringify([result({ correct: null })]),
      'no usable result: item 1: correct null is not true or false',
      undefined,
    ],
  ])('fails on %s with the reason and line', async (_name, body, reason, line) => {
    const outcome = await lwm.parse(textSource('f.json', body, 3), NULL_SINK);
    expectFailureStartingWith(outcome, reason, line);
  });

  it('reports a cut file through the loader, naming file and line', async () => {
    const text = `${JSON.stringify([result()]).slice(0, -2)}`;
    const loaded = await loadBatch([{ path: 'cut.json', text }], 3);
    expect(loaded.runs).toEqual([]);
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]).toMatchObject({ file: 'cut.json', line: 1 });
    expect(loaded.errors[0]?.reason).toMatch(/^not valid JSON/);
  });
});
