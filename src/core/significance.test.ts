import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, significanceNote, testGrid } from './significance';
import { fisherExactTwoSided } from './stats';
import { cellTrials, makeSummary, runOf } from './testing/runs';
import type { Cell } from './types';

/** The one cell of a run of `pass` passes out of `n` 0/1 trials. */
function cell(pass: number, n: number): Cell {
  const scores = [...Array<number>(pass).fill(1), ...Array<number>(n - pass).fill(0)];
  return runOf(cellTrials(1000, 50, scores)).cells[0]!;
}

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(method = "BH")', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.05 0.05 0.025 0.5
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
    [0.025, 0.05, 0.05, 0.025, 0.5].forEach((q, i) => expect(adjusted[i]).toBeCloseTo(q, 12));
  });

  it('never goes above 1 and keeps an empty list empty', () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('testGrid', () => {
  it('tests only pairs with per-trial results on both sides, and counts the rest by reason', () => {
    const averaged = runOf([], { summaries: [makeSummary({ n: 20, meanScore: 1 })] }).cells[0]!;
    const result = testGrid(
      [
        { a: cell(20, 20), b: cell(0, 20) },
        { a: averaged, b: cell(0, 20) },
        { a: cell(1, 1), b: cell(0, 1) },
        { a: cell(1, 1), b: null },
      ],
      0.7,
    );
    expect(result.tests[0]).toEqual({
      testable: true,
      pValue: fisherExactTwoSided(20, 20, 0, 20),
      adjustedP: fisherExactTwoSided(20, 20, 0, 20),
      significant: true,
    });
    expect(result.tests.slice(1)).toEqual([
      { testable: false, reason: 'pre-averaged' },
      { testable: false, reason: 'too-few-trials' },
      null,
    ]);
    expect(result).toMatchObject({
      testable: 1,
      significant: 1,
      untestable: { 'pre-averaged': 1, 'too-few-trials': 1 },
    });
    expect(result.note).toBe(
      '1 of 1 testable cells differ at FDR 5 % (Benjamini-Hochberg); 2 cells could not be tested: 1 pre-averaged, 1 with fewer than 2 trials.',
    );
  });

  it('corrects across the grid: a p-value under 0.05 alone is no discovery among many', () => {
    // 8/10 vs 3/10: Fisher p = 0.0698 alone; 7/8 vs 1/8: p = 0.0101.
    const single = fisherExactTwoSided(7, 8, 1, 8);
    expect(single).toBeLessThan(0.05);
    const pairs = [
      { a: cell(7, 8), b: cell(1, 8) },
      ...Array.from({ length: 9 }, () => ({ a: cell(5, 10), b: cell(5, 10) })),
    ];
    const result = testGrid(pairs, 0.7);
    expect(result.tests[0]).toMatchObject({ pValue: single, significant: false });
    expect(result.tests[0]).toMatchObject({ adjustedP: Math.min(1, single * 10) });
    expect(result.significant).toBe(0);
    expect(testGrid(pairs.slice(0, 1), 0.7).significant).toBe(1);
  });

  it('says when nothing could be tested', () => {
    expect(
      significanceNote({
        testable: 0,
        significant: 0,
        untestable: { 'pre-averaged': 3, 'too-few-trials': 0 },
        fdr: 0.05,
      }),
    ).toBe(
      'No cells could be tested for a difference beyond chance; 3 cells could not be tested: 3 pre-averaged.',
    );
  });
});
