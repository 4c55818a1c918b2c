import { NULL_SINK } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean, cellPassRate } from '../metrics';
import { textSource } from '../source';
import { expectFailureStartingWith } from '../testing/formatCases';
import { loadFixtureFolder } from '../testing/fixtures';
import { easyContext } from './easyContext';

type Entry = Record<string, number | string>;
const text = (entries: Entry[]) => JSON.stringify(entries);
const cell = (length: number, depth: number, score: number | string): Entry => ({
  'Context Length': length,
  'Document Depth': depth,
  Score: score,
});

const PRE_AVERAGED = (file: string) =>
  `${file}: the file holds pre-averaged cells (one mean per entry), so it has no pass rate, only means`;

describe('EasyContext detection', () => {
  it.each([
    ['text', text([cell(1000, 0, 1)]), 0.95],
    ['video', '[{"Num. Frame": 200, "Frame Depth": 0.0, "Score": 1.0}]', 0.95],
    ['no score', '[{"Context Length": 1000, "Document Depth": 0}]', 0],
    ['an object', '{"Context Length": 1000, "Document Depth": 0, "Score": 1}', 0],
    ['the pandas CSV', 'Context Length,Document Depth,Score\n1000,0,1', 0],
  ])('%s -> %s', async (_name, head, confidence) => {
    expect(easyContext.detect('all_accuracies.json', head)).toBe(confidence);
  });
});

describe('EasyContext parsing', () => {
  it('reads entries as pre-averaged cells: the pass rate is the mean, and says so', async () => {
    const { result } = await loadFixtureFolder('easycontext');
    const run = result.runs[0]!;
    expect(run.warnings).toEqual([PRE_AVERAGED('easycontext/all_accuracies.json')]);
    expect(run.details).toEqual([]);
    const twice = run.cells.find((c) => c.lengthTokens === 33000 && c.depthPercent === 50)!;
    expect([twice.n, twice.summaryN, cellMean(twice), cellPassRate(twice, 0.7)]).toEqual([
      2, 2, 0.5, 0.5,
    ]);
  });

  it('reads the video variant, frames on the length axis', async () => {
    const video =
      '[{"Num. Frame": 200, "Frame Depth": 20.0, "Score": 1.0}, {"Num. Frame": 400, "Frame Depth": 20.0, "Score": 0.5}]';
    const run = (await loadBatch([{ path: 'longva/all_accuracies.json', text: video }])).runs[0]!;
    expect(run.cells.map((c) => [c.lengthTokens, c.depthPercent, cellMean(c)])).toEqual([
      [200, 20, 1],
      [400, 20, 0.5],
    ]);
    expect(run.warnings).toContain(
      'longva/all_accuracies.json: video needle test: the length axis counts frames ("Num. Frame")',
    );
    expect(run.lengthUnit).toBe('frames');
  });

  it('reads depths that all lie in 0..1 as fractions of the document', async () => {
    const run = (
      await loadBatch([
        { path: 'f.json', text: text([cell(1000, 0, 1), cell(1000, 0.5, 0), cell(1000, 1, 1)]) },
      ])
    ).runs[0]!;
    expect(run.depths).toEqual([0, 50, 100]);
    expect(run.warnings).toContain(
      'f.json: depths all lie in 0..1: read as fractions of the document and multiplied by 100',
    );
  });

  it('reads scores written as percentages', async () => {
    const run = (
      await loadBatch([{ path: 'p.json', text: text([cell(1000, 0, 100), cell(1000, 50, 50)]) }])
    ).runs[0]!;
    expect(run.cells.map(cellMean)).toEqual([1, 0.5]);
    expect(run.warnings).toContain('p.json: scores read as percentages and divided by 100');
  });

  it('skips entries it cannot place, Python NaN among them, saying how many and why', async () => {
    const python =
      '[{"Context Length": 1000, "Document Depth": 0.0, "Score": NaN}, {"Context Length": 1000, "Document Depth": 50.0, "Score": NaN},\n {"Context Length": 1000, "Document Depth": 100.0, "Score": 1.0}, {"Context Length": 0, "Document Depth": 100.0, "Score": 1.0}, "x"]';
    const result = await loadBatch([{ path: 'nan.json', text: python }]);
    expect(result.runs[0]?.trialCount).toBe(1);
    expect(result.runs[0]?.warnings).toEqual([
      'nan.json: 2 records skipped (first at item 1: "Score" "NaN" is not a number)',
      'nan.json: 1 record skipped (item 5: not a JSON object)',
      'nan.json: 1 record skipped (item 4: context length 0 is not positive)',
      PRE_AVERAGED('nan.json'),
    ]);
  });

  it.each([
    ['an empty file', '', 'the file is empty', undefined],
    ['an empty array', '[]', 'no entries in the file (an empty array)', undefined],
    ['a cut file', '[{"Context Length": 1000,\n "Document Depth": 0,\n "Sco', 'not valid JSON', 3],
    [
      'only NaN scores',
      text([cell(1000, 0, 'NaN')]),
      'no usable entry: item 1: "Score" "NaN" is not a number',
      undefined,
    ],
    [
      'counts of passed tests',
      text([cell(1000, 0, 5), cell(1000, 50, 3)]),
      '"Score" holds whole numbers up to 5: counts of passed tests, which need the number of tests per cell to become a 0..1 score',
      undefined,
    ],
    [
      'scores beyond 100',
      text([cell(1000, 0, 250.5)]),
      '"Score" goes up to 250.5: not on a 0..1 or 0..100 scale',
      undefined,
    ],
  ])('fails on %s with the reason and line', async (_name, body, reason, line) => {
    const outcome = await easyContext.parse(textSource('f.json', body, 3), NULL_SINK);
    expectFailureStartingWith(outcome, reason, line);
  });
});
