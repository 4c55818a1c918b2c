import { describe, expect, it } from 'vitest';
import { loadBatch } from '../core/load';
import type { RunDraft } from '../core/types';
import { MAX_AXIS_VALUES, MAX_DETAIL_CHARS, MAX_RUN_NAME_CHARS, MAX_RUNS } from '../core/limits';
import { csvFile } from '../core/testing/factories';
import { keysToRead, planRestore, rawRecordText } from './restore';
import { readSavedMeta, SAVED_VERSION } from './savedState';

const BIG = 'x'.repeat(1_100_000);
const TIDY = 'context_length,depth_percent,score';

/** Saves runs as persist does (structured clones under keys 1, 2 ...) and plans the restore. */
function roundTrip(runs: readonly RunDraft[]) {
  const records = new Map<number, unknown>(
    runs.map((run, i) => [i + 1, structuredClone({ ...run, id: `run-${i}` })]),
  );
  return planRestore(
    { version: SAVED_VERSION, order: [...records.keys()], aside: [], view: {} },
    records,
  );
}

describe('limits at load, so that a restore brings back what was loaded', () => {
  it.each([
    ['a length too large to be exact', `${TIDY}\n9007199254740993,50,1\n1000,50,1\n`, 'length'],
    ['a length of 1e300', `${TIDY}\n1e300,50,1\n1000,50,1\n`, 'length'],
    [
      'a cells CSV with an n too large to add exactly',
      'run,context_length,depth_percent,n,mean_score,pass_rate\n' +
        'r,1000,50,9007199254740991,0.5,0.5\nr,1000,50,5,0.5,0.5\n',
      'n 9007199254740991',
    ],
  ])('skips the record with %s, with a counted note', async (_what, text, said) => {
    const { runs, errors } = await loadBatch([{ path: 'case.csv', text }]);
    expect(errors).toEqual([]);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.lengths).toEqual([1000]);
    expect(runs[0]!.warnings.join('\n')).toContain('1 record skipped');
    expect(runs[0]!.warnings.join('\n')).toContain(said);
    expect(roundTrip(runs).restored.map((r) => r.draft)).toEqual(runs);
  });

  it('cuts a 1.1M-character response for the drill-down, with a note', async () => {
    const { runs } = await loadBatch([
      csvFile('resp.csv', `${TIDY},response`, [[1000, 50, 1, BIG]]),
    ]);
    expect(runs[0]!.details[0]!.response).toHaveLength(MAX_DETAIL_CHARS);
    expect(runs[0]!.warnings).toEqual([
      'resp.csv: 1 record with a response cut to 100,000 characters',
    ]);
    expect(roundTrip(runs).restored.map((r) => r.draft)).toEqual(runs);
  });

  it('cuts a 1.1M-character model name, with a note', async () => {
    const { runs } = await loadBatch([csvFile('m.csv', `${TIDY},model`, [[1000, 50, 1, BIG]])]);
    expect(runs[0]!.name).toBe('x'.repeat(MAX_RUN_NAME_CHARS));
    expect(runs[0]!.warnings).toEqual(['m.csv: 1 record with a model name cut to 200 characters']);
    expect(roundTrip(runs).restored.map((r) => r.draft)).toEqual(runs);
  });

  /** A LongBench v2 row: its difficulty is the run's one facet. */
  const longBenchRow = (difficulty: string, judge: boolean) =>
    JSON.stringify({ _id: 'q', domain: 'QA', difficulty, length: 'short', pred: 'A', judge });

  it('skips a record whose facet is too long to be one, with a counted note', async () => {
    const text = [longBenchRow('easy', true), longBenchRow('9'.repeat(400), false)].join('\n');
    const { runs, errors } = await loadBatch([{ path: 'm/gpt-4o.jsonl', text }]);
    expect(errors).toEqual([]);
    expect(runs[0]!.cells.map((cell) => [cell.facets, cell.n])).toEqual([
      [{ difficulty: 'easy' }, 1],
    ]);
    expect(runs[0]!.warnings).toContain(
      'm/gpt-4o.jsonl: 1 record skipped (line 2: the facet "difficulty" is longer than 200 characters)',
    );
    expect(roundTrip(runs).restored.map((r) => r.draft)).toEqual(runs);
  });

  it('fails a file all of whose records are past the limits, saying why, and keeps the others', async () => {
    const long = 'x'.repeat(400);
    const { runs, errors, formats } = await loadBatch([
      {
        path: 'a/gpt-4o.jsonl',
        text: [longBenchRow(long, true), longBenchRow(long, true)].join('\n'),
      },
      { path: 'b/gpt-4o.jsonl', text: longBenchRow('hard', true) },
    ]);
    expect(runs.map((run) => run.files)).toEqual([['b/gpt-4o.jsonl']]);
    expect(formats.map((format) => format.file)).toEqual(['b/gpt-4o.jsonl']);
    expect(errors).toEqual([
      {
        file: 'a/gpt-4o.jsonl',
        reason:
          'no record within the limits Haymap keeps: 2 records skipped (first at line 1: ' +
          'the facet "difficulty" is longer than 200 characters)',
      },
    ]);
  });

  it('refuses a run with more distinct lengths than a heatmap can draw, naming the count', async () => {
    const rows = Array.from({ length: MAX_AXIS_VALUES + 1 }, (_, i) => [1000 + i, 50, 1]);
    const { runs, errors } = await loadBatch([csvFile('wide.csv', TIDY, rows)]);
    expect(runs).toEqual([]);
    expect(errors).toEqual([
      {
        file: 'wide.csv',
        reason:
          'not loaded: run “wide”: 2,001 distinct context lengths; Haymap draws up to 2,000 per run ' +
          '(is the right column read as the length and depth?)',
      },
    ]);
  });
});

describe('restoring the saved copy run by run', () => {
  it('sets a corrupted run aside alone, naming it, and restores the others', async () => {
    const { runs } = await loadBatch([
      csvFile('two.csv', `${TIDY},model`, [
        [1000, 50, 1, 'good-a'],
        [1000, 50, 0, 'bad'],
        [2000, 50, 1, 'good-b'],
      ]),
    ]);
    const records = new Map<number, unknown>(runs.map((run, i) => [i + 1, structuredClone(run)]));
    const bad = { ...runs[1]!, cells: [{ ...runs[1]!.cells[0], n: 'many' }] };
    records.set(2, bad);
    const plan = planRestore(
      { version: SAVED_VERSION, order: [1, 2, 3], aside: [], view: {} },
      records,
    );
    expect(plan.restored.map((r) => [r.key, r.position, r.draft.name])).toEqual([
      [1, 0, 'good-a'],
      [3, 2, 'good-b'],
    ]);
    expect(plan.setAside).toEqual([
      {
        key: 2,
        name: 'bad',
        reason: expect.stringContaining('run “bad”: a cell’s n') as string,
        raw: bad,
      },
    ]);
    expect(JSON.parse(rawRecordText(bad))).toEqual(bad);
  });

  it('reads a saved order of 200,000 copies of one key as one run, in bounded work', () => {
    const meta = readSavedMeta({ version: SAVED_VERSION, order: Array(200_000).fill(7), view: {} });
    expect(meta.ok && meta.value.order).toEqual([7]);
    expect(meta.ok && keysToRead(meta.value)).toEqual([7]);
  });

  it('reads at most MAX_RUNS distinct keys of a saved order', () => {
    const order = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const meta = readSavedMeta({ version: SAVED_VERSION, order, view: {} });
    expect(meta.ok && meta.value.order).toHaveLength(MAX_RUNS);
  });

  it('writes a raw record JSON cannot hold as text', () => {
    const cyclic: Record<string, unknown> = { name: 'loop', n: 1n };
    cyclic.self = cyclic;
    expect(JSON.parse(rawRecordText(cyclic))).toEqual({ name: 'loop', n: '1', self: '[cycle]' });
  });
});
