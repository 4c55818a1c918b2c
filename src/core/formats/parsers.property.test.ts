import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../load';
import type { ColumnMapping } from '../types';
import { readCsvRows } from '../read/csv';
import { MAX_JSON_DEPTH, parseJson } from '../read/json';
import { readLines } from '../read/lines';
import { readerFor } from '../readers';
import { textSource } from '../source';
import { anyPath, anyText, chunkChars } from '../testing/arbitraries';
import {
  batchProblems,
  outcomeProblems,
  propertyRuns,
  propertyTimeout,
  recordProblems,
  RecordingSink,
} from '../testing/properties';
import { gkamradtV2 } from './gkamradtV2';
import { lwm } from './lwm';
import { FORMATS } from './registry';

/** Per property; a parse of a few hundred characters takes well under a millisecond. */
const RUNS = 120;
const TIMEOUT_MS = propertyTimeout(20_000);

/** Mappings a user could confirm: every depth unit and score scale. */
const MAPPINGS: ColumnMapping[] = [
  {
    length: 'context_length',
    depth: 'depth_percent',
    depthUnit: 'auto',
    score: 'score',
    scoreScale: 'auto',
    model: 'model',
    task: 'task',
    needle: 'needle',
    response: 'response',
    expected: 'answer',
  },
  {
    length: 'length',
    depth: 'Document Depth',
    depthUnit: 'fraction',
    score: 'correct',
    scoreScale: '1..10',
    model: null,
    task: null,
    needle: null,
    response: null,
    expected: null,
  },
  {
    length: 'context_length',
    depth: null,
    depthUnit: 'percent',
    score: 'Score',
    scoreScale: '0..100',
    model: 'run',
    task: null,
    needle: null,
    response: null,
    expected: null,
  },
  {
    length: 'token_limit',
    depth: 'depth_percent',
    depthUnit: 'percent',
    score: 'score',
    scoreScale: '0..1',
    model: null,
    task: 'task_type',
    needle: null,
    response: null,
    expected: null,
  },
];

const input = fc.record({ path: anyPath, text: anyText, chunk: chunkChars });

describe('every parser, on any text', () => {
  it.each(FORMATS.map((format) => [format.id, format] as const))(
    '%s resolves to a well-formed outcome and never throws',
    async (_id, format) => {
      await fc.assert(
        fc.asyncProperty(input, async ({ path, text, chunk }) => {
          const sink = new RecordingSink();
          const outcome = await format.parse(textSource(path, text, chunk), sink);
          expect(outcomeProblems(outcome, path)).toEqual([]);
          expect(recordProblems(outcome, sink)).toEqual([]);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );

  it.each(FORMATS.map((format) => [format.id, format] as const))(
    '%s reads the same records whatever the chunk size',
    async (_id, format) => {
      await fc.assert(
        fc.asyncProperty(input, async ({ path, text, chunk }) => {
          const read = async (chars: number) => {
            const sink = new RecordingSink();
            const outcome = await format.parse(textSource(path, text, chars), sink);
            return { outcome, sink };
          };
          const [cut, whole] = [await read(chunk), await read(1 << 20)];
          expect(cut.outcome).toEqual(whole.outcome);
          // A failed file adds nothing, so only a success must have handed over the same records.
          if (whole.outcome.ok) expect(cut.sink).toEqual(whole.sink);
        }),
        { numRuns: propertyRuns(RUNS / 2) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a column mapping resolves to a well-formed outcome and never throws',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          input,
          fc.constantFrom(...MAPPINGS),
          async ({ path, text, chunk }, mapping) => {
            const reader = readerFor(textSource(path, text), { mapping });
            const sink = new RecordingSink();
            const outcome = await reader!.parse(textSource(path, text, chunk), sink);
            expect(outcomeProblems(outcome, path)).toEqual([]);
            expect(recordProblems(outcome, sink)).toEqual([]);
          },
        ),
        { numRuns: propertyRuns(RUNS * 2) },
      );
    },
    TIMEOUT_MS,
  );
});

describe('loading a batch of any files', () => {
  const choice = fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constantFrom(...FORMATS.map((f) => ({ formatId: f.id }))) },
    { weight: 1, arbitrary: fc.constantFrom(...MAPPINGS.map((mapping) => ({ mapping }))) },
  );
  const file = fc.record({ path: anyPath, text: anyText, choice });
  const files = fc.uniqueArray(file, { minLength: 1, maxLength: 3, selector: (f) => f.path });

  it(
    'accounts for every file and shows only values in 0..1',
    async () => {
      await fc.assert(
        fc.asyncProperty(files, chunkChars, async (batch, chunk) => {
          const result = await loadBatch(
            batch.map(({ path, text, choice: how }) => ({ path, text, ...how })),
            chunk,
          );
          expect(
            batchProblems(
              result,
              batch.map((f) => f.path),
            ),
          ).toEqual([]);
        }),
        { numRuns: propertyRuns(RUNS * 2) },
      );
    },
    TIMEOUT_MS,
  );
});

describe('regressions the properties found', () => {
  it('reports JSON broken thousands of levels deep with its line, instead of overflowing the stack', async () => {
    const text = `\n${'['.repeat(100_000)}`;
    expect(parseJson(text)).toMatchObject({ ok: false, line: 2 });
    const result = await loadBatch([{ path: 'deep.json', text }]);
    expect(result.errors).toEqual([expect.objectContaining({ file: 'deep.json', line: 2 })]);
  });

  it('refuses valid JSON nested deeper than any results file, instead of overflowing the stack', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const reason = `JSON nested deeper than ${MAX_JSON_DEPTH} levels: not a results file`;
    expect(parseJson(deep)).toEqual({ ok: false, reason });
    const sink = new RecordingSink();
    await expect(lwm.parse(textSource('r.json', deep), sink)).resolves.toEqual({
      ok: false,
      file: 'r.json',
      reason,
    });
    // One deep row of JSON Lines is skipped; the rows around it still count.
    const row = (score: string) =>
      `{"schema_version": 2, "context_length": 1000, "target_depth_percent": 50, "score": ${score}}`;
    const lines = [row('{"value": 1}'), row(`[${deep}]`), row('{"value": 0}')].join('\n');
    const outcome = await gkamradtV2.parse(textSource('v2.jsonl', lines), sink);
    expect(outcome).toMatchObject({ ok: true, records: 2 });
    expect(parseJson(`[${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH)}`).ok).toBe(
      true,
    );
  });

  it.each([
    ['a line', (text: string) => readLines(textSource('long.jsonl', text, 1), () => undefined)],
    ['a CSV row', (text: string) => readCsvRows(textSource('long.csv', text, 1), () => undefined)],
  ])(
    'reads %s of 300,000 characters in one-character chunks in linear time',
    async (_what, read) => {
      // Each chunk used to search or parse the whole line so far: about a minute here.
      await read(`a,b\n${'x,'.repeat(150_000)}\n`);
    },
    10_000,
  );
});
