import { failedOutcome, NULL_SINK } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import { itDetects } from '../testing/formatCases';
import type { RecordSink } from './format';
import { rulerPlace, rulerPredictions } from './rulerPredictions';
import { rulerSummary } from './rulerSummary';

/** Chunk sizes that cut through lines, strings and numbers. */
const CHUNKS = [3, 7, 64, 1 << 20];

const PRED_DIR = 'drop/llama/synthetic/4096/pred';

/** One prediction row; tests name what they are about. */
function row(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    index: 0,
    pred: ' The special magic number is 7281934.',
    input: 'A long haystack ... What is the special magic number?',
    outputs: ['7281934'],
    others: {},
    truncation: -1,
    length: 3987,
    ...fields,
  });
}

const jsonl = (...rows: string[]) => `${rows.join('\n')}\n`;

const ignore: RecordSink = NULL_SINK;

describe('RULER detection', () => {
  itDetects(
    rulerPredictions,
    [
      ['predictions in their folder', `${PRED_DIR}/vt.jsonl`, row(), 0.95],
      ['predictions in a pred folder without a length', 'pred/vt.jsonl', row(), 0.9],
      ['predictions outside the layout, outputs in view', 'vt.jsonl', row(), 0.85],
      [
        'a long input hiding the outputs, outside the layout',
        'vt.jsonl',
        row({ input: 'x'.repeat(5000) }).slice(0, 4096),
        0,
      ],
      ['lm-eval samples (doc_id)', `${PRED_DIR}/s.jsonl`, '{"doc_id": 0, "pred": "x"}', 0],
      ['a JSON array', `${PRED_DIR}/vt.jsonl`, `[${row()}]`, 0],
    ],
    'predictions: %s -> %s',
  );

  itDetects(
    rulerSummary,
    [
      [
        'summary.csv under pandas column numbers',
        'x/summary.csv',
        '0,1\nTasks,vt\nScore,90\n',
        0.95,
      ],
      ['a one-task summary-<task>.csv', 'x/summary-vt.csv', 'Tasks,vt\nScore,90\n', 0.95],
      ['another name', 'x/scores.csv', 'Tasks,vt\nScore,90\n', 0.85],
      ['no Score row', 'x/summary.csv', 'Tasks,vt\nNulls,0/1\n', 0],
    ],
    'summary: %s -> %s',
  );
});

describe('rulerPlace', () => {
  it.each([
    [
      'drop/llama-3-8b/synthetic/131072/pred/vt.jsonl',
      { lengthTokens: 131072, model: 'llama-3-8b' },
    ],
    ['synthetic/4096/pred/summary.csv', { lengthTokens: 4096, model: undefined }],
    ['runs/8192/pred/summary.csv', { lengthTokens: 8192 }],
    ['pred/vt.jsonl', { lengthTokens: null }],
  ])('%s', (path, place) => {
    expect(rulerPlace(path)).toEqual(place);
  });
});

describe('RULER predictions', () => {
  it.each([
    ['every output found', ['a1', 'b2'], 'A1 and b2', 1],
    ['half of them, case-insensitively', ['Alpha', 'beta'], 'ALPHA', 0.5],
    ['none', ['a1'], '', 0],
  ])('scores the share of outputs found: %s', async (_name, outputs, pred, score) => {
    const run = (
      await loadBatch([{ path: `${PRED_DIR}/t.jsonl`, text: jsonl(row({ outputs, pred })) }])
    ).runs[0]!;
    expect(run.details.map((d) => [d.task, d.lengthTokens, d.depthPercent, d.score])).toEqual([
      ['t', 4096, null, score],
    ]);
  });

  it('keeps the answer and expected outputs but not the input', async () => {
    const text = jsonl(row({ outputs: ['1', '2'], pred: ' 1 2' }));
    const run = (await loadBatch([{ path: `${PRED_DIR}/niah_multivalue.jsonl`, text }])).runs[0]!;
    expect(run.details).toEqual([
      {
        lengthTokens: 4096,
        depthPercent: null,
        task: 'niah_multivalue',
        score: 1,
        model: 'llama',
        expected: '1 | 2',
        response: ' 1 2',
        source: { file: `${PRED_DIR}/niah_multivalue.jsonl`, line: 1 },
      },
    ]);
  });

  it('reads lengths from each row, and says so, when the path has no <length> folder', async () => {
    const text = jsonl(row({ length: 3987 }), row({ length: 8100 }));
    const run = (await loadBatch([{ path: 'vt.jsonl', text }])).runs[0]!;
    expect(run.name).toBe('vt');
    expect(run.lengths).toEqual([3987, 8100]);
    expect(run.warnings).toEqual([
      'vt.jsonl: no <model>/synthetic/<length>/pred/ folder in the path: lengths are each row\'s "length" (its own token count)',
    ]);
  });

  it('shows depths when rows carry depth_percent (at the top or in others; null is none)', async () => {
    const text = jsonl(
      row({ depth_percent: 25 }),
      row({ others: { depth_percent: 75 }, pred: '' }),
      row({ depth_percent: null, index: 2 }),
    );
    const run = (await loadBatch([{ path: `${PRED_DIR}/niah_single_2.jsonl`, text }])).runs[0]!;
    expect(run.depths).toEqual([25, 75]);
    expect(run.cells.map((c) => [c.depthPercent, cellMean(c)])).toEqual([
      [null, 1],
      [25, 1],
      [75, 0],
    ]);
  });

  it('skips rows it cannot score, Python NaN among them, saying how many and where', async () => {
    const text = [
      row(),
      row({ outputs: [] }),
      row({ outputs: 'not a list' }),
      row({ pred: null }),
      row({ depth_percent: 'NaN' }),
      row({ depth_percent: 150 }),
      '[1, 2]',
      '',
      row({ index: 9 }),
    ].join('\r\n');
    const result = await loadBatch([{ path: `${PRED_DIR}/bad.jsonl`, text }]);
    expect(result.errors).toEqual([]);
    expect(result.runs[0]?.trialCount).toBe(2);
    expect(result.runs[0]?.warnings).toEqual([
      `${PRED_DIR}/bad.jsonl: 2 records skipped (first at line 2: no "outputs" list of expected answers)`,
      `${PRED_DIR}/bad.jsonl: 1 record skipped (line 4: "pred" null is not text)`,
      `${PRED_DIR}/bad.jsonl: 1 record skipped (line 5: depth_percent "NaN" is not a number)`,
      `${PRED_DIR}/bad.jsonl: 1 record skipped (line 6: depth 150% is outside 0..100)`,
      `${PRED_DIR}/bad.jsonl: 1 record skipped (line 7: not a JSON object)`,
    ]);
  });

  it.each(CHUNKS)(
    'reads a file cut short up to its last whole row (chunks of %d)',
    async (chunk) => {
      const text = jsonl(row(), row({ index: 1 })) + row({ index: 2 }).slice(0, 50);
      const result = await loadBatch([{ path: `${PRED_DIR}/cut.jsonl`, text }], chunk);
      expect(result.runs[0]?.trialCount).toBe(2);
      expect(result.runs[0]?.warnings).toEqual([
        `${PRED_DIR}/cut.jsonl: 1 record skipped (line 3: the last line is not complete JSON: the file looks cut short)`,
      ]);
    },
  );

  it.each([
    ['an empty file', `${PRED_DIR}/f.jsonl`, '', 'the file is empty', undefined],
    [
      'one row cut short',
      `${PRED_DIR}/f.jsonl`,
      row().slice(0, 40),
      'no usable row: the last line is not complete JSON: the file looks cut short',
      1,
    ],
    [
      'no length anywhere',
      'f.jsonl',
      jsonl(row({ length: undefined })),
      'no usable row: no length: the path has no <model>/synthetic/<length>/pred/ folder and the row no numeric "length"',
      1,
    ],
  ])('fails on %s with the reason and line', async (_name, path, text, reason, line) => {
    const outcome = await rulerPredictions.parse(textSource(path, text), ignore);
    expect(outcome).toEqual(failedOutcome(path, reason, line));
  });
});

describe('RULER summary.csv', () => {
  it('keeps its cells apart from the predictions of the same folder, so no sample counts twice', async () => {
    const result = await loadBatch([
      { path: `${PRED_DIR}/vt.jsonl`, text: jsonl(row(), row({ pred: '' })) },
      { path: `${PRED_DIR}/summary.csv`, text: 'Tasks,vt\nScore,50.0\nNulls,1/2\n' },
    ]);
    expect(result.runs.map((r) => [r.name, r.trialCount, r.cells.map(cellMean)])).toEqual([
      ['llama', 2, [0.5]],
      ['llama (summary)', 2, [0.5]],
    ]);
  });

  it('counts 1 sample per score where the Nulls row is missing, and skips scores that are not numbers', async () => {
    const text = 'Tasks,vt,cwe,fwe\nScore,87.5,NaN,120\n';
    const result = await loadBatch([{ path: 'synthetic/4096/pred/summary.csv', text }]);
    const run = result.runs[0]!;
    expect(run.name).toBe('RULER summary');
    expect(run.cells.map((c) => [c.task, c.n, cellMean(c)])).toEqual([['vt', 1, 0.875]]);
    expect(run.warnings).toEqual([
      'synthetic/4096/pred/summary.csv: 1 record skipped (line 2: score "NaN" of cwe is not a number)',
      'synthetic/4096/pred/summary.csv: 1 record skipped (line 2: score 120 of fwe is outside 0..100)',
    ]);
  });

  it.each([
    [
      'a path without the length folder',
      'results/summary.csv',
      'Tasks,vt\nScore,90\n',
      'no context length: RULER writes it in the folder, <model>/synthetic/<length>/pred/summary.csv, and this path has none',
      undefined,
    ],
    [
      'no Score row',
      'm/synthetic/4096/pred/summary.csv',
      'Tasks,vt\nNulls,0/1\n',
      'no Score row: a RULER summary has rows Tasks, Score and Nulls',
      undefined,
    ],
    ['an empty file', 'm/synthetic/4096/pred/summary.csv', '', 'the file is empty', undefined],
    [
      'a file cut inside a quote',
      'm/synthetic/4096/pred/summary.csv',
      'Tasks,"vt\nScore,90\n',
      'a quoted field is not closed',
      1,
    ],
    [
      'only scores that are not numbers',
      'm/synthetic/4096/pred/summary.csv',
      'Tasks,vt\nScore,n/a\n',
      'no usable score: score "n/a" of vt is not a number',
      2,
    ],
  ])('fails on %s with the reason', async (_name, path, text, reason, line) => {
    const outcome = await rulerSummary.parse(textSource(path, text), ignore);
    expect(outcome).toEqual(failedOutcome(path, reason, line));
  });
});
