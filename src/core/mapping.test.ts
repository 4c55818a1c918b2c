import { describe, expect, it } from 'vitest';
import { GridAccumulator } from './aggregate';
import { detectFormat } from './detect';
import { generic } from './formats/generic';
import { loadBatch } from './load';
import { guessMapping } from './guessMapping';
import { describeMapping, sampleHead, sampleTable } from './mapping';
import { cellMean } from './metrics';
import { DEPTH_LOOKAHEAD, parseWithMapping } from './parseWithMapping';
import { HEAD_CHARS, textSource, type Source } from './source';
import { failedOutcome, NULL_SINK } from './testing/factories';
import type { ColumnMapping, Trial } from './types';

/** Small chunks cut through rows, quotes and JSON: everything below must survive them. */
const CHUNK = 3;

const NONE = { model: null, task: null, needle: null, response: null, expected: null };

function mapping(fields: Partial<ColumnMapping>): ColumnMapping {
  return {
    length: 'length',
    depth: 'depth',
    depthUnit: 'percent',
    score: 'score',
    scoreScale: 'auto',
    ...NONE,
    ...fields,
  };
}

/**
 * Reads a text with a mapping as the loader would: cells as [length, depth, mean, n], the
 * trials (their details, when the scale was inferred), and whether it was.
 */
async function readMapped(path: string, text: string, fields: Partial<ColumnMapping>) {
  const acc = new GridAccumulator();
  const trials: Trial[] = [];
  let aggregated = false;
  const outcome = await parseWithMapping(textSource(path, text, CHUNK), mapping(fields), {
    ...NULL_SINK,
    trial: (trial) => {
      trials.push(trial);
      acc.addTrial(trial);
    },
    aggregated: ({ cells, details }) => {
      aggregated = true;
      for (const { cell } of cells) acc.addCell(cell);
      trials.push(...details);
    },
  });
  const cells = acc.finish().cells.map((c) => [c.lengthTokens, c.depthPercent, cellMean(c), c.n]);
  return { outcome, trials, cells, aggregated };
}

describe('guessMapping', () => {
  it.each<[string, string, string, Partial<ColumnMapping>, boolean]>([
    [
      'tokens, position, accuracy (position as fractions)',
      'r.csv',
      'tokens,position,accuracy\n1000,0.25,1\n2000,0.5,0.5\n',
      { length: 'tokens', depth: 'position', depthUnit: 'auto', score: 'accuracy' },
      true,
    ],
    [
      'ctx_len, depth fractions, correct true/false',
      'r.csv',
      'ctx_len,depth,correct\n4096,0.0,True\n4096,1.0,False\n',
      { length: 'ctx_len', depth: 'depth', depthUnit: 'auto', score: 'correct' },
      true,
    ],
    [
      'a TSV with model, length, needle_depth, passed',
      'r.tsv',
      'model\tlength\tneedle_depth\tpassed\nm\t1000\t50\t1\nm\t2000\t100\t0\n',
      {
        length: 'length',
        depth: 'needle_depth',
        depthUnit: 'percent',
        score: 'passed',
        model: 'model',
      },
      true,
    ],
    [
      'JSONL with the length nested in config',
      'r.jsonl',
      '{"config": {"ctx": 8192, "temperature": 0}, "depth_percent": 10, "score": 7}\n',
      { length: 'config.ctx', depth: 'depth_percent', depthUnit: 'percent', score: 'score' },
      true,
    ],
    [
      'an LWM-like array: response and answer, boolean correct',
      'r.json',
      '[{"context_length": 2000, "depth_percent": 0, "response": "42", "answer": "42", "correct": true, "seed": 1}]',
      { length: 'context_length', score: 'correct', response: 'response', expected: 'answer' },
      true,
    ],
    [
      'spaced and capitalised names, depth %',
      'r.csv',
      'Model Name,Context Length,Depth %,Accuracy\nx,1000,50,0.9\n',
      { length: 'Context Length', depth: 'Depth %', depthUnit: 'percent', model: 'Model Name' },
      true,
    ],
    [
      'seq_len, insertion, em, run_name, dataset',
      'r.csv',
      'run_name,dataset,seq_len,insertion,em\na,niah,32768,20,1\n',
      { length: 'seq_len', depth: 'insertion', score: 'em', model: 'run_name', task: 'dataset' },
      true,
    ],
    [
      'a gkamradt v2-like row: nested score, target depth, model_id, task_type',
      'r.jsonl',
      '{"model_id": "m", "task_type": "single", "context_length": 1000, "target_depth_percent": 50, "expected_answer": "x", "response": "x", "score": {"value": 1, "details": {}}}\n',
      {
        length: 'context_length',
        depth: 'target_depth_percent',
        score: 'score.value',
        model: 'model_id',
        task: 'task_type',
        expected: 'expected_answer',
        response: 'response',
      },
      true,
    ],
    [
      'no depth column: a length-by-task matrix',
      'r.jsonl',
      '{"length": 4096, "task": "niah_single_1", "score": 100, "pred": "a", "outputs": ["a"]}\n',
      { length: 'length', depth: null, task: 'task', response: 'pred', expected: 'outputs' },
      true,
    ],
    [
      'plain letters: guessed from the values alone',
      'r.csv',
      'L,D,S\n1000,0,1\n1000,50,0\n2000,100,1\n',
      { length: 'L', depth: 'D', depthUnit: 'percent', score: 'S' },
      false,
    ],
    [
      'a depth name whose values are token offsets',
      'r.csv',
      'tokens,position,accuracy\n1000,512,1\n2000,1024,0\n',
      { length: 'tokens', depth: null, score: 'accuracy' },
      false,
    ],
    [
      'a score name whose values are no scale',
      'r.csv',
      'tokens,depth,score\n1000,0,250\n',
      { length: 'tokens', depth: 'depth', score: '' },
      false,
    ],
    [
      'a header without rows',
      'r.csv',
      'tokens,position,accuracy\n',
      { length: 'tokens', depth: 'position', score: 'accuracy' },
      false,
    ],
    [
      'nothing like results',
      'r.json',
      '{"a": "x", "b": "y"}',
      { length: '', depth: null, score: '' },
      false,
    ],
  ])('%s', async (_name, path, text, expected, confident) => {
    const sample = sampleHead(path, text);
    expect(sample).not.toBeNull();
    const guess = guessMapping(sample!);
    expect(guess.mapping).toMatchObject(expected);
    expect(guess.confident).toBe(confident);
  });

  it('leaves roles it cannot name empty', async () => {
    const sample = sampleHead('r.csv', 'tokens,depth,accuracy,notes\n1000,0,1,x\n')!;
    expect(guessMapping(sample).mapping).toEqual({
      length: 'tokens',
      depth: 'depth',
      depthUnit: 'auto',
      score: 'accuracy',
      scoreScale: 'auto',
      ...NONE,
    });
  });
});

describe('sampling', () => {
  it('keeps CSV header names as written and values as text', async () => {
    const read = await sampleTable(textSource('r.csv', ' Tokens ,,Score\n1000,x,"1"\n', CHUNK));
    expect(read).toEqual({
      ok: true,
      sample: {
        kind: 'csv',
        columns: ['Tokens', 'column 2', 'Score'],
        rows: [{ Tokens: '1000', 'column 2': 'x', Score: '1' }],
      },
    });
  });

  it('flattens JSON one level and keeps deeper values as JSON text', async () => {
    const text = '[{"a": 1, "b": {"c": true, "d": [1, 2], "e": {"f": null}}}, {"g": "x"}]';
    const read = await sampleTable(textSource('r.json', text, CHUNK));
    expect(read).toEqual({
      ok: true,
      sample: {
        kind: 'json',
        columns: ['a', 'b.c', 'b.d', 'b.e', 'g'],
        rows: [{ a: 1, 'b.c': true, 'b.d': '[1,2]', 'b.e': '{"f":null}' }, { g: 'x' }],
      },
    });
  });

  it.each([
    ['r.csv', `length,depth,score\n${'1000,0,1\n'.repeat(200)}`],
    ['r.jsonl', '{"length": 1000, "depth": 0, "score": 1}\n'.repeat(200)],
    ['r.json', `[${Array(200).fill('{"length": 1000, "depth": 0, "score": 1}').join(',\n')}]`],
  ])('reads only as far as the rows it needs (%s)', async (path, text) => {
    let chunks = 0;
    const inner = textSource(path, text, 64);
    const source: Source = {
      ...inner,
      async *chunks() {
        for await (const chunk of inner.chunks()) {
          chunks += 1;
          yield chunk;
        }
      },
    };
    const read = await sampleTable(source, 5);
    expect(read.ok && read.sample.rows).toHaveLength(5);
    expect(chunks).toBeLessThan(text.length / 64 / 4);
  });

  it('leaves out the record a head cuts off', async () => {
    // Records of about 1,500 characters: a 4,096-character head holds two and part of a third.
    const record = `{"length": 1000, "depth": 0, "score": 1, "response": "${'x'.repeat(1450)}"}`;
    const lines = `${record}\n`.repeat(5);
    expect(sampleHead('r.jsonl', lines.slice(0, HEAD_CHARS))?.rows).toHaveLength(2);
    const array = `[${Array(5).fill(record).join(',\n')}]`;
    expect(sampleHead('r.json', array.slice(0, HEAD_CHARS))?.rows).toHaveLength(2);
    const response = `a\n${'x'.repeat(1450)}`;
    const csv = `length,depth,score,response\n${`1000,0,1,"${response}"\n`.repeat(5)}`;
    const rows = sampleHead('r.csv', csv.slice(0, HEAD_CHARS))?.rows ?? [];
    expect(rows.map((row) => row.response)).toEqual([response, response]);
  });

  it('tells JSON Lines from a JSON object by the lines, whatever the extension', async () => {
    expect(sampleHead('r.json', '{"a": 1, "b": 2}\n{"a": 3, "b": 4}\n')?.kind).toBe('jsonl');
    expect(sampleHead('r.json', '{\n  "a": 1,\n  "b": 2\n}\n')?.kind).toBe('json');
    expect(sampleHead('notes.txt', 'just some notes')).toBeNull();
  });
});

describe('parseWithMapping', () => {
  it('multiplies fraction depths by 100', async () => {
    const text = 'tokens,position,accuracy\n1000,0.25,1\n1000,0.25,0\n1000,1,1\n';
    const { cells } = await readMapped('f.csv', text, {
      length: 'tokens',
      depth: 'position',
      depthUnit: 'fraction',
      score: 'accuracy',
    });
    expect(cells).toEqual([
      [1000, 25, 0.5, 2],
      [1000, 100, 1, 1],
    ]);
  });

  it.each<[string, string, [number, number][]]>([
    [
      'fractions throughout',
      '0\n0.5\n1\n',
      [
        [0, 0],
        [50, 50],
        [100, 100],
      ],
    ],
    [
      'a percent sweep that starts below 1',
      '0\n0.896\n50\n',
      [
        [0, 0],
        [0.896, 0.896],
        [50, 50],
      ],
    ],
  ])('auto depth unit: %s', async (_name, depths, expected) => {
    const rows = depths.trim().split('\n');
    const text = `length,depth,score\n${rows.map((d) => `1000,${d},1`).join('\n')}\n`;
    const { cells } = await readMapped('a.csv', text, { depthUnit: 'auto' });
    expect(cells.map((c) => c[1])).toEqual(expected.map(([, percent]) => percent));
  });

  it('decides an auto depth unit after a bounded look-ahead and skips what contradicts it', async () => {
    const rows = Array.from({ length: DEPTH_LOOKAHEAD }, () => '1000,0.5,1');
    const text = `length,depth,score\n${rows.join('\n')}\n1000,50,1\n`;
    const { cells, outcome } = await readMapped('big.csv', text, { depthUnit: 'auto' });
    expect(cells).toEqual([[1000, 50, 1, DEPTH_LOOKAHEAD]]);
    expect(outcome.ok && outcome.warnings).toEqual([
      `big.csv: 1 record skipped (line ${DEPTH_LOOKAHEAD + 2}: depth 50 read as a fraction is 5000%, outside 0..100)`,
      'big.csv: depths in depth lie in 0..1: read as fractions of the document and multiplied by 100',
    ]);
  });

  it.each<[string, unknown[], ColumnMapping['scoreScale'], number, number | undefined]>([
    ['JSON booleans', [true, false, true], 'auto', 2 / 3, 1],
    ['"True"/"False" text', ['True', 'false', 'TRUE'], '0..1', 2 / 3, undefined],
    ['a 1..10 judge, inferred', [3, 10, 7], 'auto', 20 / 30, 10],
    ['a 1..10 judge, chosen', [1, 1, 1], '1..10', 0.1, undefined],
    ['0..100, inferred', [50, 100, 0], 'auto', 0.5, 100],
    ['0..100, chosen', [0.5, 1, 0], '0..100', 0.005, undefined],
  ])('scores: %s', async (_name, scores, scoreScale, mean, divisor) => {
    const records = scores.map((score) => JSON.stringify({ length: 1000, depth: 0, score }));
    const { cells, outcome, aggregated } = await readMapped('s.json', `[${records.join(',')}]`, {
      scoreScale,
    });
    expect(cells).toHaveLength(1);
    expect(cells[0]?.[2]).toBeCloseTo(mean, 12);
    // The inferred scale's divisor shows in the note; a chosen one is applied row by row.
    const dividedBy = outcome.ok
      ? /divided by (\d+)$/.exec(outcome.warnings.join('\n'))?.[1]
      : 'failed';
    expect([aggregated, dividedBy]).toEqual([
      divisor !== undefined,
      divisor !== undefined && divisor > 1 ? String(divisor) : undefined,
    ]);
  });

  it('skips scores outside a chosen scale', async () => {
    const { cells, outcome } = await readMapped(
      's.csv',
      'length,depth,score\n1000,0,1\n1000,0,7\n',
      {
        scoreScale: '0..1',
      },
    );
    expect(cells).toEqual([[1000, 0, 1, 1]]);
    expect(outcome.ok && outcome.warnings).toEqual([
      's.csv: 1 record skipped (line 3: score 7 is outside 0..1)',
    ]);
  });

  it('reads a table without depth as trials with depthPercent null, by task', async () => {
    const text = [
      '{"length": 4096, "task": "niah_single_1", "score": 100}',
      '{"length": 4096, "task": "niah_single_1", "score": 50}',
      '{"length": 8192, "task": "vt", "score": 0}',
    ].join('\n');
    const { trials, outcome } = await readMapped('ruler.jsonl', text, {
      depth: null,
      task: 'task',
    });
    expect(outcome).toMatchObject({ ok: true, records: 3 });
    expect(trials.map((t) => t.score)).toEqual([1, 0.5, 0]);
    expect(trials.map((t) => [t.lengthTokens, t.depthPercent, t.task, t.source.line])).toEqual([
      [4096, null, 'niah_single_1', 1],
      [4096, null, 'niah_single_1', 2],
      [8192, null, 'vt', 3],
    ]);
  });

  it('counts bad rows by kind with the first line, through quoted line breaks', async () => {
    const text = [
      'length,depth,score,response',
      '1000,0,1,"two',
      'lines"',
      '1000,10,abc,x',
      '',
      '1000,20,,x',
      '0,30,1,x',
      '1000,-5,1,x',
      '1000,5,1',
      '1000,50,0,"a, b"',
    ].join('\n');
    const { trials, outcome } = await readMapped('bad.csv', text, { response: 'response' });
    expect(trials.map((t) => [t.source.line, t.response])).toEqual([
      [2, 'two\nlines'],
      [10, 'a, b'],
    ]);
    expect(outcome.ok && outcome.warnings).toEqual([
      'bad.csv: 2 records skipped (first at line 4: score "abc" is not a number)',
      'bad.csv: 1 record skipped (line 7: context length 0 is not positive)',
      'bad.csv: 1 record skipped (line 8: depth -5% is outside 0..100)',
      'bad.csv: 1 record skipped (line 9: 3 fields where the header has 4)',
    ]);
  });

  it('names JSONL lines and JSON array items that cannot be read', async () => {
    const jsonl =
      '{"length": 1000, "depth": 0, "score": 1}\n[1]\n{"length": 1000, "depth": 0, "score": null}\n{"len\n';
    const lines = await readMapped('r.jsonl', jsonl, {});
    expect(lines.outcome.ok && lines.outcome.warnings).toEqual([
      'r.jsonl: 1 record skipped (line 2: not a JSON object)',
      'r.jsonl: 1 record skipped (line 3: score null is not a number)',
      expect.stringMatching(/^r\.jsonl: 1 record skipped \(line 4: not a JSON record/),
    ]);
    const json =
      '[{"length": 1000, "depth": 0, "score": 1}, {"length": "1k", "depth": 0, "score": 1}, {"length": 1000, "depth": 0}]';
    const items = await readMapped('r.json', json, {});
    expect(items.outcome.ok && items.outcome.warnings).toEqual([
      'r.json: 1 record skipped (item 2: length "1k" is not a number)',
      'r.json: 1 record skipped (item 3: no score)',
    ]);
  });

  it('reads a JSON file that is one object', async () => {
    const { cells } = await readMapped('one.json', '{"length": 1000, "depth": 50, "score": 1}', {});
    expect(cells).toEqual([[1000, 50, 1, 1]]);
  });

  it.each([
    [
      'a column the file lacks',
      'length,depth,score\n1000,0,1\n',
      { score: 'acc' },
      'no column "acc" (columns: length, depth, score)',
      1,
    ],
    [
      'no usable row',
      'length,depth,score\n1000,0,x\n',
      {},
      'no usable row: score "x" is not a number',
      2,
    ],
    [
      'scores beyond 100',
      'length,depth,score\n1000,0,250\n',
      {},
      'scores range from 250 to 250: not on a 0..1, 1..10 or 0..100 scale',
      undefined,
    ],
  ])('fails on %s', async (_name, text, fields, reason, line) => {
    const { outcome } = await readMapped('f.csv', text, fields);
    expect(outcome).toEqual(failedOutcome('f.csv', reason, line));
  });
});

describe('describeMapping', () => {
  it.each<[Partial<ColumnMapping>, string]>([
    [
      {
        length: 'tokens',
        depth: 'position',
        depthUnit: 'fraction',
        score: 'correct',
        scoreScale: '0..1',
      },
      'length ← tokens, depth ← position (fraction ×100), score ← correct (0..1)',
    ],
    [
      { depthUnit: 'auto', model: 'model', response: 'pred' },
      'length ← length, depth ← depth (percent or fraction, from the values), score ← score (scale from the values), model ← model, response ← pred',
    ],
    [
      { depth: null, scoreScale: '0..100', task: 'task' },
      'length ← length, no depth, score ← score (0..100), task ← task',
    ],
  ])('%j', async (fields, text) => {
    expect(describeMapping(mapping(fields))).toBe(text);
  });
});

describe('the generic format', () => {
  it.each([
    ['r.tsv', 'tokens\tposition\taccuracy\n1000\t0.5\t1\n', 0.3],
    ['r.csv', 'L,D,S\n1000,0,1\n', 0],
    ['r.json', '{"accuracy": 0.5}', 0],
  ])('claims %s weakly, and only when sure', async (path, head, confidence) => {
    expect(generic.detect(path, head)).toBe(confidence);
  });

  it('lets producer formats win, and is asked only when none claims the file', async () => {
    const detections = detectFormat('t.csv', 'context_length,depth_percent,score\n1000,0,1\n');
    expect(detections.map((d) => d.format.id)).toEqual(['tidy-csv']);
    const guessed = detectFormat('t.csv', 'tokens,position,accuracy\n1000,0.5,1\n');
    expect(guessed.map((d) => d.format.id)).toEqual(['generic']);
  });

  it('loads a guessed table streaming, one run per model, naming the guess', async () => {
    const text = [
      'model,ctx_len,depth,correct',
      'a,1000,0.0,true',
      'a,1000,0.0,false',
      'b,1000,0.5,true',
      'a,2000,1.0,true',
    ].join('\n');
    const result = await loadBatch([{ path: 'drop/r.csv', text }], CHUNK);
    expect(result.errors).toEqual([]);
    const runs = result.runs.map((run) => ({
      name: run.name,
      formats: run.formats,
      cells: run.cells.map((c) => [c.lengthTokens, c.depthPercent, cellMean(c), c.n]),
      warnings: run.warnings,
    }));
    const warnings = [
      'drop/r.csv: columns guessed: length ← ctx_len, depth ← depth (percent or fraction, from the values), score ← correct (scale from the values), model ← model',
      'drop/r.csv: depths in depth lie in 0..1: read as fractions of the document and multiplied by 100',
    ];
    expect(runs).toEqual([
      {
        name: 'a',
        formats: ['Generic table (guessed columns)'],
        cells: [
          [1000, 0, 0.5, 2],
          [2000, 100, 1, 1],
        ],
        warnings,
      },
      {
        name: 'b',
        formats: ['Generic table (guessed columns)'],
        cells: [[1000, 50, 1, 1]],
        warnings,
      },
    ]);
  });
});
