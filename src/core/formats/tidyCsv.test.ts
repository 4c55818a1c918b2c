import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { csvFile } from '../testing/factories';
import { expectOneRun } from '../testing/formatCases';
import { tidyCsv } from './tidyCsv';

const HEADER = 'context_length,depth_percent,score';

describe('tidy CSV detection', () => {
  it.each([
    ['results.csv', `${HEADER}\n1000,0,1`, 0.9],
    ['results.tsv', 'context_length\tdepth_percent\tscore\tmodel\n1000\t0\t1\tm', 0.9],
    ['results.csv', 'Model, Context_Length ,Depth_Percent,Score\nm,1,2,3', 0.9],
    ['results.csv', 'length,depth,score\n1,2,3', 0],
    ['results.json', '{"context_length": 1}', 0],
  ])('%s %j -> %s', async (path, text, confidence) => {
    expect(tidyCsv.detect(path, text)).toBe(confidence);
  });
});

describe('tidy CSV parsing', () => {
  it.each([
    ['0..1', [0, 1, 1], [0.5, 1]],
    ['1..10', [3, 10, 10], [0.65, 1]],
    ['0..100', [50, 100, 100], [0.75, 1]],
  ])('infers the %s scale from the values', async (_label, scores, means) => {
    const file = csvFile('s.csv', HEADER, [
      [1000, 0, scores[0]!],
      [1000, 0, scores[1]!],
      [2000, 0, scores[2]!],
    ]);
    const result = await loadBatch([file]);
    expect(result.runs[0]?.cells.map(cellMean)).toEqual(means);
  });

  it('says when it divided scores by the top of a scale', async () => {
    const run = (await loadBatch([csvFile('s.csv', HEADER, [[1000, 0, 7]])])).runs[0]!;
    expect(run.warnings).toEqual([
      's.csv: scores read on the 1..10 scale (highest 7) and divided by 10',
    ]);
  });

  it('warns when a file mixes score scales', async () => {
    const run = (
      await loadBatch([
        csvFile('m.csv', HEADER, [
          [1000, 0, 0.5],
          [1000, 50, 7],
        ]),
      ])
    ).runs[0]!;
    expect(run.warnings[0]).toBe(
      'm.csv: scores mix scales: 1 between 0 and 1 (first 0.5) beside scores up to 7; all were read on the 1..10 scale, so check the file',
    );
  });

  it('groups rows by model into one run each', async () => {
    const result = await loadBatch([
      csvFile('m.csv', `model,${HEADER}`, [
        ['a', 1000, 0, 1],
        ['b', 1000, 0, 0],
        ['a', 2000, 0, 1],
      ]),
    ]);
    expect(result.runs.map((r) => [r.name, r.trialCount])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('keeps needle, expected and response, with the line each trial starts on through quoted line breaks', async () => {
    const text = `${HEADER},needle,expected,response\n1000,0,1,"n1","e1","two\nlines"\n2000,50,0,n2,e2,r2\n`;
    const run = (await loadBatch([{ path: 'q.csv', text }])).runs[0]!;
    expect(run.details.map((d) => [d.source.line, d.response, d.needle, d.expected])).toEqual([
      [2, 'two\nlines', 'n1', 'e1'],
      [4, 'r2', 'n2', 'e2'],
    ]);
  });

  it('skips rows with non-numeric or out-of-range values, naming the first line', async () => {
    const text = `${HEADER}\n1000,0,1\n1000,10,abc\n\n1000,20,\n0,30,1\n1000,-5,1\n`;
    await expectOneRun({ path: 'bad.csv', text }, 1, [
      'bad.csv: 2 records skipped (first at line 3: score "abc" is not a number)',
      'bad.csv: 1 record skipped (line 6: context length 0 is not positive)',
      'bad.csv: 1 record skipped (line 7: depth -5% is outside 0..100)',
    ]);
  });

  it.each([
    [
      // With a length and a score but no depth it would be a depth-less generic table.
      'a missing column',
      'context_length,notes\n1000,fine\n',
      'not a known NIAH result format: a table needs context_length, depth_percent and score columns; this one has context_length, notes',
      1,
    ],
    ['no rows', `${HEADER}\n`, 'no rows under the header', undefined],
    ['only bad rows', `${HEADER}\n1000,0,x\n`, 'no usable row: score "x" is not a number', 2],
    [
      'scores beyond 100',
      `${HEADER}\n1000,0,250\n`,
      'scores range from 250 to 250: not on a 0..1, 1..10 or 0..100 scale',
      undefined,
    ],
  ])('fails on %s', async (_name, text, reason, line) => {
    const result = await loadBatch([{ path: 'f.csv', text }]);
    expect(result.runs).toEqual([]);
    expect(result.errors).toEqual([
      line === undefined ? { file: 'f.csv', reason } : { file: 'f.csv', line, reason },
    ]);
  });
});
