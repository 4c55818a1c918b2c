import { failedOutcome, NULL_SINK } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import type { RecordSink } from './format';
import { needleBenchCell, openCompassNeedleBench } from './openCompass';

/** Chunk sizes that cut through rows, quotes and line ends. */
const CHUNKS = [3, 7, 64, 1 << 20];

const HEADER = 'dataset,version,metric,mode';
const PATH = 'outputs/summary/summary_20240601_120000.csv';

const ignore: RecordSink = NULL_SINK;

describe('OpenCompass NeedleBench detection', () => {
  it.each([
    ['NeedleBench rows', `${HEADER},m\nLength1000Depth0_origin_en_4k,a,score,gen,100\n`, 0.95],
    ['parallel rows only', 'dataset,m\nLength4000_parallel_en_4k,90\n', 0.95],
    ['a summary that starts with headings', `${HEADER},m\n----- Exam -----,-,-,-,-\n`, 0.4],
    ['another table with a dataset column', 'dataset,score\nmmlu,70\n', 0],
  ])('%s -> %s', (_name, head, confidence) => {
    expect(openCompassNeedleBench.detect(PATH, head)).toBe(confidence);
  });
});

describe('needleBenchCell', () => {
  it.each([
    [
      'Length32000Depth50_origin_en_32k',
      { lengthTokens: 32000, depthPercent: 50, task: 'origin_en' },
    ],
    ['Length1000Depth0_origin_zh_4k', { lengthTokens: 1000, depthPercent: 0, task: 'origin_zh' }],
    [
      'Length8000Depth33_3needle_en_8k',
      { lengthTokens: 8000, depthPercent: 33, task: '3needle_en' },
    ],
    ['Length4000_parallel_en_4k', { lengthTokens: 4000, depthPercent: null, task: 'parallel_en' }],
    [
      'Length128000_parallel_zh_1000k',
      { lengthTokens: 128000, depthPercent: null, task: 'parallel_zh' },
    ],
    ['needlebench-4k-overall', null],
    ['Length1000Depth0', null],
    ['--------- NeedleBench ---------', null],
  ])('%s', (name, cell) => {
    expect(needleBenchCell(name)).toEqual(cell);
  });
});

describe('OpenCompass NeedleBench parsing', () => {
  it.each(CHUNKS)(
    'makes one run per model column, names quoted with commas and line breaks (chunks of %d)',
    async (chunk) => {
      const text = `${HEADER},"model, v2","two\nlines"\nLength1000Depth0_origin_en_4k,x,score,gen,100.00,25.00\n`;
      const result = await loadBatch([{ path: PATH, text }], chunk);
      expect(result.runs.map((r) => [r.name, r.cells.map(cellMean)])).toEqual([
        ['model, v2', [1]],
        ['two\nlines', [0.25]],
      ]);
    },
  );

  it('reads parallel (multi-needle) rows as cells without depth, their task from the name', async () => {
    const text = `dataset,m\nLength4000_parallel_en_4k,80\nLength8000_parallel_en_8k,40.5\n`;
    const run = (await loadBatch([{ path: PATH, text }])).runs[0]!;
    expect(
      run.cells.map((c) => [c.task, c.lengthTokens, c.depthPercent, c.n, cellMean(c)]),
    ).toEqual([
      ['parallel_en', 4000, null, 1, 0.8],
      ['parallel_en', 8000, null, 1, 0.405],
    ]);
  });

  it('skips averages, headings, cells not run, NaN and out-of-range scores, counted', async () => {
    const text = [
      `${HEADER},a,b`,
      '--------- NeedleBench ---------,-,-,-,-,-',
      'Length1000Depth0_origin_en_4k,x,score,gen,100,-',
      'Length1000Depth50_origin_en_4k,x,score,gen,,NaN',
      'Length1000Depth150_origin_en_4k,x,score,gen,100,100',
      'Length1000Depth100_origin_en_4k,x,score,gen,120,50',
      'Length1000Depth100_origin_en_4k,x,score,gen,10,10',
      'needlebench-4k-overall,-,naive_average,gen,90,50',
    ].join('\n');
    const result = await loadBatch([{ path: PATH, text }]);
    expect(result.errors).toEqual([]);
    expect(result.runs.map((r) => [r.name, r.trialCount])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(result.runs[0]?.warnings).toEqual([
      `${PATH}: 2 records skipped (first at line 2: "--------- NeedleBench ---------" is not a Length<L>Depth<D>_<task> dataset (an average or a heading))`,
      `${PATH}: 2 records skipped (first at line 3: b: Length1000Depth0_origin_en_4k was not run ("-"))`,
      `${PATH}: 1 record skipped (line 4: b: score "NaN" is not a number)`,
      `${PATH}: 1 record skipped (line 5: depth 150% is outside 0..100)`,
      `${PATH}: 1 record skipped (line 6: a: score 120 is outside 0..100)`,
      `${PATH}: 1 record skipped (line 7: b: a second row for Length1000Depth100_origin_en_4k)`,
    ]);
  });

  it.each([
    ['an empty file', '', 'the file is empty', undefined],
    [
      'no model column',
      `${HEADER}\nLength1000Depth0_origin_en_4k,x,score,gen\n`,
      'no model columns after dataset, version, metric and mode',
      1,
    ],
    [
      'another first column',
      'name,m\nLength1000Depth0_origin_en_4k,1\n',
      'the first column is not "dataset"',
      1,
    ],
    [
      'no NeedleBench rows',
      `${HEADER},m\nmmlu,x,acc,gen,70\n`,
      'no NeedleBench score: "mmlu" is not a Length<L>Depth<D>_<task> dataset (an average or a heading)',
      2,
    ],
    [
      'a file cut inside a quote',
      `${HEADER},m\n"Length1000Depth0_origin_en_4k,x`,
      'a quoted field is not closed',
      2,
    ],
  ])('fails on %s with the reason and line', async (_name, text, reason, line) => {
    const outcome = await openCompassNeedleBench.parse(textSource(PATH, text), ignore);
    expect(outcome).toEqual(failedOutcome(PATH, reason, line));
  });
});
