import { failedOutcome, NULL_SINK } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import { itDetects } from '../testing/formatCases';
import type { RecordSink } from './format';
import { wideTable } from './wideTable';

/** Chunk sizes that cut through rows, quotes and line ends. */
const CHUNKS = [3, 7, 64, 1 << 20];

const ignore: RecordSink = NULL_SINK;

/** The cells of a one-run load as [length, depth, n, mean]. */
async function cellsOf(text: string, path = 'wide.csv') {
  const result = await loadBatch([{ path, text }]);
  expect(result.errors).toEqual([]);
  const run = result.runs[0]!;
  return { run, cells: run.cells.map((c) => [c.lengthTokens, c.depthPercent, c.n, cellMean(c)]) };
}

describe('wide table detection', () => {
  itDetects(wideTable, [
    ['an empty corner', 'gpt4.csv', ',1000,2000\n0,1,1\n', 0.8],
    ['a named corner, tabs', 'pasted.tsv', 'depth\t1000\t2000\n50\t7\t10\n', 0.8],
    ['quoted lengths, no extension', 'sheet', '"Depth %","1000","2000"\n"0.0","1","1"\n', 0.7],
    ['one length only', 'w.csv', ',1000\n0,1\n', 0],
    ['lengths not ascending', 'w.csv', ',2000,1000\n0,1,1\n', 0],
    ['a length that is not whole', 'w.csv', ',1000,1500.5\n0,1,1\n', 0],
    ['a first column of names', 'w.csv', 'task,1000,2000\nvt,1,1\n', 0],
    ["RULER's summary.csv", 'summary.csv', '0,1,2\nTasks,vt,cwe\nScore,1,2\n', 0],
    ['a header line only', 'w.csv', ',1000,2000\n', 0],
  ]);
});

describe('wide table parsing', () => {
  it.each([
    ['0..1', '1,0.5', [1, 0.5], []],
    [
      '1..10',
      '10,5',
      [1, 0.5],
      ['wide.csv: scores read on the 1..10 scale (highest 10) and divided by 10'],
    ],
    [
      '0..100',
      '100,50',
      [1, 0.5],
      ['wide.csv: scores read on the 0..100 scale (highest 100) and divided by 100'],
    ],
  ])('infers the %s scale from all values', async (_label, values, means, warnings) => {
    const { run, cells } = await cellsOf(`depth_percent,1000,2000\n50,${values}\n`);
    expect(cells.map((c) => c[3])).toEqual(means);
    expect(run.warnings).toEqual(warnings);
  });

  it.each([
    ['depths beyond 1 are percent', 'depth', ['0', '50', '100'], [0, 50, 100], false],
    ['depths all in 0..1 are fractions', '', ['0', '0.5', '1'], [0, 50, 100], true],
    [
      'a column named percent keeps 0..1 as percent',
      'Depth %',
      ['0', '0.5', '1'],
      [0, 0.5, 1],
      false,
    ],
    ['a single depth of 0 stays 0', 'depth', ['0'], [0], false],
  ])('%s', async (_name, corner, depths, shown, fractions) => {
    const text = `${corner},1000,2000\n${depths.map((d) => `${d},1,1`).join('\n')}\n`;
    const { run } = await cellsOf(text);
    expect(run.depths).toEqual(shown);
    expect(run.warnings.some((w) => w.includes('fractions'))).toBe(fractions);
  });

  it.each(CHUNKS)(
    'skips empty and NaN cells and rows that are not depths, naming lines through quoted breaks (chunks of %d)',
    async (chunk) => {
      const text = [
        ',1000,2000',
        '0,1,"not\na score"',
        '50,,NaN',
        'mean,1,1',
        '100,0.5,1,9',
        '120,1,1',
        '',
        '100,0,0.5',
      ].join('\n');
      const result = await loadBatch([{ path: 'wide.csv', text }], chunk);
      const run = result.runs[0]!;
      expect(run.cells.map((c) => [c.lengthTokens, c.depthPercent, cellMean(c)])).toEqual([
        [1000, 0, 1],
        [1000, 100, 0],
        [2000, 100, 0.5],
      ]);
      expect(run.warnings).toEqual([
        'wide.csv: 2 records skipped (first at line 2: score "not\\na score" is not a number)',
        'wide.csv: 1 record skipped (line 4: no score at length 1000)',
        'wide.csv: 1 record skipped (line 5: depth "mean" is not a number)',
        'wide.csv: 1 record skipped (line 6: 4 fields where the header has 3)',
        'wide.csv: 1 record skipped (line 7: depth 120% is outside 0..100)',
      ]);
    },
  );

  it.each([
    ['an empty file', '', 'the file is empty', undefined],
    ['a header only', ',1000,2000\n', 'no rows under the header', undefined],
    [
      'a header cell that is not a length',
      ',1000,long\n0,1,1\n',
      'header cell "long" is not a context length (a whole number of tokens)',
      1,
    ],
    ['only empty cells', ',1000,2000\n0,,\n', 'no usable score: no score at length 1000', 2],
    [
      'scores beyond 100',
      ',1000,2000\n0,250,1\n',
      'scores range from 1 to 250: not on a 0..1, 1..10 or 0..100 scale',
      undefined,
    ],
    ['a file cut inside a quote', ',1000,2000\n0,1,"1\n', 'a quoted field is not closed', 2],
  ])('fails on %s with the reason and line', async (_name, text, reason, line) => {
    const outcome = await wideTable.parse(textSource('w.csv', text), ignore);
    expect(outcome).toEqual(failedOutcome('w.csv', reason, line));
  });
});
