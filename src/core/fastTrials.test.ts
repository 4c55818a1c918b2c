import { describe, expect, it } from 'vitest';
import { recordingSink, type SinkRecord } from './load';
import { parseWithMapping } from './parseWithMapping';
import { textSource } from './source';
import type { ColumnMapping } from './types';

const TIDY: ColumnMapping = {
  length: 'context_length',
  depth: 'depth_percent',
  depthUnit: 'percent',
  score: 'score',
  scoreScale: 'auto',
  model: 'model',
  task: null,
  needle: 'needle',
  response: 'response',
  expected: null,
};

/** Everything a parse hands on and answers, and the notes it left on the source. */
async function read(
  text: string,
  fastPath: boolean,
  { mapping = TIDY, chunkChars = 1 << 20, path = 't.csv' } = {},
) {
  const calls: SinkRecord[] = [];
  const sink = recordingSink(calls);
  const source = textSource(path, text, chunkChars);
  const kind = path.endsWith('.csv') ? ('csv' as const) : undefined;
  const outcome = await parseWithMapping(source, mapping, sink, {
    ...(kind ? { kind } : {}),
    normaliseHeader: true,
    fastPath,
  });
  return { outcome, calls, notes: source.notes };
}

/** The fast path and the general one give the same trials, cells, notes and errors. */
async function expectSame(text: string, options: Parameters<typeof read>[2] = {}) {
  const general = await read(text, false, options);
  const fast = await read(text, true, options);
  expect(fast).toEqual(general);
  return general;
}

const HEADER = 'model,context_length,depth_percent,score,needle,response';

function rows(count: number, row: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => row(i)).join('\n');
}

const plain = rows(
  300,
  (i) => `m${i % 3},${1000 * (1 + (i % 7))},${(i % 11) * 9.5},${i % 2},n${i},r${i}`,
);

describe('the fast path of tidy tables reads as the general one', () => {
  it.each([
    ['plain rows', `${HEADER}\n${plain}\n`],
    ['no final line end', `${HEADER}\n${plain}`],
    ['CRLF line ends', `${HEADER}\r\n${plain.replace(/\n/g, '\r\n')}\r\n`],
    ['lone CR line ends', `${HEADER}\r${plain.replace(/\n/g, '\r')}`],
    ['a byte-order mark', `\uFEFF${HEADER}\n${plain}\n`],
    ['empty and blank lines', `${HEADER}\n\n${plain.replace(/\n(m1)/g, '\n\n  \n$1')}\n\n`],
    ['quoted fields from the start', `${HEADER}\n"m,1",1000,0,1,"a ""b""",r\n${plain}`],
    [
      'a quoted header',
      `"model","context_length","depth_percent","score","needle","response"\n${plain}`,
    ],
    ['a quote late in the file', `${HEADER}\n${plain}\nm,1000,0,1,"x\ny",r\n${plain}`],
    ['a quote in the middle of a field', `${HEADER}\n${plain}\nm,1000,0,1,a"b,r\n${plain}`],
    ['extra and missing fields', `${HEADER}\n${plain}\nm,1000,0,1,n,r,extra\nm,1000,0\n${plain}`],
    [
      'a bad number on a line',
      `${HEADER}\n${plain}\nm,10x00,0,1,n,r\nm,1000,abc,1,n,r\nm,1000,0,,n,r`,
    ],
    [
      'numbers written otherwise',
      `${HEADER}\nm, 1000,0,1,n,r\nm,1e3,5E1,1,n,r\nm,+2000,.5,1.,n,r\nm,1000,-0,0.10000000000000001,n,r\n${plain}`,
    ],
    ['scores as words', `${HEADER}\nm,1000,0,true,n,r\nm,1000,0,FALSE,n,r\n${plain}`],
    [
      'coordinates out of range',
      `${HEADER}\nm,-5,0,1,n,r\nm,1000.5,0,1,n,r\nm,1000,101,1,n,r\nm,1000,-1,1,n,r\nm,0,0,1,n,r\n${plain}`,
    ],
    [
      'scores on 1..10',
      `${HEADER}\n${rows(50, (i) => `m,1000,${i % 5},${[1, 3, 5, 7, 10][i % 5]},n,r`)}`,
    ],
    [
      'names with spaces and none',
      `${HEADER}\n  m  ,1000,0,1,n,r\n,1000,0,1,n,r\n   ,2000,0,1,n,r\nm,1000,0,1,n,r`,
    ],
    [
      'long model names',
      `${HEADER}\n${rows(40, (i) => `a-rather-long-model-name-${i % 4},1000,${i},1,n,r`)}`,
    ],
    ['only a header', `${HEADER}\n`],
    ['an empty file', ''],
    ['a header without a mapped column', `model,context_length,score\nm,1000,1`],
    ['repeated columns', `model,context_length,depth_percent,score,Score\nm,1000,0,1,0\n${plain}`],
    ['tabs', `${HEADER.replace(/,/g, '\t')}\n${plain.replace(/,/g, '\t')}`],
  ])('%s', async (_name, text) => {
    await expectSame(text);
    await expectSame(text, { chunkChars: 7 });
  });

  it('reads decimal commas in a semicolon table as the general path does', async () => {
    const text = `${HEADER.replace(/,/g, ';')}\nm;1000;0,5;1;n;r\nm;1000;12,25;0;1,5;2,5\nm,1;1000;0;1;n;r\n1,5;1000;0;1;n;r\n${plain.replace(/,/g, ';')}`;
    const general = await expectSame(text);
    await expectSame(text, { chunkChars: 5 });
    expect(general.outcome.ok).toBe(true);
  });

  it('reads depth fractions and an open depth unit as the general path does', async () => {
    const auto: ColumnMapping = { ...TIDY, depthUnit: 'auto' };
    const fractions = `${HEADER}\n${rows(200, (i) => `m,1000,${(i % 10) / 10},1,n,r`)}`;
    await expectSame(fractions, { mapping: auto });
    await expectSame(fractions, { mapping: { ...TIDY, depthUnit: 'fraction' } });
    await expectSame(`${fractions}\nm,1000,50,1,n,r\n${plain}`, { mapping: auto });
  });

  it('reads a chosen score scale as the general path does', async () => {
    const text = `${HEADER}\n${plain}\nm,1000,0,7,n,r`;
    await expectSame(text, { mapping: { ...TIDY, scoreScale: '0..1' } });
    await expectSame(text, { mapping: { ...TIDY, scoreScale: '1..10' } });
  });

  it('reads tasks as the general path does', async () => {
    const text = `task,${HEADER}\n${rows(100, (i) => `${['qa1', ' qa2', '', 'qa1'][i % 4]},m,1000,0,1,n,r`)}`;
    await expectSame(text, { mapping: { ...TIDY, task: 'task' } });
  });

  it('reads a table with no depth column as the general path does', async () => {
    await expectSame(`${HEADER}\n${plain}`, { mapping: { ...TIDY, depth: null } });
  });

  it('gives the line of a row it cannot read, past the rows it read fast', async () => {
    const { outcome } = await expectSame(`${HEADER}\n${plain}\nm,1000,0,"1`);
    expect(outcome).toMatchObject({ ok: false, line: 302 });
  });

  it('counts every trial of a million-cell sweep into its cell', async () => {
    const text = `${HEADER}\n${rows(5000, (i) => `m${i % 2},${1000 + (i % 50)},${((i * 7) % 1000) / 10},${(i % 3) / 2},n,r`)}`;
    const { calls } = await expectSame(text, { chunkChars: 4096 });
    expect(calls).toHaveLength(1);
  });
});

const JSONL: ColumnMapping = { ...TIDY, needle: null, response: 'response' };

function jsonRows(count: number, row: (i: number) => string): string {
  return rows(count, row);
}

const plainJson = jsonRows(
  300,
  (i) =>
    `{"model": "m${i % 3}", "context_length": ${1000 * (1 + (i % 7))}, "depth_percent": ${(i % 11) * 9.5}, "score": ${i % 2}, "response": "r${i}"}`,
);

describe('the fast path of JSON lines reads as the general one', () => {
  it.each([
    ['plain lines', plainJson],
    [
      'CRLF, a byte-order mark and blank lines',
      `\uFEFF${plainJson.replace(/\n/g, '\r\n\r\n')}\r\n`,
    ],
    [
      'no spaces and odd spaces',
      `${plainJson.replace(/: /g, ':').replace(/, /g, ',')}\n  {"model" :"m" ,"context_length":1000 , "depth_percent":0,"score":1,"response":"r"}  \n${plainJson}`,
    ],
    [
      'escapes and nested values',
      `${plainJson}\n{"model": "m\\"q", "context_length": 1000, "depth_percent": 0, "score": 1, "response": "a\\nb"}\n{"model": "m", "context_length": 1000, "depth_percent": 0, "score": 1, "response": {"text": "r"}}\n${plainJson}`,
    ],
    [
      'other keys and orders',
      `${plainJson}\n{"context_length": 1000, "model": "m", "depth_percent": 0, "score": 1, "response": "r"}\n{"model": "m", "context_length": 1000, "depth_percent": 0, "score": 1}\n{"model": "m", "context_length": 1000, "depth_percent": 0, "score": 1, "response": "r", "x": 1}\n${plainJson}`,
    ],
    [
      'numbers and words',
      `${plainJson}\n{"model": "m", "context_length": "2000", "depth_percent": 5e1, "score": true, "response": "r"}\n{"model": 5, "context_length": 1000, "depth_percent": -0, "score": 1.5E-1, "response": 7}\n{"model": null, "context_length": 1000, "depth_percent": 0, "score": null, "response": null}\n{"model": "m", "context_length": 1000, "depth_percent": NaN, "score": 1, "response": "r"}\n${plainJson}`,
    ],
    [
      'broken lines',
      `${plainJson}\n{"model": "m", "context_length": 01, "depth_percent": 0, "score": 1, "response": "r"}\n{"model": "m", "context_length": 1000,\n[1, 2]\n"text"\n${plainJson}\n{"model": "m", "context_length": 1000, "depth_pe`,
    ],
    [
      'repeated and integer-like keys',
      `{"model": "m", "model": "n", "context_length": 1000, "depth_percent": 0, "score": 1, "response": "r"}\n{"1": 5, "model": "m", "context_length": 1000, "depth_percent": 0, "score": 1, "response": "r"}\n${plainJson}`,
    ],
    [
      'bad coordinates',
      `${plainJson}\n{"model": "m", "context_length": -1000, "depth_percent": 0, "score": 1, "response": "r"}\n{"model": "m", "context_length": 1000.5, "depth_percent": 140, "score": 1, "response": "r"}\n{"model": " ", "context_length": 1000, "depth_percent": 0, "score": 7, "response": "r"}`,
    ],
  ])('%s', async (_name, text) => {
    await expectSame(text, { mapping: JSONL, path: 't.jsonl' });
    await expectSame(text, { mapping: JSONL, path: 't.jsonl', chunkChars: 11 });
  });

  it('reads fraction depths with an open unit as the general path does', async () => {
    const text = jsonRows(
      100,
      (i) => `{"context_length": 1000, "depth": ${(i % 10) / 10}, "score": 1}`,
    );
    const mapping: ColumnMapping = {
      ...JSONL,
      depth: 'depth',
      depthUnit: 'auto',
      model: null,
      response: null,
    };
    await expectSame(text, { mapping, path: 't.jsonl' });
  });
});
