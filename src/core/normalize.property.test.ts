import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBatch } from './load';
import type { BatchResult, ColumnMapping, ScaleChoice } from './types';
import { inferScale, SCALE_HUNDRED, SCALE_TEN, SCALE_UNIT } from './normalize';
import { csvFile } from './testing/factories';
import {
  batchProblems,
  cellProblems,
  propertyRuns,
  propertyTimeout,
  THRESHOLDS,
} from './testing/properties';

const RUNS = 100;
const TIMEOUT_MS = propertyTimeout(15_000);

const SCALES = { '0..1': SCALE_UNIT, '1..10': SCALE_TEN, '0..100': SCALE_HUNDRED } as const;
type Scale = keyof typeof SCALES;

/** Scores on a scale: its ends, whole numbers on it, and any double within it. */
function scoresOn(scale: Scale): fc.Arbitrary<number> {
  const top = SCALES[scale].top;
  return fc.oneof(
    fc.constantFrom(0, top, top * 0.7, top / 3),
    fc.integer({ min: 0, max: top }),
    fc.double({ min: 0, max: top, noNaN: true }),
  );
}

/** Rows of (length, depth, score) with the scores on one scale. */
function rowsOn(scale: Scale, depth: fc.Arbitrary<number>) {
  return fc.array(fc.tuple(fc.constantFrom(1000, 4096, 128000), depth, scoresOn(scale)), {
    minLength: 1,
    maxLength: 30,
  });
}

const scale = fc.constantFrom<Scale>('0..1', '1..10', '0..100');
const percent = fc.oneof(
  fc.constantFrom(0, 0.896, 50, 100),
  fc.double({ min: 0, max: 100, noNaN: true }),
);
const fraction = fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }));
const thresholds = fc.array(
  fc.oneof(fc.constantFrom(...THRESHOLDS), fc.double({ min: 0, max: 1, noNaN: true })),
  { maxLength: 3 },
);

/** Problems with what a load shows: every kept score, cell value and depth within range. */
function shownProblems(result: BatchResult, paths: string[], ts: number[]): string[] {
  const problems = batchProblems(result, paths);
  for (const run of result.runs) {
    for (const cell of run.cells) problems.push(...cellProblems(cell, [...THRESHOLDS, ...ts]));
    for (const trial of run.details) {
      if (!(trial.score >= 0 && trial.score <= 1)) problems.push(`detail score ${trial.score}`);
    }
  }
  return problems;
}

describe('normalisation', () => {
  it('inferScale picks the smallest scale holding the scores, which then lie in 0..1', () => {
    const score = fc.oneof(
      fc.double({ min: -1, max: 101, noNaN: true }),
      fc.constantFrom(-0, 0, 1, 10, 100, 1 + Number.EPSILON, 100.0000001),
    );
    fc.assert(
      fc.property(score, score, (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const found = inferScale(min, max);
        if (min < 0 || max > 100) {
          expect(found).toBeNull();
          return;
        }
        expect(found).not.toBeNull();
        const top = found!.top;
        expect(min / top).toBeGreaterThanOrEqual(0);
        expect(max / top).toBeLessThanOrEqual(1);
        expect([1, 10, 100].filter((t) => t < top).every((t) => max > t)).toBe(true);
      }),
      { numRuns: propertyRuns(RUNS * 5) },
    );
  });

  it(
    'a tidy CSV on any scale shows scores, means and pass rates in 0..1',
    async () => {
      const file = scale.chain((s) => rowsOn(s, percent));
      await fc.assert(
        fc.asyncProperty(file, thresholds, async (rows, ts) => {
          const text = csvFile('s.csv', 'context_length,depth_percent,score', rows);
          const result = await loadBatch([text]);
          expect(result.errors).toEqual([]);
          expect(shownProblems(result, ['s.csv'], ts)).toEqual([]);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'mapped columns on any scale and depth unit show scores in 0..1 and depths in 0..100',
    async () => {
      const mapped = fc
        .record({
          scale,
          choice: fc.constantFrom<'given' | 'auto'>('given', 'auto'),
          unit: fc.constantFrom<'fraction' | 'percent' | 'auto'>('fraction', 'percent', 'auto'),
        })
        .chain(({ scale: s, choice, unit }) =>
          fc.record({
            scoreScale: fc.constant<ScaleChoice>(choice === 'auto' ? 'auto' : s),
            unit: fc.constant(unit),
            rows: rowsOn(s, unit === 'percent' ? percent : fraction),
          }),
        );
      await fc.assert(
        fc.asyncProperty(mapped, thresholds, async ({ scoreScale, unit, rows }, ts) => {
          const mapping: ColumnMapping = {
            length: 'tokens',
            depth: 'position',
            depthUnit: unit,
            score: 'acc',
            scoreScale,
            model: null,
            task: null,
            needle: null,
            response: null,
            expected: null,
          };
          const file = csvFile('m.csv', 'tokens,position,acc', rows);
          const result = await loadBatch([{ ...file, mapping }]);
          expect(result.errors).toEqual([]);
          expect(shownProblems(result, ['m.csv'], ts)).toEqual([]);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a wide table on any scale, depths as fractions or percent, shows values in 0..1',
    async () => {
      const table = fc.record({
        s: scale,
        depths: fc.oneof(
          fc.uniqueArray(fraction, { minLength: 1, maxLength: 6 }),
          fc.uniqueArray(percent, { minLength: 1, maxLength: 6 }),
        ),
      });
      await fc.assert(
        fc.asyncProperty(
          table.chain(({ s, depths }) =>
            fc.tuple(
              fc.constant(depths),
              fc.array(fc.tuple(scoresOn(s), scoresOn(s), scoresOn(s)), {
                minLength: depths.length,
                maxLength: depths.length,
              }),
            ),
          ),
          thresholds,
          async ([depths, scores], ts) => {
            const rows = depths.map((depth, i) => [depth, ...(scores[i] ?? [])]);
            const file = csvFile('wide.csv', 'depth,1000,2000,4000', rows);
            const result = await loadBatch([{ ...file, formatId: 'wide-table' }]);
            expect(result.errors).toEqual([]);
            expect(shownProblems(result, ['wide.csv'], ts)).toEqual([]);
          },
        ),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );
});
