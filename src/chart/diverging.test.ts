import { color, lab } from 'd3-color';
import { describe, expect, it } from 'vitest';
import {
  colourOfDifference,
  DIFF_TICKS,
  differenceText,
  differenceTitle,
  interpolateDifference,
} from './diverging';

const rgb = (c: string) => {
  const parsed = color(c)?.rgb();
  if (!parsed) throw new Error(`not a colour: ${c}`);
  return parsed;
};

describe('the difference scale', () => {
  it('is a neutral grey at zero, on the legend too', () => {
    for (const c of [colourOfDifference(0), interpolateDifference(0.5)]) {
      const { r, g, b } = rgb(c);
      expect([r, g, b]).toEqual([247, 247, 247]);
    }
  });

  it('is blue where A is higher and red where B is, equally dark either side', () => {
    for (const d of [0.25, 0.5, 1]) {
      const plus = rgb(colourOfDifference(d));
      const minus = rgb(colourOfDifference(-d));
      expect(plus.b).toBeGreaterThan(plus.r);
      expect(minus.r).toBeGreaterThan(minus.b);
      // ColorBrewer's RdBu is balanced: each side as light as the other, within a few L*.
      expect(Math.abs(lab(colourOfDifference(d)).l - lab(colourOfDifference(-d)).l)).toBeLessThan(
        6,
      );
      expect(lab(colourOfDifference(d)).l).toBeLessThan(lab(colourOfDifference(0)).l);
    }
  });

  it('clamps differences beyond ±100 points', () => {
    expect(colourOfDifference(3)).toBe(colourOfDifference(1));
    expect(colourOfDifference(-3)).toBe(colourOfDifference(-1));
  });

  it('puts its ticks where the legend shows them, the unit in the title', () => {
    expect(DIFF_TICKS.map((t) => [t.at, t.label])).toEqual([
      [0, '−100'],
      [0.25, '−50'],
      [0.5, '0'],
      [0.75, '+50'],
      [1, '+100'],
    ]);
    expect(differenceTitle('claude-2.1', 'gpt-4-128k')).toBe('claude-2.1 − gpt-4-128k (points)');
  });
});

describe('differenceText', () => {
  it('prints only where the runs differ by a printed point', () => {
    expect(differenceText(0)).toBeUndefined();
    expect(differenceText(0.004)).toBeUndefined();
    expect(differenceText(-0.0049)).toBeUndefined();
    expect(differenceText(null)).toBeUndefined();
    expect(differenceText(0.12)).toBe('+12');
    expect(differenceText(-0.03)).toBe('−3');
  });
});
