import { describe, expect, it } from 'vitest';
import { chooseTicks } from './ticks';

const range = (n: number) => [...Array(n).keys()];

describe('chooseTicks', () => {
  it('labels every band when the labels fit flat', () => {
    expect(chooseTicks(range(15), { bandPx: 40, flatPx: 36, rotatedPx: 14 })).toEqual({
      ticks: range(15),
      rotate: false,
    });
  });

  it('thins evenly, keeping both ends and the kept middle, before turning', () => {
    // 35 depths, 50 % at index 17, labels two bands tall.
    const { ticks, rotate } = chooseTicks(range(35), {
      bandPx: 12,
      flatPx: 13,
      rotatedPx: null,
      keep: [17],
    });
    expect(rotate).toBe(false);
    expect(ticks[0]).toBe(0);
    expect(ticks).toContain(17);
    expect(ticks[ticks.length - 1]).toBe(34);
    const gaps = ticks.slice(1).map((t, i) => t - (ticks[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('stays flat with fewer labels rather than turning them', () => {
    const { ticks, rotate } = chooseTicks(range(35), { bandPx: 30, flatPx: 40, rotatedPx: 14 });
    expect(rotate).toBe(false);
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBe(34);
    expect(ticks.length).toBeGreaterThan(10);
  });

  it('turns the labels only when even the ends do not fit flat', () => {
    const { ticks, rotate } = chooseTicks(range(4), { bandPx: 8, flatPx: 40, rotatedPx: 14 });
    expect(rotate).toBe(true);
    expect(ticks).toEqual([0, 3]);
  });

  it('drops a kept middle too close to an end, and says so by turning', () => {
    const flat = chooseTicks(range(5), { bandPx: 10, flatPx: 25, rotatedPx: 14, keep: [2] });
    expect(flat.rotate).toBe(true);
    expect(flat.ticks).toEqual([0, 2, 4]);
  });

  it('labels the one band of a one-band axis', () => {
    expect(chooseTicks([4096], { bandPx: 5, flatPx: 40, rotatedPx: 14 }).ticks).toEqual([4096]);
  });
});
