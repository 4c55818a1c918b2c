import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { claudeLikeFolder } from '../../scripts/lib/synth.mjs';
import { loadBatch } from './load';
import { cellMean } from './metrics';

/**
 * The folder of 1,376 gkamradt per-test files (35 lengths x 35 sigmoid depths, 151 cells with a
 * second repeat) must give exactly what pandas' pivot_table(aggfunc="mean") of score / 10 gives.
 * The expected table was written by scripts/pandas_pivot.py from the same generated folder.
 */
const files = claudeLikeFolder().map(({ name, text }) => ({ path: `claude-like/${name}`, text }));
const result = await loadBatch(files);

describe('parity with pandas on a 1,376-file sigmoid sweep', () => {
  const expected = Papa.parse<Record<string, string>>(
    readFileSync(
      resolve(import.meta.dirname, '../../e2e/fixtures/sigmoid-1376.expected.csv'),
      'utf8',
    ),
    { header: true, skipEmptyLines: true },
  ).data;

  it('loads as one run of 1,225 cells', async () => {
    expect(files).toHaveLength(1376);
    expect(result.errors).toEqual([]);
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]?.cells).toHaveLength(1225);
    expect(expected).toHaveLength(1225);
  });

  it('matches every cell of the pandas pivot', async () => {
    const cells = new Map(
      result.runs[0]?.cells.map((c) => [`${c.lengthTokens}|${c.depthPercent}`, c]),
    );
    for (const row of expected) {
      const cell = cells.get(`${Number(row.context_length)}|${Number(row.depth_percent)}`);
      expect(cell, `cell ${row.context_length} x ${row.depth_percent}`).toBeDefined();
      expect(cell?.n).toBe(Number(row.n));
      expect(cellMean(cell!)).toBeCloseTo(Number(row.mean_score), 12);
    }
  });
});
