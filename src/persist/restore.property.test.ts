import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBatch } from '../core/load';
import type { RunDraft } from '../core/types';
import { NASTY } from '../core/testing/arbitraries';
import { csvFile } from '../core/testing/factories';
import { propertyRuns, propertyTimeout } from '../core/testing/properties';
import { planRestore } from './restore';
import { SAVED_VERSION, type SavedMeta } from './savedState';

const RUNS = 80;
const TIMEOUT_MS = propertyTimeout(30_000);

/** Numbers and texts at and past the limits, beside ordinary ones and the parsers' nasties. */
const number = fc.oneof(
  fc.constantFrom(
    '1000',
    '128000',
    '9007199254740993',
    '9007199254740991',
    '1e300',
    '1000000001',
    '1000000000',
    '0.5',
    '50',
    '1',
  ),
  fc.constantFrom(...NASTY),
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
);
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...NASTY),
  fc.constantFrom('=HYPERLINK("http://x")', '+1'),
  fc.integer({ min: 150, max: 260 }).map((n) => 'm'.repeat(n)),
  fc.constant('r'.repeat(100_001)),
);
const tidyRow = fc.tuple(number, number, number, text, text, text);
const cellsRow = fc.tuple(text, number, number, number, number, number);

/** Saves runs as persist does (a structured clone in IndexedDB) and restores them. */
function saveAndRestore(runs: readonly RunDraft[]): RunDraft[] {
  const records = new Map(runs.map((run, i) => [i + 1, structuredClone({ ...run, id: `r${i}` })]));
  const meta: SavedMeta = {
    version: SAVED_VERSION,
    order: [...records.keys()],
    aside: [],
    view: {},
  };
  const plan = planRestore(meta, records);
  expect(plan.setAside.map((run) => run.reason)).toEqual([]);
  return plan.restored.map(({ draft }) => draft);
}

describe('whatever a load accepts survives a save and a restore', () => {
  it(
    'tidy CSVs with lengths, names and responses at and past the limits',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(tidyRow, { minLength: 1, maxLength: 8 }), async (rows) => {
          const file = csvFile(
            'results.csv',
            'context_length,depth_percent,score,model,task,response',
            rows,
          );
          const { runs } = await loadBatch([file]);
          expect(saveAndRestore(runs)).toEqual(runs);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'Haymap cells CSVs with counts at and past the limits',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(cellsRow, { minLength: 1, maxLength: 8 }), async (rows) => {
          const file = csvFile(
            'cells.csv',
            'run,context_length,depth_percent,n,mean_score,pass_rate',
            rows,
          );
          const { runs } = await loadBatch([file]);
          expect(saveAndRestore(runs)).toEqual(runs);
        }),
        { numRuns: propertyRuns(RUNS) },
      );
    },
    TIMEOUT_MS,
  );
});
