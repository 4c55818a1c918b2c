import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridAccumulator } from './aggregate';
import { loadBatch } from './load';
import { cellMean, cellPassRate } from './metrics';
import { csvFile, makeTrial } from './testing/factories';
import { propertyRuns, propertyTimeout, THRESHOLDS } from './testing/properties';
import { makeSummary } from './testing/runs';
import type { Cell, CellSummary, Trial } from './types';

const RUNS = 150;
const TIMEOUT_MS = propertyTimeout(15_000);

/** Lengths of a sweep, and depths of one, sigmoid ones among them that round together. */
const LENGTHS = [1000, 2000, 4096, 128000] as const;
const DEPTHS = [0, 0.0004, 0.896, 1.199, 11.111, 33.3333, 33.33331, 50, 99.9996, 100] as const;
const TASKS = [undefined, 'niah_single_1', 'niah_multivalue'] as const;

/** Scores in 0..1: ones that sum inexactly (0.1 + 0.2) and any double. */
const score = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.1 + 0.2, 0.7, 0.7 - 1e-10, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const threshold = fc.oneof(
  fc.constantFrom(...THRESHOLDS),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const place = fc.record({
  lengthTokens: fc.constantFrom(...LENGTHS),
  depthPercent: fc.oneof(fc.constantFrom(...DEPTHS), fc.constant(null)),
  task: fc.constantFrom(...TASKS),
});

const trial = fc.tuple(place, score).map(([where, s]): Trial => makeTrial({ ...where, score: s }));

/** What an accumulator takes: trials mostly, and summaries and failed calls among them. */
type Item =
  | { kind: 'trial'; trial: Trial }
  | { kind: 'summary'; summary: CellSummary }
  | { kind: 'failed'; trial: Trial };

const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 6, arbitrary: trial.map((t): Item => ({ kind: 'trial', trial: t })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(place, fc.integer({ min: 1, max: 20 }), score, fc.option(score))
      .map(([where, n, mean, pass]): Item => ({
        kind: 'summary',
        summary: makeSummary({ ...where, n, meanScore: mean, passRate: pass ?? undefined }),
      })),
  },
  { weight: 1, arbitrary: trial.map((t): Item => ({ kind: 'failed', trial: t })) },
);

function accumulate(items: readonly Item[]): GridAccumulator {
  const acc = new GridAccumulator();
  for (const it of items) {
    if (it.kind === 'trial') acc.addTrial(it.trial);
    else if (it.kind === 'summary') acc.addSummary(it.summary);
    else acc.addFailedCall(it.trial);
  }
  return acc;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));

/**
 * How two sets of cells differ: places, counts and score distributions exactly; sums, means and
 * pass rates to 1e-12 (float addition depends on order).
 */
function cellDifferences(a: readonly Cell[], b: readonly Cell[], thresholds: number[]): string[] {
  const where = (c: Cell) => `${c.task}|${c.lengthTokens}|${c.depthPercent}`;
  if (a.map(where).join() !== b.map(where).join()) {
    return [`cells ${a.map(where).join()} vs ${b.map(where).join()}`];
  }
  return a.flatMap((x, i) => {
    const y = b[i]!;
    const problems: string[] = [];
    const exact = ['n', 'failedCalls', 'summaryN', 'scoreValues', 'scoreCounts'] as const;
    for (const key of exact) {
      if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) problems.push(`${where(x)} ${key}`);
    }
    if (!close(x.sum, y.sum)) problems.push(`${where(x)} sum ${x.sum} vs ${y.sum}`);
    if (!close(x.summaryPasses, y.summaryPasses)) problems.push(`${where(x)} summaryPasses`);
    if (x.n > 0 && !close(cellMean(x), cellMean(y))) problems.push(`${where(x)} mean`);
    for (const t of x.n > 0 ? thresholds : []) {
      if (!close(cellPassRate(x, t), cellPassRate(y, t))) problems.push(`${where(x)} pass @${t}`);
    }
    return problems;
  });
}

function sameGrid(a: GridAccumulator, b: GridAccumulator, thresholds: number[]): void {
  const x = a.finish();
  const y = b.finish();
  expect(cellDifferences(x.cells, y.cells, thresholds)).toEqual([]);
  expect([x.lengths, x.depths, x.tasks, a.trialCount]).toEqual([
    y.lengths,
    y.depths,
    y.tasks,
    b.trialCount,
  ]);
}

const items = fc.array(item, { maxLength: 60 });
const thresholds = fc.array(threshold, { minLength: 1, maxLength: 4 });

describe('aggregation', () => {
  it(
    'does not depend on the order of the records',
    async () => {
      const shuffled = items.chain((list) =>
        fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
      );
      fc.assert(
        fc.property(shuffled, thresholds, ([list, reordered], ts) => {
          sameGrid(accumulate(list), accumulate(reordered), ts);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'gives the same cells when the records are split over two accumulators and merged',
    async () => {
      fc.assert(
        fc.property(items, fc.nat(), thresholds, (list, cut, ts) => {
          const at = cut % (list.length + 1);
          const merged = accumulate(list.slice(0, at));
          merged.merge(accumulate(list.slice(at)));
          sameGrid(merged, accumulate(list), ts);
          const intoEmpty = new GridAccumulator();
          intoEmpty.merge(accumulate(list));
          sameGrid(intoEmpty, accumulate(list), ts);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'gives the same cells for a tidy CSV loaded whole or as two files of one drop',
    async () => {
      const row = fc.tuple(
        fc.constantFrom('', 'model-a', 'model-b'),
        fc.constantFrom(...LENGTHS),
        fc.constantFrom(...DEPTHS),
        score,
        fc.constantFrom('', 'niah_single_1', 'niah_multivalue'),
      );
      const header = 'model,context_length,depth_percent,score,task';
      await fc.assert(
        fc.asyncProperty(
          fc.array(row, { maxLength: 40 }),
          fc.nat(),
          thresholds,
          async (rows, cut, ts) => {
            const at = cut % (rows.length + 1);
            const whole = await loadBatch([csvFile('drop/all.csv', header, rows)]);
            const split = await loadBatch([
              csvFile('drop/a.csv', header, rows.slice(0, at)),
              csvFile('drop/b.csv', header, rows.slice(at)),
            ]);
            const byName = (result: typeof whole) =>
              [...result.runs].sort((a, b) => a.name.localeCompare(b.name));
            const [x, y] = [byName(whole), byName(split)];
            expect(x.map((r) => [r.name, r.trialCount])).toEqual(
              y.map((r) => [r.name, r.trialCount]),
            );
            x.forEach((run, i) => {
              expect(cellDifferences(run.cells, y[i]!.cells, ts)).toEqual([]);
            });
          },
        ),
        { numRuns: propertyRuns(RUNS / 2) },
      );
    },
    TIMEOUT_MS,
  );
});
