import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile, tInterval, wilsonInterval } from './intervals';

describe('studentTQuantile', () => {
  // Reference values: R's qt(0.975, df).
  it.each([
    [1, 12.706204736],
    [2, 4.30265273],
    [5, 2.570581836],
    [9, 2.262157163],
    [10, 2.228138852],
    [30, 2.042272456],
    [100, 1.983971519],
    [10000, 1.960201263],
  ])('df %d: t(0.975) = %f', (df, want) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(want, 6);
  });

  it('is symmetric and inverts the CDF', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 10);
    expect(studentTCdf(studentTQuantile(0.9, 4), 4)).toBeCloseTo(0.9, 10);
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 12);
  });

  it('refuses what has no quantile', () => {
    expect(studentTQuantile(1, 5)).toBeNaN();
    expect(studentTQuantile(0.5, 0)).toBeNaN();
  });
});

describe('wilsonInterval', () => {
  // Reference values: R's prop.test(x, n, correct = FALSE)$conf.int and Newcombe (1998), table I.
  it.each([
    [8, 10, 0.4901624, 0.9433178],
    [0, 10, 0, 0.2775328],
    [10, 10, 0.7224672, 1],
    [50, 100, 0.4038315, 0.5961685],
    [81, 263, 0.2553, 0.3662],
  ])('%d of %d: [%f, %f]', (passes, n, lower, upper) => {
    const interval = wilsonInterval(passes, n);
    expect(interval?.lower).toBeCloseTo(lower, 4);
    expect(interval?.upper).toBeCloseTo(upper, 4);
  });

  it('has no interval without trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
  });
});

describe('tInterval', () => {
  it('is the mean ± t(0.975, n − 1) · sd / √n', () => {
    // mean 5, sd 2, n 10: half-width 2.262157 · 2 / √10 = 1.430714 (R: 5 + c(-1, 1) * qt(0.975, 9) * 2 / sqrt(10)).
    const interval = tInterval(5, 2, 10);
    expect(interval?.lower).toBeCloseTo(3.569286, 5);
    expect(interval?.upper).toBeCloseTo(6.430714, 5);
  });

  it('has no interval from one observation, and none from a bad spread', () => {
    expect(tInterval(0.5, 0, 1)).toBeNull();
    expect(tInterval(0.5, Number.NaN, 5)).toBeNull();
  });

  it('is zero-wide when every observation is the same', () => {
    expect(tInterval(1, 0, 12)).toEqual({ lower: 1, upper: 1 });
  });
});
