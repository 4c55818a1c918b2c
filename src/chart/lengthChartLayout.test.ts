import { describe, expect, it } from 'vitest';
import { lengthTickFormat } from './format';
import {
  bandPath,
  defaultLengthScale,
  dodge,
  lengthChartLayout,
  linePath,
  thinTicks,
  thresholdLabelY,
  thresholdPercent,
} from './lengthChartLayout';

const range = (n: number, step: number, start = 0) =>
  Array.from({ length: n }, (_, i) => start + i * step);
const powers = (from: number, to: number) => range(to - from + 1, 1, from).map((p) => 2 ** p);

function layoutOf(width: number, lengths: number[], scale = defaultLengthScale(lengths)) {
  return lengthChartLayout({ width, lengths, lengthLabel: lengthTickFormat(lengths), scale });
}

/** Left and right edges of each tick label, as the layout estimates them. */
function labelSpans(width: number, lengths: number[]) {
  const layout = layoutOf(width, lengths);
  const label = lengthTickFormat(lengths);
  return layout.xTicks.map((l) => {
    const half = (label(l).length * 7) / 2;
    return [layout.x(l) - half, layout.x(l) + half] as const;
  });
}

describe('lengthChartLayout', () => {
  it('defaults to a log axis only for a geometric sweep', () => {
    expect(layoutOf(800, powers(10, 17)).log).toBe(true);
    expect(layoutOf(800, [4000, 8000, 16000]).log).toBe(true);
    // Claude 2.1's and GPT-4 128K's even sweeps: linear, or the short lengths crowd together.
    expect(layoutOf(800, range(35, 5853, 1000)).log).toBe(false);
    expect(layoutOf(800, range(15, 9071, 1000)).log).toBe(false);
    expect(layoutOf(800, [1000, 8000]).log).toBe(false);
    expect(layoutOf(800, [4096]).log).toBe(false);
  });

  it('uses the axis the user sets, log only where every length is above 0', () => {
    const even = range(15, 9071, 1000);
    expect(layoutOf(800, even, 'log').log).toBe(true);
    expect(layoutOf(800, powers(10, 17), 'linear').log).toBe(false);
    expect(layoutOf(800, [0, 1000, 2000], 'log').log).toBe(false);
    // Linear: equal steps of tokens are equal steps of pixels.
    const layout = layoutOf(800, even, 'linear');
    const xs = even.map((l) => layout.x(l));
    const steps = xs.slice(1).map((x, i) => x - (xs[i] ?? 0));
    for (const step of steps) expect(step).toBeCloseTo(steps[0] ?? 0, 6);
  });

  it('spaces a power-of-two sweep evenly on the log axis', () => {
    const layout = layoutOf(800, powers(10, 17));
    const xs = powers(10, 17).map((l) => layout.x(l));
    const steps = xs.slice(1).map((x, i) => x - (xs[i] ?? 0));
    for (const step of steps) expect(step).toBeCloseTo(steps[0] ?? 0, 6);
  });

  it('keeps every point and tick label inside the panel', () => {
    for (const width of [320, 600, 1100]) {
      const lengths = range(15, 9071, 1000);
      const layout = layoutOf(width, lengths);
      for (const l of lengths) {
        expect(layout.x(l)).toBeGreaterThan(layout.plot.x);
        expect(layout.x(l)).toBeLessThan(layout.plot.x + layout.plot.width);
      }
      const spans = labelSpans(width, lengths);
      expect(spans.at(-1)?.[1]).toBeLessThanOrEqual(Math.max(width, layout.width));
    }
  });

  it('labels every length of a sparse sweep', () => {
    expect(layoutOf(900, powers(12, 17)).xTicks).toEqual(powers(12, 17));
  });

  it('thins the labels of a dense sweep so none overlap, keeping the first and last', () => {
    const lengths = range(35, 5853, 1000);
    const layout = layoutOf(400, lengths);
    expect(layout.xTicks.length).toBeLessThan(lengths.length);
    expect(layout.xTicks[0]).toBe(lengths[0]);
    expect(layout.xTicks.at(-1)).toBe(lengths.at(-1));
    const spans = labelSpans(400, lengths);
    spans.slice(1).forEach(([leftEdge], i) => {
      expect(leftEdge).toBeGreaterThan(spans[i]?.[1] ?? 0);
    });
  });

  it('puts 100% at the top, 0% at the bottom, with a tick every 25%', () => {
    const layout = layoutOf(800, [1000, 2000]);
    expect(layout.y(1)).toBe(layout.plot.y);
    expect(layout.y(0)).toBe(layout.plot.y + layout.plot.height);
    expect(layout.yTicks).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('draws a single length in the middle of the plot', () => {
    const layout = layoutOf(800, [32768]);
    expect(layout.x(32768)).toBeCloseTo(layout.plot.x + layout.plot.width / 2, 6);
    expect(layout.xTicks).toEqual([32768]);
  });
});

describe('thinTicks', () => {
  it('gives up earlier ticks rather than the longest length', () => {
    const x = (l: number) => l;
    expect(thinTicks([0, 100, 200, 215], x, () => 'XX')).toEqual([0, 100, 215]);
  });
});

describe('thresholdLabelY', () => {
  it('labels the threshold above its line, or below it when the line is near the top', () => {
    const layout = layoutOf(800, [1000, 2000]);
    expect(thresholdLabelY(layout, 0.85)).toBeLessThan(layout.y(0.85));
    expect(thresholdLabelY(layout, 1)).toBeGreaterThan(layout.y(1));
    expect(thresholdLabelY(layout, 1)).toBeGreaterThan(layout.plot.y);
  });
});

describe('linePath', () => {
  it('joins the points in order with straight segments', () => {
    const layout = layoutOf(800, [1000, 2000]);
    const path = linePath(layout, [
      { lengthTokens: 1000, value: 1 },
      { lengthTokens: 2000, value: 0 },
    ]);
    const x0 = Math.round(layout.x(1000) * 100) / 100;
    const x1 = Math.round(layout.x(2000) * 100) / 100;
    expect(path).toBe(`M${x0},${layout.plot.y}L${x1},${layout.plot.y + layout.plot.height}`);
  });

  it('gives an empty path for no points', () => {
    expect(linePath(layoutOf(800, [1000]), [])).toBe('');
  });
});

describe('bandPath', () => {
  const layout = layoutOf(800, [1000, 2000, 3000, 4000]);
  const at = (l: number, v: number) =>
    `${Math.round(layout.x(l) * 100) / 100},${Math.round(layout.y(v) * 100) / 100}`;

  it('goes along the upper ends and back along the lower ones', () => {
    const path = bandPath(layout, [
      { lengthTokens: 1000, value: 0.5, interval: { lower: 0.4, upper: 0.6 } },
      { lengthTokens: 2000, value: 0.5, interval: { lower: 0.3, upper: 0.7 } },
    ]);
    expect(path).toBe(`M${at(1000, 0.6)}L${at(2000, 0.7)}L${at(2000, 0.3)}L${at(1000, 0.4)}Z`);
  });

  it('breaks where a point has no interval, and draws nothing for a lone interval', () => {
    const i = { lower: 0.4, upper: 0.6 };
    const path = bandPath(layout, [
      { lengthTokens: 1000, value: 0.5, interval: i },
      { lengthTokens: 2000, value: 0.5, interval: null },
      { lengthTokens: 3000, value: 0.5, interval: i },
      { lengthTokens: 4000, value: 0.5, interval: i },
    ]);
    expect(path.match(/M/g)).toHaveLength(1);
    expect(path.startsWith(`M${at(3000, 0.6)}`)).toBe(true);
  });

  it('stops an interval past 100 % at the frame', () => {
    const path = bandPath(layout, [
      { lengthTokens: 1000, value: 1, interval: { lower: 0.9, upper: 1.2 } },
      { lengthTokens: 2000, value: 1, interval: { lower: 0.9, upper: 1.1 } },
    ]);
    expect(path.startsWith(`M${at(1000, 1)}L${at(2000, 1)}`)).toBe(true);
    expect(layout.y(1.2)).toBe(layout.plot.y);
  });
});

describe('dodge', () => {
  it('sets runs a few pixels apart around their length, none for a single run', () => {
    expect(dodge(1)).toEqual([0]);
    expect(dodge(2)).toEqual([-1.5, 1.5]);
    expect(dodge(3)).toEqual([-3, 0, 3]);
    const many = dodge(9);
    expect(new Set(many).size).toBe(9);
    expect(Math.max(...many) - Math.min(...many)).toBeLessThanOrEqual(12);
  });
});

describe('thresholdPercent', () => {
  it.each([
    [0.85, '85%'],
    [0.875, '87.5%'],
    [1, '100%'],
    [0, '0%'],
  ])('%d -> %s', (threshold, text) => {
    expect(thresholdPercent(threshold)).toBe(text);
  });
});
