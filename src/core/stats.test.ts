import { describe, expect, it } from 'vitest';
import { differsBeyondChance, fisherExactTwoSided, twoProportionZ } from './stats';

/** Relative closeness, for p-values that span many orders of magnitude. */
function expectRelativelyClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * expected);
}

describe('fisherExactTwoSided', () => {
  // Expected values: R's fisher.test where quoted in the brief, otherwise SciPy's
  // fisher_exact, and for the large tables exact rational arithmetic (Python fractions).
  it.each([
    { table: [3, 4, 1, 4], p: 0.4857142857142857, why: 'R: [[3,1],[1,3]]' },
    { table: [10, 10, 0, 10], p: 1.082508822446903e-5, why: 'R: [[10,0],[0,10]]' },
    { table: [1, 10, 11, 14], p: 0.0027594561852200836, why: 'R: [[1,9],[11,3]]' },
    { table: [20, 20, 0, 20], p: 1.4508889103849688e-11, why: '20/20 vs 0/20' },
    { table: [7, 10, 2, 10], p: 0.06977851869492736, why: 'asymmetric, not significant' },
    { table: [12, 20, 5, 20], p: 0.05355099259437413, why: 'near the 5% line' },
    { table: [0, 5, 5, 5], p: 0.007936507936507938, why: 'all fails vs all passes' },
    { table: [10000, 20000, 10300, 20000], p: 0.002786251483941703, why: 'n = 40 000' },
    { table: [30000, 40000, 29800, 40000], p: 0.10534571693346592, why: 'n = 80 000' },
  ])('$why', ({ table: [passA, nA, passB, nB], p }) => {
    expectRelativelyClose(fisherExactTwoSided(passA ?? 0, nA ?? 0, passB ?? 0, nB ?? 0), p, 1e-9);
  });

  it.each([
    { table: [4, 4, 6, 6], why: 'all passes' },
    { table: [0, 4, 0, 6], why: 'all fails' },
    { table: [5, 10, 5, 10], why: 'identical rates' },
    { table: [1, 2, 2, 2], why: '1/2 vs 2/2' },
    { table: [0, 0, 3, 5], why: 'no trials in A' },
  ])('gives 1 where nothing tells the two apart: $why', ({ table: [passA, nA, passB, nB] }) => {
    expect(fisherExactTwoSided(passA ?? 0, nA ?? 0, passB ?? 0, nB ?? 0)).toBeCloseTo(1, 12);
  });

  it('is symmetric in A and B and in passes and fails', () => {
    const p = fisherExactTwoSided(1, 10, 11, 14);
    expect(fisherExactTwoSided(11, 14, 1, 10)).toBeCloseTo(p, 15);
    expect(fisherExactTwoSided(9, 10, 3, 14)).toBeCloseTo(p, 15);
  });

  it.each([
    [1.5, 4, 1, 4],
    [5, 4, 1, 4],
    [-1, 4, 1, 4],
  ])('refuses counts that are not a table: %s/%s vs %s/%s', (passA, nA, passB, nB) => {
    expect(() => fisherExactTwoSided(passA, nA, passB, nB)).toThrow(RangeError);
  });
});

describe('twoProportionZ', () => {
  // Expected: 2·(1 − Φ(|z|)) with the pooled standard error, by Python's math.erfc; the same
  // as R's prop.test(correct = FALSE).
  it.each([
    { counts: [45, 100, 30, 100], p: 0.02845973691631057 },
    { counts: [500, 1000, 550, 1000], p: 0.02516448570031841 },
    { counts: [1200, 2000, 1100, 2000], p: 0.0013816125257326102 },
    { counts: [990, 1000, 950, 1000], p: 1.5779387828444893e-7 },
    { counts: [3000, 5000, 2500, 5000], p: 9.151556270187387e-24 },
  ])('$counts.0/$counts.1 vs $counts.2/$counts.3', ({ counts: [passA, nA, passB, nB], p }) => {
    expectRelativelyClose(twoProportionZ(passA ?? 0, nA ?? 0, passB ?? 0, nB ?? 0), p, 2e-7);
  });

  it.each([
    [10, 20, 10, 20],
    [20, 20, 30, 30],
    [0, 20, 0, 30],
  ])('gives 1 for equal proportions: %s/%s vs %s/%s', (passA, nA, passB, nB) => {
    expect(twoProportionZ(passA, nA, passB, nB)).toBeCloseTo(1, 6);
  });

  it('is symmetric in A and B', () => {
    expect(twoProportionZ(550, 1000, 500, 1000)).toBe(twoProportionZ(500, 1000, 550, 1000));
  });

  it('refuses a side without trials', () => {
    expect(() => twoProportionZ(0, 0, 1, 2)).toThrow(RangeError);
  });
});

describe('differsBeyondChance', () => {
  it.each([
    { counts: [20, 20, 0, 20], test: 'fisher', significant: true },
    { counts: [1, 2, 2, 2], test: 'fisher', significant: false },
    { counts: [12, 20, 5, 20], test: 'fisher', significant: false },
    { counts: [600, 1000, 500, 1000], test: 'fisher', significant: true },
    { counts: [601, 1001, 500, 1000], test: 'z', significant: true },
    { counts: [1010, 2000, 1000, 2000], test: 'z', significant: false },
  ])(
    '$counts.0/$counts.1 vs $counts.2/$counts.3: $test, significant $significant',
    ({ counts: [passA, nA, passB, nB], test, significant }) => {
      const verdict = differsBeyondChance(passA ?? 0, nA ?? 0, passB ?? 0, nB ?? 0);
      expect(verdict).toMatchObject({ test, significant });
    },
  );

  it('reports the p-value of the test it ran', () => {
    expect(differsBeyondChance(1, 10, 11, 14)?.pValue).toBe(fisherExactTwoSided(1, 10, 11, 14));
    expect(differsBeyondChance(1200, 2000, 1100, 2000)?.pValue).toBe(
      twoProportionZ(1200, 2000, 1100, 2000),
    );
  });

  it('takes alpha as given: significant only below it', () => {
    // p = 0.05355 for 12/20 vs 5/20.
    expect(differsBeyondChance(12, 20, 5, 20, 0.06)?.significant).toBe(true);
    expect(differsBeyondChance(12, 20, 5, 20, 0.05)?.significant).toBe(false);
  });

  it.each([
    { counts: [2.5, 5, 1, 5], why: 'pass counts from pre-averaged summaries' },
    { counts: [0, 0, 1, 5], why: 'a side without trials' },
    { counts: [6, 5, 1, 5], why: 'more passes than trials' },
  ])('is null where nothing can be tested: $why', ({ counts: [passA, nA, passB, nB] }) => {
    expect(differsBeyondChance(passA ?? 0, nA ?? 0, passB ?? 0, nB ?? 0)).toBeNull();
  });
});
