import { failedOutcome, NULL_SINK } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import { cellMean } from '../metrics';
import { textSource } from '../source';
import type { RecordSink } from './format';
import { lmEvalResults } from './lmEvalResults';
import { lmEvalSamples, samplesTask } from './lmEvalSamples';

/** Chunk sizes that cut through lines, strings and numbers. */
const CHUNKS = [3, 7, 64, 1 << 20];

const SAMPLES = 'out/m/samples_niah_single_1_2025-03-01T10-00-00.123456.jsonl';

/** One samples row at `max_length`, scoring `score` there and -1 at the other length. */
function sample(maxLength: number, score: unknown, fields: Record<string, unknown> = {}): string {
  const other = maxLength === 4096 ? '8192' : '4096';
  return JSON.stringify({
    doc_id: 0,
    doc: {
      index: 0,
      input: 'haystack',
      outputs: ['8105923'],
      length: maxLength - 150,
      max_length: maxLength,
    },
    resps: [[' 8105923.']],
    filtered_resps: [' 8105923.'],
    [String(maxLength)]: score,
    [other]: -1,
    ...fields,
  });
}

const jsonl = (...rows: string[]) => `${rows.join('\n')}\n`;

/** A results file of `results` and whatever else is given. */
function results(fields: Record<string, unknown>): string {
  return JSON.stringify(
    { config: { model: 'hf', model_args: 'pretrained=org/m,dtype=auto' }, ...fields },
    null,
    2,
  );
}

const ignore: RecordSink = NULL_SINK;

describe('lm-eval-harness detection', () => {
  it.each([
    ['samples by name', lmEvalSamples, SAMPLES, sample(4096, 1), 0.95],
    ['samples by fields only', lmEvalSamples, 'x.jsonl', sample(4096, 1), 0.75],
    ['no doc', lmEvalSamples, SAMPLES, '{"doc_id": 0, "pred": 1}', 0],
    [
      'results by name',
      lmEvalResults,
      'results_2025.json',
      results({ results: { t: { '4096,none': 1 } } }),
      0.95,
    ],
    [
      'results by fields only',
      lmEvalResults,
      'r.json',
      results({ results: { t: { '4096,none': 1 } } }),
      0.9,
    ],
    [
      'results of tasks without lengths',
      lmEvalResults,
      'results_x.json',
      results({ results: { t: { 'acc,none': 1 } } }),
      0,
    ],
  ])('%s -> %s', (_name, format, path, head, confidence) => {
    expect(format.detect(path, head)).toBe(confidence);
  });
});

describe('samplesTask', () => {
  it.each([
    ['samples_niah_single_1_2025-03-01T10-00-00.123456.jsonl', 'niah_single_1'],
    ['a/samples_ruler_qa_squad_2024-12-05T09-08-07.jsonl', 'ruler_qa_squad'],
    ['samples_niah_single_1.jsonl', 'niah_single_1'],
  ])('%s -> %s', (path, task) => {
    expect(samplesTask(path)).toBe(task);
  });
});

describe('lm-eval-harness samples', () => {
  it('takes the length the sample was built for (doc.max_length), never a -1, and keeps the answer', async () => {
    const text = jsonl(sample(8192, 0.5));
    const run = (await loadBatch([{ path: SAMPLES, text }])).runs[0]!;
    expect(run.name).toBe('m');
    expect(run.details).toEqual([
      {
        lengthTokens: 8192,
        depthPercent: null,
        task: 'niah_single_1',
        score: 0.5,
        model: 'm',
        expected: '8105923',
        response: ' 8105923.',
        source: { file: SAMPLES, line: 1 },
      },
    ]);
  });

  it('takes the one length scored when doc.max_length is absent', async () => {
    const text = jsonl(sample(4096, 1, { doc: { outputs: ['x'] } }));
    const run = (await loadBatch([{ path: 'samples_vt.jsonl', text }])).runs[0]!;
    expect([run.name, run.lengths, run.tasks]).toEqual(['samples_vt', [4096], ['vt']]);
  });

  it('skips samples it cannot score, NaN and not-run among them, saying how many and where', async () => {
    const text = [
      sample(4096, 1),
      sample(4096, 'NaN'),
      sample(4096, -1),
      JSON.stringify({ doc_id: 3, doc: {}, '4096': 1, '8192': 0 }),
      JSON.stringify({ doc_id: 4, doc: {} }),
      sample(4096, 2),
      sample(4096, 0),
    ].join('\n');
    const result = await loadBatch([{ path: SAMPLES, text }]);
    expect(result.errors).toEqual([]);
    expect(result.runs[0]?.cells.map((c) => [c.n, cellMean(c)])).toEqual([[2, 0.5]]);
    expect(result.runs[0]?.warnings).toEqual([
      `${SAMPLES}: 1 record skipped (line 2: score "NaN" is not a number)`,
      `${SAMPLES}: 1 record skipped (line 3: every length scores -1 (not run))`,
      `${SAMPLES}: 1 record skipped (line 4: several lengths scored and no doc.max_length)`,
      `${SAMPLES}: 1 record skipped (line 5: no "<length>": score field)`,
      `${SAMPLES}: 1 record skipped (line 6: score 2 is outside 0..1)`,
    ]);
  });

  it.each(CHUNKS)(
    'reads a file cut short up to its last whole row (chunks of %d)',
    async (chunk) => {
      const text = jsonl(sample(4096, 1), sample(4096, 0)) + sample(4096, 1).slice(0, 70);
      const result = await loadBatch([{ path: SAMPLES, text }], chunk);
      expect(result.runs[0]?.trialCount).toBe(2);
      expect(result.runs[0]?.warnings).toEqual([
        `${SAMPLES}: 1 record skipped (line 3: the last line is not complete JSON: the file looks cut short)`,
      ]);
    },
  );

  it.each([
    ['an empty file', '', 'the file is empty', undefined],
    [
      'only not-run samples',
      jsonl(sample(4096, -1)),
      'no usable sample: every length scores -1 (not run)',
      1,
    ],
    [
      'samples of a task without lengths',
      jsonl(JSON.stringify({ doc_id: 0, doc: {}, acc: 1 })),
      'no usable sample: no "<length>": score field',
      1,
    ],
  ])('fails on %s with the reason and line', async (_name, text, reason, line) => {
    const outcome = await lmEvalSamples.parse(textSource(SAMPLES, text), ignore);
    expect(outcome).toEqual(failedOutcome(SAMPLES, reason, line));
  });
});

describe('lm-eval-harness results', () => {
  it('drops lengths scored -1 (not run) with a counted warning, never as a score', async () => {
    const text = results({
      results: { vt: { alias: 'vt', '4096,none': 0.25, '8192,none': -1, '16384,none': -1 } },
    });
    const run = (await loadBatch([{ path: 'r/results.json', text }])).runs[0]!;
    expect(run.cells.map((c) => [c.lengthTokens, c.n, cellMean(c)])).toEqual([[4096, 1, 0.25]]);
    expect(run.warnings).toEqual([
      'r/results.json: 2 records skipped (first at vt at 8192 tokens: -1, the length was not run)',
    ]);
  });

  it.each([
    ['model_name', { model_name: 'org/named' }, 'org/named (results)'],
    ['pretrained= in config.model_args', {}, 'org/m (results)'],
    [
      'pretrained in a model_args object',
      { config: { model_args: { pretrained: 'org/obj' } } },
      'org/obj (results)',
    ],
    ['nothing', { config: { model: 'hf' } }, 'lm-eval results'],
  ])('names the run from %s', async (_name, fields, name) => {
    const text = results({ results: { vt: { '4096,none': 1 } }, ...fields });
    expect((await loadBatch([{ path: 'results.json', text }])).runs.map((r) => r.name)).toEqual([
      name,
    ]);
  });

  it.each([
    ['split evenly over the lengths run', { vt: { original: 1000, effective: 1000 } }, 500, []],
    ['absent', {}, 1, []],
    [
      'not splitting evenly',
      { vt: { original: 999, effective: 999 } },
      1,
      [
        'results.json: vt: 999 samples do not split evenly over 2 lengths: each length counted as 1 sample',
      ],
    ],
  ])('counts samples per length from n-samples %s', async (_name, nSamples, n, warnings) => {
    const text = results({
      results: { vt: { '4096,none': 1, '8192,none': 0.5, '16384,none': -1 } },
      'n-samples': nSamples,
    });
    const run = (await loadBatch([{ path: 'results.json', text }])).runs[0]!;
    expect(run.cells.map((c) => c.n)).toEqual([n, n]);
    expect(run.warnings.slice(1)).toEqual(warnings);
  });

  it('skips groups, tasks without lengths and scores that are not numbers, counted', async () => {
    const text = results({
      results: {
        ruler: { '4096,none': 0.9 },
        hellaswag: { 'acc,none': 0.5 },
        vt: { '4096,none': 'NaN', '8192,none': 1.5, '16384,none': 0.5 },
      },
      group_subtasks: { ruler: ['vt'], vt: [] },
    });
    const run = (await loadBatch([{ path: 'results.json', text }])).runs[0]!;
    expect(run.cells.map((c) => [c.lengthTokens, cellMean(c)])).toEqual([[16384, 0.5]]);
    expect(run.warnings).toEqual([
      'results.json: 1 record skipped ("ruler" is a group, the average of its tasks)',
      'results.json: 1 record skipped ("hellaswag" has no "<length>,none" scores)',
      'results.json: 1 record skipped (vt at 4096 tokens: "NaN" is not a number)',
      'results.json: 1 record skipped (vt at 8192 tokens: 1.5 is outside 0..1)',
    ]);
  });

  it.each([
    ['an empty file', '', 'the file is empty', undefined],
    ['truncated JSON', '{\n  "results": {\n    "vt": {"4096,none": 1', undefined, 3],
    [
      'no results object',
      '{"results": []}',
      'no "results" object: not an lm-evaluation-harness results file',
      undefined,
    ],
    [
      'only lengths not run',
      results({ results: { vt: { '4096,none': -1 } } }),
      'no usable result: vt at 4096 tokens: -1, the length was not run',
      undefined,
    ],
  ])('fails on %s with the reason and line', async (_name, text, reason, line) => {
    const outcome = await lmEvalResults.parse(textSource('results.json', text), ignore);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.file).toBe('results.json');
    expect(outcome.line).toBe(line);
    if (reason !== undefined) expect(outcome.reason).toBe(reason);
    else expect(outcome.reason).toMatch(/^not valid JSON/);
  });
});
